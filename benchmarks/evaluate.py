"""Scoring discrepancies against labelled disagreements (shared by the
cross-check and perturbation benchmarks).

A label is two mentions: (article, words). A discrepancy *finds* a label when
among the facts it cites there is one overlapping each mention's words in
its article. Precision counts discrepancies that find some label; recall
counts labels found by some discrepancy.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Mention:
    article: str
    start: int
    end: int
    words: str


@dataclass(frozen=True)
class Label:
    story: str
    rule: str
    a: Mention
    b: Mention
    why: str = ""


def locate(texts: dict[str, str], article: str, words: str) -> Mention:
    text = texts[article]
    at = text.find(words)
    if at < 0:
        raise SystemExit(f"label: {words!r} is not in {article}")
    return Mention(article, at, at + len(words), words)


def load_labels(path: Path, texts: dict[str, str], prefix: str = "") -> list[Label]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for d in data["disagreements"]:
        a = locate(texts, prefix + d["a"][0], d["a"][1])
        b = locate(texts, prefix + d["b"][0], d["b"][1])
        out.append(Label(d.get("story", ""), d.get("rule", ""), a, b, d.get("why", "")))
    return out


def cited_facts(discrepancies: pl.DataFrame, facts: pl.DataFrame) -> list[list[dict[str, Any]]]:
    by_id = {f["fact_id"]: f for f in facts.select("fact_id", "article", "start", "end",
                                                   "text").to_dicts()}
    return [[by_id[i] for i in ids if i in by_id] for ids in discrepancies["fact_ids"].to_list()]


def _touches(f: dict[str, Any], m: Mention) -> bool:
    return f["article"] == m.article and f["start"] < m.end and m.start < f["end"]


def finds(cited: list[dict[str, Any]], label: Label) -> bool:
    return any(_touches(f, label.a) for f in cited) and any(_touches(f, label.b) for f in cited)


def score(discrepancies: pl.DataFrame, facts: pl.DataFrame, labels: list[Label]) -> dict[str, Any]:
    cited = cited_facts(discrepancies, facts)
    rows = discrepancies.to_dicts()
    hit = [any(finds(c, lab) for lab in labels) for c in cited]
    found = [any(finds(c, lab) for c in cited) for lab in labels]
    right_rule = sum(
        any(finds(c, lab) and r["rule"] == lab.rule for c, r in zip(cited, rows, strict=True))
        for lab in labels)
    tp = sum(hit)
    return {
        "discrepancies": len(rows), "labels": len(labels),
        "precision": tp / len(rows) if rows else 1.0,
        "recall": sum(found) / len(labels) if labels else 1.0,
        "rule_agreement": right_rule / max(sum(found), 1),
        "false": [r for r, h in zip(rows, hit, strict=True) if not h],
        "missed": [lab for lab, f in zip(labels, found, strict=True) if not f],
    }
