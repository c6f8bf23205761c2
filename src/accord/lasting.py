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
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holding = 0  # how many made_to_last blocks are under way
_was_enabled = True  # whether the collector ran before the first of them began


@contextmanager
def made_to_last() -> Iterator[None]:
    """Hold the garbage collector off in this block; set aside what it made if it ends well."""
    global _holding, _was_enabled
    with _lock:
        if _holding == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holding += 1
    try:
        yield
        gc.freeze()
    finally:
        with _lock:
            _holding -= 1
            if _holding == 0 and _was_enabled:
                gc.enable()
