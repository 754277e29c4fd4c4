"""Shared fixtures: a fresh database per test, and Qt kept off the real screen and settings."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "fremmoede.sqlite"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated to head with the shipped decks in, made once per test run.

    Migrating costs about 0.2 s; copying a finished file costs almost nothing, and
    opening an up-to-date file runs exactly the code path a user's second start runs.
    """
    from norddjurs_desktop.services.bootstrap import open_app_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_app_database(path).close()
    return path


@pytest.fixture
def db(request: pytest.FixtureRequest, db_path: Path, migrated_template: Path) -> Iterator:
    """A fresh database: a SQLite file, or (``postgresql``) a new database on the test server.

    Modules marked ``both_databases`` get every test that uses ``db`` twice.
    """
    from norddjurs_desktop.services.bootstrap import open_app_database

    if getattr(request, "param", "sqlite") == "postgresql":
        server: PostgresTestServer = request.getfixturevalue("pg_server")
        url = server.fresh_database()
        database = open_app_database(url)
        yield database
        database.close()
        server.drop(url)
        return
    shutil.copyfile(migrated_template, db_path)
    database = open_app_database(db_path)
    yield database
    database.close()


BOTH = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_databases"):
        metafunc.parametrize("db", BOTH, indirect=True)


class PostgresTestServer:
    """One PostgreSQL server for the whole run (pgserver's binaries, in a temporary folder).

    Each test gets its own database, copied from a migrated template with
    ``CREATE DATABASE … TEMPLATE`` (a file copy on the server: much faster than migrating).
    """

    def __init__(self, folder: Path) -> None:
        import pgserver

        self.folder = folder
        self._server = pgserver.get_server(folder, cleanup_mode="stop")
        self._count = 0
        self.admin("CREATE DATABASE fp_template")
        from norddjurs_desktop.services.bootstrap import open_app_database

        open_app_database(self.url("fp_template")).close()

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@localhost:5432/{name}?host={self.folder}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host=str(self.folder), user="postgres", dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def show(self, setting: str) -> str:
        """A server setting (``SHOW hba_file`` …)."""
        import psycopg

        with psycopg.connect(host=str(self.folder), user="postgres", dbname="postgres",
                             autocommit=True) as connection:
            row = connection.execute(f"SHOW {setting}").fetchone()  # type: ignore[arg-type]
        assert row is not None
        return str(row[0])

    def admin_in(self, url: str, sql: str) -> None:
        """Run ``sql`` in the database at ``url`` as the server's superuser."""
        import psycopg

        from norddjurs_desktop.storage.location import parse_server

        name = parse_server(url)[0].database
        with psycopg.connect(host=str(self.folder), user="postgres", dbname=name,
                             autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def fresh_database(self, prefix: str = "fp_test") -> str:
        self._count += 1
        name = f"{prefix}_{os.getpid()}_{self._count}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE fp_template")
        return self.url(name)

    def empty_database(self) -> str:
        self._count += 1
        name = f"fp_empty_{os.getpid()}_{self._count}"
        self.admin(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop(self, url: str) -> None:
        from norddjurs_desktop.storage.location import parse_server

        name = parse_server(url)[0].database
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        self._server.cleanup()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresTestServer]:
    """The test run's own PostgreSQL server. It must start in CI; elsewhere the
    PostgreSQL tests are skipped, with the reason, when it cannot."""
    import warnings

    folder = Path(tempfile.mkdtemp(prefix="fp-pg-"))  # short: a Unix socket path is limited
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            server = PostgresTestServer(folder)
    except Exception as error:  # noqa: BLE001 - any failure to start is reported the same way
        reason = f"PostgreSQL-testserveren kunne ikke startes (pgserver): {error!r}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_qt_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings and QStandardPaths out of the developer's home folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
