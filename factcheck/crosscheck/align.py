"""Which facts in different articles talk about the same thing.

Blocking first, then scoring, then grouping:

1. *Block*: a Polars self-join on (story, kind, dimension) for numbers and
   (story, attribute, entity) for attributes, keeping pairs from different
   articles whose values are within `alignment.max_ratio` of each other.
2. *Score* the survivors: rapidfuzz over the unique (subject, subject) and
   (context, context) string pairs, joined back, plus entity overlap. Subjects
   are canonicalized with the rule synonyms first ("allies" ~ "nations").
3. *Group*: pairs in descending score merge groups unless the merge would put
   two facts of one article in a group (one fact per article per group).

The result is GROUPS_SCHEMA: one row per aligned fact; group ids are hashes of
their facts' ids, so they do not depend on the batch's order.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

import polars as pl
from rapidfuzz import fuzz, process

from ..facts import GROUPS_SCHEMA, SHARE, empty
from ..rules.schema import Alignment
from .blocking import event_links, numeric_rows, thing_map, unit_keys_of
from .group_merge import merge_pairs
from .subject_words import canonical, content, synonym_map

# Characters of sentence either side of a figure that describe it ("annual
# pledge", "package", "this year"); wider windows drag in the next fact's words.
_CONTEXT_CHARS = 48


def settings(rules: Any) -> Alignment:
    return rules.alignment if rules is not None else Alignment()


def _numeric_frame(facts: pl.DataFrame, synonyms: dict[str, str],
                   units: pl.DataFrame | None = None,
                   things: dict[str, str] | None = None,
                   status: set[str] | None = None,
                   counts: dict[str, list[str]] | None = None) -> pl.DataFrame:
    num = numeric_rows(facts)
    if num.is_empty():
        return num
    keys = unit_keys_of(num, synonyms, things) if units is None else units
    num = num.join(keys, on=["bkind", "unit"], how="left", nulls_equal=True, maintain_order="left")
    rep = pl.coalesce("value", "low", "high")
    subj = num.select("subject").unique()["subject"].to_list()
    subj_map = pl.DataFrame({"subject": subj, "subj": [canonical(s, synonyms) for s in subj]},
                            schema={"subject": pl.String, "subj": pl.String})
    num = num.join(subj_map, on="subject", how="left", nulls_equal=True,
                   maintain_order="left").with_columns(
        base=(rep * pl.col("a") + pl.col("b")),
        mark=pl.when(pl.col("kind") == "count").then(
            pl.col("subject").str.strip_suffix(pl.col("unit")).str.strip_chars()).fill_null(""),
        ctx=_context_expr(),
        story=pl.col("story").fill_null(""),
    )
    # A status (arrested, charged: rules `events`) counts whoever it befalls:
    # "no arrests" and "arrested two teenagers" are one figure; statuses block
    # together, their `aligns_with` decides which pair.
    # Not a figure of another counted class ("three counts of murder": the
    # charges, not whoever was charged).
    if status:
        other = sorted(set((things or {}).values()) - set(counts or {}))
        num = num.with_columns(dim=pl.when(pl.col("event").is_in(sorted(status))
                                           & ~pl.col("dim").is_in(other))
                               .then(pl.lit("status")).otherwise(pl.col("dim")))
    # "The toll rose to 19": a bare figure of an event counts what the event
    # befalls (rules `events`, `counts`).
    for thing, events in sorted((counts or {}).items()):
        num = num.with_columns(dim=pl.when((pl.col("kind") == "count") & pl.col("unit").is_null()
                                           & pl.col("event").is_in(sorted(events)))
                               .then(pl.lit(thing)).otherwise(pl.col("dim")))
    ctx = num.select("ctx").unique()["ctx"].to_list()
    ctx_map = pl.DataFrame({"ctx": ctx, "ctx2": [content(c, synonyms) for c in ctx]},
                           schema={"ctx": pl.String, "ctx2": pl.String})
    return num.join(ctx_map, on="ctx", how="left", nulls_equal=True,
                    maintain_order="left").drop("ctx").rename({"ctx2": "ctx"})


def _context_expr() -> pl.Expr:
    """The words around the figure in its sentence, the figure itself cut out."""
    rel = pl.col("start") - pl.col("sentence_start").fill_null(pl.col("start"))
    length = pl.col("end") - pl.col("start")
    sent = pl.col("sentence").fill_null("")
    left_start = pl.max_horizontal(rel - _CONTEXT_CHARS, pl.lit(0))
    before = sent.str.slice(left_start, rel - left_start)
    after = sent.str.slice(rel + length, _CONTEXT_CHARS)
    return pl.concat_str([before, after], separator=" ").str.to_lowercase()


def _dated(num: pl.DataFrame) -> pl.DataFrame:
    """(i, dated): whether a figure's sentence says when its event happened
    (a date or time of day of the same event), or a status names the story's
    event ("no one is in custody for any of the shootings", pattern
    `*.story`): either ties the mention to this story."""
    when = (num.filter(pl.col("kind").is_in(["date", "time"]) & pl.col("event").is_not_null())
            .select("article", "sentence_start", "event").unique()
            .with_columns(pl.lit(True).alias("dated")))
    named = pl.col("pattern").str.ends_with(".story").fill_null(False)
    return (num.select("i", "article", "sentence_start", "event", "pattern")
            .join(when, on=["article", "sentence_start", "event"], how="left")
            .select("i", (pl.col("dated").fill_null(False) | named).alias("dated")))


def _past(num: pl.DataFrame, days: float) -> pl.DataFrame:
    """(article, sentence_start, past): sentences dated more than `days`
    before their story's first article ("the most recent before Sunday's, on
    Feb. 28, when six people were shot"): their figures are of another event."""
    begun = (num.filter(pl.col("published").is_not_null()).group_by("story")
             .agg(pl.col("published").min().dt.epoch("d").cast(pl.Float64).alias("begun")))
    # A bare year is left out: "the 1900 block" reads as one.
    dated = (num.filter((pl.col("kind") == "date") & pl.col("sentence_start").is_not_null()
                        & (pl.col("pattern") != "date:year").fill_null(True))
             .group_by("article", "story", "sentence_start")
             .agg(pl.coalesce("high", "value").max().alias("latest")))
    return (dated.join(begun, on="story")
            .filter(pl.col("latest") < pl.col("begun") - days)
            .select("article", "sentence_start", pl.lit(True).alias("past")))


