"""Welcome, help and the safety notice: text to read, closed with one key."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from accord.guide import METHOD_GUIDE, SAFETY_FULL, SAFETY_GENTLE, STEP_HELP, WELCOME
from accord.ui.keys import key_for
from accord.ui.laid_out import LaidOutOnce
from accord.ui.screens.modals import MODAL_CSS
from accord.ui.text import fmt
from accord.ui.themes import DEFAULT_COLORS, PALETTE
from accord.ui.widgets.colour_choice import ColourChoice
from accord.ui.widgets.in_order import Input

EVERYWHERE = (  # (binding id, usual key, what it does); the key shown follows the keymap
    ("accord.timeout", "Ctrl+T", "time-out: from anywhere, even while typing"),
    ("accord.help", "F1", "this help (? too, when not typing)"),
    ("accord.safety", "F2", "the safety notice"),
    ("accord.settings", "F4", "settings: dark or light theme"),
    ("", "Ctrl+P", "every action, by name"),
    ("accord.quit", "Ctrl+Q", "pause and quit: nothing is lost"),
)


def with_keys(text: str, node: DOMNode) -> str:
    """Our words, naming the time-out and safety keys as they are bound right now."""
    for binding_id, usual, _ in EVERYWHERE:
        if binding_id and usual in text:
            text = text.replace(usual, key_for(node, binding_id, long=True) or usual)
    return text


def compact(text: str) -> str:
    """The safety notice for the welcome: its last paragraph joined to the one before, so
    the welcome fits at 80x24 and what to do if afraid still stands apart."""
    head, _, last = text.rpartition("\n\n")
    return f"{head}\n{last}" if head else text


def keys_text(here: list[tuple[str, str]], node: DOMNode | None = None) -> str:
    """The keys for this step, then the ones that work everywhere, one per line."""
    lines = [f"{key:<10}{what}" for key, what in here]
    if lines:
        lines.append("")
    for binding_id, usual, what in EVERYWHERE:
        key = (key_for(node, binding_id, long=True) if node is not None and binding_id
               else "") or usual
        lines.append(f"{key:<10}{what}")
    return "\n".join(lines)


class NoticeButton(Button, inherit_css=False):
    """A notice's one button, drawn as Textual draws a primary button, with only the styles
    that look needs: Button's own style sheet (7 KB, every variant and style) is the largest
    piece of CSS read before the first screen, and the welcome and the help have no other
    Button."""

    DEFAULT_CSS = """
    NoticeButton {
        width: auto; min-width: 16; height: auto; line-pad: 1;
        text-align: center; content-align: center middle; pointer: pointer;
        text-style: bold; color: $button-color-foreground; background: $primary;
        border: none; border-top: tall $primary-lighten-3; border-bottom: tall $primary-darken-3;
        &:focus { text-style: $button-focus-text-style; background-tint: $foreground 5%; }
        &:hover { background: $primary-darken-2; border-top: tall $primary; }
        &.-active {
            background: $primary;
            border-bottom: tall $primary-lighten-3; border-top: tall $primary-darken-3;
        }
    }
    """


class Notice(LaidOutOnce, ModalScreen[None]):
    """A calm page of text with one button; Escape closes it."""

    DEFAULT_CSS = MODAL_CSS.format(name="Notice") + """
    Notice > Vertical { width: 84; }
    Notice VerticalScroll { height: auto; max-height: 22; }
    Notice.-short > Vertical { padding: 0 2; }
    Notice.-short VerticalScroll { max-height: 15; }
    Notice Static { height: auto; }
    Notice #close { margin-top: 1; }
    """
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [Binding("escape", "close", "Close")]
    BUTTON = "Close"
    AUTO_FOCUS = "#close"

    def body(self) -> ComposeResult:
        yield from ()

    def below(self) -> ComposeResult:
        """What stays in view under the text, above the button."""
        yield from ()

    def compose(self) -> ComposeResult:
        self.size_class()
        with Vertical():
            with VerticalScroll():
                yield from self.body()
            yield from self.below()
            yield NoticeButton(self.BUTTON, variant="primary", id="close")

    def size_class(self) -> None:
        """The class for the window's height (VERTICAL_BREAKPOINTS), set before the first
        layout: Textual sets it after, and would style and lay out the screen once more."""
        height = self.app.size.height
        self.add_class(max(b for b in self.VERTICAL_BREAKPOINTS if b[0] <= height)[1],
                       update=False)

    def on_mount(self) -> None:
        self.query_one("#close").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)


class WelcomeScreen(Notice):
    """First run: what accord is for, the safety notice, and your names and colours."""

    DEFAULT_CSS = """
    WelcomeScreen > Vertical { width: 96; height: 100%; max-height: 28; padding: 0 1; }
    WelcomeScreen VerticalScroll { height: 1fr; max-height: 100%; }
    WelcomeScreen .you { height: 1; margin: 1 0; }
    WelcomeScreen .you .who { width: 7; }
    WelcomeScreen .you Input { width: 1fr; margin-left: 1; }
    WelcomeScreen .you ColourChoice { margin: 0 1; }
    WelcomeScreen.-short > Vertical { max-height: 100%; }
    WelcomeScreen.-short VerticalScroll { max-height: 100%; }
    WelcomeScreen.-short .you { margin: 1 0 0 0; }
    WelcomeScreen.-short #close { margin-top: 0; }
    """
    BUTTON = "We've read this"
    AUTO_FOCUS = "#name-a"  # start where the couple types
    HELP_TOPIC = "welcome"

    def body(self) -> ComposeResult:
        yield Static(fmt("[b]Welcome to accord.[/b] $w\n\n[b]Before you start.[/b] $s",
                         w=with_keys(WELCOME, self),
                         s=compact(with_keys(SAFETY_FULL, self))))

    def below(self) -> ComposeResult:
        couple = self.app.couple
        colors = [c if c in PALETTE.values() else d for c, d in zip(couple.colors,
                                                                    DEFAULT_COLORS, strict=False)]
        with Horizontal(classes="you"):
            yield Static("You are", classes="who")
            for pid, value in zip("ab", colors, strict=False):
                yield Input(couple.names["ab".index(pid)], max_length=40, compact=True,
                            placeholder="a name" if pid == "a" else "and a name",
                            id=f"name-{pid}", select_on_focus=False)
                yield ColourChoice(value, id=f"colour-{pid}")

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # not the button, as other notices do: the names come first
        self.query_one("#name-a", Input).focus()
        one, other = self.query(ColourChoice)
        one.apart_from, other.apart_from = [other], [one]  # each partner a colour of their own

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a name goes to the other name while that one is still empty; otherwise
        (both filled, or nothing typed at all) it finishes. The colours keep what they show."""
        other = self.query_one("#name-b" if event.input.id == "name-a" else "#name-a", Input)
        if event.value.strip() and not other.value.strip():
            other.focus()
        else:
            self.action_close()

    def action_close(self) -> None:
        couple = self.app.couple
        couple.names = [self.query_one(f"#name-{pid}", Input).value.strip() for pid in "ab"]
        couple.colors = [self.query_one(f"#colour-{pid}", ColourChoice).value for pid in "ab"]
        self.dismiss(None)


