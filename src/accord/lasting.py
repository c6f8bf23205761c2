"""Making many objects that live as long as the program, without the garbage collector in
the way.

Loading the word lists or years of history makes hundreds of thousands of small objects and
next to no garbage. While they are being made, each of the collector's passes looks through
all of them again (one such pass held the screen for 60-125 ms in the middle of key presses),
and afterwards every full pass would too. :func:`made_to_last` holds the collector off while
they are made and then sets everything alive aside (``gc.freeze``), so later passes skip it.
It may be used from several threads at once: the collector is back on when the last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holding = 0  # how many made_to_last blocks are under way
_was_enabled = True  # whether the collector ran before the first of them began


def _hold() -> None:
    global _holding, _was_enabled
    with _lock:
        if _holding == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holding += 1


def _let_go() -> None:
    global _holding
    with _lock:
        _holding -= 1
        if _holding == 0 and _was_enabled:
            gc.enable()


@contextmanager
def made_to_last() -> Iterator[None]:
    """Hold the garbage collector off in this block; set aside what it made if it ends well."""
    _hold()
    try:
        yield
        gc.freeze()
    finally:
        _let_go()


def held_off() -> Callable[[], None]:
    """Hold the garbage collector off until the function this returns is called (later calls
    do nothing); nothing is set aside. For a burst of short-lived objects that should not wait
    for the collector's passes, such as a screen being built before its first frame."""
    _hold()
    released = False

    def release() -> None:
        nonlocal released
        if not released:
            released = True
            _let_go()

    return release
