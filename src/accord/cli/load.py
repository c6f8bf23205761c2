"""Loading one session by the id a person typed, with a sentence for each way it can fail."""

from __future__ import annotations

from pathlib import Path

from accord.domain.session import Session
from accord.storage.store import Store, UnreadableFile


def load_session(folder: Path, session_id: str, error: type[Exception], *,
                 unreadable_note: str = "") -> Session:
    """The session, or ``error`` saying why not (``unreadable_note`` follows a damaged file)."""
    try:
        return Store(folder).load(session_id)
    except ValueError:
        raise error(f"{session_id!r} is not a session id; `accord sessions` lists them.") from None
    except UnreadableFile as problem:
        if problem.reason == "file not found":
            raise error(
                f"There is no session {session_id} in {folder}; `accord sessions` lists them."
            ) from None
        raise error(f"cannot read {problem.path.name}: {problem.reason}{unreadable_note}") from None
