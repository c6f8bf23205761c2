"""Set up: names, topic, what each is fighting for, and how the session runs."""

from __future__ import annotations

import secrets

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Label, RadioButton, RadioSet, Static

from accord.domain import rules
from accord.domain.model import PARTNER_IDS, Step
from accord.domain.session import Settings
from accord.guide import SAFETY_LINE, STRATEGIC_EMPATHY
from accord.ui.keys import KeyButton
from accord.ui.text import fmt, plain
from accord.ui.widgets.in_order import Input
from accord.ui.widgets.key_footer import KeyFooter
from accord.ui.widgets.marks import Choice, Tick
from accord.ui.widgets.session_header import SessionHeader


def parse_whole_number(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise rules.RuleError(f"{what} needs a whole number.") from None


#: What the topic box says for each kind of session: (prefilled topic, placeholder).
TOPIC_FOR_KIND = {
    "negotiation": ("", "What is this about, in a few words?"),
    "check-in": ("Check-in", "A name for this check-in"),
    "repair": ("", "Which fight, in a few words?"),
}


def flip_coin() -> str:
    """Which partner starts, by chance (tests replace this to make it certain)."""
    return secrets.choice(PARTNER_IDS)


class SetupScreen(Screen):
    HELP_TOPIC = "setup"
    CSS_PATH = "setup.tcss"
    BINDINGS = [
        Binding("ctrl+n", "start", "Start", id="session.next"),
        Binding("f3", "pause", "Back", id="session.pause"),
    ]

    def __init__(self, kind: str = "negotiation") -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        from accord.domain.model import steps_for

        couple = self.app.couple
        topic, topic_hint = TOPIC_FOR_KIND.get(self.kind, TOPIC_FOR_KIND["negotiation"])
        yield SessionHeader(Step.SETUP, steps=steps_for(self.kind))
        defaults = self.app.settings
        with VerticalScroll(id="setup"):
            yield Static(SAFETY_LINE, id="safety-line")
            with Horizontal(classes="row"):
                yield Label("Names", classes="label")
                yield Input(couple.names[0], placeholder="First partner", id="name-a",
                            compact=True, max_length=40, select_on_focus=False)
                yield Input(couple.names[1], placeholder="Second partner", id="name-b",
                            compact=True, max_length=40, select_on_focus=False)
            with Horizontal(classes="row"):
                yield Label("Topic", classes="label")
                yield Input(topic, placeholder=topic_hint, id="topic",
                            compact=True, max_length=120, select_on_focus=False)
            yield Static(fmt("[dim]$q (optional)[/dim]", q=STRATEGIC_EMPATHY[1]),
                         classes="hint floor-only")
            with Horizontal(classes="row floor-only"):
                yield Label("Fighting for", classes="label")
                yield Input(placeholder="optional", id="for-a", compact=True, max_length=200,
                            select_on_focus=False)
                yield Input(placeholder="optional", id="for-b", compact=True, max_length=200,
                            select_on_focus=False)
            with Horizontal(classes="row"):
                yield Label("Turn (min)", classes="label")
                yield Input(str(defaults.turn_minutes), id="turn", compact=True,
                            type="integer", classes="short")
                yield Label("Time-out (min)", classes="label")
                yield Input(str(defaults.timeout_minutes), id="timeout", compact=True,
                            type="integer", classes="short")
            with Horizontal(classes="row tall floor-only"):
                yield Label("Who starts", classes="label")
                with RadioSet(id="starter", compact=True):
                    yield Choice(plain(couple.names[0] or "First"), value=True,
                                      id="start-a")
                    yield Choice(plain(couple.names[1] or "Second"), id="start-b")
                    yield Choice("Flip a coin", id="start-coin")
            yield Tick("Keep what we said (untick to keep only the agreements)",
                           value=defaults.keep_transcript, id="keep", compact=True)
        with Horizontal(id="setup-actions"):
            yield KeyButton("Start", "session.next", id="start", variant="primary")
            yield KeyButton("Back", "session.pause", id="back")
            yield Static("", id="error")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.kind == "repair":  # no floor in a repair: nobody needs to start
            for widget in self.query(".floor-only"):
                widget.display = False


        for pid, colour in zip("ab", self.app.couple.colors, strict=False):
            self.query_one(f"#name-{pid}").styles.border_left = ("tall", colour)
        first_empty = next(
            (w for w in self.query(Input) if not w.value and w.id in ("name-a", "name-b", "topic")),
            None,
        )
        (first_empty or self.query_one("#topic")).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("name-a", "name-b"):
            pid = event.input.id[-1]
            self.query_one(f"#start-{pid}", RadioButton).label = plain(
                event.value.strip() or ("First" if pid == "a" else "Second")
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()
        elif event.button.id == "back":
            self.action_pause()

    def action_pause(self) -> None:
        self.dismiss()

    def value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def action_start(self) -> None:
        error = self.query_one("#error", Static)
        try:
            settings = Settings(
                turn_seconds=parse_whole_number(self.value("turn"), "Turn length") * 60,
                timeout_minutes=parse_whole_number(self.value("timeout"), "Time-out length"),
                keep_transcript=self.query_one("#keep", Checkbox).value,
            )
            pressed = self.query_one("#starter", RadioSet).pressed_button
            starter = (pressed.id or "start-a").removeprefix("start-") if pressed else "a"
            if starter == "coin":
                starter = flip_coin()
            session = rules.new_session(
                self.app.now(),
                (self.value("name-a"), self.value("name-b")),
                self.value("topic"),
                fighting_for=(self.value("for-a"), self.value("for-b")),
                settings=settings,
                starter=starter,
                colors=(self.app.couple.colors[0], self.app.couple.colors[1]),
                kind=self.kind,
            )
        except rules.RuleError as problem:
            error.update(fmt("[b $warning]$msg[/]", msg=str(problem)))
            return
        self.app.couple.names = [session.name("a"), session.name("b")]
        self.app.save_couple()
        self.app.pop_screen()
        self.app.start_session(session)
        if starter != "a" and pressed is not None and pressed.id == "start-coin":
            self.app.notify(f"The coin chose {session.name(starter)} to start.")
