"""Who we are: each partner's core needs, boundaries, and what helps them calm down.

Kept between sessions in profiles.toml. Prepare starts from it, and Sort uses it to suggest
which issues touch a core need or a boundary.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from accord.domain.model import PARTNER_IDS, Profile
from accord.domain.profiles import make_profile, profile_for, put_profile
from accord.domain.rules import RuleError
from accord.ui.keys import KeyButton
from accord.ui.text import fmt
from accord.ui.widgets.in_order import Input
from accord.ui.widgets.key_footer import KeyFooter

BOUNDARY_ROWS = 2


class ProfilesScreen(Screen):
    HELP_TOPIC = "profiles"
    CSS_PATH = "profiles.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="profiles.save"),
        Binding("escape", "back", "Home", id="profiles.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.profiles: list[Profile] = []

    def names(self) -> list[str]:
        return [n.strip() for n in self.app.couple.names]

    def compose(self) -> ComposeResult:
        from accord.ui.profiles import load_profiles

        self.profiles = load_profiles(self.app)
        yield Static(fmt("[b]Who we are[/b]  [dim]kept between sessions; Prepare starts from "
                         "it[/dim]"), id="profiles-title")
        with VerticalScroll(id="profiles"):
            if not all(self.names()):
                yield Static("Start a first conversation to set your names; then each of you "
                             "can keep a profile here.")
                return
            with Horizontal():
                for pid, name in zip(PARTNER_IDS, self.names(), strict=True):
                    yield self.column(pid, name)
        with Horizontal(id="profiles-actions"):
            yield KeyButton("Save", "profiles.save", id="save", variant="primary")
            yield KeyButton("Back", "profiles.back", id="back")
        yield KeyFooter()

    def column(self, pid: str, name: str) -> Vertical:
        profile = profile_for(self.profiles, name) or Profile(name=name)
        widgets = [
            Static(fmt("[b]$name[/b]", name=name), classes="who"),
            Static("Core needs (separate them with ;)", classes="ask"),
            Input("; ".join(profile.core_needs), id=f"needs-{pid}", compact=True,
                  max_length=500, placeholder="e.g. rest; feeling like a team",
                  select_on_focus=False),
        ]
        for n in range(BOUNDARY_ROWS):
            boundary = profile.boundaries[n] if n < len(profile.boundaries) else None
            widgets += [
                Static("A boundary" if n == 0 else "Another boundary", classes="ask"),
                Input(boundary.text if boundary else "", id=f"boundary{n}-{pid}", compact=True,
                      max_length=300, placeholder="e.g. no name-calling", select_on_focus=False),
                Input(boundary.enforcement if boundary else "", id=f"enforce{n}-{pid}",
                      compact=True, max_length=300,
                      placeholder="if it's crossed, I will...", select_on_focus=False),
            ]
        widgets += [
            Static("What helps me calm down in a time-out", classes="ask"),
            Input(profile.calming, id=f"calming-{pid}", compact=True, max_length=300,
                  placeholder="e.g. a walk round the block", select_on_focus=False),
            Static("", id=f"note-{pid}", classes="note"),
        ]
        column = Vertical(*widgets, classes="partner")
        return column

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()
            for pid in PARTNER_IDS:
                self.update_note(pid)

    def on_input_changed(self, event: Input.Changed) -> None:
        pid = (event.input.id or "")[-1]
        if pid in PARTNER_IDS:
            self.update_note(pid)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next(Input)

    def update_note(self, pid: str) -> None:
        """Say which boundaries are still preferences: no "I will" yet."""
        preferences = [
            self.value(f"boundary{n}-{pid}") for n in range(BOUNDARY_ROWS)
            if self.value(f"boundary{n}-{pid}") and not self.value(f"enforce{n}-{pid}")
        ]
        self.query_one(f"#note-{pid}", Static).update(
            "Without what you'll do if it's crossed, a boundary is kept as a preference."
            if preferences else "")

    def value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_back()

    def action_save(self) -> None:
        from accord.ui.profiles import save_profiles

        if not all(self.names()):
            return
        profiles = list(self.profiles)
        try:
            for pid, name in zip(PARTNER_IDS, self.names(), strict=True):
                profile = make_profile(
                    name,
                    self.value(f"needs-{pid}").split(";"),
                    [(self.value(f"boundary{n}-{pid}"), self.value(f"enforce{n}-{pid}"))
                     for n in range(BOUNDARY_ROWS)],
                    self.value(f"calming-{pid}"),
                )
                profiles = put_profile(profiles, profile)
        except RuleError as error:
            self.notify(str(error), severity="warning")
            return
        if save_profiles(self.app, profiles):
            self.profiles = profiles
            self.notify("Saved.")

    def action_back(self) -> None:
        self.app.pop_screen()
