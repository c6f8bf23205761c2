"""Session files as TOML text, fast enough to write after every step of a long session.

A session file is mostly its ``[[turns]]`` blocks, and a finished turn never changes. So each
turn is turned into text on its own with ``tomli_w`` and the text is kept together with a copy
of the turn: while the turn still equals its copy (every field, compared in full) the text is
reused; any change renders it again, also a change made in place to a turn kept earlier. The
copy shares the turn's immutable values (text, times, enums) and copies only what can change
(the turn, its statements and reflections, lists, dicts), so most of the comparing is Python
noticing it holds the same object: about three times faster than comparing with a deep copy.
The rest of the file is small and rendered every time.
The result is exactly what ``tomli_w.dumps(session_to_dict(session), multiline_strings=True)``
gives (the tests check this byte for byte), so the data format does not change.
"""

from __future__ import annotations

import copy
import dataclasses
import enum
from datetime import date, datetime, time, timedelta, timezone

from accord.domain.session import Session, Turn
from accord.storage.codec import _turn_to_dict, session_to_dict

_TURNS = "turns"


def _dumps(data: dict) -> str:
    import tomli_w  # only once something is written: opening the app reads, it does not write

    return tomli_w.dumps(data, multiline_strings=True)


def _is_table(key: str, value: object) -> bool:
    """Whether tomli_w writes this top-level value as a table (``[key]`` / ``[[key]]``)."""
    return _dumps({key: value}).startswith("[")


#: Values that never change once made: a copy can share them with what it copies.
_IMMUTABLE = (str, int, float, bool, type(None), bytes, datetime, date, time, timedelta,
              timezone, enum.Enum)


def _snapshot(value):
    """A copy of ``value`` equal to it now and unaffected by any later change made to it in
    place, sharing its immutable parts (see the module docstring)."""
    if isinstance(value, _IMMUTABLE):
        return value
    kind = type(value)
    if kind is list:
        return [_snapshot(item) for item in value]
    if kind is dict:
        return {key: _snapshot(item) for key, item in value.items()}
    if kind is tuple:
        return tuple(_snapshot(item) for item in value)
    if dataclasses.is_dataclass(kind) and not hasattr(kind, "__slots__"):
        copied = object.__new__(kind)
        copied.__dict__.update({key: _snapshot(item) for key, item in vars(value).items()})
        return copied
    return copy.deepcopy(value)


class TurnCache:
    """The rendered text of each turn of one session, reused while the turn is unchanged."""

    def __init__(self) -> None:
        # Per turn: a copy of it, its text, and whether tomli_w could write it inline (None:
        # not worked out yet; it only matters while every turn so far could be).
        self._entries: list[list] = []

    def block(self, index: int, turn: Turn) -> str:
        """The ``[[turns]]`` block for one turn."""
        if index < len(self._entries) and self._entries[index][0] == turn:
            return self._entries[index][1]
        # Rendered as a plain table, the text is the array-of-tables block but for its header.
        body = _dumps({_TURNS: _turn_to_dict(turn)})
        assert body.startswith(f"[{_TURNS}]\n")
        text = f"[[{_TURNS}]]\n" + body[len(_TURNS) + 3:]
        entry = [_snapshot(turn), text, None]
        if index < len(self._entries):
            self._entries[index] = entry
        else:
            self._entries.append(entry)
        return text

    def inline(self, index: int) -> bool:
        """Whether tomli_w could write this turn as an inline table (after :meth:`block`)."""
        entry = self._entries[index]
        if entry[2] is None:
            entry[2] = not _is_table(_TURNS, [_turn_to_dict(entry[0])])
        return entry[2]

    def trim(self, count: int) -> None:
        del self._entries[count:]

    def prime(self, session: Session, text: str) -> bool:
        """Take each turn's text from ``text``, the file ``session`` was just read from, when
        that file is laid out exactly as :func:`render_session` writes it (the parts around
        the turns are rendered and compared, and "[[turns]]" must start exactly one block per
        turn). Returns whether it could; if not, nothing is kept and turns render as usual."""
        turns = session.turns
        if not turns:
            return False
        head, tail = _layout(session)  # the file is head, then the blocks, then tail, "\n" between
        header = f"[[{_TURNS}]]\n"
        if not text.startswith(head + "\n" + header) or not text.endswith(tail):
            return False
        middle = text[len(head) + 1:len(text) - len(tail)]
        bodies = middle[len(header):].split("\n" + header)
        if len(bodies) != len(turns) or not all(body.endswith("\n") for body in bodies):
            return False
        self._entries = [[_snapshot(turn), header + body, None]
                         for turn, body in zip(turns, bodies, strict=True)]
        return True


def render_session(session: Session, cache: TurnCache | None = None) -> str:
    """The session file's text; ``cache`` keeps turn text between calls for one session."""
    if not session.turns or cache is None:
        return _dumps(session_to_dict(session))
    turns = session.turns
    cache.trim(len(turns))
    blocks = [cache.block(index, turn) for index, turn in enumerate(turns)]
    if all(cache.inline(index) for index in range(len(turns))):
        # tomli_w writes such turns as one inline array: there is no block to reuse.
        return _dumps(session_to_dict(session))
    head, tail = _layout(session)
    return "\n".join([head, *blocks]) + tail


def _layout(session: Session) -> tuple[str, str]:
    """The text before the turns' blocks and after them (with its joining newline)."""
    # The rest of the file, in the codec's own key order: one turn stands in for all of them
    # so we learn where the turns go without rendering every turn as a dict.
    data = session_to_dict(dataclasses.replace(session, turns=session.turns[:1]))
    keys = list(data)
    cut = keys.index(_TURNS)
    before = {key: data[key] for key in keys[:cut]}
    after_tables = {}
    for key in keys[cut + 1:]:
        if _is_table(key, data[key]):
            after_tables[key] = data[key]
        else:  # tomli_w writes plain values before every table, in order
            before[key] = data[key]
    return _dumps(before), "\n" + _dumps(after_tables) if after_tables else ""
