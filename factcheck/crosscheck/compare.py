"""Whether aligned facts agree, and if not, the discrepancy to report.

Within each aligned group the fact that agrees with most others anchors the
*consensus*; every fact that disagrees with the anchor is an outlier and gets
one discrepancy naming its source and the sources it contradicts. How two
facts disagree picks the rule: the check registry (crosscheck/checks/, one
module a code) is asked in order, and the first check that fires names the
finding; its name, severity and message come from the catalogue
(rules/checks.yaml).

Every discrepancy's `id` hashes the rule, story, kind, unit, subject and the
cited facts' articles and own text, never offsets, so it survives edits
elsewhere in an article (the triage file keys on it).
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import polars as pl
from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from ..facts import DISCREPANCY_SCHEMA, empty, frame
from ..model import SEVERITY_ORDER
from ..rules.schema import Alignment
from . import checks
from .align import canonical_entities, ratio, settings
from .numeric_pair import Pair, cumulative_words, period, running
from .subject_words import canonical_words, synonym_map, written_noun

_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten")


@dataclass
class Finding:
    rule: str
    detail: str
    status: str = "conflict"


def relation(f: dict[str, Any], g: dict[str, Any], rules: Any) -> Finding | None:
    """How fact f disagrees with fact g (None when they agree): the first check
    of the fact's family that fires."""
    if f["kind"] == "date" and " ".join(f["text"].casefold().split()) == \
            " ".join(g["text"].casefold().split()):
        return None  # "Monday" read against two publication dates is still one claim
    pair = Pair(f, g, rules)
    for check in checks.family("time" if f["kind"] == "time" else "numeric"):
        if check.apart and pair.agree:
            return None
        detail = check.test(pair) if check.test else None
        if detail is not None:
            return Finding(check.code, detail, check.status)
    return None


def _attr_key(f: dict[str, Any], cfg: Alignment) -> str:
    if f["attribute"] == "speaker":
        return (f["who"] or "").casefold()
    return " ".join((f["attribute_value"] or "").casefold().split())


def _initials(words: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’-]*", words)
                   if w.casefold() not in STOP_WORDS).casefold()


def _spelled_out(a: str, b: str) -> bool:
    """One value is the other's initials: 'TBI' and 'Tennessee Bureau of
    Investigation', 'N.Y.P.D.' and 'New York Police Department'."""
    for short, long in ((a, b), (b, a)):
        letters = short.replace(".", "")
        if letters.isalpha() and letters.isupper() and len(letters) >= 2 \
                and " " in long.strip() and _initials(long) == letters.casefold():
            return True
    return False


def attr_relation(f: dict[str, Any], g: dict[str, Any], rules: Any) -> Finding | None:
    cfg = settings(rules)
    check = checks.for_attribute(f["attribute"])
    if f["attribute"] != g["attribute"] or check is None or check.test is None:
        return None
    if f["attribute_scope"] and g["attribute_scope"] and \
            f["attribute_scope"].casefold() != g["attribute_scope"].casefold():
        return None  # a role in another country or body is another role
    a, b = _attr_key(f, cfg), _attr_key(g, cfg)
    if not a or not b or fuzz.ratio(a, b) >= cfg.attribute_threshold:
        return None
    if _spelled_out(f["attribute_value"] or "", g["attribute_value"] or ""):
        return None
    detail = check.test(checks.AttributePair(f, g, rules, a, b))
    return None if detail is None else Finding(check.code, detail, check.status)


def _outlets(n: int) -> str:
    word = _COUNT_WORDS[n] if n < len(_COUNT_WORDS) else str(n)
    return f"{word} other outlets"


def _says(f: dict[str, Any], rule: str = "") -> str:
    if f["kind"] == "attribute":
        return f["who"] if f["attribute"] == "speaker" else (f["attribute_value"] or f["text"])
    text = " ".join(f["text"].split())
    if not re.search(r"[^\W\d_]", text) and (f["subject"] or f.get("event")):
        text = f"{text} {f['subject'] or f['event']}"  # "19" → "19 killed"
    elif f.get("pattern") == "frames.listed" and f["value"] is not None:
        text = f"{text} ({f['value']:g})"  # "all" of four names: "all (4)"
    if rule == "FC104":  # the period is the point: show it even where the words hide it
        text = f"{text} ({_period_words(f['per'])})"
    return text


def _period_words(per: str | None) -> str:
    """'year' → 'a year'; '3 year' → 'over 3 years'."""
    span = period(per)
    if span is None:
        return "no period given"
    n, unit = span
    if n == 1:
        return f"a {unit}"
    return f"over {n:g} {unit}s"


def _source(f: dict[str, Any]) -> str:
    return f["source"] or f["article"]


