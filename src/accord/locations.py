"""Where accord keeps its files. Importing this module creates nothing and opens nothing."""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that points accord at another data folder (used by tests, too).
DATA_DIR_ENV = "ACCORD_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir`` if given, else ``$ACCORD_DATA_DIR``, else the user's
    data directory. Only works out the path; the folder is created when something is saved."""
    if override is not None and str(override) != "":
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV, "")
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("accord", appauthor=False)).expanduser()
