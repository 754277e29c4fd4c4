"""An import's absence rows as one block of bytes: tables of texts, and integer columns.

A municipality's export has 150,000–560,000 rows. Stored as SQL rows they cost
most of an import (an INSERT per row, an index entry each) and most of a read
(a Python tuple and four values per row). Stored as one value of the
``absence_block`` table they are written and read in one go, and the reader
gets numpy arrays without ever making a row object.

The format (version :data:`FORMAT_VERSION`), little-endian throughout::

    b"FPAB"                    magic
    uint32  version            = 1 (also kept in the table, beside the bytes)
    uint32  H                  length of the header
    H bytes header             UTF-8 JSON: {"rows": n, "keys": [...], "reasons": [...]}
    padding                    zero bytes up to a multiple of 8
    int32[n] key code          index into "keys"    (the file's key, as written)
    int32[n] reason code       index into "reasons" (the file's spelling, as written)
    int32[n] start             date ordinal (1 = 01-01-0001)
    int32[n] end               date ordinal, or :data:`NO_END` (0) for an open end

Rows are in the order of the file; each distinct text is stored once. A later
layout gets a new version number, and :func:`decode_block` must go on reading
every earlier one (blocks are never rewritten behind the user's back).

Why our own few lines rather than ``np.savez``: the whole layout is the
header above, so every length is checked against the bytes *before* anything
is allocated — a damaged or cut-off block is refused with one Danish line,
never a crash, a huge allocation or a hang — and the four columns are read
with ``np.frombuffer`` without copying or unzipping. A zip of ``.npy`` files
trusts the shapes in its own headers and can fail in a dozen ways
(BadZipFile, EOFError, MemoryError …). The header is plain JSON, so a block
can be read by hand with nothing but Python and numpy.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from norddjurs_desktop.storage.errors import StorageError

__all__ = [
    "FORMAT_VERSION",
    "INT32",
    "LAST_ORDINAL",
    "NO_END",
    "BlockColumns",
    "BlockBuilder",
    "DamagedBlockError",
    "DateOrdinals",
    "TextCodes",
    "codes_fit",
    "damaged_error",
    "decode_block",
    "encode_block",
    "encode_rows",
    "pack_columns",
    "unpack_columns",
    "within",
]

FORMAT_VERSION = 1
NO_END = 0  # no date has ordinal 0: an open end can never be mistaken for a date
_MAGIC = b"FPAB"
_PREFIX = struct.Struct("<4sII")  # magic, version, header length
INT32 = np.dtype("<i4")
_COLUMNS = 4
LAST_ORDINAL = date.max.toordinal()
DAMAGED_MESSAGE = (
    "{what} for importen {import_id} er beskadiget i databasen ({why}). "
    "Importér filerne igen, eller gendan en sikkerhedskopi."
)


class DamagedBlockError(StorageError):
    """A stored block of absence rows cannot be read; nothing is guessed from it."""


@dataclass(frozen=True, eq=False)
class BlockColumns:
    """The rows of one import as codes and ordinals, in the order of the file."""

    keys: tuple[str, ...]
    reasons: tuple[str, ...]
    key_code: np.ndarray  # int32, index into keys
    reason_code: np.ndarray  # int32, index into reasons
    start: np.ndarray  # int32 ordinals
    end: np.ndarray  # int32 ordinals, NO_END for an open end

    @property
    def rows(self) -> int:
        return len(self.key_code)


class TextCodes(dict[str, int]):
    """Text → its index among the distinct texts, numbered in order of first appearance."""

    def __missing__(self, text: str) -> int:
        code = self[text] = len(self)
        return code


class DateOrdinals(dict[Any, int]):
    """Date → ordinal, None → :data:`NO_END`; each distinct value converted once.

    A stored date may also come as ISO text (SQLite's Date columns, read raw).
    """

    def __missing__(self, day: Any) -> int:
        if day is None:
            ordinal = NO_END
        else:
            ordinal = (day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
                       ).toordinal()
        self[day] = ordinal
        return ordinal


class BlockBuilder:
    """Rows added a chunk at a time become codes at once: no list of all rows is kept.

    Each column goes through one ``map`` over a dict's own look-up (C speed);
    only a text or date not seen before reaches Python.
    """

    def __init__(self) -> None:
        self._keys, self._reasons = TextCodes(), TextCodes()
        self._days = DateOrdinals()
        self._parts: list[tuple[np.ndarray, ...]] = []

    def add(
        self,
        keys: Sequence[str],
        reasons: Sequence[str],
        starts: Sequence[date | str],
        ends: Sequence[date | str | None],
    ) -> None:
        """Four equally long columns (dates as dates or ISO text; an end of None is open)."""
        n = len(keys)
        if not len(reasons) == len(starts) == len(ends) == n:
            raise ValueError("the four columns of a block must be equally long")
        columns: tuple[tuple[dict[Any, int], Sequence[Any]], ...] = (
            (self._keys, keys), (self._reasons, reasons), (self._days, starts),
            (self._days, ends),
        )
        self._parts.append(tuple(
            np.fromiter(map(table.__getitem__, column), dtype=INT32, count=n)
            for table, column in columns
        ))

    def block(self) -> BlockColumns:
        parts = self._parts or [(np.zeros(0, dtype=INT32),) * _COLUMNS]
        key_code, reason_code, start, end = (np.concatenate(c) for c in zip(*parts, strict=True))
        return BlockColumns(tuple(self._keys), tuple(self._reasons), key_code, reason_code,
                            start, end)


Coded = tuple[Sequence[str], np.ndarray]  # texts, and per row the index of its text


def encode_rows(
    keys: Sequence[str],
    reasons: Sequence[str],
    starts: Sequence[date],
    ends: Sequence[date | None],
    *,
    ordinals: tuple[np.ndarray, np.ndarray, int] | None = None,
    coded: tuple[Coded, Coded] | None = None,
) -> bytes:
    """The block of four equally long columns as a reader gives them (ends: None = open).

    What a column reader already has saves a look-up per row (at 580,000 rows,
    most of the encoding): ``ordinals``, the day numbers of ``starts`` and
    ``ends`` and the number standing for an open end; ``coded``, the keys and
    the reasons as texts with per-row indexes (a text may belong to no row).
    """
    if ordinals is None or coded is None:
        builder = BlockBuilder()
        builder.add(keys, reasons, starts, ends)
        return encode_block(builder.block())
    start_days, end_days, open_end = ordinals
    (key_texts, key_index), (reason_texts, reason_index) = coded
    if not len(keys) == len(key_index) == len(reason_index) == len(start_days) == len(end_days):
        raise ValueError("the four columns of a block must be equally long")
    key_table, key_code = _distinct_codes(key_texts, key_index)
    reason_table, reason_code = _distinct_codes(reason_texts, reason_index)
    end_days = np.asarray(end_days)
    return encode_block(BlockColumns(
        key_table, reason_table, key_code, reason_code, np.asarray(start_days).astype(INT32),
        np.where(end_days == open_end, NO_END, end_days).astype(INT32),
    ))


def _distinct_codes(texts: Sequence[str], index: np.ndarray) -> tuple[tuple[str, ...], np.ndarray]:
    """The texts some row uses, each once (two cells may read as one text), and the rows' codes."""
    used = np.bincount(index, minlength=len(texts)) > 0 if len(index) else np.zeros(
        len(texts), dtype=bool)
    codes = TextCodes()
    remap = np.full(len(texts), -1, dtype=INT32)
    for position in np.flatnonzero(used).tolist():
        remap[position] = codes[texts[position]]
    return tuple(codes), remap[index]


def encode_block(block: BlockColumns) -> bytes:
    return pack_columns(
        _MAGIC, block.rows, {"keys": block.keys, "reasons": block.reasons},
        [(block.key_code, INT32), (block.reason_code, INT32), (block.start, INT32),
         (block.end, INT32)],
    )


def decode_block(
    data: bytes | bytearray | memoryview | None,
    *,
    import_id: int | None = None,
    version: int | None = None,
    rows: int | None = None,
) -> BlockColumns:
    """The block in ``data``; :class:`DamagedBlockError` (Danish) for anything not whole.

    ``version`` and ``rows`` are what the table says beside the bytes: they must agree.
    Every length is checked before an array is made, and every code and date after.
    """
    damaged = damaged_error("Fraværsrækkerne", import_id)
    texts, (key_code, reason_code, start, end) = unpack_columns(
        data, _MAGIC, ("keys", "reasons"), (INT32,) * _COLUMNS, damaged, version, rows)
    if not (codes_fit(key_code, texts["keys"]) and codes_fit(reason_code, texts["reasons"])):
        raise damaged("ugyldige koder")
    if not (within(start, 1, LAST_ORDINAL) and within(end, NO_END, LAST_ORDINAL)):
        raise damaged("ugyldige datoer")
    return BlockColumns(texts["keys"], texts["reasons"], key_code, reason_code, start, end)


# -- the layout shared by the blocks of an import ---------------------------------------------
def damaged_error(what: str, import_id: int | None) -> Callable[[str], DamagedBlockError]:
    def damaged(why: str) -> DamagedBlockError:
        return DamagedBlockError(DAMAGED_MESSAGE.format(what=what, import_id=import_id or "?",
                                                        why=why))

    return damaged


def codes_fit(codes: np.ndarray, table: Sequence[str]) -> bool:
    return within(codes, 0, len(table) - 1)


def within(values: np.ndarray, low: int, high: int) -> bool:
    return not len(values) or (int(values.min()) >= low and int(values.max()) <= high)


def pack_columns(
    magic: bytes,
    rows: int,
    texts: Mapping[str, Sequence[str]],
    columns: Sequence[tuple[np.ndarray, np.dtype]],
) -> bytes:
    """magic, version, header (``rows`` and the text tables as JSON), padding, columns.

    Columns follow each other without gaps: give 8-byte ones before 4-byte ones.
    """
    header = json.dumps(
        {"rows": rows, **{name: list(table) for name, table in texts.items()}},
        ensure_ascii=False, separators=(",", ":"),
    ).encode("utf-8")
    start = _PREFIX.size + len(header)
    return b"".join([
        _PREFIX.pack(magic, FORMAT_VERSION, len(header)), header, b"\0" * (-start % 8),
        *(np.ascontiguousarray(column, dtype=dtype).tobytes() for column, dtype in columns),
    ])


def unpack_columns(
    data: bytes | bytearray | memoryview | None,
    magic: bytes,
    text_names: Sequence[str],
    dtypes: Sequence[np.dtype],
    damaged: Callable[[str], DamagedBlockError],
    version: int | None = None,
    rows: int | None = None,
) -> tuple[dict[str, tuple[str, ...]], list[np.ndarray]]:
    """The text tables and the columns (read-only views of ``data``), every length checked
    against the bytes before an array is made."""
    if data is None:
        raise damaged("rækkerne mangler")
    data = bytes(data)
    if version is not None and version != FORMAT_VERSION:
        raise damaged(f"ukendt formatversion {version}")
    if len(data) < _PREFIX.size:
        raise damaged("for kort")
    stored_magic, stored_version, header_size = _PREFIX.unpack_from(data)
    if stored_magic != magic:
        raise damaged("ukendt indhold")
    if stored_version != FORMAT_VERSION:
        raise damaged(f"ukendt formatversion {stored_version}")
    if header_size > len(data) - _PREFIX.size:
        raise damaged("afkortet")
    try:
        header = json.loads(data[_PREFIX.size:_PREFIX.size + header_size].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged("ulæseligt hoved") from None
    if not isinstance(header, dict):
        raise damaged("ulæseligt hoved")
    n = header.get("rows")
    tables = {name: header.get(name) for name in text_names}
    if not (isinstance(n, int) and not isinstance(n, bool) and n >= 0
            and all(isinstance(t, list) and set(map(type, t)) <= {str}
                    for t in tables.values())):
        raise damaged("ulæseligt hoved")
    if rows is not None and rows != n:
        raise damaged(f"{n} rækker, men importen siger {rows}")
    offset = _PREFIX.size + header_size
    offset += -offset % 8
    size = offset + n * sum(np.dtype(d).itemsize for d in dtypes)
    if len(data) != size:
        raise damaged("afkortet" if len(data) < size else "for lang")
    columns = []
    for dtype in dtypes:
        columns.append(np.frombuffer(data, dtype=dtype, count=n, offset=offset))
        offset += n * np.dtype(dtype).itemsize
    return {name: tuple(t) for name, t in tables.items()}, columns  # type: ignore[arg-type]
