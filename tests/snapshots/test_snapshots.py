"""What every screen and modal looks like, at 80x24 and 100x30, compared with saved SVGs.

Regenerate after a deliberate change with ``pytest tests/snapshots --snapshot-update`` and look
at the report before committing the new SVGs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.snapshots.scenes import SCENES, build_app, settle

SIZES = {"80x24": (80, 24), "100x30": (100, 30)}


@pytest.fixture(autouse=True)
def still_pacer(monkeypatch, tmp_path):
    """Hold the breathing pacer still, and run from tmp_path so shown paths are short."""
    import accord.ui.screens.timeout as timeout

    monkeypatch.setattr(timeout, "monotonic", lambda: 1000.0)
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_screen(snap_compare, scene: str, size: str) -> None:
    app = build_app(scene, Path("data"))

    async def run_before(pilot) -> None:
        await settle(pilot, scene)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("scene", ["talk", "sort", "agreements", "welcome"])
def test_light_theme(snap_compare, scene: str) -> None:
    app = build_app(scene, Path("data"), theme="light")

    async def run_before(pilot) -> None:
        await settle(pilot, scene)

    assert snap_compare(app, terminal_size=SIZES["100x30"], run_before=run_before)
