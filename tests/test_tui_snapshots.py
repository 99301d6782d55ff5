"""SVG snapshots of the review app's main screens at 80×24 and 160×48.

They run on the fixed synthetic batch (tests/tui_sample.py), so they change
only when the app's look changes. Update them after a deliberate change with
`pytest tests/test_tui_snapshots.py --snapshot-update`, look at the SVGs, and
copy the ones the README shows to docs/screenshots/.
"""

from __future__ import annotations

import pytest

from factcheck.tui import build_app
from tests.tui_sample import sample_result

SIZES = {"80x24": (80, 24), "160x48": (160, 48)}

SCREENS = [
    # (id, keys pressed once the list is shown, theme)
    ("list", [], "textual-dark"),
    ("list-light", [], "textual-light"),
    ("evidence-numeric", ["down", "down"], "textual-dark"),
    ("matrix", ["m"], "textual-dark"),
    ("article", ["a"], "textual-dark"),
    ("help", ["question_mark"], "textual-dark"),
    ("filter", ["f"], "textual-dark"),
    ("triaged", ["d", "c", "e", *"asked the desk", "enter"], "textual-dark"),
]


async def until_loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
@pytest.mark.parametrize("keys, theme", [(k, t) for _, k, t in SCREENS],
                         ids=[s[0] for s in SCREENS])
def test_screen(snap_compare, tmp_path, monkeypatch, size, keys, theme):
    # A relative triage path keeps the status line the same on every machine.
    monkeypatch.chdir(tmp_path)
    app = build_app(result=sample_result(), triage_path="factcheck.triage.json", theme=theme)
    assert snap_compare(app, press=keys, terminal_size=SIZES[size], run_before=until_loaded)


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_no_discrepancies(snap_compare, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)
    app = build_app(result=sample_result(discrepancies=False),
                    triage_path="factcheck.triage.json")
    assert snap_compare(app, terminal_size=SIZES[size], run_before=until_loaded)
