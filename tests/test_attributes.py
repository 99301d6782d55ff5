"""Attributive facts: roles, affiliations, broadcasters, speakers, and one name per person."""

from __future__ import annotations

import polars as pl
import pytest

from factcheck.errors import FactcheckError
from factcheck.extract.attributes import extract_attributes
from factcheck.extract.entities import canonicalize, name_map
from factcheck.model import Article
from factcheck.rules.load import load_rules


@pytest.fixture(scope="module")
def attrs(nlp, rules):
    """Attribute rows of one text, as read from a one-line article."""
    def run(text: str) -> list[dict]:
        article = Article(id="t.txt", path="t.txt", source="t", title="", published=None,
                          url="", story=None, text=text)
        rows = extract_attributes(nlp(text), article, rules, 0)
        for row in rows:  # offsets are what every consumer relies on
            assert row["kind"] == "attribute"
            assert text[row["start"]:row["end"]].strip() == text[row["start"]:row["end"]]
            assert row["value"] is None if "value" in row else True
        return rows
    return run


def _of(rows: list[dict], attribute: str) -> list[tuple]:
    return [(r["entity"], r["attribute_value"], r["attribute_scope"]) for r in rows
            if r["attribute"] == attribute]


ROLE_CASES = [
    ("media-relations-is-spokesperson",
     "Dana Holt, chief of media relations for the harbour police, said the pier was closed.",
     ("Dana Holt", "Spokesperson", None), "Dana Holt, chief of media relations"),
    ("title-name", "Defence Secretary John Healey arrived in Brussels on Wednesday.",
     ("John Healey", "Defence Secretary", None), "Defence Secretary John Healey"),
    ("scope-title-name", "UK Defence Secretary John Healey arrived in Brussels on Wednesday.",
     ("John Healey", "Defence Secretary", "UK"), "UK Defence Secretary John Healey"),
    ("name-comma-the-title", "John Healey, the defence secretary, flew to Brussels on Tuesday.",
     ("John Healey", "Defence Secretary", None), "John Healey, the defence secretary"),
    ("surname-demonym-title", "Healey, Britain's defence secretary, flew to Brussels on Tuesday.",
     ("Healey", "Defence Secretary", "UK"), "Healey, Britain's defence secretary"),
    ("the-title-comma-name", "The defence secretary, John Healey, flew to Brussels on Tuesday.",
     ("John Healey", "Defence Secretary", None), "The defence secretary, John Healey"),
    ("name-paren-title", "Pete Hegseth (US Defense Secretary) landed in Brussels late on Tuesday.",
     ("Pete Hegseth", "Defence Secretary", "US"), "Pete Hegseth (US Defense Secretary)"),
    ("us-spelling-same-title", "Secretary of Defense Pete Hegseth visited the base.",
     ("Pete Hegseth", "Defence Secretary", None), "Secretary of Defense Pete Hegseth"),
    ("possessive-country", "Russia's President Vladimir Putin spoke by phone for an hour.",
     ("Vladimir Putin", "President", "Russia"), "Russia's President Vladimir Putin"),
    ("demonym-title", "Ukrainian President Volodymyr Zelenskyy will be briefed later.",
     ("Volodymyr Zelenskyy", "President", "Ukraine"), "Ukrainian President Volodymyr Zelenskyy"),
    ("title-of-country", "The President of France, Emmanuel Macron, arrived in Kyiv.",
     ("Emmanuel Macron", "President", "France"), "The President of France, Emmanuel Macron"),
    ("longest-title-wins", "Deputy Prime Minister Angela Rayner visited a factory in Bolton.",
     ("Angela Rayner", "Deputy Prime Minister", None), "Deputy Prime Minister Angela Rayner"),
    ("party-title", "Conservative MP Tom Tugendhat questioned the timing of the deal.",
     ("Tom Tugendhat", "MP", None), "Conservative MP Tom Tugendhat"),
    ("organisation-title", "NATO's secretary general Mark Rutte urged allies to spend more.",
     ("Mark Rutte", "Secretary General", "NATO"), "NATO's secretary general Mark Rutte"),
    ("name-with-particles", "European Commission President Ursula von der Leyen flew in.",
     ("Ursula von der Leyen", "Commission President", "European Commission"),
     "European Commission President Ursula von der Leyen"),
    ("untagged-organisation", "Thames Water chairman Adrian Montague asked for more time.",
     ("Adrian Montague", "Chair", "Thames Water"), "Thames Water chairman Adrian Montague"),
    ("hyphenated-place", "Miami-Dade Mayor Carlos Gimenez visited the scene.",
     ("Carlos Gimenez", "Mayor", "Miami-Dade"), "Miami-Dade Mayor Carlos Gimenez"),
    ("body-named-after-place", "Port of Dover chief executive Doug Bannister met hauliers.",
     ("Doug Bannister", "Chief Executive", "Port of Dover"),
     "Port of Dover chief executive Doug Bannister"),
    ("honorific-after-title", "Science minister Lord Vallance opened the new laboratory.",
     ("Vallance", "Science Minister", None), "Science minister Lord Vallance"),
    ("brief-before-head-word", "Housing Secretary Angela Rayner visited a building site.",
     ("Angela Rayner", "Housing Secretary", None), "Housing Secretary Angela Rayner"),
    ("shadow-prefix", "Claire Coutinho, the shadow energy secretary, criticised the plan.",
     ("Claire Coutinho", "Shadow Energy Secretary", None),
     "Claire Coutinho, the shadow energy secretary"),
    ("title-owns-next-title",
     "The county sheriff's spokesman Mark Tate said the road was closed.",
     ("Mark Tate", "Spokesperson", None), "spokesman Mark Tate"),
    ("title-word-modifies-office", "The bank's chief economist, Huw Pill, spoke on Monday.",
     ("Huw Pill", "Chief Economist", None), "chief economist, Huw Pill"),
    ("head-of-brief", "The club's head of operations, Joanne Reid, met fans on Sunday.",
     ("Joanne Reid", "Head of Operations", None), "head of operations, Joanne Reid"),
    ("synonym-finance-chief", "The company's finance chief Maria Lopez resigned on Friday.",
     ("Maria Lopez", "Chief Financial Officer", None), "finance chief Maria Lopez"),
]


