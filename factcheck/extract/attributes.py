"""Attributive facts from a Doc: roles, affiliations, broadcasters and speakers.

Roles are found from titles (a PhraseMatcher over the ``titles`` rules) and the
name next to them, in the shapes news copy uses:

- title then name: "UK Defence Secretary John Healey", "Russia's President Putin";
- name, then title in apposition: "Healey, Britain's defence secretary",
  "Pete Hegseth (US Defense Secretary)";
- title, then name in apposition: "the defence secretary, John Healey".

Apposition is read from the parse (``appos``), not from commas, so a list
("the Chancellor, John Healey and the Home Secretary") gives no role. The
country or organisation before a title is its scope; a party before it
("Conservative MP") or an organisation scope ("NATO's secretary general") is
also an affiliation. "<Org>'s <Name>" is a broadcaster fact when the
organisation is a broadcaster or a programme word follows ("ITV's Peston
programme"), else an affiliation of a person. Speakers are in ``speech.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .doc_text import ents_of
from .mentions import (
    POSSESSIVE,
    People,
    alias_key,
    first_of_each,
    lexicon,
    make_row,
    scope_before,
    shouted,
)
from .speech import extract_speakers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..model import Article
    from ..rules.load import Rules


def extract_attributes(doc: Doc, article: Article, rules: Rules,
                       offset: int = 0) -> list[dict[str, Any]]:
    """All attribute facts of `doc`; `offset` is where the Doc starts in the article."""
    return attributes_and_people(doc, article, rules, offset)[0]


def attributes_and_people(doc: Doc, article: Article, rules: Rules,
                          offset: int = 0) -> tuple[list[dict[str, Any]], People]:
    """The attribute facts of `doc`, and its people (for extract/people.py)."""
    from spacy.util import filter_spans

    lex = lexicon(doc.vocab, rules)
    people = People(doc, lex)
    spans = []
    for match_id, start, end in lex.titles(doc):
        if shouted(doc[start]):
            continue
        span = doc[start:end]
        span.label_ = doc.vocab.strings[match_id]
        spans.append(span)
    titles = sorted(filter_spans([_widen(people, t) for t in filter_spans(spans)]),
                    key=lambda s: s.start)
    found = [_role(people, title, titles) for title in titles]
    roles = [f for f in found if f is not None]
    for title, _, name, _ in roles:
        people.add(name)
        people.titled[title.root] = name
    people.finish()

    rows: list[dict[str, Any]] = []
    for title, (first, last), name, (scope, kind, party) in roles:
        entity = people.full(name.text)
        rows.append(make_row(doc, offset, first, last, entity, "role", title.label_, scope,
                             f"role:{title.pattern}"))
        if party is not None:
            rows.append(make_row(doc, offset, first, last, entity, "affiliation", party, None,
                                 "affiliation:party-title"))
        elif kind == "organisation":
            rows.append(make_row(doc, offset, first, last, entity, "affiliation", scope, None,
                                 "affiliation:organisation-title"))
    title_starts = {t.start for t in titles}
    rows.extend(_possessives(people, offset, title_starts))
    rows.extend(extract_speakers(people, offset, rules))
    return first_of_each(rows), people


def _widen(people: People, title: Span) -> Span:
    """`title` with the brief before a bare head word ("Housing" + "Secretary") and a
    prefix that makes it another office ("shadow" + "Energy Secretary")."""
    from spacy.tokens import Span

    doc, lex = people.doc, people.lex
    start, label = title.start, title.label_
    if len(title) == 1 and alias_key(title.text) in lex.title_heads:
        while start > 0 and title.start - start < 3:
            tok = doc[start - 1]
            key = alias_key(tok.text)
            ent = people.ent_at.get(tok.i)
            # The small model tags a brief as ORG ("Housing", "Indian External Affairs");
            # a longer organisation ("Baltimore Police") is a scope, not a brief.
            brief = ent is None or ent.label_ == "ORG" and (
                len(ent) == 1 or alias_key(ent[0].text) in lex.scope_of)
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.dep_ not in ("compound", "amod") \
                    or key in lex.scope_of or key in lex.party_of or key in lex.honorifics \
                    or key in lex.title_prefixes or not brief:
                break
            start -= 1
        if start < title.start:
            label = _label(lex, doc[start:title.end].text)
    end = title.end
    # "chief economist": the title word modifies the noun that names the office.
    if end < len(doc) and doc[end - 1].head.i == end and doc[end].pos_ == "NOUN" \
            and doc[end - 1].dep_ in ("amod", "compound"):
        end += 1
        label = _label(lex, doc[start:end].text)
    # "head of operations", "chief of staff": a one-word title and the brief after
    # "of" (with no article: "the director of the institute" keeps "Director").
    elif len(title) == 1 and end + 1 < len(doc) and doc[end].lower_ == "of" \
            and doc[end + 1].pos_ == "NOUN" and doc[end + 1].i not in people.ent_at:
        end += 2
        while end < len(doc) and end - title.end < 4 and doc[end].pos_ == "NOUN" \
                and end not in people.ent_at:
            end += 1
        label = _label(lex, doc[start:end].text)
    if start > 0 and alias_key(doc[start - 1].text) in lex.title_prefixes:
        start -= 1
        label = _prefixed(lex, doc[start].text, label)
    if start == title.start and end == title.end:
        return title
    return Span(doc, start, end, label=label)


def _prefixed(lex: Any, prefix: str, label: str) -> str:
    """The title `label` made another office by `prefix` ("Interim" + "Police Chief")."""
    key = alias_key(prefix) + " " + alias_key(label)
    return lex.title_of.get(key) or prefix.capitalize() + " " + label


def _label(lex: Any, text: str) -> str:
    """The canonical title for a wording the rules may list, else the wording in
    title case ("planning minister" → "Planning Minister")."""
    key = alias_key(text)
    return lex.title_of.get(key) or " ".join(
        w if w.isupper() or w.lower() in ("of", "and", "for", "the") else w.capitalize()
        for w in text.split())


class _Title:
    """A matched title with the pattern that tied it to a name."""

    def __init__(self, span: Span, pattern: str, label: str | None = None):
        self.label_ = label or span.label_
        self.root = span.root.i
        self.pattern = pattern


def _role(people: People, title: Span, titles: list[Span]) -> Any:
    """(title, token range, name, (scope, kind, party)) if `title` belongs to a name."""
    doc = people.doc
    scope, kind, party, first = scope_before(people, title.start)
    label = title.label_
    # "Interim D.C. Police Chief": the prefix before the scope is the title's
    # (the model may tag "Interim D.C." as one place).
    words = (scope or "").split()
    lead = words[0] if len(words) > 1 and alias_key(words[0]) in people.lex.title_prefixes \
        else doc[first - 1].text if scope and first > 0 \
        and alias_key(doc[first - 1].text) in people.lex.title_prefixes else None
    if lead is not None:
        if lead == words[0] and len(words) > 1:
            scope = " ".join(words[1:])
        else:
            first -= 1
        label = _prefixed(people.lex, lead, label)
    end = title.end
    # "the Sheriff's spokesman Mark Techmeyer": the title owns the next one.
    if end < len(doc) and doc[end].text in POSSESSIVE:
        return None
    k = end
    while k < len(doc) and doc[k].is_space:
        k += 1
    # "President of France Emmanuel Macron": a scope after the title.
    if scope is None and k + 1 < len(doc) and doc[k].lower_ == "of":
        at = k + 2 if doc[k + 1].lower_ == "the" and k + 2 < len(doc) else k + 1
        ent = people.ent_at.get(at)
        after_end = ent.end if ent is not None and ent.start <= at else at + 1
        after, after_kind, _, _ = scope_before(people, after_end)
        if after is None:
            # "Mayor of Eastfield Tom Beecham": a place the rules do not know,
            # ended by the person's name.
            person = next((people.ent_at[m] for m in range(k + 2, min(k + 5, len(doc)))
                           if m in people.ent_at and people.ent_at[m].start == m
                           and people.ent_at[m].label_ == "PERSON"), None)
            if person is not None and all(t.pos_ == "PROPN" for t in doc[k + 1:person.start]):
                scope, end = doc[k + 1:person.start].text, person.start
        else:
            scope, kind, end = after, after_kind, after_end
        if end > title.end:
            k = end
            while k < len(doc) and doc[k].is_space:
                k += 1
    next_title = min((t.start for t in titles if t.start >= end), default=len(doc))
    name = people.name_after(k, stop=next_title) if k < len(doc) else None
    if name is not None:
        return _Title(title, "title-name", label), (min(first, title.start), name.end), name, (
            scope, kind, party)
    head = title.root
    # "Healey, Britain's defence secretary" / "Pete Hegseth (US Defense Secretary)"
    if head.dep_ == "appos" and head.head.i < title.start:
        name = people.name_at(head.head)
        if name is not None and not _overlaps(name, titles):
            shape = "name-paren-title" if doc[name.end].text == "(" else "name-appos-title"
            close = end + 1 if end < len(doc) and doc[end].text == ")" else end
            return _Title(title, shape, label), (name.start, close), name, (scope, kind, party)
    # "the defence secretary, John Healey"; "the leader of the council, Priya Mandal"
    for child in doc[end:min(end + 8, len(doc))]:
        if child.dep_ == "appos" and (child.head == head or title.end <= child.head.i < child.i):
            name = people.name_at(child)
            if name is not None and not _overlaps(name, titles):
                det = first - 1 if first > 0 and doc[first - 1].lower_ == "the" else first
                return _Title(title, "title-appos-name", label), (det, name.end), name, (
                    scope, kind, party)
    return None


def _overlaps(name: Span, titles: list[Span]) -> bool:
    return any(t.start < name.end and name.start < t.end for t in titles)


def _possessives(people: People, offset: int, title_starts: set[int]) -> list[dict[str, Any]]:
    """ "ITV's Peston" → broadcaster; "Labour's Angela Rayner" → affiliation."""
    doc, lex = people.doc, people.lex
    rows = []
    for ent in ents_of(doc):
        if ent.label_ not in ("ORG", "NORP"):
            continue
        # The model sometimes keeps the "'s" inside the entity ("Sky News's").
        after = ent.end if doc[ent.end - 1].text in POSSESSIVE else ent.end + 1
        if after >= len(doc) or doc[after - 1].text not in POSSESSIVE or after in title_starts:
            continue
        ent = doc[ent.start:after - 1]
        name = people.name_after(after)
        if name is None:
            continue
        key = alias_key(ent.text)
        entity = people.full(name.text)
        end = name.end
        programme = end < len(doc) and alias_key(doc[end].text) in lex.programme_words
        start = ent.start - 1 if ent.start and doc[ent.start - 1].lower_ == "the" else ent.start
        if key in lex.party_of:
            rows.append(make_row(doc, offset, start, end, entity, "affiliation",
                                 lex.party_of[key], None, "affiliation:party-possessive"))
        elif key in lex.broadcaster_of or programme:
            outlet = lex.broadcaster_of.get(key, ent.text)
            rows.append(make_row(doc, offset, start, end + programme, entity, "broadcaster",
                                 outlet, None, "broadcaster:possessive"))
        elif any(m[1] == name.text for m in people.mentions) or name.text in people.full_of:
            org = lex.scope_of.get(key, (ent.text, ""))[0]
            rows.append(make_row(doc, offset, start, end, entity, "affiliation", org, None,
                                 "affiliation:organisation-possessive"))
    return rows
