"""The agreements review's table: only the rows on screen are asked for, text stays literal,
and keys and clicks move the cursor and choose a row."""

from __future__ import annotations

from textual.app import App, ComposeResult

from accord.ui.widgets.row_table import Column, RowTable

COLUMNS = [Column("what", "What", 20), Column("who", "Who", 6)]


class TableApp(App):
    def __init__(self, rows: list[list[str]]) -> None:
        super().__init__()
        self.rows = rows
        self.asked: list[int] = []
        self.events: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield RowTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.set_columns(COLUMNS)
        table.show(len(self.rows), self.cells)
        table.focus()

    def cells(self, n: int) -> list[str]:
        self.asked.append(n)
        return self.rows[n]

    def on_row_table_highlighted(self, event: RowTable.Highlighted) -> None:
        self.events.append(("highlighted", event.row))

    def on_row_table_selected(self, event: RowTable.Selected) -> None:
        self.events.append(("selected", event.row))


def screen_text(app: App) -> list[str]:
    table = app.query_one(RowTable)
    return [strip.text for strip in table.render_lines(table.size.region)]


async def test_only_the_rows_on_screen_are_drawn_and_the_cursor_reaches_the_last():
    rows = [[f"Row {n}", "both"] for n in range(20_000)]
    app = TableApp(rows)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        assert table.row_count == 20_000
        assert app.asked and max(app.asked) < 12  # a screenful, not twenty thousand
        lines = screen_text(app)
        assert lines[0].split() == ["What", "Who"] and lines[1].split() == ["Row", "0", "both"]

        app.asked.clear()
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 19_999 and ("highlighted", 19_999) in app.events
        assert "Row 19999" in screen_text(app)[-1]
        assert app.asked and min(app.asked) > 19_980
        await pilot.press("pageup")
        await pilot.pause()
        assert table.cursor_row == 19_999 - (table.scrollable_content_region.height - 1)
        await pilot.press("home", "down", "enter")
        await pilot.pause()
        assert table.cursor_row == 1 and app.events[-1] == ("selected", 1)


async def test_a_click_moves_the_cursor_and_a_second_click_chooses_the_row():
    app = TableApp([[f"Row {n}", "both"] for n in range(5)])
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        await pilot.click(RowTable, offset=(3, 3))  # the header, then rows 0, 1, 2
        await pilot.pause()
        assert table.cursor_row == 2 and ("selected", 2) not in app.events
        await pilot.click(RowTable, offset=(3, 3))
        await pilot.pause()
        assert app.events[-1] == ("selected", 2)
        await pilot.click(RowTable, offset=(3, 0))  # the header chooses nothing
        await pilot.pause()
        assert table.cursor_row == 2 and app.events[-1] == ("selected", 2)


async def test_typed_text_is_shown_literally_and_cut_to_its_column():
    hostile = ["[b]Kim[/b] \x1b[31mred\x1b[0m", "[i]x"]
    app = TableApp([hostile, ["Wide 字字字字字字字字字字字字", "a\nb"]])
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        first, second = screen_text(app)[1:3]
        assert "[b]Kim[/b]" in first and "[i]x" in first and "\x1b" not in first
        assert "red" in first
        assert "a b" in second and "\n" not in second
        assert all(len(line) <= 40 for line in (first, second))


def test_a_cut_cell_ends_in_an_ellipsis_and_keeps_its_width():
    from rich.cells import cell_len

    from accord.ui.widgets.row_table import _fit

    assert _fit("Jonas washes up Mon/Wed", 10) == "Jonas was…"
    assert _fit("short", 10) == "short     "
    assert _fit("exactly10!", 10) == "exactly10!"
    wide = _fit("洗い物は月水金にジョナス", 9)  # double-width letters
    assert wide.endswith("…") and cell_len(wide) == 9


async def test_the_scrollbar_follows_the_row_count_and_the_screen_is_not_laid_out_again():
    app = TableApp([[f"Row {n}", "both"] for n in range(3)])
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        assert not table.show_vertical_scrollbar
        layouts = []
        table.refresh = lambda *a, **k: layouts.append(k) or RowTable.refresh(table, *a, **k)
        app.rows = [[f"Row {n}", "both"] for n in range(500)]
        table.show(500, app.cells)
        await pilot.pause()
        assert table.show_vertical_scrollbar  # it appears: the one change that needs a layout
        assert table.vertical_scrollbar.window_virtual_size == 501
        layouts.clear()
        table.show(200, app.cells)  # fewer rows, still more than a screenful
        await pilot.pause()
        assert not any(k.get("layout") for k in layouts)
        assert table.vertical_scrollbar.window_virtual_size == 201
        assert table.max_scroll_y == 201 - table.scrollable_content_region.height
        table.show(3, app.cells)
        await pilot.pause()
        assert not table.show_vertical_scrollbar
        assert table.scroll_y == 0 and len(screen_text(app)[1]) == 40  # rows use the full width


async def test_a_due_cell_has_its_own_style_and_the_cursor_colours_win():
    app = TableApp([["Walk", ("01 Jan", "due")], ["Cook", "02 Jan"]])
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)

        def style_of(line: int, text: str):
            strip = table.render_lines(table.size.region)[line]
            return next(seg.style for seg in strip if text in seg.text)

        due = table.get_component_rich_style("row-table--due", partial=True)
        cursor = table.get_component_rich_style("row-table--cursor")
        assert due.color != cursor.color
        walk, walk_due = style_of(1, "Walk"), style_of(1, "01 Jan")  # the cursor's row
        assert walk.color == walk_due.color == cursor.color and walk_due.bold
        await pilot.press("down")
        await pilot.pause()
        assert style_of(1, "01 Jan").color == due.color and style_of(1, "01 Jan").bold
        assert style_of(1, "Walk").color != due.color
        assert style_of(2, "Cook").color == cursor.color
        assert style_of(2, "Cook") == style_of(2, "02 Jan")  # one style: nothing is due
