"""Every screen and modal of accord in a fixed state, for snapshot tests and the README.

Each scene builds its data with the real session rules at a fixed moment, then opens the app on
it; ``run_before`` presses the keys that open a modal. The clock is a FakeClock, the breathing
pacer's clock is held still, and session ids are fixed, so every run draws the same screen.
Used by tests/snapshots/test_snapshots.py and docs/screenshots/make.py.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from accord.domain import rules
from accord.domain.model import Couple, Landed, Layer, Step
from accord.domain.session import Session
from accord.storage.store import Store
from accord.ui.app import AccordApp, make_app
from tests.ui.helpers import START, FakeClock

NAMES = ("Sam", "Alex")
COLORS = ("#3d8fd1", "#d0702c")


def minutes(n: float):
    return START + timedelta(minutes=n)


def fixed_session(topic: str = "The dishes", suffix: str = "a1b2") -> Session:
    session = rules.new_session(START, NAMES, topic, colors=COLORS,
                                fighting_for=("evenings that feel calm", "feeling trusted"))
    session.id = f"{START:%Y%m%d-%H%M%S}-{suffix}"
    return session


def prepared(session: Session) -> Session:
    rules.set_preparation(session, "a", "to feel we share the load",
                          [("no shouting", "I take a walk and come back")], minutes(1))
    rules.set_preparation(session, "b", "to be asked, not told", [], minutes(1))
    return session


def talking(reflecting: bool = False) -> Session:
    s = prepared(fixed_session())
    rules.go_to_step(s, Step.TALK, minutes(2))
    rules.yield_floor(s, "I feel worn out when the sink is full at night. I need us to share it.",
                      minutes(3))
    rules.reflect(s, "You're tired and you need help with the dishes.", minutes(4))
    rules.answer(s, Landed.YES, minutes(4.5))
    rules.yield_floor(s, "I feel judged when the kitchen comes up every evening.", minutes(6))
    rules.reflect(s, "You feel criticised.", minutes(6.5))
    rules.answer(s, Landed.PARTLY, minutes(7))
    if reflecting:
        rules.yield_floor(s, "And I want to be trusted to do it my way.", minutes(8))
    else:
        rules.save_draft(s, "And I want to be trusted", minutes(8))
    return s


def sorting() -> Session:
    s = talking()
    rules.go_to_step(s, Step.SORT, minutes(10))
    for title, layer in (("Feeling safe to speak", Layer.FOUNDATION),
                         ("Different pace in the evening", Layer.TEMPERAMENT),
                         ("Who does the dishes", Layer.NEGOTIABLE),
                         ("Cooking on weekdays", None)):
        issue = rules.add_issue(s, title, minutes(11))
        if layer is not None:
            rules.set_layer(s, issue.id, layer, minutes(11))
    return s


def agreeing() -> Session:
    s = sorting()
    dishes = next(i for i in s.issues if i.title == "Who does the dishes")
    cooking = next(i for i in s.issues if i.title == "Cooking on weekdays")
    rules.set_layer(s, cooking.id, Layer.NEGOTIABLE, minutes(12))
    rules.go_to_step(s, Step.AGREE, minutes(13))
    rules.add_option(s, dishes.id, "a", "A rota on the fridge", minutes(14))
    rules.add_option(s, dishes.id, "b", "Whoever cooks doesn't wash up", minutes(14))
    rules.add_agreement(s, dishes.id, "Sam washes up on weekdays", minutes(15), who="Sam",
                        when="weekday evenings", success="The sink is empty at bedtime",
                        starts=date(2026, 11, 23), review_on=date(2026, 12, 7))
    rules.add_agreement(s, dishes.id, "We dry together on Sundays", minutes(16), who="both",
                        when="Sundays", starts=date(2026, 11, 29), review_on=date(2026, 12, 13))
    return s


def closing() -> Session:
    s = agreeing()
    rules.go_to_step(s, Step.CLOSE, minutes(18))
    first = s.agreements[0]
    rules.confirm(s, first.id, "a", minutes(19))
    rules.confirm(s, first.id, "b", minutes(19))
    rules.confirm(s, s.agreements[1].id, "a", minutes(19))
    rules.set_appreciation(s, "a", "Thank you for staying with it.", minutes(20))
    return s


def closed() -> Session:
    s = ready_to_close()
    s.id = s.id.replace("a1b2", "e5f6")
    rules.close_session(s, minutes(21))
    return s


def ready_to_close() -> Session:
    s = closing()
    rules.confirm(s, s.agreements[1].id, "b", minutes(20))
    return s


def in_timeout() -> Session:
    s = talking()
    rules.call_timeout(s, "b", 20, minutes(8))
    return s


def paused() -> Session:
    s = fixed_session("Money at the end of the month", suffix="c3d4")
    rules.go_to_step(s, Step.TALK, minutes(-50))
    rules.pause(s, minutes(-40))
    return s


def checking_in() -> Session:
    from accord.domain import checkin

    s = checkin.new_checkin(START, NAMES, colors=COLORS)
    s.id = f"{START:%Y%m%d-%H%M%S}-c7c8"
    return s


def repairing() -> Session:
    """A repair at its last step before close: what each will do differently."""
    from accord.domain import repair

    s = repair.new_repair(START, NAMES, "Saturday night", colors=COLORS)
    s.id = f"{START:%Y%m%d-%H%M%S}-r9r0"
    for field, a, b in (("feelings", "hurt", "lonely"), ("account", "I waited an hour", "I forgot"),
                        ("reflected", "You waited and felt let down", "You lost track of time"),
                        ("trigger", "the tone", "being tired"),
                        ("owns", "I shouted", "I went quiet")):
        repair.set_repair(s, "a", field, a, minutes(1))
        repair.set_repair(s, "b", field, b, minutes(1))
    for step in (Step.ACCOUNTS, Step.TRIGGERS, Step.OWN, Step.DIFFERENTLY):
        rules.go_to_step(s, step, minutes(2))
    repair.set_repair(s, "a", "differently", "say when I need a minute", minutes(3))
    return s


Before = Callable[[object], Awaitable[None]]


@dataclass
class Scene:
    """Data to write, whether to open it, and the keys to press once the app is up."""

    build: Callable[[], Session] | None = None
    open_it: bool = True
    first_run: bool = False
    keys: tuple[str, ...] = ()
    extra: tuple[Callable[[], Session], ...] = ()
    locked: bool = False  # another accord has the session open: it is shown read-only


SCENES: dict[str, Scene] = {
    "welcome": Scene(first_run=True),
    "home": Scene(extra=(paused, closed)),
    "help": Scene(extra=(paused,), keys=("f1",)),
    "safety": Scene(keys=("f2",)),
    "settings": Scene(keys=("f4",)),
    "setup": Scene(keys=("n",)),
    "prepare": Scene(lambda: prepared(fixed_session())),
    "talk": Scene(talking),
    "talk_reflecting": Scene(lambda: talking(reflecting=True)),
    "talk_help": Scene(talking, keys=("f1",)),
    "timeout_request": Scene(talking, keys=("ctrl+t",)),
    "timeout": Scene(in_timeout),
    "more_time": Scene(in_timeout, keys=("m",)),
    "to_sort": Scene(talking, keys=("ctrl+n",)),
    "sort": Scene(sorting),
    "add_issue": Scene(sorting, keys=("ctrl+g",)),
    "agree": Scene(agreeing),
    "agreement_form": Scene(agreeing, keys=("ctrl+g",)),
    "close": Scene(closing),
    "done": Scene(ready_to_close, keys=("ctrl+n",)),
    "agreements": Scene(extra=(closed,), keys=("a",)),
    "palette": Scene(talking, keys=("ctrl+p",)),
    "read_only": Scene(sorting, locked=True),
    "checkin": Scene(checking_in),
    "repair": Scene(repairing),
}


def build_app(name: str, data_dir: Path, theme: str = "dark") -> AccordApp:
    """Write the scene's files into ``data_dir`` and return the app that will show it."""
    from accord.settings import Loaded, Settings

    scene = SCENES[name]
    store = Store(data_dir)
    if not scene.first_run:
        store.save_couple(Couple(names=list(NAMES), colors=list(COLORS),
                                 safety_notice_seen=True))
    resume = None
    for extra in scene.extra:
        store.save(extra())
    if scene.build is not None:
        session = scene.build()
        store.save(session)
        resume = session.id if scene.open_it else None
    app = make_app(data_dir, resume=resume, clock=FakeClock())
    if scene.locked and resume is not None:
        from accord.storage.lock import SessionLock, lock_path

        other = SessionLock(lock_path(data_dir, resume))  # as the other accord holds it
        other.acquire()
        app.other_window_lock = other  # held as long as the app lives
    app.loaded_settings = Loaded(Settings(theme=theme), Path("config", "settings.toml"))
    app.animation_level = "none"  # no scrolling mid-way when the picture is taken
    return app


async def settle(pilot, name: str) -> None:
    """Press the scene's keys, then let every screen finish drawing, with cursors held still."""
    from textual.widgets import Input, TextArea

    app = pilot.app
    await pilot.pause()
    app.clear_notifications()
    for key in SCENES[name].keys:
        await pilot.press(key)
        await pilot.pause()
    for screen in app.screen_stack:
        for widget in screen.query(TextArea).results() if screen.is_mounted else ():
            widget.cursor_blink = False
        for widget in screen.query(Input).results() if screen.is_mounted else ():
            widget.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
