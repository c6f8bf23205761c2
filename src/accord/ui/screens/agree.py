"""Agree: for each negotiable issue, ideas from both without judging, then agreements."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from accord.domain import rules
from accord.domain.model import PARTNER_IDS, Step
from accord.domain.session import Agreement, Issue
from accord.guide import STRATEGIC_EMPATHY
from accord.ui.keys import KeyButton, key_for
from accord.ui.screens.base import SessionScreen
from accord.ui.screens.modals import MODAL_CSS
from accord.ui.text import fmt
from accord.ui.widgets.in_order import Input

AGREEMENT_FIELDS = (
    ("what", "What we'll do", "e.g. Alex cooks on weekdays, Sam does the dishes after"),
    ("who", "Who", "e.g. both of us"),
    ("when", "When / how often", "e.g. every weekday evening"),
    ("starts", "Starting (YYYY-MM-DD)", ""),
    ("review_on", "Review on (YYYY-MM-DD)", ""),
    ("success", "How we'll know it works", "e.g. no dishes left overnight"),
)


def agreement_line(item: Agreement) -> str:
    parts = [item.what]
    if item.who:
        parts.append(f"who: {item.who}")
    if item.when:
        parts.append(f"when: {item.when}")
    if item.review_on:
        parts.append(f"review {item.review_on:%d %b}")
    return " · ".join(parts)


class AgreementForm(ModalScreen[dict | None]):
    """Write or edit one agreement. Returns the fields, or None."""

    DEFAULT_CSS = MODAL_CSS.format(name="AgreementForm") + """
    AgreementForm > Vertical { width: 80; }
    AgreementForm Label { margin-top: 1; }
    AgreementForm #form-error { height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save",
                                                                 priority=True)]

    def __init__(self, issue_title: str, values: dict[str, str]) -> None:
        super().__init__()
        self.issue_title = issue_title
        self.values = values

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(fmt("[b]An agreement on:[/b] $t", t=self.issue_title), classes="question")
            with VerticalScroll():
                for key, label, placeholder in AGREEMENT_FIELDS:
                    yield Label(label)
                    yield Input(self.values.get(key, ""), placeholder=placeholder, id=key,
                                compact=True, max_length=300, select_on_focus=False)
            yield Static("", id="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Save  ^S", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#what", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next(Input)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        self.app.call_after_keys(self._save)

    def _save(self) -> None:
        values: dict = {key: self.query_one(f"#{key}", Input).value for key, _, _ in
                        AGREEMENT_FIELDS}
        for key in ("starts", "review_on"):
            text = values[key].strip()
            try:
                values[key] = date.fromisoformat(text) if text else None
            except ValueError:
                self.query_one("#form-error", Static).update(
                    fmt("[b $warning]Write dates like 2026-12-05.[/]")
                )
                return
        if not values["what"].strip():
            self.query_one("#form-error", Static).update(
                fmt("[b $warning]Say what you agree to do.[/]")
            )
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)


