"""The home page: units and their screenings, what is due, and starting a new one."""
