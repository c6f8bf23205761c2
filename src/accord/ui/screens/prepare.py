"""Prepare: each partner names what they need here, and any boundary they bring."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Static

from accord.domain import rules
from accord.domain.model import PARTNER_IDS, Step
from accord.domain.session import Preparation
from accord.ui.keys import KeyButton
from accord.ui.screens.base import SessionScreen
from accord.ui.text import fmt
from accord.ui.widgets.in_order import Input

PREFERENCE_NOTE = "No 'what I'll do' yet, so for now this is a preference. That's fine too."
BOUNDARY_NOTE = "A boundary, with what you'll do if it's crossed."


class PrepareScreen(SessionScreen):
    STEP = Step.PREPARE
    CSS_PATH = "prepare.tcss"
    BINDINGS = [Binding("ctrl+n", "next", "Go to talk", id="session.next")]

    def compose_body(self) -> Iterable[Widget]:
        with Horizontal(id="prepare"):
            for pid in PARTNER_IDS:
                yield self.partner_column(pid)
        with Horizontal(id="prepare-actions"):
            yield KeyButton("Go to talk", "session.next", id="next", variant="primary")
            yield Button("Skip", id="skip")

    def partner_column(self, pid: str) -> Vertical:
        partner = self.session.partners[pid]
        prep = self.session.preparation.get(pid, Preparation())
        boundary = prep.boundaries[0] if prep.boundaries else None
        column = Vertical(
            Static(fmt("[b]$name[/b]", name=partner.name), classes="who"),
            Checkbox("Keep this in my profile", id=f"remember-{pid}", compact=True),
            Static("What do you most need from this conversation?", classes="ask"),
            Input(prep.need, id=f"need-{pid}", compact=True, max_length=300,
                  placeholder="e.g. to feel we're on the same team", select_on_focus=False),
            Static("A boundary you bring (optional)", classes="ask"),
            Input(boundary.text if boundary else "", id=f"boundary-{pid}", compact=True,
                  max_length=300, placeholder="e.g. no raised voices", select_on_focus=False),
            Static("What will you do if it's crossed?", classes="ask"),
            Input(boundary.enforcement if boundary else "", id=f"enforce-{pid}", compact=True,
                  max_length=300, placeholder="e.g. I'll step out and come back in 20 minutes",
                  select_on_focus=False),
            Static("", id=f"kind-{pid}", classes="kind"),
            classes="partner",
        )
        column.styles.border_left = ("thick", partner.color)
        return column

    def on_mount(self) -> None:
        from accord.ui.profiles import load_profiles

        self.profiles = load_profiles(self.app)
        for pid in PARTNER_IDS:
            self.start_from_profile(pid)
            self.update_kind(pid)
        self.query_one("#need-a", Input).focus()

    def start_from_profile(self, pid: str) -> None:
        """An empty preparation starts from what this partner keeps in their profile."""
        from accord.domain.profiles import preparation_from, profile_for

        prep = self.session.preparation.get(pid, Preparation())
        profile = profile_for(self.profiles, self.session.name(pid))
        if profile is None or prep.need or prep.boundaries:
            return
        start = preparation_from(profile)
        self.query_one(f"#need-{pid}", Input).value = start.need
        if start.boundaries:
            self.query_one(f"#boundary-{pid}", Input).value = start.boundaries[0].text
            self.query_one(f"#enforce-{pid}", Input).value = start.boundaries[0].enforcement

    def remember(self) -> None:
        """Add this session's need and boundary to the profiles of those who ticked the box."""
        from accord.domain.profiles import (
            make_profile,
            profile_for,
            put_profile,
            update_from_preparation,
        )
        from accord.ui.profiles import save_profiles

        chosen = [pid for pid in PARTNER_IDS
                  if self.query_one(f"#remember-{pid}", Checkbox).value]
        if not chosen:
            return
        profiles = list(self.profiles)
        for pid in chosen:
            name = self.session.name(pid)
            profile = profile_for(profiles, name) or make_profile(name)
            prep = self.session.preparation.get(pid, Preparation())
            profiles = put_profile(profiles, update_from_preparation(profile, prep))
        if save_profiles(self.app, profiles):
            self.profiles = profiles
            self.notify("Kept in your profile for next time.")

    def on_input_changed(self, event: Input.Changed) -> None:
        pid = (event.input.id or "")[-1]
        if pid in PARTNER_IDS:
            self.update_kind(pid)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.collect_draft()
        self.app.save()
        self.focus_next()

    def update_kind(self, pid: str) -> None:
        boundary = self.query_one(f"#boundary-{pid}", Input).value.strip()
        enforcement = self.query_one(f"#enforce-{pid}", Input).value.strip()
        note = "" if not boundary else BOUNDARY_NOTE if enforcement else PREFERENCE_NOTE
        self.query_one(f"#kind-{pid}", Static).update(note)

    def collect_draft(self) -> None:
        for pid in PARTNER_IDS:
            rules.set_preparation(
                self.session,
                pid,
                self.query_one(f"#need-{pid}", Input).value,
                [(self.query_one(f"#boundary-{pid}", Input).value,
                  self.query_one(f"#enforce-{pid}", Input).value)],
                self.app.now(),
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.action_next()
        elif event.button.id == "skip":
            self.go_to(Step.TALK)

    def action_next(self) -> None:
        self.collect_draft()
        self.remember()
        self.go_to(Step.TALK)
