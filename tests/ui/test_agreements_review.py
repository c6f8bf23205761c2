"""Reviewing agreements by keys: kept, retired, and renegotiated into a new session whose
agreement replaces the old one; each change checked in the saved files."""

from __future__ import annotations

import tomllib
from datetime import timedelta

from accord.storage.store import Store
from accord.ui.screens.agree import AgreeScreen
from accord.ui.screens.agreement_review import AgreementReviewScreen, KeptPrompt
from accord.ui.screens.agreements import AgreementsScreen
from accord.ui.screens.close import CloseScreen, DoneScreen
from accord.ui.screens.home import HomeScreen
from accord.ui.screens.modals import TextPrompt
from accord.ui.screens.prepare import PrepareScreen
from accord.ui.screens.sort import SortScreen
from accord.ui.screens.talk import TalkScreen
from tests.conftest import build_session
from tests.ui.helpers import START, type_text


def read(data_dir, session_id: str) -> dict:
    return tomllib.loads((data_dir / f"{session_id}.session.toml").read_text(encoding="utf-8"))


def agreement(saved: dict, what: str) -> dict:
    return next(a for a in saved["agreements"] if a["what"] == what)


async def test_review_keep_retire_and_renegotiate(app_factory, data_dir, clock):
    store = Store(data_dir)
    dishes = build_session(topic="The dishes", start=START - timedelta(days=30))
    # A name with markup in it is shown literally everywhere.
    weekend = build_session(("[b]Kim[/b]", "Lee"), "Weekend plans",
                            start=START - timedelta(days=20))
    store.save(dishes)
    store.save(weekend)
    sundays = "We dry together on Sundays"
    weekdays_kim = "[b]Kim[/b] washes up on weekdays"

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, HomeScreen):
            await pilot.press("enter")  # past the welcome
        home = app.screen
        assert isinstance(home, HomeScreen)
        due = home.query_one("#due-list")
        assert due.option_count == 4  # every confirmed agreement's review date has come

        # From the home screen, straight into a due agreement's review; mark it kept.
        due.focus()
        await pilot.press("enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, AgreementReviewScreen)
        first = review.item.what
        assert (review.session_id, first) == (dishes.id, sundays)  # the longest overdue
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, KeptPrompt)
        await type_text(pilot, "It worked, even on busy days")
        await pilot.press("enter")
        await pilot.pause()
        owner = read(data_dir, review.session_id)
        kept = agreement(owner, first)
        assert kept["status"] == "kept"
        assert kept["reviews"] == [{"on": START.date(), "outcome": "kept",
                                    "note": "It worked, even on busy days"}]
        assert kept["review_on"] == START.date() + timedelta(days=28)
        assert "Kept" in str(review.query_one("#review-history").render())

        # The list: search as you type, then retire one, with why.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#due-list").option_count == 3
        await pilot.press("a")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, AgreementsScreen)
        assert len(listing.shown) == 4
        await pilot.press("slash")
        await type_text(pilot, "kim washes")
        await pilot.pause()
        assert [e.what for e in listing.shown] == [weekdays_kim]
        await pilot.press("enter")  # back to the table
        await pilot.press("enter")  # open it
        await pilot.pause()
        assert isinstance(app.screen, AgreementReviewScreen)
        assert weekdays_kim in str(app.screen.query_one("#review-what").render())
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await type_text(pilot, "We share the weekends now")
        await pilot.press("enter")
        await pilot.pause()
        retired = agreement(read(data_dir, weekend.id), weekdays_kim)
        assert retired["status"] == "retired"
        assert retired["reviews"][0]["outcome"] == "retired"
        assert retired["reviews"][0]["note"] == "We share the weekends now"
        # A retired agreement has nothing left to do: no actions.
        assert app.screen.check_action("kept", ()) is False

        # The status filter: only retired ones.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is listing
        for _ in range(4):  # all → active → kept → renegotiating → retired
            await pilot.press("f")
        await pilot.pause()
        assert listing.status == "retired"
        assert [e.what for e in listing.shown] == [weekdays_kim]
        await pilot.press("f", "slash", "escape")  # back to all; clear the search
        await pilot.pause()
        assert listing.status == "all" and len(listing.shown) == 4

        # Renegotiate the Sundays agreement from the dishes session.
        row = next(n for n, e in enumerate(listing.shown)
                   if e.session_id == dishes.id and e.what == sundays)
        listing.query_one("#agreement-table").move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Sundays are busy now")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        new_session = app.session
        assert new_session.seeded_from == agreement(read(data_dir, dishes.id), sundays)["id"]
        old = agreement(read(data_dir, dishes.id), sundays)
        assert old["status"] == "renegotiating"
        assert old["reviews"][-1]["outcome"] == "adjusted"
        assert old["reviews"][-1]["note"] == "Sundays are busy now"

        # Paused, the conversation can be picked up again from the old agreement's page.
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("a")
        await pilot.pause()
        listing = app.screen
        row = next(n for n, e in enumerate(listing.shown)
                   if e.session_id == dishes.id and e.what == sundays)
        listing.query_one("#agreement-table").move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        page = app.screen
        assert page.check_action("kept", ()) is False
        assert page.check_action("open_talk", ()) is True
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert app.session.id == new_session.id

        # Through the new session: the old agreement is already the first negotiable issue.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        await pilot.press("ctrl+n", "y")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        assert [i.title for i in app.session.negotiable_issues] == [sundays]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, AgreeScreen)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await type_text(pilot, "We dry together on Saturdays")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CloseScreen)
        for box in ("#c0-a", "#c0-b"):
            app.screen.query_one(box).focus()
            await pilot.press("space")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)

    old = agreement(read(data_dir, dishes.id), sundays)
    new = agreement(read(data_dir, new_session.id), "We dry together on Saturdays")
    assert new["status"] == "active"
    assert old["status"] == "retired"
    assert old["replaced_by"] == new["id"]
    assert new["replaces"] == old["id"]
    # History is only ever added to: the earlier review is still there.
    assert [r["outcome"] for r in old["reviews"]] == ["kept", "adjusted"]


async def test_the_review_lists_agreements_whose_ids_repeat_across_sessions(app_factory, store):
    """accord never reuses an id, but a hand-edited file may: both rows show, nothing crashes."""
    from datetime import timedelta as later

    from tests.conftest import T0, build_session

    first = build_session(topic="Laundry")
    second = build_session(topic="Bins", start=T0 + later(days=3))
    for item in second.agreements:
        item.id = item.id.replace(second.id, first.id)  # the same ids as in the first file
    store.save(first)
    store.save(second)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, HomeScreen):
            await pilot.press("enter")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgreementsScreen)
        agreed = len(first.agreed) + len(second.agreed)
        assert agreed >= 4
        assert app.screen.query_one("#agreement-table").row_count == agreed
