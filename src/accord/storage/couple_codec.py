"""couple.toml and profiles.toml to plain TOML-ready dicts and back, with strict checking.

Both are read before any session is: the app needs them at start-up, so this module loads
none of the session's classes (see :mod:`accord.storage.codec` for sessions). The layout is
described in docs/data-format.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from accord.domain.model import SCHEMA_VERSION, Couple, Profile
from accord.storage.codec_parts import (
    SchemaError,
    _Bad,
    _bool,
    _boundaries_to_list,
    _read_boundaries,
    _Reader,
    _text,
    _text_list,
    _upgraded,
)

#: Upgrades of couple.toml and profiles.toml, one step each, as for session files
#: (:data:`accord.storage.codec.UPGRADES`): they share its schema version number.
COUPLE_UPGRADES: dict[int, Callable[[dict], dict]] = {}


def couple_to_dict(couple: Couple) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        "names": list(couple.names),
        "colors": list(couple.colors),
        "safety_notice_seen": couple.safety_notice_seen,
    }


_PROFILES_KEYS = ("schema", "profiles")
_PROFILE_KEYS = ("name", "core_needs", "boundaries", "calming")
_COUPLE_KEYS = ("schema", "names", "colors", "safety_notice_seen")


def _two_texts(value: Any) -> list[str]:
    items = _text_list(value)
    if len(items) != 2:
        raise _Bad(f"expected 2 entries (one per partner), found {len(items)}")
    return items


def couple_from_dict(data: dict) -> Couple:
    """Build the couple's remembered settings, or raise :class:`SchemaError`."""
    data = _upgraded(data, COUPLE_UPGRADES)
    r = _Reader()
    r.table(data, "", _COUPLE_KEYS)
    defaults = Couple()
    couple = Couple(
        names=r.field(data, "", "names", _two_texts, defaults.names),
        colors=r.field(data, "", "colors", _two_texts, defaults.colors),
        safety_notice_seen=r.field(data, "", "safety_notice_seen", _bool, False),
        schema=SCHEMA_VERSION,
    )
    if r.problems:
        raise SchemaError(r.problems)
    return couple


def profiles_to_dict(profiles: list[Profile]) -> dict:
    out: list[dict] = []
    for profile in profiles:
        item: dict[str, Any] = {"name": profile.name}
        if profile.core_needs:
            item["core_needs"] = list(profile.core_needs)
        if profile.calming:
            item["calming"] = profile.calming
        if profile.boundaries:
            item["boundaries"] = _boundaries_to_list(profile.boundaries)
        out.append(item)
    data: dict[str, Any] = {"schema": SCHEMA_VERSION}
    if out:
        data["profiles"] = out
    return data


def profiles_from_dict(data: dict) -> list[Profile]:
    """Both partners' profiles, or raise :class:`SchemaError` listing every problem."""
    data = _upgraded(data, COUPLE_UPGRADES)
    r = _Reader()
    r.table(data, "", _PROFILES_KEYS)
    profiles = []
    names: set[str] = set()
    for where, value in r.items(data, "", "profiles"):
        d = r.table(value, where, _PROFILE_KEYS)
        if d is None:
            continue
        boundaries = _read_boundaries(r, d, where)
        name = r.field(d, where, "name", _text)
        if isinstance(name, str):
            if name.strip().casefold() in names:
                r.problem(f"{where}.name", f"{name!r} has another profile too")
            names.add(name.strip().casefold())
        profiles.append(Profile(
            name=name,
            core_needs=r.field(d, where, "core_needs", _text_list, []),
            boundaries=boundaries,
            calming=r.field(d, where, "calming", _text, ""),
        ))
    if r.problems:
        raise SchemaError(r.problems)
    return profiles
