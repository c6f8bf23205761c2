"""The paused session most likely to be resumed next, read ahead in a thread.

A long session takes a while to read and to render for its first save. While the home screen
is on show, the session at the top of its paused list is read and rendered once in a thread
(:meth:`accord.storage.store.Store.warm`), so pressing r shows it at once. It is used only if
its file has not changed since it was read; otherwise the file is read again as usual. If r
comes while it is still being read, the reading is waited for rather than started again.
"""

from __future__ import annotations

import threading

from accord.domain.session import Session
from accord.storage.store import UnreadableFile, file_signature


def _import_screen(session: Session) -> None:
    """Import the module of the screen the session will show (and the time-out's)."""
    from importlib import import_module

    from accord.ui.screens.steps import SCREENS

    module = SCREENS.get(session.step, SCREENS[type(session.step).PREPARE])[0]
    import_module(f"accord.ui.screens.{module}")
    import_module("accord.ui.screens.timeout")


def read_ahead(app, session_id: str) -> None:
    """Read and render the session (call from a thread); keep it for :func:`take`. Nothing
    is done if it is being read ahead already, or was and its file is unchanged since (the
    home screen shows a scan more than once as it starts)."""
    store = app.store
    reading = getattr(app, "_reading_ahead", None)
    if reading is not None and reading[0] == session_id:
        if not reading[1].is_set() or _unchanged(app, getattr(app, "_read_ahead", None),
                                                 session_id) is not None:
            return
    done = threading.Event()
    app._reading_ahead = (session_id, done)
    try:
        path = store.session_path(session_id)
        before = file_signature(path)
        session = store.load_path(path)
        store.warm(session)
        _import_screen(session)
        if before is not None:
            app._read_ahead = (session_id, before, session)
    except (ValueError, UnreadableFile, OSError):
        return
    finally:
        done.set()


def take(app, session_id: str) -> Session | None:
    """The session read ahead, if it is this one and its file is unchanged since; once."""
    reading = getattr(app, "_reading_ahead", None)
    if reading is not None and reading[0] == session_id:
        reading[1].wait(timeout=10)
    kept = getattr(app, "_read_ahead", None)
    app._read_ahead = None
    return _unchanged(app, kept, session_id)


def _unchanged(app, kept: tuple | None, session_id: str) -> Session | None:
    """The session read ahead in ``kept`` if it is this one and its file still has the
    signature it had when it was read."""
    if kept is None or kept[0] != session_id:
        return None
    try:
        path = app.store.session_path(session_id)
    except ValueError:
        return None
    return kept[2] if file_signature(path) == kept[1] else None
