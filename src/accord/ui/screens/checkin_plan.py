"""Check-in: plan the next check-in, and any ritual (a small thing done together, in a rhythm)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from accord.domain import checkin, lifecycle
from accord.domain.model import Step
from accord.domain.rules import RuleError
from accord.ui.keys import KeyButton
from accord.ui.screens.base import SessionScreen
from accord.ui.text import fmt
from accord.ui.widgets.in_order import Input


def parse_day(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RuleError("Write the date like 2026-12-05.") from None


class PlanScreen(SessionScreen):
    STEP = Step.PLAN
    CSS_PATH = "checkin_plan.tcss"
    BINDINGS = [
        Binding("ctrl+g", "add_ritual", "Add ritual", priority=True, id="checkin.ritual"),
        Binding("ctrl+n", "next", "Go to close", id="session.next"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        today = self.app.now().date()
        planned = self.session.next_checkin or lifecycle.checkin_date_after(today)
        with Vertical(id="plan"):
            yield Static(fmt("[b]Looking ahead.[/b] When will you check in next?"),
                         classes="lead")
            with Horizontal(classes="row"):
                yield Label("Next check-in", classes="label")
                yield Input(planned.isoformat(), id="next-checkin", compact=True,
                            max_length=10, classes="short")
                yield Static(fmt("[dim]a week is a good rhythm to start with[/dim]"))
            yield Static(fmt("[b]A ritual?[/b] [dim]optional: a weekly walk, a morning "
                             "intention, a Sunday tea[/dim]"), classes="lead")
            with Horizontal(classes="row"):
                yield Label("What", classes="label")
                yield Input(id="ritual-what", compact=True, max_length=300,
                            placeholder="e.g. a walk together, phones at home",
                            select_on_focus=False)
            with Horizontal(classes="row"):
                yield Label("How often", classes="label")
                yield Input(id="ritual-rhythm", compact=True, max_length=80,
                            placeholder="daily, weekly, monthly, or your own words",
                            select_on_focus=False)
            yield Static("", id="rituals")
        with Horizontal(id="plan-actions"):
            yield KeyButton("Add ritual", "checkin.ritual", id="add-ritual")
            yield KeyButton("Go to close", "session.next", id="next", variant="primary")

    def on_mount(self) -> None:
        self.show_rituals()
        self.query_one("#next-checkin", Input).focus()

    def show_rituals(self) -> None:
        rituals = checkin.rituals(self.session)
        self.query_one("#rituals", Static).update(
            Content("\n").join(fmt("• $what  [dim]$rhythm · confirm it at close[/dim]",
                                   what=r.what, rhythm=r.rhythm) for r in rituals)
            if rituals else "")

    def collect_draft(self) -> None:
        try:
            day = parse_day(self.query_one("#next-checkin", Input).value)
            if day != self.session.next_checkin:
                checkin.set_next_checkin(self.session, day, self.app.now())
        except RuleError:
            pass  # shown when they move on

    def commit(self) -> bool:
        text = self.query_one("#next-checkin", Input).value
        return self.apply(lambda: checkin.set_next_checkin(self.session, parse_day(text),
                                                           self.app.now()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "next-checkin":
            if self.commit():
                self.focus_next(Input)
        elif event.input.id == "ritual-what":
            self.focus_next(Input)
        else:
            self.action_add_ritual()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-ritual":
            self.action_add_ritual()
        else:
            self.action_next()

    def action_add_ritual(self) -> None:
        what = self.query_one("#ritual-what", Input)
        rhythm = self.query_one("#ritual-rhythm", Input)
        if self.apply(lambda: checkin.add_ritual(self.session, what.value, rhythm.value,
                                                 self.app.now())):
            what.value = rhythm.value = ""
            what.focus()
            self.show_rituals()

    def action_next(self) -> None:
        if self.commit():
            self.go_to(self.next_step())