class SafetyScreen(Notice):
    HELP_TOPIC = "home"

    def __init__(self, gentle: bool = False) -> None:
        super().__init__()
        self.gentle = gentle

    def body(self) -> ComposeResult:
        if self.gentle:
            yield Static(fmt("[i]$g[/i]\n", g=SAFETY_GENTLE))
        yield Static(fmt("[b]Is this the right tool?[/b]\n\n$s", s=with_keys(SAFETY_FULL, self)))


class HelpScreen(Notice):
    """What to do now, the keys for it, and the method in a few paragraphs."""

    # The help is always longer than its box: with the scroll bar there from the start, the
    # first layout is the last (Textual would add the bar after it, lay out and draw again).
    DEFAULT_CSS = "HelpScreen VerticalScroll { overflow-y: scroll; }"
    BINDINGS = [Binding("escape,f1,question_mark", "close", "Close")]

    def __init__(self, topic: str, keys: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.topic = topic
        self.keys = keys or []

    def body(self) -> ComposeResult:
        yield Static(fmt("[b]What to do now[/b]\n$now\n\n[b]Keys[/b]\n$keys\n\n"
                         "[b]How accord works[/b]\n$guide",
                         now=with_keys(STEP_HELP.get(self.topic, STEP_HELP["home"]), self),
                         keys=keys_text(self.keys, self), guide=METHOD_GUIDE))
