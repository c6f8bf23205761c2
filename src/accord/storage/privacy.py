"""Checks that the data folder is usable and private, for a warning at start-up."""

from __future__ import annotations

import os
import stat
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def folder_problem(root: Path, *, write: bool) -> str | None:
    """Why accord cannot use ``root`` at all, in one sentence; None if it can (or will make it)."""
    root = Path(root)
    if not root.exists():
        return None
    if not root.is_dir():
        return f"{root} is not a folder; point --data-dir at a folder."
    wanted = os.R_OK | os.X_OK | (os.W_OK if write else 0)
    if not os.access(root, wanted):
        return f"{root} cannot be {'written' if write else 'read'}; check its permissions."
    return None


def loose_permissions(root: Path) -> list[str]:
    """What others could read (the folder looser than 0700, files than 0600), in at most one
    short warning with the command that fixes it; empty when all is private."""
    root = Path(root)
    if os.name != "posix":
        return []
    try:
        open_folder = bool(stat.S_IMODE(root.stat().st_mode) & 0o077)
    except OSError:
        return []
    loose = 0
    try:
        with os.scandir(root) as entries:  # thousands of files: no Path objects, no sorting
            for entry in entries:
                if entry.name.startswith(".") or not entry.name.endswith(".toml"):
                    continue
                try:
                    loose += bool(stat.S_IMODE(entry.stat().st_mode) & 0o077)
                except OSError:
                    continue
    except OSError:
        pass
    if not (open_folder or loose):
        return []
    what = [f"the folder {root}"] if open_folder else []
    if loose:
        what.append(f"{loose} file{'' if loose == 1 else 's'} in it" if open_folder
                    else f"{loose} file{'' if loose == 1 else 's'} in {root}")
    fixes = ([f"chmod 700 {root}"] if open_folder else []) + (
        [f"chmod 600 {root}/*.toml"] if loose else [])
    return [f"Others on this computer can read {' and '.join(what)}. "
            f"`{' && '.join(fixes)}` makes it yours alone."]
