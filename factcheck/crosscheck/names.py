"""Whether the articles of a story spell a place or a body the same (FC404).

Name facts (extract/names.py) of a story are folded into forms: case,
accents, apostrophes, full stops and hyphens aside ("Winston-Salem" is
"Winston Salem", "St. Louis" is "St Louis"). Two forms written in different
articles are one name spelt two ways when they have the same words but one,
and that word is `names.max_edits` letters from the other in a word of at
least `names.min_letters` ("Mundelein" / "Mudelein"), or differs by one of
`names.variant_endings` ("Southwest" / "Southwestern"). Never when the
words that differ carry a digit ("75th"), are two directions
("Northeast" / "Northwest"), an acronym ("WSB" / "WSBT"), part of a person's full name in the
story (those are FC301's), or only adds an ending that makes another word
(`names.other_word_endings`: plurals, possessives, demonyms); never between
names of other lengths ("Garden City" / "Garden City High School") and
never for streets (FC403).

Alike forms gather into names; a name whose forms an article writes both
of is left alone (two bodies, or a slip the article itself shows). The form
most articles write is the consensus (ties: the form more articles of the
batch write, then the first written); each article writing another form is
reported against it, as info when the word that differs is one many names
share (`names.common_words`: "Schoool", "Medial Center"). A form found only as a
lone "person" after a preposition ("a suburb of Mudelein") takes part only
when a form the model called a place or body is alike.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import polars as pl
from rapidfuzz.distance import OSA

from ..extract.places import place_words
from ..facts import DISCREPANCY_SCHEMA, empty, frame
from .places import finding

RULE = "FC404"
_PUNCT = str.maketrans({"'": "", "’": "", ".": "", ",": " ", "-": " ", "–": " ", "/": " ",
                        "(": " ", ")": " ", '"': " ", "“": " ", "”": " "})


@dataclass(frozen=True)
class Form:
    words: tuple[str, ...]  # folded
    written: tuple[str, ...]  # as written, for acronyms

    @property
    def key(self) -> str:
        return "".join(self.words)


def fold(name: str) -> Form:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name)
                    if not unicodedata.combining(c))
    written = tuple(plain.translate(_PUNCT).split())
    return Form(tuple(w.casefold() for w in written), written)


@dataclass(frozen=True)
class Words:
    """What the rules and the story say of words, for `alike`."""

    max_edits: int
    min_letters: int
    variant: tuple[str, ...]
    other: tuple[str, ...]
    directions: frozenset[str]
    streets: frozenset[str]
    people: frozenset[str]
    common: frozenset[str] = frozenset()


def alike(a: Form, b: Form, w: Words) -> str | None:
    """How two forms are one name spelt two ways, or None if they are not."""
    if a.key == b.key or len(a.words) != len(b.words):
        return None
    diff = [i for i, (x, y) in enumerate(zip(a.words, b.words, strict=True)) if x != y]
    if len(diff) != 1:
        return None
    i = diff[0]
    x, y = a.words[i], b.words[i]
    if any(c.isdigit() for c in x + y) or (x in w.directions and y in w.directions) \
            or x in w.people or y in w.people \
            or a.words[-1] in w.streets or b.words[-1] in w.streets:
        return None
    if any(t.isupper() and len(t) <= 5 for t in (a.written[i], b.written[i])):
        return None  # an acronym or call sign: one letter makes another body
    short, long = sorted((x, y), key=lambda t: (len(t), t))
    if long.startswith(short) and len(short) >= w.min_letters:
        tail = long[len(short):]
        if tail == short[-1]:
            return "a letter doubled"  # "Herman" / "Hermann": no ending of another word
        if tail in w.variant:
            return f"ending -{tail}"
        if tail in w.other:
            return None
    if min(len(x), len(y)) >= w.min_letters and OSA.distance(x, y) <= w.max_edits:
        n = OSA.distance(x, y)
        return f"{n} letter{'s' if n > 1 else ''} apart"
    return None


def name_check(facts: pl.DataFrame, rules: Any) -> pl.DataFrame:
    """DISCREPANCY_SCHEMA rows of FC404 for a facts table that carries its stories."""
    indexed = facts.with_row_index("pos")
    rows = indexed.filter((pl.col("kind") == "attribute") & (pl.col("attribute") == "name"))
    if rows.is_empty():
        return empty(DISCREPANCY_SCHEMA)
    people = _person_words(indexed)
    cfg = rules.names
    pw = place_words(rules)
    order = {a: i for i, a in enumerate(facts["article"].unique(maintain_order=True).to_list())}
    stories: dict[str, list[dict[str, Any]]] = {}
    batch: dict[str, set[str]] = {}  # word → the articles of any story whose names have it
    for r in rows.to_dicts():
        stories.setdefault(r["story"] or "", []).append(r)
        for word in fold(r["attribute_value"] or "").words:
            batch.setdefault(word, set()).add(r["article"])
    found: list[tuple[tuple[int, str, int], dict[str, Any]]] = []
    for story in sorted(stories):
        mentions = sorted(stories[story], key=lambda r: (order[r["article"]], r["pos"]))
        if len({r["article"] for r in mentions}) < 2:
            continue
        w = Words(cfg.max_edits, cfg.min_letters, tuple(cfg.variant_endings),
                  tuple(cfg.other_word_endings), frozenset(pw.directions),
                  frozenset(pw.types), people.get(story, frozenset()),
                  frozenset(x.casefold() for x in cfg.common_words))
        for name in _names(mentions, w):
            found += _disagreements(name, w, batch, rules.checks)
    found.sort(key=lambda r: r[0])
    return frame([r for _, r in found], DISCREPANCY_SCHEMA)


def _person_words(facts: pl.DataFrame) -> dict[str, frozenset[str]]:
    """Per story, the folded words of people's full names (two words or more)."""
    names = facts.filter((pl.col("kind") == "person") & (pl.col("attribute") == "name")) \
        .select(pl.col("story").fill_null(""), "attribute_value").unique().rows()
    out: dict[str, set[str]] = {}
    for story, name in names:
        words = fold(name or "").words
        if len(words) > 1:
            out.setdefault(story, set()).update(words)
    return {s: frozenset(ws) for s, ws in out.items()}


