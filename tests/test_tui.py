"""The review app driven by Textual's Pilot on a fixed synthetic batch.

Each test builds the app with the same factory the console script uses
(`build_app`) and asserts on what a person sees (rows, screens) and on what
was written to the triage file.
"""

from __future__ import annotations

import json
import threading

import pytest

from factcheck.errors import FactcheckError
from factcheck.tui import build_app
from tests.tui_sample import sample_result

SEVERITY_ORDER = ["fp-role", "fp-rate", "fp-cost", "fp-min", "fp-pax", "fp-fare"]


def run(coro):
    import asyncio

    return asyncio.run(coro)


async def loaded(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


def shown(app) -> list[str]:
    from factcheck.tui.widgets import DiscrepancyTable

    table = app.query_one(DiscrepancyTable)
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


def decisions(path) -> dict:
    return json.loads(path.read_text())["decisions"] if path.exists() else {}


@pytest.fixture
def triage_file(tmp_path):
    return tmp_path / "triage.json"


def make(triage_file, **kw):
    return build_app(result=kw.pop("result", None) or sample_result(), triage_path=triage_file,
                     **kw)


def test_list_opens_sorted_by_severity_with_evidence(triage_file):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            assert shown(app) == SEVERITY_ORDER
            evidence = str(app.query_one("#evidence").render())
            # The highlighted discrepancy's sources, their sentences and the rule docs.
            assert "Coast Tribune" in evidence and "Harbour Gazette" in evidence
            assert "Harbour master Ana Ruiz counted" in evidence
            assert "Same person, different titles." in evidence
            assert "alignment score 0.95" in evidence
            await pilot.press("down", "down")
            evidence = str(app.query_one("#evidence").render())
            assert "FC101 numeric-mismatch" in evidence
            assert "[24,000,000, 24,000,000]" in evidence  # normalized interval
    run(go())


@pytest.mark.parametrize("presses, order", [
    (1, ["fp-role", "fp-min", "fp-pax", "fp-rate", "fp-cost", "fp-fare"]),  # kind
    (2, ["fp-role", "fp-fare", "fp-pax", "fp-rate", "fp-cost", "fp-min"]),  # subject
    (3, SEVERITY_ORDER),  # back to severity
], ids=["kind", "subject", "severity-again"])
def test_sort_key_cycles(triage_file, presses, order):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press(*["s"] * presses)
            assert shown(app) == order
    run(go())


@pytest.mark.parametrize("choices, expected", [
    ({"severity": "error"}, ["fp-role", "fp-rate", "fp-cost"]),
    ({"kind": "attribute"}, ["fp-role", "fp-min"]),
    ({"source": "City Ledger"}, ["fp-rate", "fp-min"]),
    ({"severity": "warning", "kind": "count"}, ["fp-pax"]),
    ({"triage": "dismissed"}, ["fp-role"]),  # the first row is dismissed before filtering
    ({"triage": "new"}, SEVERITY_ORDER[1:]),
], ids=["severity", "kind", "source", "severity+kind", "triage-dismissed", "triage-new"])
def test_filter_dialog(triage_file, choices, expected):
    from factcheck.tui.modals import FilterScreen

    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press("d", "f")
            assert isinstance(app.screen, FilterScreen)
            for name, value in choices.items():
                app.screen.query_one(f"#filter-{name}").value = value
            await pilot.click("#filter-apply")
            await pilot.pause()
            assert shown(app) == expected
            await pilot.press("escape")  # clears every filter
            assert shown(app) == SEVERITY_ORDER
    run(go())


@pytest.mark.parametrize("query, expected", [
    ("ruiz", ["fp-role"]),
    ("TRIBUNE", ["fp-role", "fp-cost", "fp-pax", "fp-fare"]),  # source, any case
    ("FC201", ["fp-role", "fp-min"]),
    ("£300m", ["fp-rate"]),  # a fact's text
    ("no such thing", []),
], ids=["person", "source", "code", "fact-text", "nothing"])
def test_search(triage_file, query, expected):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press("slash")
            await pilot.press(*query)
            await pilot.press("enter")
            assert shown(app) == expected
            if not expected:
                assert "No discrepancy matches" in str(app.query_one("#evidence").render())
            await pilot.press("escape")
            assert shown(app) == SEVERITY_ORDER
    run(go())


@pytest.mark.parametrize("keys, written", [
    (["c"], {"fp-role": ("confirmed", "")}),
    (["d"], {"fp-role": ("dismissed", "")}),
    (["d", "c"], {"fp-role": ("dismissed", ""), "fp-rate": ("confirmed", "")}),
    (["d", "u"], {}),
    (["e", *"port says director", "enter"], {"fp-role": ("new", "port says director")}),
    (["c", "up", "e", *"checked", "enter"], {"fp-role": ("confirmed", "checked")}),
    (["e", *"typo", "escape"], {}),
], ids=["confirm", "dismiss", "dismiss-moves-on", "undo", "note", "note-keeps-state",
        "note-cancelled"])
def test_triage_keys_write_the_file_at_once(triage_file, keys, written):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press(*keys)
            # Read while the app still runs: nothing waits for a clean exit.
            found = {fp: (d["state"], d["note"]) for fp, d in decisions(triage_file).items()}
            assert found == written
            table = app.query_one("#list")
            for fp, (state, _) in written.items():
                assert str(table.get_cell(fp, "triage")) == state
    run(go())


def test_reopening_shows_earlier_decisions(triage_file):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press("d", "c")
        again = make(triage_file)
        async with again.run_test(size=(100, 30)) as pilot:
            await loaded(again, pilot)
            table = again.query_one("#list")
            states = {fp: str(table.get_cell(fp, "triage")) for fp in SEVERITY_ORDER}
            assert states == {"fp-role": "dismissed", "fp-rate": "confirmed", "fp-cost": "new",
                              "fp-min": "new", "fp-pax": "new", "fp-fare": "new"}
    run(go())


# How the help writes a key Textual names otherwise.
HELP_KEY = {"slash": "/", "question_mark": "?", "escape": "Escape", "ctrl+c": "Ctrl+C",
            "right_square_bracket": "]", "left_square_bracket": "[", "tab": "Tab",
            "enter": "Enter", "down": "↓", "up": "↑"}


def _help_keys() -> set[str]:
    """Every key the help's tables name (the backticked words of the key column)."""
    import re

    from factcheck.tui.modals import help_text

    keys = set()
    for line in help_text().splitlines():
        if line.startswith("| `"):
            keys |= set(re.findall(r"`([^`]+)`", line.split("|")[1]))
    return keys


def _bound_keys(app) -> set[str]:
    """Keys something in the app really binds: the app, its screens, the tables."""
    from textual.widgets import DataTable, Select

    from factcheck.tui import tables
    from factcheck.tui.modals import FilterScreen, HelpScreen, NoteScreen
    from factcheck.tui.screens import ArticleScreen, MatrixScreen

    keys = set()
    for owner in (app, MatrixScreen, ArticleScreen, tables.PeopleScreen, tables.TimelineScreen,
                  HelpScreen, NoteScreen, FilterScreen, DataTable, Select):
        for binding in owner.BINDINGS:
            binding_keys = binding[0] if isinstance(binding, tuple) else binding.key
            for key in binding_keys.split(","):
                keys.add(HELP_KEY.get(key.strip(), key.strip()))
    # Textual's own: Tab moves the focus, Enter selects a row or presses a button.
    return keys | {"Tab", "Enter"}


def test_help_lists_every_binding_and_only_real_ones(triage_file):
    from factcheck.tui.modals import HelpScreen

    async def go():
        app = make(triage_file)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            listed = _help_keys()
            for binding in app.BINDINGS:
                key = binding.key.split(",")[0]
                assert HELP_KEY.get(key, key) in listed, key
            # No entry for a key nothing binds (such as a bare "PgUp PgDn").
            assert listed - _bound_keys(app) == set()
            # The footer shows no binding without a description.
            assert all(b.binding.description for b in app.active_bindings.values()
                       if b.binding.show)
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)
    run(go())


