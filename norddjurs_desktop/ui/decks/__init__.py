"""The card editor for HR: decks, themes and cards."""
