"""One screening: its page, store, steps and the undo commands of its edits."""