def _severity(rules: Any, rule: str, default: str, kind: str, size: float,
              cited: list[dict[str, Any]], score: float) -> str:
    for s in rules.severity:
        rules_named = s.get("rule")
        if isinstance(rules_named, str):
            rules_named = [rules_named]
        if rules_named is not None and rule not in rules_named:
            continue
        if s.get("kind") not in (None, kind):
            continue
        if "counting" in s and written_noun(cited[0]["unit"]) not in s["counting"]:
            continue
        if s.get("event") == "unread" and all(f.get("event") for f in cited):
            continue
        if "min_ratio" in s and size < s["min_ratio"]:
            continue
        if "max_ratio" in s and size > s["max_ratio"]:
            continue
        if "max_score" in s and score > s["max_score"]:
            continue
        return s["level"]
    return default


def fingerprint(rule: str, story: str | None, kind: str, unit: str | None, subject: str,
                cited: list[dict[str, Any]]) -> str:
    """Stable across unrelated edits: no offsets, only the facts' own words."""
    parts = [rule, story or "", kind, unit or "", subject]
    parts += sorted(f"{f['article']}\x1f{' '.join(f['text'].split()).casefold()}" for f in cited)
    return "fc-" + hashlib.blake2b("\x1e".join(parts).encode(), digest_size=10).hexdigest()


def _ignored(rules: Any, row: dict[str, Any], cited: list[dict[str, Any]]) -> bool:
    for rule in rules.ignore:
        if "rule" in rule and rule["rule"] not in (row["rule"], row["name"]):
            continue
        subject = (row["subject"] or "").casefold()
        if "subject" in rule and rule["subject"].casefold() not in subject:
            continue
        if "article" in rule and not any(fnmatch.fnmatch(f["article"], rule["article"])
                                         for f in cited):
            continue
        if "text" in rule and not any(rule["text"].casefold() in f["text"].casefold()
                                      for f in cited):
            continue
        return True
    return False


def _group_findings(members: list[dict[str, Any]], rules: Any) -> list[tuple[dict, list, Finding]]:
    """(outlier, the consensus facts it contradicts, how) for one group."""
    rel = attr_relation if members[0]["kind"] == "attribute" else relation
    chain = _running_chain(members, rules)
    if chain is not None:
        return chain
    n = len(members)
    found: dict[tuple[int, int], Finding | None] = {}
    for x in range(n):
        for y in range(n):
            if x != y:
                found[x, y] = rel(members[x], members[y], rules)
    agree = [sum(found[x, y] is None for y in range(n) if y != x) for x in range(n)]
    # A fact that agrees with two that contradict each other ("early Saturday
    # morning" with 1 a.m. and 2 a.m.) cannot tell which is right: it never
    # anchors, or it would hide their disagreement.
    vague = {x for x in range(n) if any(
        found[y, z] is not None and found[x, y] is None and found[x, z] is None
        for y in range(n) for z in range(n) if x not in (y, z) and y != z)}
    # The anchor agrees with most; ties go to the earliest fact (batch order).
    anchor = max((x for x in range(n) if x not in vague or len(vague) == n),
                 key=lambda x: (agree[x], -x))
    consensus = [y for y in range(n) if y == anchor or found[y, anchor] is None]
    # The rule is read against the most precise fact of the consensus: "41 km"
    # against "14 km" is a mismatch, whatever "nearly nine miles" also says.
    exact = [y for y in consensus if (members[y].get("qualifier") or "exact") == "exact"]
    out = []
    for x in range(n):
        if x in consensus:
            continue
        against = [members[y] for y in consensus if found[x, y] is not None]
        ref = next((y for y in exact if found[x, y] is not None), anchor)
        finding = found[x, ref] or found[x, anchor]
        assert finding is not None  # outside the consensus: it contradicts the anchor
        out.append((members[x], against, finding))
    return out


def _running_chain(members: list[dict[str, Any]], rules: Any
                   ) -> list[tuple[dict, list, Finding]] | None:
    """A running total told in time order: each article that moves the figure
    against the articles that said what it moves from. Higher later is an update (FC106),
    lower later a correction (a conflict), so a toll that climbs through a day
    is a row of updates, not of errors. None when the group is not one
    running total with publication times to order it by."""
    words = cumulative_words(rules)
    if members[0]["kind"] != "count" or not all(
            m.get("event") and m.get("published") and running(m, rules, words)
            for m in members) or len({m["published"] for m in members}) < 2:
        return None
    ordered = sorted(members, key=lambda m: (m["published"], m["pos"]))
    out = []
    level = [ordered[0]]  # the articles that say what the story says so far
    left: list[dict[str, Any]] = []  # what the story said before it moved there
    for x in ordered[1:]:
        found = relation(x, level[-1], rules)
        if found is None:
            level.append(x)
            # Each later article that carries an update is one: "A (later) says
            # a man was arrested; B (earlier) says no one is in custody".
            moved = [(g, f) for g in left
                     if (f := relation(x, g, rules)) is not None and f.status == "update"]
            if moved:
                out.append((x, [g for g, _ in moved], moved[-1][1]))
            continue
        against = [g for g in level if relation(x, g, rules) is not None]
        out.append((x, against, found))
        left, level = level, [x]
    return out


