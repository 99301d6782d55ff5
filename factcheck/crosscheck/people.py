"""People across the articles of a story, and the checks on them (FC301-FC306).

Within an article, every ``person`` fact (factcheck/extract/people.py) and
every ``age`` fact is put on a person: named mentions by the article's
fullest form of the name (a surname or a first name alone joins the one full
name it belongs to); ages, conditions and charges by the name they were said
of, or, unnamed, by the class of the description (``person_nouns``: "the
boy", "a 12-year-old son") and its age.

Across the articles of a story, people are linked by name, allowing what real
coverage does to names: initials, middle names and suffixes dropped,
apostrophes and hyphens, given and family names swapped, and one or two
letters changed in either. A link is one-to-one per pair of articles, the
surest first, and never puts two people of one article together, so two
people of close names in one article ("Tristan" and "Tristin Carr", both
named) each keep their own. Ages that differ by more than a year keep two
close names apart. Unnamed people link only when each is the only one of its
class in its article. Nobody is linked across stories.

Each link has a confidence (0..1) that sets the severity of what is found on
it: below ``SURE`` a finding is ``info``.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from rapidfuzz import fuzz

from ..facts import DISCREPANCY_SCHEMA, PEOPLE_SCHEMA, empty, frame
from ..model import SEVERITY_ORDER
from .compare import fingerprint

# Findings on links at least this sure keep their check's severity; below, info.
SURE = 0.75
# Two spellings of a name part are variants of one at or above this ratio (0-100).
VARIANT = 80.0
# Ages (in years) closer than this are the same age ("22-month-old" and "2-year-old").
AGE_SLACK = 0.5
# Unnamed people of two ages are one only if the ages are this close (years).
MAX_TYPO = 2.0
_AGE_IN_DESC = re.compile(r"\b(\d{1,3})[- ]?(?:year|yr)s?[- ]?old\b")
_UNIT_YEARS = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}


@dataclass
class Person:
    """One person as one article gives them."""

    article: str
    story: str
    index: int  # batch order of the article
    published: Any
    name: str | None = None  # the article's fullest form, as written
    kind: str | None = None  # class of an unnamed person (boy, woman...)
    names: list[dict[str, Any]] = field(default_factory=list)  # name facts
    ages: list[dict[str, Any]] = field(default_factory=list)
    conditions: list[dict[str, Any]] = field(default_factory=list)
    charges: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    relations: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # the part each describing sentence gives

    def part(self) -> str | None:
        """The part the article's sentences about this person agree on."""
        got = set(self.parts)
        return got.pop() if len(got) == 1 else None

    def years(self) -> float | None:
        """The age this article gives, if it gives one (two different: none)."""
        got = sorted({round(y, 2) for f in self.ages if (y := _years(f)) is not None})
        if not got or got[-1] - got[0] >= 1:
            return None
        return got[0]

    def in_years(self) -> bool:
        """Whether the age is given in whole years (not "22-month-old")."""
        return all((f.get("unit") or "year") == "year" for f in self.ages)


def same_age(p: Person, q: Person) -> bool | None:
    """Whether two people's ages agree; None when either has none. Whole years
    must be equal; an age in months or weeks may round to the next year."""
    a, b = p.years(), q.years()
    if a is None or b is None:
        return None
    if p.in_years() and q.in_years():
        return abs(a - b) < AGE_SLACK
    return abs(a - b) < 1


def _years(f: dict[str, Any]) -> float | None:
    if f.get("value") is None:
        return None
    return float(f["value"]) * _UNIT_YEARS.get(f.get("unit") or "year", 1.0)


def _fold(text: str) -> str:
    """Letters only, lower case, accents off: the form two spellings are compared in."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text.casefold() if c.isalnum() or c == " ")


def name_parts(name: str, suffixes: frozenset[str]) -> list[str]:
    """Given name first, family name last, folded; initials and suffixes dropped."""
    name = re.sub(r"['’]s?$", "", name.strip())
    words = [w for w in re.split(r"\s+", name.replace("-", "").replace("'", "")
                                 .replace("’", "")) if w]
    words = [w for w in words if w.casefold() not in suffixes]
    out = ["".join(c for c in _fold(w) if not c.isdigit()) for w in words]
    keep = [w for i, w in enumerate(out) if w and not (0 < i < len(out) - 1 and len(w) == 1)]
    return keep


# ---- within an article ---------------------------------------------------


@dataclass(frozen=True)
class Words:
    """The word lists of rules/people.yaml the linker reads."""

    nouns: dict[str, str]
    suffixes: frozenset[str]
    not_names: frozenset[str]
    relations: dict[str, str]  # wording → relation
    parts: dict[str, str]  # word → part

    @classmethod
    def of(cls, rules: Any) -> Words:
        suffixes = {str(s).casefold() for s in rules.name_suffixes}
        return cls({str(k).lower(): str(v) for k, v in rules.person_nouns.items()},
                   frozenset(suffixes | {s.rstrip(".") for s in suffixes}),
                   frozenset(str(w).casefold() for w in rules.not_name_words),
                   {str(k).casefold(): str(v) for k, v in rules.relation_words.items()},
                   {str(w).casefold(): str(part) for part, ws in
                    sorted(rules.person_parts.items()) for w in ws})


def is_person_name(name: str, not_names: frozenset[str]) -> bool:
    """Not an acronym ("Alpine ISD"), nor a place or body ("Bowles Avenue")."""
    for w in name.split():
        if len(w) > 1 and w.isupper() and w.isalpha():
            return False
        if w.casefold().strip(".,") in not_names:
            return False
    return True


def _part(sentence: str | None, parts: dict[str, str]) -> str | None:
    """The one part the sentence's words give, if only one."""
    got = {parts[w] for w in re.findall(r"[a-z]+", (sentence or "").lower()) if w in parts}
    return got.pop() if len(got) == 1 else None


