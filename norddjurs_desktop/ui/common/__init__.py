"""What every page uses: running operations and background work, naming, sizing."""