def _told(facts: pl.DataFrame) -> dict[tuple[str, str], set[float]]:
    """(story, event) → the exact counts any article of the story gives for it."""
    rows = (facts.filter((pl.col("kind") == "count") & pl.col("event").is_not_null()
                         & (pl.col("qualifier") == "exact") & pl.col("value").is_not_null())
            .select(pl.col("story").fill_null(""), "event", "value").unique().rows())
    told: dict[tuple[str, str], set[float]] = {}
    for story, event, value in rows:
        told.setdefault((story, event), set()).add(value)
    return told


def _adds_up(f: dict[str, Any], against: list[dict[str, Any]], rules: Any,
             told: dict[tuple[str, str], set[float]]) -> bool:
    """"Eight people were shot" and "seven were wounded" where the story says
    one was killed: parts and their whole (rules events `made_of`), not a
    disagreement."""
    def parts(event: str | None) -> list[str]:
        return ((rules.events or {}).get(event or "") or {}).get("made_of", [])

    for g in against:
        if g["event"] in parts(f["event"]):
            whole, part = f, g
        elif f["event"] in parts(g["event"]):
            whole, part = g, f
        else:
            return False
        if whole["value"] is None or part["value"] is None:
            return False
        gap = whole["value"] - part["value"]
        rest = [e for e in parts(whole["event"]) if e != part["event"]]
        if gap <= 0 or not any(gap in told.get((f["story"] or "", e), set()) for e in rest):
            return False
    return bool(against)


def compare(facts: pl.DataFrame, groups: pl.DataFrame, rules: Any) -> pl.DataFrame:
    """DISCREPANCY_SCHEMA rows, ordered by severity, story, then position."""
    if groups.is_empty():
        return empty(DISCREPANCY_SCHEMA)
    told = _told(facts)

    names = canonical_entities(facts)
    joined = groups.join(facts.with_row_index("pos").drop("story"), on="fact_id", how="inner",
                         maintain_order="left")
    checks = rules.checks
    synonyms = synonym_map(rules)
    rows = []
    for (gid,), part in joined.group_by(["group"], maintain_order=True):
        members = sorted(part.to_dicts(), key=lambda r: r["pos"])
        for m in members:
            m["who"] = (names.get((m["story"] or "", m["entity"]), m["entity"])
                        if m["entity"] else None)
        for f, against, how in _group_findings(members, rules):
            if how.rule == "FC101" and _adds_up(f, against, rules, told):
                continue
            check = checks.get(how.rule, {})
            size = 1.0
            if f["kind"] != "attribute" and f["value"] is not None and against[0]["value"]:
                size = ratio(f["value"], against[0]["value"])
            said = Counter(_says(g, how.rule) for g in against)
            others_say = " / ".join(s for s, _ in sorted(said.items(), key=lambda kv: -kv[1])[:2])
            others = _source(against[0]) if len(against) == 1 else _outlets(len(against))
            if f["attribute"] == "speaker":
                subject = f["attribute_value"]
            elif f["kind"] == "attribute":
                subject = f"{f['who'] or f['entity']} · {f['attribute']}"
            else:
                subject = f["subject"] or f["unit"] or f["kind"]
            message = check.get("message", "{source} says {says}; {others} {say} {others_say}")
            message = message.format(source=_source(f), says=_says(f, how.rule), others=others,
                                     others_say=others_say, subject=subject,
                                     say="says" if len(against) == 1 else "say",
                                     entity=f["who"] or "", ratio=f"{size:.2g}×")
            cited = [f, *against]
            score = max(g["score"] for g in members)
            subject_key = " ".join(canonical_words(subject, synonyms))
            row = {
                "id": fingerprint(how.rule, f["story"], f["kind"], f["unit"], subject_key, cited),
                "rule": how.rule, "name": check.get("name", how.rule), "kind": f["kind"],
                "severity": _severity(rules, how.rule, check.get("severity", "warning"),
                                      f["kind"], size, cited, score),
                "status": how.status, "story": f["story"], "group": gid, "subject": subject,
                "message": message,
                "detail": f"{how.detail}; alignment score {score:.2f}",
                "score": score,
                # The outlier first (reports annotate it), then the others by position.
                "fact_ids": [f["fact_id"],
                             *[g["fact_id"] for g in sorted(against, key=lambda r: r["pos"])]],
            }
            if not _ignored(rules, row, cited):
                order = (SEVERITY_ORDER[row["severity"]], row["story"] or "", f["pos"])
                rows.append((order, row))
    rows.sort(key=lambda r: r[0])
    return frame(_unique_ids([r for _, r in rows]), DISCREPANCY_SCHEMA)


def _unique_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two findings can cite the same words in the same articles (an article that
    repeats a phrase); number the later ones so every fingerprint stays unique and
    still free of offsets."""
    seen: Counter[str] = Counter()
    for row in rows:
        seen[row["id"]] += 1
        if seen[row["id"]] > 1:
            row["id"] = f"{row['id']}-{seen[row['id']]}"
    return rows
