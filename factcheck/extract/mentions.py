"""What attributive extraction reads from rules and from one Doc's people.

``lexicon`` turns the rule sections (titles, scopes, parties, broadcasters,
speech verbs) into spaCy matchers and lookups once per model and rule set.
``People`` knows, for one Doc, which spans name a person: the small model tags
"Healey" as an organisation or "Zelenskyy" as a place now and then, so a span
also counts as a person when a title stands before it or when its text is the
surname of a person named elsewhere in the same article.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .doc_text import ents_of, sentences_of, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..rules.load import Rules

# Entity labels that may stand for a named person, programme or body; the
# small model's PERSON/ORG/GPE confusions are corrected by context, not label.
NAMEISH = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
SCOPE_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# A name after a title is at most this many tokens ("Volodymyr Zelenskyy").
MAX_NAME = 4
# A sentence in capitals: at least this many letters, this share upper case
# (an all-caps headline word or an acronym in normal prose is far below it).
_SHOUT_MIN_LETTERS = 20
_SHOUT_SHARE = 0.8


def alias_key(text: str) -> str:
    """The form aliases are looked up in: lower case, no leading article, one space."""
    text = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))
    return text[4:] if text.startswith("the ") else text


class SpeechVerbs:
    """Finds reporting verbs: a token whose lemma is one of `verbs` and whose POS
    is VERB or AUX. Done on the Doc's arrays: a Matcher with the same pattern
    took a quarter of the extraction code's time."""

    def __init__(self, vocab: Any, verbs: list[str]):
        from spacy.symbols import AUX, VERB

        self._lemmas = frozenset(vocab.strings.add(v) for v in verbs)
        self._pos = frozenset((int(VERB), int(AUX)))

    def __call__(self, doc: Doc) -> list[int]:
        """Indices of the reporting verbs of `doc`, in order."""
        from spacy.attrs import LEMMA, POS

        if not len(doc) or not self._lemmas:
            return []
        # Sets over the arrays as lists: numpy's isin costs ~0.1 ms a call
        # whatever the size, more than the whole test on a news article.
        lemmas, pos = self._lemmas, self._pos
        return [i for i, (lemma, tag) in enumerate(doc.to_array([LEMMA, POS]).tolist())
                if lemma in lemmas and tag in pos]


@dataclass
class Lexicon:
    titles: Any  # PhraseMatcher: match id → canonical title
    speech: SpeechVerbs
    according: Any  # PhraseMatcher over "according to" wordings
    title_words: frozenset[str]
    title_of: dict[str, str]  # wording → canonical title
    title_heads: frozenset[str]
    title_prefixes: frozenset[str]
    scope_of: dict[str, tuple[str, str]]  # alias → (code, kind)
    party_of: dict[str, str]
    broadcaster_of: dict[str, str]
    programme_words: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]


_CACHE: dict[tuple[int, str], Lexicon] = {}
T = TypeVar("T")


