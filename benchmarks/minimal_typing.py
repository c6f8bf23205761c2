"""The yardstick for typing: the smallest Textual app with a focused TextArea and a Footer."""

from textual.app import App
from textual.widgets import Footer, Static, TextArea


class MinimalTyping(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self):
        yield Static("Minimal typing ready")
        yield TextArea(id="editor")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


if __name__ == "__main__":
    MinimalTyping().run()
