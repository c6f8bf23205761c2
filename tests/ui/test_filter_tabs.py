"""The agreements review's filter row: a click on a name filters the list, as f does."""

from __future__ import annotations

from datetime import timedelta

from accord.domain import lifecycle
from accord.storage.store import Store
from accord.ui.screens.agreements import AgreementsScreen
from accord.ui.screens.home import HomeScreen
from accord.ui.widgets.filter_tabs import FilterTabs
from tests.conftest import build_session
from tests.ui.helpers import START


def label_x(tabs: FilterTabs, name: str) -> int:
    return next(start for n, start, _ in tabs._spans() if n == name)


async def test_clicking_a_filter_name_shows_only_those(app_factory, data_dir):
    session = build_session(topic="The dishes", start=START - timedelta(days=30))
    retired = session.agreements[0]
    lifecycle.retire(session, retired.id, START, "We share it now")
    Store(data_dir).save(session)

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, HomeScreen):
            await pilot.press("enter")  # past the welcome
        await pilot.press("a")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, AgreementsScreen)
        tabs = listing.query_one(FilterTabs)
        assert len(listing.shown) == 2

        await pilot.click(FilterTabs, offset=(label_x(tabs, "retired"), 0))
        await pilot.pause()
        assert (listing.status, tabs.chosen) == ("retired", "retired")
        assert [e.what for e in listing.shown] == [retired.what]

        await pilot.click(FilterTabs, offset=(label_x(tabs, "all") + 1, 1))  # on the bar
        await pilot.pause()
        assert (listing.status, len(listing.shown)) == ("all", 2)

        await pilot.click(FilterTabs, offset=(90, 0))  # past the names: nothing changes
        await pilot.pause()
        assert listing.status == "all"
        await pilot.press("f")
        await pilot.pause()
        assert (listing.status, tabs.chosen) == ("active", "active")
