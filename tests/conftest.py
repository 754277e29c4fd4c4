"""Shared fixtures: a fresh database per test, and Qt kept off the real screen and settings."""

from __future__ import annotations

import os
import shutil
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
def db(db_path: Path, migrated_template: Path) -> Iterator:
    from norddjurs_desktop.services.bootstrap import open_app_database

    shutil.copyfile(migrated_template, db_path)
    database = open_app_database(db_path)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _isolated_qt_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings and QStandardPaths out of the developer's home folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
