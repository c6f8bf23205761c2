"""The home screen: start, resume, review, and any file that could not be read."""

from __future__ import annotations

import os
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from accord.domain import lifecycle
from accord.domain.model import Session, Status
from accord.domain.summary import where_we_left_off
from accord.guide import SAFETY_LINE
from accord.storage.store import ScanResult
from accord.ui.keys import KeyButton, key_for
from accord.ui.text import fmt

BACKGROUND_SCAN_FILES = 100  # folders with more session files than this are read in a thread


def many_files(folder) -> bool:
    """Whether the folder holds more sessions than can be read before the screen appears."""
    try:
        with os.scandir(folder) as entries:
            count = sum(1 for entry in entries if entry.name.endswith(".session.toml"))
    except OSError:
        return False
    return count > BACKGROUND_SCAN_FILES


def resumable(sessions: list[Session]) -> list[Session]:
    """Sessions that were paused, or cut off before they could pause (a crash, a dead battery)."""
    return [s for s in sessions if s.status != Status.CLOSED]


def session_option(session: Session) -> Option:
    when = session.paused_at or session.updated
    text = fmt(
        "[b]$topic[/b]  [dim]$names · $when[/dim]\n  $where",
        topic=session.topic,
        names=f"{session.name('a')} & {session.name('b')}",
        when=f"{when:%a %d %b %H:%M}",
        where=where_we_left_off(session),
    )
    return Option(text, id=session.id)


def due_option(item: lifecycle.Due, today: date) -> Option:
    days = (item.on - today).days
    if days <= 0:
        when = "[b $warning]due now[/]  "
    else:
        when = f"[dim]in {days} day{'s' if days != 1 else ''}[/dim]  "
    return Option(fmt(when + "$what  [dim]· $topic[/dim]", what=item.agreement.what,
                      topic=item.session.topic),
                  id=f"{item.session.id}/{item.agreement.id}")


class HomeScreen(Screen):
    HELP_TOPIC = "home"
    CSS_PATH = "home.tcss"
    BINDINGS = [
        # n, a, c and p are printed on the buttons; the footer keeps room for the rest.
        Binding("n", "new_session", "New session", id="home.new", show=False),
        Binding("r", "resume", "Resume", id="home.resume"),
        Binding("a", "agreements", "Agreements", id="home.agreements", show=False),
        Binding("c", "new_session('check-in')", "Check-in", id="home.checkin", show=False),
        Binding("p", "new_session('repair')", "Repair", id="home.repair", show=False),
        Binding("w", "profiles", "Profiles", id="home.profiles"),
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(fmt("[b]accord[/b]  [dim]one disagreement at a time[/dim]"), id="title")
            yield Static(SAFETY_LINE, id="safety-line")
            with Horizontal(id="home-actions"):
                yield KeyButton("New session", "home.new", id="new", variant="primary")
                yield KeyButton("Check-in", "home.checkin", id="checkin")
                yield KeyButton("Repair", "home.repair", id="repair")
                yield KeyButton("Agreements", "home.agreements", id="agreements")
                yield KeyButton("Time-out", "accord.timeout", id="timeout-button",
                                action="app.timeout")
            yield Static("", id="due")
            yield OptionList(id="due-list")
            yield Static(fmt("[b]Paused sessions[/b]"), id="paused-title")
            yield OptionList(id="paused")
            yield Static("", id="problems")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_lists()

    def on_screen_resume(self) -> None:
        self.refresh_lists()

    _scanning = False  # a background read of the folder is under way
    _rescan = False  # and another is wanted when it ends (something may have changed since)

    def refresh_lists(self) -> None:
        """A small folder is read at once; a long history in a thread, so the screen is there
        at once and the lists follow."""
        if not many_files(self.app.store.root):
            self.show_lists(self.app.store.scan())
        elif self._scanning:
            self._rescan = True
        else:
            self._scanning = True
            paused = self.query_one("#paused", OptionList)
            if not paused.option_count:
                paused.add_option(
                    Option(fmt("[dim]Looking through your sessions…[/dim]"), disabled=True))
            self.scan_in_background()

    @work(thread=True, group="home-scan", exit_on_error=False)
    def scan_in_background(self) -> None:
        try:
            scan = self.app.store.scan()
        except BaseException:
            self.app.call_from_thread(self._scanned, None)
            raise
        self.app.call_from_thread(self._scanned, scan)

    def _scanned(self, scan: ScanResult | None) -> None:
        self._scanning = False
        if scan is not None:
            self.show_lists(scan)
        if self._rescan:
            self._rescan = False
            self.refresh_lists()

    def show_lists(self, scan: ScanResult) -> None:
        sessions = resumable(scan.sessions)
        paused = self.query_one("#paused", OptionList)
        paused.clear_options()
        if sessions:
            paused.add_options(session_option(s) for s in sessions)
            paused.highlighted = 0
        else:
            paused.add_option(Option(fmt("[dim]Nothing paused.[/dim]"), disabled=True))
        self.show_due(scan.sessions, self.app.now().date())
        problems = self.query_one("#problems", Static)
        if scan.problems:
            lines = "\n".join(f"  {p}" for p in scan.problems)
            problems.update(
                fmt("[b $warning]Some files could not be read (left untouched):[/]\n$lines",
                    lines=lines)
            )
        else:
            problems.update("")

    def show_due(self, sessions: list[Session], today: date) -> None:
        """Agreements whose review date has come, then those coming up soon."""
        due, upcoming = lifecycle.due(sessions, today)
        title = self.query_one("#due", Static)
        listing = self.query_one("#due-list", OptionList)
        listing.clear_options()
        listing.display = bool(due or upcoming)
        planned = lifecycle.next_checkin(sessions)
        checkin = ""
        if planned is not None:
            checkin = (f"check-in due: press {key_for(self, 'home.checkin')}" if planned <= today
                       else f"next check-in {planned:%a %d %b}")
        if not (due or upcoming):
            title.update(fmt("[dim]$c[/dim]", c=checkin[:1].upper() + checkin[1:]) if checkin
                         else "")
            return
        title.update(fmt("[b]Agreements to look at[/b]  [dim]$n due now · Enter opens it$c[/dim]",
                         n=len(due) or "none", c=f" · {checkin}" if checkin else ""))
        listing.add_options(due_option(d, today) for d in due + upcoming)
        listing.highlighted = 0

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "new":
            self.action_new_session()
        elif event.button.id == "agreements":
            self.action_agreements()
        elif event.button.id == "checkin":
            self.action_new_session("check-in")
        elif event.button.id == "repair":
            self.action_new_session("repair")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "due-list" and event.option.id:
            from accord.ui.screens.agreement_review import AgreementReviewScreen

            session_id, _, agreement_id = event.option.id.partition("/")
            self.app.push_screen(AgreementReviewScreen(session_id, agreement_id))
        elif event.option.id:
            self.app.open_session(event.option.id)

    def action_new_session(self, kind: str = "negotiation") -> None:
        from accord.ui.screens.setup import SetupScreen

        self.app.push_screen(SetupScreen(kind))

    def action_resume(self) -> None:
        paused = self.query_one("#paused", OptionList)
        if paused.highlighted is None:
            return
        option = paused.get_option_at_index(paused.highlighted)
        if option.id:
            self.app.open_session(option.id)

    def action_profiles(self) -> None:
        from accord.ui.screens.profiles import ProfilesScreen

        self.app.push_screen(ProfilesScreen())

    def action_agreements(self) -> None:
        from accord.ui.screens.agreements import AgreementsScreen

        self.app.push_screen(AgreementsScreen())
