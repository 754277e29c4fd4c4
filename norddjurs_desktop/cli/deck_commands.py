"""Decks and printing on the command line: `decks`, `import-deck`, `cards` and `board`.

Without --db the shipped deck files are used; with --db the decks as the
database has them (including HR's own edits and decks).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from norddjurs_desktop.cli import CliError, open_db
from norddjurs_desktop.domain.decks import Deck, DeckError, load_deck
from norddjurs_desktop.paths import DECKS

_SHIPPED_ORDER = ("palette", "tryghed", "aktoerskab")  # the palette first, as in the app


def _shipped_decks() -> dict[str, Deck]:
    decks = [load_deck(path) for path in sorted(DECKS.glob("*.toml"))]
    decks.sort(key=lambda d: (_SHIPPED_ORDER.index(d.key) if d.key in _SHIPPED_ORDER else 9, d.key))
    return {deck.key: deck for deck in decks}


def _deck(key: str, db_path: Path | None) -> Deck:
    if db_path is not None:
        from norddjurs_desktop.services.decks.library import get_deck

        db = open_db(db_path)
        try:
            return get_deck(db, key)
        finally:
            db.close()
    try:
        return _shipped_decks()[key]
    except KeyError as error:
        known = ", ".join(sorted(_shipped_decks()))
        raise CliError(f"Der findes intet kortsæt med nøglen '{key}' (kendte: {known}).") from error


def _write(out: Path, write: Callable[[], object]) -> None:
    try:
        write()
    except OSError as error:
        raise CliError(f"Kan ikke skrive {out}: {error.strerror or 'ingen adgang'}.") from error
    except (ValueError, DeckError) as error:
        raise CliError(str(error)) from error


def _cmd_decks(args: argparse.Namespace) -> None:
    if args.db is not None:
        from norddjurs_desktop.services.decks.library import list_decks

        db = open_db(args.db)
        try:
            infos = [(d.key, d.title, d.theme_count, d.card_count) for d in list_decks(db)]
        finally:
            db.close()
    else:
        infos = [
            (d.key, d.title, len(d.themes), sum(1 for _t, c in d.all_cards() if not c.hidden))
            for d in _shipped_decks().values()
        ]
    for key, title, themes, cards in infos:
        print(f"{key:<14} {title}  ({themes} temaer, {cards} kort)")


def _cmd_import_deck(args: argparse.Namespace) -> None:
    from norddjurs_desktop.services.decks.files import import_deck_toml
    from norddjurs_desktop.services.decks.library import get_deck

    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise CliError(f"Kan ikke læse {path}: {error.strerror or 'ingen adgang'}.") from error
    except UnicodeDecodeError as error:
        raise CliError(
            f"{path.name} er ikke en tekstfil i UTF-8, som kortsæt skal være."
        ) from error
    db = open_db(args.db)
    try:
        key = import_deck_toml(db, text)
        deck = get_deck(db, key, include_hidden=True)
    finally:
        db.close()
    cards = sum(1 for _theme, _card in deck.all_cards())
    print(
        f"Kortsættet '{deck.title}' er importeret med nøglen '{key}' "
        f"({len(deck.themes)} temaer, {cards} kort)."
    )


def _cmd_cards(args: argparse.Namespace) -> None:
    from norddjurs_desktop.reports.cards_pdf import write_card_set

    decks = [_deck(key, args.db) for key in args.deck]
    themes = set(args.theme) if args.theme else None
    _write(args.out, lambda: write_card_set(decks, args.out, themes))
    print(f"Kortene er gemt i {args.out}.")


def _cmd_board(args: argparse.Namespace) -> None:
    from norddjurs_desktop.reports.board_pdf import write_board

    deck = _deck(args.deck, args.db)
    _write(args.out, lambda: write_board(deck, args.out, args.size))
    print(f"Paletten er gemt i {args.out} ({args.size}).")


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("decks", "Vis alle kortsæt med deres nøgler.", _cmd_decks)
    p.add_argument("--db", type=Path, help="databasefilen (ellers de medfølgende kortsæt)")
    p = command(
        "import-deck", "Importér et kortsæt fra en TOML-fil som jeres eget.", _cmd_import_deck
    )
    p.add_argument("--db", type=Path, required=True, help="databasefilen")
    p.add_argument("--file", type=Path, required=True, help="kortsættets TOML-fil")
    p = command("cards", "Gem kort til print (forsider og bagsider) som PDF.", _cmd_cards)
    p.add_argument("--deck", action="append", required=True, help="kortsættets nøgle; kan gentages")
    p.add_argument("--theme", action="append", help="kun dette tema (nøgle); kan gentages")
    p.add_argument("--out", type=Path, required=True, help="PDF-filen der skal skrives")
    p.add_argument("--db", type=Path, help="databasefilen (ellers de medfølgende kortsæt)")
    p = command("board", "Gem paletten som spilleplade (A3 eller A4) som PDF.", _cmd_board)
    p.add_argument("--size", choices=("A3", "A4"), default="A3", type=str.upper)
    p.add_argument("--deck", default="palette", help="kortsættets nøgle (standard: palette)")
    p.add_argument("--out", type=Path, required=True, help="PDF-filen der skal skrives")
    p.add_argument("--db", type=Path, help="databasefilen (ellers de medfølgende kortsæt)")
