"""SQLite storage: tables, engine, migrations and backups. No Qt here."""

import logging

# Log records stay silent unless a front end sends them to a file (services.bootstrap);
# without this, Python would print warnings on stderr beside the CLI's one Danish line.
logging.getLogger("norddjurs_desktop").addHandler(logging.NullHandler())
