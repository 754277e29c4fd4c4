"""Small reusable widgets: theme tiles, symbols, the card viewer."""
