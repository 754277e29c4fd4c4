"""Shared fixtures: a fresh database per test, and Qt kept off the real screen and settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "fremmoede.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator:
    from norddjurs_desktop.services.bootstrap import open_app_database

    database = open_app_database(db_path)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _isolated_qt_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings and QStandardPaths out of the developer's home folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
