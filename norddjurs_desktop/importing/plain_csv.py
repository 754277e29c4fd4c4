"""Splitting the common CSV export by column in numpy, without an object per cell.

An HR export is nearly always "plain": no quotes, one record per line, every
line with the same number of separators. Python's csv module spends most of
an import making 600,000 cell strings that are thrown away once each distinct
value is parsed. For a plain text this module finds the separators with
numpy, and for each column gives only its distinct cells and, per row, the
index of the row's cell among them (``codes``); the cells are compared as
bytes (8 at a time as one 64-bit word), never made into strings.

Anything else (quotes, a stray carriage return, ragged or empty lines inside
the data, a cell too long for the csv module) returns None and the caller
reads the text with the csv module, which gives the same cells (a property
test reads generated files both ways).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["PlainColumns", "split_plain"]

_PAD = 64  # zero bytes after the text, so a word read at any cell start stays inside
#: MASKS[n]: the n first bytes of a little-endian 64-bit word.
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd: multiplying spreads a word's bits
_MAX_WORDS = 8  # longer cells (free text): compared as Python bytes instead


@dataclass(frozen=True)
class PlainColumns:
    """Header cells, their row, the data rows' numbers and each column as (distinct, codes)."""

    headers: list[str]
    header_row: int
    numbers: npt.NDArray[np.int64]
    columns: list[tuple[list[str], npt.NDArray[np.intp]]]


def _is_blank(line: str, delimiter: str) -> bool:
    return not line.replace(delimiter, "").strip()


def _header(text: str, delimiter: str) -> tuple[str, int, int] | None:
    """The first non-blank line (without its line end), its index and where the data starts."""
    start = index = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        line = line.removesuffix("\r")
        if not _is_blank(line, delimiter):
            return line, index, len(text) if end < 0 else end + 1
        if end < 0:
            return None
        start, index = end + 1, index + 1


def _end_of_data(text: str, start: int, delimiter: str) -> int:
    """Where the blank lines at the text's end begin (Excel often leaves ";;;" rows there)."""
    end = len(text)
    while end > start:
        stop = end - 1 if text[end - 1] == "\n" else end
        line_start = max(start, text.rfind("\n", 0, stop) + 1)
        if not _is_blank(text[line_start:stop], delimiter):
            break
        end = line_start
    return end


def split_plain(text: str, delimiter: str, first_row: int = 1) -> PlainColumns | None:
    """The columns of a plain ``text`` (see the module), or None to use the csv module.

    ``first_row`` is the file's row number of the text's first line (2 after
    a cut-off "sep=" line). Rows are numbered as the csv module would.
    """
    if '"' in text or not delimiter.isascii() or delimiter in "\r\n":
        return None
    header = _header(text, delimiter)
    if header is None:
        return None
    header_line, header_index, data_start = header
    if "\r" in text[:data_start] and text.count("\r", 0, data_start) != text.count(
        "\r\n", 0, data_start
    ):
        return None  # a lone carriage return ends a record for the csv module
    limit = csv.field_size_limit()
    if len(header_line) > limit:
        return None
    header_row = first_row + header_index
    headers = header_line.split(delimiter)
    data_end = _end_of_data(text, data_start, delimiter)
    if data_end == data_start:  # only a header: no rows, no columns (as from the csv module)
        return PlainColumns(headers, header_row, np.zeros(0, dtype=np.int64), [])
    source: bytes | str
    try:  # one byte per character: a cell's bytes are at its place in the text
        encoding, data = "latin-1", text.encode("latin-1")
        source, first, last = text, data_start, data_end
    except UnicodeEncodeError:  # separators are ASCII, so never inside a character
        encoding, data = "utf-8", text.encode("utf-8")
        source, first = data, len(text[:data_start].encode("utf-8"))
        last = len(data) - len(text[data_end:].encode("utf-8"))
    buffer = np.zeros(last + 1 + _PAD, dtype=np.uint8)  # the data, a line end, zeros
    buffer[:last] = np.frombuffer(data, dtype=np.uint8, count=last)
    buffer[last] = 10
    stop = last if buffer[last - 1] == 10 else last + 1
    body = buffer[first:stop]
    # In place where it can be: each array of the text's size costs its pages afresh.
    found = body == ord(delimiter)
    found |= body == 10
    ends = np.flatnonzero(found)  # of every cell
    del found
    ends += first
    newline = buffer[ends] == 10
    lines = int(np.count_nonzero(newline))
    if ends.size % lines:
        return None
    width = ends.size // lines
    if not newline[width - 1 :: width].all():
        return None  # some line has more or fewer separators than another
    bounds = ends.reshape(lines, width)
    starts = np.empty_like(ends)
    starts[0] = first
    np.add(ends[:-1], 1, out=starts[1:])
    returns = buffer[bounds[:, -1] - 1] == 13  # "\r\n" ends a record like "\n"
    if np.count_nonzero(returns) != np.count_nonzero(body == 13):
        return None  # a lone carriage return ends a record for the csv module
    columns = []
    for index in range(width):
        stops = bounds[:, index] - returns if index == width - 1 else bounds[:, index]
        column = _column(buffer, source, encoding, starts[index::width], stops, limit)
        if column is None:
            return None
        columns.append(column)
    numbers = np.arange(header_row + 1, header_row + 1 + lines, dtype=np.int64)
    numbers, columns = _without_blank_rows(numbers, columns)
    return PlainColumns(headers, header_row, numbers, columns)