@pytest.mark.parametrize("text,expected,evidence", [c[1:] for c in ROLE_CASES],
                         ids=[c[0] for c in ROLE_CASES])
def test_role_shapes(attrs, text, expected, evidence):
    rows = attrs(text)
    assert _of(rows, "role") == [expected]
    role = next(r for r in rows if r["attribute"] == "role")
    assert text[role["start"]:role["end"]] == evidence


NO_ROLE_CASES = [
    ("title-without-person", "The defence secretary is expected to attend the summit."),
    ("title-then-common-noun", "The prime minister's office declined to comment on Monday."),
    ("person-in-list-of-titles",
     "Guests included the Prime Minister, the Chancellor, John Healey and the Home Secretary."),
    ("person-after-list-of-titles",
     "The letter went to the foreign secretary, the home secretary and Yvette Cooper."),
    ("title-word-in-a-name", "Shares in Premier Foods rose after the results on Tuesday."),
    ("date-after-title-word", "The boy was shot in the head Friday night, police said."),
    ("caption-in-capitals",
     "WITH ME TONIGHT IS THE MAYOR, JOHN CRANE, AND THE ACTING FIRE CHIEF RAY WINTERS."),
]


@pytest.mark.parametrize("text", [c[1] for c in NO_ROLE_CASES], ids=[c[0] for c in NO_ROLE_CASES])
def test_no_role(attrs, text):
    assert _of(attrs(text), "role") == []


AFFILIATION_CASES = [
    ("party-before-title", "Conservative MP Tom Tugendhat questioned the timing of the deal.",
     "affiliation", ("Tom Tugendhat", "Conservative Party", None)),
    ("party-possessive", "Labour's Angela Rayner spoke to reporters outside the hall.",
     "affiliation", ("Angela Rayner", "Labour Party", None)),
    ("organisation-of-title", "NATO's secretary general Mark Rutte urged allies to spend more.",
     "affiliation", ("Mark Rutte", "NATO", None)),
    ("broadcaster-programme", "Rayner was interviewed on ITV's Peston on Wednesday evening.",
     "broadcaster", ("Peston", "ITV", None)),
    ("broadcaster-the", "She said so in an interview with the BBC's Laura Kuenssberg.",
     "broadcaster", ("Laura Kuenssberg", "BBC", None)),
    ("unlisted-outlet-programme-word", "He appeared on Meridian's Newsline programme on Sunday.",
     "broadcaster", ("Newsline", "Meridian", None)),
]


