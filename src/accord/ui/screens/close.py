"""Close: each partner confirms each agreement, one appreciation each, then save."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Static

from accord.domain import rules
from accord.domain.model import PARTNER_IDS, STEP_TITLES, Step
from accord.domain.session import Session
from accord.domain.summary import minutes_and_seconds, plural
from accord.ui.keys import KeyButton
from accord.ui.screens.agree import agreement_line
from accord.ui.screens.base import SessionScreen
from accord.ui.text import fmt
from accord.ui.widgets.in_order import Input
from accord.ui.widgets.marks import Tick


class CloseScreen(SessionScreen):
    STEP = Step.CLOSE
    CSS_PATH = "close.tcss"
    BINDINGS = [
        Binding("ctrl+n", "close", "Save and close", priority=True, id="session.next"),
        Binding("b", "back", "Back to agree", show=False, id="close.back"),
    ]

    def compose_body(self) -> Iterable[Widget]:
        session = self.session
        with VerticalScroll(id="close"):
            if session.agreements:
                yield Static(fmt("[b]Read each agreement. Each of you confirms only what you "
                                 "stand behind.[/b]"), classes="lead")
            else:
                yield Static("No agreements were written this time. That's all right: "
                             "being heard counts too.", classes="lead")
            for n, item in enumerate(session.agreements):
                issue = session.issue(item.issue_id)
                with Vertical(classes="agreement"):
                    yield Static(fmt("[dim]$issue[/dim]\n[b]$line[/b]", issue=issue.title,
                                     line=agreement_line(item)))
                    if item.success:
                        yield Static(fmt("[dim]We'll know it works when:[/dim] $s",
                                         s=item.success))
                    with Horizontal(classes="confirmations"):
                        for pid in PARTNER_IDS:
                            yield Tick(fmt("$name confirms", name=session.name(pid)),
                                           value=pid in item.confirmed_by, id=f"c{n}-{pid}",
                                           compact=True)
            yield Static(fmt("[b]One appreciation each[/b] [dim](optional)[/dim]"),
                         classes="lead")
            for pid in PARTNER_IDS:
                other = session.name(session.other(pid))
                yield Input(session.appreciations.get(pid, ""),
                            placeholder=f"{session.name(pid)}: something I appreciate about "
                            f"{other}", id=f"thanks-{pid}", compact=True, max_length=300,
                            select_on_focus=False)
        with Horizontal(id="close-actions"):
            yield KeyButton("Save and close", "session.next", id="close-session",
                            variant="primary")
            yield KeyButton(f"Back to {STEP_TITLES[self.previous_step()].lower()}", "close.back",
                            id="back")

    def on_mount(self) -> None:
        first = self.query(Checkbox).first() if self.session.agreements else None
        (first or self.query_one("#thanks-a", Input)).focus()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        index, pid = (event.checkbox.id or "c0-a")[1:].split("-")
        item = self.session.agreements[int(index)]
        self.apply(lambda: rules.confirm(self.session, item.id, pid, self.app.now(),
                                         yes=event.value))

    def collect_draft(self) -> None:
        for pid in PARTNER_IDS:
            rules.set_appreciation(self.session, pid,
                                   self.query_one(f"#thanks-{pid}", Input).value, self.app.now())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.collect_draft()
        self.app.save()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "close-session":
            self.action_close()
        elif event.button.id == "back":
            self.action_back()

    def action_back(self) -> None:
        self.go_to(self.previous_step())

    def action_close(self) -> None:
        self.app.call_after_keys(self._close)

    @work(exclusive=True, group="close")
    async def _close(self) -> None:
        from accord.ui.screens.modals import Confirm

        self.collect_draft()
        unconfirmed = [a for a in self.session.agreements if not a.confirmed_by_both]
        if unconfirmed:
            count = len(unconfirmed)
            go_on = await self.app.push_screen_wait(Confirm(
                f"{count} agreement{'s are' if count > 1 else ' is'} not confirmed by both of "
                "you, and will be kept only as a draft, not as agreed. Close anyway?",
                yes="Close anyway", no="Go back",
            ))
            if not go_on:
                return
        if self.apply(lambda: rules.close_session(self.session, self.app.now())):
            if self.session.seeded_from:
                finish_renegotiation(self.app, self.session)
            self.app.show_step()


def finish_renegotiation(app, session: Session) -> None:
    """A renegotiation closed: its new agreement replaces the old one, in both files."""
    from accord.domain import lifecycle
    from accord.storage.store import UnreadableFile

    try:
        old_session = app.store.load(lifecycle.owner_session_id(session.seeded_from))
        replacement = lifecycle.finish_renegotiation(old_session, session, app.now())
    except (UnreadableFile, ValueError, KeyError) as error:
        app.notify(f"Could not link the agreement it replaces: {error}", severity="warning")
        return
    if replacement is None:
        app.notify("Nothing new was agreed for the old agreement; it waits, marked as being "
                   "renegotiated, in the agreements list.")
        return
    try:
        app.store.save(old_session)
    except (OSError, UnreadableFile) as error:
        app.notify(f"Could not save the old agreement's file: {error}", severity="error")
        return
    app.save()


def summary_text(session: Session, saved_to: str):
    """What was saved, the talk time and the time-outs, down to "Agreed by both:"; the
    agreements themselves are :func:`agreed_lines`."""
    talk = session.talk_seconds()
    lines = ["[b]Saved.[/b] $where", ""]
    if session.turns:
        lines.append("Talk time: $ta for $a, $tb for $b, over $turns.")
    lines += ["Time-outs: $timeouts.", ""]
    if session.next_checkin:
        lines += ["Next check-in: $next.", ""]
    lines.append("[b]Agreed by both:[/b]" if session.agreed else "No agreements this time.")
    values = {
        "where": saved_to, "a": session.name("a"), "b": session.name("b"),
        "ta": minutes_and_seconds(talk["a"]), "tb": minutes_and_seconds(talk["b"]),
        "turns": plural(len(session.turns), "turn"), "timeouts": len(session.timeouts) or "none",
        "next": f"{session.next_checkin:%A %d %B}" if session.next_checkin else "",
    }
    return fmt("\n".join(lines), **values)


def agreed_lines(session: Session) -> Iterable[Widget]:
    """Each agreement both confirmed, a bullet beside it, its wrapped lines under its first
    (not under the bullet); then where to find them again."""
    for item in session.agreed:
        with Horizontal(classes="agreed"):
            yield Static("•", classes="bullet")
            yield Static(fmt("$g", g=agreement_line(item)), classes="what")
    if session.agreed:
        yield Static("Each comes up for review on its date: look for it on the home screen.",
                     classes="after")


class DoneScreen(SessionScreen):
    STEP = Step.DONE
    BINDINGS = [Binding("h", "home", "Home", id="done.home")]
    DEFAULT_CSS = """
    DoneScreen #summary { padding: 1 2 0 2; height: auto; }
    DoneScreen .agreed { height: auto; padding: 0 2 0 4; }
    DoneScreen .agreed .bullet { width: 2; }
    DoneScreen .agreed .what { width: 1fr; height: auto; }
    DoneScreen .after { padding: 1 2; height: auto; }
    DoneScreen #done-actions { height: 3; padding: 0 2; }
    """

    def compose_body(self) -> Iterable[Widget]:
        path = self.app.store.session_path(self.session.id)
        with VerticalScroll():
            yield Static(summary_text(self.session, str(path)), id="summary")
            yield from agreed_lines(self.session)
        with Horizontal(id="done-actions"):
            yield KeyButton("Home", "done.home", id="home", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_home()

    def action_home(self) -> None:
        self.app.leave_session(pause=False)

    def action_pause(self) -> None:
        self.action_home()