def test_matrix_marks_the_outlier_and_enter_opens_that_discrepancy(triage_file):
    from factcheck.tui.screens import MARK, MatrixScreen

    async def go():
        app = make(triage_file)
        async with app.run_test(size=(160, 48)) as pilot:
            await loaded(app, pilot)
            await pilot.press("m")
            screen = app.screen
            assert isinstance(screen, MatrixScreen)
            table = screen.query_one("#matrix")
            sources = [c.label.plain for c in table.columns.values()][1:]
            assert sources == ["Coast Tribune", "Evening Echo", "Harbour Gazette"]
            # The cursor starts on the cell of the discrepancy being reviewed.
            assert screen.cursor().row == 3
            assert str(table.get_cell("g-role", "Evening Echo")) == "·"  # no such fact there
            assert str(table.get_cell("g-cost", "Coast Tribune")) == MARK + "£24 million"
            # Only the outlier is marked; the figures it contradicts are not.
            assert not str(table.get_cell("g-cost", "Harbour Gazette")).startswith(MARK)
            await pilot.press("up", "up", "up", "enter")
            assert not isinstance(app.screen, MatrixScreen)
            assert app.query_one("#list").current() == "fp-cost"
            await pilot.press("m", "right_square_bracket")
            assert "story budget" in str(app.screen.query_one("#matrix-title").render())
            await pilot.press("escape")
            assert app.query_one("#list").current() == "fp-cost"
    run(go())