def _clock_gap(shifts: tuple[int, ...]) -> pl.Expr:
    """Minutes between two times of day as far as each reaches ("Tuesday
    night" reaches 19:00 to 05:00), the right one moved by each shift: a day
    either way for times past midnight, half a day for a.m. written for p.m."""
    lo, hi = pl.coalesce("low", "value"), pl.coalesce("high", "value")
    lo_r, hi_r = pl.coalesce("low_r", "value_r"), pl.coalesce("high_r", "value_r")
    return pl.min_horizontal(*[
        pl.max_horizontal(pl.lit(0.0), pl.max_horizontal(lo, lo_r + s)
                          - pl.min_horizontal(hi, hi_r + s)) for s in shifts])


def _first_statements(side: pl.DataFrame, dated: pl.DataFrame,
                      links: pl.LazyFrame) -> pl.DataFrame:
    """Each figure once per article: mentions of the same value in frames
    that may name the same figure ("three people were shot" … "the three
    injured") are one statement, and only one of them aligns. Otherwise one
    mention takes a place in one group and another in the next, and the
    article, allowed one fact a group, splits the figure it states once.
    The one kept says when its event happened ("was charged Thursday"), else
    it comes first: the one an article leads with and a reader cites."""
    keys = ["article", "story", "bkind", "dim", "value", "low", "high", "holder", "as_of"]
    # A status's reason (its holder) tells two statuses apart, not two
    # mentions of one ("was charged Thursday" … "charged with manslaughter").
    holder = pl.when(pl.col("dim") != "status").then(pl.col("holder"))
    rows = (side.lazy().select("i", "event", *keys).with_columns(holder=holder)
            .join(dated.lazy(), on="i", how="left")
            .with_columns(rank=pl.col("dated").not_().cast(pl.Int64) * 2**32 + pl.col("i")))
    later = (rows.join(rows, on=keys, suffix="_r", nulls_equal=True)
             .filter(pl.col("rank_r") < pl.col("rank"))
             .join(links, on=["event", "event_r"], how="left")
             # Statuses of two classes are two statements: "no arrests and
             # no charges" (their classes pair only as a story moves on).
             .filter((pl.col("event") == pl.col("event_r"))
                     | (pl.col("same_event").is_not_null() & (pl.col("dim") != "status")))
             .select("i").unique().collect())
    return side.filter(~pl.col("i").is_in(later["i"].implode()))


