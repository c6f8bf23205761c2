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
    """One warning per item others could read: the folder looser than 0700, files than 0600."""
    root = Path(root)
    warnings: list[str] = []
    if os.name != "posix":
        return warnings
    try:
        mode = stat.S_IMODE(root.stat().st_mode)
    except OSError:
        return warnings
    if mode & 0o077:
        warnings.append(f"{root} can be opened by other users (mode {mode:o}); "
                        f"`chmod 700 {root}` keeps it private.")
    try:
        paths = sorted(root.glob("*.toml"))
    except OSError:
        paths = []
    loose = []
    for path in paths:
        try:
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                loose.append(path.name)
        except OSError:
            continue
    if loose:
        shown = ", ".join(loose[:3]) + (f" and {len(loose) - 3} more" if len(loose) > 3 else "")
        warnings.append(f"Other users can read {shown}; `chmod 600` on "
                        f"{'it' if len(loose) == 1 else 'them'} keeps them private.")
    return warnings
