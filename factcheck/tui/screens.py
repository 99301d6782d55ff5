"""Full screens pushed over the list: a story's fact matrix, an article."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from .tables import fit, open_cited
from .view import Matrix, Review
from .widgets import FACT_STYLE, OTHER_FACT_STYLE

MARK = "✗ "


class MatrixScreen(Screen[str | None]):
    """A story's aligned facts, one column per source; dismisses with a discrepancy id."""

    BINDINGS = [
        Binding("escape,m", "back", "Back", id="matrix.back"),
        Binding("right_square_bracket", "story(1)", "Next story", id="matrix.next"),
        Binding("left_square_bracket", "story(-1)", "Prev story", id="matrix.prev"),
    ]

    def __init__(self, review: Review, story: str, focus: str | None = None) -> None:
        super().__init__()
        self.review = review
        self.stories = review.stories() or [story]
        self.index = self.stories.index(story) if story in self.stories else 0
        self.focus_id = focus
        self.cells: dict[tuple[str, str], Any] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="matrix-title")
        # The subject column stays in view while the articles scroll past.
        yield DataTable(id="matrix", cursor_type="cell", zebra_stripes=True, fixed_columns=1)
        yield Static(f"{MARK}marks a figure at odds with the other sources · Enter on a "
                     "highlighted cell opens its discrepancy",
                     id="matrix-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        story = self.stories[self.index]
        matrix = self.review.matrix(story)
        title = self.query_one("#matrix-title", Static)
        title.update(Text.assemble(("Fact matrix ", "bold"), f"story {story} ",
                                   (f"({self.index + 1}/{len(self.stories)})", "dim")))
        table = self.query_one("#matrix", DataTable)
        table.clear(columns=True)
        self.cells.clear()
        table.add_column("Subject", key="subject",
                         width=fit([r.subject for r in matrix.rows] + ["Subject"]))
        for source in matrix.sources:
            texts = [r.cells[source].text + MARK for r in matrix.rows if source in r.cells]
            table.add_column(source, key=source, width=fit(texts + [source]))
        target = self._fill_rows(table, matrix)
        if target is not None:
            table.move_cursor(row=target[0], column=target[1], animate=False)
        table.focus()

    def _fill_rows(self, table: DataTable, matrix: Matrix) -> tuple[int, int] | None:
        first = focused = None
        for r, row in enumerate(matrix.rows):
            cells: list[Any] = [row.subject]
            for c, source in enumerate(matrix.sources, 1):
                cell = row.cells.get(source)
                if cell is None:
                    cells.append(Text("·", style="dim"))
                    continue
                self.cells[(row.group, source)] = cell
                if cell.discrepancy is None:
                    cells.append(cell.text)
                    continue
                if cell.outlier:
                    cells.append(Text(MARK + cell.text, style="bold red"))
                else:
                    cells.append(Text(cell.text, style="underline"))
                first = first or (r, c)
                if focused is None and cell.discrepancy == self.focus_id:
                    focused = (r, c)
            table.add_row(*cells, key=row.group)
        return focused or first

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        open_cited(self, self.cells, event)

    def action_story(self, step: int) -> None:
        self.index = (self.index + step) % len(self.stories)
        self.focus_id = None
        self.fill()

    def action_back(self) -> None:
        self.dismiss(None)

    def cursor(self) -> Coordinate:
        return self.query_one("#matrix", DataTable).cursor_coordinate


def article_lines(text: str, facts: list[dict[str, Any]], chosen: str | None) -> list[Text]:
    """The article split in lines, every fact marked, the chosen one strongest."""
    lines: list[Text] = []
    offset = 0
    for raw in text.split("\n"):
        line = Text(raw)
        end = offset + len(raw)
        for fact in facts:
            lo, hi = max(fact["start"], offset), min(fact["end"], end)
            if lo < hi:
                style = FACT_STYLE if fact["fact_id"] == chosen else OTHER_FACT_STYLE
                line.stylize(style, lo - offset, hi - offset)
        lines.append(line)
        offset = end + 1
    return lines


class ArticleScreen(Screen[None]):
    """One article with its facts marked, scrolled to the chosen fact.

    `facts` are the facts of the discrepancy being reviewed; `[` and `]` step
    through them, which moves between the sources that disagree.
    """

    BINDINGS = [
        Binding("escape,a", "back", "Back", id="article.back"),
        Binding("right_square_bracket", "step(1)", "Next source", id="article.next"),
        Binding("left_square_bracket", "step(-1)", "Prev source", id="article.prev"),
    ]

    def __init__(self, review: Review, facts: list[str], index: int = 0) -> None:
        super().__init__()
        self.review = review
        self.targets = facts
        self.index = index

    def compose(self) -> ComposeResult:
        yield Static(id="article-title")
        yield VerticalScroll(id="article-body")
        yield Footer()

    def on_mount(self) -> None:
        self.fill()

    @property
    def fact(self) -> dict[str, Any]:
        return self.review.facts[self.targets[self.index]]

    def fill(self) -> None:
        fact = self.fact
        article = self.review.articles[fact["article"]]
        self.query_one("#article-title", Static).update(Text.assemble(
            (article.source, "bold"), f"  {article.title}  ",
            (f"{article.id}:{fact['line']}  ({self.index + 1}/{len(self.targets)})", "dim")))
        body = self.query_one("#article-body", VerticalScroll)
        body.remove_children()
        lines = article_lines(article.text, self.review.facts_by_article.get(article.id, []),
                              fact["fact_id"])
        widgets = [Static(line, classes="article-line") for line in lines]
        body.mount_all(widgets)
        chosen = widgets[fact["line"] - 1]
        chosen.add_class("chosen")
        self.call_after_refresh(body.scroll_to_widget, chosen, animate=False, center=True)

    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.targets)
        self.fill()

    def action_back(self) -> None:
        self.dismiss(None)
