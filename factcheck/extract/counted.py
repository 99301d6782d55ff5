"""What a figure counts or is about, read from the parse around it: a count's
counted noun (or that the number names, orders or stands for something rather
than counting it), and the subject of a measure, money or duration."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..facts import SHARE
from .doc_text import text_of
from .rates import rate_base
from .reading import appositive_age, before_of, counted_noun, stands_for_people, subject_of
from .units import canonical

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A token mixing letters and digits right after a bare number: "24703 L-202" is a
# part or reference number, not 24703 of anything.
_CODE_AFTER = re.compile(r"[ \t]+(?=[\w\-]*[A-Za-z])(?=[\w\-]*\d)[\w\-]+(?![\w\-])")


def count_row(row, m, doc, ctx, words):
    """A count's row completed from the parse: what it counts, or None when the
    number names, orders or stands for something rather than counting it."""
    g = m.groupdict()
    value, qualifier, end = row["value"], row["qualifier"], row["end"]
    span_ = doc.char_span(row["start"], end, alignment_mode="expand")
    if words and value is not None and value < 1 and (
            ctx.text[end:end + 4] == " of "
            or ctx.text[max(0, row["start"] - 3):row["start"]].lower() == "by "):
        # "a third of voters", "fell by a fifth": a share of a whole, stored as percent.
        row.update(kind="percent", unit="percent", pattern="percent:fraction")
        for key in ("value", "low", "high"):
            row[key] = row[key] * 100 if row[key] is not None else None
        measure_subject(row, doc, ctx)
        return row
    if words and value is not None and 0 < value < 1 \
            and span_ is not None and span_[-1].ent_type_ == "ORDINAL" \
            and span_[-1].dep_ == "amod" and span_[-1].head.i > span_[-1].i:
        # A fraction word the parse reads as an ordinal before its noun ("a fifth
        # victim", "a third hiker"), not a fifth of a victim; "a half turn" stays
        # half a turn, "a fifth" alone a fifth.
        return None
    counted = counted_noun(span_, doc, ctx, vague=qualifier == "vague")
    if counted is None:
        counted = _hyphen_noun(doc, end, qualifier)
    by_state = False
    if counted is None:
        counted = _named_by_state(doc, span_, ctx)
        by_state = counted is not None
    if counted is None and _bare_suffix(row, g, ctx.pats):
        return row
    named = appositive_age(span_, value) if counted is None and not words else None
    if named is not None:
        row.update(kind="age", unit="year", subject=named.text, pattern="age:appositive")
        return row
    if words and value == 1 and qualifier == "exact" and not by_state \
            and (counted or before_of(span_)):
        # "one dealer said", "one of the": not a figure anyone reports; but "left
        # one dead" is the toll.
        return None
    if counted is None and not g["unit"] and stands_for_people(span_, words):
        return None  # "the two agreed", "no one came": a number standing for people
    if counted is None and not g["unit"] and not words and _CODE_AFTER.match(ctx.text, end):
        return None  # "24703 L-202": a reference number
    if counted is not None and re.fullmatch(r"0\d+", g.get("n") or ""):
        return None  # "007 agents", "10, 000 monkeys": nobody counts things as "000"
    if counted is not None:
        unit, noun_end, noun = counted
        if noun.lemma_.lower() in ctx.empty_counts:
            return None
        if _model_number(g, value, noun, qualifier):
            return None
        row["unit"] = unit
        row["subject"] = _count_subject(unit, noun, span_, ctx)
        if _part_of_a_group(span_, ctx):
            # A share stays a fact; the cross-check never aligns it.
            row["subject"] = f"{SHARE} {row['subject']}"
        row["end"] = noun_end
        row["_root"] = noun
    rate_base(row, ctx.text, ctx.pats)
    return row


def _part_of_a_group(span: Any, ctx: Any) -> bool:
    """"Three of the victims were teenagers": a share of a group whose size is
    told elsewhere, never the story's count of it ("one of four people" keeps
    its four)."""
    if not before_of(span) or span.end + 1 >= len(span.doc):
        return False
    return span.doc[span.end + 1].lower_ in ctx.group_words


def _model_number(g: dict[str, Any], value: float | None, noun: Any, qualifier: str) -> bool:
    """"the 8088 chip", "a 747 jet": an odd, unseparated number before a singular noun
    names a model; counts take plurals ("5 people", "100,000 drones")."""
    raw = g.get("n") or ""
    return (raw.isdigit() and value is not None and value >= 100 and value % 10 != 0
            and noun.tag_ == "NN" and qualifier == "exact")


def _named_by_state(doc: Doc, span: Any, ctx: Any) -> tuple[str, int, Any] | None:
    """"The four injured", "the two dead": a word for people in a state
    (rules `counted_things`) after the number, with no noun, is what it counts."""
    if span is None or span[-1].i + 1 >= len(doc):
        return None
    word = doc[span[-1].i + 1]
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if word.lower_ not in ctx.things or word.pos_ not in ("VERB", "ADJ") or (
            after is not None and after.pos_ in ("NOUN", "PROPN")):
        return None
    return word.lower_, word.idx + len(word.text), word


def _hyphen_noun(doc: Doc, end: int, qualifier: str) -> tuple[str, int, Any] | None:
    """"a three-bedroom house", "the 10-storey block": the noun hyphened to the
    number is what it counts (units and ages were read before)."""
    if qualifier != "exact" or text_of(doc)[end:end + 1] != "-":
        return None
    span = doc.char_span(end + 1, end + 2, alignment_mode="expand")
    if span is None or not len(span):
        return None
    noun = span[0]
    if noun.idx != end + 1 or noun.pos_ != "NOUN" or not noun.text.isalpha() \
            or not noun.text.islower():
        return None
    return noun.lemma_.lower(), noun.idx + len(noun.text), noun


def _count_subject(unit: str, noun: Any, span: Any, ctx: Any) -> str:
    """What a count is about: its unit, with the act for repetitions ("shot seven
    times" → "shoot time") and the word that makes it a part ("two other people"
    → "other people"), so the cross-check aligns it only with its like."""
    if noun.lemma_.lower() in ctx.repetitions:
        verb = next((t for t in (noun.head, noun.head.head) if t.pos_ in ("VERB", "AUX")), None)
        return f"{verb.lemma_.lower()} {unit}" if verb is not None and verb.i != noun.i else unit
    between = span.doc[span.end:noun.i] if span is not None else []
    part = next((t.lower_ for t in between if t.lower_ in ctx.partial_counts), None)
    return f"{part} {unit}" if part else unit


def _bare_suffix(row: dict[str, Any], g: dict[str, Any], pats: Any) -> bool:
    """"48m" with no currency and no counted noun: a unit ("m" → meter), not a scale."""
    raw = g.get("n") or ""
    found = re.fullmatch(r"([\d.,]+)([A-Za-z]+)", raw)
    if not found or found.group(2) not in pats.bare_suffix or g.get("unit"):
        return False
    entry = pats.bare_suffix[found.group(2)]
    number = float(found.group(1).replace(",", ""))
    scale = row["value"] / number if number else 1.0
    row["kind"], row["unit"] = entry["kind"], canonical(entry["unit"])
    for key in ("value", "low", "high"):
        if row[key] is not None:
            row[key] = row[key] / scale
    row["pattern"] = f"{entry['kind']}:suffix"
    return True


def measure_subject(row, doc, ctx) -> None:
    """What a measure, money or duration is about, and a period the clause names."""
    span_ = doc.char_span(row["start"], row["end"], alignment_mode="expand")
    subject, per = subject_of(span_, ctx)
    offset = _next_word(ctx.text, row["end"])
    if row["kind"] == "duration" and offset in ctx.offsets:
        subject = offset  # "two days ago": a distance between two moments
    row["subject"] = subject
    if per and not row["per"]:
        row["per"] = per


def _next_word(text: str, end: int) -> str:
    found = re.match(r"\s+([^\W\d_]+)", text[end:end + 30])
    return found.group(1).lower() if found else ""
