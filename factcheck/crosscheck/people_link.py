"""People linked across the articles of a story.

Linked by name, allowing what real coverage does to names: initials, middle
names and suffixes dropped, apostrophes and hyphens, given and family names
swapped, and one or two letters changed in either. A link is one-to-one per
pair of articles, the surest first, and never puts two people of one article
together, so two people of close names in one article ("Tristan" and
"Tristin Carr", both named) each keep their own. Ages that differ by more
than a year keep two close names apart. Unnamed people link only when each is
the only one of its class in its article (or of its class and age, or of its
class in the part it plays: the one man arrested). A person described in one article
("a 36-year-old woman with a gunshot wound to the head") is one named in
another when both are the only one of that age there, or the only one hit in
that place, and nothing they are said to be (sex, part, wound) differs.
Nobody is linked across stories.

Each link has a confidence (0..1) that sets the severity of what is found on
it: below ``SURE`` a finding is ``info``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from .people_article import (
    AGE_SLACK,
    MAX_TYPO,
    SURE,
    VARIANT,
    Person,
    Words,
    _family_part,
    name_parts,
    same_age,
)


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


def described(u: Person, n: Person, u_side: list[Person], n_side: list[Person],
              words: Words, same: tuple[Person, ...] = ()) -> Link | None:
    """How sure it is that `u`, unnamed, is `n`, named in another article; `u_side`
    and `n_side` are the people of the two articles. Each must be the only one
    of its article hit in the place they share, or of the age of the other
    with a sex or part that agrees too; a sex, part or place of wound that
    differs keeps them apart. `same`: people already known to be `n` (the
    name in `u`'s own article), neither rivals nor a bar."""
    su, sn = words.sex(u), words.sex(n)
    pu, pn = u.part(), n.part()
    wu, wn = u.places(), n.places()
    apart = bool(wu and wn and not words.meet(wu, wn))
    if (su and sn and su != sn) or (pu and pn and pu != pn) or apart \
            or u.elsewhere or u.several():
        return None
    if any(r.name and all(r is not x for x in same) and link(r, n, words.suffixes, True)
           for r in u_side):
        return None  # the article names them: `u` is someone else or the same, unlinked
    also = bool(su and su == sn) or bool(pu and pu == pn)
    # The places both give, a region counting as the place it holds ("torso",
    # "chest"); a place only one gives ("the chest and leg" / "the leg") is
    # another's wound as likely as a wound left unsaid.
    shared = {x for x in wu | wn if words.meet({x}, wu) and words.meet({x}, wn)}
    if shared != wu | wn:
        shared = set()
    au, an = u.years(), n.years()
    # A place links ages a typo or a misreading apart, not a boy of 15 and a man of 34.
    far = au is not None and an is not None and abs(au - an) > max(MAX_TYPO, 0.2 * max(au, an))
    rivals = [o for o in u_side + n_side if o is not u and o is not n
              and all(o is not x for x in same)]
    if shared and not far and not any(words.meet(o.places(), shared) for o in rivals):
        return Link(SURE, f"the only one hit in the {'/'.join(sorted(shared))}")
    if au is None or an is None or abs(au - an) > 1 + 1e-9:
        return None
    # The only one of that age on each side; an age a year apart is a typo only
    # where nobody else is near it.
    near = AGE_SLACK if abs(au - an) < AGE_SLACK else MAX_TYPO
    if any(abs(y - an) <= near for y in _other_ages(u, u_side)) \
            or any(abs(y - au) <= near for y in _other_ages(n, n_side)):
        return None
    # Without a sex or part that agrees an age alone is no link: an unsure one
    # would make the whole person's findings unsure.
    if not also:
        return None
    if abs(au - an) < AGE_SLACK:
        return Link(0.8, f"the only one aged {an:g}")
    return Link(SURE, f"the only one aged about {an:g}")


def link_story(people: list[Person], words: Words) -> list[tuple[list[Person], float]]:
    """Clusters of one person across the story's articles, with the least sure link."""
    suffixes = words.suffixes
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
                    unique = _only_of_kind(p, by_article[ax]) and _only_of_kind(
                        q, by_article[ay]) or _only_of_age(p, q, by_article[ax], by_article[ay]) \
                        or _only_in_part(p, q, by_article[ax], by_article[ay])
                    got = link(p, q, suffixes, unique)
                    if got is None and (p.name is None) != (q.name is None):
                        got = described(p, q, by_article[ax], by_article[ay], words) \
                            if q.name else described(q, p, by_article[ay], by_article[ax], words)
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
        # A description links one person, not a chain: nobody the two clusters
        # hold may be of another sex or hit elsewhere ("the 18-year-old man" shot
        # in the torso is not the 18-year-old shot in the head of another outlet).
        if (p.name is None or q.name is None) and not _alike(
                [people[k] for k in range(len(people)) if find(k) in (ri, rj)], words):
            continue
        parent[rj] = ri
        members[ri] |= members.pop(rj)
        worst[ri] = min(worst[ri], worst.pop(rj), score)
        taken.add((i, q.article))
        taken.add((j, p.article))
    clusters: dict[int, list[Person]] = {}
    for i, p in enumerate(people):
        clusters.setdefault(find(i), []).append(p)
    return _join_described([(sorted(c, key=lambda p: p.index), worst[r])
                            for r, c in clusters.items()], by_article, words)


def _join_described(clusters: list[tuple[list[Person], float]],
                    by_article: dict[str, list[Person]],
                    words: Words) -> list[tuple[list[Person], float]]:
    """An article that both names and describes a person ("a 36 year old female
    with a gunshot wound to the head" in a police narrative, "Lesly Paredes" in
    its list) keeps the two apart, and the description links to the other
    articles' descriptions, not to the name. Such a described-only cluster
    joins the named one it meets in that article when it is the one the
    description fits (`described`: the only one hit in that place, or the
    only one of that age with a sex or part that agrees), each the other's only
    fit, and nobody of the two differs in sex or wound. The cluster then holds
    the description and the name of one article, as that article does."""
    named = [k for k, (c, _) in enumerate(clusters) if any(p.name for p in c)]
    bare = [k for k, (c, _) in enumerate(clusters) if not any(p.name for p in c)]
    fits: dict[int, list[tuple[int, float]]] = {}
    for u in bare:
        cu = clusters[u][0]
        arts = {p.article for p in cu}
        for n in named:
            cn = clusters[n][0]
            # They meet only where `n`'s article names the person: two
            # descriptions of one article are two people.
            shared = arts & {p.article for p in cn}
            if not shared or any(p.name is None for p in cn if p.article in shared) \
                    or not _alike(cu + cn, words):
                continue
            best = max((found.score for a in cu for b in cn if a.article != b.article and b.name
                        and (found := described(a, b, by_article[a.article],
                                                by_article[b.article], words, tuple(cn)))
                        is not None), default=None)
            if best is not None:
                fits.setdefault(u, []).append((n, best))
    takers: dict[int, list[int]] = {}
    for u, fit in fits.items():
        for n, _ in fit:
            takers.setdefault(n, []).append(u)
    joined: dict[int, tuple[int, float]] = {
        u: fit[0] for u, fit in fits.items() if len(fit) == 1 and len(takers[fit[0][0]]) == 1}
    into = {n: (u, score) for u, (n, score) in joined.items()}
    out = []
    for k, (c, sure) in enumerate(clusters):
        if k in joined:
            continue
        if k in into:
            u, score = into[k]
            c = sorted(c + clusters[u][0], key=lambda p: p.index)
            sure = min(sure, clusters[u][1], score)
        out.append((c, sure))
    return out


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


def _other_ages(p: Person, side: list[Person]) -> list[float]:
    """The ages `p`'s article gives of others, described or not. Where `p` is
    named, an age of nobody described that is `p`'s own is `p` in the lede ("a
    65-year-old clerk was shot ... Dana Pike, 65, was hit five times")."""
    own = p.years() if p.name else None
    return [y for o in side if o is not p and (y := o.years()) is not None] + [
        y for y in p.loose if own is None or abs(y - own) >= AGE_SLACK]


def _alike(cluster: list[Person], words: Words) -> bool:
    """Whether no two of `cluster` differ in sex or where they were hit."""
    sexes = {x for p in cluster if (x := words.sex(p))}
    places = [p.places() for p in cluster if p.places()]
    return len(sexes) < 2 and all(words.meet(a, b) for a in places for b in places)


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


def _only_of_age(p: Person, q: Person, ps: list[Person], qs: list[Person]) -> bool:
    """Two unnamed people of one class and one age, each the only one of that
    class and age in its article ("the 43-year-old woman" of two articles that
    describe three women), and not said to play different parts."""
    if p.name or q.name or p.kind != q.kind or p.years() is None or p.years() != q.years() \
            or (p.part() and q.part() and p.part() != q.part()):
        return False
    return all(not x.elsewhere and not x.several() and sum(
        1 for o in xs if o.name is None and o.kind == x.kind and o.years() == x.years()) == 1
        for x, xs in ((p, ps), (q, qs)))


def _only_in_part(p: Person, q: Person, ps: list[Person], qs: list[Person]) -> bool:
    """Two unnamed people of one class who play one part, each the only one of
    that class in that part in its article ("a 24-year-old man" shot and "a
    19-year-old man" arrested: the arrested man of each article)."""
    part = p.part()
    if p.name or q.name or p.kind != q.kind or part is None or q.part() != part:
        return False
    return all(not x.elsewhere and not x.several() and sum(
        1 for o in xs if o.name is None and o.kind == x.kind and o.part() == part) == 1
        for x, xs in ((p, ps), (q, qs)))


def _only_of_kind(p: Person, others: list[Person]) -> bool:
    if p.name is not None:
        return True
    return sum(1 for o in others if o.name is None and o.kind == p.kind) == 1