@pytest.mark.parametrize("text,attribute,expected", [c[1:] for c in AFFILIATION_CASES],
                         ids=[c[0] for c in AFFILIATION_CASES])
def test_affiliations_and_broadcasters(attrs, text, attribute, expected):
    assert _of(attrs(text), attribute) == [expected]


SPEECH_CASES = [
    ("x-said-that", "Healey said that the package would arrive within weeks.",
     ("Healey", "the package would arrive within weeks")),
    ("clause-then-x-said", "The package will arrive within weeks, Healey said.",
     ("Healey", "the package will arrive within weeks")),
    ("x-warned", "Zelensky warned that Russia was not preparing for peace.",
     ("Zelensky", "russia was not preparing for peace")),
    ("x-told-y-that", "Rayner told reporters that the government stood united.",
     ("Rayner", "the government stood united")),
    ("that-read-as-object", "Cooper told the Commons that the backlog had fallen.",
     ("Cooper", "the backlog had fallen")),
    ("according-to-x", "According to Healey, the package will arrive within weeks.",
     ("Healey", "the package will arrive within weeks")),
    ("clause-according-to-titled-x",
     "The package will arrive within weeks, according to the defence secretary John Healey.",
     ("John Healey", "the package will arrive within weeks")),
    ("direct-quote", '"We will not back down," Healey said.',
     ("Healey", "we will not back down")),
    ("honorific-dropped", "Mr Healey warned that the war could last for years.",
     ("Healey", "the war could last for years")),
    ("pronoun-previous-sentence",
     "Defence Secretary John Healey met allies. He noted that the alliance was united.",
     ("John Healey", "the alliance was united")),
    ("name-subject-with-descriptor",
     "Senator Lisa Murkowski, a Republican from Alaska, said she had not decided.",
     ("Lisa Murkowski", "she had not decided")),
    ("title-apposition-subject",
     "The defence secretary, John Healey, told MPs that stocks were running low.",
     ("John Healey", "stocks were running low")),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in SPEECH_CASES],
                         ids=[c[0] for c in SPEECH_CASES])
def test_speaker_shapes(attrs, text, expected):
    assert [(e, v) for e, v, _ in _of(attrs(text), "speaker")] == [expected]


def test_pronoun_continues_the_last_speaker(attrs):
    """A "she said" goes to whoever was quoted last, not to the last name mentioned."""
    rows = attrs("Maria Lopez said the flat was cold. Tom Reid was asleep. "
                 "The roof leaked all night, she said.")
    assert [(e, v) for e, v, _ in _of(rows, "speaker")] == [
        ("Maria Lopez", "the flat was cold"), ("Maria Lopez", "the roof leaked all night")]


def test_pronoun_goes_to_who_asked_something_since(attrs):
    """After the last quote, someone else asked or urged something in the sentence
    just before: the "he said" that follows is theirs."""
    rows = attrs("Maria Lopez said the flat was cold. Tom Reid asked that neighbours "
                 "check on each other. \"It was a long night,\" he said.")
    assert [(e, v) for e, v, _ in _of(rows, "speaker")] == [
        ("Maria Lopez", "the flat was cold"), ("Tom Reid", "it was a long night")]


NO_SPEAKER_CASES = [
    ("verb-without-clause", "Healey announced a new package of military aid on Wednesday."),
    ("unnamed-speaker", "The package will arrive within weeks, officials said."),
    ("according-to-unnamed", "According to officials, the package will arrive within weeks."),
    ("passive-hearer-is-not-speaker", "Channel 12 was told that the victims were recovering."),
    ("negated-verb", "The Westfield Sheriff's Office has not said what led to the shooting."),
    ("anyone-in-particular", "A Masury man told police that the gun was not loaded."),
    ("caption-in-capitals", "MAYOR JOHN CRANE SAID THE FIRE HAD BEEN PUT OUT BY MIDNIGHT."),
]


