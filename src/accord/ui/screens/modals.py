"""Small questions that return a typed answer: yes/no, and a line of text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from accord.ui.text import fmt
from accord.ui.widgets.in_order import Input

MODAL_CSS = """
    {name} {{ align: center middle; }}
    {name} > Vertical {{
        width: 70; max-width: 95%; height: auto; max-height: 95%;
        border: round $primary; background: $surface; padding: 1 2;
    }}
    {name} .question {{ height: auto; margin-bottom: 1; }}
    {name} .buttons {{ height: 3; margin-top: 1; }}
    {name} .buttons Button {{ margin-right: 2; }}
"""


class Confirm(ModalScreen[bool]):
    """A yes-or-no question; Escape means no."""

    DEFAULT_CSS = MODAL_CSS.format(name="Confirm")
    BINDINGS = [
        Binding("escape", "answer(False)", "Not now"),
        Binding("y", "answer(True)", "Yes", show=False),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "Not yet") -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="question")
            with Horizontal(classes="buttons"):
                # The keys, as on every other button: y answers yes, Escape no.
                yield Button(f"{self.yes}  y", id="yes", variant="primary")
                yield Button(f"{self.no}  Esc", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text. Returns it, or None if the person changed their mind."""

    DEFAULT_CSS = MODAL_CSS.format(name="TextPrompt")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str = "", placeholder: str = "",
                 max_length: int = 300) -> None:
        super().__init__()
        self.question, self.value, self.placeholder = question, value, placeholder
        self.max_length = max_length

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(fmt("$q", q=self.question), classes="question")
            yield Input(self.value, placeholder=self.placeholder, max_length=self.max_length)
            with Horizontal(classes="buttons"):
                yield Button("OK", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.dismiss(self.query_one(Input).value)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
