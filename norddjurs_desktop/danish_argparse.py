"""argparse in Danish: its headings, the help option and the errors a user can meet.

argparse looks its texts up through ``gettext`` at the moment it prints them; the
app ships no message catalogue, so the lookup is pointed at this small table
instead. Texts not in the table (programming errors) stay in English.
"""

from __future__ import annotations

import argparse

DANISH = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ukendt valg: %(value)r (vælg mellem %(choices)s)",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
    "expected one argument": "mangler en værdi",
    "expected at least one argument": "mangler mindst én værdi",
    "expected at most one argument": "højst én værdi",
    "ambiguous option: %(option)s could match %(matches)s":
        "tvetydigt tilvalg: %(option)s kan være %(matches)s",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "one of the arguments %s is required": "et af argumenterne %s skal med",
    "ignored explicit argument %r": "overflødig værdi %r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
}


def danish(text: str) -> str:
    return DANISH.get(text, text)


def danish_plural(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "mangler %s værdi" if count == 1 else "mangler %s værdier"
    return singular if count == 1 else plural


def use_danish() -> None:
    """Point argparse's lookups at the Danish table (idempotent)."""
    argparse._ = danish  # type: ignore[attr-defined]
    argparse.ngettext = danish_plural  # type: ignore[attr-defined]