def _relation(desc: str | None, relations: dict[str, str]) -> str | None:
    """The relation a description states ("their grandma" → grandmother)."""
    for w in re.findall(r"[a-z]+", (desc or "").lower())[::-1]:
        if w in relations:
            return relations[w]
    return None


def _people_of_article(rows: list[dict[str, Any]], story: str, index: int,
                       words: Words) -> list[Person]:
    nouns, suffixes = words.nouns, words.suffixes
    first = rows[0]
    people: dict[str, Person] = {}
    canonical: dict[str, str] = {}  # batch-wide entity → this article's form

    def new(key: str, **kw: Any) -> Person:
        if key not in people:
            people[key] = Person(first["article"], story, index, first["published"], **kw)
        return people[key]

    names = [r for r in rows if r["kind"] == "person" and r["attribute"] == "name"
             and is_person_name(r["attribute_value"], words.not_names)]
    fulls = sorted({r["attribute_value"] for r in names if len(r["attribute_value"].split()) > 1},
                   key=lambda n: (-len(n), n))
    for r in names:
        form = _article_form(r["attribute_value"], fulls, suffixes)
        if form is None:
            continue
        p = new("n:" + form, name=form)
        p.names.append(r)
        rel = _relation(r["subject"], words.relations)
        if rel:
            p.relations.append((rel, r))
        if r["entity"]:
            canonical[r["entity"]] = form

    def named(text: str | None, make: bool = False) -> Person | None:
        """The person `text` names; "suspect Dana Pike" names Dana Pike. `make`:
        a name the model did not tag ("shot 18-year-old Dana Pike") is a person too."""
        text = _name_in(text)
        if not text:
            return None
        form = canonical.get(text) or _article_form(text, fulls, suffixes)
        if form is None:
            return None
        if make and "n:" + form not in people and len(form.split()) > 1:
            new("n:" + form, name=form)
        return people.get("n:" + form)

    unnamed: list[tuple[dict[str, Any], str | None, float | None, str]] = []
    for r in rows:
        if r["kind"] == "age":
            who = named(r["subject"], make=True)
            if who is not None:
                who.ages.append(r)
                if not who.names:  # named only here: the age's mention names them
                    who.names.append(r)
            else:
                kind = _kind(r["subject"], nouns)
                if kind is not None:
                    unnamed.append((r, kind, _years(r), "ages"))
        elif r["kind"] == "person" and r["attribute"] in ("condition", "charge"):
            slot = "conditions" if r["attribute"] == "condition" else "charges"
            who = named(r["entity"])
            if who is not None:
                getattr(who, slot).append(r)
                continue
            desc = r["subject"] or ""
            m = _AGE_IN_DESC.search(desc)
            age = float(m.group(1)) if m else None
            kind = _kind(desc, nouns)
            if age is not None:
                # "the 14-year-old": the one named person of that age, if any.
                owners = [q for q in people.values() if q.name and q.years() == age]
                if len(owners) == 1:
                    getattr(owners[0], slot).append(r)
                    continue
            if kind is not None or age is not None:
                unnamed.append((r, kind, age, slot))
        elif r["kind"] == "attribute" and r["attribute"] == "role":
            who = named(r["entity"])
            if who is not None:
                who.roles.append(r)
    # Unnamed people: one per (class, age) the article describes; a mention
    # missing one of the two joins the only person it fits.
    keys = sorted({(k, a) for _, k, a, slot in unnamed if k is not None and a is not None},
                  key=lambda t: (t[0], t[1]))
    for r, kind, age, slot in unnamed:
        # "a 34-year-old woman, Dana Pike": the name beside the description.
        beside = [n for n in names if n["sentence_start"] == r["sentence_start"]
                  and n["subject"] and r["text"] in n["subject"] and named(n["attribute_value"])]
        if len(beside) == 1:
            getattr(named(beside[0]["attribute_value"]), slot).append(r)
            continue
        # "a 49-year-old man" where the article names one person of 49: that person.
        owners = [q for q in people.values() if q.name and age is not None
                  and q.years() is not None and abs(q.years() - age) < AGE_SLACK]  # type: ignore[operator]
        if len(owners) == 1:
            getattr(owners[0], slot).append(r)
            continue
        fits = [(k, a) for k, a in keys
                if (kind is None or k == kind) and (age is None or a == age)]
        key: tuple[str, float | None]
        if kind is not None and age is not None:
            key = (kind, age)
        elif len(fits) == 1:
            key = fits[0]
        elif not fits and kind is not None:
            key = (kind, None)
        else:
            continue
        p = new(f"u:{key[0]}:{key[1]}", kind=key[0])
        getattr(p, slot).append(r)
    for p in people.values():
        for f in [*p.names, *p.ages]:
            part = _part(f["sentence"], words.parts)
            if part:
                p.parts.append(part)
        # What happened to someone says the part itself: a state is a victim's,
        # a charge a suspect's.
        p.parts += ["victim"] * bool(p.conditions) + ["suspect"] * bool(p.charges)
    return list(people.values())


