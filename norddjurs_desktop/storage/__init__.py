"""SQLite storage: tables, engine, migrations and backups. No Qt here."""
