"""Rebuild the example sessions in this folder by driving the real app by keys.

    python sessions/regenerate.py

Writes one closed session with agreements and one session paused mid-talk, with a fixed clock,
so `accord --data-dir sessions` shows a newcomer everything. The people are invented.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path

from accord.ui.app import make_app

HERE = Path(__file__).parent


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


async def type_in(pilot, text: str) -> None:
    await pilot.press(*text)


async def set_up(pilot, names: tuple[str, str], topic: str) -> None:
    await pilot.pause()
    if type(pilot.app.screen).__name__ == "WelcomeScreen":
        await pilot.press("enter")
    await pilot.press("n")
    await pilot.pause()
    for widget_id, value in (("name-a", names[0]), ("name-b", names[1]), ("topic", topic)):
        pilot.app.screen.query_one(f"#{widget_id}").focus()
        await pilot.press("ctrl+a", "ctrl+k")
        await type_in(pilot, value)
    await pilot.press("ctrl+n")
    await pilot.pause()


async def turn(pilot, clock: Clock, said: str, reflection: str, *answers: str) -> None:
    await type_in(pilot, said)
    clock.advance(seconds=45 + len(said))
    await pilot.press("ctrl+s")
    clock.advance(seconds=30)
    await type_in(pilot, reflection)
    await pilot.press("ctrl+s")
    await pilot.press(*answers)
    await pilot.pause()


async def closed_session(folder: Path) -> None:
    clock = Clock(datetime(2026, 11, 14, 19, 30, tzinfo=timezone(timedelta(hours=1))))
    app = make_app(folder, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await set_up(pilot, ("Maya", "Jonas"), "Evenings and the washing-up")
        await type_in(pilot, "To feel we are a team at home")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await turn(pilot, clock,
                   "I feel worn out when I come home to a full sink, and I need us to share it.",
                   "You're worn out and you need us to share the work at home.", "1")
        await turn(pilot, clock,
                   "I feel criticised when the sink is the first thing we talk about.",
                   "You feel criticised.", "2")
        await type_in(pilot, "I want to say hello properly first.")
        clock.advance(seconds=20)
        await pilot.press("ctrl+s")
        await type_in(pilot, "You feel criticised and you want a real hello before chores.")
        await pilot.press("ctrl+s", "1")
        await pilot.press("ctrl+t", "1")
        await pilot.pause()
        clock.advance(minutes=22)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+n", "y")
        await pilot.pause()
        while app.session.issues:
            await pilot.press("x")
        for title, layer in (("Being greeted warmly", "1"), ("Tidy now versus tidy later", "2"),
                             ("Who washes up on weeknights", "3")):
            await pilot.press("a")
            await pilot.pause()
            await type_in(pilot, title)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(layer)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_in(pilot, "Alternate nights")
        await pilot.press("enter")
        app.screen.query_one("#idea-b").focus()
        await type_in(pilot, "Wash up together after dinner")
        await pilot.press("enter")
        for what, who, when, success in (
            ("Say hello and ten minutes of catch-up before any chores", "both", "every evening",
             "Nobody mentions the sink in the first ten minutes"),
            ("Jonas washes up Mon/Wed/Fri, Maya Tue/Thu", "Jonas and Maya", "weeknights",
             "The sink is empty by bedtime"),
        ):
            await pilot.press("ctrl+g")
            await pilot.pause()
            for text in (what, who, when):
                await type_in(pilot, text)
                await pilot.press("enter")
            await pilot.press("enter", "enter")
            await type_in(pilot, success)
            await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        for box in ("#c0-a", "#c0-b", "#c1-a", "#c1-b"):
            await pilot.click(box)
        app.screen.query_one("#thanks-a").focus()
        await type_in(pilot, "You listened even when it was hard")
        app.screen.query_one("#thanks-b").focus()
        await type_in(pilot, "You said what you needed so clearly")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("h")


async def paused_session(folder: Path) -> None:
    clock = Clock(datetime(2026, 11, 20, 21, 10, tzinfo=timezone(timedelta(hours=1))))
    app = make_app(folder, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await set_up(pilot, ("Maya", "Jonas"), "Christmas with whose family")
        await pilot.press("ctrl+n")  # skip prepare
        await pilot.pause()
        await turn(pilot, clock,
                   "I feel torn every December, and I need my parents to see us this year.",
                   "You feel torn and you need your parents to see us.", "1")
        await type_in(pilot, "I'm nervous about a long drive with the baby")
        clock.advance(minutes=1)
        await pilot.press("f3")
        await pilot.pause()


async def main() -> None:
    for old in HERE.glob("*.toml"):
        old.unlink()
    await closed_session(HERE)
    await paused_session(HERE)
    for path in sorted(HERE.glob("*.toml")):
        print(path.relative_to(HERE.parent))


if __name__ == "__main__":
    asyncio.run(main())
