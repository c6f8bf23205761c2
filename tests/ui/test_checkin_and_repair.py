"""A whole check-in and a whole repair session by keys, checked in the saved files."""

from __future__ import annotations

from datetime import timedelta

from accord.storage.store import Store
from accord.ui.screens.agreement_review import KeptPrompt
from accord.ui.screens.checkin_plan import PlanScreen
from accord.ui.screens.checkin_review import CheckinReviewScreen
from accord.ui.screens.close import CloseScreen, DoneScreen
from accord.ui.screens.home import HomeScreen
from accord.ui.screens.modals import TextPrompt
from accord.ui.screens.paired import (
    AccountsScreen,
    AppreciateScreen,
    DifferentlyScreen,
    FeelingsScreen,
    OwnScreen,
    ReflectScreen,
    TriggersScreen,
)
from accord.ui.screens.setup import SetupScreen
from accord.ui.screens.talk import TalkScreen
from tests.conftest import build_session
from tests.ui.helpers import START, saved_sessions, type_text


async def set_up(pilot, key: str, topic: str | None = None) -> None:
    """From the home screen, start a check-in (c) or a repair (p) for Sam and Alex."""
    await pilot.pause()
    if not isinstance(pilot.app.screen, HomeScreen):
        await pilot.press("enter")  # past the welcome
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SetupScreen)
    fields = [("name-a", "Sam"), ("name-b", "Alex")] + ([("topic", topic)] if topic else [])
    for widget_id, value in fields:
        screen.query_one(f"#{widget_id}").focus()
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, value)
    await pilot.press("ctrl+n")
    await pilot.pause()


async def answer_in_turn(pilot, *answers: str) -> None:
    """Type each answer in the focused box, Enter moving to the next box."""
    for text in answers:
        await type_text(pilot, text)
        await pilot.press("enter")
    await pilot.pause()


def by_kind(data_dir, kind: str) -> dict:
    return next(s for s in saved_sessions(data_dir) if s.get("kind") == kind)


async def test_whole_checkin_by_keys(app_factory, data_dir, clock):
    dishes = build_session(start=START - timedelta(days=20))
    Store(data_dir).save(dishes)

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await set_up(pilot, "c")
        assert isinstance(app.screen, AppreciateScreen)
        await pilot.press("ctrl+n")  # not yet: one appreciation each first
        await pilot.pause()
        assert isinstance(app.screen, AppreciateScreen)
        await answer_in_turn(pilot, "Dinner")
        await type_text(pilot, "Tea")
        await pilot.press("ctrl+n")
        await pilot.pause()

        # Both confirmed agreements from the dishes session are due: keep one, retire one.
        review = app.screen
        assert isinstance(review, CheckinReviewScreen)
        assert len(review.due) == 2
        first, second = (row["what"] for row in review.due)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, KeptPrompt)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await type_text(pilot, "Done")
        await pilot.press("enter")
        await pilot.pause()
        assert review.due == []
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert isinstance(app.screen, ReflectScreen)
        await answer_in_turn(pilot, "Walks", "Mornings", "Cooking")
        await type_text(pilot, "Phones")
        await pilot.press("ctrl+f")  # one issue through the floor
        await pilot.pause()

        assert isinstance(app.screen, TalkScreen)
        await type_text(pilot, "I feel lonely")
        clock.advance(seconds=30)
        await pilot.press("ctrl+s")
        await type_text(pilot, "You feel lonely")
        await pilot.press("ctrl+s", "1")
        await pilot.press("ctrl+n", "y")
        await pilot.pause()

        assert isinstance(app.screen, PlanScreen)
        await pilot.press("enter")  # keep the suggested date: a week from today
        await answer_in_turn(pilot, "A walk", "weekly")
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert isinstance(app.screen, CloseScreen)
        for box in ("#c0-a", "#c0-b"):
            app.screen.query_one(box).focus()
            await pilot.press("space")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)

    saved = by_kind(data_dir, "check-in")
    assert saved["status"] == "closed"
    assert saved["appreciations"] == {"a": "Dinner", "b": "Tea"}
    assert saved["meaningful"] == {"a": "Walks", "b": "Cooking"}
    assert saved["friction"] == {"a": "Mornings", "b": "Phones"}
    assert len(saved["turns"]) == 1
    assert saved["next_checkin"] == START.date() + timedelta(days=7)
    ritual = saved["agreements"][0]
    assert (ritual["what"], ritual["kind"], ritual["rhythm"], ritual["status"]) == (
        "A walk", "ritual", "weekly", "active")
    statuses = {a["what"]: a["status"] for a in by_kind(data_dir, "negotiation")["agreements"]}
    assert statuses[first] == "kept" and statuses[second] == "retired"
    assert sorted(saved["reviewed"].values()) == ["kept", "retired"]


async def test_whole_repair_by_keys(app_factory, data_dir, clock):
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await set_up(pilot, "p", topic="Saturday's argument")
        screen = app.screen
        assert isinstance(screen, FeelingsScreen)
        # Feelings only: a "because" gets a gentle nudge, and is not taken yet.
        await type_text(pilot, "hurt because")
        await pilot.press("enter")
        await pilot.pause()
        assert "without the because" in str(screen.query_one("#hint-a").render())
        assert app.session.repair.get("a") is None or not app.session.repair["a"].feelings
        await pilot.press("ctrl+a", "ctrl+k")
        await answer_in_turn(pilot, "hurt")
        await type_text(pilot, "scared")
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert isinstance(app.screen, AccountsScreen)
        await answer_in_turn(pilot, "You left", "I left", "Cornered")
        await type_text(pilot, "You felt cornered")
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert isinstance(app.screen, TriggersScreen)
        await answer_in_turn(pilot, "The door")
        await type_text(pilot, "Shouts")
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert isinstance(app.screen, OwnScreen)
        await answer_in_turn(pilot, "My voice")
        await type_text(pilot, "Leaving")
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert isinstance(app.screen, DifferentlyScreen)
        await answer_in_turn(pilot, "Speak softly")
        await type_text(pilot, "Say when back")
        await pilot.press("ctrl+l")  # both become agreements to confirm
        await pilot.pause()
        assert len(app.session.agreements) == 2
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert isinstance(app.screen, CloseScreen)
        for box in ("#c0-a", "#c0-b", "#c1-a", "#c1-b"):
            app.screen.query_one(box).focus()
            await pilot.press("space")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)

    saved = by_kind(data_dir, "repair")
    assert saved["status"] == "closed"
    assert saved["topic"] == "Saturday's argument"
    a, b = saved["repair"]["a"], saved["repair"]["b"]
    assert (a["feelings"], b["feelings"]) == ("hurt", "scared")
    assert a["account"] == "You left"
    assert a["reflected"] == "I left"
    assert b["reflected"] == "You felt cornered"
    assert (a["trigger"], b["owns"]) == ("The door", "Leaving")
    assert [(x["what"], x["who"], x["status"]) for x in saved["agreements"]] == [
        ("Speak softly", "Sam", "active"),
        ("Say when back", "Alex", "active"),
    ]
