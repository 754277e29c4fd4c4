"""One writer per database file, whoever it is: the app's window or a command.

The lock is keyed on the file itself, not on the name it was opened by: the
lock file's name is made of the file's device and inode numbers (``st_dev``,
``st_ino``; on Windows the volume serial and file index, which ``os.stat``
reports there too), so a hard link, a symlink or a second path to the same
file finds the same lock. Lock files live in one folder per machine (the
temporary folder), because a name beside the database would differ between
two links in different folders.

The lock itself is an operating-system lock on that small file (``flock`` on
POSIX, ``msvcrt.locking`` on Windows): it is released by the system when the
holder dies, even by ``kill -9``, so a crash never leaves a stale lock. It is
never taken on the database file itself, because POSIX record locks are
dropped on any ``close()`` of the file in the process and would fight with
SQLite's own locks.

Between machines on a network drive (where inode numbers are not shared)
SQLite's own locking still refuses a second simultaneous write, now that every
write starts with ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import os
import sys
import tempfile
from pathlib import Path
from typing import IO

from norddjurs_desktop.storage.errors import DatabaseInUseError

LOCK_FOLDER_NAME = "fremmoedepaletten-locks"
_LOCK_OFFSET = 1 << 16  # Windows locks a byte range: one byte past the holder text


def lock_folder() -> Path:
    """One folder for every user of the machine (sticky and world-writable, like /tmp)."""
    folder = Path(tempfile.gettempdir()) / LOCK_FOLDER_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if sys.platform != "win32" and folder.stat().st_uid == os.geteuid():
            folder.chmod(0o1777)
        if os.access(folder, os.W_OK | os.X_OK):
            return folder
    except OSError:
        pass
    own = folder.with_name(f"{LOCK_FOLDER_NAME}-{getpass.getuser()}")
    own.mkdir(parents=True, exist_ok=True)
    return own


def lock_key(db_path: Path) -> str:
    """The file's identity: device and inode if it exists (created empty if it can be)."""
    path = Path(db_path).expanduser()
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(exist_ok=True)  # an empty file is a new database to open_database
        info = path.stat()
    except OSError:
        # A file that cannot even be created will be opened read-only or refused;
        # its canonical path is the best identity there is.
        digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]
        return f"path-{digest}"
    return f"{info.st_dev:x}-{info.st_ino:x}"


def in_use_message(holder: str) -> str:
    return (
        f"Databasen bruges allerede af {holder} – luk den først, så der kun er én, "
        "der skriver i filen."
    )


class WriteLock:
    """The held lock; :meth:`release` (or leaving the ``with`` block) lets the next writer in."""

    def __init__(self, handle: IO[bytes], path: Path) -> None:
        self._handle: IO[bytes] | None = handle
        self.path = path

    @classmethod
    def try_acquire(cls, db_path: Path, holder: str) -> WriteLock | None:
        """The lock, or None when another writer has it. ``holder`` names us to the others."""
        lock_path = lock_folder() / f"{lock_key(db_path)}.lock"
        for _attempt in range(5):
            handle = _open(lock_path)
            if not _lock(handle):
                handle.close()
                return None
            if _same_file(handle, lock_path):
                with contextlib.suppress(OSError):  # another user's file: locked, not named
                    handle.seek(0)
                    handle.truncate()
                    handle.write(f"{holder}\n{os.getpid()}\n".encode())
                    handle.flush()
                return cls(handle, lock_path)
            # The previous holder removed the file as we opened it: try the new one.
            _unlock(handle)
            handle.close()
        return None

    @classmethod
    def acquire(cls, db_path: Path, holder: str) -> WriteLock:
        """The lock, or :class:`DatabaseInUseError` naming who has it."""
        lock = cls.try_acquire(db_path, holder)
        if lock is None:
            raise DatabaseInUseError(in_use_message(current_holder(db_path)))
        return lock

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        if sys.platform != "win32":
            # Remove the file while still holding it; the next one notices (_same_file).
            with contextlib.suppress(OSError):
                self.path.unlink()
        _unlock(handle)
        handle.close()

    # Kept so code written for QLockFile reads naturally.
    unlock = release

    def __enter__(self) -> WriteLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def current_holder(db_path: Path) -> str:
    """Who holds the lock, as the holder wrote it (for the refusal message)."""
    lock_path = lock_folder() / f"{lock_key(db_path)}.lock"
    try:
        with open(lock_path, "rb") as handle:
            first = handle.read(200).decode("utf-8", "replace").splitlines()
    except OSError:
        first = []
    return first[0] if first and first[0].strip() else "et andet program"


def _open(lock_path: Path) -> IO[bytes]:
    """Open for writing the holder's name; another user's lock file can still be locked."""
    try:
        handle = open(lock_path, "a+b")  # noqa: SIM115 - kept open while the lock is held
    except PermissionError:
        return open(lock_path, "rb")  # noqa: SIM115
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            os.chmod(lock_path, 0o644)
    return handle


def _same_file(handle: IO[bytes], lock_path: Path) -> bool:
    try:
        on_disk = os.stat(lock_path)
    except OSError:
        return False
    held = os.fstat(handle.fileno())
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