def test_article_screen_marks_facts_and_scrolls_to_the_chosen_one(triage_file):
    from factcheck.tui.screens import ArticleScreen

    async def go():
        app = make(triage_file)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            await pilot.press("a")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert "harbour/tribune.md:4" in str(screen.query_one("#article-title").render())
            chosen = screen.query(".chosen")
            assert len(chosen) == 1
            assert str(chosen.first().render()).startswith("Harbour master Ana Ruiz")
            await pilot.press("right_square_bracket")  # the other source of the discrepancy
            assert "harbour/gazette.md:4" in str(screen.query_one("#article-title").render())
            await pilot.press("escape")
            assert not isinstance(app.screen, ArticleScreen)
    run(go())


@pytest.mark.parametrize("result, message", [
    (lambda: sample_result(articles=False), "no articles"),
    (lambda: sample_result(discrepancies=False), "No discrepancies"),
], ids=["empty-batch", "no-discrepancies"])
def test_nothing_to_review_says_so(triage_file, result, message):
    async def go():
        app = make(triage_file, result=result())
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            assert message in str(app.query_one("#message").render())
            await pilot.press("c", "m", "a", "slash")  # nothing to act on: no crash
            assert not triage_file.exists()
    run(go())


def test_unreadable_triage_file_is_shown_and_never_overwritten(triage_file):
    triage_file.write_text("{not json")

    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            assert shown(app) == SEVERITY_ORDER  # still reviewable, read-only
            assert "not valid JSON" in str(app.query_one("#status").render())
            await pilot.press("d", "u")
            assert triage_file.read_text() == "{not json"
    run(go())


def test_a_load_error_is_shown_on_screen(triage_file):
    from factcheck.tui.app import ReviewApp

    def load(progress):
        raise FactcheckError("not UTF-8: byte 0xff at offset 3", path="news/bad.md", line=1)

    async def go():
        app = ReviewApp(load, triage_file)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            assert "news/bad.md:1: not UTF-8" in str(app.query_one("#message").render())
            await pilot.press("q")
        assert app.return_code == 2  # an input error, as `check` would exit
    run(go())


def test_q_quits_while_loading(triage_file):
    from factcheck.tui.app import ReviewApp

    release = threading.Event()
    reached = []

    def load(progress):
        progress(1, 10, 100)
        release.wait(10)
        reached.append("after")
        progress(2, 10, 200)  # raises: the app is gone
        reached.append("not reached")

    async def go():
        app = ReviewApp(load, triage_file)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
            assert app.return_value == 0
            release.set()
    run(go())
    assert reached == ["after"]


