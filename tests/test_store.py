"""The fact store: idempotent adds, atomic writes, loading what the manifest names."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import polars as pl
import pytest

import factcheck.storage.store as store_mod
from factcheck.cli import main
from factcheck.errors import FactcheckError
from factcheck.storage.store import Store, open_store
from tests.report_support import ROOT, synthetic_result


def _snapshot(root):
    """Every file under the store with its bytes: 'unchanged' means this is equal."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def batch():
    r = synthetic_result()
    return r.articles, r.facts


def test_add_then_load_round_trips(tmp_path, batch):
    articles, facts = batch
    added = Store(tmp_path).add(articles, facts)
    assert added.added == [a.id for a in articles] and added.facts == len(facts)
    loaded_articles, loaded_facts = Store(tmp_path).load()
    assert [a.id for a in loaded_articles] == sorted(a.id for a in articles)
    assert loaded_articles[0].text == articles[0].text
    assert loaded_facts.schema == facts.schema
    assert sorted(loaded_facts["fact_id"].to_list()) == sorted(facts["fact_id"].to_list())


def test_adding_the_same_articles_twice_changes_nothing(tmp_path, batch):
    articles, facts = batch
    Store(tmp_path).add(articles, facts)
    before = _snapshot(tmp_path)
    again = Store(tmp_path).add(articles, facts)
    assert again.added == [] and again.unchanged == [a.id for a in articles]
    assert _snapshot(tmp_path) == before


def test_a_changed_article_replaces_its_old_version(tmp_path, batch):
    articles, facts = batch
    Store(tmp_path).add(articles, facts)
    edited = dataclasses.replace(articles[0], text=articles[0].text + "\nA late update.\n")
    store = Store(tmp_path)
    assert store.pending([edited, articles[1]]) == [edited]
    store.add([edited], facts.filter(pl.col("article") == edited.id))
    loaded, loaded_facts = Store(tmp_path).load()
    assert {a.id: a.text for a in loaded}[edited.id] == edited.text
    # No fact twice: the old version's rows are no longer read.
    assert loaded_facts["fact_id"].n_unique() == len(loaded_facts) == len(facts)
    # The superseded part is gone from disk.
    assert len(list((tmp_path / "parts").iterdir())) == 2


@pytest.mark.parametrize("where", ["after-first-file", "before-manifest"])
def test_a_write_killed_half_way_leaves_the_store_unchanged(tmp_path, batch, monkeypatch,
                                                            where):
    articles, facts = batch
    Store(tmp_path).add(articles[:1], facts)
    before = _snapshot(tmp_path)
    loaded_before = Store(tmp_path).load()

    class Killed(Exception):
        pass

    if where == "after-first-file":
        real, calls = store_mod._write_parquet, []

        def write(frame, path):
            if calls:
                raise Killed
            calls.append(path)
            real(frame, path)

        monkeypatch.setattr(store_mod, "_write_parquet", write)
    else:
        def swap(path, articles):
            raise Killed

        monkeypatch.setattr(store_mod, "_swap_manifest", swap)
    with pytest.raises(Killed):
        Store(tmp_path).add(articles[1:], facts)
    monkeypatch.undo()

    after = Store(tmp_path)
    assert after.articles == Store(tmp_path).articles == {
        articles[0].id: after.articles[articles[0].id]}
    a, f = after.load()
    assert [x.id for x in a] == [x.id for x in loaded_before[0]]
    assert f.equals(loaded_before[1])
    assert (tmp_path / "manifest.json").read_bytes() == before["manifest.json"]
    if where == "after-first-file":
        assert _snapshot(tmp_path) == before  # the temp folder was cleaned up
    # The next add works and sweeps anything the killed one left behind.
    Store(tmp_path).add(articles[1:], facts)
    assert len(list((tmp_path / "parts").iterdir())) == 2
    assert not list(tmp_path.glob(".tmp-*"))


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "cannot read the store manifest"),
     ('{"schema": "other/1"}', "not a factcheck store manifest")],
    ids=["corrupt", "foreign"],
)
def test_a_bad_manifest_is_an_error_naming_the_file(tmp_path, content, message):
    (tmp_path / "manifest.json").write_text(content)
    with pytest.raises(FactcheckError, match=message) as err:
        Store(tmp_path)
    assert str(tmp_path / "manifest.json") in str(err.value)


def test_check_against_a_missing_store_is_an_error(tmp_path):
    with pytest.raises(FactcheckError, match="no fact store here"):
        open_store(tmp_path / "nowhere", must_exist=True)


def test_check_against_finds_what_a_whole_batch_check_finds_for_the_new_article(
        tmp_path, monkeypatch, capsys):
    """Store five seeds, check the sixth against them: the same findings about it
    as checking all six together, and none only among the stored five."""
    shutil.copytree(ROOT / "seeds", tmp_path / "news")
    (tmp_path / "news" / "README.md").unlink()
    monkeypatch.chdir(tmp_path)
    new = "news/daily-example.md"
    published = sorted(p.as_posix() for p in Path("news").glob("*.md") if p.as_posix() != new)
    common = ["--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]

    assert main(["store", "add", *published, "--store", "store", *common]) == 0
    assert main(["store", "add", *published, "--store", "store", *common]) == 0
    assert "added 0 articles" in capsys.readouterr().err

    def report(*args):
        main(["check", *args, "--format", "json", "--triage", "none.json", *common])
        return json.loads(capsys.readouterr().out)

    whole = report("news/")
    expected = sorted(d["id"] for d in whole["discrepancies"]
                      if any(f["article"] == new for f in d["facts"]))
    against = report(new, "--against", "store")
    assert expected, "the seeds plant a disagreement in the new article"
    assert sorted(d["id"] for d in against["discrepancies"]) == expected
    assert all(any(f["article"] == new for f in d["facts"]) for d in against["discrepancies"])
