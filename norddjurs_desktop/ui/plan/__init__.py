"""The action plan: the action step, its table and form, and the plan's PDF export."""
