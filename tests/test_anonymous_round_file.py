"""An anonymous round leaves nothing in the file that tells who voted or in what order:
not the rows, their order, their ids or time stamps, not free pages and not a journal."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

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
            for name, score in voters:
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
