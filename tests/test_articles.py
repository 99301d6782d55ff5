"""Reading articles: every format, ids, offsets, metadata, order."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from factcheck.errors import FactcheckError
from factcheck.ingest.articles import LineIndex, read_articles

MD = """---
title: Ministers agree a new budget
source: The Test Gazette
published: 2025-03-01T09:30:00+01:00
url: https://gazette.test/budget
story: budget-2025
---
The budget adds £2bn for schools.
"""


@pytest.fixture
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "batch"
    (root / "sub").mkdir(parents=True)
    (root / "a.md").write_text(MD, encoding="utf-8")
    (root / "b.txt").write_text("Some 40 people attended.\n", encoding="utf-8")
    (root / "sub" / "c.jsonl").write_text(
        json.dumps({"id": "wire-1", "text": "Over 300 homes lost power.", "source": "Wire",
                    "published": "2025-03-02", "story": "storm"}) + "\n\n"
        + json.dumps({"id": "wire-2", "text": "Two roads closed."}) + "\n",
        encoding="utf-8")
    (root / "README.md").write_text("# not an article\n", encoding="utf-8")
    (root / ".hidden.md").write_text("hidden\n", encoding="utf-8")
    return root


def test_folder_is_read_recursively_in_name_order_skipping_docs(batch: Path) -> None:
    ids = [a.id for a in read_articles(["batch"])]
    assert ids == ["batch/a.md", "batch/b.txt", "wire-1", "wire-2"]


def test_markdown_front_matter_and_offsets_into_the_whole_file(batch: Path) -> None:
    (article,) = read_articles(["batch/a.md"])
    assert article.title == "Ministers agree a new budget"
    assert article.source == "The Test Gazette"
    assert article.story == "budget-2025"
    assert article.url == "https://gazette.test/budget"
    assert article.published == datetime(2025, 3, 1, 8, 30, tzinfo=UTC)
    assert article.published.tzinfo is not None
    # The text is the file as read; the body starts after the front matter.
    assert article.text == MD
    assert article.body == "The budget adds £2bn for schools.\n"
    assert article.text[article.body_start:].startswith("The budget")


def test_text_file_takes_its_source_from_the_file_name(batch: Path) -> None:
    (article,) = read_articles(["batch/b.txt"])
    assert (article.source, article.title, article.published) == ("b", "b", None)


def test_jsonl_fields_and_naive_dates_mean_utc(batch: Path) -> None:
    first, second = read_articles(["batch/sub/c.jsonl"])
    assert (first.id, first.source, first.story) == ("wire-1", "Wire", "storm")
    assert first.published == datetime(2025, 3, 2, tzinfo=UTC)
    assert second.source == "c" and second.story is None


def test_glob_expands_in_sorted_order(batch: Path) -> None:
    ids = [a.id for a in read_articles(["batch/*.*"])]
    assert ids == ["batch/a.md", "batch/b.txt"]


def test_stdin_dash_reads_json_lines() -> None:
    stream = io.StringIO(json.dumps({"id": "s1", "text": "Ten boats."}) + "\n")
    (article,) = read_articles(["-"], stdin=stream)
    assert (article.id, article.text, article.path) == ("s1", "Ten boats.", "<stdin>")


def test_html_main_text_is_extracted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    body = " ".join(["The council approved 12 new bus routes on Monday."] * 6)
    html = (f"<html><head><title>Bus routes approved</title></head><body>"
            f"<nav>Home | News | Sport</nav><article><h1>Bus routes approved</h1>"
            f"<p>{body}</p></article><footer>Copyright</footer></body></html>")
    Path("page.html").write_text(html, encoding="utf-8")
    (article,) = read_articles(["page.html"])
    assert "12 new bus routes" in article.text
    assert "Home | News" not in article.text
    assert article.title == "Bus routes approved"


def test_absolute_paths_become_relative_posix_ids(batch: Path) -> None:
    (article,) = read_articles([str(batch / "b.txt")])
    assert article.id == "batch/b.txt"


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [("ab\ncd\n", 0, (1, 1)), ("ab\ncd\n", 3, (2, 1)), ("ab\ncd\n", 4, (2, 2)),
     ("ab\ncd\n", 2, (1, 3)), ("", 0, (1, 1))],
    ids=["start", "second-line", "second-col", "newline-itself", "empty"],
)
def test_line_index(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(text).line_col(offset) == expected


def test_published_with_other_offset_is_kept_aware(tmp_path: Path) -> None:
    p = tmp_path / "x.md"
    p.write_text("---\npublished: 2025-01-01T12:00:00-05:00\n---\nBody\n", encoding="utf-8")
    (article,) = read_articles([str(p)])
    assert article.published.utcoffset() == timezone(timedelta(hours=-5)).utcoffset(None)


def test_bad_published_names_file(tmp_path: Path) -> None:
    p = tmp_path / "x.md"
    p.write_text("---\npublished: last tuesday\n---\nBody\n", encoding="utf-8")
    with pytest.raises(FactcheckError, match="published"):
        read_articles([str(p)])


def test_jsonl_keeps_extra_fields_for_story_keys(tmp_path: Path) -> None:
    from factcheck.crosscheck.stories import given_story

    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "r1", "text": "t", "desk": "weather", "line": 9}) + "\n",
                 encoding="utf-8")
    (article,) = read_articles([str(p)])
    assert article.extra == {"desk": "weather", "line": 9}
    assert article.line == 1
    assert given_story(article, "desk") == "weather"
