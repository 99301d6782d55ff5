"""The extraction cache: a second run parses nothing and gives the same table; a
changed article, rule or model is parsed again; a broken entry is rebuilt, never fatal."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from factcheck import cli
from factcheck.extract import extract_doc as real_extract_doc
from factcheck.ingest.articles import read_articles
from factcheck.model import Article, Options
from factcheck.run.pipeline import extract_articles
from factcheck.storage.cache import ExtractionCache, article_key
from tests.conftest import SEEDS
from tests.test_engines import entity_rows


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rows that depend on the parse, whatever stage the real extractors are at.
    monkeypatch.setattr("factcheck.extract.extract_doc", entity_rows)


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return read_articles([str(SEEDS)])


class Parses:
    """Counts the texts sent to spaCy."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import factcheck.nlp.load

        self.texts: list[str] = []
        real = factcheck.nlp.load.pipe

        def counting(nlp: Any, items: Any, **kw: Any) -> Any:
            def seen() -> Any:
                for text, context in items:
                    self.texts.append(text)
                    yield text, context
            return real(nlp, seen(), **kw)

        monkeypatch.setattr(factcheck.nlp.load, "pipe", counting)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Parses:
    return Parses(monkeypatch)


def _run(articles: list[Article], rules: Any, cache: Path) -> pl.DataFrame:
    return extract_articles(articles, rules, Options(cache_dir=str(cache)))


def test_a_second_run_parses_nothing_and_gives_the_same_table(
        tmp_path: Path, seeds: list[Article], rules: Any, nlp: Any, parses: Parses) -> None:
    uncached = extract_articles(seeds, rules, Options())
    parses.texts.clear()
    first = _run(seeds, rules, tmp_path)
    assert len(parses.texts) == len(seeds)
    second = _run(seeds, rules, tmp_path)
    assert len(parses.texts) == len(seeds)  # nothing more was parsed
    assert_frame_equal(first, uncached)
    assert_frame_equal(second, uncached)
    assert len(second) > 50


def test_a_fully_cached_batch_does_not_load_the_model(
        tmp_path: Path, seeds: list[Article], rules: Any, nlp: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A CI run whose articles are all cached should not pay for loading spaCy.
    import factcheck.nlp.load

    first = _run(seeds, rules, tmp_path)
    loads: list[Any] = []
    monkeypatch.setattr(factcheck.nlp.load, "load_model", lambda *a, **k: loads.append(a))
    assert_frame_equal(_run(seeds, rules, tmp_path), first)
    assert loads == []


def test_real_facts_survive_the_cache_unchanged(tmp_path: Path, seeds: list[Article],
                                                rules: Any, nlp: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # Numbers, intervals, lists and nulls of the real extractors through JSON and back.
    monkeypatch.setattr("factcheck.extract.extract_doc", real_extract_doc)
    uncached = extract_articles(seeds, rules, Options())
    _run(seeds, rules, tmp_path)
    assert_frame_equal(_run(seeds, rules, tmp_path), uncached)
    assert uncached["value"].drop_nulls().len() > 10


def _edited(article: Article) -> Article:
    return dataclasses.replace(article, text=article.text + "\nAnother 12 people joined.\n")


@pytest.mark.parametrize(
    ("change", "parsed"),
    [(lambda a: a, 0),
     (lambda a: dataclasses.replace(a, id="renamed/" + a.id, path="renamed/" + a.path), 0),
     (_edited, 1),
     (lambda a: dataclasses.replace(a, source="Another Outlet"), 1)],
    ids=["same", "same-text-new-id", "edited-text", "new-metadata"],
)
def test_only_changed_articles_are_parsed_again(
        tmp_path: Path, seeds: list[Article], rules: Any, nlp: Any, parses: Parses,
        change: Any, parsed: int) -> None:
    _run(seeds, rules, tmp_path)
    parses.texts.clear()
    batch = [change(seeds[0]), *seeds[1:]]
    facts = _run(batch, rules, tmp_path)
    assert len(parses.texts) == parsed
    # Whatever came from the cache carries this batch's ids and offsets.
    assert_frame_equal(facts, extract_articles(batch, rules, Options()))


def test_new_rules_or_model_start_afresh(tmp_path: Path, seeds: list[Article]) -> None:
    put = ExtractionCache(tmp_path, model="en_a-1", rules_version="r1")
    put.put(seeds[0], [{"start": 0, "end": 1, "kind": "count"}])
    assert ExtractionCache(tmp_path, model="en_a-1", rules_version="r1").get(seeds[0])
    assert ExtractionCache(tmp_path, model="en_a-1", rules_version="r2").get(seeds[0]) is None
    assert ExtractionCache(tmp_path, model="en_a-2", rules_version="r1").get(seeds[0]) is None


CORRUPTIONS = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "not-json": lambda raw: b"\x00\xff garbage",
    "other-key": lambda raw: raw.replace(b'"key":"', b'"key":"0'),
    "rows-not-a-list": lambda raw: json.dumps(
        {**json.loads(raw), "rows": {"a": 1}}).encode(),
    "old-format": lambda raw: raw.replace(b"extract-cache/1", b"extract-cache/0"),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_entry_is_ignored_and_rebuilt(
        tmp_path: Path, seeds: list[Article], rules: Any, nlp: Any, parses: Parses,
        corrupt: Any) -> None:
    expected = _run(seeds, rules, tmp_path)
    entry = next(tmp_path.rglob(f"{article_key(seeds[2])}.json"))
    entry.write_bytes(corrupt(entry.read_bytes()))
    parses.texts.clear()
    assert_frame_equal(_run(seeds, rules, tmp_path), expected)
    assert parses.texts == [seeds[2].body]
    # Rebuilt: the next run reads it again.
    parses.texts.clear()
    _run(seeds, rules, tmp_path)
    assert parses.texts == []


def test_a_cache_that_cannot_be_written_does_not_stop_the_run(
        tmp_path: Path, seeds: list[Article], rules: Any, nlp: Any) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    facts = _run(seeds, rules, blocked)
    assert_frame_equal(facts, extract_articles(seeds, rules, Options()))


@pytest.mark.parametrize(
    ("args", "env", "where"),
    [([], None, ".factcheck/cache"),
     ([], "envcache", "envcache"),
     (["--cache-dir", "flagcache"], "envcache", "flagcache"),
     (["--no-cache"], None, None)],
    ids=["working-folder", "env", "flag-beats-env", "off"],
)
def test_where_the_cli_keeps_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       nlp: Any, args: list[str], env: str | None,
                                       where: str | None) -> None:
    monkeypatch.chdir(tmp_path)
    if env:
        monkeypatch.setenv("FACTCHECK_CACHE_DIR", env)
    else:
        monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    article = tmp_path / "a.md"
    article.write_text("---\nsource: A\n---\nThe council hired 40 wardens in Leeds.\n")
    assert cli.main(["extract", "a.md", "--no-default-rules", "-o", "f.parquet", *args]) == 0
    entries = sorted(p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*.json"))
    if where is None:
        assert entries == []
    else:
        assert entries == [where.split("/")[0]]
        assert next(tmp_path.rglob("*.json")).is_relative_to(tmp_path / where)
