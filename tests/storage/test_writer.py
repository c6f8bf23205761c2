"""Saving from a background thread: newest bytes win, in order, and failures are reported."""

from __future__ import annotations

import threading
from pathlib import Path

from accord.storage.writer import BackgroundWriter


def test_newest_bytes_win_and_writes_keep_their_order(tmp_path):
    path = tmp_path / "a.toml"
    gate, started = threading.Event(), threading.Event()
    written = []

    def commit(target: Path, data: bytes) -> None:
        if data == b"1":
            started.set()
            gate.wait(5)  # the first write is slow; newer bytes arrive meanwhile
        written.append(data)
        target.write_bytes(data)

    writer = BackgroundWriter(commit, lambda p, e: None)
    writer.submit(path, b"1")
    assert started.wait(5)
    writer.submit(path, b"2")
    writer.submit(path, b"3")
    assert not writer.flush(timeout=0.05)  # still busy with the first
    gate.set()
    assert writer.flush(timeout=5)
    assert written == [b"1", b"3"]
    assert path.read_bytes() == b"3"


def test_failures_and_successes_are_reported(tmp_path):
    errors, successes = [], []
    fail = [True]

    def commit(target: Path, data: bytes) -> None:
        if fail[0]:
            raise PermissionError("read-only")
        target.write_bytes(data)

    writer = BackgroundWriter(commit, lambda p, e: errors.append((p.name, str(e))),
                              lambda p: successes.append(p.name))
    writer.submit(tmp_path / "x", b"data")
    assert writer.flush(timeout=5)
    assert errors == [("x", "read-only")] and successes == []
    fail[0] = False
    writer.submit(tmp_path / "x", b"data")
    assert writer.flush(timeout=5)
    assert successes == ["x"]
    assert (tmp_path / "x").read_bytes() == b"data"


def test_flush_with_nothing_to_do():
    assert BackgroundWriter(lambda p, d: None, lambda p, e: None).flush(timeout=1)