def test_loading_shows_progress_and_the_ui_answers(triage_file):
    from factcheck.tui.app import ReviewApp
    from factcheck.tui.modals import HelpScreen

    release = threading.Event()

    def load(progress):
        progress(3, 10, 900)
        release.wait(10)
        return sample_result()

    async def go():
        app = ReviewApp(load, triage_file)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.3)
            bar = app.query_one("#progress")
            assert (bar.progress, bar.total) == (3, 10)
            assert "3/10 articles" in str(app.query_one("#loading-label").render())
            await pilot.press("question_mark")  # the UI answers while the worker runs
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            release.set()
            await loaded(app, pilot)
            assert shown(app) == SEVERITY_ORDER
    run(go())


def test_theme_key_switches_light_and_dark(triage_file):
    async def go():
        app = make(triage_file, theme="textual-dark")
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            await pilot.press("t")
            assert app.theme == "textual-light"
            await pilot.press("t")
            assert app.theme == "textual-dark"
    run(go())


@pytest.mark.parametrize("argv, message", [
    (["review", "-"], "not stdin"),
    (["review", "seeds/"], "needs a terminal"),  # pytest's stdin is not a terminal
], ids=["stdin", "no-terminal"])
def test_review_refuses_what_it_cannot_show(capsys, argv, message):
    from factcheck.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("factcheck: error: ") and message in err
    assert len(err.strip().splitlines()) == 1


def test_rows_sharing_a_fingerprint_share_one_decision(triage_file):
    import polars as pl

    result = sample_result()
    again = result.discrepancies.filter(pl.col("id") == "fp-role")
    result.discrepancies = pl.concat([result.discrepancies, again])

    async def go():
        app = make(triage_file, result=result)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            assert shown(app) == ["fp-role", "fp-role~2", *SEVERITY_ORDER[1:]]
            await pilot.press("d")
            table = app.query_one("#list")
            assert [str(table.get_cell(k, "triage")) for k in ("fp-role", "fp-role~2")] == [
                "dismissed", "dismissed"]
            assert list(decisions(triage_file)) == ["fp-role"]
    run(go())


@pytest.mark.parametrize("subject, kind, label", [
    ("drones supplied", "count", "drones supplied"),
    ("attribute", "attribute", "X calls Y foreign secretary"),  # subject only repeats the kind
    ("", "money", "X calls Y foreign secretary"),
], ids=["subject", "subject-is-kind", "no-subject"])
def test_list_subject_falls_back_to_the_message(subject, kind, label):
    from dataclasses import replace

    from factcheck.tui.view import Review
    from factcheck.tui.widgets import subject_label

    row = Review(sample_result()).rows[0]
    row = replace(row, subject=subject, kind=kind, message="X calls Y foreign secretary")
    assert subject_label(row) == label


@pytest.mark.parametrize("facts, chosen, expected", [
    ([(4, 7, "a")], "a", [[("one", "bold reverse")], []]),
    ([(4, 7, "a"), (8, 11, "b")], "b", [[("one", "underline")], [("two", "bold reverse")]]),
    ([(4, 11, "a")], "a", [[("one", "bold reverse")], [("two", "bold reverse")]]),  # 2 lines
], ids=["chosen", "chosen-and-other", "across-lines"])
def test_article_lines_mark_facts_at_their_offsets(facts, chosen, expected):
    from factcheck.tui.screens import article_lines

    text = "the one\ntwo more"
    rows = [{"start": s, "end": e, "fact_id": f} for s, e, f in facts]
    lines = article_lines(text, rows, chosen)
    assert [line.plain for line in lines] == ["the one", "two more"]
    marked = [[(line.plain[sp.start:sp.end], str(sp.style)) for sp in line.spans]
              for line in lines]
    assert marked == expected
