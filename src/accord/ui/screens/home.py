"""The home screen: start, resume, review, and any file that could not be read."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from accord.guide import SAFETY_LINE
from accord.ui import history
from accord.ui.keys import KeyButton, key_for
from accord.ui.laid_out import LaidOutOnce
from accord.ui.text import fmt
from accord.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from accord.storage.index import IndexScan

#: The home screen lists this many agreements to look at; the review (a) has them all.
DUE_SHOWN = 20
#: At start-up a long history is read this long after the home screen is drawn, so the first
#: keys are answered at once (reading the index file holds the interpreter for a moment).
START_SCAN_DELAY = 0.3
#: Once the lists are shown, the agreements review's style sheets are read this much later.
WARM_REVIEW_DELAY = 0.1


def session_option(summary: dict) -> Option:
    """A paused session, from its summary in the index."""
    row = summary["row"]
    text = fmt(
        "[b]$topic[/b]  [dim]$names · $when[/dim]\n  $where",
        topic=row["topic"],
        names=" & ".join(summary["names"]),
        when=summary["when"],
        where=row["where"],
    )
    return Option(text, id=row["id"])


def due_option(row: dict, today: date) -> Option:
    """An agreement whose review is due or coming up, from its row in the index."""
    days = (date.fromisoformat(row["review_on"]) - today).days
    if days <= 0:
        when = "[b $warning]due now[/]  "
    else:
        when = f"[dim]in {days} day{'s' if days != 1 else ''}[/dim]  "
    return Option(fmt(when + "$what  [dim]· $topic[/dim]", what=row["what"],
                      topic=row["topic"]),
                  id=f"{row['session']}/{row['id']}")


class HomeScreen(LaidOutOnce, history.FollowsHistory, Screen):
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
            due_list = OptionList(id="due-list")
            due_list.display = False  # until there is something due: no empty box meanwhile
            yield due_list
            yield Static(fmt("[b]Paused sessions[/b]"), id="paused-title")
            yield OptionList(id="paused")
            yield Static("", id="problems")
        yield KeyFooter()

    _review_warm = False  # the review's style sheets are read (warm_review)

    def warm_review(self) -> None:
        """The agreements review's style sheets, read while nothing else is asked of the app,
        so that its first paint (a) does not wait for them."""
        from accord.ui.screens.agreements import warm_styles

        warm_styles(self.app)

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown, so the lists are read once at start-up.
        self.refresh_lists()

    def refresh_lists(self) -> None:
        """A small folder is read at once; a long history in a thread, so the screen is there
        at once and the lists follow (at start-up a moment later: keys are answered first)."""
        self.follow_history(START_SCAN_DELAY if history.last_scan(self.app) is None else 0)

    def scanning_started(self) -> None:
        paused = self.query_one("#paused", OptionList)
        if not paused.option_count:
            paused.add_option(
                Option(fmt("[dim]Looking through your sessions…[/dim]"), disabled=True))

    @work(thread=True, group="home-read-ahead", exclusive=True, exit_on_error=False)
    def read_ahead(self, session_id: str) -> None:
        """The session r would resume, read and rendered before it is asked for."""
        from accord.ui import preload

        preload.read_ahead(self.app, session_id)

    def show_scan(self, scan: IndexScan) -> None:
        if not self._review_warm:
            self._review_warm = True
            self.set_timer(WARM_REVIEW_DELAY, self.warm_review)
        sessions = scan.resumable()
        paused = self.query_one("#paused", OptionList)
        paused.clear_options()
        if sessions:
            paused.add_options(session_option(s) for s in sessions)
            paused.highlighted = 0
            # At once: r is the likeliest first key here, and a long session takes a while to
            # read (other keys are answered meanwhile, a little later than they would be).
            self.read_ahead(sessions[0]["row"]["id"])
        else:
            paused.add_option(Option(fmt("[dim]Nothing paused.[/dim]"), disabled=True))
        self.show_due(scan, self.app.now().date())
        problems = self.query_one("#problems", Static)
        if scan.problems:
            lines = "\n".join(f"  {p}" for p in scan.problems)
            problems.update(
                fmt("[b $warning]Some files could not be read (left untouched):[/]\n$lines",
                    lines=lines)
            )
        else:
            problems.update("")

    def show_due(self, scan: IndexScan, today: date) -> None:
        """Agreements whose review date has come, then those coming up soon."""
        due, upcoming = scan.due(today)
        title = self.query_one("#due", Static)
        listing = self.query_one("#due-list", OptionList)
        listing.clear_options()
        listing.display = bool(due or upcoming)
        planned = scan.next_checkin()
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
        listing.add_options(due_option(d, today) for d in (due + upcoming)[:DUE_SHOWN])
        if len(due) + len(upcoming) > DUE_SHOWN:
            listing.add_option(Option(fmt("[dim]$n more: press a for all your agreements[/dim]",
                                          n=len(due) + len(upcoming) - DUE_SHOWN),
                                      disabled=True))
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
