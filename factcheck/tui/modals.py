"""Small dialogs over the main screen: help, a triage note, the filters."""

from __future__ import annotations

from importlib import resources
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Markdown, Select

from .view import TRIAGE_STATES, Filters


def help_text() -> str:
    """The shipped help file (package data, so an installed app has it too)."""
    return resources.files("factcheck.tui").joinpath("help.md").read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    AUTO_FOCUS = "#help-body"
    BINDINGS = [
        Binding("escape,question_mark", "close", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(help_text(), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)


class NoteScreen(ModalScreen[str | None]):
    """Ask for a note; Enter keeps it, Escape leaves the note as it was."""

    AUTO_FOCUS = "#note-input"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, subject: str, note: str | None) -> None:
        super().__init__()
        self.subject = subject
        self.initial = note or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Label(f"Note on: {self.subject}", id="note-title")
            yield Input(value=self.initial, placeholder="why you decided so", id="note-input")
            yield Label("Enter saves · Escape cancels", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FilterScreen(ModalScreen[Filters | None]):
    """Choose the severity, kind, source and triage state the list shows."""

    AUTO_FOCUS = "Select"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="filter.cancel")]

    def __init__(self, current: Filters, severities: list[str], kinds: list[str],
                 sources: list[str]) -> None:
        super().__init__()
        self.current = current
        self.choices = {"severity": severities, "kind": kinds, "source": sources,
                        "triage": list(TRIAGE_STATES)}

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-box", classes="dialog"):
            yield Label("Show only", id="filter-title")
            for name, values in self.choices.items():
                chosen = getattr(self.current, name)
                with Horizontal(classes="filter-row"):
                    yield Label(name, classes="filter-label")
                    yield Select([(v, v) for v in values], prompt="any", id=f"filter-{name}",
                                 compact=True,
                                 value=chosen if chosen in values else Select.NULL)
            with Horizontal(id="filter-buttons"):
                yield Button("Apply", variant="primary", id="filter-apply", compact=True)
                yield Button("Clear", id="filter-clear", compact=True)
            yield Label("Tab moves · Enter opens a choice or presses a button · Escape cancels",
                        classes="hint")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "filter-clear":
            self.dismiss(Filters(search=self.current.search))
            return
        values: dict[str, Any] = {}
        for name in self.choices:
            value = self.query_one(f"#filter-{name}", Select).value
            values[name] = None if value is Select.NULL else value
        self.dismiss(Filters(search=self.current.search, **values))

    def action_cancel(self) -> None:
        self.dismiss(None)
