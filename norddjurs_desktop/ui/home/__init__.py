"""Parts of the home view: what is due across the units."""
