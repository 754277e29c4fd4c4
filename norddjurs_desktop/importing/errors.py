"""The one exception every import problem is reported with.

The GUI and the CLI catch exactly this class and show ``message`` as it is:
it is Danish, names the file, the row (the header is row 1) and the column,
and says what was expected. It deliberately does not subclass the built-in
``ImportError`` (which means "a Python module could not be imported"), so a
bad file can never be mistaken for a missing package or vice versa.
"""

from __future__ import annotations

from pathlib import Path

from norddjurs_desktop.domain.errors import UserFacingError

__all__ = ["ImportFileError"]


class ImportFileError(UserFacingError):
    """A file that cannot be imported; nothing has been stored when it is raised.

    ``file`` is the path as given, ``row`` the 1-based row in the file (None
    for problems with the whole file), ``column`` the column's header as
    written in the file (None when no single column is at fault),
    ``message`` the full Danish text for the user, and ``further_errors`` the
    number of other problems found in the same file after this first one.
    """

    def __init__(
        self,
        file: str | Path,
        message: str,
        row: int | None = None,
        column: str | None = None,
        further_errors: int = 0,
    ) -> None:
        self.file = str(file)
        self.row = row
        self.column = column
        self.further_errors = further_errors
        self.message = _compose(Path(file).name, message, row, column, further_errors)
        super().__init__(self.message)


def _compose(name: str, detail: str, row: int | None, column: str | None, more: int) -> str:
    where = f"Filen '{name}'"
    if row is not None:
        where += f", række {row}"
    if column is not None:
        where += f", kolonnen '{column}'"
    text = f"{where}: {detail}"
    if more == 1:
        text += " Der er 1 fejl mere i filen."
    elif more > 1:
        text += f" Der er {more} fejl mere i filen."
    return text
