"""Every way of running extraction gives the same facts table, in the same order:
one process or two, this machine or a Dask cluster (bound to 127.0.0.1), and a
facts dataset written by `extract -o DIR/` cross-checks like the articles do."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from factcheck.errors import FactcheckError
from factcheck.ingest.articles import read_articles
from factcheck.model import Article, Options
from factcheck.run import engines
from factcheck.run.pipeline import extract_articles
from tests.conftest import SEEDS


def entity_rows(doc: Any, article: Any, rules: Any, offset: int = 0) -> list[dict[str, Any]]:
    """A stand-in extractor: one row per named entity. It makes the engine tests
    independent of how far the real extractors have got, while still depending
    on every token, sentence and entity the model produced."""
    return [{"start": offset + e.start_char, "end": offset + e.end_char,
             "kind": "count" if e.label_ == "CARDINAL" else "attribute",
             "attribute": None if e.label_ == "CARDINAL" else e.label_.lower(),
             "value": float(len(e)), "sentence": e.sent.text,
             "sentence_start": offset + e.sent.start_char, "entities": [e.root.lemma_],
             "pattern": "ents"} for e in doc.ents]


EXTRACTORS = ["real", "entities"]


@pytest.fixture
def extractor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "entities":
        monkeypatch.setattr("factcheck.extract.extract_doc", entity_rows)
    return request.param


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return read_articles([str(SEEDS)])


def _facts(seeds: list[Article], rules: Any, **options: Any) -> pl.DataFrame:
    return extract_articles(seeds, rules, Options(**options))


@pytest.mark.parametrize("extractor", EXTRACTORS, indirect=True)
def test_two_processes_give_the_same_facts_as_one(extractor: str, seeds: list[Article],
                                                  rules: Any, nlp: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    one = _facts(seeds, rules, jobs=1)
    # The seeds are small; make them count as worth a second process.
    monkeypatch.setattr(engines, "WORDS_PER_PROCESS", 1)
    assert engines.processes_for(2, 1000) == 2
    two = _facts(seeds, rules, jobs=2)
    assert_frame_equal(one, two)
    if extractor == "entities":
        assert len(one) > 50
        assert one["article"].unique(maintain_order=True).to_list() == [a.id for a in seeds]


def test_with_two_processes_the_workers_extract(seeds: list[Article], rules: Any, nlp: Any,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # With two processes the forked workers parse and extract; only rows come
    # back to this one.
    calls = tmp_path / "calls"

    def recording(doc: Any, article: Any, rules: Any, offset: int = 0) -> list[dict[str, Any]]:
        with calls.open("a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return entity_rows(doc, article, rules, offset)

    monkeypatch.setattr("factcheck.extract.extract_doc", recording)
    monkeypatch.setattr(engines, "WORDS_PER_PROCESS", 1)
    two = _facts(seeds, rules, jobs=2, batch_size=1)  # a batch an article: both workers
    pids = calls.read_text(encoding="utf-8").split()
    assert len(pids) == len(seeds)  # one Doc an article, each extracted once
    assert str(os.getpid()) not in pids and len(set(pids)) == 2
    calls.unlink()
    assert_frame_equal(_facts(seeds, rules, jobs=1), two)
    assert set(calls.read_text(encoding="utf-8").split()) == {str(os.getpid())}


def test_where_the_system_cannot_fork_spawned_workers_give_the_same_facts(
        seeds: list[Article], rules: Any, nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows has no fork: the pool spawns its workers, each loads the model
    # itself and is sent its articles. The same facts must come back.
    batch = seeds[:3]
    one = _facts(batch, rules, jobs=1)
    monkeypatch.setattr(engines.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(engines, "WORDS_PER_PROCESS", 1)
    assert engines.start_method() == "spawn"
    started: list[str | None] = []
    get_context = engines.multiprocessing.get_context

    def recording(method: str | None = None) -> Any:
        started.append(method)
        return get_context(method)

    monkeypatch.setattr(engines.multiprocessing, "get_context", recording)
    two = _facts(batch, rules, jobs=2, batch_size=1)
    assert started == ["spawn"]
    assert len(one) > 20
    assert_frame_equal(one, two)


@pytest.mark.parametrize("extractor", ["entities"], indirect=True)
def test_facts_come_in_article_then_offset_order(extractor: str, seeds: list[Article],
                                                 rules: Any, nlp: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # Small chunks: ordering must survive the table being built in pieces.
    monkeypatch.setattr(engines, "CHUNK_ROWS", 7)
    facts = _facts(list(reversed(seeds)), rules)
    order = {a.id: i for i, a in enumerate(reversed(seeds))}
    keys = [(order[a], s, e) for a, s, e in facts.select("article", "start", "end").iter_rows()]
    assert keys == sorted(keys)
    texts = {a.id: a.text for a in seeds}
    assert all(texts[a][s:e] == t for a, s, e, t in
               facts.select("article", "start", "end", "text").iter_rows())


@pytest.mark.parametrize(
    ("jobs", "words", "expected"),
    [(1, 10_000_000, 1), (2, 100, 1), (2, engines.WORDS_PER_PROCESS * 2, 2),
     (8, engines.WORDS_PER_PROCESS * 3, 3), (4, 0, 1)],
    ids=["one-job", "tiny-batch", "two-worth", "capped-by-words", "empty"],
)
def test_processes_follow_the_batch_size(jobs: int, words: int, expected: int) -> None:
    assert engines.processes_for(jobs, words) == expected


def test_partitions_keep_every_article_in_order(seeds: list[Article]) -> None:
    parts = engines.partitions(seeds, words_each=300)
    assert [a.id for p in parts for a in p] == [a.id for a in seeds]
    assert len(parts) > 1


# --- Dask ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster:
        yield cluster


def test_dask_gives_the_same_facts_as_the_local_path(cluster: Any, seeds: list[Article],
                                                     rules: Any, nlp: Any) -> None:
    local = _facts(seeds, rules, jobs=1)
    dask = _facts(seeds, rules, jobs=2, engine="dask", scheduler=cluster.scheduler_address)
    assert_frame_equal(local, dask)
    assert local["kind"].n_unique() > 2  # real numeric and attributive facts
    workers = cluster.scheduler_info["workers"]
    assert len(workers) == 2
    assert all(addr.startswith("tcp://127.0.0.1:") for addr in
               [cluster.scheduler_address, *workers])


def test_dask_without_an_address_starts_a_cluster_on_localhost() -> None:
    pytest.importorskip("distributed")
    from factcheck.run.dask_engine import _client

    client, cluster = _client(None, 1)
    try:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        assert all(a.startswith("tcp://127.0.0.1:") for a in cluster.scheduler_info["workers"])
    finally:
        client.close()
        cluster.close()


def test_an_unreachable_scheduler_is_a_one_line_error() -> None:
    pytest.importorskip("distributed")
    from factcheck.run.dask_engine import _client

    with pytest.raises(FactcheckError, match="cannot reach the Dask scheduler at"):
        _client("tcp://127.0.0.1:9", 1)


# --- facts datasets -----------------------------------------------------------------

def test_check_from_a_dataset_matches_check_from_the_articles(tmp_path: Path, seeds_result: Any,
                                                              rules: Any) -> None:
    from factcheck.run.pipeline import run
    from factcheck.storage.dataset import read_dataset, write_dataset

    folder = tmp_path / "ds"
    write_dataset(folder, seeds_result.facts, seeds_result.articles)
    articles, facts = read_dataset(folder)
    assert articles == seeds_result.articles  # text included: stories group by leads
    assert_frame_equal(facts, seeds_result.facts)
    from_dataset = run([], Options(facts=str(folder)))
    assert_frame_equal(from_dataset.discrepancies, seeds_result.discrepancies)
    assert_frame_equal(from_dataset.stories, seeds_result.stories)


def test_a_dataset_never_overwrites_a_folder_of_other_files(tmp_path: Path) -> None:
    from factcheck.facts import FACTS_SCHEMA, empty
    from factcheck.storage.dataset import write_dataset

    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(FactcheckError, match="is not a facts dataset"):
        write_dataset(tmp_path / "mine", empty(FACTS_SCHEMA), [])
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


@pytest.mark.parametrize(
    ("make", "message"),
    [(lambda p: p / "missing", "no such file or folder"),
     (lambda p: (p / "x.parquet").write_bytes(b"not parquet") and p / "x.parquet",
      "not a readable Parquet file"),
     (lambda p: pl.DataFrame({"a": [1]}).write_parquet(p / "y.parquet") or p / "y.parquet",
      "not a facts table: missing column"),
     (lambda p: (p / "empty").mkdir() or p / "empty", "no facts here")],
    ids=["missing", "garbage", "wrong-columns", "empty-folder"],
)
def test_a_bad_dataset_is_a_clear_error_naming_it(tmp_path: Path, make: Any,
                                                  message: str) -> None:
    from factcheck.storage.dataset import read_dataset

    path = make(tmp_path)
    with pytest.raises(FactcheckError, match=message) as err:
        read_dataset(path)
    assert str(err.value).startswith(str(path))
    assert "\n" not in str(err.value)


# --- Spark's mapInPandas shape ---------------------------------------------------------

def test_the_map_in_pandas_function_gives_the_local_facts(seeds: list[Article], rules: Any,
                                                         nlp: Any) -> None:
    import pandas as pd

    from factcheck.extract.entities import canonicalize

    records = [{c: getattr(a, c) for c in engines.ARTICLE_COLUMNS} for a in seeds]
    for r in records:
        r["published"] = r["published"].isoformat() if r["published"] else None
    frames = [pd.DataFrame(records[:2]), pd.DataFrame(records[2:])]  # two Spark batches
    out = list(engines.pandas_extractor(rules)(iter(frames)))
    gathered = pl.concat([pl.from_pandas(f, schema_overrides=engines.FACTS_SCHEMA)
                          for f in out if len(f)])
    # The batch-wide step runs after gathering, as docs/scale.md says.
    assert_frame_equal(canonicalize(gathered, rules), _facts(seeds, rules))
    assert [c.split("`")[1] for c in engines.facts_ddl().split(", ")] == list(gathered.columns)
