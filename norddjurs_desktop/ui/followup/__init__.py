"""The follow-up meeting's own step: reviewing the last plan."""
