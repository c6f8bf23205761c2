"""Profiles by keys: kept between sessions, the start of Prepare, and a hint in Sort."""

from __future__ import annotations

import tomllib

from accord.domain.model import Couple, Layer
from accord.storage.store import Store
from accord.ui.screens.home import HomeScreen
from accord.ui.screens.prepare import PrepareScreen
from accord.ui.screens.profiles import ProfilesScreen
from accord.ui.screens.setup import SetupScreen
from accord.ui.screens.sort import SortScreen
from accord.ui.screens.talk import TalkScreen
from tests.ui.helpers import type_text


def profiles_file(data_dir) -> dict:
    data = tomllib.loads((data_dir / "profiles.toml").read_text(encoding="utf-8"))
    return {p["name"]: p for p in data["profiles"]}


async def test_profiles_feed_prepare_and_sort(app_factory, data_dir, clock):
    Store(data_dir).save_couple(Couple(names=["Sam", "Alex"], safety_notice_seen=True))
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfilesScreen)
        await type_text(pilot, "rest; feeling like a team")
        await pilot.press("enter")
        await type_text(pilot, "no shouting")
        await pilot.press("enter")
        await type_text(pilot, "I leave the room for a while")
        screen.query_one("#calming-a").focus()
        await type_text(pilot, "a walk round the block")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = profiles_file(data_dir)["Sam"]
        assert saved["core_needs"] == ["rest", "feeling like a team"]
        assert saved["boundaries"] == [{"text": "no shouting",
                                        "enforcement": "I leave the room for a while"}]
        assert saved["calming"] == "a walk round the block"

        # A new conversation: Sam's Prepare starts from the profile; Alex adds to theirs.
        await pilot.press("escape", "n")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await type_text(pilot, "Late nights")  # names are remembered; the topic has focus
        await pilot.press("ctrl+n")
        await pilot.pause()
        prepare = app.screen
        assert isinstance(prepare, PrepareScreen)
        assert prepare.query_one("#need-a").value == "rest; feeling like a team"
        assert prepare.query_one("#boundary-a").value == "no shouting"
        prepare.query_one("#need-b").focus()
        await type_text(pilot, "quiet mornings")
        prepare.query_one("#remember-b").focus()
        await pilot.press("space")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        assert profiles_file(data_dir)["Alex"]["core_needs"] == ["quiet mornings"]
        assert app.session.preparation["a"].need == "rest; feeling like a team"

        await pilot.press("ctrl+n", "y")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await type_text(pilot, "Quiet in the morning")
        await pilot.press("enter")
        await pilot.pause()
        added = next(i for i in app.session.issues if i.title == "Quiet in the morning")
        assert added.layer == Layer.FOUNDATION and added.suggested
