"""Settings: the theme, chosen here and remembered; the rest lives in the settings file."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, RadioSet, Static

from accord.ui.screens.modals import MODAL_CSS
from accord.ui.text import fmt
from accord.ui.widgets.marks import Choice


class SettingsScreen(ModalScreen[None]):
    """Pick dark or light; see the defaults for new sessions and where to change them."""

    HELP_TOPIC = "settings"
    DEFAULT_CSS = MODAL_CSS.format(name="SettingsScreen") + """
    SettingsScreen #theme { width: auto; margin-bottom: 1; }
    SettingsScreen Static { height: auto; }
    SettingsScreen #problems { color: $text-warning; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "close", "Close")]

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        loaded = self.app.loaded_settings
        with Vertical():
            yield Static(fmt("[b]Settings[/b]"), classes="question")
            yield Static("Theme")
            with RadioSet(id="theme", compact=True):
                yield Choice("Dark", value=settings.theme == "dark", id="theme-dark")
                yield Choice("Light", value=settings.theme == "light", id="theme-light")
            yield Static(fmt(
                "New sessions start with turns of [b]$turn min[/b], time-outs of "
                "[b]$timeout min[/b], and [b]$keep[/b]. Set-up can change them each time.",
                turn=settings.turn_minutes, timeout=settings.timeout_minutes,
                keep="what you said kept" if settings.keep_transcript
                else "only the agreements kept"))
            yield Static(fmt(
                "\n[dim]To change these defaults or the keys, edit[/dim]\n$path\n"
                "[dim](see docs/settings.md).[/dim]", path=str(loaded.path)))
            if loaded.problems:
                yield Static(fmt("Not used from the file:\n$p", p="\n".join(loaded.problems)),
                             id="problems")
            with Horizontal(classes="buttons"):
                yield Button("Close", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#theme").focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        name = (event.pressed.id or "theme-dark").removeprefix("theme-")
        if name != self.app.settings.theme:
            self.app.use_theme(name)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
