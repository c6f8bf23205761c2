"""The check-in's review step lists what is due from the summary index, and reads a session
file only when the couple decides about one of its agreements."""

from __future__ import annotations

import os
import time
from datetime import date, timedelta

from accord.domain import checkin, lifecycle
from accord.storage.store import Store
from accord.ui import history
from accord.ui.screens.agreement_review import KeptPrompt
from accord.ui.screens.checkin_review import CheckinReviewScreen
from accord.ui.screens.paired import AppreciateScreen
from tests.conftest import build_session
from tests.ui.helpers import START, type_text
from tests.ui.test_checkin_and_repair import answer_in_turn, set_up


def fill(data_dir) -> list:
    """Sessions whose agreements are due, not due yet, kept, retired or drafts, and one
    damaged file; all written a while ago, as after earlier evenings."""
    store = Store(data_dir)
    today = START.date()
    sessions = []
    for n, days_ago in enumerate((60, 40, 30, 5)):
        s = build_session(names=("Sam", "Alex"), topic=f"[b]Topic {n}",
                          start=START - timedelta(days=days_ago, minutes=n))
        sessions.append(s)
    # Not due yet: its review date is next week.
    sessions[1].agreements[0].review_on = today + timedelta(days=7)
    # Retired: no longer reviewed. Kept, due again: reviewed.
    lifecycle.retire(sessions[2], sessions[2].agreements[0].id, START - timedelta(days=3), "done")
    lifecycle.mark_kept(sessions[2], sessions[2].agreements[1].id, START - timedelta(days=20),
                        next_review=today - timedelta(days=1))
    for s in sessions:
        store.save(s)
    (data_dir / "20240101-000000-dead.session.toml").write_text("this is = = not toml")
    old = time.time() - 3600
    for path in data_dir.iterdir():
        os.utime(path, (old, old))
    return sessions


async def to_review(pilot) -> CheckinReviewScreen:
    await set_up(pilot, "c")
    assert isinstance(pilot.app.screen, AppreciateScreen)
    await answer_in_turn(pilot, "Dinner")
    await type_text(pilot, "Tea")
    await pilot.press("ctrl+n")
    await pilot.pause()
    review = pilot.app.screen
    assert isinstance(review, CheckinReviewScreen)
    return review


async def test_lists_what_the_sessions_say_is_due(app_factory, data_dir, clock):
    sessions = fill(data_dir)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        review = await to_review(pilot)
        shown = [row["id"] for row in review.due]
        own = review.session
        texts = [str(option.prompt) for option in review.query_one("#due-now").options]
    # The same agreements, in the same order, as reading every file in full would give.
    expected = [d.agreement.id for d in checkin.to_review(own, sessions, START)]
    assert shown == expected
    # Two each from the oldest; one from the next (the other is not due yet); one from the
    # third (one retired, one kept and due again); one from the newest (the other's review
    # date, two weeks after it, has not come).
    assert len(shown) == 5
    assert sessions[2].agreements[1].id in shown
    assert sessions[2].agreements[0].id not in shown
    assert not any(a.status.value == "draft" for s in sessions for a in s.agreements
                   if a.id in shown)
    assert len(texts) == 5  # what the couple sees; what they typed stays literal
    assert texts[0].startswith("We dry together on Sundays") and "· [b]Topic 0 ·" in texts[0]


async def test_a_long_list_shows_the_soonest_first(app_factory, data_dir, clock, monkeypatch):
    from accord.ui.screens import checkin_review

    sessions = fill(data_dir)
    monkeypatch.setattr(checkin_review, "SHOWN_AT_ONCE", 2)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        review = await to_review(pilot)
        expected = [d.agreement.id for d in checkin.to_review(review.session, sessions, START)]
        assert [row["id"] for row in review.due] == expected[:2]
        texts = [str(option.prompt) for option in review.query_one("#due-now").options]
        assert texts[2:] == ["and 3 more due after these"]
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("enter")  # kept: the next one moves up
        await pilot.pause()
        assert [row["id"] for row in review.due] == expected[1:3]
        texts = [str(option.prompt) for option in review.query_one("#due-now").options]
        assert texts[2] == "and 2 more due after these" and texts[3].endswith("· kept")


async def test_reads_only_the_file_of_the_agreement_decided_on(app_factory, data_dir, clock,
                                                               monkeypatch):
    sessions = fill(data_dir)
    app = app_factory()
    read: list[str] = []
    load_path = Store.load_path

    def counting(self, path):
        read.append(os.path.basename(path))
        return load_path(self, path)

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        history.scan(app)  # the index is built, as after the home screen's first scan
        monkeypatch.setattr(Store, "load_path", counting)
        review = await to_review(pilot)
        own = f"{review.session.id}.session.toml"
        dead = "20240101-000000-dead.session.toml"  # tried on every scan, to be named
        assert set(read) <= {own, dead}, read  # no other session file was read to list them
        first = review.due[0]
        read.clear()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, KeptPrompt)
        await pilot.press("enter")
        await pilot.pause()
        owner = f"{first['session']}.session.toml"
        assert owner in read and set(read) <= {own, owner, dead}, read
        assert first["id"] not in [row["id"] for row in review.due]
    kept = Store(data_dir).load(first["session"])
    assert next(a for a in kept.agreements if a.id == first["id"]).status.value == "kept"
    assert sessions[0].id == first["session"]
    assert date.fromisoformat(first["review_on"]) <= START.date()
