"""Write files from a background thread, so the screen never waits on the disk.

The caller renders the bytes (fast, on its own thread) and hands them over; one background
thread writes them with the given ``commit`` (an atomic write). For each file only the newest
bytes matter: bytes that were not written yet are replaced by newer ones, and a file's writes
never overtake each other. The thread is not a daemon, so Python waits for the last write
before the program ends; :meth:`flush` waits for it on demand.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path


class BackgroundWriter:
    def __init__(
        self,
        commit: Callable[[Path, bytes], object],
        on_error: Callable[[Path, Exception], None],
        on_success: Callable[[Path], None] = lambda path: None,
    ) -> None:
        self._commit = commit
        self._on_error = on_error
        self._on_success = on_success
        self._pending: dict[Path, bytes] = {}
        self._busy = False
        self._thread: threading.Thread | None = None
        self._condition = threading.Condition()

    def submit(self, path: Path, data: bytes) -> None:
        with self._condition:
            self._pending.pop(path, None)  # newest last, so files are written in order
            self._pending[path] = data
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="accord-writer")
                self._thread.start()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything handed over is written (or failed); False on timeout."""
        with self._condition:
            return self._condition.wait_for(
                lambda: not self._pending and not self._busy, timeout=timeout
            )

    def _run(self) -> None:
        while True:
            with self._condition:
                if not self._pending:
                    self._thread = None
                    self._busy = False
                    self._condition.notify_all()
                    return
                path = next(iter(self._pending))
                data = self._pending.pop(path)
                self._busy = True
            try:
                self._commit(path, data)
            except Exception as error:  # reported; the caller keeps everything in memory
                self._on_error(path, error)
            else:
                self._on_success(path)
            with self._condition:
                self._busy = False
                self._condition.notify_all()
