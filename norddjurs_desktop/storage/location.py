"""Where the database lives: a SQLite file on this computer or a shared PostgreSQL server.

Every place that accepts a database (``--db``, the GUI's open commands) takes a
plain string; this module decides once which of the two it is, so the rest of
the code never guesses from the text itself. A server address is kept without
its password: the password is asked for (or found by libpq in ``PGPASSWORD`` or
``~/.pgpass``) and held in memory only, never in settings, logs or recent lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

SCHEMES = ("postgresql+psycopg", "postgresql", "postgres")
DEFAULT_PORT = 5432


class LocationError(ValueError):
    """A server address that cannot be read (the message is Danish)."""


@dataclass(frozen=True)
class ServerLocation:
    """A PostgreSQL database, without a password. ``query`` keeps libpq options (sslmode …)."""

    host: str
    port: int
    database: str
    user: str
    query: tuple[tuple[str, str], ...] = ()

    @property
    def url(self) -> str:
        """The address as the user types it: ``postgresql+psycopg://user@host:port/db``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        text = f"postgresql+psycopg://{quote(self.user, safe='')}@{host}:{self.port}/"
        text += quote(self.database, safe="")
        return text + (f"?{urlencode(self.query)}" if self.query else "")

    @property
    def name(self) -> str:
        """Short and readable, for titles and messages: ``db på host``."""
        return f"{self.database} på {self.host_label}"

    @property
    def host_label(self) -> str:
        socket = dict(self.query).get("host")
        return socket or f"{self.host}:{self.port}"

    def connect_kwargs(self) -> dict[str, object]:
        """Keyword arguments for ``psycopg.connect`` (libpq fills in the password itself
        from ``PGPASSWORD`` or ``~/.pgpass`` when none is given)."""
        kwargs: dict[str, object] = {
            "host": self.host, "port": self.port, "dbname": self.database, "user": self.user,
        }
        kwargs.update(dict(self.query))  # host=/socket/folder overrides the host
        return kwargs

    def __str__(self) -> str:
        return self.url


Location = Path | ServerLocation


def is_server_address(text: str | Path) -> bool:
    """True for ``postgresql://…`` and ``postgresql+psycopg://…`` (checked before ``Path``
    folds the double slash away)."""
    if isinstance(text, Path):
        return False
    head, sep, _ = text.strip().partition("://")
    return bool(sep) and head.lower() in SCHEMES


def parse_server(text: str) -> tuple[ServerLocation, str | None]:
    """The location and the password written in the address, if any (kept apart)."""
    parts = urlsplit(text.strip())
    if parts.scheme.lower() not in SCHEMES:
        raise LocationError(f"'{text}' er ikke en PostgreSQL-adresse (postgresql+psycopg://…).")
    database = unquote(parts.path.lstrip("/"))
    query = tuple(parse_qsl(parts.query))
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as error:
        raise LocationError("Portnummeret i adressen til databaseserveren er ugyldigt.") from error
    host = parts.hostname or ""
    if not database:
        raise LocationError("Adressen til databaseserveren mangler databasens navn (…/navn).")
    if not host and "host" not in dict(query):
        raise LocationError("Adressen til databaseserveren mangler serverens navn.")
    user = unquote(parts.username or "")
    if not user:
        raise LocationError("Adressen til databaseserveren mangler brugernavnet (bruger@server).")
    password = unquote(parts.password) if parts.password is not None else None
    return ServerLocation(host or "localhost", port, database, user, query), password


def parse_location(text: str | Path | ServerLocation) -> tuple[Location, str | None]:
    """A file path or a server location (with the password given in the text, if any)."""
    if isinstance(text, ServerLocation):
        return text, None
    if is_server_address(text):
        return parse_server(str(text))
    return Path(text), None


def without_password(text: str) -> str:
    """The address safe to store or log: any password removed."""
    if not is_server_address(text):
        return text
    try:
        return parse_server(text)[0].url
    except LocationError:
        return "postgresql://…"
