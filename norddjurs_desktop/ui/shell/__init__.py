"""The application around the pages: main window, commands and keys, settings."""
