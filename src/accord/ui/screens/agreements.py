"""The agreements review: every agreement both partners confirmed, across every session.

Search as you type, filter by status, soonest review first. Enter opens one with its whole
history, where it can be marked kept, retired or renegotiated.

The list is built from the summary index (:mod:`accord.ui.history`), never from whole session
files: the session behind an agreement is read only when that agreement is opened. A long
history is scanned in a thread; the last scan is shown meanwhile. The table
(:class:`~accord.ui.widgets.row_table.RowTable`) draws only the rows on screen, so typing a
search never waits for thousands of rows to be drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from accord.domain.lifecycle import REVIEWABLE
from accord.domain.session import Session
from accord.lasting import held_off
from accord.storage.index import IndexScan, summarise
from accord.ui import history
from accord.ui.laid_out import LaidOutOnce
from accord.ui.text import fmt
from accord.ui.widgets.filter_tabs import FilterTabs
from accord.ui.widgets.fixed_input import FixedInput
from accord.ui.widgets.key_footer import KeyFooter
from accord.ui.widgets.row_table import Column, RowTable

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
#: How many recent searches' results are kept (a backspace shows one again at once).
KEPT_RESULTS = 32


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


def _sorted(entries: list[Entry]) -> list[Entry]:
    """Soonest review first (no review date last); ISO dates sort as the days do."""
    entries.sort(key=lambda e: (e.row["review_on"] == "", e.row["review_on"], e.row["id"]))
    return entries


def index_entries(scan: IndexScan) -> list[Entry]:
    """Every confirmed agreement in the index."""
    return _sorted([Entry(row, text) for summary in scan.summaries
                    for row, text in zip(summary["agreements"], summary["search"], strict=True)])


def same_items(one: list, other: list) -> bool:
    """Whether two lists hold the very same objects, in the same order."""
    return one is other or len(one) == len(other) and all(
        a is b for a, b in zip(one, other, strict=True))


def same_summaries(scan: IndexScan, other: IndexScan | None) -> bool:
    """Whether two scans hold the very same summaries (the index keeps a file's summary until
    the file changes, so a rescan of an unchanged folder gives the same ones)."""
    return other is not None and same_items(scan.summaries, other.summaries)


def entries_for(scan: IndexScan, earlier: IndexScan | None = None) -> list[Entry]:
    """:func:`index_entries` of a scan, made once per scan (a thread may make them first).
    An ``earlier`` scan with the same summaries gives its entries: a rescan of thousands of
    unchanged sessions does not make them all again."""
    entries = getattr(scan, "_review_entries", None)
    if entries is None:
        entries = getattr(earlier, "_review_entries", None)
        if entries is None or not same_summaries(scan, earlier):
            entries = index_entries(scan)
        scan._review_entries = entries
    return entries


def all_entries(sessions: list[Session]) -> list[Entry]:
    """Every confirmed agreement of these sessions (the same entries the index gives)."""
    return index_entries(IndexScan(summaries=[summarise(session) for session in sessions]))


def filtered(entries: list[Entry], status: str, search: str) -> list[Entry]:
    """Those with this status (or any, for "all") that have every word of the search
    somewhere in what, who, when, rhythm, topic, issue or names."""
    if status != "all":
        entries = [e for e in entries if e.row["status"] == status]
    return list(narrowed(entries, "", search))


def narrowed(earlier: list[Entry], earlier_search: str, search: str) -> list[Entry]:
    """:func:`filtered` for ``search``, given what a search it starts with left (with the same
    status): only that list is looked through, and only for the words that search lacked
    (every entry in it has those already)."""
    done = set(earlier_search.casefold().split())
    entries = earlier
    for word in search.casefold().split():  # one plain pass per word: the fastest in Python
        if word not in done:
            entries = [e for e in entries if word in e.haystack]
    return entries


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


def warm_styles(app) -> None:
    """Read the review's style sheets into the app's before the review is first opened.

    Textual reads a widget's default CSS when the first widget of its kind is mounted, and
    then indexes every rule of the app again: done while the home screen waits, the review's
    first paint does not wait for it. The sources are the very ones mounting adds, so
    mounting finds them there and adds nothing."""
    sheet = app.stylesheet
    for node in (AgreementsScreen(), FixedInput(), FilterTabs(FILTERS, "all"), RowTable()):
        for read_from, css, tie_breaker, scope in node._get_default_css():
            sheet.add_source(css, read_from=read_from, is_default_css=True,
                             tie_breaker=tie_breaker, scope=scope)
    sheet.rules_map  # noqa: B018 - parsed and indexed now


class AgreementsScreen(LaidOutOnce, history.FollowsHistory, Screen):
    HELP_TOPIC = "agreements"
    # Straight to the table: Textual would focus the search first (the first box that takes
    # focus), and moving it on restyles both and redraws the footer's keys twice.
    AUTO_FOCUS = "#agreement-table"
    # The .tcss beside this module, given as the screen's default CSS: a CSS_PATH makes
    # Textual parse every stylesheet of the app again the first time the screen opens
    # (about 40 ms); default CSS is parsed on its own.
    DEFAULT_CSS = (Path(__file__).with_name("agreements.tcss")).read_text(encoding="utf-8")
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
        #: Recent searches' results, by (status, search), for these entries.
        self._results: dict[tuple[str, str], list[Entry]] = {}
        self.shown: list[Entry] = []
        self._column_keys: list[str] = []
        self._shown_texts: dict[str, tuple[str, dict]] = {}
        self._problems = ""  # the files the last scan could not read, one a line
        self._new_scan = False
        self._resumed_once = False

    def compose(self) -> ComposeResult:
        # Building the screen makes thousands of short-lived objects: the garbage collector's
        # passes over them (a few ms in all) wait until the first frame is drawn.
        self.call_after_refresh(held_off())
        yield Static("", id="agreements-title")
        yield FixedInput(placeholder="Search: type a word (/)", id="search", compact=True,
                         max_length=80)
        yield FilterTabs(FILTERS, self.status, id="filters")
        yield RowTable(id="agreement-table")
        yield Static("", id="agreement-line")
        yield Static("", id="agreements-problems")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._what_width = 0
        self._scanned_once = False
        last = history.last_scan(self.app)
        if last is not None:  # shown at once; a fresh scan follows once it is on screen
            self.show_scan(last)
            self.call_after_refresh(self.reload)
        else:
            self.reload()
        self.query_one(RowTable).focus()
        self.watch(self.query_one("#search", Input), "value", self.search_changed, init=False)
        self.call_after_refresh(self.on_resize)

    def on_screen_resume(self) -> None:
        # The first time, on_mount has scanned already (and LaidOutOnce skips restyling).
        if self._resumed_once:  # back from an agreement's page: it may have changed
            self.reload()
        self._resumed_once = True

    def reload(self) -> None:
        """Scan again (only changed files are read): a review saved elsewhere shows at once.
        A long history is scanned in a thread."""
        self.follow_history()

    def scanning_started(self) -> None:
        if not self._scanned_once and not self.entries:
            self._show("#agreements-title",
                       "[b]Our agreements[/b]  [dim]looking through your sessions…[/dim]")

    def show_scan(self, scan: IndexScan) -> None:
        if same_items(scan.summaries, self._summaries) and self._scanned_once and (
                not scan.problems):
            return  # nothing changed since the list was made
        self._scanned_once = True
        self._summaries = scan.summaries
        self.entries = entries_for(scan)
        self._results = {}
        self._new_scan = True  # its entries are new: the highlighted one is found by its ids
        self._problems = "\n".join(str(p) for p in scan.problems)
        self.refill()

    def today(self) -> date:
        return self.app.now().date()

    def refill(self) -> None:
        table = self.query_one(RowTable)
        keep = self.selected()
        search = self.query_one("#search", Input).value
        shown = self.results(search)
        if table.columns and self.what_width() == self._what_width and same_items(
                shown, self.shown):
            self.update_title(search)  # the same rows: nothing to draw again
            return
        self.shown = shown
        if self.what_width() != self._what_width or not table.columns:
            self._what_width = self.what_width()
            self._column_keys = [key for key, _, _ in self.columns()]
            table.set_columns([Column(key, label, width or self._what_width)
                               for key, label, width in self.columns()])
        table.show(len(shown), self.cells, cursor=self.position(keep))
        self._new_scan = False
        self.update_title(search)
        self.show_line()

    def results(self, search: str) -> list[Entry]:
        """The entries the search and the status filter leave. A recent search's are kept, so
        a letter taken back costs nothing; typing on narrows the longest earlier search this
        one starts with (what it did not show cannot match more letters)."""
        key = (self.status, search)
        shown = self._results.get(key)
        if shown is None:
            for end in range(len(search) - 1, 0, -1):
                earlier = self._results.get((self.status, search[:end]))
                if earlier is not None:
                    shown = narrowed(earlier, search[:end], search)
                    break
            else:
                shown = filtered(self.entries, self.status, search)
            self._results[key] = shown
            if len(self._results) > KEPT_RESULTS:
                del self._results[next(iter(self._results))]  # the oldest
        return shown

    def position(self, entry: Entry | None) -> int:
        """Where ``entry`` (or the same agreement from a newer scan) is in the shown list."""
        if entry is None:
            return 0
        found = [other is entry for other in self.shown]  # the quickest look in Python
        if True in found:
            return found.index(True)
        if self._new_scan:
            session, agreement = entry.session_id, entry.agreement_id
            for n, other in enumerate(self.shown):
                if other.row["id"] == agreement and other.row["session"] == session:
                    return n
        return 0

    def cells(self, n: int) -> list:
        """The table's cells for the ``n``-th shown entry, asked for only while it is on screen."""
        entry = self.shown[n]
        row = entry.row
        today = self.today()
        review = short_date(entry.review_on, today)
        cells = {
            "what": row["what"], "who": row["who"], "when": how_often(row),
            "since": short_date(entry.starts, today),
            "review": (review, "due") if is_due(entry, today.isoformat()) else review,
            "status": row["status"],
        }
        return [cells[key] for key in self._column_keys]

    def update_title(self, search: str) -> None:
        total, shown = len(self.entries), len(self.shown)
        if not total:
            note = "none yet: they appear here once both of you confirm one"
        elif shown == total:
            note = f"{total} in all, soonest review first"
        else:
            note = f"{shown} of {total} shown"
        self._show("#agreements-title", "[b]Our agreements[/b]  [dim]$n · Enter opens one[/dim]",
                   n=note)
        if total and not shown and (search or self.status != "all"):
            self._show("#agreements-problems",
                       "[dim]Nothing matches. Try another word, or the All filter (f).[/dim]")
        elif self._problems:
            self._show("#agreements-problems", "[b $warning]Not read (left untouched):[/]\n$l",
                       l=self._problems)
        else:
            self._show("#agreements-problems", "")

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
        table = self.query_one(RowTable)
        if not self.shown or table.row_count == 0:
            return None
        return self.shown[min(table.cursor_row, len(self.shown) - 1)]

    # -- events and actions --------------------------------------------------------------

    def search_changed(self) -> None:
        """The list follows the search at once, inside the key press that changed it: the
        typed letter, the count and the rows then reach the screen in the same frame (a
        handler for Input.Changed runs later, and the count would follow a frame behind)."""
        self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(RowTable).focus()

    def on_key(self, event) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus and event.key in ("down", "tab"):
            self.query_one(RowTable).focus()
            event.stop()
            event.prevent_default()

    def on_filter_tabs_chosen(self, event: FilterTabs.Chosen) -> None:
        if event.name != self.status:
            self.status = event.name
            self.refill()

    def on_row_table_highlighted(self, event: RowTable.Highlighted) -> None:
        self.show_line()

    def show_line(self) -> None:
        """The highlighted agreement in full, under the table, where a cell cuts it short."""
        entry = self.selected()
        if entry is None:
            self._show("#agreement-line", "")
        else:
            self._show("#agreement-line", "$what  [dim]· from $topic[/dim]", what=entry.what,
                       topic=entry.row["topic"])

    def _show(self, static: str, markup: str, **values: str) -> None:
        """Put ``fmt(markup, **values)`` in a Static unless it is there already. The screen is
        laid out again only if the text needs more or fewer lines than the Static has now (a
        layout costs as much as drawing the list)."""
        shown = self._shown_texts.get(static)
        if shown != (markup, values):
            self._shown_texts[static] = (markup, values)
            widget = self.query_one(static, Static)
            content = fmt(markup, **values)
            width, height = widget.content_size
            widget.update(content, layout=not width or content.get_height(
                widget.styles, width) != height)

    def on_row_table_selected(self, event: RowTable.Selected) -> None:
        entry = self.selected()
        if entry is not None:
            self.open(entry)

    def open(self, entry: Entry) -> None:
        from accord.ui.screens.agreement_review import AgreementReviewScreen

        self.app.push_screen(AgreementReviewScreen(entry.session_id, entry.agreement_id))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_next_filter(self) -> None:
        filters = self.query_one(FilterTabs)
        filters.choose(FILTERS[(FILTERS.index(filters.chosen) + 1) % len(FILTERS)])

    def action_home(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            search.value = ""
            self.query_one(RowTable).focus()
            return
        self.app.pop_screen()
