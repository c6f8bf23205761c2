"""A write is all or nothing: the old file survives any failure, and no temporary file stays."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from accord.storage import atomic
from accord.storage.atomic import write_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder of its own, so leftover temporary files would show."""
    path = tmp_path / "folder"
    path.mkdir()
    return path


def test_writes_a_new_file_private_to_the_user(folder):
    target = folder / "x.toml"
    old_umask = os.umask(0)  # even a permissive umask must not make it readable by others
    try:
        write_atomic(target, b"hello")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"hello"
    assert mode(target) == 0o600


def test_replacing_a_file_makes_it_private_too(folder):
    target = folder / "x.toml"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["x.toml"]


def test_a_large_write_is_complete(folder):
    target = folder / "big.toml"
    data = bytes(range(256)) * 40_000
    write_atomic(target, data)
    assert target.read_bytes() == data


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failure_before_the_rename_leaves_the_old_file(folder, monkeypatch, failing):
    target = folder / "x.toml"
    target.write_bytes(b"what was said")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, failing, fail)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"the new version")
    monkeypatch.undo()
    assert target.read_bytes() == b"what was said"
    assert sorted(p.name for p in folder.iterdir()) == ["x.toml"]


def test_a_failure_half_way_through_writing_leaves_the_old_file(folder, monkeypatch):
    target = folder / "x.toml"
    target.write_bytes(b"what was said")
    real_write = os.write
    calls = []

    def write_half_then_fail(fd, data):
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "write", write_half_then_fail)
    with pytest.raises(OSError, match="Input/output"):
        write_atomic(target, b"x" * 1000)
    monkeypatch.undo()
    assert calls == [1000, 500]  # it kept writing the rest after a short write
    assert target.read_bytes() == b"what was said"
    assert sorted(p.name for p in folder.iterdir()) == ["x.toml"]


def test_an_interrupt_mid_write_also_cleans_up(folder, monkeypatch):
    target = folder / "x.toml"
    target.write_bytes(b"what was said")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"what was said"
    assert sorted(p.name for p in folder.iterdir()) == ["x.toml"]


def test_the_folder_is_fsynced_after_the_rename(folder, monkeypatch):
    target = folder / "x.toml"
    synced = []
    real_fsync = os.fsync

    def record(fd):
        synced.append(os.path.realpath(f"/proc/self/fd/{fd}") if Path("/proc").exists() else fd)
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", record)
    write_atomic(target, b"data")
    assert len(synced) == 2
    if Path("/proc").exists():
        assert synced[1] == os.path.realpath(folder)
