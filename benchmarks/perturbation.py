"""Perturbation benchmark: change facts in a copy of an article and see
whether the cross-check catches it; restate facts without changing their
meaning and see that it stays silent.

Base batches: each story of benchmarks/corpus/ and the seeds. Only facts
that are aligned with another article's (so a change makes a disagreement)
and not already part of a discrepancy are edited, one edit per run.

Changes (must be caught): a number (×3), a scale word (million ↔ billion),
a currency (£ ↔ €), a qualifier's direction (more than ↔ fewer than), a
title (Defence ↔ Foreign Secretary), a letter of a person's family name
doubled, an age a year off. Restatements (must stay silent): "150 million" ↔
"150m", "3" ↔ "three", "3,400" → "3400", "per cent" ↔ "%", "more than" ↔
"over", "km" → "kilometres", a middle initial added to a name, "18-year-old"
→ "18 year old". Names and ages are edited where the people linker compares
them (a person more than one article gives).

    .venv/bin/python benchmarks/perturbation.py [--verbose]
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from factcheck.ingest.articles import read_articles  # noqa: E402
from factcheck.model import Options  # noqa: E402
from factcheck.rules.load import load_rules  # noqa: E402
from factcheck.run.pipeline import cross_check, extract_articles  # noqa: E402

Edit = Callable[[str, dict], str | None]
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
DEPARTMENTS = {"Defence": "Foreign", "Foreign": "Defence", "Defense": "Foreign",
               "Transport": "Health", "Health": "Transport", "Interior": "Finance",
               "Finance": "Interior", "Prime": "Foreign", "Chief executive": "Finance director",
               "President": "Prime Minister", "Council leader": "Mayor"}
FLIP = [("more than", "fewer than"), ("fewer than", "more than"), ("over ", "under "),
        ("in excess of", "fewer than"), ("upwards of", "fewer than"), ("at least", "at most"),
        ("less than", "more than"), ("under ", "over ")]
SAME = [("more than", "over"), ("over ", "more than "), ("nearly", "almost"),
        ("almost", "nearly"), ("about", "around"), ("around", "about"), ("some", "about")]


def _sub_once(pattern: str, repl, text: str, flags: int = 0) -> str | None:
    new, n = re.subn(pattern, repl, text, count=1, flags=flags)
    return new if n and new != text else None


def change_number(text: str, fact: dict) -> str | None:
    # An age tripled is another person's ("a 19-year-old", "a 57-year-old"):
    # ages have their own edit.
    if fact["kind"] in ("date", "attribute", "age", "person"):
        return None

    def triple(m: re.Match) -> str:
        raw = m.group(0)
        v = float(raw.replace(",", "")) * 3
        out = f"{v:,.{len(raw.split('.')[1]) if '.' in raw else 0}f}"
        return out if "," in raw else out.replace(",", "")
    return _sub_once(r"\d[\d,]*(?:\.\d+)?", triple, text)


def change_scale(text: str, fact: dict) -> str | None:
    table = {"million": "billion", "billion": "million", "bn": "m", "m": "bn",
             "thousand": "million"}
    return _sub_once(r"(?<=\d)(bn|m)\b|\b(million|billion|thousand)\b",
                     lambda m: table[m.group(0).strip()], text)


def change_currency(text: str, fact: dict) -> str | None:
    if fact["kind"] != "money":
        return None
    return _sub_once(r"[£€]", lambda m: "€" if m.group(0) == "£" else "£", text)


def change_qualifier(text: str, fact: dict) -> str | None:
    for old, new in FLIP:
        if text.lower().startswith(old):
            return new[0].upper() + new[1:] + text[len(old):] if text[0].isupper() \
                else new + text[len(old):]
    return None


def change_title(text: str, fact: dict) -> str | None:
    if fact["attribute"] != "role":
        return None
    for old, new in DEPARTMENTS.items():
        if re.search(rf"\b{old}\b", text):
            return re.sub(rf"\b{old}\b", new, text, count=1)
    return None


def restate_scale(text: str, fact: dict) -> str | None:
    table = {" million": "m", " billion": "bn", "m": " million", "bn": " billion"}
    return _sub_once(r"(?<=\d)( million| billion|bn|m)\b", lambda m: table[m.group(0)], text)


def restate_digits(text: str, fact: dict) -> str | None:
    if fact["kind"] in ("date", "attribute"):
        return None
    new = _sub_once(r"(?<![\d,.])\b([1-9])\b(?![\d,.])", lambda m: WORDS[int(m.group(1))], text)
    if new:
        return new
    return _sub_once(r"\b(" + "|".join(WORDS[1:]) + r")\b",
                     lambda m: str(WORDS.index(m.group(1).lower())), text, re.IGNORECASE)


def restate_commas(text: str, fact: dict) -> str | None:
    return _sub_once(r"(?<=\d),(?=\d{3}\b)", "", text)


def restate_percent(text: str, fact: dict) -> str | None:
    return _sub_once(r" per cent\b|%", lambda m: "%" if m.group(0) != "%" else " per cent", text)


def restate_qualifier(text: str, fact: dict) -> str | None:
    for old, new in SAME:
        if text.lower().startswith(old):
            rest = text[len(old):]
            return (new[0].upper() + new[1:] if text[0].isupper() else new) + rest
    return None


def restate_unit(text: str, fact: dict) -> str | None:
    return _sub_once(r"(?<=\d) ?km\b", " kilometres", text)


def change_name(text: str, fact: dict) -> str | None:
    """A letter of a whole name's family name doubled ("Trell" → "Trelll")."""
    if fact["kind"] != "person" or fact["attribute"] != "name" or len(text.split()) < 2:
        return None
    return _sub_once(r"(?<=\w)([a-z])(?=[a-z]*$)", r"\1\1", text)