def _column(
    buffer: npt.NDArray[np.uint8], source: bytes | str, encoding: str,
    starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp], limit: int,
) -> tuple[list[str], npt.NDArray[np.intp]] | None:
    """One column's distinct cells and codes; None when a cell is too long for csv."""
    starts = np.ascontiguousarray(starts)
    lengths = ends - starts
    longest, shortest = int(lengths.max()), int(lengths.min())
    if longest > limit:
        return None  # the csv module refuses such a field: let it say so
    words = -(-longest // 8)
    if words == 0:
        return [""], np.zeros(len(starts), dtype=np.intp)
    if words > _MAX_WORDS:
        return _python_column(source, encoding, starts, ends)
    # Element i of a strided view is the 8·words bytes from byte i: one gather reads a cell.
    size = 8 * words
    view = np.ndarray((len(buffer) - size + 1,), dtype=f"V{size}", buffer=buffer, strides=(1,))
    block = view[starts].view("<u8").reshape(-1, words)
    # Zeroed past the end, the words tell cells apart exactly: a text never holds a NUL
    # (tables.csv_text refuses it), so equal words mean equal bytes and equal lengths.
    parts = [_masked(block[:, w], lengths, 8 * w, shortest, longest) for w in range(words)]
    key = parts[0]
    for part in parts[1:]:
        key = key * _MIX ^ part
    some, codes = _unique(key)
    if words > 1:  # a mixed key could collide: every cell must equal its class's sample
        same = some[codes]
        if not all((part[same] == part).all() for part in parts):
            return _python_column(source, encoding, starts, ends)
    return _texts(source, encoding, starts[some], ends[some]), codes


def _masked(
    word: npt.NDArray[np.uint64], lengths: npt.NDArray[np.intp],
    offset: int, shortest: int, longest: int,
) -> npt.NDArray[np.uint64]:
    """The cells' words from byte ``offset`` with the bytes past each cell's end zeroed."""
    if shortest == longest:  # cells of one width (dates, keys): one mask for all
        kept = min(8, max(0, longest - offset))
        return word if kept == 8 else word & _MASKS[kept]
    return word & _MASKS[np.clip(lengths - offset, 0, 8)]  # type: ignore[no-any-return]


def _unique(key: npt.NDArray[np.uint64]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """One row of each distinct key, and per row the index of its key among them.

    A column in long runs of one value (the keys of a file sorted by person)
    looks only at the first row of each run.
    """
    change = np.empty(len(key), dtype=bool)
    change[:1] = True
    np.not_equal(key[1:], key[:-1], out=change[1:])
    heads = np.flatnonzero(change)
    if len(heads) * 4 > len(key):
        return _hashed_unique(key)
    some, codes = _hashed_unique(key[heads])
    return heads[some], codes[np.cumsum(change) - 1]


def _hashed_unique(
    key: npt.NDArray[np.uint64],
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """:func:`_unique` through a table of slots, in time linear in the rows.

    Each row writes its index into its key's slot; a row whose slot holds a
    row with its own key is settled (a dense code per used slot). The keys
    that lost their slot to another key (a few, with a thousand distinct
    keys) are told apart by sorting just their rows.
    """
    rows = len(key)
    bits = max(10, min(16, rows.bit_length()))  # a table that stays in the CPU's cache
    slot = ((key * _MIX) >> np.uint64(64 - bits)).astype(np.intp)
    owner = np.empty(1 << bits, dtype=np.intp)
    owner[slot] = np.arange(rows)  # some row of the slot's keys: any will do
    settled = key[owner[slot]] == key
    if np.count_nonzero(settled) * 2 < rows:  # mostly distinct keys: sorting is cheaper
        return _sorted_unique(key)
    used = np.zeros(1 << bits, dtype=bool)
    used[slot] = True
    codes = (np.cumsum(used) - 1)[slot]
    some = owner[used]
    if settled.all():
        return some, codes
    # Keys that lost their slot never share one with a settled key: slots follow keys.
    lost = np.flatnonzero(~settled)
    lost_some, lost_codes = _sorted_unique(key[lost])
    codes[lost] = lost_codes + len(some)
    return np.concatenate([some, lost[lost_some]]), codes


def _sorted_unique(
    key: npt.NDArray[np.uint64],
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """:func:`_unique` by one sort (np.unique's first occurrences would need a stable one)."""
    order = key.argsort()
    ordered = key[order]
    new = np.empty(len(key), dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    codes = np.empty(len(key), dtype=np.intp)
    codes[order] = np.cumsum(new) - 1
    return order[new], codes


def _texts(
    source: bytes | str, encoding: str,
    starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp],
) -> list[str]:
    """The cells from ``starts`` to ``ends`` as text (``source``: the text or its bytes)."""
    slices = map(slice, starts.tolist(), ends.tolist())
    if isinstance(source, str):
        return list(map(source.__getitem__, slices))
    return [piece.decode(encoding) for piece in map(source.__getitem__, slices)]


def _python_column(
    source: bytes | str, encoding: str,
    starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp],
) -> tuple[list[str], npt.NDArray[np.intp]]:
    """A column of long cells (free text) compared as Python strings, one dict."""
    cells = _texts(source, encoding, starts, ends)
    index = dict.fromkeys(cells, 0)
    for code, cell in enumerate(index):
        index[cell] = code
    codes = np.fromiter(map(index.__getitem__, cells), dtype=np.intp, count=len(cells))
    return list(index), codes


def _without_blank_rows(
    numbers: npt.NDArray[np.int64], columns: list[tuple[list[str], npt.NDArray[np.intp]]]
) -> tuple[npt.NDArray[np.int64], list[tuple[list[str], npt.NDArray[np.intp]]]]:
    """Leave out rows whose every cell is blank, as the csv path does.

    Only when every column has a blank value can a row be blank; usually the
    key column has none and no row is visited.
    """
    blank = []
    for distinct, _codes in columns:
        flags = np.array(list(map(len, map(str.strip, distinct)))) == 0
        if not flags.any():
            return numbers, columns
        blank.append(flags)
    empty = np.ones(len(numbers), dtype=bool)
    for flags, (_distinct, codes) in zip(blank, columns, strict=True):
        empty &= flags[codes]
    if not empty.any():
        return numbers, columns
    keep = ~empty
    return numbers[keep], [(distinct, codes[keep]) for distinct, codes in columns]
