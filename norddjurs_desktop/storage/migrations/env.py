"""Alembic environment: always run with a connection handed in by storage.database."""

from __future__ import annotations

from alembic import context

from norddjurs_desktop.storage import (
    absence_models,
    models,
    round_models,
    settings_models,
    share_models,
)

# Every table module must be imported so that autogenerate and upgrades see them all.
_ALL_TABLES = (absence_models, round_models, settings_models, share_models)

config = context.config
target_metadata = models.SQLModel.metadata

connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    from sqlalchemy import create_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite:///fremmoedepaletten.sqlite"
    with create_engine(url).connect() as own:
        context.configure(connection=own, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
