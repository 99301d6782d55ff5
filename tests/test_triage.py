"""The triage file: decisions kept safely, read by check, keyed by stable fingerprints."""

from __future__ import annotations

import json

import polars as pl
import pytest

from factcheck.errors import FactcheckError
from factcheck.storage.triage import DEFAULT_NAME, SCHEMA, Triage, apply_triage, default_triage_path


def test_missing_file_is_an_empty_triage(tmp_path):
    t = Triage.load(tmp_path / DEFAULT_NAME)
    assert t.state("abc") == "new" and t.get("abc") is None
    assert not (tmp_path / DEFAULT_NAME).exists()  # reading writes nothing


def test_decisions_are_written_at_once_and_read_back(tmp_path):
    path = tmp_path / DEFAULT_NAME
    t = Triage.load(path)
    t.decide("fp-b", "dismissed", "same figure, other wording")
    t.decide("fp-a", "confirmed")
    data = json.loads(path.read_text())
    assert data["schema"] == SCHEMA
    assert list(data["decisions"]) == ["fp-a", "fp-b"]  # sorted: diffs stay small
    again = Triage.load(path)
    assert again.state("fp-b") == "dismissed"
    assert again.get("fp-b").note == "same figure, other wording"
    assert again.get("fp-a").when.endswith("Z")
    assert again.to_json() == path.read_text()  # deterministic round trip


def test_undo_reverts_the_last_decision_and_writes(tmp_path):
    path = tmp_path / DEFAULT_NAME
    t = Triage.load(path)
    t.decide("fp-a", "confirmed", "checked with the council")
    t.decide("fp-a", "dismissed")
    assert t.get("fp-a").note == "checked with the council"  # a decision keeps the note
    assert t.undo() == "fp-a"
    assert Triage.load(path).state("fp-a") == "confirmed"
    assert t.undo() == "fp-a"
    assert Triage.load(path).state("fp-a") == "new"
    assert t.undo() is None


def test_a_note_alone_leaves_the_state_new(tmp_path):
    t = Triage.load(tmp_path / DEFAULT_NAME)
    t.note("fp-a", "ask the desk")
    again = Triage.load(tmp_path / DEFAULT_NAME)
    assert again.state("fp-a") == "new" and again.get("fp-a").note == "ask the desk"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{oops", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"schema": "factcheck.triage/9", "decisions": {}}', "schema must be"),
        ('{"schema": "factcheck.triage/1", "decisions": {"x": {"state": "maybe"}}}',
         "needs a state"),
    ],
    ids=["not-json", "not-object", "other-schema", "bad-state"],
)
def test_a_corrupt_file_is_an_error_and_is_not_replaced(tmp_path, content, message):
    path = tmp_path / DEFAULT_NAME
    path.write_text(content)
    with pytest.raises(FactcheckError, match=message) as err:
        Triage.load(path)
    assert str(path) in str(err.value)
    assert path.read_text() == content


@pytest.mark.parametrize(
    ("paths", "expected"),
    [(["news"], "news/" + DEFAULT_NAME), (["news/a.md", "other/b.md"], "news/" + DEFAULT_NAME),
     (["news/**/*.md"], "news/" + DEFAULT_NAME), (["-"], DEFAULT_NAME)],
    ids=["folder", "first-file", "glob", "stdin"],
)
def test_default_path_is_beside_the_batch(tmp_path, monkeypatch, paths, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    assert default_triage_path(paths).as_posix() == expected


def test_apply_triage_adds_state_and_note(tmp_path):
    t = Triage.load(tmp_path / DEFAULT_NAME)
    t.decide("b", "dismissed", "fine")
    d = apply_triage(pl.DataFrame({"id": ["a", "b"]}), t)
    assert d["triage"].to_list() == ["new", "dismissed"]
    assert d["triage_note"].to_list() == [None, "fine"]
