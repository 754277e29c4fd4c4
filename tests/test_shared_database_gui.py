""""Åbn fælles database …" and the password: asked for, hidden, and never written anywhere.

The test server gets a role that must give a password (scram-sha-256), as a
municipal server would have; everyone else on the test server is trusted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit

from norddjurs_desktop.services import units
from norddjurs_desktop.storage.database import open_database
from norddjurs_desktop.storage.errors import (
    SERVER_AUTH_MESSAGE,
    PasswordRequiredError,
    StorageError,
)
from norddjurs_desktop.storage.location import ServerLocation, parse_server
from norddjurs_desktop.ui.shell.main_window import MainWindow
from norddjurs_desktop.ui.shell.server_dialog import ServerDialog, ask_for_server, recent_servers

pytestmark = pytest.mark.postgres

SECRET = "Hemmelig-Kode-42"


@pytest.fixture(scope="module")
def guarded_url(pg_server) -> str:
    """A database owned by a role that must give its password."""
    pg_server.admin(f"CREATE ROLE hr_bruger LOGIN PASSWORD '{SECRET}'")
    url = pg_server.fresh_database()
    name = parse_server(url)[0].database
    pg_server.admin(f"ALTER DATABASE {name} OWNER TO hr_bruger")
    pg_server.admin_in(url, "GRANT ALL ON ALL TABLES IN SCHEMA public TO hr_bruger")
    pg_server.admin_in(url, "GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO hr_bruger")
    hba = Path(pg_server.show("hba_file"))
    hba.write_text("local all hr_bruger scram-sha-256\n" + hba.read_text())
    pg_server.admin("SELECT pg_reload_conf()")
    return url.replace("postgres@", "hr_bruger@")


def _answer_password(qtbot, text: str | None) -> list[str]:
    """Type into the password box when it appears (None: cancel); returns what it asked."""
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.labelText())
        assert box.textEchoMode() == QLineEdit.EchoMode.Password
        if text is None:
            box.reject()
        else:
            box.setTextValue(text)
            box.accept()

    QTimer.singleShot(0, answer)
    return asked


def test_the_server_asks_for_the_password_and_a_wrong_one_is_said(guarded_url) -> None:
    with pytest.raises(PasswordRequiredError, match="kræver en adgangskode"):
        open_database(guarded_url)
    with pytest.raises(StorageError) as caught:
        open_database(guarded_url, password="forkert")
    assert str(caught.value) == SERVER_AUTH_MESSAGE
    db = open_database(guarded_url, password=SECRET)
    try:
        units.create_unit(db, "Jobcentret")
    finally:
        db.close()


def test_the_window_asks_for_the_password_hidden_and_stores_it_nowhere(
    qtbot, guarded_url, tmp_path: Path
) -> None:
    where = parse_server(guarded_url)[0]
    window = MainWindow(where)
    qtbot.addWidget(window)
    asked = _answer_password(qtbot, SECRET)

    window.open_database()

    assert window.db is not None and window.db.is_server
    assert asked and where.user in asked[0]
    qtbot.waitUntil(lambda: window.home is not None)
    window.close()
    window.close_database()
    # Nothing the app wrote (settings, log) holds the password.
    for folder in (tmp_path / "config", tmp_path / "data", tmp_path / "home"):
        for path in folder.rglob("*") if folder.exists() else ():
            if path.is_file():
                assert SECRET not in path.read_text(errors="replace"), path


def test_cancelling_the_password_closes_the_window_without_a_fault(qtbot, guarded_url) -> None:
    window = MainWindow(parse_server(guarded_url)[0])
    qtbot.addWidget(window)
    window.show()
    _answer_password(qtbot, None)

    window.open_database()

    assert window.db is None and not window.isVisible()


def test_the_dialog_builds_the_address_and_remembers_it_without_password(qtbot) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ServerDialog):
            QTimer.singleShot(20, fill)
            return
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        ok.click()  # empty fields: refused with the reason, the dialog stays
        assert dialog.isVisible() and "serverens navn" in dialog.problem.text()
        qtbot.keyClicks(dialog.host, "db.kommune.dk")
        dialog.port.setValue(5433)
        qtbot.keyClicks(dialog.database, "fremmoede")
        qtbot.keyClicks(dialog.user, "hr")
        ok.click()

    QTimer.singleShot(0, fill)
    where = ask_for_server(None)

    assert where == ServerLocation("db.kommune.dk", 5433, "fremmoede", "hr")
    assert recent_servers() == [where]
    again = ServerDialog()
    qtbot.addWidget(again)
    assert (again.host.text(), again.port.value(), again.user.text()) == (
        "db.kommune.dk", 5433, "hr")


def test_the_command_line_takes_the_password_from_pgpassword(guarded_url) -> None:
    def run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "norddjurs_desktop", "list", "--db", guarded_url],
            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, env=env,
        )

    without = run({k: v for k, v in os.environ.items() if k != "PGPASSWORD"})
    with_env = run({**os.environ, "PGPASSWORD": SECRET})

    assert without.returncode == 2 and "PGPASSWORD" in without.stderr
    assert with_env.returncode == 0, with_env.stderr
