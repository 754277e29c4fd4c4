"""An anonymous round leaves nothing in the file that tells who voted or in what order:
not the rows, their order, their ids or time stamps, not free pages and not a journal."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from norddjurs_desktop.services import rounds, screenings, units
from norddjurs_desktop.services.bootstrap import open_app_database

THEMES = ("handling", "data")
VOTERS = [  # (name, score) — every score different, so order would show
    ("Kirsten Kvistgaard", 1),
    ("Bjarne Brøndum", 4),
    ("Lis Lykkegaard", 2),
    ("Ole Overgaard", None),
    ("Maja Mørup", 3),
]


def _round(path: Path, voters: list[tuple[str, int | None]], *, named_first: bool) -> int:
    db = open_app_database(path)
    try:
        unit_id = units.create_unit(db, "Køkkenet")
        screening_id = screenings.create_screening(db, unit_id, on=date(2025, 9, 1))
        if named_first:  # an earlier round with names, then the group chooses anonymity
            rounds.set_anonymity(db, screening_id, "navne")
            rounds.start_round(db, screening_id, THEMES)
            for name, score in VOTERS:  # the named round, in one order (its names are open)
                scores = dict.fromkeys(THEMES, score)
                rounds.record_votes(db, screening_id, name, "Medarbejder", scores)
        rounds.set_anonymity(db, screening_id, "anonym")
        rounds.start_round(db, screening_id, THEMES)
        for name, score in voters:
            rounds.record_votes(db, screening_id, name, "Medarbejder", dict.fromkeys(THEMES, score))
        return screening_id
    finally:
        db.close()


def _vote_rows(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT * FROM vote ORDER BY rowid").fetchall()


def test_the_file_holds_no_voter_name_of_either_round(tmp_path: Path) -> None:
    path = tmp_path / "runde.sqlite"
    _round(path, VOTERS, named_first=True)
    raw = path.read_bytes()
    for name, _score in VOTERS:
        assert name.encode() not in raw
        assert name.encode("utf-16-le") not in raw
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith("runde.sqlite-")]
    assert leftovers == []  # no journal or WAL beside the file


def test_the_same_votes_in_another_order_leave_the_same_rows(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    _round(first, VOTERS, named_first=False)
    _round(second, list(reversed(VOTERS)), named_first=False)
    rows = _vote_rows(first)
    assert len(rows) == len(VOTERS) * len(THEMES)
    assert rows == _vote_rows(second)  # ids, order, stamps: nothing tells the order
    # The votes are all there, with no names.
    db = open_app_database(first)
    try:
        (result, *_rest) = rounds.round_results(db, 1, for_facilitator=True)
    finally:
        db.close()
    assert sorted(result.scores) == [1, 2, 3, 4] and result.passes == 1
    assert result.voters == ()


@pytest.mark.parametrize("named_first", [False, True])
def test_the_pages_holding_the_votes_are_the_same_bytes_whatever_the_order(
    tmp_path: Path, named_first: bool
) -> None:
    """Below the rows: where each row sits in the page could tell the order; it does not."""
    first, second, third = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "c.sqlite"
    _round(first, VOTERS, named_first=named_first)
    _round(second, [VOTERS[i] for i in (3, 0, 4, 2, 1)], named_first=named_first)
    _round(third, [VOTERS[i] for i in (1, 3, 2, 4, 0)], named_first=named_first)
    assert _vote_pages(first) == _vote_pages(second) == _vote_pages(third)


def _vote_pages(path: Path) -> bytes:
    with closing(sqlite3.connect(path)) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name='vote'"
        )] if _has_dbstat(conn) else [
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name='vote'").fetchone()[0]
        ]
    data = path.read_bytes()
    return b"".join(data[(p - 1) * size : p * size] for p in sorted(pages))


def _has_dbstat(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1")
    except sqlite3.OperationalError:
        return False
    return True
