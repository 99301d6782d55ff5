"""The review app: load a batch in a worker, then list, explain and triage.

`build_app` is the one way to make the app, so the console script and the
tests run the same thing. The app reads the pipeline's tables and writes only
the triage file, through factcheck.triage (each decision saved at once).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Footer, Header, Input, ProgressBar, Static
from textual.worker import get_current_worker

from ..errors import FactcheckError
from ..report.selection import select_findings
from ..run.pipeline import run
from ..storage.triage import Triage, default_triage_path
from .modals import FilterScreen
from .open_actions import OpenActions
from .triage_actions import TriageActions
from .view import SORTS, Filters, Review
from .widgets import DiscrepancyTable, EvidencePane

# Loads the batch; called in the worker thread with a progress callback
# (articles done, articles in all, words done).
Loader = Callable[[Callable[[int, int, int], None]], Any]


class Cancelled(Exception):
    """The person quit while the batch was still loading."""


class ReviewApp(TriageActions, OpenActions, App[int]):
    TITLE = "factcheck review"
    CSS_PATH = "app.tcss"
    # Below 120 columns the evidence sits under the list, above it beside it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    ENABLE_COMMAND_PALETTE = False
    # Nothing takes keys until the list is shown, so `q` always quits.
    AUTO_FOCUS = None

    BINDINGS = [
        Binding("c", "decide('confirmed')", "Confirm", id="triage.confirm"),
        Binding("d", "decide('dismissed')", "Dismiss", id="triage.dismiss"),
        Binding("e", "note", "Note", id="triage.note"),
        Binding("u", "undo", "Undo", id="triage.undo"),
        Binding("slash", "search", "Find", id="list.search"),
        Binding("n", "next_match(1)", "Next match", show=False, id="list.next-match"),
        Binding("N", "next_match(-1)", "Previous match", show=False, id="list.prev-match"),
        Binding("j", "move(1)", "Down", show=False, id="list.down"),
        Binding("k", "move(-1)", "Up", show=False, id="list.up"),
        Binding("g", "edge(0)", "First", show=False, id="list.first"),
        Binding("G", "edge(-1)", "Last", show=False, id="list.last"),
        Binding("f", "filter", "Filter", id="list.filter"),
        Binding("s", "sort", "Sort", show=False, id="list.sort"),
        Binding("m", "matrix", "Matrix", id="open.matrix"),
        Binding("p", "people", "People", id="open.people"),
        Binding("T", "timeline", "Timeline", show=False, id="open.timeline"),
        Binding("a", "article", "Read", id="open.article"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        # Ctrl+C quits as q does, wherever the focus is (Textual's default
        # only says to press Ctrl+Q).
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="quit.ctrl-c"),
        Binding("escape", "clear", "Clear filters", show=False, id="list.clear"),
        Binding("t", "toggle_theme", "Light/dark", show=False, id="theme"),
    ]
    # The app's own actions that need the list; any other (Tab's focus_next in
    # a dialog, a widget's own keys) is never refused here.
    LIST_ACTIONS = frozenset(b.action.split("(")[0] for b in BINDINGS
                             if isinstance(b, Binding)) - {
        "quit", "help", "toggle_theme"}

    filters: reactive[Filters] = reactive(Filters(), init=False)
    sort: reactive[str] = reactive("severity", init=False)

    def __init__(self, load: Loader, triage_path: Path, *, title: str = "",
                 theme: str | None = None) -> None:
        super().__init__()
        self.load = load
        self.triage_path = triage_path
        self.triage: Triage | None = None
        self.triage_error: str | None = None
        self.review: Review | None = None
        self.loaded = (0, 0)  # (articles done, articles in all), set by the loader
        self.failure: str | None = None  # why the batch could not be loaded
        self.sub_title = title
        if theme:
            self.theme = theme

    # -- layout ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header(icon="≠")
        with Vertical(id="loading"):
            yield Static("Loading the language model and reading the batch…", id="loading-label")
            yield ProgressBar(id="progress", show_eta=False)
        with Container(id="main"):
            yield DiscrepancyTable(id="list")
            # Focusable (Tab) so a long evidence scrolls from the keyboard.
            with VerticalScroll(id="evidence-scroll"):
                yield EvidencePane(id="evidence")
        yield Static(id="message")
        yield Input(placeholder="search subject, message, source, code…", id="search")
        yield Static(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.progress_timer = self.set_interval(0.1, self._progress)
        self.start_loading()

    # -- loading --------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, name="load")
    def start_loading(self) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int, words: int) -> None:
            if worker.is_cancelled:
                raise Cancelled
            # No call_from_thread here: it would wait for the UI on every
            # article. A timer on the UI side shows the latest count instead.
            self.loaded = (done, total)

        try:
            result = self.load(progress)
        except Cancelled:
            return
        except FactcheckError as exc:
            self.call_from_thread(self.show_failure, str(exc))
            return
        except Exception as exc:  # a bug must reach the screen, not kill the terminal
            first = (str(exc).splitlines() or [""])[0]
            self.call_from_thread(self.show_failure,
                                  f"internal error: {type(exc).__name__}: {first}")
            return
        triage, error = None, None
        try:
            triage = Triage.load(self.triage_path)
        except FactcheckError as exc:
            error = str(exc)
        if not worker.is_cancelled:
            self.call_from_thread(self.show_result, result, triage, error)

    def _progress(self) -> None:
        done, total = self.loaded
        if not total:
            return
        label = self.query_one("#loading-label", Static)
        label.update(f"Extracting facts: {done}/{total} articles")
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)

    def show_failure(self, message: str) -> None:
        self.failure = message
        self.progress_timer.stop()
        self.query_one("#loading").display = False
        self._message(f"Could not load the batch.\n\n{message}\n\nPress q to quit.", error=True)

    def show_result(self, result: Any, triage: Triage | None, error: str | None) -> None:
        self.progress_timer.stop()
        self.review = Review(result)
        self.triage, self.triage_error = triage, error
        if error:
            self.notify(f"{error}\nDecisions will not be saved.", title="Triage file",
                        severity="error", timeout=15)
        self.query_one("#loading").display = False
        self.refresh_bindings()
        if not result.articles:
            self._message("This batch has no articles: nothing to review.\n\nPress q to quit.")
            return
        if not self.review.rows:
            self._message(f"No discrepancies: the sources agree.\n\n{self.review.summary()}."
                          "\n\nPress q to quit.")
            return
        self.query_one("#main").display = True
        self.refresh_list()
        self.query_one(DiscrepancyTable).focus()

    def _message(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#message", Static)
        message.update(text)
        message.set_class(error, "error")
        message.display = True
        self.update_status()

    # -- the list -------------------------------------------------------------
    def state(self, fingerprint: str) -> str:
        return self.triage.state(fingerprint) if self.triage else "new"

    def refresh_list(self, keep: str | None = None) -> None:
        if self.review is None or not self.review.rows:
            return
        table = self.query_one(DiscrepancyTable)
        rows = self.review.visible(self.filters, self.sort, self.state)
        table.show(rows, self.state, keep=keep or table.current())
        if not rows:
            search = self.filters.search
            others = replace(self.filters, search="").active()
            what = (f"the search “{search}” and the filters" if search and others
                    else f"the search “{search}”" if search else "the filters")
            self.query_one(EvidencePane).show_message(
                f"No discrepancy matches {what}. Press Escape to clear "
                f"{'it' if search and not others else 'them'}.")
        self.update_status()

    def update_status(self) -> None:
        status = self.query_one("#status", Static)
        text = Text()
        if self.review is not None:
            shown = self.query_one(DiscrepancyTable).row_count
            text.append(f"{shown}/{len(self.review.rows)} shown", style="bold")
            text.append(f" · sort {self.sort}")
            if self.filters.active():
                text.append(f" · {self.filters.describe()}", style="bold")
        if text:
            text.append(" · ")
        if self.triage_error:
            text.append(f"triage read-only: {self.triage_error}", style="bold red")
        else:
            text.append(str(self.triage_path), style="dim")
        status.update(text)

    def watch_filters(self) -> None:
        self.refresh_list()

    def watch_sort(self) -> None:
        self.refresh_list()

    def current_row(self):
        if self.review is None:
            return None
        key = self.query_one(DiscrepancyTable).current()
        return self.review.by_key.get(key) if key else None

    def on_discrepancy_table_chosen(self, event: DiscrepancyTable.Chosen) -> None:
        self.show_evidence(event.key)

    def on_data_table_row_selected(self, event: DiscrepancyTable.RowSelected) -> None:
        if isinstance(event.data_table, DiscrepancyTable):
            self.action_article()

    def show_evidence(self, key: str | None) -> None:
        # A row the filters hide (its highlight can arrive after the list was
        # emptied) must not show: the pane keeps the "nothing matches" message.
        if self.review is None or key not in self.review.by_key \
                or key not in self.query_one(DiscrepancyTable).rows:
            return
        row = self.review.by_key[key]
        decision = self.triage.get(row.id) if self.triage else None
        self.query_one(EvidencePane).show_row(
            self.review, row, self.state(row.id),
            decision.note if decision else None)
        self.query_one("#evidence-scroll", VerticalScroll).scroll_home(animate=False)

    def select(self, key: str) -> None:
        """Put the cursor on a discrepancy's row, clearing filters that hide it."""
        table = self.query_one(DiscrepancyTable)
        if key not in table.rows:
            self.action_clear()
        table.move_cursor(row=table.get_row_index(key), animate=False)
        table.focus()

    # -- actions --------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Before the list is shown, and over the dialogs and other screens,
        # the list's actions make no sense (False also hides them); quitting,
        # help, the theme and every action not the app's own (Tab in a dialog)
        # always do.
        if action not in self.LIST_ACTIONS:
            return True
        if self.screen is not self.screen_stack[0]:
            return False
        return self.review is not None and bool(self.review.rows)

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = self.filters.search
        search.display = True
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.filters = self.filters.with_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            event.input.display = bool(event.value)
            self.query_one(DiscrepancyTable).focus()

    def action_move(self, step: int) -> None:
        table = self.query_one(DiscrepancyTable)
        if table.row_count:
            row = min(max(table.cursor_row + step, 0), table.row_count - 1)
            table.move_cursor(row=row, animate=False)
            table.focus()

    def action_edge(self, end: int) -> None:
        table = self.query_one(DiscrepancyTable)
        if table.row_count:
            table.move_cursor(row=0 if end == 0 else table.row_count - 1, animate=False)
            table.focus()

    def action_next_match(self, step: int) -> None:
        """n / N: the next or previous row the search matches, wrapping round."""
        if not self.filters.search:
            self.notify("No search yet: press / to search.", timeout=2)
            return
        table = self.query_one(DiscrepancyTable)
        if table.row_count:
            table.move_cursor(row=(table.cursor_row + step) % table.row_count, animate=False)
            table.focus()

    def action_filter(self) -> None:
        review = self.review
        assert review is not None

        def apply(filters: Filters | None) -> None:
            if filters is not None:
                self.filters = filters

        self.push_screen(FilterScreen(self.filters, review.severities(), review.kinds(),
                                      review.sources()), apply)

    def action_clear(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        search.display = False
        self.filters = Filters()
        self.query_one(DiscrepancyTable).focus()

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme != "textual-light" else "textual-dark"

    async def action_quit(self) -> None:
        self.workers.cancel_all()
        # A batch that could not be read is an input error (exit 2), as in `check`.
        self.exit(0, return_code=2 if self.failure else 0)


def build_app(paths: Sequence[str] = (), options: Any = None, triage_path: str | Path | None = None,
              *, result: Any = None, theme: str | None = None,
              selection: Any = None) -> ReviewApp:
    """The review app for `paths` (run through the pipeline), or for a ready `result`;
    `selection` (factcheck.selection) narrows the rules reported, as in `check`."""
    if result is not None:
        def load(progress: Callable[[int, int, int], None]) -> Any:
            return result
    else:
        def load(progress: Callable[[int, int, int], None]) -> Any:
            found = run(list(paths), options, progress)
            if selection is not None:
                select_findings(found, selection)
            return found
    path = Path(triage_path) if triage_path else default_triage_path(list(paths))
    title = " ".join(paths) if paths else ""
    return ReviewApp(load, path, title=title, theme=theme)