@pytest.mark.parametrize("text", [c[1] for c in NO_SPEAKER_CASES],
                         ids=[c[0] for c in NO_SPEAKER_CASES])
def test_no_speaker(attrs, text):
    assert _of(attrs(text), "speaker") == []


# --- the seeds, through extraction (batch canonicalization included) ---

@pytest.fixture(scope="module")
def seed_facts():
    """The seeds' facts table as extraction hands it to the cross-check."""
    from factcheck.run.pipeline import run

    from .conftest import SEEDS

    return run([str(SEEDS)], check=False).facts


def _attributes(facts: pl.DataFrame, article: str) -> pl.DataFrame:
    return facts.filter((pl.col("article") == f"seeds/{article}")
                               & (pl.col("kind") == "attribute"))


def _has(df: pl.DataFrame, entity: str, attribute: str, value: str,
         scope: str | None = "any") -> bool:
    hit = df.filter((pl.col("entity") == entity) & (pl.col("attribute") == attribute)
                    & (pl.col("attribute_value") == value))
    if scope != "any":
        hit = hit.filter(pl.col("attribute_scope").eq_missing(scope))
    return hit.height > 0


SEED_WIRE_ROLES = [
    ("rayner", "Angela Rayner", "Deputy Prime Minister", None),
    ("healey", "John Healey", "Defence Secretary", "UK"),
    ("hegseth", "Pete Hegseth", "Defence Secretary", "US"),
    ("trump", "Donald Trump", "President", "US"),
    ("zelenskyy", "Volodymyr Zelenskyy", "President", "Ukraine"),
    ("putin", "Vladimir Putin", "President", "Russia"),
]


@pytest.mark.parametrize("entity,value,scope", [c[1:] for c in SEED_WIRE_ROLES],
                         ids=[c[0] for c in SEED_WIRE_ROLES])
def test_seed_wire_roles(seed_facts, entity, value, scope):
    assert _has(_attributes(seed_facts, "seed-wire.md"), entity, "role", value, scope)


SEED_WIRE_SPEAKERS = [
    ("zelenskyy-warned", "Volodymyr Zelenskyy", "russia does not appear to be preparing for peace"),
    ("healey-noted", "John Healey", "while the uk and other nato countries recognize"),
    ("hegseth-indicated", "Pete Hegseth", "the us is looking for european nations"),
]


@pytest.mark.parametrize("entity,statement", [c[1:] for c in SEED_WIRE_SPEAKERS],
                         ids=[c[0] for c in SEED_WIRE_SPEAKERS])
def test_seed_wire_speakers(seed_facts, entity, statement):
    df = _attributes(seed_facts, "seed-wire.md").filter(
        (pl.col("attribute") == "speaker") & (pl.col("entity") == entity)
        & pl.col("attribute_value").str.starts_with(statement))
    assert df.height == 1
    assert df["text"][0] in df["sentence"][0]


def test_seed_wire_broadcaster(seed_facts):
    df = _attributes(seed_facts, "seed-wire.md")
    assert _has(df, "Peston", "broadcaster", "ITV")
    assert df["fact_id"].n_unique() == df.height


PLANTED = [
    # The planted attribute disagreements (seeds/README.md) are visible as rows.
    ("foreign-secretary", "northern-courier.md", "John Healey", "role", "Foreign Secretary"),
    ("healey-credited", "continental-post.md", "John Healey", "speaker",
     "russia does not appear to be preparing for peace"),
    ("bbc-peston", "morning-brief.md", "Peston", "broadcaster", "BBC"),
    # Paraphrases name the same person the same way across the batch.
    ("mr-healey", "daily-example.md", "John Healey", "speaker",
     "the uk has already supplied more than half a million rounds of ammunition"),
    ("zelensky-spelling", "northern-courier.md", "Volodymyr Zelenskyy", "speaker",
     "russia does not appear to be preparing for peace"),
    ("president-trump", "morning-brief.md", "Donald Trump", "role", "President"),
]


@pytest.mark.parametrize("article,entity,attribute,value", [c[1:] for c in PLANTED],
                         ids=[c[0] for c in PLANTED])
def test_seed_attribute_disagreements_are_visible(seed_facts, article, entity, attribute,
                                                  value):
    assert _has(_attributes(seed_facts, article), entity, attribute, value)


