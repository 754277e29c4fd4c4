"""Issue 14: the fast, column-wise reading of a plain CSV gives what the csv module gives.

The import reads a plain export (no quotes, one record per line, the same
separators on every line) with numpy (:mod:`importing.plain_csv`) and every
other file with the csv module. Generated files, written by ``csv.writer``
with quotes and as raw joined text (ragged lines, stray separators, blank
lines, CR/LF, ``sep=`` lines, UTF-8/UTF-16/Windows-1252), are read both ways:
the same header, the same row numbers, the same cells, the same refusal. The
CPR check by column names the same row and column as the row-by-row one, and
a whole export reads to the same data whether its cells are quoted or not.
Dates read in bulk are the dates the one date reading gives; keys beyond
ASCII still match across case and composition; thousands of distinct cells
(sharing slots of the numpy table) come back as written; staff whose Ansat
til lies before Ansat fra are named by row.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from norddjurs_desktop.importing.absence_export import read_export
from norddjurs_desktop.importing.column_table import ColumnTable, from_table, read_columns
from norddjurs_desktop.importing.columns import plain_days
from norddjurs_desktop.importing.cpr import check_columns_no_cpr, check_no_cpr
from norddjurs_desktop.importing.errors import ImportFileError
from norddjurs_desktop.importing.plain_csv import split_plain
from norddjurs_desktop.importing.tables import csv_text, read_table
from norddjurs_desktop.importing.values import parse_date

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from make_absence_files import make_files  # noqa: E402

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

# Characters that trouble a CSV reader: separators, quotes, line ends of all kinds,
# Unicode breaks the csv module does not split on, a byte-order mark, letters
# beyond Latin-1 (€), spaces, and the digits and dashes of a CPR number.
TRICKY = list("ab1 0-;,\t\"\r\n€æØ\x85\u2028\x0b\ufeff")
PLAIN = list("ab1 0-æØ€.\u2028\x85\x0b")
short_cells = st.text(alphabet=st.sampled_from(TRICKY), max_size=5)
plain_cells = st.text(alphabet=st.sampled_from(PLAIN), max_size=5)
long_cells = st.text(alphabet=st.sampled_from("xy "), min_size=60, max_size=90)


def both_ways(path: Path) -> tuple[object, object]:
    """The file as the import reads it, and as the csv module reads it (or each one's refusal)."""
    def outcome(read: object) -> object:
        try:
            table: ColumnTable = read()  # type: ignore[operator]
        except ImportFileError as error:
            return ("refused", error.message, error.row)
        return (table.headers, table.header_row, table.numbers.tolist(),
                [column.cells() for column in table.columns])
    return (outcome(lambda: read_columns(path)),
            outcome(lambda: from_table(read_table(path))))


def write(path: Path, text: str, encoding: str) -> Path:
    try:
        path.write_bytes(text.encode(encoding))
    except UnicodeEncodeError:  # € and friends are not in Windows-1252
        path.write_bytes(text.encode("utf-8"))
    return path


@SETTINGS
@given(
    rows=st.lists(st.lists(st.one_of(short_cells, long_cells), min_size=0, max_size=5),
                  min_size=1, max_size=8),
    quoted=st.booleans(),
    delimiter=st.sampled_from([";", ",", "\t"]),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
    head=st.sampled_from(["", "\n", ";;\r\n", "sep=;\n", "\"sep=,\",,\r\n"]),
    tail=st.sampled_from(["", "\n", "\n\n", ";;;\r\n", " \n"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_any_file_reads_to_the_same_cells_both_ways(
    tmp_path: Path, rows: list[list[str]], quoted: bool, delimiter: str, ending: str,
    head: str, tail: str, encoding: str,
) -> None:
    if quoted:
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator=ending).writerows(rows)
        text = out.getvalue()
    else:  # raw: separators and line ends inside cells make ragged or extra lines
        text = "".join(delimiter.join(row) + ending for row in rows)
    path = write(tmp_path / "f.csv", head + text + tail, encoding)
    fast, slow = both_ways(path)
    assert fast == slow


@SETTINGS
@given(
    width=st.integers(1, 5),
    data=st.data(),
    delimiter=st.sampled_from([";", ",", "\t"]),
    ending=st.sampled_from(["\n", "\r\n"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_plain_files_take_the_fast_path_and_agree(
    tmp_path: Path, width: int, data: st.DataObject, delimiter: str, ending: str,
    encoding: str,
) -> None:
    """Files of the common shape are split by numpy, blank lines and rows included."""
    cells = st.one_of(plain_cells, long_cells)
    rows = data.draw(st.lists(st.lists(cells, min_size=width, max_size=width),
                              min_size=1, max_size=12))
    lines = [delimiter.join(row) for row in [[f"k{i}" for i in range(width)], *rows]]
    if data.draw(st.booleans()):  # a row of blank cells among the data
        lines.insert(data.draw(st.integers(1, len(lines))), delimiter * (width - 1) + " ")
    blank = st.sampled_from(["", ending, delimiter * 3 + ending, "  " + ending])
    text = data.draw(blank) + ending.join(lines) + ending + data.draw(blank) + data.draw(blank)
    path = write(tmp_path / "plain.csv", text, encoding)
    fast, slow = both_ways(path)
    assert fast == slow
    if fast[0] != "refused":  # (Windows-1252 bytes may happen to read as mixed UTF-8)
        decoded, found, skipped = csv_text(path, str(path))
        assert split_plain(decoded, found, 2 if skipped else 1) is not None


def test_long_free_text_and_colliding_cells_read_alike(tmp_path: Path) -> None:
    """Cells longer than the numpy words (free text) and near-equal long cells stay apart."""
    base = "x" * 70
    rows = [f"K{i};{base if i % 2 else base[:-1] + 'y'};{'z' * (i % 3) * 30}" for i in range(40)]
    path = write(tmp_path / "long.csv", "\n".join(["Medarbejder;Note;Mere", *rows]), "utf-8")
    fast, slow = both_ways(path)
    assert fast == slow
    table = read_columns(path)
    assert len(table.columns[1].distinct) == 2 and len(table.columns[2].distinct) == 3


cpr_or_not = st.sampled_from(["", "K1", "010190-1234", "0101901234", "12-34", "311299 1234",
                              "1.2.2024", "32-13-99-1234"])


@SETTINGS
@given(
    rows=st.lists(st.lists(cpr_or_not, min_size=1, max_size=4), min_size=1, max_size=10),
    quoted=st.booleans(),
)
def test_the_cpr_check_by_column_names_the_same_cell(
    tmp_path: Path, rows: list[list[str]], quoted: bool
) -> None:
    """The first row holding a CPR-like cell (leftmost column on a tie), or no refusal."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL)
    writer.writerows([["A", "B", "C", "D"], *rows])
    path = write(tmp_path / "cpr.csv", out.getvalue(), "utf-8")

    def verdict(check: object, table: object) -> tuple[int | None, str | None] | None:
        try:
            check(table)  # type: ignore[operator]
        except ImportFileError as error:
            assert "CPR-numre" in error.message
            return error.row, error.column
        return None

    assert verdict(check_columns_no_cpr, read_columns(path)) == verdict(
        check_no_cpr, read_table(path))


@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL])
def test_an_export_reads_to_the_same_data_quoted_or_plain(tmp_path: Path, quoting: int) -> None:
    """The generated municipality export: plain (numpy) and fully quoted (csv module) agree."""
    staff, absence = make_files(tmp_path / "plain", 60, 3)
    quoted = []
    for path in (staff, absence):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        target = tmp_path / "quoted" / path.name
        target.parent.mkdir(exist_ok=True)
        with target.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, delimiter=";", quoting=quoting).writerows(rows)
        quoted.append(target)
    today = date(2025, 7, 1)
    plain_data = read_export(staff, absence, today=today)
    quoted_data = read_export(*quoted, today=today)
    assert plain_data.staff == quoted_data.staff
    assert plain_data.columns == quoted_data.columns
    assert plain_data.columns.start_ordinals.tolist() == [  # type: ignore[union-attr]
        day.toordinal() for day in plain_data.columns.starts]
    assert (plain_data.period_from, plain_data.period_to) == (
        quoted_data.period_from, quoted_data.period_to)
    assert plain_data.absence_rows == quoted_data.absence_rows > 1000


def test_keys_beyond_ascii_match_across_case_and_composition(tmp_path: Path) -> None:
    """Æ01/æ01 and a decomposed Å are one person; rows take the staff list's spelling."""
    staff = write(tmp_path / "s.csv", "Medarbejder;Team\nÆ01;A\nA\u030a2;B\nk3;C\n", "utf-8")
    absence = write(tmp_path / "a.csv", "Medarbejder;Fraværsårsag;Fra;Til\n"
                    "æ01;Egen sygdom;01-03-2024;01-03-2024\n"
                    "\u00e52;Ferie;04-03-2024;08-03-2024\n"
                    "K3;Egen sygdom;05-03-2024;\n", "utf-8")
    data = read_export(staff, absence, today=date(2024, 6, 1))
    assert data.columns.keys == ["Æ01", "A\u030a2", "k3"]
    assert (data.period_from, data.period_to) == (date(2024, 3, 1), date(2024, 3, 8))
    twice = write(tmp_path / "s2.csv", "Medarbejder;Team\nÆ01;A\næ01;B\n", "utf-8")
    with pytest.raises(ImportFileError) as refused:
        read_export(twice, absence, today=date(2024, 6, 1))
    assert "række 3" in refused.value.message and "'Æ01'" in refused.value.message


def test_many_distinct_cells_in_any_order_read_alike(tmp_path: Path) -> None:
    """Thousands of distinct cells (slots shared by several keys), sorted runs and all-distinct.

    The numpy split tells cells apart through a table of slots; with 5,000
    distinct values in 20,000 rows many values share a slot, and every cell
    must still come back as written.
    """
    import random

    rng = random.Random(14)
    rows = [
        f"K{i // 7:05d};{rng.randrange(5000):x}-{rng.randrange(3)};{i * 7919 % 100003};"
        f"{'x' * rng.randrange(12)}{rng.randrange(40)}"
        for i in range(20000)
    ]
    path = write(tmp_path / "many.csv", "\n".join(["A;B;C;D", *rows]), "utf-8")
    fast, slow = both_ways(path)
    assert fast == slow
    table = read_columns(path)
    assert [len(column.distinct) for column in table.columns] == [
        len(set(column.cells())) for column in table.columns]


PLAIN_DATE = re.compile(r"[0-9]{2}([-./])[0-9]{2}\1[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _read_alone(text: str) -> object:
    try:
        return parse_date(text)
    except ValueError:
        return "refused"


@SETTINGS
@given(
    texts=st.lists(st.one_of(
        st.text(alphabet=st.sampled_from("0123456789-./ x٣"), min_size=9, max_size=11),
        st.dates().map(lambda d: d.strftime(  # (strftime %Y pads to four digits here)
            "%d-%m-%Y" if d.day % 4 == 0 else "%d.%m.%Y" if d.day % 4 == 1
            else "%d/%m/%Y" if d.day % 4 == 2 else "%Y-%m-%d")),
        st.sampled_from(["31-02-2024", "29-02-2023", "29-02-2024", "00-01-2024", "01-13-2024",
                         "01-01-0000", "2024-02-30", "29.02.1900", "29/02/2000", "2024-13-01",
                         "12-03-2024"]),
    ), max_size=30),
)
def test_dates_read_in_bulk_as_the_one_date_reading_reads_them(texts: list[str]) -> None:
    """A text read in bulk gives the date parse_date gives; only real dates are replaced."""
    read = plain_days(list(texts))
    for text, value in zip(texts, read, strict=True):
        if value is not text:
            assert isinstance(value, date) and value == parse_date(text), text
        else:  # a real date in a plain form is always read in bulk
            assert not (PLAIN_DATE.fullmatch(text) and _read_alone(text) != "refused"), text


def test_staff_ending_before_they_start_are_named_by_row(tmp_path: Path) -> None:
    """Only rows with both dates and Ansat til before Ansat fra; open and unknown ends pass."""
    staff = write(tmp_path / "s.csv", "Medarbejder;Ansat fra;Ansat til\n"
                  "K1;01-03-2020;01-02-2020\n"     # row 2: ends before it starts
                  "K2;01-03-2020;\n"               # open end
                  "K3;;01-02-2020\n"               # unknown start
                  "K4;01-03-2020;31-12-9999\n"     # open end written as 31-12-9999
                  "K5;01-03-2020;28-02-2020\n",    # row 6: ends before it starts
                  "utf-8")
    absence = write(tmp_path / "a.csv", "Medarbejder;Fraværsårsag;Fra;Til\n"
                    "K2;Egen sygdom;02-03-2020;02-03-2020\n", "utf-8")
    with pytest.raises(ImportFileError) as refused:
        read_export(staff, absence, today=date(2024, 6, 1))
    early = [p.row for p in refused.value.problems if "Ansat til ligger før" in p.message]
    assert early == [2, 6] and len(refused.value.problems) == 2
