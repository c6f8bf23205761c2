"""The agreements review: every agreement both partners confirmed, across every session.

Search as you type, filter by status, soonest review first. Enter opens one with its whole
history, where it can be marked kept, retired or renegotiated.

The list is built from the summary index (:mod:`accord.ui.history`), never from whole session
files: the session behind an agreement is read only when that agreement is opened. A long
history is scanned in a thread; the last scan is shown meanwhile. The table holds a page of
rows at a time and grows as the cursor nears its end, so typing a search never waits for
thousands of rows to be drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static, Tab, Tabs

from accord.domain.lifecycle import REVIEWABLE
from accord.domain.model import Session
from accord.storage.index import IndexScan, summarise
from accord.ui import history
from accord.ui.text import fmt, plain

FILTERS = ("all", "active", "kept", "renegotiating", "retired")
#: Fixed column widths; "What" takes whatever room is left.
COLUMNS = (
    ("what", "What", 0),
    ("who", "Who", 10),
    ("when", "When", 12),
    ("since", "Since", 9),
    ("review", "Review", 9),
    ("status", "Status", 13),
)
MIN_WHAT_WIDTH = 12
#: Below this width the "Since" column is left out (it is on the review screen).
SINCE_FROM_WIDTH = 96
#: Rows put in the table at a time; more are added as the cursor comes near the end.
PAGE = 50


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(slots=True)
class Entry:
    """One agreement: its row (:func:`accord.storage.views.agreement_rows`) and the
    case-folded text a search looks through."""

    row: dict
    haystack: str

    @property
    def session_id(self) -> str:
        return self.row["session"]

    @property
    def agreement_id(self) -> str:
        return self.row["id"]

    @property
    def what(self) -> str:
        return self.row["what"]

    @property
    def status(self) -> str:
        return self.row["status"]

    @property
    def review_on(self) -> date | None:
        return _day(self.row["review_on"])

    @property
    def starts(self) -> date | None:
        return _day(self.row["starts"])

    def matches(self, words: list[str]) -> bool:
        """Every word appears somewhere in what, who, when, rhythm, topic, issue or names."""
        return all(word in self.haystack for word in words)


def _sorted(entries: list[Entry]) -> list[Entry]:
    """Soonest review first (no review date last); ISO dates sort as the days do."""
    entries.sort(key=lambda e: (e.row["review_on"] == "", e.row["review_on"], e.row["id"]))
    return entries


def index_entries(scan: IndexScan) -> list[Entry]:
    """Every confirmed agreement in the index."""
    return _sorted([Entry(row, text) for summary in scan.summaries
                    for row, text in zip(summary["agreements"], summary["search"], strict=True)])


def entries_for(scan: IndexScan) -> list[Entry]:
    """:func:`index_entries` of a scan, made once per scan (a thread may make them first)."""
    entries = getattr(scan, "_review_entries", None)
    if entries is None:
        entries = scan._review_entries = index_entries(scan)
    return entries


def all_entries(sessions: list[Session]) -> list[Entry]:
    """Every confirmed agreement of these sessions (the same entries the index gives)."""
    return index_entries(IndexScan(summaries=[summarise(session) for session in sessions]))


def filtered(entries: list[Entry], status: str, search: str) -> list[Entry]:
    words = search.casefold().split()
    return [
        e for e in entries
        if (status == "all" or e.status == status) and e.matches(words)
    ]


def short_date(day: date | None, today: date) -> str:
    if day is None:
        return ""
    return f"{day:%d %b}" if day.year == today.year else f"{day:%d %b %y}"


def how_often(row: dict) -> str:
    """A ritual's rhythm, else when it happens."""
    return row["rhythm"] if row["kind"] == "ritual" and row["rhythm"] else row["when"]


def is_due(entry: Entry, today: str) -> bool:
    """Whether its review date (ISO, like ``today``) has come and it is still being lived."""
    on = entry.row["review_on"]
    return entry.status in REVIEWABLE and bool(on) and on <= today