def _names(mentions: list[dict[str, Any]], w: Words) -> list[list[dict[str, Any]]]:
    """Mentions gathered into names: forms alike across articles, in batch order."""
    forms: dict[str, Form] = {}
    articles: dict[str, set[str]] = {}
    for m in mentions:
        f = fold(m["attribute_value"] or "")
        if f.words:
            forms.setdefault(f.key, f)
            articles.setdefault(f.key, set()).add(m["article"])
    keys = list(forms)
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if articles[a] != articles[b] and alike(forms[a], forms[b], w):
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[rb] = ra
    names: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        f = fold(m["attribute_value"] or "")
        if f.words:
            names.setdefault(root(f.key), []).append(m)
    return [ms for ms in names.values() if len({fold(m["attribute_value"]).key for m in ms}) > 1]


def _disagreements(name: list[dict[str, Any]], w: Words, batch: dict[str, set[str]],
                   checks: dict[str, Any]) -> list[tuple[tuple[int, str, int], dict[str, Any]]]:
    """One finding per article that writes another form than most articles."""
    if all(m["pattern"] == "names.after_preposition" for m in name):
        return []  # no article's model called it a place or body
    by_article: dict[str, dict[str, dict[str, Any]]] = {}
    for m in name:
        by_article.setdefault(m["article"], {}).setdefault(fold(m["attribute_value"]).key, m)
    # A dateline is the article's own word on the place: one its body spells
    # another way is a slip to tell ("SANDBORN, N.D." above "in Sanborn").
    slips: list[dict[str, Any]] = []
    for art, forms in by_article.items():
        if len(forms) > 1:
            body = {k: m for k, m in forms.items() if m["pattern"] != "names.dateline"}
            if len(body) != 1:
                return []  # an article writes both: two bodies, or its own slip
            slips += [m for k, m in forms.items() if k not in body]
            by_article[art] = body
    said: dict[str, list[dict[str, Any]]] = {}
    for forms in by_article.values():
        for key, m in forms.items():
            said.setdefault(key, []).append(m)

    def rarest(key: str) -> int:
        return min(len(batch.get(t, ())) for t in fold(said[key][0]["attribute_value"]).words)

    # Most articles of the story; on a tie, the form whose rarest word more
    # articles of the batch write (a slip is rare), then the first written.
    best = max(said, key=lambda k: (len(said[k]), rarest(k), -name.index(said[k][0])))
    consensus = fold(said[best][0]["attribute_value"])
    out = []
    told = [(k, ms, said[best]) for k, ms in said.items() if k != best]
    told += [(fold(m["attribute_value"]).key, [m],
              [g for g in said[best] if g["article"] != m["article"]]) for m in slips]
    for key, ms, against in told:
        if key == best or not against:
            continue
        form = fold(ms[0]["attribute_value"])
        how = alike(form, consensus, w)
        if how is None:
            continue
        # A slip in a word every such name has ("Schoool", "Medial Center")
        # sends no one to another place: told, but below a warning.
        slip = {t for x, y in zip(form.words, consensus.words, strict=True) if x != y
                for t in (x, y)}
        level = "info" if slip & w.common else None
        model = said[best][0]["attribute_value"]
        for m in ms:
            detail = f"name {m['attribute_value']!r} and {model!r}: {how}"
            out.append(finding(RULE, m, against, "name", detail, checks, "name", level))
    return out
