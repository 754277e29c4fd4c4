"""Card decks: the shipped library, HR's own decks, editing, files and checks."""
