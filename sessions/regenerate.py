"""Rebuild the example sessions in this folder by driving the real app by keys.

    python sessions/regenerate.py

Writes, with a fixed clock, so `accord --data-dir sessions` shows a newcomer everything:
a closed session with agreements; a repair session after a fight; a check-in two weeks later
that keeps one agreement and takes the other back to the table; that renegotiation, closed
with a new agreement that replaces the old one (now retired); and a session paused mid-talk.
The people are invented.
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


async def set_up_kind(pilot, key: str, names: tuple[str, str], topic: str | None = None) -> None:
    """From the home screen, start a check-in (c) or a repair (p)."""
    await pilot.pause()
    if type(pilot.app.screen).__name__ == "WelcomeScreen":
        await pilot.press("enter")
    await pilot.press(key)
    await pilot.pause()
    fields = [("name-a", names[0]), ("name-b", names[1])] + ([("topic", topic)] if topic else [])
    for widget_id, value in fields:
        pilot.app.screen.query_one(f"#{widget_id}").focus()
        await pilot.press("ctrl+a", "ctrl+k")
        await type_in(pilot, value)
    await pilot.press("ctrl+n")
    await pilot.pause()


async def answers(pilot, *texts: str) -> None:
    """Type each answer in the focused box; Enter moves to the next box."""
    for text in texts:
        await type_in(pilot, text)
        await pilot.press("enter")
    await pilot.pause()


async def confirm_all(pilot, count: int) -> None:
    for n in range(count):
        for pid in "ab":
            pilot.app.screen.query_one(f"#c{n}-{pid}").focus()
            await pilot.press("space")


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
            await pilot.press("ctrl+g")
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


async def repair_session(folder: Path) -> None:
    clock = Clock(datetime(2026, 11, 16, 20, 15, tzinfo=timezone(timedelta(hours=1))))
    app = make_app(folder, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await set_up_kind(pilot, "p", ("Maya", "Jonas"), "Saturday, after the party")
        await answers(pilot, "embarrassed, lonely")
        await type_in(pilot, "hurt, tired")
        await pilot.press("ctrl+n")
        await pilot.pause()
        clock.advance(minutes=4)
        await answers(pilot,
                      "I ended up alone with people I barely knew, and then we argued in the car.",
                      "You felt left on your own there, and the car made it worse.",
                      "I'd had a long week and wanted to leave early; I felt held back.")
        await type_in(pilot, "You were exhausted and felt stuck staying longer.")
        await pilot.press("ctrl+n")
        await pilot.pause()
        clock.advance(minutes=6)
        await answers(pilot, "Being left in a crowd")
        await type_in(pilot, "Being told I'm no fun")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await answers(pilot, "I said you were no fun. I regret that.")
        await type_in(pilot, "I disappeared into the kitchen for an hour.")
        await pilot.press("ctrl+n")
        await pilot.pause()
        clock.advance(minutes=5)
        await answers(pilot, "Say when I'm tired instead of sniping")
        await type_in(pilot, "Agree on a leaving time before we go out")
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await confirm_all(pilot, 2)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("h")


async def checkin_session(folder: Path) -> None:
    clock = Clock(datetime(2026, 11, 28, 10, 0, tzinfo=timezone(timedelta(hours=1))))
    app = make_app(folder, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await set_up_kind(pilot, "c", ("Maya", "Jonas"))
        await answers(pilot, "Thank you for the hello hugs every evening")
        await type_in(pilot, "Thank you for cooking when I was on late shifts")
        await pilot.press("ctrl+n")
        await pilot.pause()
        # Both agreements from the first session are due: the hello is kept, the washing-up
        # goes back to the table.
        await pilot.press("k")
        await pilot.pause()
        await type_in(pilot, "The first ten minutes feel like ours again")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await type_in(pilot, "Fridays clash with my late shift")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        clock.advance(minutes=10)
        await answers(pilot, "Saturday's talk in the kitchen",
                      "Mornings: we both rush and snap",
                      "Maya noticing I was tired")
        await type_in(pilot, "Leaving parties: agree on a time first")
        await pilot.press("ctrl+n")  # no issue on the floor this time
        await pilot.pause()
        await pilot.press("enter")  # the next check-in a week from today
        await answers(pilot, "A walk by the river, phones at home", "weekly")
        await pilot.press("ctrl+n")
        await pilot.pause()
        clock.advance(minutes=5)
        await confirm_all(pilot, 1)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("h")


async def renegotiation(folder: Path) -> None:
    from accord.storage.store import Store

    waiting = next(s for s in Store(folder).scan().sessions if s.seeded_from)
    clock = Clock(datetime(2026, 11, 29, 18, 0, tzinfo=timezone(timedelta(hours=1))))
    app = make_app(folder, resume=waiting.id, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")  # past prepare
        await pilot.pause()
        await turn(pilot, clock,
                   "On Fridays I get home at ten and the last thing I can face is the sink.",
                   "Friday nights you're spent, and the sink is too much then.", "1")
        await pilot.press("ctrl+n", "y")
        await pilot.pause()
        await pilot.press("ctrl+n")  # the agreement being renegotiated is already negotiable
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        for text in ("Jonas washes up Mon/Wed, Maya Tue/Thu; Fridays we leave it till Saturday",
                     "Jonas and Maya", "weeknights"):
            await type_in(pilot, text)
            await pilot.press("enter")
        await pilot.press("enter", "enter")
        await type_in(pilot, "The sink is empty by bedtime, Fridays excepted")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await confirm_all(pilot, 1)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("h")


async def main(folder: Path = HERE) -> None:
    for old in folder.glob("*.toml"):
        old.unlink()
    await closed_session(folder)
    await repair_session(folder)
    await paused_session(folder)
    await checkin_session(folder)
    await renegotiation(folder)
    for path in sorted(folder.glob("*.toml")):
        print(path.relative_to(folder.parent))


if __name__ == "__main__":
    asyncio.run(main())