def change_age(text: str, fact: dict) -> str | None:
    """An age a year off, the typo real coverage makes ("64" for "65")."""
    if fact["kind"] != "age":
        return None
    return _sub_once(r"\d+", lambda m: str(int(m.group(0)) + 1), text)


def restate_name(text: str, fact: dict) -> str | None:
    """A middle initial added to a whole name ("Leon Hart" → "Leon R. Hart")."""
    if fact["kind"] != "person" or fact["attribute"] != "name" or len(text.split()) != 2:
        return None
    return _sub_once(r"^(\S+) ", r"\1 R. ", text)


def restate_age(text: str, fact: dict) -> str | None:
    """"18-year-old" → "18 year old"."""
    if fact["kind"] != "age":
        return None
    return _sub_once(r"(?<=\d)-year-old\b", " year old", text)


CHANGES: dict[str, Edit] = {"number": change_number, "scale": change_scale,
                            "currency": change_currency, "qualifier": change_qualifier,
                            "title": change_title, "name": change_name, "age": change_age}
RESTATEMENTS: dict[str, Edit] = {"scale": restate_scale, "digits": restate_digits,
                                 "commas": restate_commas, "percent": restate_percent,
                                 "qualifier": restate_qualifier, "unit": restate_unit,
                                 "name": restate_name, "age": restate_age}


def batches() -> list[list]:
    corpus = read_articles([str((HERE / "corpus").relative_to(ROOT))])
    by_story: dict[str, list] = {}
    for a in corpus:
        by_story.setdefault(a.story or "", []).append(a)
    seeds = [dataclasses.replace(a, story="seeds") for a in read_articles(["seeds"])]
    return [*by_story.values(), seeds]


def cites_span(found: pl.DataFrame, facts: pl.DataFrame, article: str, start: int,
               end: int, like: dict) -> pl.DataFrame:
    """Discrepancies citing a fact of the edited fact's kind that overlaps
    [start, end) of `article` (not a planted figure inside an edited quote)."""
    hit = facts.filter((pl.col("article") == article) & (pl.col("start") < end)
                       & (pl.col("end") > start) & (pl.col("kind") == like["kind"])
                       )["fact_id"].to_list()
    return found.filter(pl.col("fact_ids").list.eval(pl.element().is_in(hit)).list.any())


