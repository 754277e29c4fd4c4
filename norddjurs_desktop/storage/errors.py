"""Storage failures a user can understand: each message is Danish and one line.

Everything SQLite or the operating system can raise while a change is written
(a lock, a full disk, a read-only file, an I/O error, a damaged page) leaves
the storage layer as one of these, so a front end needs to catch only
:class:`StorageError` to tell the user — never a traceback, never silence.
"""

from norddjurs_desktop.domain.errors import UserFacingError


class StorageError(UserFacingError):
    """Base for database problems shown to the user."""


class NewerDatabaseError(StorageError):
    """The file was written by a newer version of the app; we leave it untouched."""


class NotADatabaseError(StorageError):
    """The file is not a Fremmødepaletten database (or not SQLite at all)."""


class DamagedDatabaseError(StorageError):
    """The file failed SQLite's check: it is never written to; restore a backup instead."""


class WriteFailedError(StorageError):
    """A change could not be stored; nothing of it is in the file."""


class DatabaseBusyError(WriteFailedError):
    """Another program held SQLite's lock for longer than the busy timeout."""


class DiskFullError(WriteFailedError):
    """The disk (or the file's size limit) is full."""


class ReadOnlyError(WriteFailedError):
    """The file or its folder cannot be written to."""


class DiskIOError(WriteFailedError):
    """The operating system reported an input/output error."""


class DatabaseInUseError(StorageError):
    """Another writer (the app's window or a command) holds the file's write lock."""


class MigrationFailedError(StorageError):
    """The file could not be upgraded to this version; it is unchanged (details in the log)."""


BUSY_MESSAGE = "Databasen er låst af et andet program – prøv igen om lidt."
DISK_FULL_MESSAGE = "Disken er fuld – ændringen er ikke gemt. Frigør plads, og prøv igen."
READ_ONLY_MESSAGE = "Filen er skrivebeskyttet – ændringer kan ikke gemmes."
IO_MESSAGE = "Filen kunne ikke skrives (fejl på disken eller drevet) – ændringen er ikke gemt."
DAMAGED_MESSAGE = (
    "Databasefilen er beskadiget og bruges ikke, så intet skrives i den. "
    "Gendan en sikkerhedskopi."
)


class ServerError(StorageError):
    """The shared PostgreSQL server could not be reached or refused us."""


class PasswordRequiredError(ServerError):
    """The server wants a password and none was given: the front end asks for one."""


class ServerConnectionLostError(WriteFailedError):
    """The connection to the server broke off during a unit of work: nothing of it is stored."""


SERVER_UNREACHABLE_MESSAGE = (
    "Kan ikke få forbindelse til databaseserveren – tjek adressen og netværket, "
    "eller spørg IT, om serveren kører."
)
SERVER_AUTH_MESSAGE = "Databaseserveren afviste brugernavnet eller adgangskoden."
SERVER_PASSWORD_MESSAGE = "Databaseserveren kræver en adgangskode."
SERVER_MISSING_DATABASE_MESSAGE = (
    "Databasen findes ikke på serveren – bed IT om at oprette den (se vejledningen til IT)."
)
SERVER_LOST_MESSAGE = (
    "Forbindelsen til databaseserveren blev afbrudt – ændringen er ikke gemt. Prøv igen."
)
SERVER_PERMISSION_MESSAGE = (
    "Din bruger har ikke lov til at ændre i den fælles database – kontakt IT."
)
SERVER_DISK_FULL_MESSAGE = "Databaseserverens disk er fuld – ændringen er ikke gemt. Kontakt IT."
SERVER_BUSY_MESSAGE = (
    "En anden ændrede de samme data på samme tid – ændringen er ikke gemt. Prøv igen."
)
