"""People across the articles of a story: the people table and the checks on
them (FC301, FC302, FC304-FC308).

crosscheck/people_article.py puts each article's facts on people,
crosscheck/people_link.py links them across the story's articles; here each
linked person's names, ages, relations, conditions, charges, wounds and
schools or workplaces (compared as crosscheck/affiliations.py reads them) are compared.
A finding on a link below ``SURE`` is ``info``.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import polars as pl
from rapidfuzz import fuzz

from ..facts import DISCREPANCY_SCHEMA, PEOPLE_SCHEMA, empty, frame
from ..model import SEVERITY_ORDER
from .affiliations import Bodies
from .compare import fingerprint
from .people_article import (
    SURE,
    VARIANT,
    Person,
    Words,
    _people_of_article,
    name_parts,
    same_age,
)
from .people_link import by_relation, link, link_story

__all__ = ["Person", "link", "name_parts", "people_check"]

@dataclass
class _Ctx:
    rules: Any
    words: Words
    checks: dict[str, Any]
    rank: dict[str, int]
    preliminary: tuple[str, ...] = ()
    telling: dict[str, int] = field(default_factory=dict)  # condition phrase → its place
    agrees: dict[str, set[str]] = field(default_factory=dict)  # state → states it goes with
    rows: list[tuple[tuple, dict[str, Any]]] = field(default_factory=list)
    bodies: Bodies | None = None  # how names of schools and workplaces compare (FC308)


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
    ctx = _Ctx(rules, words, rules.checks,
               {str(k): int(v["rank"]) for k, v in rules.person_conditions.items()},
               tuple(str(w).lower() for w in rules.preliminary_charge_words),
               {str(ph).lower(): i for v in rules.person_conditions.values()
                for i, ph in reversed(list(enumerate(v["phrases"])))})
    ctx.bodies = Bodies.of(rules)
    for state, entry in rules.person_conditions.items():
        for other in entry.get("agrees", []):
            ctx.agrees.setdefault(str(state), set()).add(str(other))
            ctx.agrees.setdefault(str(other), set()).add(str(state))
    table: list[dict[str, Any]] = []
    for story in sorted(stories):
        for cluster, sure in by_relation(link_story(stories[story], words)):
            pid = _person_id(story, cluster)
            table.extend(_table_rows(pid, cluster, sure if len(cluster) > 1 else None, ctx))
            if len(cluster) < 2:
                continue
            _check_names(pid, cluster, sure, ctx, suffixes)
            _check_ages(pid, cluster, sure, ctx)
            _check_states(pid, _named_first(cluster), sure, ctx)
            _check_charges(pid, _named_first(cluster), sure, ctx)
            _check_relations(pid, cluster, sure, ctx)
            _check_wounds(pid, cluster, sure, ctx)
            _check_affiliations(pid, cluster, sure, ctx)
    ctx.rows.sort(key=lambda r: r[0])
    found = frame([r for _, r in ctx.rows], DISCREPANCY_SCHEMA)
    return frame(table, PEOPLE_SCHEMA), found


def _named_first(cluster: list[Person]) -> list[Person]:
    """The cluster without a description whose article names the person too (a
    police list and its narrative: people_link._join_described). What happened
    to the person is that article's list, its update; the narrative tells the
    night's events ("critical" then, "released" in the list)."""
    named = {p.article for p in cluster if p.name}
    return [p for p in cluster if p.name or p.article not in named]


def _person_id(story: str, cluster: list[Person]) -> str:
    # The age too: two people one article describes alike ("a 50-year-old woman",
    # "a 43-year-old woman") are two rows of the table.
    keys = sorted(f"{p.article}\x1f{_label(p)}" for p in cluster)
    return "person-" + hashlib.blake2b("\x1e".join([story, *keys]).encode(),
                                       digest_size=6).hexdigest()


def _label(p: Person) -> str:
    if p.name:
        return p.name
    age = p.years()
    return f"the {_age_text(age)} {p.kind}" if age is not None else f"the {p.kind}"


def _called(cluster: list[Person], p: Person) -> str:
    """What a finding calls the person: `p`'s name, else a name another article
    of the cluster gives (the earliest), else how `p`'s article describes them."""
    return p.name or next((q.name for q in cluster if q.name), None) or _label(p)


def _age_text(age: float | None) -> str:
    if age is None:
        return "?"
    if age < 1:
        return f"{round(age * 12)}-month-old"
    return f"{age:g}-year-old"