def _keys(found: pl.DataFrame, facts: pl.DataFrame) -> pl.Series:
    """A discrepancy's identity across edits: its rule and the articles it cites."""
    art = dict(zip(facts["fact_id"].to_list(), facts["article"].to_list(), strict=True))
    return pl.Series([f"{r}|{'|'.join(sorted({art[i] for i in ids}))}" for r, ids in
                      zip(found["rule"].to_list(), found["fact_ids"].to_list(), strict=True)],
                     dtype=pl.String)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    import os

    os.chdir(ROOT)
    rules = load_rules()
    opts = Options(jobs=1)
    t0 = time.perf_counter()
    runs = {"change": Counter(), "caught": Counter(), "restate": Counter(),
            "flagged": Counter()}
    false_flags = 0
    for batch in batches():
        facts = extract_articles(batch, rules, opts)
        people: list[pl.DataFrame] = []
        _, groups, base = cross_check(facts, batch, rules, opts, people=people)
        busy = set(base.explode("fact_ids")["fact_ids"].to_list())
        base_keys = set(_keys(base, facts).to_list())
        # People's names and ages are compared by the people linker, not aligned:
        # theirs are the facts of a person more than one article gives.
        # A holder of office is left out: FC301 lets outlets spell a public
        # figure's name by house style ("Zelensky", "Zelenskyy").
        table = pl.concat(people)
        linked = table.filter((pl.col("person").count().over("person") > 1)
                              & pl.col("role").is_null().all().over("person"))
        personal = facts.filter(pl.col("kind").is_in(["person", "age"]))["fact_id"]
        compared = pl.concat([groups.select("fact_id"), linked.explode("fact_ids").select(
            fact_id="fact_ids").filter(pl.col("fact_id").is_in(personal.implode()))])
        aligned = facts.filter(pl.col("fact_id").is_in(compared["fact_id"].implode())
                               & ~pl.col("fact_id").is_in(list(busy)))
        by_id = {a.id: a for a in batch}
        for fact in aligned.to_dicts():
            art = by_id[fact["article"]]
            for family, edits in (("change", CHANGES), ("restate", RESTATEMENTS)):
                for name, edit in edits.items():
                    new = edit(fact["text"], fact)
                    if new is None:
                        continue
                    text = art.text[:fact["start"]] + new + art.text[fact["end"]:]
                    changed = dataclasses.replace(art, text=text)
                    others = facts.filter(pl.col("article") != art.id)
                    mine = extract_articles([changed], rules, opts)
                    all_facts = pl.concat([others, mine])
                    arts = [changed if a.id == art.id else a for a in batch]
                    _, _, found = cross_check(all_facts, arts, rules, opts)
                    span = cites_span(found, all_facts, art.id, fact["start"],
                                      fact["start"] + len(new), fact)
                    key = f"{family}:{name}"
                    runs[family][key] += 1
                    if family == "change":
                        ok = not span.is_empty()
                        runs["caught"][key] += ok
                        new_keys = set(_keys(found, all_facts).to_list()) - base_keys
                        false_flags += max(len(new_keys) - (1 if ok else 0), 0)
                    else:
                        ok = span.is_empty()
                        runs["flagged"][key] += not ok
                    if args.verbose and not ok:
                        what = "missed" if family == "change" else "flagged"
                        print(f"  {what} {key}: {art.id}: {fact['text']!r} -> {new!r}")
    changes, caught = sum(runs["change"].values()), sum(runs["caught"].values())
    restates, flagged = sum(runs["restate"].values()), sum(runs["flagged"].values())
    for key in sorted(runs["change"]):
        print(f"{key:<22} {runs['caught'][key]:>3}/{runs['change'][key]:<3} caught")
    for key in sorted(runs["restate"]):
        print(f"{key:<22} {runs['flagged'][key]:>3}/{runs['restate'][key]:<3} flagged")
    print(f"changes: {changes}, caught {caught}: recall {caught / max(changes, 1):.3f}; "
          f"false flags beside them: {false_flags}")
    print(f"restatements: {restates}, flagged {flagged}: "
          f"{flagged / max(restates, 1):.1%} flagged")
    print(f"({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
