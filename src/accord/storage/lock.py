"""One accord at a time per session: an advisory lock on a small file beside the session.

The lock is ``fcntl.flock`` on ``.<id>.lock`` in the data folder, held for as long as a session
is open in the app. The operating system drops it when the process ends, however it ends, so
a crash never leaves a session locked. Where locking is not available (Windows, or a folder
that cannot be written), :meth:`SessionLock.acquire` succeeds without a lock.

The file is removed when the lock is let go, so the folder does not fill with them. It is
removed while still locked, and whoever takes a lock checks afterwards that the file they
locked is still the one in the folder (else they try again on the new one): two accords can
never both hold the lock, one on a removed file and one on a new one. A file left by a crash
is harmless and goes the next time its session is opened and closed.
"""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_MODE = 0o600
ATTEMPTS = 20  # a lock file replaced this often in a row while taking it means "busy"

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
        for _ in range(ATTEMPTS):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, LOCK_MODE)
            except OSError:
                return True  # cannot lock here (read-only or missing folder): saving will say so
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return False
            if self._still_in_place(fd):
                self._fd = fd
                return True
            os.close(fd)  # removed by the accord that held it just before: take the new one
        return False

    def _still_in_place(self, fd: int) -> bool:
        try:
            here = os.stat(self.path)
        except OSError:
            return False
        mine = os.fstat(fd)
        return (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino)

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            try:
                self.path.unlink()  # while still locked: see the module's note
            except OSError:
                pass  # a read-only folder keeps it; it means nothing once unlocked
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