def _state(p: Person, rank: dict[str, int], telling: dict[str, int] | None = None
           ) -> tuple[str, dict[str, Any]] | None:
    """What this article last says happened to `p`; death is final whatever follows.
    The mention cited is the article's plainest wording of that state (`telling`:
    a phrase's place in its rule list) outside a clause that only picks the person
    out: "died Monday" says the death, "a boy who was fatally shot" describes the
    shooting."""
    if not p.conditions:
        return None
    facts = sorted(p.conditions, key=lambda f: f["start"])
    dead = [f for f in facts if rank.get(f["attribute_value"]) == max(rank.values())]
    # A release from hospital ends the states in it, wherever it is told ("treated
    # and released for non-life threatening injuries").
    released = [f for f in facts if rank.get(f["attribute_value"]) == min(rank.values())]
    state = (dead or released or facts)[-1]["attribute_value"]
    said = [f for f in facts if f["attribute_value"] == state]
    order = telling or {}
    # Not a clause that picks the person out by it ("the man who died"): the
    # copy tells the news elsewhere ("a shooting that left one man dead").
    f = min(said, key=lambda f: (f.get("pattern") == "person:condition.relative",
                                 order.get(f["text"].lower(), len(order)), f["start"]))
    return state, f


def _table_rows(pid: str, cluster: list[Person], sure: float | None,
                ctx: _Ctx) -> list[dict[str, Any]]:
    out = []
    for p in cluster:
        first = _name_fact(p)
        state = _state(p, ctx.rank, ctx.telling)
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
    return (p.names or p.ages or p.conditions or p.charges or p.roles or p.wounds
            or p.injuries or p.affiliations)[0]


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

    # A holder of a state office is a public figure whose foreign name each
    # outlet transliterates by its house style ("Zelensky", "Zelenskyy"): not an
    # error. A police chief's name spelt two ways is ("Eliot", "Elliot Isaac").
    if any(set(re.findall(r"[a-z]+", (r["attribute_value"] or "").lower())) & ctx.words.states
           for q in cluster for r in q.roles):
        return
    # Spellings that are one name: the key of the first member it matches.
    reps: list[tuple[str, tuple[str, ...]]] = []

    def spelling(p: Person) -> tuple[str, tuple[str, ...]] | None:
        k = key(p)
        if k is None:
            return None
        for r in reps:
            # "Josh" for "Joshua", "Charlie" for "Charles"; either half of a
            # double family name.
            given = r[0].startswith(k[0]) or k[0].startswith(r[0]) \
                or ctx.words.forms.get(r[0], r[0]) == ctx.words.forms.get(k[0], k[0])
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
        subject = f"{_called(cluster, agree[0])} · age"
        _emit(ctx, "FC302", pid, p, agree, cited, _age_text(age), _age_text(best), subject,
              status, sure, f"ages {age:g} and {best:g} years", _called(cluster, agree[0]))


def _days_after(p: Person, others: list[Person]) -> float | None:
    """How many days after the latest of `others` `p`'s article was published."""
    if p.published is None or any(q.published is None for q in others):
        return None
    return (p.published - max(q.published for q in others)).total_seconds() / 86400


def _check_states(pid: str, cluster: list[Person], sure: float, ctx: _Ctx) -> None:
    top = max(ctx.rank.values(), default=0)
    states = [(p, s) for p in _by_time(cluster)
              if (s := _state(p, ctx.rank, ctx.telling)) is not None]
    # Of articles of one time (a day without hours), the death is read as the
    # later news: people die of wounds after a hospital state, not before it.
    states.sort(key=lambda ps: (ps[0].published is None,
                                ps[0].published.timestamp() if ps[0].published else 0.0,
                                ctx.rank.get(ps[1][0]) == top))
    for k, (p, (state, fact)) in enumerate(states):
        earlier, conflict = [], False
        for q, (other, ofact) in states[:k]:
            if other == state or other in ctx.agrees.get(state, ()):
                continue
            days = _days_after(p, [q])
            up = ctx.rank.get(state, 0) > ctx.rank.get(other, 0) or (
                ctx.rank.get(state) == 0 and ctx.rank.get(other) != top)
            ordered = days is not None and (days > 0 or days == 0 and ctx.rank.get(
                state) == top and ctx.rank.get(other, 0) > 0)
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
        subject = f"{_called(cluster, earlier[0][0])} · condition"
        _emit(ctx, "FC305", pid, p, [q for q, _ in earlier], cited, state,
              " / ".join(sorted({f["attribute_value"] for _, f in earlier})), subject,
              "conflict" if conflict else "update", sure,
              f"{state} against {earlier[0][1]['attribute_value']}",
              _called(cluster, earlier[0][0]))


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
        subject = f"{_called(cluster, earlier[0][0])} · charge"
        # People face several charges and outlets list some: two lists that differ
        # are worth a look; a charge that replaces an arrest on suspicion is news.
        preliminary = not conflict and all(
            any(w in f["text"].lower() for w in ctx.preliminary) for _, f in earlier)
        _emit(ctx, "FC306", pid, p, [q for q, _ in earlier], cited, mine[0]["attribute_value"],
              " / ".join(sorted({f["attribute_value"] for _, f in earlier})), subject,
              "conflict" if conflict else "update", sure if preliminary else min(sure, 0.5),
              f"charged with {mine[0]['attribute_value']!r} against "
              f"{earlier[0][1]['attribute_value']!r}", _called(cluster, earlier[0][0]))


