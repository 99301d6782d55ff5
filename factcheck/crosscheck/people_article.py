"""People within one article, and the records the people linker works on.

Every ``person`` fact (factcheck/extract/people.py) and every ``age`` fact of
an article is put on a person: named mentions by the article's fullest form
of the name (a surname or a first name alone joins the one full name it
belongs to); ages, conditions and charges by the name they were said of, or,
unnamed, by the class of the description (``person_nouns``: "the boy", "a
12-year-old son") and its age. crosscheck/people_link.py links them across
articles, crosscheck/people.py checks them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

# Findings on links at least this sure keep their check's severity; below, info.
SURE = 0.75
# Two spellings of a name part are variants of one at or above this ratio (0-100).
VARIANT = 80.0
# Ages (in years) closer than this are the same age ("22-month-old" and "2-year-old").
AGE_SLACK = 0.5
# Unnamed people of two ages are one only if the ages are this close (years).
MAX_TYPO = 2.0
_AGE_IN_DESC = re.compile(r"\b(\d{1,3})[- ]?(?:year|yr)s?[- ]?old\b")
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
# The person rows said of someone (a name or a description) → the Person list they go to.
_SLOTS = {"condition": "conditions", "charge": "charges", "wound": "wounds",
          "affiliation": "affiliations", "injury": "injuries"}
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
    wounds: list[dict[str, Any]] = field(default_factory=list)
    affiliations: list[dict[str, Any]] = field(default_factory=list)  # schools, workplaces
    injuries: list[dict[str, Any]] = field(default_factory=list)  # hurts other than wounds
    classes: list[str] = field(default_factory=list)  # what descriptions of a named person say
    elsewhere: bool = False  # described as of another event ("in a separate shooting")
    # Ages the article gives of people it neither names nor describes ("an
    # 18-year-old and a 19-year-old were shot"): rivals to a link by age.
    loose: list[float] = field(default_factory=list)
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

    def said_years(self) -> float | None:
        """`years`, of ages the article writes as ages: not one the reader works
        out from a date of birth in a police list."""
        said = [f for f in self.ages if f.get("attribute") != "birth"]
        return replace(self, ages=said).years() if said else None

    def several(self) -> bool:
        """Whether an unnamed person is more than one: their article introduces
        someone of that description and age twice ("an 18-year-old man was
        killed ... an 18-year-old man was listed in critical condition")."""
        return sum(1 for f in self.ages if not _DEFINITE.search(
            f["sentence"][:f["start"] - f["sentence_start"]])) > 1

    def places(self) -> set[str]:
        """Where the article says this person was hit."""
        return {f["attribute_value"] for f in self.wounds}

    def hits(self, kind: str | None = None) -> set[tuple[str, str | None]]:
        """Where the article says this person was hit, with the side where said;
        with `kind`, where they had an injury of that kind (a fracture...)."""
        facts = self.wounds if kind is None else [f for f in self.injuries if f["unit"] == kind]
        return {(f["attribute_value"], f["attribute_scope"]) for f in facts}

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


@dataclass(frozen=True)
class Words:
    """The word lists of rules/people.yaml the linker reads."""

    nouns: dict[str, str]
    suffixes: frozenset[str]
    not_names: frozenset[str]
    relations: dict[str, str]  # wording → relation
    parts: dict[str, str]  # word → part
    sexes: dict[str, str]  # class → sex
    other_events: tuple[str, ...]  # phrases of a sentence about another event
    regions: dict[str, frozenset[str]]  # place of a wound → the places it holds
    officials: frozenset[str] = frozenset()  # words of a title whose holder is an official
    states: frozenset[str] = frozenset()  # words of a title of a state office
    forms: dict[str, str] = field(default_factory=dict)  # a given name's other form → its first

    @classmethod
    def of(cls, rules: Any) -> Words:
        suffixes = {str(s).casefold() for s in rules.name_suffixes}
        return cls({str(k).lower(): str(v) for k, v in rules.person_nouns.items()},
                   frozenset(suffixes | {s.rstrip(".") for s in suffixes}),
                   frozenset(str(w).casefold() for w in rules.not_name_words),
                   {str(k).casefold(): str(v) for k, v in rules.relation_words.items()},
                   {str(w).casefold(): str(part) for part, ws in
                    sorted(rules.person_parts.items()) for w in ws},
                   {str(c): str(sex) for sex, cs in sorted(rules.person_sexes.items())
                    for c in cs},
                   tuple(str(w).lower() for w in rules.other_event_phrases),
                   {str(r): frozenset(str(p) for p in ps) for r, ps in rules.wound_regions.items()},
                   frozenset(str(w).casefold() for w in rules.official_titles),
                   frozenset(str(w).casefold() for w in rules.state_titles),
                   {_fold(str(f)): _fold(str(g[0])) for g in rules.given_name_forms for f in g})

    def meet(self, a: set[str], b: set[str]) -> bool:
        """Whether two sets of places of wounds share one, or one holds the other's
        ("the upper body" holds "the chest")."""
        return any(x == y or y in self.regions.get(x, ()) or x in self.regions.get(y, ())
                   for x in a for y in b)

    def hits_meet(self, a: set[tuple[str, str | None]], b: set[tuple[str, str | None]]) -> bool:
        """`meet` with sides: the left and the right arm are two places."""
        return any(self.meet({x}, {y}) and not (sx and sy and sx != sy)
                   for x, sx in a for y, sy in b)

    def sex(self, p: Person) -> str | None:
        """The one sex the descriptions of `p` give, if they give one."""
        got = {self.sexes[c] for c in [p.kind or "", *p.classes] if c in self.sexes}
        return got.pop() if len(got) == 1 else None


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
    alias = _aliases(names, fulls, suffixes)
    for r in names:
        form = _article_form(r["attribute_value"], fulls, suffixes)
        if form is None:
            continue
        form = alias.get(form, form)
        p = new("n:" + form, name=form)
        p.names.append(r)
        kind = _kind(r["subject"], nouns)
        if kind:
            p.classes.append(kind)
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
        form = alias.get(form, form)
        if make and "n:" + form not in people and len(form.split()) > 1:
            new("n:" + form, name=form)
        return people.get("n:" + form)

    unnamed: list[tuple[dict[str, Any], str | None, float | None, str]] = []
    loose: list[float] = []
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
                elif (y := _years(r)) is not None:
                    loose.append(y)
        elif r["kind"] == "person" and r["attribute"] in _SLOTS:
            slot = _SLOTS[r["attribute"]]
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
                owners = [q for q in people.values() if q.name and q.said_years() == age]
                if len(owners) == 1:
                    getattr(owners[0], slot).append(r)
                    continue
            if kind is not None or age is not None:
                unnamed.append((r, kind, age, slot))
        elif r["kind"] == "person" and r["attribute"] == "birth":
            who = named(r["entity"])
            age = _age_at(r["attribute_value"], r["published"])
            if who is not None and age is not None:
                who.ages.append({**r, "kind": "age", "value": age, "unit": "year"})
        elif r["kind"] == "attribute" and r["attribute"] == "role":
            who = named(r["entity"])
            if who is not None:
                who.roles.append(r)
    # Unnamed people: one per (class, age) the article describes; a mention
    # missing one of the two joins the only person it fits.
    keys = sorted({(k, a) for _, k, a, slot in unnamed if k is not None and a is not None},
                  key=lambda t: (t[0], t[1]))
    for r, kind, age, slot in unnamed:
        # "a 34-year-old woman, Dana Pike": the name beside the description; or
        # the name of the sentence after one that names the person described
        # without giving the name ("Police named a 14-year-old boy who was
        # fatally shot on Friday. Dana Pike died Monday"), what is said of
        # that boy there being said of the name.
        beside = [n for n in names if n["subject"] and named(n["attribute_value"]) and (
            n["sentence_start"] == r["sentence_start"] and r["text"] in n["subject"]
            or _next_sentence(r, n) and age is not None and kind == _kind(n["subject"], nouns)
            and _desc_age(n["subject"]) == age)]
        if len(beside) == 1:
            getattr(named(beside[0]["attribute_value"]), slot).append(r)
            continue
        # "a 49-year-old man" where the article names one person of 49: that person.
        # Not by the age a date of birth gives: a police list names people by
        # their dates and its narrative describes them by what happened to
        # them, with ages that may disagree with the dates ("a 36 year old
        # female" shot in the head is the woman listed as hit in the face, not
        # the one whose date makes her 36). Those are linked by the wound.
        owners = [q for q in people.values() if q.name and age is not None
                  and (y := q.said_years()) is not None and abs(y - age) < AGE_SLACK]
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
        p.loose = loose
        # A roundup's "in another shooting, a 19-year-old man...": not this story's.
        p.elsewhere = p.name is None and any(
            w in f["sentence"].lower() for f in [*p.ages, *p.conditions, *p.wounds]
            for w in words.other_events)
        for f in [*p.names, *p.ages]:
            part = _part(f["sentence"], words.parts)
            if part:
                p.parts.append(part)
        # What happened to someone says the part itself: a state is a victim's,
        # a charge a suspect's.
        p.parts += ["victim"] * bool(p.conditions) + ["suspect"] * bool(p.charges)
        # A title that speaks for a body says the part, not the sentences that
        # quote its holder about the victim or the gunman.
        if any(set(re.findall(r"[a-z]+", (r["attribute_value"] or "").lower())) & words.officials
               for r in p.roles):
            p.parts = ["official"]
    return list(people.values())


# What stands between a nickname and the real name ("Bill's real name is David
# Scott"), or between the real name and a nickname ("David Scott, known as Bill").
_REAL_NAME = re.compile(r"(?:['’]s)? (?:real|legal|full|given) name (?:is|was) ")
_KNOWN_AS = re.compile(r",? (?:also |better |widely )?known as [\"“']?|,? who goes by [\"“']?")


def _aliases(names: list[dict[str, Any]], fulls: list[str],
             suffixes: frozenset[str]) -> dict[str, str]:
    """Nicknames an article gives with the real name, each to the real name: one
    person, called two ways."""
    out: dict[str, str] = {}
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for r in names:
        by_sentence.setdefault(r["sentence_start"], []).append(r)
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        for x in group:
            for y in group:
                if y["start"] <= x["end"]:
                    continue
                between = x["sentence"][x["end"] - x["sentence_start"]:
                                        y["start"] - x["sentence_start"]]
                real, known = _REAL_NAME.fullmatch(between), _KNOWN_AS.fullmatch(between)
                if not real and not known:
                    continue
                fx = _article_form(x["attribute_value"], fulls, suffixes)
                fy = _article_form(y["attribute_value"], fulls, suffixes)
                if fx is None or fy is None or fx == fy:
                    continue
                if real:
                    out[fx] = fy
                else:
                    out[fy] = fx
    return out


def _next_sentence(r: dict[str, Any], n: dict[str, Any]) -> bool:
    """Whether `n`'s sentence is the one right after `r`'s (blank lines between)."""
    gap = n["sentence_start"] - r["sentence_start"] - len(r["sentence"])
    return 0 <= gap <= 4


def _desc_age(desc: str | None) -> float | None:
    m = _AGE_IN_DESC.search(desc or "")
    return float(m.group(1)) if m else None


def _age_at(born: str | None, published: Any) -> float | None:
    """The age in whole years of someone born on `born` (ISO) when the article
    was published; none without a date, or outside 1-110 (a date after a name
    that is no birth: the day of the shooting)."""
    if not born or published is None:
        return None
    b = date.fromisoformat(born)
    age = published.year - b.year - ((published.month, published.day) < (b.month, b.day))
    return float(age) if 1 <= age <= 110 else None


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


def _family_part(x: str, y: str) -> bool:
    """Whether one family name is a part of the other, double one ("Rose-Robinson")."""
    fx, fy = x.split()[-1].casefold(), y.split()[-1].casefold()
    return fx != fy and (fx in fy.split("-") or fy in fx.split("-"))
