"""The rules of the palette, scoring, absence metrics and calendars: pure Python."""
