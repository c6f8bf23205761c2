"""One accord at a time per session: an advisory lock on a small file beside the session.

The lock is ``fcntl.flock`` on ``.<id>.lock`` in the data folder, held for as long as a session
is open in the app. The operating system drops it when the process ends, however it ends, so
a crash never leaves a session locked. Where locking is not available (Windows, or a folder
that cannot be written), :meth:`SessionLock.acquire` succeeds without a lock.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_MODE = 0o600

READ_ONLY_MESSAGE = (
    "This session is open in another accord window right now, so it opens here to read "
    "only. Carry on in that window, or pause it there to carry on here."
)


def lock_path(root: Path, session_id: str) -> Path:
    return Path(root) / f".{session_id}.lock"


class SessionLock:
    """Held while one accord has a session open; a second accord cannot take it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock; False if another accord holds it."""
        if self._fd is not None or fcntl is None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, LOCK_MODE)
        except OSError:
            return True  # cannot lock here (read-only or missing folder): saving will say so
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None


def is_locked(root: Path, session_id: str) -> bool:
    """True if another accord has this session open right now."""
    probe = SessionLock(lock_path(root, session_id))
    if not probe.acquire():
        return True
    probe.release()
    return False