def _fuzzy(pairs: pl.DataFrame, left: str, right: str, out: str,
           scorer: Any = fuzz.token_set_ratio) -> pl.DataFrame:
    """Score each unique (left, right) string pair once, in C, and join back."""
    uniq = pairs.select(pl.col(left).fill_null(""), pl.col(right).fill_null("")).unique(
        maintain_order=True)
    scores = process.cpdist(uniq[left].to_list(), uniq[right].to_list(), scorer=scorer,
                            workers=1)
    uniq = uniq.with_columns(pl.Series(out, scores, dtype=pl.Float64) / 100.0)
    return pairs.with_columns(pl.col(left).fill_null(""), pl.col(right).fill_null("")).join(
        uniq, on=[left, right], how="left", maintain_order="left")


def _scale_slip(hi: pl.Expr, lo: pl.Expr) -> pl.Expr:
    """The same digits a thousand or a million times apart: 'million' written
    for 'billion' is a classic slip, so such pairs may align beyond max_ratio."""
    k = (hi / lo).log10()
    return (lo > 0) & ((k - k.round()).abs() < 1e-9) & (k.round() >= 3) & (k.round() <= 9)


def numeric_pairs(facts: pl.DataFrame, rules: Any,
                  units: pl.DataFrame | None = None) -> pl.DataFrame:
    """Scored candidate pairs (i, j, score) of numeric facts, i < j; `units`:
    unit_keys of the whole batch when `facts` is a part of it."""
    cfg = settings(rules)
    events = (rules.events if rules is not None else {}) or {}
    counts: dict[str, list[str]] = {}
    for e, entry in sorted(events.items()):
        if entry.get("counts"):
            counts.setdefault(entry["counts"], []).append(e)
    num = _numeric_frame(facts, synonym_map(rules), units, thing_map(rules),
                         {e for e, entry in events.items() if entry.get("status")}, counts)
    if num.is_empty():
        return pl.DataFrame(schema={"i": pl.UInt32, "j": pl.UInt32, "score": pl.Float64})
    # A bare number with nothing counted ("326 of the 650 seats" gives a bare
    # 326) and no event is too little to align on; it still counts as an echo
    # below. With an event ("the toll rose to 19") its frame says what it is.
    bare = ((pl.col("kind") == "count") & pl.col("unit").is_null() & pl.col("subject").is_null()
            & pl.col("event").is_null())
    # "Two days ago", "four days after the shooting": each measures between its
    # own two moments (rules `time_offsets`), so two such are not the same fact.
    offsets = [w.casefold() for w in (rules.time_offsets if rules is not None else []) or []]
    offset = pl.col("subject").str.to_lowercase().is_in(offsets).fill_null(False)
    bare = bare | ((pl.col("kind") == "duration") & offset)
    # "Police initially said six people were shot": an account since
    # corrected, which the article does not claim (rules `superseded_words`).
    bare = bare | pl.col("event").str.ends_with(":initial").fill_null(False)
    num = num.join(_past(num, cfg.past_days), on=["article", "sentence_start"], how="left")
    bare = bare | pl.col("past").fill_null(False)
    side = num.filter(~bare).select(
        "i", "article", "story", "bkind", "dim", "unit", "value", "low", "high", "base", "subj",
        "ctx", "entities", "per", "mark", pl.col("event").fill_null(""),
        "holder", "as_of", (pl.col("pattern") == "frames.day_part").fill_null(False).alias("part"),
        pl.col("published").dt.epoch("d").cast(pl.Float64).alias("pub"),
        pl.col("pattern").str.ends_with(".story").fill_null(False).alias("named"),
        "published",
    ).with_columns(
        pl.len().over("article", "story", "bkind", "dim").alias("n_blk"))
    links = event_links(rules).lazy()
    # Counted before repeats are set aside: an article that names a figure
    # three times, framed, and an unframed one beside it is no only candidate.
    side = _first_statements(side, _dated(num), links)
    ratio = cfg.max_ratio
    lo = pl.min_horizontal(pl.col("base").abs(), pl.col("base_r").abs())
    hi = pl.max_horizontal(pl.col("base").abs(), pl.col("base_r").abs())
    same_scale = (pl.col("bkind") != "money") | (pl.col("unit") == pl.col("unit_r"))
    framed = (pl.col("event") != "") & (pl.col("event_r") != "")
    only_ones = (pl.col("n_blk") == 1) & (pl.col("n_blk_r") == 1)
    gap, slip = _clock_gap((-1440, 0, 1440)), _clock_gap((-720, 720))
    pairs = (
        side.lazy().join(side.lazy(), on=["story", "bkind", "dim"], suffix="_r")
        .filter((pl.col("i") < pl.col("i_r")) & (pl.col("article") != pl.col("article_r")))
        # Frames first: two events that cannot name one figure never align
        # (people displaced are not people injured), nor figures of different
        # holders (the suspect's record is not the victim's) or as-of times.
        .join(links, on=["event", "event_r"], how="left")
        .filter(~framed | pl.col("same_event").is_not_null())
        .filter(~(pl.col("holder").is_not_null() & pl.col("holder_r").is_not_null()
                  & (pl.col("holder") != pl.col("holder_r"))))
        .filter(~(pl.col("as_of").is_not_null() & pl.col("as_of_r").is_not_null()
                  & (pl.col("as_of") != pl.col("as_of_r"))))
        # A status for an offence of its own ("charged with resisting arrest")
        # is not one that names the story's event ("not charged with the
        # murders"): two statuses, though the second gives no reason.
        .filter((pl.col("dim") != "status")
                | ~((pl.col("holder").is_not_null() & pl.col("named_r"))
                    | (pl.col("holder_r").is_not_null() & pl.col("named"))))
        # A figure whose frame could not be read aligns with a framed one only
        # when each is the only candidate of its block in its article.
        .filter((pl.col("event") == pl.col("event_r")) | framed
                | only_ones)
        # A date of a moment that is not the event's (the day police spoke,
        # a state held, the victim died: "event:said") is no only candidate.
        .filter((pl.col("bkind") != "date") | pl.col("same_event").is_not_null()
                | ~(pl.col("event").str.contains(":") | pl.col("event_r").str.contains(":")))
        # A plan told after the other's day had come is a new plan (a hearing
        # put off), not a disagreement about the first.
        .filter(~pl.col("event").str.starts_with("plan:")
                | ~((pl.col("pub") > pl.col("value_r")) | (pl.col("pub_r") > pl.col("value")))
                .fill_null(False) | (pl.col("bkind") != "date"))
        # Durations ("served four years", "lived there for five years") are
        # mostly background: unframed, they align only as the only ones of
        # both articles, and by their subjects or the words around them (below).
        .filter((pl.col("bkind") != "duration") | framed | only_ones)
        # Two statuses of different classes (arrested, charged) are one figure
        # only as the story moves from none to some ("no arrests", "charged
        # a man"); "two arrested" and "one charged" are two figures.
        .filter((pl.col("dim") != "status") | pl.col("same_event").fill_null(True) | (lo == 0))
        # A status that moves from none to some ("no arrests", "arrested a
        # man") is the same figure whatever the ratio.
        .filter(~same_scale | (hi <= lo * ratio) | (hi == 0) | _scale_slip(hi, lo)
                | (framed & (lo == 0)))
        # Times of day: an article gives several (the shooting, the call, the
        # death, the hearing), so two align only by their event, or as the
        # only time in both articles (a part of a day, "Tuesday morning", only
        # by its event: it is as often the hearing's as the shooting's); and
        # within two hours of each other as far as each reaches, or twelve
        # apart (a.m. written for p.m.).
        # A time of one of several events, or of a moment after the event
        # ("shot:first", "killed:die"), is known not to be the story's: no
        # "only one" for it.
        .filter((pl.col("bkind") != "time") | (
            (pl.col("same_event").is_not_null()
             | (only_ones & ~pl.col("part") & ~pl.col("part_r")
                & ~pl.col("event").str.contains(":") & ~pl.col("event_r").str.contains(":")))
            & ((gap <= 120) | (slip <= 30))))
        .collect()
    )
    # An article that also gives the other side's figure, in the same frame,
    # does not contradict it: its differing figure is about something else
    # (the 650 seats of a parliament next to the 326 won).
    echo = num.select("article", "story", "bkind", pl.col("event").fill_null(""),
                      pl.col("value").alias("echo")).unique()
    pairs = (pairs
             .join(echo.rename({"article": "article_r", "echo": "value", "event": "event_r"})
                   .with_columns(pl.lit(True).alias("echo_r")),
                   on=["article_r", "story", "bkind", "event_r", "value"], how="left")
             .join(echo.rename({"echo": "value_r"}).with_columns(pl.lit(True).alias("echo_l")),
                   on=["article", "story", "bkind", "event", "value_r"], how="left")
             .filter((pl.col("value") == pl.col("value_r"))
                     | ~(pl.col("echo_r").fill_null(False) | pl.col("echo_l").fill_null(False))))
    if pairs.is_empty():
        return pl.DataFrame(schema={"i": pl.UInt32, "j": pl.UInt32, "score": pl.Float64})
    pairs = _fuzzy(pairs, "subj", "subj_r", "s_subj")
    pairs = _fuzzy(pairs, "ctx", "ctx_r", "s_ctx")
    # A duration without an event aligns by what it measures: the same
    # subject ("three years of conflict"), or alike words around it.
    pairs = pairs.filter((pl.col("bkind") != "duration")
                         | ((pl.col("event") != "") & (pl.col("event_r") != ""))
                         | ((pl.col("subj") != "") & (pl.col("s_subj") >= cfg.unframed_context))
                         | (pl.col("s_ctx") >= cfg.unframed_context))
    # A count whose subject adds words to its unit ("other people", "shoot time":
    # extraction's partial_counts and repetition_counts) is a part of a whole or
    # a repeated act: it aligns only with a count that adds the same words
    # (a repeated act), or with nothing (a part).
    # A share of a group ("three of the victims") aligns with nothing: the
    # group's size is told elsewhere, and two shares are rarely the same share.
    # Nor does a part after the rest ("two other victims", rules
    # `partial_counts`): the others are those after whom each article told of
    # first, which two articles need not have told alike.
    partial = sorted(w.casefold() for w in (rules.partial_counts if rules is not None else []))
    pairs = pairs.filter((pl.col("bkind") != "count") | pl.col("mark").eq_missing(pl.col("mark_r"))
                         & ~pl.col("mark").str.starts_with(SHARE)
                         & ~pl.col("mark").is_in(partial))
    inter = pl.col("entities").list.set_intersection(pl.col("entities_r")).list.len()
    union = pl.col("entities").list.set_union(pl.col("entities_r")).list.len()
    ent = pl.when(union > 0).then(inter / union).otherwise(0.5)
    # A subject missing on either side says nothing either way.
    subj = pl.when((pl.col("subj") == "") | (pl.col("subj_r") == "")).then(0.5).otherwise(
        pl.col("s_subj"))
    # Close values are evidence of the same fact: 1 when equal, 0 at ten times.
    closeness = (1 - (hi / lo).log10()).clip(0, 1).fill_nan(0).fill_null(0)
    closeness = pl.when(hi == lo).then(1.0).when(_scale_slip(hi, lo) & (hi > lo * ratio)).then(
        0.5).otherwise(closeness)
    # None against some of one status ("no arrests", "arrested a man") says
    # nothing of closeness: a story moves from one to the other.
    closeness = pl.when((lo == 0) & pl.col("same_event").fill_null(False)).then(0.5).otherwise(
        closeness)
    # The only figure of its block in both articles: most likely the same fact.
    unique = ((pl.col("n_blk") == 1).cast(pl.Float64) + (pl.col("n_blk_r") == 1)) / 2
    # Dates are day numbers: any two are close by ratio, and an article's one
    # date is often a different day's event; only words and closeness in days
    # count (a day of speech, of a state or after the event is no event's
    # day: extraction writes it as an instance, which aligns with nothing).
    is_date = pl.col("bkind") == "date"
    closeness = pl.when(is_date).then((1 - (hi - lo) / cfg.date_days).clip(0, 1)
                                      ).otherwise(closeness)
    unique = pl.when(is_date).then(0.0).otherwise(unique)
    # Times of day: minutes after midnight, close when within an hour or two.
    is_time = pl.col("bkind") == "time"
    closeness = pl.when(is_time).then((1 - _clock_gap((-1440, 0, 1440)) / 120).clip(0, 1)
                                      ).otherwise(closeness)
    w_s, w_c, w_e, w_v = (cfg.subject_weight, cfg.context_weight, cfg.entity_weight,
                          cfg.value_weight)
    total = (w_s + w_c + w_e + w_v) or 1.0
    score = (w_s * subj + w_c * pl.col("s_ctx") + w_e * ent + w_v * closeness) / total
    # A bonus, not a weight: an article with several figures of a kind is not
    # less likely to share any one of them.
    # A figure of one event as of one stated time ("so far in 2017", "through
    # March 2017") on both sides is the whole frame read alike: the bonus twice.
    same_as_of = (pl.col("as_of").is_not_null() & (pl.col("as_of") == pl.col("as_of_r"))
                  & pl.col("same_event").fill_null(False)).fill_null(False)
    # A status moving from none to some ("no suspects", then "charged a man"
    # in a later article) is one figure across its linked classes
    # (`aligns_with`): the frame says so as much as one class on both sides.
    # Not the other way round, nor on one day: then they are more often two
    # people or two cases ("no charges" for the homeowner, the driver "in
    # custody").
    zero_first = pl.when(pl.col("base").abs() == 0).then(
        pl.col("published") < pl.col("published_r")).otherwise(
        pl.col("published_r") < pl.col("published"))
    moved_on = ((pl.col("dim") == "status") & (lo == 0) & (hi > 0)
                & pl.col("same_event").is_not_null() & zero_first.fill_null(False))
    framed_alike = pl.col("same_event").fill_null(False) | moved_on
    score = (score + cfg.unique_bonus * unique
             + cfg.frame_bonus * framed_alike.cast(pl.Float64)
             + cfg.frame_bonus * same_as_of.cast(pl.Float64)
             ).clip(0, 1)
    return (pairs.select(pl.col("i"), pl.col("i_r").alias("j"), score.alias("score"))
            .filter(pl.col("score") >= cfg.threshold))


