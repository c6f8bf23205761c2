"""The agreements review: every agreement both partners confirmed, across every session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from accord.storage.index import Index
from accord.ui.keys import QUIT_KEY
from accord.ui.text import fmt, plain

COLUMNS = (
    ("what", "What", None),
    ("who", "Who", 14),
    ("when", "When", 16),
    ("review_on", "Review", 10),
    ("status", "Status", 9),
    ("topic", "From", 18),
)


class AgreementsScreen(Screen):
    HELP_TOPIC = "agreements"
    BINDINGS = [
        Binding("escape,h", "app.pop_screen", "Home", id="agreements.home"),
        QUIT_KEY,
        Binding("question_mark", "app.help", "Help", show=False),
    ]
    DEFAULT_CSS = """
    AgreementsScreen #agreements-title { padding: 1 2 0 2; height: auto; }
    AgreementsScreen DataTable { height: 1fr; margin: 1 1 0 1; }
    AgreementsScreen #agreements-problems { height: auto; max-height: 5; padding: 0 2; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="agreements-title")
        yield DataTable(id="agreement-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="agreements-problems")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        scan = Index(self.app.store).scan()
        rows = scan.agreement_rows()
        table = self.query_one(DataTable)
        for key, label, width in COLUMNS:
            table.add_column(label, key=key, width=width)
        for row in rows:
            table.add_row(*(plain(str(row[key])) for key, _, _ in COLUMNS))
        count = len(rows)
        self.query_one("#agreements-title", Static).update(
            fmt("[b]Our agreements[/b]  [dim]$n, soonest review first · Esc to go home[/dim]",
                n=f"{count} in all" if count else "none yet")
        )
        if scan.problems:
            lines = "\n".join(str(p) for p in scan.problems)
            self.query_one("#agreements-problems", Static).update(
                fmt("[b $warning]Not read (left untouched):[/]\n$l", l=lines)
            )
        table.focus()
