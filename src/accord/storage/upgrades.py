"""Schema upgrades keep the original: a copy is written before an upgraded file is re-saved.

:mod:`accord.storage.codec` upgrades an older file in memory, one step per version
(``UPGRADES``). The first time such a session is saved again, the file as it was is first
copied to ``<name>.schema<N>.bak`` beside it (private, never overwritten), so an upgrade that
went wrong can always be undone by hand.
"""

from __future__ import annotations

import os
from pathlib import Path

from accord.storage.atomic import write_atomic


def backup_path(path: Path, version: int) -> Path:
    path = Path(path)
    return path.with_name(f"{path.name}.schema{version}.bak")


def file_version(data: object) -> int | None:
    """The schema version a parsed file says it has, if it says so plainly."""
    if isinstance(data, dict) and type(data.get("schema")) is int:
        return data["schema"]
    return None


def back_up(path: Path, version: int) -> Path | None:
    """Copy ``path`` (schema ``version``) aside, once; returns the copy, or None if it exists."""
    target = backup_path(path, version)
    if target.exists():
        return None
    with open(path, "rb") as handle:
        original = handle.read()
    write_atomic(target, original)
    if hasattr(os, "chmod"):
        os.chmod(target, 0o600)
    return target