def canonical_entities(facts: pl.DataFrame) -> dict[tuple[str, str], str]:
    """(story, entity) → the fullest name in the story that ends with it, so
    'Healey' and 'Mr Healey' join 'John Healey'."""
    rows = facts.filter(pl.col("entity").is_not_null()).select(
        pl.col("story").fill_null(""), "entity").unique().sort("story", "entity").rows()
    by_story: dict[str, list[str]] = {}
    for story, ent in rows:
        by_story.setdefault(story, []).append(ent)
    out = {}
    for story, names in by_story.items():
        for name in names:
            last = name.split()[-1].casefold() if name.split() else ""
            longer = sorted((n for n in names if len(n) > len(name)
                             and n.split()[-1].casefold() == last), key=lambda n: (-len(n), n))
            out[(story, name)] = longer[0] if longer else name
    return out


def attribute_pairs(facts: pl.DataFrame, rules: Any) -> pl.DataFrame:
    """Scored candidate pairs of attributive facts.

    Roles, affiliations and broadcasters pair when they are about the same
    entity; statements pair when their text is alike, whoever said them."""
    cfg = settings(rules)
    att = facts.with_row_index("i").filter(pl.col("kind") == "attribute").with_columns(
        pl.col("story").fill_null(""))
    empty_pairs = pl.DataFrame(schema={"i": pl.UInt32, "j": pl.UInt32, "score": pl.Float64})
    if att.is_empty():
        return empty_pairs
    names = canonical_entities(att)
    who = pl.DataFrame([(st, e, full) for (st, e), full in names.items()],
                       schema={"story": pl.String, "entity": pl.String, "who": pl.String},
                       orient="row")
    att = att.join(who, on=["story", "entity"], how="left", maintain_order="left").with_columns(
        pl.col("who").fill_null(""))
    side = att.select("i", "article", "story", "attribute", "who", "attribute_value")
    said = side.filter(pl.col("attribute") == "speaker")
    # Facts about no one (streets, names of places) never pair: left out
    # before the join, which would otherwise pair them all within a story.
    other = side.filter((pl.col("attribute") != "speaker") & (pl.col("who") != ""))
    out = []
    if not other.is_empty():
        p = (other.join(other, on=["story", "attribute", "who"], suffix="_r")
             .filter((pl.col("i") < pl.col("i_r")) & (pl.col("article") != pl.col("article_r"))
                     & (pl.col("who") != "")))
        out.append(p.select("i", pl.col("i_r").alias("j"), pl.lit(1.0).alias("score")))
    if not said.is_empty():
        p = (said.join(said, on=["story", "attribute"], suffix="_r")
             .filter((pl.col("i") < pl.col("i_r")) & (pl.col("article") != pl.col("article_r"))))
        if not p.is_empty():
            # Whole-statement likeness: a set ratio would call any short
            # statement inside a long one the same ("a man shot").
            p = _fuzzy(p, "attribute_value", "attribute_value_r", "s", fuzz.token_sort_ratio)
            out.append(p.filter(pl.col("s") * 100 >= cfg.statement_threshold)
                       .select("i", pl.col("i_r").alias("j"), pl.col("s").alias("score")))
    return pl.concat(out) if out else empty_pairs