def _check_wounds(pid: str, cluster: list[Person], sure: float, ctx: _Ctx) -> None:
    """FC307: outlets say one person was hit in places that do not meet ("in the
    neck" / "in the upper left shoulder"); a region and a place in it meet, and an
    article that names several places agrees with one that names any of them.
    Injuries of one kind are compared the same way ("a broken leg" / "a broken
    arm"); a wound and an injury, or two kinds of injury, are two hurts."""
    kinds = sorted({f["unit"] for p in cluster for f in p.injuries if f["unit"]})
    for kind in [None, *kinds]:
        have = [p for p in _by_time(cluster) if p.hits(kind)]
        for k, p in enumerate(have):
            earlier = [q for q in have[:k] if not ctx.words.hits_meet(p.hits(kind), q.hits(kind))]
            if not earlier:
                continue
            mine = min(_hurts(p, kind), key=lambda f: f["start"])
            cited = [mine, *[min(_hurts(q, kind), key=lambda f: f["start"]) for q in earlier]]
            subject = f"{_called(cluster, earlier[0])} · " + ("wound" if kind is None else kind)
            said = "" if kind is None else f" ({kind})"
            _emit(ctx, "FC307", pid, p, earlier, cited, _hit_text(p, kind) + said, " / ".join(
                sorted({_hit_text(q, kind) for q in earlier})) + said, subject, "conflict", sure,
                f"hit in the {_hit_text(p, kind)} against the {_hit_text(earlier[0], kind)}"
                + said, _called(cluster, earlier[0]))


def _hurts(p: Person, kind: str | None) -> list[dict[str, Any]]:
    return p.wounds if kind is None else [f for f in p.injuries if f["unit"] == kind]


def _check_affiliations(pid: str, cluster: list[Person], sure: float, ctx: _Ctx) -> None:
    """FC308: outlets tie one person to schools (or workplaces) that cannot be one
    body. An article naming two agrees with one naming either (a transfer, a job
    beside school); one that differs from more articles than agree with it is
    reported, against those it differs from; of two, the later one."""
    bodies = ctx.bodies or Bodies.of(ctx.rules)
    for scope, said in (("school", "school"), ("work", "workplace")):
        have: dict[str, tuple[Person, list[dict[str, Any]]]] = {}
        for p in _by_time(cluster):
            mine = [f for f in p.affiliations if f["attribute_scope"] == scope]
            if mine:
                have.setdefault(p.article, (p, []))[1].extend(mine)
        told: set[tuple[str, str]] = set()
        for p, mine in reversed(list(have.values())):
            apart = [(q, theirs) for q, theirs in have.values() if q is not p and not any(
                bodies.same(a["attribute_value"], b["attribute_value"], scope == "work")
                for a in mine for b in theirs)]
            if len(apart) * 2 < len(have) or not (apart := [
                    (q, t) for q, t in apart if (q.article, p.article) not in told]):
                continue
            told.update((p.article, q.article) for q, _ in apart)
            first = min(mine, key=lambda f: f["start"])
            cited = [first, *[min(t, key=lambda f: f["start"]) for _, t in apart]]
            who = _called(cluster, apart[0][0])
            _emit(ctx, "FC308", pid, p, [q for q, _ in apart], cited, first["attribute_value"],
                  " / ".join(sorted({f["attribute_value"] for f in cited[1:]})),
                  f"{who} · {said}", "conflict", sure,
                  f"{said} {first['attribute_value']!r} against {cited[1]['attribute_value']!r}",
                  who)


def _hit_text(p: Person, kind: str | None = None) -> str:
    return " and ".join(sorted(f"{side} {place}" if side else place
                               for place, side in p.hits(kind)))


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
              f"{_called(cluster, agree[0])} · relation", "conflict",
              sure if same else min(sure, 0.5),
              f"{_relation_of(p)} against {best}" + ("" if same else ", of whom unsaid"),
              _called(cluster, agree[0]))


_POSSESSOR = re.compile(r"\b([a-z]+)['’]s?\b(?=\s)|\bof (?:the |a |an )?([a-z]+)$")


def _anchor(desc: str | None) -> str | None:
    """Whose relation a description names, when it says so by a noun: "the
    victim's sister", "a friend of the victim" → victim; "her sister": None."""
    m = _POSSESSOR.search((desc or "").lower())
    return (m.group(1) or m.group(2)) if m else None
