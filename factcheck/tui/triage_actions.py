"""The review app's triage actions: confirm, dismiss, note and undo a decision
on the current discrepancy, each saved to the triage file at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

from ..storage.triage import Triage
from .modals import NoteScreen
from .view import Review
from .widgets import DiscrepancyTable


class TriageActions(App[int]):
    """Mixed into ``ReviewApp``."""

    # The app's state and the list's helpers these actions use (ReviewApp's).
    review: Review | None
    triage: Triage | None
    triage_error: str | None
    triage_path: Path
    current_row: Callable[[], Any]
    select: Callable[[str], None]
    state: Callable[[str], str]
    show_evidence: Callable[[str | None], None]

    def _writable(self) -> Triage | None:
        """The triage file to write decisions to; None (and a notice) if there is none."""
        if self.triage is None:
            self.notify(f"Decisions are not saved: {self.triage_error}", severity="error")
        return self.triage

    def action_decide(self, state: str) -> None:
        row = self.current_row()
        triage = self._writable() if row is not None else None
        if row is None or triage is None:
            return
        try:
            triage.decide(row.id, state)
        except OSError as exc:
            self.notify(f"Could not write {self.triage_path}: {exc.strerror}", severity="error")
            return
        self.after_change(row.id)
        self.query_one(DiscrepancyTable).action_cursor_down()

    def action_note(self) -> None:
        row = self.current_row()
        triage = self._writable() if row is not None else None
        if row is None or triage is None:
            return
        decision = triage.get(row.id)

        def save(text: str | None) -> None:
            if text is None:
                return
            try:
                triage.note(row.id, text.strip())
            except OSError as exc:
                self.notify(f"Could not write {self.triage_path}: {exc.strerror}",
                            severity="error")
                return
            self.after_change(row.id)

        self.push_screen(NoteScreen(row.subject or row.message,
                                    decision.note if decision else None), save)

    def action_undo(self) -> None:
        triage = self._writable()
        if triage is None:
            return
        fingerprint = triage.undo()
        if fingerprint is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.after_change(fingerprint)
        table = self.query_one(DiscrepancyTable)
        keys = self.review.keys if self.review is not None else {}
        shown = [k for k in keys.get(fingerprint, []) if k in table.rows]
        if shown:
            self.select(shown[0])

    def after_change(self, fingerprint: str) -> None:
        """Show a new triage state on every row of that fingerprint."""
        table = self.query_one(DiscrepancyTable)
        keys = self.review.keys.get(fingerprint, []) if self.review else []
        table.set_triage(keys, self.state(fingerprint))
        if table.current() in keys:
            self.show_evidence(table.current())