def test_same_statement_has_equal_text_under_two_speakers(seed_facts):
    warned = seed_facts.filter(
        (pl.col("attribute") == "speaker")
        & (pl.col("attribute_value") == "russia does not appear to be preparing for peace"))
    assert sorted(set(warned["entity"].to_list())) == ["John Healey", "Volodymyr Zelenskyy"]


# --- batch canonicalization ---

NAME_CASES = [
    ("surname-joins-full-name", {"John Healey": 3, "Healey": 2}, {"Healey": "John Healey"}),
    ("honorific-dropped", {"John Healey": 1, "Mr Healey": 1}, {"Mr Healey": "John Healey"}),
    ("spelling-variant-most-frequent",
     {"Volodymyr Zelenskyy": 3, "Volodymyr Zelensky": 1, "Zelensky": 1},
     {"Volodymyr Zelensky": "Volodymyr Zelenskyy", "Zelensky": "Volodymyr Zelenskyy"}),
    ("shared-surname-left-alone", {"Ed Miliband": 1, "David Miliband": 1, "Miliband": 1}, {}),
    ("different-people-kept", {"Donald Trump": 1, "Donald Tusk": 1, "Keir Starmer": 1}, {}),
    ("one-word-variants", {"Zelensky": 1, "Zelenskyy": 2}, {"Zelensky": "Zelenskyy"}),
    ("name-with-particles", {"Ursula von der Leyen": 2, "Von der Leyen": 3},
     {"Von der Leyen": "Ursula von der Leyen"}),
    ("given-name-before-a-near-surname", {"Herbert Voss": 2, "Mark Hebert": 1, "Herbert": 1},
     {"Herbert": "Herbert Voss"}),
    ("given-name-of-two-people-left-alone", {"Anna Roe": 1, "Anna Lind": 1, "Anna": 1}, {}),
]


@pytest.mark.parametrize("counts,expected", [c[1:] for c in NAME_CASES],
                         ids=[c[0] for c in NAME_CASES])
def test_name_map(rules, counts, expected):
    assert name_map(counts, rules) == expected


def test_canonicalize_rewrites_entity_and_entities(rules):
    facts = pl.DataFrame({
        "entity": ["Healey", "John Healey", None, "Zelensky", "Volodymyr Zelenskyy"],
        "entities": [["Healey", "UK"], ["John Healey"], [], ["Zelensky"], ["Russia"]],
    })
    out = canonicalize(facts, rules)
    assert out["entity"].to_list() == ["John Healey", "John Healey", None,
                                       "Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]
    assert out["entities"].to_list()[0] == ["John Healey", "UK"]
    assert canonicalize(facts, rules).equals(out)  # deterministic


def test_bad_titles_section_names_file_and_line(tmp_path):
    bad = tmp_path / "titles.yaml"
    bad.write_text("titles:\n  Defence Secretary:\n    alias: [defence secretary]\n")
    with pytest.raises(FactcheckError, match=r"titles\.yaml:3: .*alias.*unknown key"):
        load_rules([bad], defaults=False)


BATCH_CASES = [
    # The second article alone gives only a surname the model may tag as an organisation
    # or a place; the batch knows the person.
    ("surname-only-article", "Defence Secretary John Healey met allies in Brussels.",
     "Healey warned that Russia was not preparing for peace.", "John Healey"),
    ("spelling-variant-article", "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv.",
     "Zelensky warned that Russia was not preparing for peace.", "Volodymyr Zelenskyy"),
]


@pytest.mark.parametrize("first,second,expected", [c[1:] for c in BATCH_CASES],
                         ids=[c[0] for c in BATCH_CASES])
def test_batch_names_one_person(rules, first, second, expected):
    from factcheck.run.pipeline import extract_articles

    articles = [Article(id=f"a{i}.txt", path=f"a{i}.txt", source=f"s{i}", title="",
                        published=None, url="", story=None, text=text)
                for i, text in enumerate((first, second))]
    facts = extract_articles(articles, rules)
    said = facts.filter((pl.col("article") == "a1.txt") & (pl.col("attribute") == "speaker"))
    assert said["entity"].to_list() == [expected]