class AgreementsScreen(Screen):
    HELP_TOPIC = "agreements"
    CSS_PATH = "agreements.tcss"
    BINDINGS = [
        Binding("escape,h", "home", "Home", id="agreements.home"),
        Binding("slash", "search", "Search", id="agreements.search"),
        Binding("f", "next_filter", "Filter", id="agreements.filter"),
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    def __init__(self, status: str = "all") -> None:
        super().__init__()
        self.status = status
        self.entries: list[Entry] = []
        self._summaries: list[dict] = []  # those the entries were made from
        self._last_filter: tuple[str, str, list[Entry]] | None = None
        self.shown: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="agreements-title")
        yield Input(placeholder="Search: type a word (/)", id="search", compact=True,
                    max_length=80)
        yield Tabs(*(Tab(name.capitalize(), id=f"filter-{name}") for name in FILTERS),
                   active=f"filter-{self.status}", id="filters")
        yield DataTable(id="agreement-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="agreement-line")
        yield Static("", id="agreements-problems")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._what_width = 0
        self._scanning = self._rescan = False
        self._scanned_once = False
        last = history.last_scan(self.app)
        if last is not None:  # shown at once; a fresh scan follows once it is on screen
            self.show_scan(last)
            self.call_after_refresh(self.reload)
        else:
            self.reload()
        self.query_one(DataTable).focus()
        self.call_after_refresh(self.on_resize)

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Scan again (only changed files are read): a review saved elsewhere shows at once.
        A long history is scanned in a thread."""
        if not history.long_history(self.app):
            self.show_scan(history.scan(self.app))
        elif self._scanning:
            self._rescan = True
        else:
            self._scanning = True
            if not self._scanned_once and not self.entries:
                self.query_one("#agreements-title", Static).update(
                    fmt("[b]Our agreements[/b]  [dim]looking through your sessions…[/dim]"))
            self.scan_in_background()

    @work(thread=True, group="agreements-scan", exit_on_error=False)
    def scan_in_background(self) -> None:
        try:
            scan = history.scan(self.app)
            entries_for(scan)
            history.settle_memory()
        except BaseException:
            self.app.call_from_thread(self._scanned, None)
            raise
        self.app.call_from_thread(self._scanned, scan)

    def _scanned(self, scan: IndexScan | None) -> None:
        self._scanning = False
        if scan is not None:
            self.show_scan(scan)
        if self._rescan:
            self._rescan = False
            self.reload()

    def show_scan(self, scan: IndexScan) -> None:
        same = (len(scan.summaries) == len(self._summaries)
                and all(a is b for a, b in zip(scan.summaries, self._summaries, strict=True)))
        if same and self._scanned_once and not scan.problems:
            return  # nothing changed since the list was made
        self._scanned_once = True
        self._summaries = scan.summaries
        self.entries = entries_for(scan)
        self._last_filter = None
        problems = self.query_one("#agreements-problems", Static)
        if scan.problems:
            lines = "\n".join(str(p) for p in scan.problems)
            problems.update(fmt("[b $warning]Not read (left untouched):[/]\n$l", l=lines))
        else:
            problems.update("")
        self.refill()

    def today(self) -> date:
        return self.app.now().date()

    def refill(self) -> None:
        table = self.query_one(DataTable)
        keep = self.selected()
        search = self.query_one("#search", Input).value
        # Typing on narrows the last search: only what it showed needs looking through.
        last = self._last_filter
        base = self.entries
        if last is not None and last[0] == self.status and last[1] and search.startswith(last[1]):
            base = last[2]
        shown = filtered(base, self.status, search)
        self._last_filter = (self.status, search, shown)
        if table.columns and self.what_width() == self._what_width and len(shown) == len(
                self.shown) and all(a is b for a, b in zip(shown, self.shown, strict=True)):
            self.update_title(search)  # the same rows: nothing to draw again
            return
        self.shown = shown
        if self.what_width() != self._what_width or not table.columns:
            self._what_width = self.what_width()
            table.clear(columns=True)
            for key, label, width in self.columns():
                table.add_column(label, key=key, width=width or self._what_width)
        else:
            table.clear()
        row = 0
        if keep is not None:
            row = next((n for n, e in enumerate(self.shown)
                        if (e.session_id, e.agreement_id) == (keep.session_id,
                                                               keep.agreement_id)), 0)
        self.add_rows(up_to=max(PAGE, row + 1))
        if row:
            table.move_cursor(row=row)
        self.update_title(search)
        self.show_line()

    def add_rows(self, up_to: int) -> None:
        """Put the shown entries into the table up to row ``up_to``."""
        table = self.query_one(DataTable)
        today = self.today()
        keys = [key.value for key in table.columns]
        for entry in self.shown[table.row_count:up_to]:
            row = entry.row
            review = short_date(entry.review_on, today)
            if is_due(entry, today.isoformat()):
                review_cell = fmt("[b $warning]$d[/]", d=review)
            else:
                review_cell = plain(review)
            cells = {
                "what": plain(row["what"]), "who": plain(row["who"]),
                "when": plain(how_often(row)), "since": plain(short_date(entry.starts, today)),
                "review": review_cell, "status": plain(row["status"]),
            }
            # Agreement ids are unique per session; a hand-edited file may reuse one elsewhere.
            table.add_row(*(cells[key] for key in keys),
                          key=f"{entry.session_id}/{entry.agreement_id}")

    def update_title(self, search: str) -> None:
        total, shown = len(self.entries), len(self.shown)
        if not total:
            note = "none yet: they appear here once both of you confirm one"
        elif shown == total:
            note = f"{total} in all, soonest review first"
        else:
            note = f"{shown} of {total} shown"
        self.query_one("#agreements-title", Static).update(
            fmt("[b]Our agreements[/b]  [dim]$n · Enter opens one[/dim]", n=note)
        )
        if total and not shown:
            self.query_one("#agreements-problems", Static).update(
                fmt("[dim]Nothing matches. Try another word, or the All filter (f).[/dim]")
                if search or self.status != "all" else ""
            )

    def on_resize(self) -> None:
        if self.what_width() != self._what_width:
            self.refill()

    def columns(self) -> list[tuple[str, str, int]]:
        wide = self.size.width >= SINCE_FROM_WIDTH
        return [c for c in COLUMNS if wide or c[0] != "since"]

    def what_width(self) -> int:
        """The "What" column gets whatever room the other columns leave."""
        others = sum(width + 2 for _, _, width in self.columns() if width)
        return max(MIN_WHAT_WIDTH, self.size.width - others - 6)

    def selected(self) -> Entry | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row is None or table.row_count == 0:
            return None
        return self.shown[min(table.cursor_row, len(self.shown) - 1)]

    # -- events and actions --------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus and event.key in ("down", "tab"):
            self.query_one(DataTable).focus()
            event.stop()
            event.prevent_default()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        status = (event.tab.id or "filter-all").removeprefix("filter-")
        if status != self.status:
            self.status = status
            self.refill()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(DataTable)
        if table.row_count < len(self.shown) and event.cursor_row >= table.row_count - PAGE // 4:
            self.add_rows(up_to=table.row_count + PAGE)
        self.show_line()

    def show_line(self) -> None:
        """The highlighted agreement in full, under the table, where a cell cuts it short."""
        entry = self.selected()
        line = self.query_one("#agreement-line", Static)
        if entry is None:
            line.update("")
            return
        line.update(fmt("$what  [dim]· from $topic[/dim]", what=entry.what,
                        topic=entry.row["topic"]))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        entry = self.selected()
        if entry is not None:
            self.open(entry)

    def open(self, entry: Entry) -> None:
        from accord.ui.screens.agreement_review import AgreementReviewScreen

        self.app.push_screen(AgreementReviewScreen(entry.session_id, entry.agreement_id))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_next_filter(self) -> None:
        tabs = self.query_one(Tabs)
        current = (tabs.active or "filter-all").removeprefix("filter-")
        tabs.active = f"filter-{FILTERS[(FILTERS.index(current) + 1) % len(FILTERS)]}"

    def action_home(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            search.value = ""
            self.query_one(DataTable).focus()
            return
        self.app.pop_screen()
