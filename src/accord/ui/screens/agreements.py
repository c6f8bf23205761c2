"""The agreements review: every agreement both partners confirmed, across every session.

Search as you type, filter by status, soonest review first. Enter opens one with its whole
history, where it can be marked kept, retired or renegotiated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static, Tab, Tabs

from accord.domain.model import Agreement, AgreementStatus, Session
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


@dataclass
class Entry:
    """One agreement and the session it came from."""

    session: Session
    agreement: Agreement

    @property
    def issue_title(self) -> str:
        try:
            return self.session.issue(self.agreement.issue_id).title
        except KeyError:
            return ""

    def matches(self, words: list[str]) -> bool:
        """Every word appears somewhere in what, who, when, rhythm, topic or issue."""
        item = self.agreement
        haystack = " ".join((item.what, item.who, item.when, item.rhythm, item.success,
                             self.session.topic, self.issue_title,
                             self.session.name("a"), self.session.name("b"))).casefold()
        return all(word in haystack for word in words)


def all_entries(sessions: list[Session]) -> list[Entry]:
    """Every confirmed agreement, soonest review first (no review date last)."""
    entries = [
        Entry(session, item)
        for session in sessions
        for item in session.agreements
        if item.status != AgreementStatus.DRAFT
    ]
    entries.sort(key=lambda e: (e.agreement.review_on is None,
                                e.agreement.review_on or date.max, e.agreement.id))
    return entries


def filtered(entries: list[Entry], status: str, search: str) -> list[Entry]:
    words = search.casefold().split()
    return [
        e for e in entries
        if (status == "all" or e.agreement.status.value == status) and e.matches(words)
    ]


def short_date(day: date | None, today: date) -> str:
    if day is None:
        return ""
    return f"{day:%d %b}" if day.year == today.year else f"{day:%d %b %y}"


def how_often(item: Agreement) -> str:
    return item.rhythm if item.kind == "ritual" and item.rhythm else item.when


def is_due(item: Agreement, today: date) -> bool:
    from accord.domain.lifecycle import REVIEWABLE

    return item.status in REVIEWABLE and item.review_on is not None and item.review_on <= today


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
        self.reload()
        self.query_one(DataTable).focus()
        self.call_after_refresh(self.on_resize)

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read every session again: a review saved elsewhere shows at once."""
        scan = self.app.store.scan()
        self.entries = all_entries(scan.sessions)
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
        self.shown = filtered(self.entries, self.status, search)
        today = self.today()
        if self.what_width() != self._what_width or not table.columns:
            self._what_width = self.what_width()
            table.clear(columns=True)
            for key, label, width in self.columns():
                table.add_column(label, key=key, width=width or self._what_width)
        else:
            table.clear()
        for entry in self.shown:
            item = entry.agreement
            review = short_date(item.review_on, today)
            if is_due(item, today):
                review_cell = fmt("[b $warning]$d[/]", d=review)
            else:
                review_cell = plain(review)
            cells = {
                "what": plain(item.what), "who": plain(item.who), "when": plain(how_often(item)),
                "since": plain(short_date(item.starts, today)), "review": review_cell,
                "status": plain(item.status.value),
            }
            # Agreement ids are unique per session; a hand-edited file may reuse one elsewhere.
            table.add_row(*(cells[key.value] for key in table.columns),
                          key=f"{entry.session.id}/{item.id}")
        if keep is not None:
            for row, entry in enumerate(self.shown):
                if entry.agreement.id == keep.agreement.id:
                    table.move_cursor(row=row)
        self.update_title(search)
        self.show_line()

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
        self.show_line()

    def show_line(self) -> None:
        """The highlighted agreement in full, under the table, where a cell cuts it short."""
        entry = self.selected()
        line = self.query_one("#agreement-line", Static)
        if entry is None:
            line.update("")
            return
        line.update(fmt("$what  [dim]· from $topic[/dim]", what=entry.agreement.what,
                        topic=entry.session.topic))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        entry = self.selected()
        if entry is not None:
            self.open(entry)

    def open(self, entry: Entry) -> None:
        from accord.ui.screens.agreement_review import AgreementReviewScreen

        self.app.push_screen(AgreementReviewScreen(entry.session.id, entry.agreement.id))

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