def _name_in(text: str | None) -> str | None:
    """The name at the end of a description: its last run of capitalised words."""
    if not text:
        return None
    words = text.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    return " ".join(words[k:]) or None


def _article_form(text: str, fulls: list[str], suffixes: frozenset[str]) -> str | None:
    """The article's full name `text` is part of ("Trell", "Marcus" → "Marcus Trell")."""
    parts = name_parts(text, suffixes)
    if not parts:
        return None
    if len(parts) > 1:
        for full in fulls:
            fp = name_parts(full, suffixes)
            if fp and fp[-1] == parts[-1] and fp[0] == parts[0]:
                return full
        # "Maria Paredes" (an age's name cut at the hyphen) and "Garcia Cerna"
        # written unhyphenated are the article's "Maria Paredes-Paz", "Garcia-Cerna".
        spaced = name_parts(text.replace("-", " "), suffixes)
        for full in fulls:
            fp = name_parts(full.replace("-", " "), suffixes)
            if fp[:1] == spaced[:1] and (fp == spaced or _family_part(text, full)):
                return full
        return text
    owners = [f for f in fulls if name_parts(f, suffixes)[-1:] == parts]
    if len(owners) != 1:
        owners = [f for f in fulls if name_parts(f, suffixes)[:1] == parts]
    return owners[0] if len(owners) == 1 else text


def _kind(desc: str | None, nouns: dict[str, str]) -> str | None:
    """The class of a description by its last listed word ("the injured boy" → boy)."""
    if not desc:
        return None
    words = re.findall(r"[a-z]+", desc.lower())
    for n in (2, 1):
        for i in range(len(words) - n, -1, -1):
            hit = nouns.get(" ".join(words[i:i + n]))
            if hit:
                return hit
    return None


# ---- across articles -----------------------------------------------------


@dataclass
class Link:
    score: float
    how: str


def link(p: Person, q: Person, suffixes: frozenset[str], unique: bool) -> Link | None:
    """How sure it is that `p` and `q` (of two articles of one story) are one person."""

    ap, aq = p.years(), q.years()
    ages_clash = ap is not None and aq is not None and abs(ap - aq) > 1 + 1e-9
    ages_agree = same_age(p, q) is True
    if p.name and q.name:
        a, b = name_parts(p.name, suffixes), name_parts(q.name, suffixes)
        if not a or not b:
            return None
        if len(a) > 1 and len(b) > 1:
            if a[0] == b[0] and a[-1] == b[-1]:
                return Link(1.0, "same name")
            if a[0] == b[0] and _family_part(p.name, q.name):
                return Link(0.9, "one part of a double family name")
            if ages_clash:
                return None
            if a[-1] == b[-1] and (fuzz.ratio(a[0], b[0]) >= VARIANT):
                return Link(0.8 if ages_agree else 0.6, "given name spelt differently")
            if a[0] == b[0] and fuzz.ratio(a[-1], b[-1]) >= VARIANT:
                return Link(0.9 if ages_agree else 0.8, "family name spelt differently")
            if a[0] == b[-1] and a[-1] == b[0]:
                return Link(0.8, "given and family name swapped")
            return None
        # One side a single name ("Raheam, 19"): it must be the other's given
        # or family name, or one letter off it when the ages agree.
        one, full = (a, b) if len(a) == 1 else (b, a)
        if len(one) == len(full):
            return Link(0.9, "same name") if one == full else None
        if ages_clash:
            return None
        if one[0] in (full[0], full[-1]):
            return Link(0.7 if ages_agree else 0.5, "one name of the two")
        if ages_agree and unique and (fuzz.ratio(one[0], full[0]) >= VARIANT
                                      or fuzz.ratio(one[0], full[-1]) >= VARIANT):
            return Link(0.75, "one name of the two, spelt differently")
        return None
    if p.name is None and q.name is None and p.kind and p.kind == q.kind and unique:
        if ap == aq:  # the same age, or neither gives one
            return Link(0.8 if ap is not None else 0.75, f"the only {p.kind} described")
        # Outlets describe different people alike ("a 19-year-old man" shot, another
        # arrested): of two ages, sure only when they share what happened to them.
        # A typo moves an age by a year or two; "17" and "39" are two people.
        if ap is None or aq is None or abs(ap - aq) > MAX_TYPO or p.part() is None \
                or p.part() != q.part():
            return None
        return Link(0.75, f"the only {p.kind} described, the {p.part()}")
    return None


