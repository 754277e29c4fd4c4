"""A small, strict schema check for the JSON of a share file, written out by hand.

Why not the ``jsonschema`` package: the share file needs a handful of shapes
(text with a length limit and a closed list of values, whole numbers in a
range, ISO dates, lists with a maximum length, records with exactly these
fields). Forty lines cover them, the messages come out in Danish with the
path to the offending field, and no dependency is added for it.

The rules, applied to every value:

- a record has exactly the fields named — a missing or an unknown field is refused;
- text is a JSON string no longer than its limit, and one of its allowed values
  or matching its pattern where it has one;
- a whole number is a JSON integer (never ``true``/``false``, never ``1.0``) in its range;
- a number is finite and in its range;
- a date is ``åååå-mm-dd``, a time ISO 8601;
- a list holds at most its number of items, each checked by its own rule;
- ``Maybe`` allows ``null`` and otherwise the inner rule.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from norddjurs_desktop.domain.errors import UserFacingError


class SchemaError(UserFacingError):
    """A value of the file is not what the format allows; the text says where and why."""


@dataclass(frozen=True)
class Text:
    max_len: int
    choices: tuple[str, ...] | None = None
    pattern: str | None = None
    required: bool = False  # not empty


@dataclass(frozen=True)
class Whole:
    low: int
    high: int


@dataclass(frozen=True)
class Number:
    low: float
    high: float


@dataclass(frozen=True)
class Day:
    """A date written ``åååå-mm-dd``."""


@dataclass(frozen=True)
class Moment:
    """A time written in ISO 8601."""


@dataclass(frozen=True)
class Maybe:
    inner: Spec


@dataclass(frozen=True)
class ListOf:
    item: Spec
    max_items: int


@dataclass(frozen=True)
class Record:
    fields: dict[str, Spec]


Spec = Text | Whole | Number | Day | Moment | Maybe | ListOf | Record


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def check(spec: Spec, value: Any, where: str = "filen") -> None:
    """Raise :class:`SchemaError` naming the first value that breaks its rule."""
    if isinstance(spec, Maybe):
        if value is not None:
            check(spec.inner, value, where)
    elif isinstance(spec, Record):
        _check_record(spec, value, where)
    elif isinstance(spec, ListOf):
        if not isinstance(value, list):
            raise SchemaError(f"{where} skal være en liste")
        if len(value) > spec.max_items:
            raise SchemaError(
                f"{where} har {len(value)} elementer; højst {spec.max_items} er tilladt"
            )
        for index, item in enumerate(value):
            check(spec.item, item, f"{where}[{index}]")
    elif isinstance(spec, Text):
        _check_text(spec, value, where)
    elif isinstance(spec, Whole):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SchemaError(f"{where} skal være et helt tal (er {_shown(value)})")
        if not spec.low <= value <= spec.high:
            raise SchemaError(f"{where} skal være fra {spec.low} til {spec.high} (er {value})")
    elif isinstance(spec, Number):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SchemaError(f"{where} skal være et tal (er {_shown(value)})")
        if not math.isfinite(value) or not spec.low <= value <= spec.high:
            raise SchemaError(f"{where} skal være fra {spec.low:g} til {spec.high:g} (er {value})")
    elif isinstance(spec, Day):
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise SchemaError(f"{where} skal være en dato åååå-mm-dd (er {_shown(value)})")
        try:
            date.fromisoformat(value)
        except ValueError as error:
            raise SchemaError(f"{where} er ikke en gyldig dato ({value})") from error
    elif isinstance(spec, Moment):
        if not isinstance(value, str) or len(value) > 40:
            raise SchemaError(f"{where} skal være et tidspunkt (er {_shown(value)})")
        try:
            datetime.fromisoformat(value)
        except ValueError as error:
            raise SchemaError(f"{where} er ikke et gyldigt tidspunkt ({_shown(value)})") from error


def _check_record(spec: Record, value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise SchemaError(f"{where} skal være et objekt med felter")
    unknown = sorted(set(value) - set(spec.fields))
    if unknown:
        raise SchemaError(f"{where} har et ukendt felt '{_shown(unknown[0])[1:-1]}'")
    for name, inner in spec.fields.items():
        if name not in value:
            raise SchemaError(f"{where} mangler feltet '{name}'")
        check(inner, value[name], f"{where}.{name}")


def _check_text(spec: Text, value: Any, where: str) -> None:
    if not isinstance(value, str):
        raise SchemaError(f"{where} skal være tekst (er {_shown(value)})")
    if len(value) > spec.max_len:
        raise SchemaError(f"{where} er {len(value)} tegn lang; højst {spec.max_len} er tilladt")
    if spec.required and not value.strip():
        raise SchemaError(f"{where} må ikke være tom")
    if spec.choices is not None and value not in spec.choices:
        raise SchemaError(f"{where} har den ukendte værdi {_shown(value)}")
    if spec.pattern is not None and not re.fullmatch(spec.pattern, value):
        raise SchemaError(f"{where} har ikke den rette form (er {_shown(value)})")
