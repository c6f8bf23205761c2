"""The agreements review works from the summary index: the same rows whether the index is
new, stale (a file changed outside the app) or damaged, and a long history still lists all."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest

from accord.storage.index import INDEX_FILE, Index
from accord.ui import history
from accord.ui.screens.agreement_review import AgreementReviewScreen
from accord.ui.screens.agreements import AgreementsScreen, all_entries
from accord.ui.screens.home import HomeScreen
from tests.conftest import T0, build_session

OLD = 1_600_000_000  # long past, so the index trusts these files


def fill(store, count: int) -> list:
    sessions = []
    for n in range(count):
        session = build_session(("Sam", "Alex") if n % 2 else ("Kim", "Lee"),
                                topic=f"Topic {n}", start=T0 + timedelta(days=n))
        path = store.save(session)
        os.utime(path, (OLD + n, OLD + n))
        sessions.append(session)
    return sessions


def expected(store) -> list[tuple[str, str, str]]:
    """What reading every session file gives, in the review's order."""
    return [(e.session_id, e.agreement_id, e.what) for e in all_entries(store.scan().sessions)]


async def open_review(app, pilot) -> AgreementsScreen:
    await pilot.pause()
    if not isinstance(app.screen, HomeScreen):
        await pilot.press("enter")  # past the welcome
    await app.workers.wait_for_complete()
    await pilot.press("a")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, AgreementsScreen)
    return screen


def listed(screen: AgreementsScreen) -> list[tuple[str, str, str]]:
    table = screen.query_one("#agreement-table")
    assert table.row_count == len(screen.shown)
    assert [screen.cells(n)[0] for n in range(table.row_count)] == [e.what for e in screen.shown]
    return [(e.session_id, e.agreement_id, e.what) for e in screen.shown]


def change_outside(store, session) -> str:
    """Another program edits one agreement's text; returns the new text."""
    path = store.session_path(session.id)
    old = session.agreed[0].what
    path.write_text(path.read_text(encoding="utf-8").replace(old, "Changed by hand today"),
                    encoding="utf-8")
    os.utime(path, (OLD + 500, OLD + 500))
    return "Changed by hand today"


@pytest.mark.parametrize("state", ["fresh", "stale", "damaged"])
async def test_the_review_shows_what_the_files_say(app_factory, store, state):
    sessions = fill(store, 3)
    if state != "fresh":
        Index(store).scan()
        assert (store.root / INDEX_FILE).exists()
    if state == "stale":
        change_outside(store, sessions[1])
    elif state == "damaged":
        (store.root / INDEX_FILE).write_bytes(b'{"version": 2, "files": {"x": [')
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_review(app, pilot)
        assert listed(screen) == expected(store)
        assert len(screen.shown) == sum(len(s.agreed) for s in sessions)
        if state == "stale":
            assert "Changed by hand today" in [e.what for e in screen.shown]
        title = str(screen.query_one("#agreements-title").render())
        assert f"{len(screen.shown)} in all" in title


async def test_a_change_outside_the_app_shows_when_the_review_is_back(app_factory, store):
    sessions = fill(store, 2)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_review(app, pilot)
        screen.query_one("#agreement-table").move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgreementReviewScreen)
        new_text = change_outside(store, sessions[0])
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert new_text in [e.what for e in screen.shown]
        assert listed(screen) == expected(store)


async def test_a_long_history_is_scanned_in_a_thread_and_every_row_reached(app_factory, store,
                                                                          monkeypatch):
    monkeypatch.setattr(history, "BACKGROUND_SCAN_FILES", 2)
    fill(store, 4)
    app = app_factory()
    async with app.run_test(size=(100, 12)) as pilot:  # room for fewer rows than there are
        screen = await open_review(app, pilot)
        assert listed(screen) == expected(store)
        table = screen.query_one("#agreement-table")
        assert len(screen.shown) == 8 and table.row_count == 8
        assert table.scrollable_content_region.height - 1 < 8
        await pilot.press(*["down"] * 7)  # down to the last row, scrolled into view
        await pilot.pause()
        assert table.cursor_row == 7 and screen.selected() is screen.shown[7]
        assert screen.shown[7].what in str(screen.query_one("#agreement-line").render())
        assert table.scroll_y > 0
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0 and table.scroll_y == 0
        # Search narrows the whole list, not only the rows in the table.
        await pilot.press("slash")
        for key in "topic 0":
            await pilot.press(key if key != " " else "space")
        await pilot.pause()
        assert {e.row["topic"] for e in screen.shown} == {"Topic 0"}
        assert table.row_count == len(screen.shown) == 2
        # Opening one reads its session file and shows it.
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgreementReviewScreen)
        assert app.screen.item is not None and app.screen.item.what == screen.shown[0].what


async def test_the_home_screen_lists_a_few_due_agreements_and_points_to_the_rest(
        app_factory, store, monkeypatch):
    from accord.ui.screens import home

    monkeypatch.setattr(home, "DUE_SHOWN", 2)
    fill(store, 2)  # four agreements, every review date long past
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, HomeScreen):
            await pilot.press("enter")
        await pilot.pause()
        due = app.screen.query_one("#due-list")
        assert due.option_count == 3
        last = due.get_option_at_index(2)
        assert last.disabled and "2 more" in str(last.prompt)


async def test_the_list_always_matches_the_search_and_filter_typed_so_far(app_factory, store):
    """Typing on, taking letters back and changing the filter: the list is always what the
    whole search gives (earlier results are reused, never stale)."""
    from accord.ui.screens.agreements import filtered

    fill(store, 12)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_review(app, pilot)
        await pilot.press("slash")
        keys = [*"topic 1", "backspace", "backspace", "1", "escape", "f", "slash", *"topic 1",
                "backspace", "escape", "f", "slash", *"topic"]
        seen = set()
        for key in keys:
            await pilot.press({" ": "space"}.get(key, key))
            await pilot.pause()
            search = screen.query_one("#search").value
            assert screen.shown == filtered(screen.entries, screen.status, search), (key, search)
            seen.add(len(screen.shown))
        assert screen.status == "kept"
        assert {0, 6, 24} <= seen  # the searches did narrow and widen the list
