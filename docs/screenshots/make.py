"""Regenerate the README's screenshots: ``.venv/bin/python docs/screenshots/make.py``.

Drives the real app through the same fixed scenes as the snapshot tests (a fixed clock, fixed
names, a still breathing pacer) and saves what the app itself draws, as SVG, beside this file.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

#: file name → (scene, theme); the walkthrough follows one session from set-up to close.
SHOTS = {
    "talk.svg": ("talk", "dark"),
    "agreements.svg": ("agreements", "dark"),
    "1-setup.svg": ("setup", "dark"),
    "2-prepare.svg": ("prepare", "dark"),
    "3-reflect.svg": ("talk_reflecting", "dark"),
    "4-timeout.svg": ("timeout", "dark"),
    "5-sort.svg": ("sort", "light"),
    "6-agree.svg": ("agree", "light"),
    "7-close.svg": ("close", "light"),
}
SIZE = (100, 30)


async def shoot(name: str, scene: str, theme: str) -> None:
    from tests.snapshots.scenes import build_app, settle

    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        app = build_app(scene, Path("data"), theme=theme)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, scene)
            app.save_screenshot(filename=name, path=str(HERE))
    print(f"wrote docs/screenshots/{name}")


def main() -> None:
    os.environ.setdefault("ACCORD_CONFIG_DIR", tempfile.mkdtemp())
    import accord.ui.screens.timeout as timeout

    timeout.monotonic = lambda: 1002.5  # the pacer, caught mid-breath
    for name, (scene, theme) in SHOTS.items():
        asyncio.run(shoot(name, scene, theme))


if __name__ == "__main__":
    main()
