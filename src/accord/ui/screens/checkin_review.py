"""Check-in: the agreements due for review, one by one: kept, adjust, or retire.

The list comes from the summary index (:mod:`accord.ui.history`), like the agreements review:
the index holds each agreement's row, so no session file is read to show what is due. The
one session file an agreement lives in is read only when the couple decides about it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from textual import work
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from accord.domain import checkin, lifecycle
from accord.domain.model import Step
from accord.domain.rules import RuleError
from accord.domain.session import Session
from accord.storage.index import IndexScan
from accord.storage.store import UnreadableFile
from accord.ui.keys import KeyButton
from accord.ui.screens.agreements import short_date
from accord.ui.screens.base import SessionScreen
from accord.ui.text import fmt

OUTCOME_WORDS = {"kept": "kept", "adjusted": "to renegotiate", "retired": "retired"}
#: Due agreements listed at once, soonest first; the next ones move up as these are decided.
#: (A list of thousands would take seconds to lay out and is no help in one evening.)
SHOWN_AT_ONCE = 50


class CheckinReviewScreen(SessionScreen):
    STEP = Step.REVIEW
    CSS_PATH = "checkin_review.tcss"
    BINDINGS = [
        Binding("k", "review('kept')", "Kept", id="checkin.kept"),
        Binding("j", "review('adjusted')", "Adjust", id="checkin.adjust"),
        Binding("x", "review('retired')", "Retire", id="checkin.retire"),
        Binding("ctrl+n", "next", "Reflect", id="session.next"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        yield Static("", id="checkin-review-lead")
        yield OptionList(id="due-now")
        yield Static("", id="checkin-review-detail")
        with Horizontal(id="checkin-review-actions"):
            yield KeyButton("Kept", "checkin.kept", id="kept", variant="success")
            yield KeyButton("Adjust", "checkin.adjust", id="adjusted")
            yield KeyButton("Retire", "checkin.retire", id="retired")
            yield KeyButton("Go to reflect", "session.next", id="next", variant="primary")

    def on_mount(self) -> None:
        #: The agreement rows (see :func:`accord.storage.views.agreement_rows`) due now.
        self.due: list[dict] = []
        self.reload()
        if self.due:
            self.query_one("#due-now", OptionList).focus()

    def reload(self) -> None:
        """The agreements due today that this check-in has not looked at yet, and those it has."""
        from accord.ui import history

        self.show_scan(history.scan(self.app))

    def show_scan(self, scan: IndexScan) -> None:
        today = self.app.now().date()
        mine = self.session.id
        now_due, _upcoming = scan.due(today)
        due = [row for row in now_due
               if row["session"] != mine and row["id"] not in self.session.reviewed]
        self.due = due[:SHOWN_AT_ONCE]
        by_id = {row["id"]: row["what"] for summary in scan.summaries
                 if summary["row"]["id"] != mine for row in summary["agreements"]}
        # What people typed stays literal: assembled, not parsed as markup (which is also
        # fifteen times faster, for a long list of what is due).
        options = [Option(Content.assemble(row["what"], "  ", (
            f"· {row['topic']} · review was "
            f"{short_date(date.fromisoformat(row['review_on']), today)}", "dim")))
            for row in self.due]
        if len(due) > len(self.due):
            options.append(Option(fmt("[dim]and $n more due after these[/dim]",
                                      n=len(due) - len(self.due)), disabled=True))
        for agreement_id, outcome in self.session.reviewed.items():
            what = by_id.get(agreement_id, agreement_id)
            options.append(Option(fmt("[dim]$what · $outcome[/dim]", what=what,
                                      outcome=OUTCOME_WORDS.get(outcome, outcome)),
                                  disabled=True))
        listing = self.query_one("#due-now", OptionList)
        listing.clear_options()
        listing.add_options(options)
        if self.due:
            listing.highlighted = 0
            lead = ("[b]Agreements due for a look.[/b] For each: did it work (kept), does it "
                    "need changing (adjust), or has it done its job (retire)?")
        elif self.session.reviewed:
            lead = "[b]All reviewed.[/b] Nicely done. On to looking back together."
        else:
            lead = "[b]Nothing is due for review today.[/b] On to looking back together."
        self.query_one("#checkin-review-lead", Static).update(fmt(lead))
        listing.display = bool(self.due or self.session.reviewed)
        for button_id in ("kept", "adjusted", "retired"):
            button = self.query_one(f"#{button_id}", Button)
            button.disabled = not self.due
            button.display = bool(self.due)  # nothing to decide: show only the way on
        if not self.due:
            self.query_one("#next", Button).focus()
        self.show_detail()
        self.refresh_bindings()

    def selected(self) -> dict | None:
        highlighted = self.query_one("#due-now", OptionList).highlighted
        if highlighted is None or highlighted >= len(self.due):
            return None
        return self.due[highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        item = self.selected()
        detail = self.query_one("#checkin-review-detail", Static)
        if item is None:
            detail.update("")
            return
        lines = ["[dim]Who:[/dim] $who  [dim]When:[/dim] $when"]
        if item["success"]:
            lines.append("[dim]We'd know it works when:[/dim] $success")
        detail.update(fmt("\n".join(lines), who=item["who"] or "-",
                          when=(item["rhythm"] if item["kind"] == "ritual" else item["when"])
                          or "-", success=item["success"]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "review":
            return bool(getattr(self, "due", None))
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            self.action_next()
        elif event.button.id:
            self.action_review(event.button.id)

    @work(exclusive=True, group="checkin-review")
    async def action_review(self, outcome: str) -> None:
        from accord.ui.screens.agreement_review import KeptPrompt
        from accord.ui.screens.modals import TextPrompt

        item = self.selected()
        if item is None:
            return
        try:  # the one session file this needs, read now and in full
            owner = self.app.store.load(item["session"])
        except (ValueError, UnreadableFile) as error:
            self.notify(f"Could not open the session this agreement is in: {error}",
                        severity="error", timeout=10)
            return
        now = self.app.now()
        if outcome == "kept":
            note = await self.app.push_screen_wait(KeptPrompt(
                item["what"], now.date() + timedelta(days=lifecycle.KEPT_REVIEW_DAYS)))
        elif outcome == "retired":
            note = await self.app.push_screen_wait(TextPrompt(
                "Why retire it? A few words for future you."))
        else:
            note = await self.app.push_screen_wait(TextPrompt(
                "What needs to change? (optional) A new conversation about it will wait on "
                "the home screen for when you're ready."))
        if note is None:
            return
        started: list[Session | None] = []
        try:
            started.append(checkin.record_review(self.session, owner, item["id"],
                                                 outcome, now, note))
        except KeyError:
            self.notify("This agreement is no longer in its session file.", severity="warning",
                        timeout=6)
            self.reload()
            return
        except RuleError as error:
            self.notify(str(error), severity="warning", timeout=6)
            return
        try:
            self.app.store.save(owner)
            if started[0] is not None:
                self.app.store.save(started[0])
        except (OSError, UnreadableFile) as error:
            self.notify(f"Could not save: {error}", severity="error", timeout=10)
        self.app.save()
        if started[0] is not None:
            self.notify("A conversation about it is waiting, paused, on the home screen.")
        elif outcome == "kept":
            self.notify("Kept. Well done, both of you.")
        self.reload()

    def action_next(self) -> None:
        self.go_to(self.next_step())