def align(facts: pl.DataFrame, rules: Any, units: pl.DataFrame | None = None) -> pl.DataFrame:
    """GROUPS_SCHEMA rows: every fact aligned with at least one other article's.
    `units`: unit_keys of the whole batch when `facts` is a part of it."""
    if facts.is_empty():
        return empty(GROUPS_SCHEMA)
    pairs = pl.concat([numeric_pairs(facts, rules, units), attribute_pairs(facts, rules)])
    if pairs.is_empty():
        return empty(GROUPS_SCHEMA)
    pairs = pairs.sort(["score", "i", "j"], descending=[True, False, False])
    article_of = facts["article"].to_list()
    grouped = merge_pairs(list(pairs.iter_rows()), article_of, settings(rules).min_links)
    idx = sorted(grouped)
    out = pl.DataFrame({"i": idx, "root": [grouped[x][0] for x in idx],
                        "score": [round(grouped[x][1], 4) for x in idx]},
                       schema={"i": pl.UInt32, "root": pl.Int64, "score": pl.Float64})
    facts_i = facts.with_row_index("i").select("i", "fact_id", "story")
    out = out.join(facts_i, on="i", how="left", maintain_order="left")
    ids = out.group_by("root", maintain_order=True).agg(
        pl.col("fact_id").sort().str.join("|").alias("key"), pl.col("i").min().alias("first"))
    ids = ids.with_columns(pl.col("key").map_elements(
        lambda k: "g" + hashlib.blake2b(k.encode(), digest_size=5).hexdigest(),
        return_dtype=pl.String).alias("group"))
    out = out.join(ids.select("root", "group", "first"), on="root", how="left")
    out = out.sort(["first", "i"])
    return out.select(pl.col("group"), pl.col("story"), pl.col("fact_id"),
                      pl.col("score")).cast(GROUPS_SCHEMA)  # type: ignore[arg-type]


def ratio(a: float, b: float) -> float:
    """How many times larger the larger of two values is (inf if one is 0)."""
    a, b = abs(a), abs(b)
    lo, hi = min(a, b), max(a, b)
    if hi == 0:
        return 1.0
    return math.inf if lo == 0 else hi / lo
