"""A table of one-line rows that draws only the rows on screen.

Textual's DataTable keeps every row as a widget-owned record and renders each cell through
Rich; refilling it on every key of a search redraws every visible cell from scratch. This
table holds no rows at all: it is told how many there are and asks for the cells of a row
only when that row is on screen, so showing another search result costs the same whether
it holds twenty rows or twenty thousand. It looks like a DataTable with a row cursor and
zebra stripes, and is driven by the same keys and clicks.

Cells are plain strings, always shown literally (no markup), cut to their column's width.
A cell may be ``(text, "due")`` to draw it in the table's ``row-table--due`` style.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from accord.ui.text import printable

Cell = str | tuple[str, str]
#: Blank space on either side of each cell, as in a DataTable.
PADDING = 1


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int


def _clean(text: str) -> str:
    """One line of text a terminal shows as it is: no controls, tabs or line ends."""
    return printable(text).replace("\n", " ").replace("\t", " ")


def _fit(text: str, width: int) -> str:
    """The text in exactly ``width`` cells; a cut is marked with an ellipsis."""
    if cell_len(text) > width > 1:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


@lru_cache(maxsize=4096)
def _cell_text(text: str, width: int) -> str:
    """A cell as drawn: clean, cut to its column and padded. The same texts come back on
    every screenful (names, dates, statuses, the rows of a search taken back)."""
    pad = " " * PADDING
    return pad + _fit(_clean(text), width) + pad


class RowTable(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "row-table--header", "row-table--cursor", "row-table--hover",
        "row-table--even-row", "row-table--odd-row", "row-table--due",
    }
    # The look of a DataTable with zebra stripes and a row cursor.
    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .row-table--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .row-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .row-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .row-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .row-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .row-table--hover {
            background: $block-hover-background;
        }
        & > .row-table--due {
            color: $warning;
            text-style: bold;
        }
    }
    """
    BINDINGS = [
        Binding("enter", "select", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First", show=False),
        Binding("end,ctrl+end", "last", "Last", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True, init=False)
    # Widget.virtual_size, less the layout of the whole screen a change of it asks for: the
    # table's own size never depends on its rows (see _resize).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    _hover_row: reactive[int] = reactive(-1)

    class _RowMessage(Message):
        """Something about one row of the table (only its subclasses are sent)."""

        def __init__(self, table: RowTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> RowTable:
            return self.table

    class Highlighted(_RowMessage):
        """The cursor is on another row."""

    class Selected(_RowMessage):
        """A row was chosen: Enter, or a click on the highlighted row."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.columns: list[Column] = []
        self.row_count = 0
        self._cells: Callable[[int], Sequence[Cell]] = lambda row: ()
        self._line_styles: dict[str, Style] | None = None  # made again when the CSS applies

    # -- what it shows ---------------------------------------------------------------------

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.columns = list(columns)
        self._resize()
        self.refresh()

    def show(self, count: int, cells: Callable[[int], Sequence[Cell]], cursor: int = 0) -> None:
        """``count`` rows, the cells of row ``n`` being ``cells(n)``; the cursor on ``cursor``."""
        self.row_count = count
        self._cells = cells
        self._hover_row = -1
        self._resize()
        self.refresh()
        self.move_cursor(row=cursor, top=True)

    def _resize(self) -> None:
        width = sum(column.width + 2 * PADDING for column in self.columns)
        size = Size(width, self.row_count + 1)  # the header is the first line
        if size != self.virtual_size:
            self.virtual_size = size
            if self.container_size:  # laid out: the scrollbar follows the new row count now,
                self._scroll_update(size)  # with a layout only if it appears or goes

    def move_cursor(self, *, row: int, top: bool = False) -> None:
        """Put the cursor on ``row`` and scroll it into view."""
        self.cursor_row = row  # kept within the rows by validate_cursor_row
        self._scroll_to_cursor(top)

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self.row_count - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        if self.row_count:
            self.post_message(self.Highlighted(self, new))

    def watch__hover_row(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)

    def _refresh_row(self, row: int) -> None:
        y = row + 1 - round(self.scroll_y)
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _scroll_to_cursor(self, top: bool = False) -> None:
        """Scroll so the cursor's row is on screen below the header."""
        rows = max(1, self.scrollable_content_region.height - 1)
        row, scroll = self.cursor_row, round(self.scroll_y)
        if top or row < scroll:
            self.scroll_to(y=row if row >= rows else 0, animate=False, immediate=True)
        elif row >= scroll + rows:
            self.scroll_to(y=row - rows + 1, animate=False, immediate=True)

    # -- drawing -----------------------------------------------------------------------------

    def _styles(self) -> dict[str, Style]:
        """The styles rows are drawn in (as the table's CSS and focus are now)."""
        base = self.rich_style
        get = self.get_component_styles
        cursor = self.get_component_rich_style("row-table--cursor")
        return {
            "base": base,
            "header": base + get("row-table--header").rich_style,
            "even": base + get("row-table--even-row").rich_style,
            "odd": base + get("row-table--odd-row").rich_style,
            "cursor": cursor,
            # The cursor's colours win over a cell's own, as in a DataTable.
            "cursor-post": Style.from_color(cursor.color, cursor.bgcolor),
            "hover": self.get_component_rich_style("row-table--hover"),
            "due": self.get_component_rich_style("row-table--due", partial=True),
        }

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        styles = self._line_styles
        if styles is None:
            styles = self._line_styles = self._styles()
        if y == 0:
            return self._strip([column.label for column in self.columns], styles["header"],
                               None, None, width)
        row = round(self.scroll_y) + y - 1
        if row >= self.row_count:
            return Strip.blank(width, styles["base"])
        style = styles["odd" if row % 2 else "even"]
        post = None
        if row == self.cursor_row:
            style = style + styles["cursor"]
            post = styles["cursor-post"]
        elif row == self._hover_row:
            style = style + styles["hover"]
        return self._strip(self._cells(row), style, post, styles["due"], width)

    def _strip(self, cells: Sequence[Cell], style: Style, post: Style | None,
               due: Style | None, width: int) -> Strip:
        line_style = style if post is None else style + post
        segments = []
        texts = []  # cells drawn in the line's own style, joined into one segment
        for column, cell in zip(self.columns, cells, strict=False):
            text, look = (cell, None) if isinstance(cell, str) else cell
            if look != "due" or due is None:
                texts.append(_cell_text(text, column.width))
                continue
            if texts:
                segments.append(Segment("".join(texts), line_style))
                texts = []
            cell_style = style + due if post is None else style + due + post
            segments.append(Segment(_cell_text(text, column.width), cell_style))
        if texts:
            segments.append(Segment("".join(texts), line_style))
        return Strip(segments).adjust_cell_length(width, style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line_styles = None  # focus, hover or the theme changed
        self.refresh()

    # -- keys and mouse ------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self._hover_row = -1
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self._hover_row = -1
        self.cursor_row += 1

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor_row -= self._page()

    def action_page_down(self) -> None:
        self.cursor_row += self._page()

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = self.row_count - 1

    def action_select(self) -> None:
        if self.row_count:
            self.post_message(self.Selected(self, self.cursor_row))

    def _row_at(self, event: events.MouseEvent) -> int | None:
        """The row under the mouse, if any (the header is not a row)."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return None
        row = round(self.scroll_y) + offset.y - 1
        return row if row < self.row_count else None

    def _on_click(self, event: events.Click) -> None:
        row = self._row_at(event)
        if row is None:
            return
        event.stop()
        if row == self.cursor_row:
            self.action_select()
        else:
            self.cursor_row = row

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        row = self._row_at(event)
        self._hover_row = -1 if row is None else row

    def _on_leave(self, event: events.Leave) -> None:
        self._hover_row = -1
