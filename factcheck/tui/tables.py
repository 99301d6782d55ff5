"""Screens over the list for a story's people and its timeline.

The people screen: one row a person, one column an article (the name as
written, age, role, condition), an article that stands apart marked; Enter
on a cell a discrepancy cites opens that discrepancy. The timeline: the
story's running totals in time order, a small chart a series.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..report.display import format_number, when
from ..report.markdown import sparkline
from .view import Review

MARK = "✗ "
# Widest a column grows before its cells are cut (the evidence has them whole).
MAX_WIDTH = 40


def fit(texts: list[str], cap: int = MAX_WIDTH) -> int:
    return min(max((len(t) for t in texts), default=1), cap)


def open_cited(screen: Screen, cells: dict[tuple[str, str], Any],
               event: DataTable.CellSelected) -> None:
    """Enter on a table cell: close `screen` with the discrepancy citing the
    cell's facts, which the list then shows."""
    event.stop()
    row, column = event.cell_key.row_key.value, event.cell_key.column_key.value
    cell = cells.get((row, column)) if row is not None and column is not None else None
    if cell is not None and cell.discrepancy is not None:
        screen.dismiss(cell.discrepancy)
    else:
        screen.notify("No discrepancy cites this cell.", timeout=2)


class StoryScreen(Screen[str | None]):
    """A table a story, `[` and `]` step through the stories that have one."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="story.back"),
        Binding("right_square_bracket", "story(1)", "Next story", id="story.next"),
        Binding("left_square_bracket", "story(-1)", "Prev story", id="story.prev"),
    ]
    TITLE = ""
    HINT = ""

    def __init__(self, review: Review, stories: list[str], story: str) -> None:
        super().__init__()
        self.review = review
        self.stories = stories
        self.index = stories.index(story) if story in stories else 0

    def compose(self) -> ComposeResult:
        yield Static(id="story-title")
        yield DataTable(id="story-table", cursor_type="cell", zebra_stripes=True,
                        fixed_columns=1)
        yield Static(self.HINT, id="story-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.fill()

    @property
    def story(self) -> str:
        return self.stories[self.index]

    def fill(self) -> None:
        self.query_one("#story-title", Static).update(Text.assemble(
            (f"{self.TITLE} ", "bold"), f"story {self.story} ",
            (f"({self.index + 1}/{len(self.stories)})", "dim")))
        table = self.query_one("#story-table", DataTable)
        table.clear(columns=True)
        self.fill_table(table)
        table.focus()

    def fill_table(self, table: DataTable) -> None:
        raise NotImplementedError

    def action_story(self, step: int) -> None:
        self.index = (self.index + step) % len(self.stories)
        self.fill()

    def action_back(self) -> None:
        self.dismiss(None)


class PeopleScreen(StoryScreen):
    TITLE = "People"
    HINT = (f"{MARK}marks an article that stands apart on age, role or condition · Enter on a "
            "highlighted cell or a name opens its discrepancy · [ ] story · Escape back")
    BINDINGS = [*StoryScreen.BINDINGS, Binding("p", "back", "Back", show=False, id="people.back")]

    def fill_table(self, table: DataTable) -> None:
        people = self.review.people(self.story)
        self.cells: dict[tuple[str, str], Any] = {}
        table.add_column("Person", key="person",
                         width=fit([r.name for r in people.rows] + ["Person"]))
        for a in people.articles:
            texts = [r.cells[a].text + MARK for r in people.rows if a in r.cells]
            table.add_column(self.review.label(a), key=a,
                             width=fit(texts + [self.review.label(a)]))
        for row in people.rows:
            cells: list[Any] = [Text(row.name, style="bold")]
            for a in people.articles:
                cell = row.cells.get(a)
                if cell is None:
                    cells.append(Text("·", style="dim"))
                    continue
                self.cells[(row.person, a)] = cell
                if cell.outlier:
                    cells.append(Text(MARK + cell.text, style="bold red"))
                elif cell.discrepancy is not None:
                    cells.append(Text(cell.text, style="underline"))
                else:
                    cells.append(cell.text)
            table.add_row(*cells, key=row.person)
            # Enter on the name opens the person's discrepancy: the odd one
            # out's first, else any cell's.
            cited = sorted((c for (p, _), c in self.cells.items()
                            if p == row.person and c.discrepancy is not None),
                           key=lambda c: not c.outlier)
            if cited:
                self.cells[(row.person, "person")] = cited[0]

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        open_cited(self, self.cells, event)


class TimelineScreen(StoryScreen):
    TITLE = "Timeline"
    HINT = "Running totals in time order · [ ] story · Escape back"
    BINDINGS = [*StoryScreen.BINDINGS, Binding("T", "back", "Back", show=False,
                                               id="timeline.back")]

    def fill_table(self, table: DataTable) -> None:
        rows = self.review.timeline(self.story)
        charts: dict[str, list[float]] = {}
        for r in rows:
            if r["value"] is not None:
                charts.setdefault(r["series"] or "figure", []).append(r["value"])
        chart = "   ".join(f"{name} {sparkline(v)} {' → '.join(format_number(x) for x in v)}"
                           for name, v in charts.items())
        self.query_one("#story-hint", Static).update(f"{chart}\n{self.HINT}")
        table.add_column("Published", key="published")
        for key, label in (("article", "Article"), ("series", "Series"),
                           ("text", "As written"), ("value", "Value"), ("status", "Status")):
            table.add_column(label, key=key)
        for i, r in enumerate(rows):
            status = r["status"] or ""
            table.add_row(when(r["published"]), self.review.label(r["article"]),
                          r["series"] or "", r["text"] or "", format_number(r["value"]),
                          Text(status, style="bold red" if status == "conflict" else ""),
                          key=str(i))
