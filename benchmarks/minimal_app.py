"""The yardstick for start-up: the smallest Textual app with a Static and a Footer."""

from textual.app import App
from textual.widgets import Footer, Static


class Minimal(App[None]):
    BINDINGS = [("f1,question_mark", "pressed", "Press"), ("ctrl+q", "quit", "Quit")]

    def compose(self):
        yield Static("Minimal app ready", id="text")
        yield Footer()

    def action_pressed(self) -> None:
        self.query_one("#text", Static).update("Key received")


if __name__ == "__main__":
    Minimal().run()
