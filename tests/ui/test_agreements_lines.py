"""The lines around the review's table change without laying the screen out again, yet a
text that needs another line still gets it."""

from __future__ import annotations

from textual.widgets import Static

from tests.conftest import build_session
from tests.ui.test_agreements_index import open_review

LONG = ("We take turns choosing the film on Fridays, and whoever did not choose makes the "
        "popcorn and keeps their phone in the other room")


async def test_the_highlighted_line_and_the_title_follow_the_search(app_factory, store):
    session = build_session()
    session.agreed[0].what = LONG
    store.save(session)
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot)
        line = screen.query_one("#agreement-line", Static)
        title = screen.query_one("#agreements-title", Static)

        async def search(text: str) -> None:
            await pilot.press("slash", *["backspace"] * 20, *text)
            await pilot.pause()

        await search("popcorn")
        assert str(line.render()).startswith(LONG[:40])
        assert line.size.height == 2  # the long text takes a second line
        assert "1 of 2 shown" in str(title.render()) and title.size.height == 1
        await search("dry")
        assert str(line.render()).startswith("We dry together on Sundays")
        assert line.size.height == 1
        await search("nothing like it")
        assert str(line.render()) == "" and "0 of 2 shown" in str(title.render())
        problems = screen.query_one("#agreements-problems", Static)
        assert "Nothing matches" in str(problems.render()) and problems.size.height == 1
        await search("")
        assert "2 in all" in str(title.render()) and str(problems.render()) == ""
