"""The home screen: start, resume, review, and any file that could not be read."""

from __future__ import annotations

import os

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from accord.guide import SAFETY_LINE
from accord.storage.index import Index, IndexScan
from accord.ui.keys import QUIT_KEY
from accord.ui.text import fmt

BACKGROUND_SCAN_FILES = 100  # folders with more session files than this are read in a thread


def many_files(folder) -> bool:
    try:
        with os.scandir(folder) as entries:
            count = sum(1 for entry in entries if entry.name.endswith(".session.toml"))
    except OSError:
        return False
    return count > BACKGROUND_SCAN_FILES


def summary_option(summary: dict) -> Option:
    """One paused conversation, from its summary in the index."""
    row = summary["row"]
    text = fmt(
        "[b]$topic[/b]  [dim]$names · $when[/dim]\n  $where",
        topic=row["topic"],
        names=" & ".join(summary["names"]),
        when=summary["when"],
        where=row["where"],
    )
    return Option(text, id=row["id"])


class HomeScreen(Screen):
    HELP_TOPIC = "home"
    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("n", "new_session", "New session", id="home.new"),
        Binding("r", "resume", "Resume", id="home.resume"),
        Binding("a", "agreements", "Agreements", id="home.agreements"),
        QUIT_KEY,
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(fmt("[b]accord[/b]  [dim]one disagreement at a time[/dim]"), id="title")
            yield Static(SAFETY_LINE, id="safety-line")
            with Horizontal(id="home-actions"):
                yield Button("New session  n", id="new", variant="primary")
                yield Button("Agreements  a", id="agreements")
                yield Button("Time-out  ^T", id="timeout-button", action="app.timeout")
            yield Static("", id="due")
            yield Static(fmt("[b]Paused conversations[/b]"), id="paused-title")
            yield OptionList(id="paused")
            yield Static("", id="problems")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.refresh_lists()

    def on_screen_resume(self) -> None:
        self.refresh_lists()

    _scanning = False  # a background scan is under way
    _rescan = False  # and another is wanted when it ends (something may have changed since)

    def refresh_lists(self) -> None:
        """Small folders are read at once; a long history in the background, so the screen
        is there at once and the list follows."""
        if not many_files(self.app.store.root):
            self.show_lists(Index(self.app.store).scan())
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
            scan = Index(self.app.store).scan()
        except BaseException:
            self.app.call_from_thread(self._scanned, None)
            raise
        self.app.call_from_thread(self._scanned, scan)

    def _scanned(self, scan: IndexScan | None) -> None:
        self._scanning = False
        if scan is not None:
            self.show_lists(scan)
        if self._rescan:
            self._rescan = False
            self.refresh_lists()

    def show_lists(self, scan: IndexScan) -> None:
        from datetime import date

        sessions = scan.resumable()
        paused = self.query_one("#paused", OptionList)
        paused.clear_options()
        if sessions:
            paused.add_options(summary_option(s) for s in sessions)
            paused.highlighted = 0
        else:
            paused.add_option(Option(fmt("[dim]Nothing paused.[/dim]"), disabled=True))
        today = date.today().isoformat()
        due = sum(
            1
            for s in scan.summaries
            for a in s["agreements"]
            if a["status"] == "active" and a["review_on"] and a["review_on"] <= today
        )
        self.query_one("#due", Static).update(
            fmt("[b]$n[/b] agreement$s due for review: press [b]a[/b].", n=due, s="" if due == 1
                else "s")
            if due
            else ""
        )
        problems = self.query_one("#problems", Static)
        if scan.problems:
            lines = "\n".join(f"  {p}" for p in scan.problems)
            problems.update(
                fmt("[b $warning]Some files could not be read (left untouched):[/]\n$lines",
                    lines=lines)
            )
        else:
            problems.update("")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "new":
            self.action_new_session()
        elif event.button.id == "agreements":
            self.action_agreements()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_session(event.option.id)

    def action_new_session(self) -> None:
        from accord.ui.screens.setup import SetupScreen

        self.app.push_screen(SetupScreen())

    def action_resume(self) -> None:
        paused = self.query_one("#paused", OptionList)
        if paused.highlighted is None:
            return
        option = paused.get_option_at_index(paused.highlighted)
        if option.id:
            self.app.open_session(option.id)

    def action_agreements(self) -> None:
        from accord.ui.screens.agreements import AgreementsScreen

        self.app.push_screen(AgreementsScreen())
