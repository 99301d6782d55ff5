"""The review app from the keyboard alone: dialogs, vim keys, Ctrl+C, the
empty search, the matrix's frozen column, the people and timeline screens
(Textual's Pilot; the tmux test drives the real console script)."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest

from factcheck.facts import PEOPLE_SCHEMA, TIMELINE_SCHEMA, frame
from tests.test_tui import SEVERITY_ORDER, loaded, make, run, shown


@pytest.fixture
def triage_file(tmp_path):
    return tmp_path / "triage.json"


def current(app) -> str:
    return app.query_one("#list").current()


def test_filter_dialog_by_keyboard_alone(triage_file):
    from factcheck.tui.modals import FilterScreen

    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press("f")
            assert isinstance(app.screen, FilterScreen)
            # Tab to the kind, Enter opens it, ↓ Enter picks the first kind.
            await pilot.press("tab", "enter", "down", "enter")
            assert app.screen.query_one("#filter-kind").value == "attribute"
            await pilot.press("tab", "tab", "tab")  # source, triage, Apply
            assert app.focused.id == "filter-apply"
            await pilot.press("enter")
            assert not isinstance(app.screen, FilterScreen)
            assert shown(app) == ["fp-role", "fp-min"]
            assert "kind=attribute" in str(app.query_one("#status").render())
            # Shift+Tab goes back; Escape leaves the filters as they were.
            await pilot.press("f", "shift+tab")
            assert app.focused.id == "filter-clear"
            await pilot.press("escape")
            assert shown(app) == ["fp-role", "fp-min"]
            await pilot.press("f", "shift+tab", "enter")  # Clear
            assert shown(app) == SEVERITY_ORDER
    run(go())


def test_vim_keys_move_through_the_list(triage_file):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press("j", "j")
            assert current(app) == SEVERITY_ORDER[2]
            await pilot.press("k")
            assert current(app) == SEVERITY_ORDER[1]
            await pilot.press("G")
            assert current(app) == SEVERITY_ORDER[-1]
            await pilot.press("j")  # stays on the last row
            assert current(app) == SEVERITY_ORDER[-1]
            await pilot.press("g")
            assert current(app) == SEVERITY_ORDER[0]
            # The evidence follows the cursor.
            await pilot.press("G")
            assert "fare rise" in str(app.query_one("#evidence").render()) or \
                "12 percent" in str(app.query_one("#evidence").render())
    run(go())


def test_slash_then_n_and_shift_n_step_through_matches(triage_file):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press("n")  # no search yet: nothing moves
            assert current(app) == SEVERITY_ORDER[0]
            await pilot.press("slash", *"tribune", "enter")
            matches = ["fp-role", "fp-cost", "fp-pax", "fp-fare"]
            assert shown(app) == matches
            await pilot.press("n")
            assert current(app) == matches[1]
            await pilot.press("N", "N")  # wraps round to the last match
            assert current(app) == matches[-1]
            # Typed into the search box, n is a letter, not a key binding.
            await pilot.press("slash", "end", "n")
            assert app.query_one("#search").value == "tribunen"
    run(go())


def test_ctrl_c_quits_like_q(triage_file):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press("slash")  # even with the search box focused
            await pilot.press("ctrl+c")
            await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running
    run(go())


def test_a_search_that_matches_nothing_shows_no_hidden_row(triage_file):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press("slash", *"zzz")
            await pilot.pause()
            evidence = str(app.query_one("#evidence").render())
            assert shown(app) == []
            assert evidence.startswith("No discrepancy matches the search “zzz”. "
                                       "Press Escape to clear it.")
            assert "Ana Ruiz" not in evidence
            await pilot.press("enter", "j", "k")  # moving over an empty list is harmless
            assert "Ana Ruiz" not in str(app.query_one("#evidence").render())
    run(go())


def test_matrix_keeps_the_subject_in_view_and_fits_its_columns(triage_file):
    from factcheck.tui.screens import MatrixScreen

    async def go():
        app = make(triage_file)
        async with app.run_test(size=(80, 24)) as pilot:
            await loaded(app, pilot)
            await pilot.press("m")
            assert isinstance(app.screen, MatrixScreen)
            table = app.screen.query_one("#matrix")
            assert table.fixed_columns == 1
            widths = {c.label.plain: c.width for c in table.columns.values()}
            # "passengers on the first day" (27) and "✗ more than 5,000 passengers" (28)
            # are whole, where columns used to stop at 24.
            assert widths["Subject"] == len("passengers on the first day")
            assert widths["Coast Tribune"] == len("✗ more than 5,000 passengers")
    run(go())


def with_people_and_timeline():
    from tests.tui_sample import sample_result

    r = sample_result()
    # The role check names the field it found apart last in its subject.
    r.discrepancies = r.discrepancies.with_columns(
        pl.when(pl.col("id") == "fp-role").then(pl.lit("Ana Ruiz · role"))
        .otherwise(pl.col("subject")).alias("subject"))
    t0 = datetime(2025, 3, 4, 8, tzinfo=UTC)
    r.people = frame([
        {"person": "ruiz", "story": "harbour", "article": "harbour/gazette.md",
         "name": "Ana Ruiz", "age": 51.0, "role": "port director", "fact_ids": ["f-role-g"]},
        {"person": "ruiz", "story": "harbour", "article": "harbour/tribune.md",
         "name": "Ruiz", "age": 51.0, "role": "harbour master", "fact_ids": ["f-role-t"]},
        {"person": "ruiz", "story": "harbour", "article": "harbour/echo.md",
         "name": "Ms Ruiz", "age": 15.0, "role": "port director", "fact_ids": []},
    ], PEOPLE_SCHEMA)
    r.timeline = frame([
        {"story": "harbour", "series": "passengers", "article": "harbour/gazette.md",
         "published": t0, "value": 1200.0, "text": "about 1,200 passengers", "status": "first"},
        {"story": "harbour", "series": "passengers", "article": "harbour/tribune.md",
         "published": t0.replace(hour=11), "value": 5000.0,
         "text": "more than 5,000 passengers", "status": "conflict"},
    ], TIMELINE_SCHEMA)
    return r


def test_people_screen_marks_the_odd_article_and_enter_opens_its_discrepancy(triage_file):
    from factcheck.tui.tables import MARK, PeopleScreen

    async def go():
        app = make(triage_file, result=with_people_and_timeline())
        async with app.run_test(size=(160, 40)) as pilot:
            await loaded(app, pilot)
            await pilot.press("G", "p")  # from a row of the harbour story
            assert isinstance(app.screen, PeopleScreen)
            table = app.screen.query_one("#story-table")
            assert table.fixed_columns == 1
            assert [c.label.plain for c in table.columns.values()] == [
                "Person", "Harbour Gazette", "Coast Tribune", "Evening Echo"]
            # Two articles say port director, one harbour master, and the role
            # check found it: that one stands apart.
            assert str(table.get_cell("ruiz", "harbour/tribune.md")) == \
                MARK + "Ruiz / age 51 / harbour master"
            # Its age is as rare, but no finding backs it: no mark.
            assert str(table.get_cell("ruiz", "harbour/echo.md")) == \
                "Ms Ruiz / age 15 / port director"
            # Enter on the Coast Tribune cell opens the discrepancy citing its role.
            await pilot.press("right", "right", "enter")
            assert not isinstance(app.screen, PeopleScreen)
            assert current(app) == "fp-role"
    run(go())


def test_enter_on_a_persons_name_opens_their_discrepancy(triage_file):
    from factcheck.tui.tables import PeopleScreen

    async def go():
        app = make(triage_file, result=with_people_and_timeline())
        async with app.run_test(size=(160, 40)) as pilot:
            await loaded(app, pilot)
            await pilot.press("G", "p", "enter")  # the cursor starts on the name
            assert not isinstance(app.screen, PeopleScreen)
            assert current(app) == "fp-role"
    run(go())


def test_timeline_screen_shows_the_running_total_in_time_order(triage_file):
    from factcheck.tui.tables import TimelineScreen

    async def go():
        app = make(triage_file, result=with_people_and_timeline())
        async with app.run_test(size=(160, 40)) as pilot:
            await loaded(app, pilot)
            await pilot.press("T")
            assert isinstance(app.screen, TimelineScreen)
            table = app.screen.query_one("#story-table")
            rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
            assert rows == [
                ["2025-03-04 08:00 UTC", "Harbour Gazette", "passengers",
                 "about 1,200 passengers", "1,200", "first"],
                ["2025-03-04 11:00 UTC", "Coast Tribune", "passengers",
                 "more than 5,000 passengers", "5,000", "conflict"]]
            assert "passengers ▁█ 1,200 → 5,000" in str(app.screen.query_one("#story-hint")
                                                        .render())
            await pilot.press("escape")
            assert not isinstance(app.screen, TimelineScreen)
    run(go())


def test_no_people_table_says_so(triage_file):
    async def go():
        app = make(triage_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            await pilot.press("p")
            assert app.screen is app.screen_stack[0]
    run(go())


def test_review_reports_the_rules_check_would(triage_file):
    """--select/--ignore (or the configuration's) narrow the review as they do check."""
    import os

    from factcheck.model import Options
    from factcheck.report.selection import Selection
    from factcheck.tui import build_app
    from tests.conftest import SEEDS

    async def go():
        app = build_app([str(SEEDS)], Options(cache_dir=os.environ["FACTCHECK_CACHE_DIR"]),
                        triage_file, selection=Selection(select=("FC2",), ignore=("FC203",)))
        async with app.run_test(size=(100, 30)) as pilot:
            await loaded(app, pilot)
            table = app.query_one("#list")
            codes = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
            assert codes == {"FC201", "FC202"}
    run(go())