def _family_part(x: str, y: str) -> bool:
    """Whether one family name is a part of the other, double one ("Rose-Robinson")."""
    fx, fy = x.split()[-1].casefold(), y.split()[-1].casefold()
    return fx != fy and (fx in fy.split("-") or fy in fx.split("-"))


def link_story(people: list[Person], suffixes: frozenset[str]) -> list[tuple[list[Person], float]]:
    """Clusters of one person across the story's articles, with the least sure link."""
    by_article: dict[str, list[Person]] = {}
    for p in people:
        by_article.setdefault(p.article, []).append(p)
    arts = sorted(by_article, key=lambda a: by_article[a][0].index)
    cands = []
    for x, ax in enumerate(arts):
        for ay in arts[x + 1:]:
            pair = []
            for p in by_article[ax]:
                for q in by_article[ay]:
                    unique = _only_of_kind(p, by_article[ax]) and _only_of_kind(q, by_article[ay])
                    got = link(p, q, suffixes, unique)
                    if got is not None:
                        pair.append((got.score, p, q))
            cands.extend(_mutual(pair))
    ids = {id(p): i for i, p in enumerate(people)}
    parent = list(range(len(people)))
    members: dict[int, set[str]] = {i: {p.article} for i, p in enumerate(people)}
    worst = {i: 1.0 for i in range(len(people))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Surest first; the order of equal scores is the batch's, so runs agree.
    cands.sort(key=lambda c: (-c[0], c[1].index, ids[id(c[1])], c[2].index, ids[id(c[2])]))
    taken: set[tuple[int, str]] = set()  # (person, other article) already linked
    for score, p, q in cands:
        i, j = ids[id(p)], ids[id(q)]
        if (i, q.article) in taken or (j, p.article) in taken:
            continue
        ri, rj = find(i), find(j)
        if ri == rj or members[ri] & members[rj]:
            continue
        # A surname alone must not chain two people of that surname ("Robertson"
        # to both Joe and Sheena Robertson): every two whole names must link.
        if not _whole_names_link(
                [people[k] for k in range(len(people)) if find(k) == ri],
                [people[k] for k in range(len(people)) if find(k) == rj], suffixes):
            continue
        parent[rj] = ri
        members[ri] |= members.pop(rj)
        worst[ri] = min(worst[ri], worst.pop(rj), score)
        taken.add((i, q.article))
        taken.add((j, p.article))
    clusters: dict[int, list[Person]] = {}
    for i, p in enumerate(people):
        clusters.setdefault(find(i), []).append(p)
    return [(sorted(c, key=lambda p: p.index), worst[r]) for r, c in clusters.items()]


def by_relation(clusters: list[tuple[list[Person], float]]) -> list[tuple[list[Person], float]]:
    """Two named people who are the story's only two of a relation (each "the
    girl's mother" in the articles that name them) and share no article are one
    person named two ways; the link is no surer than `SURE`."""
    holders: dict[str, list[int]] = {}
    for k, (cluster, _) in enumerate(clusters):
        for rel in sorted({r for p in cluster for r, _ in p.relations}):
            holders.setdefault(rel, []).append(k)
    merged: set[int] = set()
    out = []
    for rel in sorted(holders):
        ks = holders[rel]
        if len(ks) != 2 or merged & set(ks):
            continue
        (ca, sa), (cb, sb) = clusters[ks[0]], clusters[ks[1]]
        if {p.article for p in ca} & {p.article for p in cb} or not all(
                p.name for p in ca + cb) or not _alike_given(ca[0].name, cb[0].name):
            continue
        merged |= set(ks)
        out.append((sorted(ca + cb, key=lambda p: p.index), min(sa, sb, SURE)))
    out += [c for k, c in enumerate(clusters) if k not in merged]
    return out


def _alike_given(x: str | None, y: str | None) -> bool:
    """Given names one or two letters apart ("Toyia", "Latoyia"): two people of one
    relation with unlike given names are two people ("his friends")."""

    a, b = name_parts(x or "", frozenset()), name_parts(y or "", frozenset())
    return bool(a and b) and fuzz.ratio(a[0], b[0]) >= VARIANT


def _whole_names_link(xs: list[Person], ys: list[Person], suffixes: frozenset[str]) -> bool:
    """Whether every whole name of one cluster links to every whole name of the
    other. Where only the ages keep two apart, an age one outlet got wrong must
    not keep another outlet's spelling out of the person (that age is FC302's):
    the names suffice when another outlet writing that same name gives the
    same age."""
    from dataclasses import replace

    whole = [p for p in xs if p.name and len(p.name.split()) > 1]
    other = [q for q in ys if q.name and len(q.name.split()) > 1]

    def fits(p: Person, q: Person, side: list[Person]) -> bool:
        if link(p, q, suffixes, True) is not None:
            return True
        if link(replace(p, ages=[]), replace(q, ages=[]), suffixes, True) is None:
            return False
        same = name_parts(q.name or "", suffixes)
        return any(same_age(p, r) for r in side if name_parts(r.name or "", suffixes) == same)

    return all(fits(p, q, ys) or fits(q, p, xs) for p in whole for q in other)


def _mutual(pair: list[tuple[float, Person, Person]]) -> list[tuple[float, Person, Person]]:
    """A spelling-variant link between two articles is sure when, once the names
    they share are set aside, each is the other's only candidate ("Raheem" and
    "Raheam Jackson" beside the same Dillon and Georgia Jackson)."""
    exact = {id(x) for s, p, q in pair if s >= 1.0 for x in (p, q)}
    out = []
    for s, p, q in pair:
        if s < SURE and p.name and q.name and id(p) not in exact and id(q) not in exact:
            rivals = [1 for _, a, b in pair if (a is p) != (b is q)
                      and id(a) not in exact and id(b) not in exact]
            if not rivals:
                s = SURE
        out.append((s, p, q))
    return out


def _only_of_kind(p: Person, others: list[Person]) -> bool:
    if p.name is not None:
        return True
    return sum(1 for o in others if o.name is None and o.kind == p.kind) == 1


# ---- the people table and the checks ---------------------------------------


@dataclass
class _Ctx:
    rules: Any
    checks: dict[str, Any]
    rank: dict[str, int]
    preliminary: tuple[str, ...] = ()
    rows: list[tuple[tuple, dict[str, Any]]] = field(default_factory=list)


def people_check(facts: pl.DataFrame, rules: Any) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(people table, discrepancies) of a facts table that carries its stories."""
    want = (pl.col("kind").is_in(["person", "age"])
            | ((pl.col("kind") == "attribute") & (pl.col("attribute") == "role")))
    rows = facts.with_row_index("pos").filter(want).to_dicts()
    if not rows:
        return empty(PEOPLE_SCHEMA), empty(DISCREPANCY_SCHEMA)
    words = Words.of(rules)
    suffixes = words.suffixes
    order = {a: i for i, a in enumerate(facts["article"].unique(maintain_order=True).to_list())}
    by_article: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_article.setdefault(r["article"], []).append(r)
    stories: dict[str, list[Person]] = {}
    for art in sorted(by_article, key=order.__getitem__):
        got = by_article[art]
        story = got[0]["story"] or ""
        stories.setdefault(story, []).extend(
            _people_of_article(got, story, order[art], words))
    ctx = _Ctx(rules, rules.checks,
               {str(k): int(v["rank"]) for k, v in rules.person_conditions.items()},
               tuple(str(w).lower() for w in rules.preliminary_charge_words))
    table: list[dict[str, Any]] = []
    for story in sorted(stories):
        for cluster, sure in by_relation(link_story(stories[story], suffixes)):
            pid = _person_id(story, cluster)
            table.extend(_table_rows(pid, cluster, sure if len(cluster) > 1 else None, ctx))
            if len(cluster) < 2:
                continue
            _check_names(pid, cluster, sure, ctx, suffixes)
            _check_ages(pid, cluster, sure, ctx)
            _check_states(pid, cluster, sure, ctx)
            _check_charges(pid, cluster, sure, ctx)
            _check_relations(pid, cluster, sure, ctx)
    ctx.rows.sort(key=lambda r: r[0])
    found = frame([r for _, r in ctx.rows], DISCREPANCY_SCHEMA)
    return frame(table, PEOPLE_SCHEMA), found


def _person_id(story: str, cluster: list[Person]) -> str:
    keys = sorted(f"{p.article}\x1f{p.name or p.kind}" for p in cluster)
    return "person-" + hashlib.blake2b("\x1e".join([story, *keys]).encode(),
                                       digest_size=6).hexdigest()


def _label(p: Person) -> str:
    if p.name:
        return p.name
    age = p.years()
    return f"the {_age_text(age)} {p.kind}" if age is not None else f"the {p.kind}"


def _age_text(age: float | None) -> str:
    if age is None:
        return "?"
    if age < 1:
        return f"{round(age * 12)}-month-old"
    return f"{age:g}-year-old"


def _state(p: Person, rank: dict[str, int]) -> tuple[str, dict[str, Any]] | None:
    """What this article last says happened to `p`; death is final whatever follows."""
    if not p.conditions:
        return None
    facts = sorted(p.conditions, key=lambda f: f["start"])
    dead = [f for f in facts if rank.get(f["attribute_value"]) == max(rank.values())]
    f = dead[-1] if dead else facts[-1]
    return f["attribute_value"], f


def _table_rows(pid: str, cluster: list[Person], sure: float | None,
                ctx: _Ctx) -> list[dict[str, Any]]:
    out = []
    for p in cluster:
        first = _name_fact(p)
        state = _state(p, ctx.rank)
        cited = [*p.names, *p.ages, *p.conditions, *p.charges, *p.roles]
        out.append({
            "person": pid, "story": p.story or None, "article": p.article,
            "name": p.name or _label(p),
            "start": first["start"] if first else None, "end": first["end"] if first else None,
            "age": p.years(),
            "role": p.roles[0]["attribute_value"] if p.roles else None,
            "relation": p.relations[0][0] if p.relations else None,
            "part": p.part(),
            "condition": state[0] if state else None,
            "charge": "; ".join(sorted({f["attribute_value"] for f in p.charges})) or None,
            "link": sure,
            "fact_ids": [f["fact_id"] for f in sorted(cited, key=lambda f: f["start"])],
        })
    return out


def _name_fact(p: Person) -> dict[str, Any] | None:
    """The first mention that gives the whole name, else the first mention."""
    if not p.names:
        return None
    whole = [f for f in p.names if f["text"] == p.name]
    return min(whole or p.names, key=lambda f: f["start"])


def _written(p: Person) -> bool:
    """Whether the article writes the name where it can be cited (not only as
    the name an age was said of: "Thirteen-year-old" shows no spelling)."""
    return any(f["kind"] == "person" for f in p.names)


def _cited_name(p: Person, shows: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The mention that identifies the person best: the whole name in the
    sentence that gives the age; else a part of it there that still `shows` a
    part of the name in question ("Raheam, 19"); else the first whole name."""
    whole = sorted((f for f in p.names if f["text"] == p.name and f["kind"] == "person"),
                   key=lambda f: f["start"])
    aged = {f["sentence_start"] for f in p.ages}
    part = sorted((f for f in p.names if f["sentence_start"] in aged and f["text"] != p.name
                   and shows & set(name_parts(f["text"], frozenset()))), key=lambda f: f["start"])
    return next((f for f in whole if f["sentence_start"] in aged), None) or \
        next(iter(part), None) or next(iter(whole), None) or \
        min((f for f in p.names if f["kind"] == "person"), key=lambda f: f["start"])


def _source(p: Person) -> str:
    return p.names[0]["source"] if p.names and p.names[0]["source"] else (
        _any_fact(p)["source"] or p.article)


def _any_fact(p: Person) -> dict[str, Any]:
    return (p.names or p.ages or p.conditions or p.charges or p.roles)[0]


def _emit(ctx: _Ctx, rule: str, pid: str, out: Person, against: list[Person],
          cited: list[dict[str, Any]], says: str, others_say: str, subject: str,
          status: str, sure: float, detail: str, entity: str = "") -> None:
    check = ctx.checks.get(rule, {})
    severity = check.get("severity", "warning") if sure >= SURE else "info"
    others = _source(against[0]) if len(against) == 1 else f"{len(against)} other outlets"
    message = check.get("message", "{source} says {says}; {others} {say} {others_say}").format(
        source=_source(out), says=says, others=others, others_say=others_say, subject=subject,
        say="says" if len(against) == 1 else "say", entity=entity or subject, ratio="")
    row = {
        "id": fingerprint(rule, out.story, "person", None, subject, cited),
        "rule": rule, "name": check.get("name", rule), "kind": "person",
        "severity": severity, "status": status, "story": out.story or None, "group": pid,
        "subject": subject, "message": message,
        "detail": f"{detail}; link {sure:.2f}", "score": sure,
        "fact_ids": [f["fact_id"] for f in cited],
    }
    ctx.rows.append(((SEVERITY_ORDER[severity], out.story, cited[0]["pos"]), row))


def _consensus(cluster: list[Person], value: Any) -> tuple[Any, list[Person], list[Person]]:
    """(the value most articles give, those that give it, those that differ);
    a tie goes to the earliest article's value."""
    have = [p for p in cluster if value(p) is not None]
    counts = Counter(value(p) for p in have)
    if len(counts) < 2:
        return None, have, []
    best = max(counts, key=lambda v: (counts[v], -min(p.index for p in have if value(p) == v)))
    return best, [p for p in have if value(p) == best], [p for p in have if value(p) != best]


def _check_names(pid: str, cluster: list[Person], sure: float, ctx: _Ctx,
                 suffixes: frozenset[str]) -> None:
    def key(p: Person) -> tuple[str, tuple[str, ...]] | None:
        """(given name, the other names): "Rojo Rivas" is "Rojo-Rivas", and a middle
        name or half of a double name left out is no misspelling."""
        if not p.name or len(p.name.split()) < 2:
            return None  # "Garcia-Ramires" alone is a surname, not a whole name
        parts = name_parts(p.name.replace("-", " "), suffixes)
        return (parts[0], tuple(parts[1:])) if len(parts) > 1 else None

    # A holder of office is a public figure whose foreign name each outlet
    # transliterates by its house style ("Zelensky", "Zelenskyy"): not an error.
    if any(q.roles for q in cluster):
        return
    # Spellings that are one name: the key of the first member it matches.
    reps: list[tuple[str, tuple[str, ...]]] = []

    def spelling(p: Person) -> tuple[str, tuple[str, ...]] | None:
        k = key(p)
        if k is None:
            return None
        for r in reps:
            # "Josh" for "Joshua"; either half of a double family name.
            given = r[0].startswith(k[0]) or k[0].startswith(r[0])
            if given and (set(r[1]) <= set(k[1]) or set(k[1]) <= set(r[1])):
                return r
        reps.append(k)
        return k

    best, agree, differ = _consensus(cluster, spelling)
    for p in differ:
        others = [q for q in agree if _written(q)]
        if not others or not _written(p):
            continue
        a, b = name_parts(p.name or "", suffixes), name_parts(others[0].name or "", suffixes)
        cited = [_cited_name(p, frozenset(a) - set(b)),
                 *[_cited_name(q, frozenset(b) - set(a)) for q in others]]
        subject = f"{others[0].name} · name"
        rel = next((r for q in cluster for r, _ in q.relations), None)
        spelt = len(a) > 1 and len(b) > 1 and fuzz.ratio(a[0], b[0]) >= VARIANT and fuzz.ratio(
            a[-1], b[-1]) >= VARIANT
        detail = _letters(p.name or "", others[0].name or "") if spelt else (
            f"two names for the {rel}" if rel else "two names")
        _emit(ctx, "FC301", pid, p, others, cited, p.name or "", others[0].name or "", subject,
              "conflict", sure, detail)


def _letters(a: str, b: str) -> str:
    """Which letters differ: "'ll' where the other has 'l'"."""

    ops = [op for op in difflib.SequenceMatcher(a=a, b=b).get_opcodes() if op[0] != "equal"]
    if not ops:
        return "the same letters"
    parts = []
    for tag, i1, i2, j1, j2 in ops[:3]:
        parts.append(f"{a[i1:i2]!r} where the other has {b[j1:j2]!r}" if tag == "replace" else
                     f"{a[i1:i2]!r} added" if tag == "delete" else f"{b[j1:j2]!r} left out")
    return "; ".join(parts)


def _check_ages(pid: str, cluster: list[Person], sure: float, ctx: _Ctx) -> None:
    best, agree, differ = _consensus(cluster, lambda p: p.years())
    if best is None:
        return
    for p in differ:
        age = p.years()
        if age is None or any(same_age(p, q) for q in agree):
            continue
        days = _days_after(p, agree)
        # A year older in an article published months later: a birthday, not a mistake.
        status = "update" if days is not None and days >= 180 and 0 < age - best <= max(
            1.0, days / 365.25 + 0.5) else "conflict"
        cited = [min(p.ages, key=lambda f: f["start"]),
                 *[min(q.ages, key=lambda f: f["start"]) for q in agree]]
        subject = f"{_label(agree[0])} · age"
        _emit(ctx, "FC302", pid, p, agree, cited, _age_text(age), _age_text(best), subject,
              status, sure, f"ages {age:g} and {best:g} years", _label(agree[0]))


def _days_after(p: Person, others: list[Person]) -> float | None:
    """How many days after the latest of `others` `p`'s article was published."""
    if p.published is None or any(q.published is None for q in others):
        return None
    return (p.published - max(q.published for q in others)).total_seconds() / 86400


def _check_states(pid: str, cluster: list[Person], sure: float, ctx: _Ctx) -> None:
    top = max(ctx.rank.values(), default=0)
    states = [(p, s) for p in _by_time(cluster) if (s := _state(p, ctx.rank)) is not None]
    for k, (p, (state, fact)) in enumerate(states):
        earlier, conflict = [], False
        for q, (other, ofact) in states[:k]:
            if other == state:
                continue
            days = _days_after(p, [q])
            ordered = days is not None and days > 0
            up = ctx.rank.get(state, 0) > ctx.rank.get(other, 0) or (
                ctx.rank.get(state) == 0 and ctx.rank.get(other) != top)
            if ordered and up:
                earlier.append((q, ofact))
            elif days is not None and days < 0:
                continue  # reported from the later article's side
            else:
                earlier.append((q, ofact))
                conflict = True
        if not earlier:
            continue
        cited = [fact, *[f for _, f in earlier]]
        subject = f"{_label(earlier[0][0])} · condition"
        _emit(ctx, "FC305", pid, p, [q for q, _ in earlier], cited, state,
              " / ".join(sorted({f["attribute_value"] for _, f in earlier})), subject,
              "conflict" if conflict else "update", sure,
              f"{state} against {earlier[0][1]['attribute_value']}", _label(earlier[0][0]))


def _by_time(cluster: list[Person]) -> list[Person]:
    """Earliest published first; articles without a time keep batch order, last."""
    return sorted(cluster, key=lambda p: (p.published is None,
                                          p.published.timestamp() if p.published else 0.0,
                                          p.index))


def _check_charges(pid: str, cluster: list[Person], sure: float, ctx: _Ctx) -> None:
    have = [p for p in _by_time(cluster) if p.charges]
    for k, p in enumerate(have):
        mine = sorted(p.charges, key=lambda f: f["start"])
        earlier, conflict = [], False
        for q in have[:k]:
            theirs = sorted(q.charges, key=lambda f: f["start"])
            if any(fuzz.token_set_ratio(a["attribute_value"], b["attribute_value"]) >= 85
                   for a in mine for b in theirs):
                continue
            days = _days_after(p, [q])
            if days is not None and days < 0:
                continue
            earlier.append((q, theirs[0]))
            conflict = conflict or days is None or days <= 0
        if not earlier:
            continue
        cited = [mine[0], *[f for _, f in earlier]]
        subject = f"{_label(earlier[0][0])} · charge"
        # People face several charges and outlets list some: two lists that differ
        # are worth a look; a charge that replaces an arrest on suspicion is news.
        preliminary = not conflict and all(
            any(w in f["text"].lower() for w in ctx.preliminary) for _, f in earlier)
        _emit(ctx, "FC306", pid, p, [q for q, _ in earlier], cited, mine[0]["attribute_value"],
              " / ".join(sorted({f["attribute_value"] for _, f in earlier})), subject,
              "conflict" if conflict else "update", sure if preliminary else min(sure, 0.5),
              f"charged with {mine[0]['attribute_value']!r} against "
              f"{earlier[0][1]['attribute_value']!r}", _label(earlier[0][0]))


def _relation_of(p: Person) -> str | None:
    """The one relation an article gives a person (two different: none)."""
    got = {r for r, _ in p.relations}
    return got.pop() if len(got) == 1 else None


def _check_relations(pid: str, cluster: list[Person], sure: float, ctx: _Ctx) -> None:
    """FC304: outlets say one person is different things to the others ("her
    sister" and "a friend of hers")."""
    best, agree, differ = _consensus(cluster, _relation_of)
    if best is None:
        return
    for p in differ:
        mine = next(f for r, f in p.relations if r == _relation_of(p))
        theirs = [next(f for r, f in q.relations if r == best) for q in agree]
        # One person is a daughter to her mother and a sister to her brother: two
        # relations are at odds only to one and the same other ("the victim's").
        anchor = _anchor(mine["subject"])
        same = anchor is not None and all(_anchor(f["subject"]) == anchor for f in theirs)
        _emit(ctx, "FC304", pid, p, agree, [mine, *theirs], _relation_of(p) or "", best,
              f"{_label(agree[0])} · relation", "conflict", sure if same else min(sure, 0.5),
              f"{_relation_of(p)} against {best}" + ("" if same else ", of whom unsaid"),
              _label(agree[0]))


_POSSESSOR = re.compile(r"\b([a-z]+)['’]s?\b(?=\s)|\bof (?:the |a |an )?([a-z]+)$")


def _anchor(desc: str | None) -> str | None:
    """Whose relation a description names, when it says so by a noun: "the
    victim's sister", "a friend of the victim" → victim; "her sister": None."""
    m = _POSSESSOR.search((desc or "").lower())
    return (m.group(1) or m.group(2)) if m else None
