"""The home page: units and their screenings, and starting a new one."""
