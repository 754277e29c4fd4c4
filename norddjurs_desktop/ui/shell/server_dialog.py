""""Åbn fælles database …": the server's address asked for in plain fields, the password apart.

The address (server, port, database, user) is remembered among the recent
servers, without the password; the password is asked for when the server
wants one (libpq first tries ``PGPASSWORD`` and ``~/.pgpass`` by itself), held
in memory while the window is open, and never written to settings or logs.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from norddjurs_desktop import APP_NAME
from norddjurs_desktop.services.bootstrap import Database
from norddjurs_desktop.services.errors import StorageError
from norddjurs_desktop.storage.errors import SERVER_AUTH_MESSAGE, PasswordRequiredError
from norddjurs_desktop.storage.location import (
    DEFAULT_PORT,
    LocationError,
    ServerLocation,
    parse_server,
)
from norddjurs_desktop.ui.shell.settings import RECENT_SERVERS

MAX_RECENT = 6
PASSWORD_TRIES = 3


def recent_servers() -> list[ServerLocation]:
    found = []
    for line in RECENT_SERVERS.get().splitlines():
        try:
            found.append(parse_server(line)[0])
        except LocationError:
            continue  # a hand-edited line: skipped
    return found


def remember_server(where: ServerLocation) -> None:
    """Put the address first among the recent ones (``where.url`` holds no password)."""
    urls = [where.url] + [s.url for s in recent_servers() if s.url != where.url]
    RECENT_SERVERS.set("\n".join(urls[:MAX_RECENT]))


class ServerDialog(QDialog):
    """Server, port, database and user; no password field (it is asked for when needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Åbn fælles database")
        intro = QLabel(
            "Den fælles database ligger på en PostgreSQL-server, som IT har sat op. "
            "Skriv de oplysninger, du har fået af IT. Adgangskoden spørges der om bagefter; "
            "den gemmes ikke."
        )
        intro.setWordWrap(True)
        self.recent = QComboBox()
        self.recent.setObjectName("recentServers")
        self.recent.addItem("(vælg en af de seneste)", None)
        for where in recent_servers():
            self.recent.addItem(f"{where.name} (som {where.user})", where)
        self.recent.setEnabled(self.recent.count() > 1)
        self.recent.currentIndexChanged.connect(self._fill_from_recent)
        self.host = QLineEdit()
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText("fx db.kommune.dk")
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setObjectName("serverDatabase")
        self.database.setPlaceholderText("fx fremmoede")
        self.user = QLineEdit()
        self.user.setObjectName("serverUser")
        self.problem = QLabel()
        self.problem.setObjectName("serverProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow("&Seneste:", self.recent)
        form.addRow("Se&rver:", self.host)
        form.addRow("&Port:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&Bruger:", self.user)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Åbn")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if self.recent.count() > 1:
            self.recent.setCurrentIndex(1)

    def _fill_from_recent(self, index: int) -> None:
        where = self.recent.itemData(index)
        if isinstance(where, ServerLocation):
            self.host.setText(where.host)
            self.port.setValue(where.port)
            self.database.setText(where.database)
            self.user.setText(where.user)

    def location(self) -> ServerLocation | None:
        """The address typed, or None (with the reason shown) when a field is missing."""
        fields = (
            (self.host, "serverens navn"), (self.database, "databasens navn"),
            (self.user, "brugernavnet"),
        )
        missing = [what for field, what in fields if not field.text().strip()]
        if missing:
            self.problem.setText(f"Skriv {' og '.join(missing)}.")
            self.problem.show()
            return None
        chosen = self.recent.currentData()
        query = chosen.query if isinstance(chosen, ServerLocation) else ()
        return ServerLocation(
            self.host.text().strip(), self.port.value(), self.database.text().strip(),
            self.user.text().strip(), query,
        )

    def accept(self) -> None:
        if self.location() is not None:
            super().accept()


def ask_for_server(parent: QWidget | None) -> ServerLocation | None:
    dialog = ServerDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    where = dialog.location()
    if where is not None:
        remember_server(where)
    return where


def ask_password(parent: QWidget | None, where: ServerLocation, problem: str = "") -> str | None:
    """The password, typed hidden; None when the user cancels."""
    text = f"Adgangskode for {where.user} til {where.name}:"
    if problem:
        text = f"{problem}\n\n{text}"
    password, ok = QInputDialog.getText(
        parent, f"{APP_NAME} – adgangskode", text, QLineEdit.EchoMode.Password
    )
    return password if ok else None


def open_with_password(
    parent: QWidget | None,
    where: ServerLocation,
    opener: Callable[[str | None], Database],
    ask: Callable[[QWidget | None, ServerLocation, str], str | None] = ask_password,
) -> Database | None:
    """Open the shared database, asking for the password when the server wants one.

    A wrong password is asked for again (a few times); None when the user cancels.
    """
    try:
        return opener(None)
    except PasswordRequiredError as error:
        problem = str(error)
    for _ in range(PASSWORD_TRIES):
        password = ask(parent, where, problem)
        if password is None:
            return None
        try:
            return opener(password)
        except StorageError as error:
            if str(error) != SERVER_AUTH_MESSAGE:
                raise
            problem = f"{error} Prøv igen."
    raise StorageError(SERVER_AUTH_MESSAGE)
