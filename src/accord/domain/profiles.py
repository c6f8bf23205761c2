"""Needs and boundaries profiles: who each partner is, kept between sessions.

A profile holds a partner's core needs, their boundaries (each with what they will do if it
is crossed; without that it is only a preference) and what helps them calm down in a
time-out. Prepare starts from it; Sort asks :func:`matches` whether an issue touches a
declared boundary or core need, and suggests layer one when it does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from accord.domain.model import Boundary, Layer, Profile
from accord.domain.rules import RuleError
from accord.domain.session import Preparation

#: Words too common to say two texts are about the same thing.
_STOP = frozenset("""
a about after again all also always am an and any are as at be been being both but by can
could did do does doing done don't each even ever every feel feeling felt for from get gets
getting go going got had has have having he her him his how i i'm if in into is it it's its
just know let like lot make makes me more most much my myself need needs never no not now of
off on once one only or other our ours out over own really same see she should so some
something still such take than that the their them then there these they thing things this
those through time times to too try up us very want wants was way we well were what when where
which while who why will with without would you your yours
""".split())

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _stem(word: str) -> str:
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry its meaning, lower-cased and roughly stemmed."""
    words = (w.casefold() for w in _WORD.findall(text))
    return {_stem(w) for w in words if w not in _STOP and len(w) >= 3}


@dataclass(frozen=True)
class ProfileMatch:
    """An issue touches something a partner declared: ``kind`` is "need" or "boundary"."""

    name: str  # the partner whose profile it is
    kind: str
    text: str  # the need or boundary, as they wrote it


def matches(title: str, profiles: Iterable[Profile]) -> list[ProfileMatch]:
    """Each declared core need or boundary that shares a meaningful word with ``title``."""
    words = content_words(title)
    if not words:
        return []
    found = []
    for profile in profiles:
        for need in profile.core_needs:
            if words & content_words(need):
                found.append(ProfileMatch(profile.name, "need", need))
        for boundary in profile.boundaries:
            if words & content_words(boundary.text):
                found.append(ProfileMatch(profile.name, "boundary", boundary.text))
    return found


def suggest_layer(title: str, profiles: Iterable[Profile]) -> Layer | None:
    """Layer one when the issue touches a declared boundary or core need, else None."""
    return Layer.FOUNDATION if matches(title, profiles) else None


def profile_for(profiles: Iterable[Profile], name: str) -> Profile | None:
    """The profile of the partner called ``name`` (ignoring case and spaces around it)."""
    key = name.strip().casefold()
    return next((p for p in profiles if p.name.strip().casefold() == key), None)


def make_profile(name: str, core_needs: Iterable[str] = (),
                 boundaries: Iterable[tuple[str, str]] = (), calming: str = "") -> Profile:
    """A tidy profile: blank needs and boundaries dropped, repeats removed."""
    name = name.strip()
    if not name:
        raise RuleError("A profile needs the partner's name.")
    needs: list[str] = []
    for need in core_needs:
        need = need.strip()
        if need and need.casefold() not in {n.casefold() for n in needs}:
            needs.append(need)
    kept: list[Boundary] = []
    for text, enforcement in boundaries:
        text = text.strip()
        if text and text.casefold() not in {b.text.casefold() for b in kept}:
            kept.append(Boundary(text=text, enforcement=enforcement.strip()))
    return Profile(name=name, core_needs=needs, boundaries=kept, calming=calming.strip())


def put_profile(profiles: list[Profile], profile: Profile) -> list[Profile]:
    """``profiles`` with ``profile`` added, or replacing the one with the same name."""
    key = profile.name.strip().casefold()
    out = [p for p in profiles if p.name.strip().casefold() != key]
    out.append(profile)
    return out


def preparation_from(profile: Profile | None) -> Preparation:
    """A Prepare step that starts from what the partner declared before."""
    if profile is None:
        return Preparation()
    return Preparation(
        need="; ".join(profile.core_needs),
        boundaries=[Boundary(b.text, b.enforcement) for b in profile.boundaries],
    )


def update_from_preparation(profile: Profile, prep: Preparation) -> Profile:
    """The profile with this session's need and boundaries added (nothing is removed)."""
    needs = [n for n in (part.strip() for part in prep.need.split(";")) if n]
    return make_profile(
        profile.name,
        [*profile.core_needs, *needs],
        [*((b.text, b.enforcement) for b in profile.boundaries),
         *((b.text, b.enforcement) for b in prep.boundaries)],
        profile.calming,
    )
