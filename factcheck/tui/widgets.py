"""The main screen's widgets: the discrepancy list and the evidence pane."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable, Static

from ..model import Severity, TriageState
from ..report.display import fact_value
from .view import Review, Row, format_time

# Severity and triage styles read well on light and dark themes alike: they
# use weight and the terminal's red/yellow rather than a fixed background.
SEVERITY_STYLE: dict[str, str] = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow",
                                  Severity.INFO: "dim"}
TRIAGE_STYLE: dict[str, str] = {TriageState.NEW: "bold", TriageState.CONFIRMED: "green",
                                TriageState.DISMISSED: "dim strike"}
FACT_STYLE = "bold reverse"
OTHER_FACT_STYLE = "underline"


class DiscrepancyTable(DataTable):
    """One row a discrepancy; the row key is the discrepancy's fingerprint."""

    COLUMNS = (("severity", "Sev", 7), ("rule", "Code", 6), ("kind", "Kind", 9),
               ("subject", "Subject", None), ("sources", "Src", 3), ("triage", "Triage", 9))

    class Chosen(Message):
        """The highlighted discrepancy changed (its row key; None: the list is empty)."""

        def __init__(self, key: str | None) -> None:
            self.key = key
            super().__init__()

    # Every column but the subject, with the cell padding and a scrollbar.
    FIXED = sum(w for _, _, w in COLUMNS if w) + 2 * len(COLUMNS) + 2

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self._shown: tuple[Sequence[Row], Callable[[str], str]] | None = None
        self._width = 0

    def show(self, rows: Sequence[Row], triage_state: Callable[[str], str],
             keep: str | None = None) -> None:
        """Replace the rows, keeping the cursor on `keep` if it is still shown."""
        self._shown = (rows, triage_state)
        self._width = self.size.width
        # The subject takes what the other columns leave, so the triage state
        # stays in view at every terminal width.
        subject = max(12, self.size.width - self.FIXED)
        self.clear(columns=True)
        for key, label, width in self.COLUMNS:
            self.add_column(label, key=key, width=width or subject)
        for row in rows:
            self.add_row(*self._cells(row, triage_state(row.id)), key=row.key)
        index = next((i for i, r in enumerate(rows) if r.key == keep), 0)
        if rows:
            self.move_cursor(row=index, animate=False)
        self.post_message(self.Chosen(rows[index].key if rows else None))

    def on_resize(self) -> None:
        if self._shown is not None and self.size.width != self._width:
            self.show(*self._shown, keep=self.current())

    def set_triage(self, keys: Sequence[str], state: str) -> None:
        for key in keys:
            if key in self.rows:
                self.update_cell(key, "triage", Text(state, style=TRIAGE_STYLE.get(state, "")))

    def current(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return key.value

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.Chosen(event.row_key.value))

    @staticmethod
    def _cells(row: Row, state: str) -> list[Any]:
        return [Text(row.severity, style=SEVERITY_STYLE.get(row.severity, "")),
                row.rule, row.kind, subject_label(row), str(len(row.sources)),
                Text(state, style=TRIAGE_STYLE.get(state, ""))]


def subject_label(row: Row) -> str:
    """The subject, or the message when the subject only repeats the kind."""
    return row.subject if row.subject and row.subject != row.kind else row.message


def highlighted_sentence(fact: dict[str, Any]) -> Text:
    """The fact's sentence with the fact itself marked, using exact offsets."""
    # Trailing line breaks of a paragraph's last sentence would leave blank lines.
    sentence = (fact.get("sentence") or fact.get("text") or "").rstrip()
    text = Text(sentence)
    base = fact.get("sentence_start")
    if base is not None:
        start, end = fact["start"] - base, fact["end"] - base
        if 0 <= start < end <= len(sentence):
            text.stylize(FACT_STYLE, start, end)
    return text


def value_line(fact: dict[str, Any]) -> str:
    """The normalized value as the facts table holds it, dates as dates."""
    return fact_value(fact)


def evidence_text(review: Review, row: Row, state: str, note: str | None) -> Text:
    """Everything the evidence pane shows for one discrepancy.

    Why it fired comes first, under the message, so it is on screen at 80×24;
    then each source's evidence, then the rule's documentation.
    """
    out = Text()
    out.append(f"{row.rule} {row.name}", style="bold")
    out.append(f"  {row.severity}", style=SEVERITY_STYLE.get(row.severity, ""))
    out.append(f"  {row.status}  story {row.story}  ")
    out.append(state, style=TRIAGE_STYLE.get(state, ""))
    out.append("\n" + row.message + "\n")
    why = [row.detail] if row.detail else []
    if row.score is not None and "alignment score" not in row.detail:
        why.append(f"alignment score {row.score:.2f}")
    if why:
        out.append("why: ", style="dim")
        out.append("; ".join(why) + "\n")
    if note:
        out.append("note: ", style="dim")
        out.append(note + "\n", style="italic")
    out.append("\n")
    for fact in review.evidence(row):
        article = review.articles.get(fact["article"])
        # Short names and locations: a JSON Lines id whole would wrap mid-way.
        out.append(review.label(fact["article"]), style="bold underline")
        out.append(f"  {format_time(fact.get('published'))}  {review.where(fact)}\n",
                   style="dim")
        out.append_text(highlighted_sentence(fact))
        out.append("\n  = ", style="dim")
        out.append(value_line(fact) + "\n")
        if article is not None and article.title:
            out.append(f"  {article.title}\n", style="dim italic")
        out.append("\n")
    doc = review.check_doc(row.rule)
    for key, label in (("what", "what it checks"), ("why", "why it matters"),
                       ("fix", "what to do")):
        if doc.get(key):
            out.append(f"{label}: ", style="dim")
            out.append(f"{' '.join(str(doc[key]).split())}\n")
    out.append(f"id {row.id}", style="dim")
    return out


class EvidencePane(Static):
    """The evidence of the highlighted discrepancy, or a message when there is none."""

    def show_row(self, review: Review, row: Row, state: str, note: str | None) -> None:
        self.update(evidence_text(review, row, state, note))

    def show_message(self, message: str) -> None:
        self.update(Text(message, style="italic"))
