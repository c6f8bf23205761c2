"""What the session codec and the couple codec share: checking a parsed file as it is read.

Reading checks every field's type, every enum value and every key, and collects *all* problems
with where they are (``turns[3].statements[0].text: expected text, found integer``) into one
:class:`SchemaError`. Here are that error, the :class:`_Reader` that collects the problems, one
check for each kind of value, the schema version check and upgrade every file goes through,
and the boundaries both a session's preparation and a profile carry.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from accord.domain.model import PARTNER_IDS, SCHEMA_VERSION, Boundary

#: What a session id may look like; ids become file names, so nothing else is allowed.
SESSION_ID = re.compile(r"[0-9A-Za-z-]{1,120}")


class SchemaError(ValueError):
    """A file's contents are not what accord writes; ``problems`` lists every one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


class _Bad(Exception):
    """One value is wrong; the message says what was expected and what was found."""


_MISSING = object()


def _kind(value: Any) -> str:
    """What a TOML value is, in words."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, datetime):
        return "date-time"
    if isinstance(value, date):
        return "date"
    if isinstance(value, time):
        return "time"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "table"
    return type(value).__name__


def _expected(what: str, value: Any) -> _Bad:
    return _Bad(f"expected {what}, found {_kind(value)}")


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _expected("text", value)
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _expected("integer", value)
    return value


def _count(value: Any) -> int:
    if type(value) is not int:
        raise _expected("integer", value)
    if value < 0:
        raise _Bad(f"expected 0 or more, found {value}")
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _expected("true or false", value)
    return value


def _datetime(value: Any) -> datetime:
    if not isinstance(value, datetime):
        raise _expected("date-time (like 2024-05-01T20:15:00+02:00)", value)
    return value if value.tzinfo is not None else value.astimezone()


def _date(value: Any) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise _expected("date (like 2024-05-01)", value)
    return value


def _suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _enum(cls: type[Enum]) -> Callable[[Any], Any]:
    by_value = {member.value: member for member in cls}
    choices = [str(v) for v in by_value]

    def check(value: Any) -> Any:
        if isinstance(value, bool) or type(value) is not type(next(iter(by_value))):
            raise _expected("one of " + ", ".join(choices), value)
        if value not in by_value:
            raise _Bad(f"unknown value {value!r}; expected one of {', '.join(choices)}"
                       + _suggest(str(value), choices))
        return by_value[value]

    return check


def _partner_id(value: Any) -> str:
    if type(value) is not str:
        raise _expected("'a' or 'b'", value)
    if value not in PARTNER_IDS:
        raise _Bad(f"expected 'a' or 'b', found {value!r}")
    return value


def _text_list(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise _expected("a list of text", value)
    for item in value:
        if type(item) is not str:
            raise _Bad(f"expected a list of text, found {_kind(item)} in it")
    return list(value)


def _partner_list(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise _expected("a list of 'a' and 'b'", value)
    return [_partner_id(item) for item in value]


def _free_table(value: Any) -> dict:
    if not isinstance(value, dict):
        raise _expected("table", value)
    return value


class _Reader:
    """Collects every problem in a file instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}" if where else message)

    def table(self, value: Any, where: str, keys: tuple[str, ...]) -> dict | None:
        """``value`` as a table with only ``keys`` in it; None (and a problem) if not a table."""
        if not isinstance(value, dict):
            self.problem(where, f"expected table, found {_kind(value)}")
            return None
        for key in value:
            if key not in keys:
                self.problem(_join(where, key), "unknown key" + _suggest(key, keys))
        return value

    def field(self, data: dict, where: str, key: str, check: Callable[[Any], Any],
              default: Any = _MISSING) -> Any:
        """One field, checked; a missing field takes ``default`` or, if required, is reported."""
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                self.problem(_join(where, key), "missing (required)")
                return None
            return default
        try:
            return check(value)
        except _Bad as bad:
            self.problem(_join(where, key), str(bad))
            return None if default is _MISSING else default

    def items(self, data: dict, where: str, key: str) -> list[tuple[str, dict]]:
        """The tables in an array of tables, each with its location; [] if absent."""
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return []
        here = _join(where, key)
        if not isinstance(value, list):
            self.problem(here, f"expected a list of tables, found {_kind(value)}")
            return []
        return [(f"{here}[{i}]", item) for i, item in enumerate(value)]

    def by_partner(self, data: dict, where: str, key: str, required: bool) -> list[tuple[str, Any]]:
        """The entries of a table keyed by partner ("a", "b"), each with its location."""
        here = _join(where, key)
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.problem(here, "missing (required)")
            return []
        if not isinstance(value, dict):
            self.problem(here, f"expected table, found {_kind(value)}")
            return []
        out = []
        for pid, item in value.items():
            if pid not in PARTNER_IDS:
                self.problem(_join(here, pid), "unknown partner; expected 'a' or 'b'")
            else:
                out.append((pid, item))
        if required:
            for pid in PARTNER_IDS:
                if pid not in value:
                    self.problem(_join(here, pid), "missing (required)")
        return out


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


_BOUNDARY_KEYS = ("text", "enforcement")


def _upgraded(data: Any, upgrades: dict[int, Callable[[dict], dict]]) -> dict:
    """Check the schema version and bring an older file up to date, one step at a time."""
    if not isinstance(data, dict):
        raise SchemaError([f"expected a table, found {_kind(data)}"])
    if "schema" not in data:
        raise SchemaError(["schema: missing (required); every accord file has a schema version"])
    version = data["schema"]
    if type(version) is not int:
        raise SchemaError([f"schema: expected integer, found {_kind(version)}"])
    if version > SCHEMA_VERSION:
        raise SchemaError([
            f"written by a newer accord (schema {version}); this one reads up to {SCHEMA_VERSION}"
        ])
    if version < 1:
        raise SchemaError([f"schema: {version} is not a schema version"])
    while version < SCHEMA_VERSION:
        upgrade = upgrades.get(version)
        if upgrade is None:
            raise SchemaError([f"schema {version} is too old for this accord to upgrade"])
        data = upgrade(dict(data))
        version += 1
        data["schema"] = version
    return data


def _boundaries_to_list(boundaries: list[Boundary]) -> list[dict]:
    return [{"text": b.text, "enforcement": b.enforcement} if b.enforcement else {"text": b.text}
            for b in boundaries]


def _read_boundaries(r: _Reader, d: dict, where: str) -> list[Boundary]:
    boundaries = []
    for here, item in r.items(d, where, "boundaries"):
        b = r.table(item, here, _BOUNDARY_KEYS)
        if b is not None:
            boundaries.append(Boundary(text=r.field(b, here, "text", _text),
                                       enforcement=r.field(b, here, "enforcement", _text, "")))
    return boundaries
