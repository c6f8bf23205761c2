"""A whole session driven by keys, then checked in the saved TOML."""

from __future__ import annotations

from accord.ui.screens.agree import AgreementForm, AgreeScreen
from accord.ui.screens.close import CloseScreen, DoneScreen
from accord.ui.screens.prepare import PrepareScreen
from accord.ui.screens.sort import SortScreen
from accord.ui.screens.talk import TalkScreen
from accord.ui.screens.timeout import TimeoutRequest, TimeoutScreen
from tests.ui.helpers import only_session, start_session, type_text


async def speak_and_reflect(pilot, clock, said: str, reflection: str, answer: str = "1") -> None:
    assert isinstance(pilot.app.screen, TalkScreen)
    await type_text(pilot, said)
    clock.advance(seconds=40)
    await pilot.press("ctrl+s")
    await type_text(pilot, reflection)
    await pilot.press("ctrl+s")
    await pilot.press(answer)
    await pilot.pause()


async def add_agreement(pilot, what: str, who: str, when: str, success: str) -> None:
    await pilot.press("ctrl+g")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AgreementForm)
    for text in (what, who, when):
        await type_text(pilot, text)
        await pilot.press("enter")
    await pilot.press("enter", "enter")  # keep the default start and review dates
    await type_text(pilot, success)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_whole_session_by_keys(app_factory, data_dir, clock):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        assert isinstance(app.screen, PrepareScreen)
        await type_text(pilot, "to feel we share the load")
        await pilot.press("enter")
        await type_text(pilot, "no shouting")
        await pilot.press("enter")
        await type_text(pilot, "I leave the room for a while")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        assert app.session.floor.holder == "a"

        # Sam speaks, Alex reflects, it lands: the floor passes to Alex.
        await speak_and_reflect(pilot, clock, "I feel exhausted when the dishes pile up.",
                                "You feel exhausted and need help with the dishes.")
        assert app.session.floor.holder == "b"

        # Alex speaks; Sam's first try does not land, the second (said aloud) does.
        await type_text(pilot, "I feel criticised when the kitchen comes up every night.")
        clock.advance(seconds=30)
        await pilot.press("ctrl+s")
        await type_text(pilot, "You think I nag.")
        await pilot.press("ctrl+s", "3")
        await pilot.pause()
        assert app.session.floor.holder == "b"
        assert app.session.floor.phase == "reflecting"
        await pilot.press("ctrl+o", "1")
        await pilot.pause()
        assert app.session.floor.holder == "a"

        # Mid-sentence, Alex calls a time-out; Sam's half-typed words are kept.
        await type_text(pilot, "And another thing")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, TimeoutRequest)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, TimeoutScreen)
        saved = only_session(data_dir)
        assert saved["timeouts"][0]["called_by"] == "b"
        assert saved["floor"]["draft"] == "And another thing"
        clock.advance(minutes=21)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        assert app.screen.editor_text() == "And another thing"

        # Both ready: on to sorting.
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        # Prepare brought a boundary; the talk brought suggestions. Clear them and add our own.
        while app.session.issues:
            await pilot.press("x")
        for title, layer in (("Speaking kindly", "1"), ("Planner and improviser", "2"),
                             ("Who does the dishes", "3"), ("Cooking on weekdays", "3")):
            await pilot.press("ctrl+g")
            await pilot.pause()
            await type_text(pilot, title)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(layer)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, AgreeScreen)

        # Brainstorm and draft one agreement for each negotiable issue.
        await type_text(pilot, "A dishwasher rota")
        await pilot.press("enter")
        await add_agreement(pilot, "Sam washes up on weekdays", "Sam", "weekday evenings",
                            "No dishes left overnight")
        assert isinstance(app.screen, AgreeScreen), app.screen.query_one("#form-error").render()
        app.screen.query_one("#agree-issues").focus()
        await pilot.press("down")
        await add_agreement(pilot, "Alex cooks Monday to Thursday", "Alex", "Mon-Thu",
                            "We eat together four nights")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, CloseScreen)

        for box in ("#c0-a", "#c0-b", "#c1-a", "#c1-b"):
            await pilot.click(box)
        app.screen.query_one("#thanks-a").focus()
        await type_text(pilot, "You stayed with it")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        listed = [str(line.render()) for line in app.screen.query(".agreed .what")]
        assert [text.split(" · ")[0] for text in listed] == [
            "Sam washes up on weekdays", "Alex cooks Monday to Thursday"]

    saved = only_session(data_dir)
    assert saved["status"] == "closed"
    assert saved["partners"]["a"]["name"] == "Sam"
    assert saved["preparation"]["a"]["boundaries"][0]["enforcement"].startswith("I leave")
    turns = saved["turns"]
    assert [t["speaker"] for t in turns] == ["a", "b"]
    assert turns[0]["statements"][0]["seconds"] == 40
    assert [r["landed"] for r in turns[1]["reflections"]] == ["no", "yes"]
    assert turns[1]["reflections"][1]["said_aloud"] is True
    timeout = saved["timeouts"][0]
    assert timeout["outcome"] == "resumed"
    assert (timeout["actual_return"] - timeout["called_at"]).total_seconds() == 21 * 60
    layers = {i["title"]: i["layer"] for i in saved["issues"]}
    assert layers == {"Speaking kindly": 1, "Planner and improviser": 2,
                      "Who does the dishes": 3, "Cooking on weekdays": 3}
    agreements = saved["agreements"]
    assert [a["what"] for a in agreements] == ["Sam washes up on weekdays",
                                              "Alex cooks Monday to Thursday"]
    assert all(a["status"] == "active" for a in agreements)
    assert all(sorted(a["confirmed_by"]) == ["a", "b"] for a in agreements)
    assert (agreements[0]["review_on"] - agreements[0]["starts"]).days == 14
    assert saved["appreciations"] == {"a": "You stayed with it"}
    options = [o for i in saved["issues"] for o in i.get("options", [])]
    assert options == [{"by": "a", "text": "A dishwasher rota"}]