def _aliases(section: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, entry in section.items():
        out[alias_key(str(name))] = str(name)
        for alias in entry.get("aliases", []):
            out[alias_key(alias)] = str(name)
    return out


def once_per_vocab(cache: dict[tuple[int, str], T], vocab: Any, rules: Rules,
                   build: Callable[[Any, Rules], T]) -> T:
    """`build(vocab, rules)`, made once per vocab and rule set: matchers hold
    the vocab's strings, and rules of one version give the same lookups."""
    key = (id(vocab), rules.version or str(id(rules)))
    if key not in cache:
        cache[key] = build(vocab, rules)
    return cache[key]


def lexicon(vocab: Any, rules: Rules) -> Lexicon:
    """The matchers and lookups for `rules`, built once per vocab and rule set."""
    return once_per_vocab(_CACHE, vocab, rules, _lexicon)


def _lexicon(vocab: Any, rules: Rules) -> Lexicon:
    from spacy.lang.en import English
    from spacy.matcher import PhraseMatcher

    make = English(vocab=vocab).tokenizer
    titles = PhraseMatcher(vocab, attr="LOWER")
    title_words: set[str] = set()
    title_of: dict[str, str] = {}
    for name, entry in sorted(rules.titles.items()):
        wordings = sorted({alias_key(name), *(alias_key(a) for a in entry["aliases"])})
        titles.add(str(name), [make(w) for w in wordings])
        title_words.update(w for wording in wordings for w in wording.split())
        title_of.update((w, str(name)) for w in wordings)
    verbs = sorted(str(v).lower() for v in rules.speech_verbs)
    speech = SpeechVerbs(vocab, verbs)
    according = PhraseMatcher(vocab, attr="LOWER")
    phrases = sorted(alias_key(p) for p in rules.according_to)
    if phrases:
        according.add("according", [make(p) for p in phrases])
    scope_of: dict[str, tuple[str, str]] = {}
    for code, entry in rules.scopes.items():
        for alias in [code, *entry["aliases"]]:
            scope_of[alias_key(str(alias))] = (str(code), entry["kind"])
    return Lexicon(
        titles=titles,
        speech=speech,
        according=according,
        title_words=frozenset(title_words),
        title_of=title_of,
        title_heads=frozenset(alias_key(w) for w in rules.title_heads),
        title_prefixes=frozenset(alias_key(w) for w in rules.title_prefixes),
        scope_of=scope_of,
        party_of=_aliases(rules.parties),
        broadcaster_of=_aliases(rules.broadcasters),
        programme_words=frozenset(alias_key(w) for w in rules.programme_words),
        honorifics=frozenset(alias_key(w) for w in rules.honorifics),
        particles=frozenset(alias_key(w) for w in rules.name_particles),
    )


class People:
    """The person mentions of one Doc, and the article's full name for a surname."""

    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.ent_at: dict[int, Span] = {}
        for ent in ents_of(doc):
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        self.sent_starts = [s.start for s in doc.sents]
        self.full_of: dict[str, str] = {}  # last word → longest full name
        self.mentions: list[tuple[int, str]] = []  # (token index, name)
        # Full name → the sex its descriptions give ("the father, Rex Orla"), where
        # extract/people.py found one: a he/she is not a name of the other sex.
        self.sex_of: dict[str, str] = {}
        self.speakers: list[tuple[int, str]] = []  # (token index, name), in text order
        # Head word of a title tied to a name → that name ("the leader ..., Priya
        # Mandal, said": the subject is "leader", the speaker Priya Mandal).
        self.titled: dict[int, Span] = {}
        for ent in ents_of(doc):
            if ent.label_ == "PERSON":
                self.add(self.strip(ent))

    def strip(self, span: Span) -> Span:
        """`span` without what the model sometimes keeps in a name: honorifics, an
        article, a title or a demonym ("Mr Healey", "Irish Taoiseach Micheal Martin")."""
        start, lex = span.start, self.lex
        # Only a person's name sheds titles: "British Medical Association" keeps "British".
        person = span.label_ in ("PERSON", "")
        while start < span.end - 1:
            key = alias_key(self.doc[start].text)
            if key not in lex.honorifics and key not in ("the", "") and not (
                    person and (key in lex.title_words or key in lex.scope_of)):
                break
            start += 1
        return self.doc[start:span.end]

    def extend(self, span: Span) -> Span:
        """`span` with the rest of a name the model cut short ("Ursula von der" + "Leyen")."""
        doc, end = self.doc, span.end
        while end < len(doc) and end - span.start < MAX_NAME + 2:
            tok = doc[end]
            if alias_key(tok.text) in self.lex.particles and end + 1 < len(doc):
                end += 1
                continue
            if tok.pos_ == "PROPN" and self.is_name_token(tok) and (
                    alias_key(doc[end - 1].text) in self.lex.particles
                    or self.ent_at.get(end) is not None and self.ent_at[end].start == end
                    and self.ent_at[end].end == end + 1 and doc[end - 1].i in self.ent_at
                    and self.ent_at[doc[end - 1].i].label_ == "PERSON"):
                end += 1
                continue
            break
        while end > span.end and alias_key(doc[end - 1].text) in self.lex.particles:
            end -= 1
        return doc[span.start:end]

    def add(self, span: Span) -> None:
        """Record `span` as naming a person."""
        words = span.text.split()
        if len(words) > 1:
            last = words[-1]
            if len(span.text) > len(self.full_of.get(last, "")):
                self.full_of[last] = span.text
        self.mentions.append((span.start, span.text))

    def finish(self) -> None:
        """Once titles have added their names: ents that repeat a known surname are people."""
        for ent in ents_of(self.doc):
            if ent.label_ != "PERSON" and ent.label_ in NAMEISH and ent.text in self.full_of:
                self.mentions.append((ent.start, ent.text))
        self.untagged()

    def untagged(self) -> None:
        """A proper noun the model left untagged that is a known surname is a
        mention too ("When Pruner tried"); so is a one-word name the article
        never gives in full (a first name, a nickname: "Bill"), the model having
        tagged it elsewhere."""
        # A one-word name after other proper nouns is still that name ("Old Man
        # Bill"); a surname there is someone else's ("Mary Pruner").
        singles = {n for _, n in self.mentions if n.isalpha() and len(n) > 2 and n[0].isupper()
                   and n not in self.full_of}
        if not self.full_of and not singles:
            return
        known = {i for i, _ in self.mentions}
        doc = self.doc
        # Found in the text, not token by token: few surnames, many tokens.
        starts = doc.to_array("IDX")
        pattern = "|".join(re.escape(w) for w in sorted({*self.full_of, *singles},
                                                        key=lambda w: (-len(w), w)))
        for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text_of(doc)):
            i = int(starts.searchsorted(m.start()))
            if i < len(doc) and starts[i] == m.start() and doc[i].text == m.group(0):
                tok = doc[i]
                if tok.i not in self.ent_at and tok.i not in known and tok.pos_ == "PROPN" \
                        and self.is_name_token(tok) and (tok.text in singles or not (
                            tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN")):
                    self.mentions.append((tok.i, tok.text))
        self.mentions.sort()

    def full(self, name: str) -> str:
        """The article's fullest form of `name` ("Healey" → "John Healey",
        "Von der Leyen" → "Ursula von der Leyen")."""
        longer = self.full_of.get(name.split()[-1]) if name else None
        if longer and longer.lower().endswith(" " + name.lower()):
            return longer
        return name

    def is_name_token(self, tok: Token) -> bool:
        key = alias_key(tok.text)
        return (tok.pos_ == "PROPN" or tok.i in self.ent_at) and tok.text[:1].isupper() \
            and (key not in self.lex.title_words or key in self.lex.honorifics)

    def name_after(self, i: int, stop: int | None = None) -> Span | None:
        """The name starting at token `i` (after a title), if one does."""
        doc = self.doc
        stop = len(doc) if stop is None else stop
        ent = self.ent_at.get(i)
        if ent is not None and ent.start == i and ent.label_ in NAMEISH and ent.end <= stop:
            span = self.extend(self.strip(ent))
        else:
            j = i
            # "shot in the head Friday": a date is not a name.
            while j < stop and j - i < MAX_NAME and doc[j].pos_ == "PROPN" \
                    and self.is_name_token(doc[j]) \
                    and (j not in self.ent_at or self.ent_at[j].label_ in NAMEISH):
                j += 1
            if j == i:
                return None
            span = self.extend(self.strip(doc[i:j]))
        key, lex = alias_key(span.text), self.lex
        if key in lex.honorifics or key in lex.scope_of or key in lex.broadcaster_of \
                or key in lex.party_of or not span.text[:1].isupper() \
                or any(alias_key(t.text) in lex.title_words for t in span):
            return None
        return span

    def name_at(self, tok: Token) -> Span | None:
        """The name `tok` is the last word of (its entity, or its run of proper nouns)."""
        ent = self.ent_at.get(tok.i)
        if ent is not None and all(t.pos_ != "PROPN" and not t.is_upper for t in ent
                                   if not t.is_stop):
            return None  # "Detectives", "Attendees": a common noun the model tagged
        if ent is not None and ent.label_ in NAMEISH:
            # "Ursula von der" (PERSON) + "Leyen" (GPE): the name starts earlier.
            while ent.start > 0 and alias_key(self.doc[ent.start - 1].text) in self.lex.particles \
                    and ent.start - 1 in self.ent_at:
                ent = self.doc[self.ent_at[ent.start - 1].start:ent.end]
            span = self.extend(self.strip(ent))
            # "LAPD Sgt" cut off from "Barry Montgomery" by the sentence splitter.
            return None if alias_key(span[-1].text) in self.lex.honorifics else span
        # "February", "One": a date or number the parser calls a proper noun.
        if ent is not None or not self.is_name_token(tok):
            return None
        i = tok.i
        while i > 0 and tok.i - i < MAX_NAME - 1:
            if self.doc[i - 1].pos_ == "PROPN" and self.is_name_token(self.doc[i - 1]):
                i -= 1
            # "Paredes-Paz" alone: a double surname is one word of the name.
            elif i > 1 and self.doc[i - 1].text == "-" and not self.doc[i - 1].whitespace_ \
                    and not self.doc[i - 2].whitespace_ and self.is_name_token(self.doc[i - 2]):
                i -= 2
            else:
                break
        return self.strip(self.doc[i:tok.i + 1])

    def antecedent(self, tok: Token) -> str | None:
        """The person a he/she at `tok` most likely means: the last one named in this
        sentence or the two before (news copy's "..., he said" reaches back a
        paragraph, rarely further)."""
        k = bisect.bisect_right(self.sent_starts, tok.i) - 1
        floor = self.sent_starts[max(k - 2, 0)]
        pos = bisect.bisect_left(self.mentions, (tok.i, ""))
        window = [m for m in self.mentions[:pos] if m[0] >= floor]
        if not window:
            return None
        # News copy's "she said" continues the last person quoted; failing that the
        # last person who was a subject is likelier than one merely mentioned
        # ("Aguilar said she missed Hayes. 'I want to know why,' she said").
        named = {self.full(n) for _, n in window}
        spoke = [(i, n) for i, n in self.speakers if i >= floor and i < tok.i and n in named]
        subjects = [m for m in window if self._is_subject(m[0])]
        # ...unless, in the sentence just before, someone else asked or urged something
        # ("Ross said ... . The mayor asked that everyone pray. '...,' he said"): the
        # copy has moved on to that person. A mere subject ("Reid was asleep") is not.
        k_prev = self.sent_starts[k - 1] if k > 0 else None
        later = [(i, n) for i, n in subjects if spoke and i > spoke[-1][0]
                 and k_prev is not None and k_prev <= i < self.sent_starts[k]
                 and self._states_something(i) and self.full(n) != spoke[-1][1]]
        if later:
            return self.full(later[-1][1])
        if spoke:
            return spoke[-1][1]
        return self.full((subjects or window)[-1][1])

    def spoke(self, i: int, name: str) -> None:
        """Record that `name` was credited with a statement at token `i`."""
        self.speakers.append((i, name))

    def _states_something(self, i: int) -> bool:
        """Whether the name at token `i` is the active subject of a verb with a clause
        of its own ("Kenney asked that everyone pray")."""
        tok = self.doc[i]
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
            tok = tok.head
        return tok.dep_ == "nsubj" and any(c.dep_ == "ccomp" for c in tok.head.children)

    def _is_subject(self, i: int) -> bool:
        """Whether the name starting at token `i` is a clause's subject."""
        tok = self.doc[i]
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
            tok = tok.head
        return tok.dep_ in ("nsubj", "nsubjpass")


def scope_before(people: People, i: int) -> tuple[str | None, str | None, str | None, int]:
    """(scope, scope kind, party, first token) stated just before token `i`:
    "UK Defence Secretary", "Russia's President", "Conservative MP"."""
    doc, lex = people.doc, people.lex
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0:
        return None, None, None, i
    possessive = doc[j].text in POSSESSIVE
    if possessive:
        j -= 1
        if j < 0:
            return None, None, None, i
    ent = people.ent_at.get(j)
    if ent is not None and ent.label_ in SCOPE_LABELS:
        start = ent.start
        # "European Commission President": the whole entity names the scope.
        whole = alias_key(ent.text) in lex.scope_of
        text = ent.text if whole else doc[start:min(ent.end, i)].text
    else:
        start, text = j, doc[j].text
    # The longest known wording wins over the model's entity ("Liberal Democrat").
    for width in (3, 2, 1):
        if j - width + 1 >= 0:
            wide = doc[j - width + 1:j + 1].text
            if alias_key(wide) in lex.scope_of or alias_key(wide) in lex.party_of:
                start, text = j - width + 1, wide
                break
    key = alias_key(text)
    if key in lex.party_of:
        return None, None, lex.party_of[key], start
    if key in lex.scope_of:
        code, kind = lex.scope_of[key]
        return code, kind, None, start
    if ent is not None and ent.label_ in SCOPE_LABELS:
        kind = "organisation" if ent.label_ == "ORG" else "country"
        # "Port of Dover chief executive": the place is part of a body's name.
        before = doc[start - 2] if start >= 2 else None
        if before is not None and doc[start - 1].lower_ == "of" \
                and before.pos_ in ("PROPN", "NOUN") and before.text[:1].isupper():
            start, kind = start - 2, "organisation"
            text = doc[start:min(ent.end, i)].text
        if text[:4].lower() == "the ":
            text = text[4:]
        return text, kind, None, start
    # "Thames Water chairman ...": capitalised words the model did not tag.
    if ent is None and not possessive:
        run = j
        while run >= 0 and j - run < 5:
            if doc[run].text == "-" and run > 0 and doc[run - 1].pos_ == "PROPN" \
                    and not doc[run - 1].whitespace_:  # "Miami-Dade"
                run -= 2
            elif run not in people.ent_at and doc[run].pos_ == "PROPN" \
                    and people.is_name_token(doc[run]):
                run -= 1
            else:
                break
        if run < j and (run < 0 or not doc[run].is_sent_start or doc[run].is_punct
                        or doc[run].pos_ != "PROPN"):
            return doc[run + 1:j + 1].text, "organisation", None, run + 1
    return None, None, None, i


def shouted(tok: Token) -> bool:
    """The sentence of `tok` is in capitals, as broadcast captions are ("THE
    MAYOR, JOHNCRANLEY, THE ACTING FIRE CHIEFRAY WINSTON"): names, titles and
    who spoke cannot be read from it, the parser's cues being gone."""
    sents = sentences_of(tok.doc)
    k = sents.index(tok.i)
    found = sents.shouted.get(k)
    if found is None:
        letters = [c for c in sents.text(k) if c.isalpha()]
        found = len(letters) >= _SHOUT_MIN_LETTERS and \
            sum(c.isupper() for c in letters) >= _SHOUT_SHARE * len(letters)
        sents.shouted[k] = found
    return found


def first_of_each(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` without repeats: the fact id hashes span, kind and attribute, so
    the first row of each (start, end, attribute) is kept."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for row in rows:
        key = (row["start"], row["end"], row["attribute"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def make_row(doc: Doc, offset: int, start: int, end: int, entity: str, attribute: str,
             value: str, scope: str | None, pattern: str) -> dict[str, Any]:
    """One attribute fact over tokens [start, end) of `doc`."""
    while start < end - 1 and doc[start].is_space:
        start += 1
    while end - 1 > start and doc[end - 1].is_space:
        end -= 1
    first, last = doc[start], doc[end - 1]
    sents = sentences_of(doc)
    k = sents.index(start)
    names = sents.names(k)
    return {
        "start": first.idx + offset,
        "end": last.idx + len(last.text) + offset,
        "sentence": sents.text(k).rstrip(),
        "sentence_start": sents.start_char(k) + offset,
        "kind": "attribute",
        "entities": names,
        "entity": entity,
        "attribute": attribute,
        "attribute_value": value,
        "attribute_scope": scope,
        "pattern": pattern,
    }
