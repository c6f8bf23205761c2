"""Welcome, help and the safety notice: text to read, closed with one key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from accord.guide import METHOD_GUIDE, SAFETY_FULL, SAFETY_GENTLE, STEP_HELP, WELCOME
from accord.ui.screens.modals import MODAL_CSS
from accord.ui.text import fmt

KEYS = (
    "Ctrl+T  time-out, from anywhere, even while typing\n"
    "F1 or ?  this help        F2  safety notice\n"
    "Ctrl+N  next step         F3  pause and go home\n"
    "Ctrl+S  hand over / done reflecting     Ctrl+O  I said it aloud\n"
    "1 2 3 4  answer whether a reflection landed; in Sort, choose the layer\n"
    "Ctrl+Q  pause and quit: nothing is lost"
)


class Notice(ModalScreen[None]):
    """A calm page of text with one button; Escape closes it."""

    DEFAULT_CSS = MODAL_CSS.format(name="Notice") + """
    Notice > Vertical { width: 84; }
    Notice VerticalScroll { height: auto; max-height: 18; }
    Notice Static { height: auto; }
    """
    BINDINGS = [Binding("escape", "close", "Close")]
    BUTTON = "Close"

    def body(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll():
                yield from self.body()
            yield Button(self.BUTTON, variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#close").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class WelcomeScreen(Notice):
    BUTTON = "We've read this"

    def body(self) -> ComposeResult:
        yield Static(fmt("[b]Welcome to accord[/b]\n\n$w\n\n[b]Before you start[/b]\n\n$s",
                         w=WELCOME, s=SAFETY_FULL))


class SafetyScreen(Notice):
    HELP_TOPIC = "home"

    def __init__(self, gentle: bool = False) -> None:
        super().__init__()
        self.gentle = gentle

    def body(self) -> ComposeResult:
        if self.gentle:
            yield Static(fmt("[i]$g[/i]\n", g=SAFETY_GENTLE))
        yield Static(fmt("[b]Is this the right tool?[/b]\n\n$s", s=SAFETY_FULL))


class HelpScreen(Notice):
    BINDINGS = [Binding("escape,f1,question_mark", "close", "Close")]

    def __init__(self, topic: str) -> None:
        super().__init__()
        self.topic = topic

    def body(self) -> ComposeResult:
        yield Static(fmt("[b]Now[/b]\n$now\n\n[b]Keys[/b]\n$keys\n\n[b]The method[/b]\n$guide",
                         now=STEP_HELP.get(self.topic, STEP_HELP["home"]), keys=KEYS,
                         guide=METHOD_GUIDE))