class AgreeScreen(SessionScreen):
    STEP = Step.AGREE
    CSS_PATH = "agree.tcss"
    BINDINGS = [
        Binding("ctrl+g", "new_agreement", "New agreement", priority=True, id="agree.new"),
        Binding("ctrl+n", "next", "Go to close", id="session.next"),
        Binding("b", "back", "Back to sort", show=False, id="agree.back"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        yield Static(fmt("[i]$q[/i]", q=STRATEGIC_EMPATHY[0]), id="empathy")
        with Horizontal(id="agree"):
            yield OptionList(id="agree-issues")
            with VerticalScroll(id="agree-detail"):
                yield Static("", id="issue-title")
                yield Static(fmt("[b]Ideas[/b] [dim]anything goes, nobody judges yet[/dim]"))
                yield Static("", id="ideas")
                for pid in PARTNER_IDS:
                    yield Input(placeholder=f"{self.session.name(pid)}'s idea (Enter adds it)",
                                id=f"idea-{pid}", compact=True, max_length=300,
                                select_on_focus=False)
                yield Static(fmt("[b]Agreements[/b] [dim]Enter edits, x removes[/dim]"),
                             id="agreements-title")
                yield OptionList(id="agreements")
        with Horizontal(id="agree-actions"):
            yield KeyButton("New agreement", "agree.new", id="new", variant="primary")
            yield KeyButton("Back to sort", "agree.back", id="back")
            yield KeyButton("Go to close", "session.next", id="next")

    def on_mount(self) -> None:
        issues = self.query_one("#agree-issues", OptionList)
        for issue in self.session.negotiable_issues:
            issues.add_option(Option(fmt("$t", t=issue.title), id=issue.id))
        if self.session.negotiable_issues:
            issues.highlighted = 0
            self.query_one("#idea-a", Input).focus()
        self.show_issue()

    def issue(self) -> Issue | None:
        issues = self.query_one("#agree-issues", OptionList)
        if issues.highlighted is None or not self.session.negotiable_issues:
            return None
        option = issues.get_option_at_index(issues.highlighted)
        return self.session.issue(option.id or "")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "agree-issues":
            self.show_issue()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "agreements" and event.option.id:
            self.edit_agreement(event.option.id)

    def show_issue(self) -> None:
        issue = self.issue()
        title = self.query_one("#issue-title", Static)
        ideas = self.query_one("#ideas", Static)
        agreements = self.query_one("#agreements", OptionList)
        agreements.clear_options()
        if issue is None:
            title.update(
                "No issue was sorted as negotiable, so there is nothing to agree on here. "
                f"That's fine: go on to close ({key_for(self, 'session.next', long=True)}), or "
                f"back to sort ({key_for(self, 'agree.back')})."
            )
            ideas.update("")
            return
        title.update(fmt("[b]$t[/b]", t=issue.title))
        ideas.update(
            Content("\n").join(
                fmt("• $idea  [dim]$who[/dim]", idea=o.text, who=self.session.name(o.by))
                for o in issue.options
            )
            if issue.options
            else fmt("[dim]No ideas yet.[/dim]")
        )
        for item in self.session.agreements_for(issue.id):
            agreements.add_option(Option(fmt("$t", t=agreement_line(item)), id=item.id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        issue = self.issue()
        pid = (event.input.id or "")[-1]
        if issue is None or pid not in PARTNER_IDS:
            return
        if self.apply(lambda: rules.add_option(self.session, issue.id, pid, event.value,
                                               self.app.now())):
            event.input.value = ""
            self.show_issue()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {"new": self.action_new_agreement, "back": self.action_back,
         "next": self.action_next}[event.button.id or "next"]()

    def on_key(self, event) -> None:
        agreements = self.query_one("#agreements", OptionList)
        chosen = agreements.highlighted
        if event.key in ("x", "delete") and agreements.has_focus and chosen is not None:
            option = agreements.get_option_at_index(chosen)
            if self.apply(lambda: rules.remove_agreement(self.session, option.id or "",
                                                         self.app.now())):
                self.show_issue()
            event.stop()

    @work(exclusive=True, group="agree-form")
    async def action_new_agreement(self) -> None:
        issue = self.issue()
        if issue is None:
            self.notify("Only negotiable issues become agreements.", severity="warning")
            return
        today = self.app.now().date()
        values = await self.app.push_screen_wait(
            AgreementForm(issue.title, {
                "starts": today.isoformat(),
                "review_on": (today + timedelta(days=rules.DEFAULT_REVIEW_DAYS)).isoformat(),
            })
        )
        if values is not None and self.apply(
            lambda: rules.add_agreement(self.session, issue.id, values.pop("what"),
                                        self.app.now(), **values)
        ):
            self.show_issue()

    @work(exclusive=True, group="agree-form")
    async def edit_agreement(self, agreement_id: str) -> None:
        item = rules.agreement(self.session, agreement_id)
        issue = self.session.issue(item.issue_id)
        current = {key: str(getattr(item, key) or "") for key, _, _ in AGREEMENT_FIELDS}
        values = await self.app.push_screen_wait(AgreementForm(issue.title, current))
        if values is not None and self.apply(
            lambda: rules.edit_agreement(self.session, agreement_id, self.app.now(), **values)
        ):
            self.show_issue()

    def action_back(self) -> None:
        self.go_to(Step.SORT)

    def action_next(self) -> None:
        self.go_to(Step.CLOSE)
