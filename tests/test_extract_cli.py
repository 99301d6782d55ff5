"""`factcheck extract` writes the facts table with exact offsets, in every format."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from factcheck.facts import FACTS_SCHEMA
from factcheck.ingest.articles import read_articles
from tests.conftest import SEEDS, run_cli


@pytest.fixture(scope="module")
def seeds_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("work")
    shutil.copytree(SEEDS, root / "seeds")
    return root


@pytest.fixture(scope="module")
def parquet(seeds_copy: Path) -> pl.DataFrame:
    out = seeds_copy / "f.parquet"
    proc = run_cli("extract", "seeds/", "-o", str(out), cwd=seeds_copy)
    assert proc.returncode == 0, proc.stderr
    return pl.read_parquet(out)


def test_parquet_has_the_facts_schema(parquet: pl.DataFrame) -> None:
    assert parquet.schema == pl.Schema(FACTS_SCHEMA)


def test_every_text_is_the_article_text_at_its_offsets(parquet: pl.DataFrame,
                                                       seeds_copy: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(seeds_copy)
    texts = {a.id: a.text for a in read_articles(["seeds/"])}
    assert len(parquet) > 0
    assert set(parquet["article"]) <= set(texts)
    for row in parquet.iter_rows(named=True):
        assert row["text"] == texts[row["article"]][row["start"]:row["end"]], row
        # line/column are 1-based and point at `start`.
        before = texts[row["article"]][: row["start"]]
        assert row["line"] == before.count("\n") + 1
        assert row["column"] == row["start"] - (before.rfind("\n") + 1) + 1


def test_facts_come_in_article_then_offset_order(parquet: pl.DataFrame) -> None:
    order = {a: i for i, a in enumerate(dict.fromkeys(parquet["article"]))}
    keys = [(order[a], s) for a, s in zip(parquet["article"], parquet["start"], strict=True)]
    assert keys == sorted(keys)
    assert list(order) == sorted(order)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_other_formats_hold_the_same_rows(suffix: str, seeds_copy: Path,
                                          parquet: pl.DataFrame) -> None:
    out = seeds_copy / f"f{suffix}"
    proc = run_cli("extract", "seeds/", "-o", str(out), cwd=seeds_copy)
    assert proc.returncode == 0, proc.stderr
    table = pl.read_csv(out) if suffix == ".csv" else pl.read_ndjson(out)
    assert table["fact_id"].to_list() == parquet["fact_id"].to_list()
    assert table["text"].to_list() == parquet["text"].to_list()


def test_without_output_prints_a_readable_table(seeds_copy: Path) -> None:
    proc = run_cli("extract", "seeds/seed-wire.md", cwd=seeds_copy)
    assert proc.returncode == 0, proc.stderr
    assert "seeds/seed-wire.md:" in proc.stdout
    assert "£150 million" in proc.stdout


def test_unknown_output_suffix_is_an_error(seeds_copy: Path) -> None:
    proc = run_cli("extract", "seeds/seed-wire.md", "-o", "facts.xlsx", cwd=seeds_copy)
    assert proc.returncode == 2
    assert "facts.xlsx: unknown output type" in proc.stderr
