"""The one exception every import problem is reported with.

The GUI and the CLI catch exactly this class and show ``message`` as it is:
it is Danish, names the file, the row (the header is row 1) and the column,
and says what was expected. It deliberately does not subclass the built-in
``ImportError`` (which means "a Python module could not be imported"), so a
bad file can never be mistaken for a missing package or vice versa.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from norddjurs_desktop.domain.errors import UserFacingError

__all__ = ["SHOWN_PROBLEMS", "ImportFileError", "Problem", "problems_error"]

#: How many problems one message lists; the rest are counted ("… og 12 flere").
SHOWN_PROBLEMS = 50


class Problem(NamedTuple):
    """One problem in one row: where it is, what was wrong and expected.

    ``skippable`` marks a row of the absence file that cannot be used (an
    impossible date, Til before Fra, an unknown person): the import may go on
    without that row if the user asks. Problems with the staff list are never
    skippable, since every absence row depends on it.
    """

    file: str
    row: int
    column: str
    message: str
    skippable: bool = False

    def line(self) -> str:
        """"fravaer.csv, række 12, kolonnen 'Fra': …" — one line of the all-problems list."""
        return f"{Path(self.file).name}, række {self.row}, kolonnen '{self.column}': {self.message}"


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
        problems: Sequence[Problem] = (),
    ) -> None:
        self.file = str(file)
        self.row = row
        self.column = column
        self.further_errors = further_errors
        #: Every row problem found (empty for a problem with a whole file).
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.message = _compose(Path(file).name, message, row, column, further_errors)
        super().__init__(self.message)

    @property
    def skippable(self) -> bool:
        """True when every problem is an unusable absence row, so the rest may be imported."""
        return bool(self.problems) and all(p.skippable for p in self.problems)

    @property
    def bad_rows(self) -> int:
        """How many rows an import without the bad rows would leave out."""
        return len({(p.file, p.row) for p in self.problems})


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


def problems_error(problems: Sequence[Problem]) -> ImportFileError:
    """One error that tells every problem: the first 50 listed, and the total.

    A single problem reads as before ("Filen 'x', række n, kolonnen 'y': …");
    several become a count and one line each, so HR can fix them all at once.
    """
    first = problems[0]
    if len(problems) == 1:
        return ImportFileError(first.file, first.message, row=first.row, column=first.column,
                               problems=problems)
    names = list(dict.fromkeys(Path(p.file).name for p in problems))
    where = f"filen '{names[0]}'" if len(names) == 1 else (
        "filerne " + " og ".join(f"'{n}'" for n in names))
    lines = [f"Der er {len(problems)} fejl i {where}; hver er nævnt herunder."]
    lines.extend(f"• {p.line()}" for p in problems[:SHOWN_PROBLEMS])
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"… og {len(problems) - SHOWN_PROBLEMS} flere.")
    error = ImportFileError(first.file, "", row=first.row, column=first.column,
                            further_errors=len(problems) - 1, problems=problems)
    error.message = "\n".join(lines)
    error.args = (error.message,)
    return error
