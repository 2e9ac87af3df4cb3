"""Extraction with the real spaCy model: the bundled article against its gold annotation, the CLI's
JSON contract, provenance offsets, one parse per paragraph, the date normaliser, and articles of
other eras and countries written for these tests (tests/data/articles/*.txt).

Every article is parsed once per test process (see quizgen_runs.py).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pytest
from quizgen_runs import DATA, KIROV, OWN_ARTICLES, QUIZGEN, gold, kirov_facts, own_facts, run_cli, run_parallel

from quizgen.ingest import load_article, parse_article
from quizgen.models import Entity, Facts
from quizgen.nlp import get_nlp
from quizgen.pipeline import extract

HONORIFICS = frozenset("""
archbishop baron bishop captain cardinal count dame dr duke earl emperor empress general king lady lord
major mr mrs ms pope president prince princess queen saint sir st tsar viscount
""".split())


# -- measures ------------------------------------------------------------------------------------------


def content_words(text: str) -> set[str]:
    """Lower-case words longer than three letters."""
    return {w for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) > 3}


def share(extracted: str, reference: str) -> float:
    """How many of the reference's content words the extracted text has (0..1)."""
    ref = content_words(reference)
    return len(ref & content_words(extracted)) / len(ref) if ref else 0.0


def is_phrase(part: str, sentence: str) -> bool:
    """A cause or effect is a phrase of its sentence, not the sentence again."""
    return 0 < len(part.split()) < 0.9 * len(sentence.split())


def name_key(name: str) -> str:
    """Lower case, a leading "the" dropped, titles of rank dropped: "King Richard II" -> "richard ii"."""
    words = name.lower().replace("’", "'").split()
    if words[:1] == ["the"]:
        words = words[1:]
    while len(words) > 1 and words[0].rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def names_of(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {name_key(n): e for e in entities for n in e.names}


def listing(entities: tuple[Entity, ...]) -> str:
    return "; ".join(f"{e.name} {list(e.aliases)}" for e in entities)


# -- the bundled article against its gold annotation ------------------------------------------------------

GOLD = gold()
REQUIRED_LINKS = [link for link in GOLD["causal_links"] if link["required"]]


@pytest.fixture(scope="session")
def kirov() -> Facts:
    return kirov_facts()


def gold_interval(iso: str) -> tuple[str, str]:
    """"1934-12-01" is one day; "1930/1933" runs from the first day of 1930 to the last of 1933."""
    if "/" in iso:
        first, last = iso.split("/")
        return f"{first}-01-01", f"{last}-12-31"
    return iso, iso


def gold_precision(g: dict[str, Any]) -> str:
    if "/" not in g["iso"]:
        return {3: "day", 2: "month", 1: "year"}[len(g["iso"].split("-"))]
    return "decade" if re.search(r"\d0s\b", g["text"]) else "year"


def date_named(facts: Facts, text: str):
    found = [d for d in facts.dates if d.text == text]
    assert found, f"no date {text!r}; found {[d.text for d in facts.dates]}"
    return found[0]


@pytest.mark.parametrize("g", GOLD["dates"], ids=lambda g: g["text"])
def test_gold_date_has_its_interval_and_precision(kirov: Facts, g: dict[str, Any]) -> None:
    d = date_named(kirov, g["text"])
    assert (d.start, d.end) == gold_interval(g["iso"])
    assert d.precision == gold_precision(g)


@pytest.mark.parametrize("g", GOLD["dates"], ids=lambda g: g["text"])
def test_gold_date_is_tied_to_its_event(kirov: Facts, g: dict[str, Any]) -> None:
    d = date_named(kirov, g["text"])
    overlap = share(d.event, g["event"])
    assert overlap >= 0.5, f"event {d.event!r} has {overlap:.0%} of the content words of {g['event']!r}"


@pytest.mark.parametrize("g", GOLD["people"], ids=lambda g: g["name"])
def test_gold_person_is_found_with_aliases(kirov: Facts, g: dict[str, Any]) -> None:
    people = names_of(kirov.people)
    person = people.get(name_key(g["name"]))
    assert person is not None, f"{g['name']} is not among the people: {listing(kirov.people)}"
    found = {name_key(n) for n in person.names}
    assert {name_key(a) for a in g["aliases"]} <= found, f"{g['name']} has names {person.names}"


def test_gold_not_people_are_not_people(kirov: Facts) -> None:
    wrong = sorted(set(names_of(kirov.people)) & {name_key(n) for n in GOLD["not_people"]})
    assert not wrong, f"reported as people: {wrong} ({listing(kirov.people)})"


def link_matches(link, evidence: str, effect: str) -> bool:
    sentence = link.where.sentence
    return (share(sentence, evidence) >= 0.8 and share(link.effect, effect) >= 0.4
            and is_phrase(link.cause, sentence) and is_phrase(link.effect, sentence))


def test_required_causal_links_are_found(kirov: Facts) -> None:
    assert len(REQUIRED_LINKS) == 9
    missing = [g for g in REQUIRED_LINKS if not any(link_matches(c, g["evidence"], g["effect"]) for c in kirov.causal_links)]
    report = "\n".join(
        f"- {g['cause']!r} -> {g['effect']!r} in {g['evidence']!r}; extracted there: "
        + repr([(c.cause, c.cue, c.effect) for c in kirov.causal_links if share(c.where.sentence, g["evidence"]) >= 0.8])
        for g in missing)
    assert len(missing) <= 1, f"{len(missing)} of 9 required links missing:\n{report}"


def test_gold_see_also_titles_are_present(kirov: Facts) -> None:
    titles = {s.title for s in kirov.article.see_also}
    assert set(GOLD["see_also"]) <= titles, f"missing {set(GOLD['see_also']) - titles}"


# -- the CLI: quizgen extract ------------------------------------------------------------------------------

DESIGN_KEYS = {
    "sections": {"heading", "paragraphs"},
    "see_also": {"title", "description"},
    "dates": {"text", "start", "end", "precision", "event", "sentence", "section"},
    "people": {"name", "aliases", "description", "mentions"},
    "places": {"name", "aliases", "mentions"},
    "organizations": {"name", "aliases", "mentions"},
    "causal_links": {"cause", "effect", "cue", "sentence", "section"},
}


@pytest.fixture(scope="session")
def extract_cli() -> dict[str, subprocess.CompletedProcess[str]]:
    """`quizgen extract ARTICLE --format json` twice, in processes of their own, side by side."""
    runs = run_parallel([[str(QUIZGEN), "extract", str(KIROV), "--format", "json"]] * 2)
    for run in runs:
        assert run.returncode == 0, run.stderr
    return dict(zip(("json", "json again"), runs, strict=True))


@pytest.fixture(scope="session")
def extract_json(extract_cli: dict[str, subprocess.CompletedProcess[str]]) -> dict[str, Any]:
    return json.loads(extract_cli["json"].stdout)


def test_extract_json_has_the_design_keys(extract_json: dict[str, Any]) -> None:
    assert {"title", *DESIGN_KEYS} <= set(extract_json)
    assert extract_json["title"] == "Kirov Assassination"
    for key, fields in DESIGN_KEYS.items():
        assert extract_json[key], f"no {key}"
        for item in extract_json[key]:
            assert fields <= set(item), f"{key} item lacks {fields - set(item)}: {item}"


def test_extract_json_values_follow_the_contract(extract_json: dict[str, Any]) -> None:
    """Dates carry their ISO interval; mentions are counts; aliases are lists of names."""
    for d in extract_json["dates"]:
        assert re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", str(d["start"])), d
        assert re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", str(d["end"])), d
        assert d["precision"] in ("day", "month", "year", "decade", "century")
    first = next(d for d in extract_json["dates"] if d["text"] == "December 1, 1934")
    assert (first["start"], first["end"]) == ("1934-12-01", "1934-12-01")
    for key in ("people", "places", "organizations"):
        for e in extract_json[key]:
            assert isinstance(e["mentions"], int) and isinstance(e["aliases"], list), e


def test_extract_json_is_byte_identical_across_runs(extract_cli: dict[str, subprocess.CompletedProcess[str]]) -> None:
    assert extract_cli["json"].stdout == extract_cli["json again"].stdout


def test_extract_table_is_readable() -> None:
    code, out, err = run_cli("extract", KIROV, "--format", "table")
    assert code == 0, err
    assert "Kirov Assassination" in out
    assert "Dates" in out and "December 1, 1934" in out
    assert "Sergei Kirov" in out
    assert not out.lstrip().startswith("{")


# -- provenance: every fact points at its own words ---------------------------------------------------


def test_date_offsets_point_at_the_date_text(kirov: Facts) -> None:
    text = kirov.article.text
    wrong = [(d.text, text[d.where.start:d.where.end]) for d in kirov.dates if text[d.where.start:d.where.end] != d.text]
    assert not wrong


@pytest.mark.parametrize("kind", ["people", "places", "organizations"])
def test_mention_offsets_point_at_a_name(kirov: Facts, kind: str) -> None:
    text = kirov.article.text
    entities = getattr(kirov, kind)
    wrong = [(e.name, text[m.start:m.end]) for e in entities for m in e.mentions if text[m.start:m.end] not in e.names]
    assert not wrong
    assert sum(len(e.mentions) for e in entities) > 0


def all_provenance(facts: Facts):
    yield from ((f"date {d.text}", d.where) for d in facts.dates)
    yield from ((f"{e.kind} {e.name}", m) for e in facts.entities() for m in e.mentions)
    yield from ((f"link {c.cue}", c.where) for c in facts.causal_links)


def test_every_fact_sentence_stands_where_it_says(kirov: Facts) -> None:
    text = kirov.article.text
    wrong = []
    for what, w in all_provenance(kirov):
        at = text[w.sentence_start:w.sentence_start + len(w.sentence)]
        if not w.sentence or w.sentence not in text or at != w.sentence or not w.sentence_start <= w.start <= w.end:
            wrong.append((what, w.sentence, at))
    assert not wrong


def test_every_paragraph_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """One run of the extractor parses each paragraph and each see-also entry once, nothing per fact."""
    article = load_article(KIROV)
    nlp = get_nlp()
    parsed: list[str] = []
    pipe, call = nlp.pipe, type(nlp).__call__

    def counting_pipe(texts, *args, **kwargs):
        for doc in pipe(texts, *args, **kwargs):
            parsed.append(doc.text)
            yield doc

    def counting_call(self, text, *args, **kwargs):
        if self is nlp:
            parsed.append(str(text))
        return call(self, text, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    monkeypatch.setattr(type(nlp), "__call__", counting_call)
    facts = extract(article)
    assert facts.dates and facts.people and facts.causal_links
    assert len(parsed) == len(article.blocks) + len(article.see_also)
    counts = Counter(parsed)
    assert all(counts[b.paragraph] == 1 for b in article.blocks)


# -- the date normaliser, through the real pipeline ---------------------------------------------------------

DATE_CASES = [
    # sentence, date text, start, end, precision
    ("On 1 December 1934 the council met in the old hall.", "1 December 1934", "1934-12-01", "1934-12-01", "day"),
    ("The treaty was signed on December 1, 1934, in the capital.", "December 1, 1934", "1934-12-01", "1934-12-01", "day"),
    ("The strike began in March 1917.", "March 1917", "1917-03-01", "1917-03-31", "month"),
    ("The plot was discovered in 1605.", "1605", "1605-01-01", "1605-12-31", "year"),
    ("The famine lasted from 1937 to 1938.", "1937 to 1938", "1937-01-01", "1938-12-31", "year"),
    ("The war of 1914–18 changed the map of the region.", "1914–18", "1914-01-01", "1918-12-31", "year"),
    ("Prices rose sharply in the 1930s.", "the 1930s", "1930-01-01", "1939-12-31", "decade"),
    ("The mill closed in the early 1930s.", "the early 1930s", "1930-01-01", "1933-12-31", "decade"),
    ("Unrest spread during the mid-1930s.", "the mid-1930s", "1934-01-01", "1936-12-31", "decade"),
    ("Emigration peaked in the late 1930s.", "the late 1930s", "1937-01-01", "1939-12-31", "decade"),
    ("Railways reached the valley in the late 19th century.", "the late 19th century", "1867-01-01", "1899-12-31",
     "century"),
    # astronomical year numbering (ISO 8601): 1 BC is year 0, so 500 BC is -0499
    ("The temple was built in the 5th century BC.", "the 5th century BC", "-0499-01-01", "-0400-12-31", "century"),
    ("Caesar was killed in 44 BC.", "44 BC", "-0043-01-01", "-0043-12-31", "year"),
    # a three-figure year after a word that takes only a time
    ("A succession crisis in 812 led to a civil war.", "812", "0812-01-01", "0812-12-31", "year"),
    ("It was not until 915 that the emir took the city.", "915", "0915-01-01", "0915-12-31", "year"),
]
NOT_DATES = [
    "Over the next several years the town grew.",
    "Two decades later the mill reopened.",
    "That spring the river flooded the lower town.",
    "The cellar held 36 barrels of powder.",
    "The statue stands 152 cm tall.",
    "The garrison grew by 300 over the winter.",
    "A force of 645 marched north.",
    "The fleet was lost in 300 to 400 fathoms of water.",
]


@pytest.fixture(scope="session")
def date_article() -> Facts:
    """One sentence per paragraph, parsed in one go."""
    text = "Date forms\n\n" + "\n\n".join([c[0] for c in DATE_CASES] + NOT_DATES) + "\n"
    return extract(parse_article(text, input_format="text"))


def dates_in(facts: Facts, sentence: str) -> list:
    return [d for d in facts.dates if d.where.sentence == sentence]


@pytest.mark.parametrize("sentence,text,start,end,precision", DATE_CASES, ids=[c[1] for c in DATE_CASES])
def test_date_normaliser(date_article: Facts, sentence: str, text: str, start: str, end: str, precision: str) -> None:
    found = dates_in(date_article, sentence)
    assert len(found) == 1, f"{[d.text for d in found]} in {sentence!r}"
    d = found[0]
    assert d.text.removeprefix("from ") == text
    assert (d.start, d.end, d.precision) == (start, end, precision)


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_relative_phrases_and_measures_are_not_dates(date_article: Facts, sentence: str) -> None:
    assert [d.text for d in dates_in(date_article, sentence)] == []


def test_date_sentences_are_their_own_paragraphs(date_article: Facts) -> None:
    assert len(date_article.article.blocks) == len(DATE_CASES) + len(NOT_DATES)


# -- articles of other eras and countries ------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    people: list[tuple[str, tuple[str, ...]]]  # name (titles of rank dropped), aliases
    not_people: list[str]  # events, section headings, places, bodies
    places: list[str]
    organizations: list[str]
    not_places: list[str]
    dates: list[tuple[str, str, str, str]]  # text, start, end, precision
    not_dates: list[str]
    links: list[tuple[str, str, str]]  # words of the sentence, cause, effect


EXPECT: dict[str, Expect] = {
    "peasants-revolt": Expect(
        people=[("John Ball", ()), ("Robert Hales", ("Hales",)), ("Simon Sudbury", ()), ("Richard II", ()),
                ("William Walworth", ()), ("John of Gaunt", ())],
        not_people=["Peasants' Revolt", "Peasants", "Black Death", "Causes", "The rising in London", "Aftermath",
                    "London", "Essex", "Kent", "England", "Brentwood", "Fobbing", "Smithfield", "Mile End",
                    "Tower Hill", "Tower of London", "Savoy Palace", "Knights Hospitaller", "Parliament"],
        places=["England", "Essex", "Kent", "London", "Savoy Palace", "Tower of London", "Tower Hill", "Mile End",
                "Smithfield", "Brentwood", "Fobbing"],
        organizations=["Knights Hospitaller", "Parliament"],
        not_places=["Wat Tyler", "Hales", "Walworth"],
        dates=[("30 May 1381", "1381-05-30", "1381-05-30", "day"), ("13 June 1381", "1381-06-13", "1381-06-13", "day"),
               ("15 June 1381", "1381-06-15", "1381-06-15", "day"),
               ("the late 1340s", "1347-01-01", "1349-12-31", "decade")],
        not_dates=["next day", "fourteen", "generations"],
        links=[("third poll tax triggered open resistance", "The third poll tax", "open resistance"),
               ("because it fell hardest on the poor", "the third poll tax fell hardest on the poor",
                "The third poll tax triggered open resistance"),
               ("led to a long pause", "The failure of the poll tax", "a long pause in such taxes")],
    ),
    "bengal": Expect(
        people=[("Gilbert Elliot", ()), ("Bampfylde Fuller", ()), ("Rabindranath Tagore", ()), ("Curzon", ())],
        not_people=["Partition of Bengal", "Eastern Bengal and Assam", "British India", "India", "Calcutta", "Dacca",
                    "Delhi", "Benares", "Town Hall", "Delhi Durbar", "Swadeshi", "Indian National Congress",
                    "All-India Muslim League", "Background", "Protest", "Reversal", "Viceroy", "Bengal"],
        places=["Dacca", "Delhi", "Benares", "Bengal", "Calcutta"],
        organizations=["All-India Muslim League"],
        not_places=["Gilbert Elliot", "Bampfylde Fuller", "Rabindranath Tagore"],
        dates=[("July 1905", "1905-07-01", "1905-07-31", "month"), ("16 October 1905", "1905-10-16", "1905-10-16", "day"),
               ("7 August 1905", "1905-08-07", "1905-08-07", "day"), ("November 1905", "1905-11-01", "1905-11-30", "month"),
               ("December 1905", "1905-12-01", "1905-12-31", "month"), ("1906", "1906-01-01", "1906-12-31", "year"),
               ("1911", "1911-01-01", "1911-12-31", "year")],
        not_dates=["78 million"],
        links=[("triggered the Swadeshi movement", "The announcement", "the Swadeshi movement"),
               ("The protests led to the reversal", "The protests", "the reversal of the partition"),
               ("As a result of the Durbar decisions", "the Durbar decisions",
                "the capital of British India moved from Calcutta to Delhi"),
               ("In the wake of the partition", "the partition",
                "Muslim leaders founded the All-India Muslim League at Dacca")],
    ),
    "ionian-revolt": Expect(
        people=[("Aristagoras", ())],
        not_people=["Ionian Revolt", "Greco-Persian Wars", "Ionian League", "Panionium", "Miletus", "Naxos", "Sparta", "Sardis",
                    "Athens", "Eretria", "Lade", "Cyprus", "Hellespont", "Persia", "Asia Minor", "Greece", "Marathon",
                    "Origins", "The war", "Consequences"],
        places=["Asia Minor", "Naxos", "Sparta", "Athens", "Eretria", "Cyprus", "Hellespont", "Lade", "Greece", "Sardis"],
        organizations=["Ionian League"],
        not_places=["Aristagoras", "Artaphernes"],
        dates=[("the early 5th century BC", "-0499-01-01", "-0466-12-31", "century"),
               ("499 BC to 493 BC", "-0498-01-01", "-0492-12-31", "year"),
               ("499 BC", "-0498-01-01", "-0498-12-31", "year"), ("498 BC", "-0497-01-01", "-0497-12-31", "year"),
               ("494 BC", "-0493-01-01", "-0493-12-31", "year"), ("493 BC", "-0492-01-01", "-0492-12-31", "year"),
               ("490 BC", "-0489-01-01", "-0489-12-31", "year")],
        not_dates=["four months", "later that year"],
        links=[("His fear prompted a revolt", "Aristagoras's fear", "a revolt of the Ionian cities"),
               ("his decision led to the Persian invasion", "Darius's decision", "the Persian invasion of Greece")],
    ),
    "tupac-amaru": Expect(
        people=[("José Gabriel Condorcanqui", ()), ("Antonio de Arriaga", ("Arriaga",)), ("Micaela Bastidas", ()),
                ("José Antonio de Areche", ()), ("Diego Cristóbal Túpac Amaru", ())],
        not_people=["Rebellion of Túpac Amaru II", "Viceroyalty of Peru", "Peru", "Cuzco", "Andes", "Tungasuca",
                    "Sangarará", "Indigenous", "Spanish Crown", "Crown", "Audiencia of Cuzco", "Causes", "The uprising",
                    "Aftermath"],
        places=["Peru", "Andes", "Cuzco"],
        organizations=[],
        not_places=["Antonio de Arriaga", "Micaela Bastidas"],
        dates=[("November 1780", "1780-11-01", "1780-11-30", "month"), ("the 1770s", "1770-01-01", "1779-12-31", "decade"),
               ("4 November 1780", "1780-11-04", "1780-11-04", "day"), ("January 1781", "1781-01-01", "1781-01-31", "month"),
               ("April 1781", "1781-04-01", "1781-04-30", "month"), ("18 May 1781", "1781-05-18", "1781-05-18", "day"),
               ("1782", "1782-01-01", "1782-12-31", "year")],
        not_dates=["six days later", "later that month"],
        links=[("sparked a wider rising", "The execution of Arriaga", "a wider rising"),
               ("As a result of the rebellion", "the rebellion",
                "the Crown abolished the reparto and later created the Audiencia of Cuzco")],
    ),
    "meiji": Expect(  # names in Japanese order, family name first
        people=[("Saigō Takamori", ()), ("Kido Takayoshi", ()), ("Tokugawa Yoshinobu", ()), ("Matthew Perry", ())],
        not_people=["Meiji Restoration", "Iwakura Mission", "Boshin War", "Edo Bay", "Satsuma", "Hakodate", "Japan",
                    "United States Navy", "Background", "Fall of the shogunate", "Reforms"],
        places=["Japan", "Edo Bay", "Satsuma", "Hakodate"],
        organizations=["United States Navy"],
        not_places=["Saigō Takamori", "Tokugawa Yoshinobu"],
        dates=[("July 1853", "1853-07-01", "1853-07-31", "month"), ("March 1854", "1854-03-01", "1854-03-31", "month"),
               ("the 1860s", "1860-01-01", "1869-12-31", "decade"), ("9 November 1867", "1867-11-09", "1867-11-09", "day"),
               ("January 1868", "1868-01-01", "1868-01-31", "month"), ("June 1869", "1869-06-01", "1869-06-30", "month"),
               ("1871", "1871-01-01", "1871-12-31", "year"), ("1877", "1877-01-01", "1877-12-31", "year")],
        not_dates=["four warships", "two ports"],
        links=[("led to enormous changes", "The Meiji Restoration", "enormous changes in Japan's political and social structure"),
               ("triggered the Satsuma Rebellion", "Resentment over these reforms", "the Satsuma Rebellion of 1877")],
    ),
    "suez": Expect(
        people=[("Gamal Abdel Nasser", ("Nasser",)), ("Anthony Eden", ("Eden",)), ("Benito Mussolini", ("Mussolini",))],
        not_people=["Suez Crisis", "Suez Canal", "Suez Canal Company", "Egypt", "Israel", "Britain", "France",
                    "Sinai Peninsula", "Port Said", "Persian Gulf", "Aswan High Dam", "United Nations Emergency Force",
                    "Tripartite Aggression", "Hungarian Revolution of 1956", "Background", "The invasion", "Aftermath"],
        places=["Egypt", "Israel", "Britain", "France", "Sinai Peninsula", "Port Said", "Persian Gulf"],
        organizations=["Suez Canal Company", "United Nations Emergency Force"],
        not_places=["Eden", "Anthony Eden", "Nasser"],
        dates=[("1869", "1869-01-01", "1869-12-31", "year"), ("July 1956", "1956-07-01", "1956-07-31", "month"),
               ("26 July 1956", "1956-07-26", "1956-07-26", "day"), ("29 October 1956", "1956-10-29", "1956-10-29", "day"),
               ("31 October", "1956-10-31", "1956-10-31", "day"), ("5–6 November 1956", "1956-11-05", "1956-11-06", "day"),
               ("6 November 1956", "1956-11-06", "1956-11-06", "day"), ("January 1957", "1957-01-01", "1957-01-31", "month")],
        not_dates=["the next day"],
        links=[("contributed to Eden's resignation", "The humiliation of the crisis", "Eden's resignation in January 1957")],
    ),
    # An Lushan himself is missed: the model reads his family name "An" as an article
    "an-lushan": Expect(
        people=[("Shi Siming", ()), ("Yang Guozhong", ()), ("Yang Guifei", ()), ("Xuanzong", ())],
        not_people=["An Lushan Rebellion", "Tang dynasty", "China", "Luoyang", "Sichuan", "Chang'an", "Causes",
                    "The war", "Consequences"],
        places=["China", "Luoyang", "Sichuan"],
        organizations=[],
        not_places=["Yang Guozhong", "Shi Siming"],
        dates=[("755 to 763", "0755-01-01", "0763-12-31", "year"), ("the early 750s", "0750-01-01", "0753-12-31", "decade"),
               ("July 756", "0756-07-01", "0756-07-31", "month"), ("January 757", "0757-01-01", "0757-01-31", "month")],
        not_dates=["150,000"],
        links=[("caused a great loss of life", "The rebellion", "a great loss of life")],
    ),
    # the model calls "Saigō Takamori" an organization and leaves "Saigō" alone unlabelled
    "satsuma": Expect(
        people=[("Saigō Takamori", ("Saigō",))],
        not_people=["Satsuma Rebellion", "Japan", "Korea", "Kagoshima", "Battle of Shiroyama", "Meiji", "Kumamoto Castle",
                    "Background", "The revolt"],
        places=["Japan", "Korea", "Kagoshima", "Kumamoto Castle"],
        organizations=[],
        not_places=["Saigō Takamori"],
        dates=[("1873", "1873-01-01", "1873-12-31", "year"), ("1876", "1876-01-01", "1876-12-31", "year"),
               ("January 1877", "1877-01-01", "1877-01-31", "month"), ("February 1877", "1877-02-01", "1877-02-28", "month"),
               ("24 September 1877", "1877-09-24", "1877-09-24", "day")],
        not_dates=["fifty days", "the summer"],
        links=[("betrayed to the government by an informer", "an informer",
                "The rebels' preparations were betrayed to the government in January 1877")],
    ),
    "magna-carta": Expect(
        people=[("John", ()), ("Stephen Langton", ("Langton",)), ("Innocent III", ()), ("Henry III", ())],
        not_people=["Magna Carta", "Charter of the Forest", "England", "Runnymede", "Windsor", "France", "Normandy",
                    "London", "First Barons' War", "Background", "Aftermath"],
        places=["England", "Windsor", "France", "London"],
        organizations=[],
        not_places=["Stephen Langton", "John"],
        dates=[("15 June 1215", "1215-06-15", "1215-06-15", "day"), ("1204", "1204-01-01", "1204-12-31", "year"),
               ("1208", "1208-01-01", "1208-12-31", "year"), ("May 1215", "1215-05-01", "1215-05-31", "month"),
               ("August 1215", "1215-08-01", "1215-08-31", "month"), ("October 1216", "1216-10-01", "1216-10-31", "month")],
        not_dates=["six years"],
        links=[("led to an interdict", "John's quarrel with Pope Innocent III", "an interdict on England"),
               ("which triggered the First Barons' War", "Pope Innocent III annulled the charter in August 1215",
                "the First Barons' War")],
    ),
}


def cases(attr: str) -> list:
    return [pytest.param(key, item, id=f"{key}:{item[0] if isinstance(item, tuple) else item}")
            for key, exp in EXPECT.items() for item in getattr(exp, attr)]


@pytest.fixture(scope="session")
def own() -> dict[str, Facts]:
    return own_facts()


def test_own_articles_are_the_expected_ones(own: dict[str, Facts]) -> None:
    assert set(own) == set(EXPECT) == set(OWN_ARTICLES)
    for facts in own.values():
        words = sum(len(b.paragraph.split()) for b in facts.article.blocks)
        assert 150 <= words <= 300, (facts.article.title, words)


@pytest.mark.parametrize("key,person", cases("people"))
def test_own_article_person(own: dict[str, Facts], key: str, person: tuple[str, tuple[str, ...]]) -> None:
    facts = own[key]
    name, aliases = person
    found = names_of(facts.people).get(name_key(name))
    assert found is not None, f"{name} is not among the people: {listing(facts.people)}"
    assert {name_key(a) for a in aliases} <= {name_key(n) for n in found.names}, found.names


@pytest.mark.parametrize("key,name", cases("not_people"))
def test_own_article_not_a_person(own: dict[str, Facts], key: str, name: str) -> None:
    facts = own[key]
    person = names_of(facts.people).get(name_key(name))
    assert person is None, f"{name!r} reported as a person: {person}"


@pytest.mark.parametrize("key,name", cases("places"))
def test_own_article_place(own: dict[str, Facts], key: str, name: str) -> None:
    facts = own[key]
    assert name_key(name) in names_of(facts.places), f"{name} is not among the places: {listing(facts.places)}"


@pytest.mark.parametrize("key,name", cases("not_places"))
def test_own_article_not_a_place(own: dict[str, Facts], key: str, name: str) -> None:
    facts = own[key]
    assert name_key(name) not in names_of(facts.places), f"{name} reported as a place"


@pytest.mark.parametrize("key,name", cases("organizations"))
def test_own_article_organization(own: dict[str, Facts], key: str, name: str) -> None:
    facts = own[key]
    assert name_key(name) in names_of(facts.organizations), \
        f"{name} is not among the organizations: {listing(facts.organizations)}"


@pytest.mark.parametrize("key,date", cases("dates"))
def test_own_article_date(own: dict[str, Facts], key: str, date: tuple[str, str, str, str]) -> None:
    facts = own[key]
    text, start, end, precision = date
    found = [(d.start, d.end, d.precision) for d in facts.dates if d.text.removeprefix("from ") == text]
    assert found, f"no date {text!r}; found {[d.text for d in facts.dates]}"
    assert (start, end, precision) in found


@pytest.mark.parametrize("key,phrase", cases("not_dates"))
def test_own_article_relative_phrase_is_no_date(own: dict[str, Facts], key: str, phrase: str) -> None:
    facts = own[key]
    assert phrase in facts.article.text
    assert not [d.text for d in facts.dates if phrase in d.text or d.text in phrase]


DANGLING = {"and", "or", "but", "of", "to", "by", "the", "a", "an", "with", "for", "in", "on", "at"}


def outside_names(part: str, sentence: str, allowed: str) -> list[str]:
    """Capitalised words of a cause or effect that its sentence does not have (a pronoun resolved to
    someone) and the expected phrase does not have either: resolved to the wrong person."""
    names = [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[^\W\d_][\w'’]*", part) if w[0].isupper()]
    return [n for n in names if n not in sentence and n not in allowed]


def link_problems(facts: Facts, fragment: str, cause: str, effect: str) -> list[str]:
    candidates = [c for c in facts.causal_links if fragment in c.where.sentence]
    if not candidates:
        return [f"no link in the sentence with {fragment!r}"]
    best: list[str] = []
    for c in candidates:
        s = c.where.sentence
        problems = []
        if share(c.cause, cause) < 0.4 or share(c.effect, effect) < 0.4:
            problems.append("cause or effect is not the expected one")
        if not (is_phrase(c.cause, s) and is_phrase(c.effect, s)):
            problems.append("cause or effect is the whole sentence")
        if any(p.rstrip().endswith(",") or p.split()[-1].lower() in DANGLING for p in (c.cause, c.effect)):
            problems.append("a phrase ends in mid-air")
        wrong = outside_names(c.cause, s, cause + " " + facts.event) + outside_names(c.effect, s, effect + " " + facts.event)
        if wrong:
            problems.append(f"names {wrong} brought in from outside the sentence")
        if not problems:
            return []
        best.append(f"{c.cause!r} --{c.cue}--> {c.effect!r}: {', '.join(problems)}")
    return best


@pytest.mark.parametrize("key,link", cases("links"))
def test_own_article_causal_link(own: dict[str, Facts], key: str, link: tuple[str, str, str]) -> None:
    fragment, cause, effect = link
    problems = link_problems(own[key], fragment, cause, effect)
    assert not problems, f"expected {cause!r} -> {effect!r}; extracted:\n" + "\n".join(problems)


def test_a_sentence_opening_it_after_the_event_means_the_event(own: dict[str, Facts]) -> None:
    """"The Meiji Restoration was ... It ended ... and led to ...": the cause is named, not "It"."""
    link = next(c for c in own["meiji"].causal_links if "led to enormous changes" in c.where.sentence)
    assert link.cause == "The Meiji Restoration"


def test_the_cue_is_the_articles_words(own: dict[str, Facts]) -> None:
    link = next(c for c in own["meiji"].causal_links if c.where.sentence.startswith("As a result"))
    assert link.verb == "as a result"


def test_a_date_on_an_infinitive_belongs_to_the_verb_it_completes(own: dict[str, Facts]) -> None:
    """"The arrival of his fleet forced the shogunate to sign the Convention in March 1854": the event is
    the forcing, with its object, not "The arrival of his fleet to sign ..."."""
    event = next(d.event for d in own["meiji"].dates if d.text == "March 1854")
    assert "forced the shogunate to sign the Convention of Kanagawa" in event


def test_a_subjects_own_possessive_stays_a_pronoun(own: dict[str, Facts]) -> None:
    """"Tokugawa Yoshinobu ... resigned his powers", not "resigned Yoshinobu's powers"."""
    event = next(d.event for d in own["meiji"].dates if d.text == "9 November 1867")
    assert "resigned his powers" in event and "Yoshinobu's" not in event


def test_a_surname_the_model_took_for_a_place_stays_the_persons(own: dict[str, Facts]) -> None:
    """"the British government of Anthony Eden" ... "Eden's resignation": one person, not a place Eden."""
    eden = next(p for p in own["suez"].people if p.name == "Anthony Eden")
    assert "Eden" in eden.aliases and len(eden.mentions) >= 3
    assert eden.description == "the British prime minister"  # not "..., compared Nasser to ..."


def test_a_title_before_a_name_describes_the_person(own: dict[str, Facts]) -> None:
    nasser = next(p for p in own["suez"].people if p.name == "Gamal Abdel Nasser")
    assert nasser.description == "the Egyptian president"


def test_a_date_on_a_noun_leaves_the_verb_its_object(own: dict[str, Facts]) -> None:
    """"contributed to Eden's resignation in January 1957": the event keeps "to Eden's resignation"; an
    opener such as "In response," is not part of an event."""
    events = {d.text: d.event for d in own["suez"].dates}
    assert events["January 1957"] == "The humiliation of the Suez Crisis contributed to Eden's resignation"
    assert events["26 July 1956"] == "Nasser nationalised the canal company"


def test_in_response_links_to_the_sentence_before(own: dict[str, Facts]) -> None:
    link = next(c for c in own["suez"].causal_links if c.where.sentence.startswith("In response"))
    assert link.cause.startswith("the United States and Britain withdrew their offer")
    assert link.effect.startswith("Nasser nationalised the canal company")


def test_a_pronoun_is_not_given_to_someone_it_may_not_mean(own: dict[str, Facts]) -> None:
    """"An Lushan commanded ... His rivalry with Yang Guozhong", "An Lushan was murdered by his own son":
    the owner is a name the article does not know as a person, so "his" stays; nor does "his forces", at
    the start of a paragraph, go to someone named paragraphs before."""
    facts = own["an-lushan"]
    texts = [d.event for d in facts.dates] + [c.cause for c in facts.causal_links] + [c.effect for c in facts.causal_links]
    for wrong in ("Xuanzong's rivalry", "Guozhong's forces", "Guifei's own son", "Xuanzong's forces"):
        assert not [t for t in texts if wrong in t], wrong


def test_led_by_someone_is_no_cause(own: dict[str, Facts]) -> None:
    assert not [c for c in own["an-lushan"].causal_links if "led by" in c.cue]


def test_the_subject_after_an_opening_phrase_is_no_description(own: dict[str, Facts]) -> None:
    """"During the reign of Emperor Xuanzong, frontier generals gained ...": no "frontier generals" for him."""
    emperor = next(p for p in own["an-lushan"].people if "Xuanzong" in p.name)
    assert "generals" not in emperor.description


def test_a_document_is_no_person(own: dict[str, Facts]) -> None:
    """"Magna Carta is a royal charter ...": whatever the model says, and its date's event is the statement."""
    facts = own["magna-carta"]
    assert "Magna Carta" not in {p.name for p in facts.people}
    event = next(d.event for d in facts.dates if d.text == "15 June 1215")
    assert event.startswith("Magna Carta is a royal charter of rights agreed to by King John")


def test_a_name_opening_a_clause_is_a_mention_and_owns_the_next_his(own: dict[str, Facts]) -> None:
    """"After John died in October 1216, the regency government of his son Henry III ...": "After" is
    capitalised only because it opens the sentence; "his" is John's."""
    henry = next(p for p in own["magna-carta"].people if p.name == "Henry III")
    assert henry.description == "John's son"


def test_own_article_offsets(own: dict[str, Facts]) -> None:
    for facts in own.values():
        text = facts.article.text
        assert all(text[d.where.start:d.where.end] == d.text for d in facts.dates)
        assert all(text[m.start:m.end] in e.names for e in facts.entities() for m in e.mentions)
        assert all(w.sentence in text for _, w in all_provenance(facts))



@pytest.mark.parametrize("key", sorted(EXPECT))
def test_own_article_names_are_whole_names(own: dict[str, Facts], key: str) -> None:
    """No name is a piece of a name or of a date: a lone regnal number, an era, a trailing "of"."""
    facts = own[key]
    for entity in facts.entities():
        for name in entity.names:
            words = name.split()
            assert not all(w in ("I", "II", "III", "IV", "V", "VI", "BC", "AD") for w in words), (entity.kind, name)
            assert words[0] not in ("BC", "AD") and words[-1].lower() not in ("of", "the", "and"), (entity.kind, name)


def test_an_office_and_its_holder_taken_for_one_organization_are_split() -> None:
    """Where the model runs "Chief of Austrian Military Intelligence Max Ronge" into one organization,
    the body and the holder's name come apart; a body whose name ends in its own noun stays whole."""
    from spacy.tokens import Span

    from quizgen.extract.entities import split_office_holders

    doc = get_nlp()("The order came from Chief of Austrian Military Intelligence Max Ronge in Vienna.")
    words = [t.text for t in doc]
    start, end = words.index("Austrian"), words.index("Ronge") + 1
    lumped = Span(doc, start, end, label="ORG")
    assert [(s.text, s.label_) for s in split_office_holders([lumped])] == [
        ("Austrian Military Intelligence", "ORG"), ("Max Ronge", "PERSON")]
    doc = get_nlp()("He was appointed Head of Imperial War Ministry.")
    words = [t.text for t in doc]
    body = Span(doc, words.index("Imperial"), words.index("Ministry") + 1, label="ORG")
    assert [s.text for s in split_office_holders([body])] == ["Imperial War Ministry"]


# -- people: names the model mislabels or misses, and names that are no one ----------------------------
# Short articles written for these tests, each in other naming habits: titles with one name, regnal
# numbers, particles, initials, family names first, historians cited by name, and peoples, dynasties,
# ships, documents and glosses in other languages that are no person.

PEOPLE_ARTICLES = {
    "salt-farmers": """Revolt of the Salt Farmers

The Revolt of the Salt Farmers was an uprising in the sultanate of Karvan in 1712. It began when Sultan Murad raised the salt tax for the third time. The rebels were led by Father Anselm, a Franciscan friar, and by Yusuf ibn Tashfin al-Qadiri, a merchant of the coastal towns.

Mehmed II, the son of the sultan, crushed the revolt with the help of the Dutch admiral Willem van der Straaten. The chronicler al-Jabarti described the executions that followed, and Ulysses T. Mabry, an American consul, wrote that the town of Harsa burned for three days. Harsa lies in present-day Oman. Murad died in 1719, and his grandson Selim the Younger abolished the tax in 1730.
""",
    "dunmore": """Siege of Dunmore

The Siege of Dunmore took place in 1643 during the English Civil War. Colonel Edmund Ashby held the castle for the king against a parliamentary army under Sir Richard Fenwick. Ashby had fewer than four hundred men.

Fenwick's guns breached the west wall in May, and Ashby surrendered after eleven weeks. The wounded were carried to Kelling, in present-day Norfolk. The historian Margaret Hale argues that Fenwick spared the garrison because Ashby's brother Thomas served in his regiment. Hale also notes that the siege cost Dunmore its church.
""",
    "quanzhou": """Raid on Quanzhou

The Raid on Quanzhou was an attack by Dutch ships on the Chinese port of Quanzhou in 1622, under the Ming dynasty. The Dutch commander Cornelis Reyersen sailed from Batavia with the ship Zierikzee and seven others. The Portuguese at Macau had refused him a trading post, and the Edict of Haijin forbade private trade with foreigners.

Reyersen burned the junks in the harbour. The Hokkien merchants, led by Li Dan, later paid the Dutch to leave. The Tianqi Emperor ordered the governor of Fujian, Nan Juyi, to drive them out, and in 1624 the Dutch withdrew to Taiwan.
""",
    "kirina": """Battle of Kirina

The Battle of Kirina (Mandinka: Kirina Kele) was fought around 1235 between the Sosso king Soumaoro Kanté and Sundiata Keita, the founder of the Mali Empire. It took place near the village of Kirina, on the Niger.

Sundiata had lived in exile at Mema. His griot Balla Fasséké carried word of the Sosso raids to him, and the Mandinka clans chose him as their leader. Soumaoro fled after the battle and was never seen again. According to Delafosse, the victory made Sundiata master of the upper Niger, and the Keita clan ruled Mali for two centuries.
""",
    "harlow": """Panic of Harlow

The Panic of Harlow was a collapse of the grain market in Harlow in 1841. The speculators J. R. Whitcombe and Amos Trell Jr. bought most of the harvest, and van Oosten, their Dutch agent, hid the stores in Rotterdam. Whitcombe's account of the affair blames the mayor. The Act of Relief, passed in 1842, ended the panic. The economist Harriet Lowe argues that Trell caused the crash; Pemberton contends that the weather did.
""",
}

# name as the article writes it in full, and other names it must have
PEOPLE_EXPECTED: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "salt-farmers": [("Sultan Murad", ("Murad",)), ("Father Anselm", ()), ("Yusuf ibn Tashfin al-Qadiri", ()),
                     ("Mehmed II", ()), ("Willem van der Straaten", ()), ("al-Jabarti", ()), ("Ulysses T. Mabry", ()),
                     ("Selim the Younger", ("Selim",))],
    "dunmore": [("Edmund Ashby", ("Ashby",)), ("Richard Fenwick", ("Fenwick",)), ("Margaret Hale", ("Hale",)),
                ("Thomas", ())],
    "quanzhou": [("Cornelis Reyersen", ("Reyersen",)), ("Li Dan", ()), ("Tianqi Emperor", ()), ("Nan Juyi", ())],
    "kirina": [("Soumaoro Kanté", ("Soumaoro",)), ("Sundiata Keita", ("Sundiata",)), ("Balla Fasséké", ()),
               ("Delafosse", ())],
    "harlow": [("J. R. Whitcombe", ("Whitcombe",)), ("Amos Trell Jr.", ("Trell",)), ("van Oosten", ()),
               ("Harriet Lowe", ()), ("Pemberton", ())],
}

NOT_PEOPLE = {
    "salt-farmers": ["Karvan", "Harsa", "Oman", "Dutch", "Franciscan", "Revolt of the Salt Farmers", "Salt Farmers"],
    "dunmore": ["Dunmore", "Kelling", "Norfolk", "English Civil War", "Siege of Dunmore"],
    "quanzhou": ["Dutch", "Ming", "Zierikzee", "Edict of Haijin", "Haijin", "Hokkien", "Portuguese", "Macau",
                 "Batavia", "Fujian", "Taiwan", "Quanzhou"],
    "kirina": ["Kirina Kele", "Kirina", "Mandinka", "Sosso", "Mali Empire", "Mali", "Mema", "Niger", "Keita clan"],
    "harlow": ["Harlow", "Rotterdam", "Act of Relief", "Panic of Harlow"],
}


@pytest.fixture(scope="session")
def people_facts() -> dict[str, Facts]:
    from quizgen.extract import extract_many

    facts = extract_many([parse_article(text, input_format="text") for text in PEOPLE_ARTICLES.values()])
    return dict(zip(PEOPLE_ARTICLES, facts, strict=True))


def person_named(facts: Facts, name: str) -> Entity | None:
    return next((p for p in facts.people if name in p.names), None)


@pytest.mark.parametrize("key,person", [pytest.param(k, p, id=f"{k}:{p[0]}") for k, ps in PEOPLE_EXPECTED.items() for p in ps])
def test_people_article_person(people_facts: dict[str, Facts], key: str, person: tuple[str, tuple[str, ...]]) -> None:
    name, aliases = person
    found = person_named(people_facts[key], name)
    assert found is not None, f"{name} is not among the people: {listing(people_facts[key].people)}"
    assert set(aliases) <= set(found.names), found.names
    assert found.mentions, f"{name} has no mention"


@pytest.mark.parametrize("key,name", [pytest.param(k, n, id=f"{k}:{n}") for k, ns in NOT_PEOPLE.items() for n in ns])
def test_people_article_not_a_person(people_facts: dict[str, Facts], key: str, name: str) -> None:
    person = names_of(people_facts[key].people).get(name_key(name))
    assert person is None, f"{name!r} reported as a person: {person}"


def test_people_articles_have_no_other_people(people_facts: dict[str, Facts]) -> None:
    for key, facts in people_facts.items():
        expected = {name for name, _ in PEOPLE_EXPECTED[key]}
        assert {p.name for p in facts.people if not expected & set(p.names)} == set(), key


def test_a_regnal_number_makes_a_person_not_a_body(people_facts: dict[str, Facts]) -> None:
    """"Mehmed II, the son of the sultan": a person, whatever the model labels it, and never a body."""
    facts = people_facts["salt-farmers"]
    assert person_named(facts, "Mehmed II") is not None
    assert not [o for o in facts.organizations if "Mehmed" in o.name]


def test_a_title_with_one_name_is_one_person_with_its_short_form(people_facts: dict[str, Facts]) -> None:
    """"Sultan Murad raised the tax ... Murad died": one person, both mentions."""
    murad = person_named(people_facts["salt-farmers"], "Sultan Murad")
    assert murad is not None and len(murad.mentions) == 2


def test_a_surname_used_alone_is_the_full_names_person(people_facts: dict[str, Facts]) -> None:
    """"Colonel Edmund Ashby ... Ashby had ... Ashby surrendered ... Ashby's brother": every mention."""
    facts = people_facts["dunmore"]
    ashby = person_named(facts, "Edmund Ashby")
    assert ashby is not None and len(ashby.mentions) == 4
    assert len([p for p in facts.people if "Ashby" in p.names]) == 1


def test_historians_cited_by_name_are_people(people_facts: dict[str, Facts]) -> None:
    """"The historian Margaret Hale argues", "According to Delafosse", "The chronicler al-Jabarti"."""
    assert person_named(people_facts["dunmore"], "Margaret Hale") is not None
    assert person_named(people_facts["kirina"], "Delafosse") is not None
    assert person_named(people_facts["salt-farmers"], "al-Jabarti") is not None


def test_a_name_with_a_locative_or_place_word_is_a_place(people_facts: dict[str, Facts]) -> None:
    """"the town of Harsa ... Harsa lies in present-day Oman", "carried to Kelling, in present-day Norfolk"."""
    assert {"Harsa", "Oman"} <= {p.name for p in people_facts["salt-farmers"].places}
    assert {"Kelling", "Norfolk"} <= {p.name for p in people_facts["dunmore"].places}


def test_a_gloss_in_another_language_is_no_person(people_facts: dict[str, Facts]) -> None:
    """"The Battle of Kirina (Mandinka: Kirina Kele)": the battle's own name, not someone's."""
    facts = people_facts["kirina"]
    assert not [p for p in facts.people if "Kele" in p.name]
    assert not [p for p in facts.places if "Kele" in p.name]

# -- causal cues, class by class, on short articles written for these tests --------------------------------

CAUSAL_ARTICLE = """Causes and effects

The drought of 1628 ruined the harvests of Shaanxi. As a result, thousands of peasants joined the rebel bands. Heavy taxes later drove the farmers from their land.

The viceroy raised the sales tax in 1780 because the crown needed money for its wars. The new tax sparked riots in Arequipa.

The plague weakened the imperial army. Owing to the shortage of soldiers, the emperor hired foreign mercenaries.

The failed harvest forced the king to import grain from the south. The famine resulted from three cold summers.

The governor refused to pay the tribute. In response, the emperor sent an army to the frontier. The causes of the revolt included heavy taxation, religious persecution and the loss of old privileges.

Some historians argue that the fire led to the persecution of the Christians. The senator allegedly caused the riot in the forum.

The town had grown so large that a second church was built. The street was named after the governor. The rebels sought to weaken the garrison. The market has stood in the square since 1820. A week after the battle, the envoys arrived.

Since the canal had silted up, the merchants moved their warehouses to the island. The fleet blocked the harbour, thus cutting the city off from its grain.

In 1648 the nobles rebelled against the regent. This led to five years of civil war.

The janissaries mutinied after the death of their commander.

The dam burst in the spring, forcing the villagers to flee to the hills. Provoked by the new levy, the weavers stopped work.

Fearing that the soldiers would return, the villagers fled into the forest. The new governor was responsible for the famine. The ban on wool exports brought about the ruin of the weavers. In protest against the salt tax, the merchants closed their shops.

The speech helped to rally the northern towns. The forged letter provoked the duke into declaring war. The guilds were angry over the new tariff.

The flood made it impossible for the army to cross the river. The failure of the harvest was due to the long frost. The victory opened the way for the conquest of the north. The admiral was instrumental in the defeat of the fleet.

The massacre became a source of tension between the two companies. It was one of the causes of the later war.
"""

# (the sentence's first words, cause, effect): one case for each class of cue
CAUSAL_CASES = [
    # a result adverbial opening a sentence: the sentence before is the cause
    ("As a result, thousands", "The drought of 1628 ruined the harvests of Shaanxi",
     "thousands of peasants joined the rebel bands"),
    ("In response, the emperor", "The governor refused to pay the tribute", "the emperor sent an army to the frontier"),
    # "This led to ...": "this" is what the sentence before told
    ("This led to", "the nobles rebelled against the regent", "five years of civil war"),
    # subordinators of reason: the clause they open is the cause
    ("The viceroy raised", "the crown needed money for its wars", "The viceroy raised the sales tax in 1780"),
    ("Since the canal", "the canal had silted up", "the merchants moved their warehouses to the island"),
    # causative verbs: subject -> object, "forced Z to do W", "drove Z from", participles
    ("The new tax sparked", "The new tax", "riots in Arequipa"),
    ("The plague weakened", "The plague", "the imperial army"),
    ("The failed harvest forced", "The failed harvest", "the king to import grain from the south"),
    ("Heavy taxes later drove", "Heavy taxes", "the farmers from their land"),
    ("The dam burst", "The dam burst in the spring", "forcing the villagers to flee to the hills"),
    ("The fleet blocked", "The fleet blocked the harbour", "cutting the city off from its grain"),
    # the effect first: "resulted from", a fronted passive participle, causal nouns and prepositions
    ("The famine resulted", "three cold summers", "The famine"),
    ("Provoked by the new levy", "the new levy", "the weavers stopped work"),
    ("The causes of the revolt", "religious persecution", "the revolt"),
    ("Owing to the shortage", "the shortage of soldiers", "the emperor hired foreign mercenaries"),
    ("The janissaries mutinied", "the death of their commander", "The janissaries mutinied"),
    ("In protest against", "the salt tax", "the merchants closed their shops"),
    ("The new governor", "The new governor", "the famine"),
    ("The ban on wool", "The ban on wool exports", "the ruin of the weavers"),
    ("The speech helped", "The speech", "rally the northern towns"),
    ("The forged letter", "The forged letter", "the duke into declaring war"),
    ("The guilds were angry", "the new tariff", "The guilds were angry"),
    ("The flood made", "The flood", "impossible for the army to cross the river"),
    ("The failure of the harvest", "the long frost", "The failure of the harvest"),
    ("The victory opened", "The victory", "the conquest of the north"),
    ("The admiral was", "The admiral", "the defeat of the fleet"),
    ("The massacre became", "The massacre", "tension between the two companies"),
    ("It was one of the causes", "The massacre", "the later war"),
    # "so large that": the degree is the cause, the "that" clause its result
    ("The town had grown", "The town had grown large", "a second church was built"),
    # what someone feared is why they acted
    ("Fearing that", "Fearing that the soldiers would return", "the villagers fled into the forest"),
]


@pytest.fixture(scope="session")
def causal_article() -> Facts:
    return extract(parse_article(CAUSAL_ARTICLE, input_format="text"))


def links_from(facts: Facts, opening: str) -> list:
    return [c for c in (*facts.causal_links, *facts.reported_links) if c.where.sentence.startswith(opening)]


@pytest.mark.parametrize("opening,cause,effect", CAUSAL_CASES, ids=[c[0] for c in CAUSAL_CASES])
def test_each_cue_class_puts_cause_and_effect_on_their_sides(causal_article: Facts, opening: str, cause: str,
                                                              effect: str) -> None:
    assert_link(causal_article, opening, cause, effect)


def assert_link(facts: Facts, opening: str, cause: str, effect: str) -> None:
    """The sentence opening so gives the link, and each of its links has phrases for sides, never the sentence
    again (a cause from the sentence before is not in it)."""
    links = links_from(facts, opening)
    assert any(c.cause == cause and c.effect == effect for c in links), \
        [(c.cause, c.cue, c.effect) for c in links]
    for c in links:
        assert is_phrase(c.effect, c.where.sentence)
        assert c.cause not in c.where.sentence or is_phrase(c.cause, c.where.sentence)


def test_a_list_of_causes_gives_one_link_each(causal_article: Facts) -> None:
    causes = {c.cause for c in links_from(causal_article, "The causes of the revolt")}
    assert causes == {"heavy taxation", "religious persecution", "the loss of old privileges"}


def test_reported_and_hedged_claims_are_kept_apart_and_marked(causal_article: Facts) -> None:
    """"Some historians argue that X led to Y", "X allegedly caused Y": kept with the hedging word, out of
    the stated links that questions are made from, and marked in the JSON."""
    argued = next(c for c in causal_article.reported_links if c.where.sentence.startswith("Some historians"))
    assert (argued.cause, argued.effect, argued.hedge) == ("the fire", "the persecution of the Christians", "argue")
    alleged = next(c for c in causal_article.reported_links if c.where.sentence.startswith("The senator"))
    assert (alleged.cause, alleged.hedge) == ("The senator", "allegedly")
    assert not [c for c in causal_article.causal_links if c.hedge or c.where.sentence.startswith(("Some", "The senator"))]
    marked = {c["cause"]: c for c in causal_article.to_dict()["causal_links"]}
    assert marked["the fire"]["hedged"] and marked["the fire"]["hedge"] == "argue"
    assert marked["The new tax"]["hedged"] is False


@pytest.mark.parametrize("opening", ["The street was named after", "The rebels sought to weaken", "The market has stood",
                                     "A week after the battle"])
def test_words_that_only_look_causal_give_no_link(causal_article: Facts, opening: str) -> None:
    """"named after", an aim ("sought to weaken"), "since 1820", "a week after"."""
    assert not links_from(causal_article, opening)


def test_kinds_carry_what_their_questions_need(causal_article: Facts) -> None:
    """A "verb" link has its verb in the base form; a "because" link's anchor is the subordinator."""
    sparked = links_from(causal_article, "The new tax sparked")[0]
    assert (sparked.kind, sparked.verb) == ("verb", "spark")
    because = links_from(causal_article, "The viceroy raised")[0]
    assert because.kind == "because"
    assert CAUSAL_ARTICLE[because.anchor: because.anchor + len("because")] == "because"


# -- people in antiquity, the Islamic world, Byzantium, China, Japan, Africa, the Americas and the early-modern
# Low Countries: short articles written for these tests (tests/data/articles/people-*.txt), with Roman
# cognomens alone, bynames ("the Younger", "the Slav"), "al-", "ibn" and "no" in names, hyphenated names,
# names of several words with no title, people named once in a list or after a verb of speech, and
# places, bodies and writings the model takes for people.

ERA_PEOPLE: dict[str, list[str]] = {
    # a heading that names someone, a list of towns after "towns", a rank joined to a word for a person, "averred",
    # a list after "smugglers" (one of them "Hall", a word for a building)
    "danzig-tolls": ["Stephen Báthory", "Mikołaj Firlej", "Jan Zamoyski", "Wojciech Kromer", "Jan Kruk", "Piotr Hall",
                     "Adam Sowa"],
    "catiline": ["Lucius Sergius Catilina", "Publius Cornelius Lentulus Sura", "Marcus Tullius Cicero", "Fulvia",
                 "Quintus Curius", "Caesar", "Cato the Younger", "Gaius Antonius Hybrida", "Sallust", "Plutarch"],
    "fourth-fitna": ["Harun al-Rashid", "al-Amin", "Abdallah al-Ma'mun", "al-Fadl ibn al-Rabi", "Musa", "al-Fadl ibn Sahl",
                     "Tahir ibn Husayn", "Ali ibn Isa ibn Mahan", "Harthama ibn A'yan", "al-Tabari", "Abu Nuwas",
                     "Ibrahim ibn al-Mahdi"],
    "thomas-the-slav": ["Thomas the Slav", "Michael II", "Bardanes Tourkos", "Leo V", "al-Ma'mun", "Patriarch Job", "Omurtag",
                        "Genesios", "Paul Lemerle"],
    "seven-states": ["Emperor Jing", "Chao Cuo", "Liu Pi", "Yuan Ang", "Zhou Yafu", "Liu Wu", "Sima Qian", "Ban Gu"],
    "jokyu-war": ["Go-Toba", "Minamoto no Sanetomo", "Hōjō Yoshitoki", "Hōjō Masako", "Minamoto no Yoritomo", "Hōjō Yasutoki",
                  "Hōjō Tokifusa", "Tsuchimikado", "Juntoku", "Emperor Chūkyō", "Jien"],
    "askia": ["Muhammad Ture", "Sonni Baru", "Sonni Ali", "Askia Muhammad", "al-Maghili", "Mahmud Kati", "Umar Komdiagha",
              "Askia Musa", "Askia Ismail", "Abd al-Rahman al-Sadi"],
    "tepanec-war": ["Tezozomoc", "Maxtla", "Tayatzin", "Chimalpopoca", "Itzcoatl", "Tlacaelel", "Nezahualcoyotl",
                    "Fernando de Alva Ixtlilxochitl", "Diego Durán"],
    "oldenbarnevelt": ["Johan van Oldenbarnevelt", "Jacobus Arminius", "Franciscus Gomarus", "Maurice of Nassau", "Hugo Grotius",
                       "Rombout Hogerbeets", "Maria van Reigersberch", "Dudley Carleton", "James I"],
    "darius": ["Bardiya", "Cyrus the Great", "Cambyses II", "Gaumata", "Otanes", "Gobryas", "Intaphernes", "Darius", "Hystaspes",
               "Nidintu-Bel", "Nebuchadnezzar", "Nabonidus", "Herodotus", "Phaidyme", "Ctesias", "Sphendadates"],
    "shays": ["Daniel Shays", "Luke Day", "Eli Parsons", "James Bowdoin", "Benjamin Lincoln", "William Shepard", "Henry Knox",
              "George Washington", "Thomas Jefferson", "John Hancock"],
    "four-emperors": ["Nero", "Gaius Julius Vindex", "Servius Sulpicius Galba", "Marcus Salvius Otho", "Aulus Vitellius",
                      "Caecina", "Valens", "Titus Flavius Vespasianus", "Mucianus", "Antonius Primus", "Vespasian", "Sabinus",
                      "Tacitus", "Suetonius", "Cassius Dio"],
    "abu-yazid": ["Abu Yazid", "al-Qa'im bi-Amr Allah", "Isma'il", "al-Mansur bi-Nasr Allah", "Ziri ibn Manad", "al-Nu'man",
                  "Idris Imad al-Din"],
    "skleros": ["Bardas Skleros", "Basil II", "John I Tzimiskes", "Basil Lekapenos", "Peter", "Eustathios Maleinos",
                "Bardas Phokas the Younger", "Adud al-Dawla", "Leo the Deacon", "John Skylitzes", "Michael Psellos"],
    "shimabara": ["Matsukura Katsuie", "Amakusa Shirō", "Itakura Shigemasa", "Matsudaira Nobutsuna", "Nicolaes Couckebacker",
                  "Tokugawa Iemitsu"],
    "inca-civil-war": ["Huayna Capac", "Huáscar", "Atahualpa", "Ninan Cuyochi", "Quizquis", "Chalcuchimac", "Rumiñahui",
                       "Francisco Pizarro", "Pedro Cieza de León", "Juan de Betanzos", "Inca Garcilaso de la Vega"],
    "catalan-revolt": ["Philip IV", "Dalmau de Queralt", "Pau Claris", "Louis XIII", "Cardinal Richelieu",
                       "John of Austria the Younger", "Francisco Manuel de Melo"],
    "twelve-tables": ["Gaius Terentilius Harsa", "Appius Claudius Crassus", "Livy", "Verginia", "Lucius Verginius",
                      "Lucius Valerius Potitus", "Marcus Horatius Barbatus", "Cicero"],
    "porte": ["Patrona Halil", "Musli Beşe", "Emir Ali", "Nevşehirli Damat İbrahim Pasha", "Ahmed III", "Mahmud I",
              "Kaplan Giray", "Abdi Efendi"],
    "pilgrimage-of-grace": ["Henry VIII", "Robert Aske", "Lord Darcy", "Francis Bigod", "Robert Constable", "Thomas Cromwell"],
    "red-eyebrows": ["Wang Mang", "Fan Chong", "Wang Kuang", "Lian Dan", "Liu Xuan", "Gengshi Emperor", "Liu Penzi", "Liu Xiu",
                     "Emperor Guangwu", "Fan Ye"],
    "babington": ["Elizabeth I", "Mary", "Anthony Babington", "John Ballard", "Chidiock Tichborne", "Edward Abington",
                  "Robert Barnwell", "Gilbert Gifford", "Thomas Phelippes", "Francis Walsingham", "Philip II"],
    "rye-house": ["Charles II", "James", "Richard Rumbold", "Josiah Keeling", "Lord Russell", "Algernon Sidney", "Judge Jeffreys",
                  "Robert Ferguson", "Lord Grey", "Walcot", "Rouse", "Hone", "Gilbert Burnet", "Roger North", "Shaftesbury"],
    "comuneros": ["Charles V", "Adrian", "Juan de Padilla", "Juan Bravo", "Francisco Maldonado", "Antonio de Acuña",
                  "María Pacheco", "Pliny the Elder", "Seneca the Younger", "Pedro Mexía"],
    "chioggia": ["Francesco da Carrara", "Louis I", "Bernabò Visconti", "Luciano Doria", "Vettor Pisani", "Pietro Doria",
                 "Carlo Zeno", "Amadeus VI", "Daniele di Chinazzo"],
}
# people the rules still miss: named once, with nothing about them but a list, "veterans of" or "the camp of";
# "the laws of Solon" may be a land's laws
# "the Earl of Essex ... Essex was found": a title and a land, taken for the land
ERA_PEOPLE_MISSED = {"catiline": ["Sulla", "Gaius Manlius", "Cethegus", "Statilius"], "twelve-tables": ["Solon"],
                     "rye-house": ["Essex"]}

ERA_NOT_PEOPLE = {
    # "Which Articles I command": the pronoun; a body's name beside a king's; a country's envoy; "Hanna's Creek";
    # "12 unarmed Kurpie" and the name joined to theirs: a people; "the island of Saint Brigid"
    "danzig-tolls": ["Elbląg", "Puck", "Łeba", "Starosta", "Articles I", "Articles", "Estates General", "Sweden", "Hanna",
                     "Hanna's Creek", "Kraków", "Gdańsk Yeomanry", "Kurpie", "Warmie", "Saint Brigid", "St Agnes Day", "Crimean Khanate", "Colonists", "Kashub", "Kashubs"],
    "catiline": ["Roman Republic", "Senate", "Temple of Jupiter Stator", "Rome", "Etruria", "Allobroges", "Campus Martius",
                 "Tullianum", "Pistoria"],
    "fourth-fitna": ["Abbasid", "Baghdad", "Khurasan", "Tus", "Khurasani", "Rayy", "Tigris"],
    "thomas-the-slav": ["Byzantine", "Anatolic", "Asia Minor", "Abbasid", "Antioch", "Thrace", "Constantinople", "Bulgar",
                        "Arcadiopolis", "Macedonian"],
    "seven-states": ["Han dynasty", "Wu", "Chu", "Zhao", "Jiaoxi", "Jiaodong", "Zichuan", "Jinan", "Chang'an", "Liang",
                     "Suiyang", "Donghai", "Records of the Grand Historian"],
    "jokyu-war": ["Jōkyū War", "Kamakura", "Hōjō", "Kyoto", "Uji River", "Oki Islands", "Rokuhara Tandai", "Azuma Kagami",
                  "Gukanshō", "Few"],
    "askia": ["Songhai Empire", "Timbuktu", "Djenné", "Islam", "Anfao", "Gao", "Mecca", "Sudan", "Tendirma", "Niger",
              "Tarikh al-Sudan"],
    "tepanec-war": ["Tepanec War", "Azcapotzalco", "Tenochtitlan", "Texcoco", "Tlacopan", "Mexica", "Coyoacan",
                    "Triple Alliance", "Mexico", "Codex Xolotl", "Dominican"],
    "oldenbarnevelt": ["Holland", "The Hague", "States General", "Five Articles of Remonstrance", "States of Holland",
                       "Counter-Remonstrants", "Synod of Dort", "Binnenhof", "Loevestein Castle", "Great Britain",
                       "Land's Advocate"],
    "darius": ["Persian", "Egypt", "Behistun Inscription", "Media", "Babylon", "Elam"],
    "shays": ["Massachusetts", "Continental Army", "Boston", "Articles of Confederation", "Congress", "Great Britain",
              "Springfield Armory", "Petersham", "Confederation", "Paris", "General Court"],
    "four-emperors": ["Roman Empire", "Gaul", "Senate", "Hispania Tarraconensis", "Praetorian Guard", "Forum", "Rhine",
                      "Bedriacum", "Cremona", "Judaea", "Syria", "Danube", "Italy", "Capitol", "Rome", "Histories", "June"],
    "abu-yazid": ["Berbers", "Ifriqiya", "Fatimid Caliphate", "Kharijite", "Banu Ifran", "Man on the Donkey", "Kairouan",
                  "Mahdia", "Sousse", "Hodna", "Sanhaja", "Zirids", "Fatimids", "Allah", "Abu"],
    "skleros": ["Byzantine", "East", "Mesopotamia", "Melitene", "Armenian", "Arab", "Nicaea", "Chios", "Pankaleia", "Baghdad",
                "Buyid"],
    "shimabara": ["Shimabara Rebellion", "Shimabara Domain", "Japan", "Catholics", "Hara Castle", "Dutch", "de Ryp", "Nagasaki",
                  "Portuguese", "Sakoku"],
    "inca-civil-war": ["Inca Civil War", "Cusco", "Quito", "Chimborazo", "Apurímac", "Cajamarca", "Spaniards"],
    "catalan-revolt": ["Catalonia", "Spain", "France", "Union of Arms", "Catalan Corts", "Barcelona", "Corpus de Sang",
                       "Generalitat", "Montjuïc", "Castilian", "Treaty of the Pyrenees", "Roussillon"],
    "twelve-tables": ["Decemvirate", "Rome", "Roman Republic", "Athens", "Forum", "Aventine Hill", "Mons Sacer", "Twelve Tables",
                      "Gauls"],
    "porte": ["Constantinople", "Tulip Period", "Ottoman Empire", "Albanian", "Persia", "Divan", "Sublime Porte", "Crimean",
              "Sadabad", "Golden Horn"],
    "pilgrimage-of-grace": ["Pilgrimage of Grace", "Grace", "Yorkshire", "Rome", "Lincolnshire", "Five Wounds of Christ", "York",
                            "Pontefract Castle", "Doncaster", "Norfolk", "London", "East Riding", "Privy Council",
                            "Council of the North", "Ten Articles", "Convocation"],
    "red-eyebrows": ["Red Eyebrows", "China", "Xin dynasty", "Yellow River", "Shandong", "Chengchang", "Lülin", "Chang'an",
                     "Eastern Han", "Book of the Later Han", "Mandate of Heaven", "Han"],
    "babington": ["Babington Plot", "England", "Derbyshire", "Spain", "Chartley Hall", "Fotheringhay Castle",
                  "Act for the Queen's Safety", "Armada", "Scots"],
    "rye-house": ["Rye House Plot", "England", "Newmarket", "Rye House", "Hoddesdon", "Whig", "Tower of London",
                  "Discourses Concerning Government", "Dutch Republic", "Tyburn", "Amsterdam", "Plotter"],
    "comuneros": ["Revolt of the Comuneros", "Castile", "Flanders", "Flemish", "Toledo", "Utrecht", "Cortes of Santiago",
                  "Holy Junta", "Ávila", "Zamora", "Constable of Castile", "Medina del Campo", "Junta", "Villalar", "Spain",
                  "Elder", "Younger"],
    "chioggia": ["War of Chioggia", "Venice", "Genoa", "Mediterranean", "Padua", "Hungary", "Milan", "Genoese", "Venetian",
                 "Pola", "Chioggia", "Peace of Turin", "Turin", "Savoy"],
}


@pytest.fixture(scope="session")
def era_facts() -> dict[str, Facts]:
    from quizgen.extract import extract_many

    articles = [load_article(DATA / "articles" / f"people-{key}.txt") for key in ERA_PEOPLE]
    assert {f"people-{key}.txt" for key in ERA_PEOPLE} == {p.name for p in (DATA / "articles").glob("people-*.txt")}
    return dict(zip(ERA_PEOPLE, extract_many(articles), strict=True))


@pytest.mark.parametrize("key,name", [pytest.param(k, n, id=f"{k}:{n}") for k, ns in ERA_PEOPLE.items() for n in ns]
                         + [pytest.param(k, n, id=f"{k}:{n}", marks=pytest.mark.xfail(strict=True, reason="no cue"))
                            for k, ns in ERA_PEOPLE_MISSED.items() for n in ns])
def test_era_article_person(era_facts: dict[str, Facts], key: str, name: str) -> None:
    found = person_named(era_facts[key], name)
    assert found is not None, f"{name} is not among the people: {listing(era_facts[key].people)}"
    assert found.mentions, f"{name} has no mention"


# offices the rules still take for people: a title and one word after "the"
ERA_NOT_PEOPLE_TAKEN = {"porte": ["Sheikh al-Islam"]}


@pytest.mark.parametrize("key,name", [pytest.param(k, n, id=f"{k}:{n}") for k, ns in ERA_NOT_PEOPLE.items() for n in ns]
                         + [pytest.param(k, n, id=f"{k}:{n}", marks=pytest.mark.xfail(strict=True, reason="an office"))
                            for k, ns in ERA_NOT_PEOPLE_TAKEN.items() for n in ns])
def test_era_article_not_a_person(era_facts: dict[str, Facts], key: str, name: str) -> None:
    person = names_of(era_facts[key].people).get(name_key(name))
    assert person is None, f"{name!r} reported as a person: {person}"


def test_era_articles_have_no_other_people(era_facts: dict[str, Facts]) -> None:
    for key, facts in era_facts.items():
        expected = set(ERA_PEOPLE[key]) | set(ERA_PEOPLE_MISSED.get(key, [])) | set(ERA_NOT_PEOPLE_TAKEN.get(key, []))
        assert {p.name for p in facts.people if not expected & set(p.names)} == set(), key


def test_a_family_name_two_people_share_is_neither_ones_short_name(era_facts: dict[str, Facts]) -> None:
    """"Hōjō Masako", "Hōjō Yasutoki": "Hōjō" alone would be either; "Minamoto no Yoritomo" is "Yoritomo"."""
    facts = era_facts["jokyu-war"]
    assert not [p.name for p in facts.people if "Hōjō" in p.aliases]
    yoritomo = person_named(facts, "Minamoto no Yoritomo")
    assert yoritomo is not None and "Yoritomo" in yoritomo.aliases


def test_a_short_name_that_is_a_place_is_no_alias(era_facts: dict[str, Facts]) -> None:
    """"Liu Wu" in an article where Wu is a kingdom is not "Wu"."""
    liu_wu = person_named(era_facts["seven-states"], "Liu Wu")
    assert liu_wu is not None and "Wu" not in liu_wu.aliases


def test_an_arabic_article_opening_a_sentence_is_the_same_name(era_facts: dict[str, Facts]) -> None:
    """"Al-Amin was captured": the al-Amin named before, not another person."""
    facts = era_facts["fourth-fitna"]
    assert len([p for p in facts.people if {"al-Amin", "Al-Amin"} & set(p.names)]) == 1

# -- causal forms beyond the cue words: time clauses, participles, verbs by what they do to their object ----

MORE_CAUSAL_ARTICLE = """More causes and effects

When the bishop of Utrecht refused to crown him, the count was excommunicated by the synod. The guards of the Inca governor opened fire on the crowd when the crowd advanced toward the gate. When the rice harvest failed in 1783, prices in Edo rose sharply.

The abbot became the leader of the revolt, as he had drafted the petition to the Tsar. The lagoon was silted up, and the ships could not reach the quay because the dredgers had been sold.

Facing starvation, the garrison of Cuzco surrendered the fortress. Alarmed at the spread of the fever, the council of Genoa closed the port.

The cholera epidemic of 1832 killed a fifth of the people of Paris. The khan killed his brother in 1240. The famine of 1876 claimed over five million lives. The defeat at Adwa discredited the Italian government. The loss of the silver mines left the treasury empty. A cyclone struck Bengal in 1737, destroying thousands of boats.

The Peace of Westphalia laid the foundation for the modern system of states. The miners forced the resignation of the governor. The Persian line collapsed under the charge of the cavalry. The Venetians won the siege through superior seamanship. The long drought meant that the herds could no longer be fed. The defeat dissuaded the caliph from further campaigns in Iberia.

They seized the treasury and forced the regent to flee to Goa. The rebels stormed the palace and forced the viceroy to free the prisoners, repeal the salt tax, and dismiss his ministers. The emperor was forced to abdicate by the generals. The rebellion in Lima was suppressed, which led to a wave of executions.

The strike began in 1912, organized by the dockers' union after years of falling wages. The governor called for troops after riots broke out in the harbour.

The war was fought over control of the clove islands. The two khanates went to war over the succession. The battle of the Trebia is considered one of the causes of the fall of the consul. Religious division was a major factor in the outbreak of the civil war. The rising in Jamaica was a response to the new taxes.

The conquest of Peru was made possible by the use of horses. The famine resulting from the drought killed thousands in Gujarat. The decree of Milan was met with fierce resistance in the north. The voyage was motivated by fear of the Portuguese. There were many reasons for the decline of Bruges, including the silting of its harbour.

Faced with mounting debts, the Bourbon king summoned the estates. The garrison of Rhodes surrendered for fear of a massacre. Citing ill health, the chancellor of Prussia resigned in 1890. The council of Basel banned the festival on the grounds that it encouraged disorder. Unable to pay his troops, the Elector sold the crown jewels.

Upon the death of the sultan, his sons fought for the throne of Istanbul. With the fall of the capital, resistance in Bengal collapsed. Admiral Yi is credited with saving the Korean fleet from destruction. The war cost the Spanish crown its richest colonies.

The viceroy doubled the salt tax. This decision angered the clergy of Lima. The regent closed the silver mines of Potosí. The move provoked riots in the highlands. The duke called for a crusade after the fall of Edessa shocked Europe.

The battle was fought over two days. The envoy was met by the king at the gate. With the help of the Dutch, the king rebuilt the fleet. The army marched on the capital in May.

Many sailors of the Armada died of typhus. Thousands were killed in the fighting at Lützen. The coup of 1936 brought the colonels to power. The salt tax drove the weavers of Lyon to revolt. The famine made the viceroy unpopular. The defeat at Mohi meant the end of the Hungarian army.

The guild movement grew out of the famine of 1315. The dyke broke in 1421. That is why the villages were abandoned. The harbour of Ephesus silted up, which is why the port declined. The revolution in Paris inspired uprisings across Europe. The war plunged the kingdom into debt.

The old king died in 1550. The queen died in Rome. The poet died in exile. The painter was born of humble parents. Historians still debate why the city was abandoned. The revolt was led by a monk and sought to depose the regent, Lord Ito, and end the tribute to the north.

After fighting against the pass laws, a crowd of miners marched to the fort. The galleon ran aground off Bermuda, with the loss of forty sailors. The treaty of Nerchinsk put an end to the border war. The battle marked an end to Danish attempts to hold Sweden. The defeat at Manzikert spelled the end of Byzantine rule in Anatolia.

The Ming dynasty collapsed amid widespread unrest in the provinces. The port of Malacca benefited from the pepper trade. The villages of Bihar suffered from repeated famines. The archbishop was forced into exile by the emperor.

The duke fled amid the ruins of the palace. The envoy arrived amid great celebrations in May. The two peoples could benefit from each other.

Nine of the plotters were put on trial for sedition in Lisbon. It was a turning point in the struggle for home rule in Ireland, which was one of the events leading to the treaty of 1921. The elders were left in charge of collecting the levy, which set them against the rest of the villagers. The floods killed a total of 900 people, a tenth of the population of the delta. The viceroy called for the army to march north after reports of the raid reached the capital.

His refusal to convert cost him the throne of Bohemia. The marriage gave the duke of Anjou a claim to the crown of Naples. The discovery of gold brought thousands of settlers to the Transvaal. The city of Petra owed its wealth to the incense trade. As the Mongols advanced, the inhabitants of Kiev fled to the forests.

With no heir, the throne of Navarre passed to a cousin. Without support from the nobles, the rebellion in Ghent collapsed. Having lost the support of the army, the emperor abdicated. The war ended in a Roman victory, which secured the eastern frontier. Heavy rains flooded the valley and destroyed the harvest. Due largely to victories at sea, the republic became the richest power in the region. The king's attempts to raise taxes led to conflict with parliament.

The Berbers flocked to join them, bringing supplies and horses. The rebels, having gathered reinforcements, were pursued by the army. As the sun rose, the army marched north.

The sultan was assassinated by a member of a rival clan, which plunged the kingdom into civil war. The railway connected the port of Mombasa to the interior, which boosted the export of coffee. The shah was deposed in a coup led by his own generals. The fall of Constantinople marked the end of the Byzantine Empire.

The khan was deposed in 1241. The abbot was captured in Pavia.

After sailing back towards Lisbon, the carrack ran aground on the shoals of Cape Verde. The schism can be traced back to the council of 1054. The rains failed for three years. The resulting famine emptied the villages of Rajputana. The blight, the result of a wet summer, ruined the potato crop. The revolt of the janissaries had severe consequences. The plague is often cited as a cause of the decline of Siena. The town owes its name to a Roman fort. The family traced its descent to a Norman knight. The raiders set fire to the granaries, in attacks that ended up killing most of the herds.

The vassal wounded the emir in the encounter, and the emir and his army retreated to Herat. The Tatars routed the garrison by flooding its camp. The emir fell back, sending archers against the Rajput forces, but retreating as the elephants advanced.

The army fled, and the garrison surrendered. The general began by praising the troops. The cavalry regrouped and almost surrounded the town, but the defenders retreated behind the walls.

The prince of Kiev burned the town to avenge the murder of the envoys. The prince of Tver vowed to avenge his brother. Given the lack of supplies, the Swedish army retreated. Given that the treasury was empty, the sultan debased the coinage. Thousands of deaths from famine followed the siege of Leningrad. The envoy returned from exile in 1660.

The ballad tells of a crew of sailors after their captain (a Dutch privateer) Jan Pietersz was forced to surrender the ship for attacking a Spanish convoy.

The revolt was ended by the Dutch blockade, beginning two centuries of Dutch rule in Ceylon. The fair was held every year, beginning in 1500.

The harsh rule of the regent Tokimasa made him deeply unpopular. Rome was sacked by the Vandals in 455, an event that shocked the Roman world. The long war drew in most of the Italian states. The peace of 1648 left the empire divided into hundreds of states.

The word meant "river" in the old tongue. The city fell under Ottoman rule in 1517. The army won the battle by a narrow margin. The bishop reduced the tithe in 1190.

When he was twelve, the prince moved to Nara. The charter was sealed at a time when the guilds were growing. The pact held until 1411 when the Teutonic Knights lost their army. Seeking support for the revolt, the townsmen offered the crown to the duke. The road was known as the salt way, as it was called by the carters.
"""

MORE_CAUSAL_CASES = [
    # "when" with a past event and what came of it: the event is the cause, asked with "why"
    ("When the bishop", "the bishop of Utrecht refused to crown him", "the count was excommunicated by the synod"),
    ("The guards of the Inca", "the crowd advanced toward the gate", "The guards of the Inca governor opened fire on the crowd"),
    ("When the rice harvest", "the rice harvest failed in 1783", "prices in Edo rose sharply"),
    # "as" with what had happened before is a reason, not a time alongside
    ("The abbot became", "the abbot had drafted the petition to the Tsar", "The abbot became the leader of the revolt"),
    # what someone faced, or a feeling with what it was about, is why they acted
    ("Facing starvation", "Facing starvation", "the garrison of Cuzco surrendered the fortress"),
    ("Alarmed at the spread", "Alarmed at the spread of the fever", "the council of Genoa closed the port"),
    # verbs of harm and change, when an event or a thing does it; a participle after the clause that did it
    ("The cholera epidemic", "The cholera epidemic of 1832", "a fifth of the people of Paris"),
    ("The famine of 1876", "The famine of 1876", "over five million lives"),
    ("The loss of the silver", "The loss of the silver mines", "the treasury empty"),
    ("A cyclone struck", "A cyclone struck Bengal in 1737", "destroying thousands of boats"),
    # more causatives: discrediting, talking out of, an outcome forced on someone, ground laid for later
    ("The defeat at Adwa", "The defeat at Adwa", "the Italian government"),
    ("The defeat dissuaded", "The defeat", "the caliph from further campaigns in Iberia"),
    ("The miners forced", "The miners", "the resignation of the governor"),
    ("The Peace of Westphalia", "The Peace of Westphalia", "the modern system of states"),
    # what made something give way, the means of a success, what a thing meant
    ("The Persian line", "the charge of the cavalry", "the Persian line collapsed"),
    ("The Venetians won", "superior seamanship", "The Venetians won the siege"),
    ("The long drought", "The long drought", "the herds could no longer be fed"),
    # forcing: every infinitive, an agent the parser hangs on the infinitive, "they" that did something first
    ("The rebels stormed", "The rebels", "the viceroy to free the prisoners, repeal the salt tax, and dismiss his ministers"),
    ("The emperor was forced", "the generals", "The emperor was forced to abdicate"),
    ("They seized the treasury", "They seized the treasury", "the regent to flee to Goa"),
    # ", which led to": the clause before the comma
    ("The rebellion in Lima", "The rebellion in Lima was suppressed", "a wave of executions"),
    # "after years of X"; "called for" is no naming
    ("The strike began", "years of falling wages", "The strike began in 1912, organized by the dockers' union"),
    ("The governor called", "riots broke out in the harbour", "The governor called for troops"),
    # what a fight was over; a cause, a factor, a response named by a noun; "made possible by"
    ("The war was fought", "control of the clove islands", "The war was fought"),
    ("The two khanates", "the succession", "The two khanates went to war"),
    ("The battle of the Trebia", "The battle of the Trebia", "the fall of the consul"),
    ("Religious division", "Religious division", "the outbreak of the civil war"),
    ("The rising in Jamaica", "the new taxes", "The rising in Jamaica"),
    ("The conquest of Peru", "the use of horses", "The conquest of Peru"),
    ("The famine resulting", "the drought", "The famine"),
    ("There were many reasons", "the silting of its harbour", "the decline of Bruges"),
    # a reaction met, a motive named by a passive, credit, a cost
    ("The decree of Milan", "The decree of Milan", "fierce resistance in the north"),
    ("The voyage was motivated", "fear of the Portuguese", "The voyage"),
    ("Admiral Yi", "Admiral Yi", "saving the Korean fleet from destruction"),
    ("The war cost", "The war", "the Spanish crown its richest colonies"),
    # motives and grounds, asked with "why"
    ("Faced with mounting debts", "Faced with mounting debts", "the Bourbon king summoned the estates"),
    ("The garrison of Rhodes", "fear of a massacre", "The garrison of Rhodes surrendered"),
    ("Citing ill health", "Citing ill health", "the chancellor of Prussia resigned in 1890"),
    ("The council of Basel", "it encouraged disorder", "The council of Basel banned the festival"),
    ("Unable to pay", "Unable to pay his troops", "the Elector sold the crown jewels"),
    # "upon" or an opening "with" an event: what followed it
    ("Upon the death", "the death of the sultan", "his sons fought for the throne of Istanbul"),
    ("With the fall", "the fall of the capital", "resistance in Bengal collapsed"),
    # "This decision ...": what the sentence before told
    ("This decision angered", "The viceroy doubled the salt tax", "angered the clergy of Lima"),
    ("The move provoked", "The regent closed the silver mines of Potosí", "riots in the highlands"),
    # "after the fall of Edessa shocked Europe": a clause the parser split
    ("The duke called", "the fall of Edessa shocked Europe", "The duke called for a crusade"),
    # what someone died of, what people were killed in
    ("Many sailors", "typhus", "Many sailors of the Armada died"),
    ("Thousands were killed", "the fighting", "Thousands were killed at Lützen"),
    # where someone was brought or driven, what someone was made, what an event meant
    ("The coup of 1936", "The coup of 1936", "the colonels"),
    ("The salt tax drove", "The salt tax", "the weavers of Lyon"),
    ("The famine made", "The famine", "the viceroy"),
    ("The defeat at Mohi", "The defeat at Mohi", "the end of the Hungarian army"),
    ("The war plunged", "The war", "the kingdom into debt"),
    ("The revolution in Paris", "The revolution in Paris", "uprisings across Europe"),
    # what a movement grew out of; "That is why", ", which is why"
    ("The guild movement", "the famine of 1315", "The guild movement"),
    ("That is why", "The dyke broke in 1421", "the villages were abandoned"),
    ("The harbour of Ephesus", "The harbour of Ephesus silted up", "the port declined"),
    # what someone had done before "after"; what a clause cost ("with the loss of")
    ("After fighting", "fighting against the pass laws", "a crowd of miners marched to the fort"),
    ("The galleon ran aground", "The galleon ran aground off Bermuda", "the loss of forty sailors"),
    # an end put, marked or spelled
    ("The treaty of Nerchinsk", "The treaty of Nerchinsk", "the border war"),
    ("The battle marked", "The battle", "Danish attempts to hold Sweden"),
    ("The defeat at Manzikert", "The defeat at Manzikert", "Byzantine rule in Anatolia"),
    # the unrest a thing collapsed amid; what a place benefited or suffered from; forced into exile
    ("The Ming dynasty", "widespread unrest in the provinces", "The Ming dynasty collapsed"),
    ("The port of Malacca", "the pepper trade", "the port of Malacca benefited"),
    ("The villages of Bihar", "repeated famines", "the villages of Bihar suffered"),
    ("The archbishop was forced", "the emperor", "The archbishop was forced into exile"),
    # "put on trial for"; "X, which was one of the events leading to Y" names X, not the place inside it
    ("Nine of the plotters", "sedition in Lisbon", "Nine of the plotters were put on trial"),
    ("It was a turning point", "the struggle for home rule in Ireland", "the treaty of 1921"),
    # "set them against"; an apposition the parser reads as a second object; "called for X to do Y after"
    ("The elders were left", "the levy", "them against the rest of the villagers"),
    ("The floods killed", "The floods", "a total of 900 people, a tenth of the population of the delta"),
    ("The viceroy called", "reports of the raid reached the capital", "The viceroy called for the army to march north"),
    # what an event or a thing cost, gave or brought someone; what a place owed its wealth to
    ("His refusal to convert", "His refusal to convert", "the throne of Bohemia"),
    ("The marriage gave", "The marriage", "the duke of Anjou a claim to the crown of Naples"),
    ("The discovery of gold", "The discovery of gold", "thousands of settlers to the Transvaal"),
    ("The city of Petra", "the incense trade", "The city of Petra owed its wealth"),
    ("The war ended in a Roman", "a Roman victory", "the eastern frontier"),
    ("Heavy rains", "Heavy rains", "the harvest"),
    # "as" others did something, with people fleeing or giving up; a lack; what had happened to someone
    ("As the Mongols", "the Mongols advanced", "the inhabitants of Kiev fled to the forests"),
    ("With no heir", "With no heir", "the throne of Navarre passed to a cousin"),
    ("Without support", "Without support from the nobles", "the rebellion in Ghent collapsed"),
    ("Having lost", "Having lost the support of the army", "the emperor abdicated"),
    # "due largely to"; a sentence whose verb the parser hung on a noun
    ("Due largely to", "victories at sea", "the republic became the richest power in the region"),
    ("The king's attempts", "The king's attempts to raise taxes", "conflict with parliament"),
    # ", which ..." after a clause that ends on someone or a place stands for what the clause told
    ("The sultan was assassinated", "The sultan was assassinated by a member of a rival clan",
     "plunged the kingdom into civil war"),
    ("The railway connected", "The railway connected the port of Mombasa to the interior",
     "boosted the export of coffee"),
    # deposed in a coup; the end marked
    ("The shah was deposed", "a coup led by his own generals", "The shah was deposed"),
    ("The fall of Constantinople", "The fall of Constantinople", "the Byzantine Empire"),
    # "After sailing back ..., the carrack ran aground": the parser hangs the subject on the gerund's phrase
    ("After sailing back", "sailing back towards Lisbon", "the carrack ran aground on the shoals of Cape Verde"),
    # "traced back to"; "the resulting X" after what the sentence before told; "X, the result of Y"
    ("The schism can be", "the council of 1054", "The schism"),
    ("The resulting famine", "The rains failed for three years", "The famine"),
    ("The blight, the result", "a wet summer", "The blight"),
    # "had severe consequences"; "is often cited as a cause of"
    ("The revolt of the janissaries", "The revolt of the janissaries", "severe consequences"),
    ("The plague is often", "The plague", "the decline of Siena"),
    # a deed and the flight or surrender "and" tells after it; the means "by doing"; "retreating as ..."
    ("The vassal wounded", "The vassal wounded the emir in the encounter",
     "the emir and his army retreated to Herat"),
    ("The Tatars routed", "flooding its camp", "The Tatars routed the garrison"),
    ("The emir fell back", "the elephants advanced", "the emir retreating"),
    # an aim that names what it pays back; what was taken as given; harm "from" what did it
    ("The prince of Kiev", "the murder of the envoys", "The prince of Kiev burned the town"),
    ("Given the lack", "the lack of supplies", "the Swedish army retreated"),
    ("Given that", "the treasury was empty", "the sultan debased the coinage"),
    ("Thousands of deaths", "famine", "Thousands of deaths"),
    # what a clause began or set up, told by a participle after it
    ("The revolt was ended", "The revolt was ended by the Dutch blockade",
     "beginning two centuries of Dutch rule in Ceylon"),
    # what a thing (no one) made someone; ", an event that ..." stands for the clause; drawn in; left divided
    ("The harsh rule", "The harsh rule of the regent Tokimasa", "Tokimasa deeply unpopular"),
    ("Rome was sacked", "Rome was sacked by the Vandals in 455", "shocked the Roman world"),
    ("The long war drew", "The long war", "most of the Italian states"),
    ("The peace of 1648", "The peace of 1648", "the empire divided into hundreds of states"),
]


@pytest.fixture(scope="session")
def more_causal_article() -> Facts:
    return extract(parse_article(MORE_CAUSAL_ARTICLE, input_format="text"))


@pytest.mark.parametrize("opening,cause,effect", MORE_CAUSAL_CASES, ids=[c[0] for c in MORE_CAUSAL_CASES])
def test_more_cue_forms_put_cause_and_effect_on_their_sides(more_causal_article: Facts, opening: str, cause: str,
                                                             effect: str) -> None:
    assert_link(more_causal_article, opening, cause, effect)


@pytest.mark.parametrize("opening", ["When he was twelve", "The charter was sealed", "The pact held until",
                                     "Seeking support", "The road was known", "The khan killed", "The word meant",
                                     "The city fell under", "The army won the battle by", "The bishop reduced",
                                     "The battle was fought over", "The envoy was met", "With the help",
                                     "The army marched on", "The old king died", "The queen died", "The poet died",
                                     "The painter was born", "Historians still debate", "The revolt was led by",
                                     "The duke fled amid", "The envoy arrived amid", "The two peoples",
                                     "The Berbers flocked", "The rebels, having gathered", "As the sun rose",
                                     "The khan was deposed", "The abbot was captured", "The town owes its name",
                                     "The family traced", "The army fled, and", "The general began by",
                                     "The cavalry regrouped", "The prince of Tver", "The envoy returned",
                                     "The fair was held"])
def test_times_aims_and_names_give_no_link(more_causal_article: Facts, opening: str) -> None:
    """A "when" of an age, a time noun or a date; an aim ("Seeking support"); "as it was called"; a deed of
    someone's told with a verb of harm or change; what a word meant; falling under a rule; a margin; fighting
    over two days; being met by someone; "with" and "on" that follow no event; dying in a year, a place or
    exile; a birth; a question the article raises; what a revolt sought to end; "amid" ruins or celebrations;
    benefiting from each other; what a participle brought along; "having done" set off on a subject; "as" of
    a time alongside; two flights joined by "and"; how a speech began; a retreat joined by "but"."""
    assert not links_from(more_causal_article, opening), [(c.cause, c.cue, c.effect)
                                                          for c in links_from(more_causal_article, opening)]


def test_a_negated_could_is_no_hedge(more_causal_article: Facts) -> None:
    """"the ships could not reach the quay because ...": what was impossible, stated as fact."""
    link = links_from(more_causal_article, "The lagoon was silted")
    assert link and not link[0].hedge and link[0] in more_causal_article.causal_links


def test_a_participle_after_its_cause_is_asked_as_a_result(more_causal_article: Facts) -> None:
    """"What did a cyclone struck Bengal destroy?" reads wrong: the clause is asked with "as a result"."""
    link = links_from(more_causal_article, "A cyclone struck")[0]
    assert (link.kind, link.cue) == ("after", "as a result")


def test_a_clause_for_a_cause_is_asked_as_a_result(more_causal_article: Facts) -> None:
    """"This decision angered ...", ", which led to ...": "What did the viceroy doubled the salt tax anger?"
    reads wrong."""
    for opening in ("This decision angered", "The rebellion in Lima"):
        link = links_from(more_causal_article, opening)[0]
        assert (link.kind, link.cue) == ("after", "as a result")


def test_a_motive_phrase_is_anchored_where_a_why_question_can_drop_it(more_causal_article: Facts) -> None:
    link = links_from(more_causal_article, "The garrison of Rhodes")[0]
    assert link.kind == "reason" and MORE_CAUSAL_ARTICLE[link.anchor: link.anchor + 3] == "for"


def test_a_participle_links_cue_and_tense_read_as_a_question(more_causal_article: Facts) -> None:
    """"attacks that ended up killing most of the herds": "what ended up killing ...?", "What did ... kill?"."""
    link = next(c for c in links_from(more_causal_article, "The raiders set fire") if c.verb == "kill")
    assert (link.cue, link.past) == ("ended up killing", True)
    set_against = links_from(more_causal_article, "The elders were left")[0]
    assert set_against.kind == "passive"  # "What did the levy set against?" reads wrong


def test_a_sentence_the_parser_cut_at_a_bracket_is_named_whole(more_causal_article: Facts) -> None:
    """"... after their captain (a Dutch privateer) Jan Pietersz was forced to surrender ...": the parser starts a
    sentence after the bracket; the link names the sentence the article wrote, at its offsets."""
    link = next(c for c in more_causal_article.causal_links if "Pietersz" in c.effect)
    assert link.where.sentence.startswith("The ballad tells") and link.where.sentence.endswith("Spanish convoy.")
    text = more_causal_article.article.text
    assert text[link.where.sentence_start: link.where.sentence_start + len(link.where.sentence)] == link.where.sentence
    assert link.cause == "attacking a Spanish convoy"


def test_a_when_link_asks_why(more_causal_article: Facts) -> None:
    link = links_from(more_causal_article, "When the bishop")[0]
    assert link.kind == "because" and MORE_CAUSAL_ARTICLE[link.anchor: link.anchor + 4] == "When"


# -- connectives and causatives of the discourse scheme: "and so", "as" of a state, ", and this ...", "the
# resulting X", a named war as a cause, feelings, "After X, Y ensued" -----------------------------------------

CONNECTIVE_ARTICLE = """Connectives

The Great Salt War, which lasted nine years, weakened the river towns. The flood was short but changed the course of the river. The famine inflicted lasting harm on the old trading towns.

In 1702 the duke closed the port, and so the merchants sailed to the southern harbours. The envoy arrived late, so the talks were put off.

The mission was dropped as the court could not afford a second fleet. The feast day was chosen as it coincided with the spring fair. The duchy was in a strong position as its rivals were at war with each other.

The bishops took sides in the quarrel, and this damaged the friendship between the two kings. The guards fired on the crowd, and the resulting panic spread through the city.

The treaty brought an end to the long war between the two cities. Many of the sailors were angered by the new rules and the cuts in pay. This new loan served to calm the markets.

The border crisis began in the north. It was sparked by the arrest of two monks in the market.

After failed talks between the two envoys, a siege ensued. The short battle near the river, which left forty soldiers dead, became known as the Mill Fight.

In 1820 the hussars rode into the square, wounding a clerk and killing two weavers. The raid on the harbour was in retaliation for the flogging of their chief. The regents attributed the fire to a group of foreign sailors. The plan angered the farmers, as it was unduly harsh. The news of the wreck delayed the first voyages to the islands. The new law generated heated debates in the assembly. The sailors burned the village in retribution for the killings.

The grain riot of the northern provinces was sparked by the beating of two old fishermen from the harbour of Ostend in front of the customs house of the lower town on 4 May 1702.

The regents seized the abbey lands and used the fire as a pretext to arrest the abbots.

The police made mass arrests of weavers. This severely crippled weaver participation in the elections.

The army sacked the capital and carried off the emperor.

This ended the long peace of the northern kingdom. The alderman, afraid of any possible riots, announced a curfew that night. The monks were killed on the orders of the governor. The elites were alienated, as the vizier relied on troops from the north. The winter was so cold that the river froze.

As the army advanced, the farmers harvested their fields. The treaty, as it was called, was signed in May. The king acted to stop the revolt. He did so in 1802. The town was so poor that it sold its bells.
"""

CONNECTIVE_CASES = [
    ("The Great Salt War", "The Great Salt War, which lasted nine years", "the river towns"),
    ("The flood was short", "The flood", "the course of the river"),
    ("The famine inflicted", "The famine", "lasting harm on the old trading towns"),
    ("In 1702 the duke", "the duke closed the port", "the merchants sailed to the southern harbours"),
    ("The envoy arrived late", "The envoy arrived late", "the talks were put off"),
    ("The mission was dropped", "the court could not afford a second fleet", "The mission was dropped"),
    ("The feast day", "the feast day coincided with the spring fair", "The feast day was chosen"),
    ("The duchy was", "its rivals were at war with each other", "The duchy was in a strong position"),
    ("The bishops took sides", "The bishops took sides in the quarrel", "the friendship between the two kings"),
    ("The guards fired", "The guards fired on the crowd", "the panic spread through the city"),
    ("The treaty brought", "The treaty", "the long war between the two cities"),
    ("Many of the sailors", "the new rules and the cuts in pay", "Many of the sailors were angered"),
    ("This new loan", "This new loan", "calm the markets"),
    ("It was sparked", "the arrest of two monks in the market", "The border crisis"),
    ("After failed talks", "failed talks between the two envoys", "a siege ensued"),
    ("The short battle", "The short battle near the river", "forty soldiers dead"),
    ("In 1820 the hussars", "the hussars rode into the square", "two weavers"),
    ("The raid on the harbour", "the flogging of their chief", "The raid on the harbour"),
    ("The regents attributed", "a group of foreign sailors", "the fire"),
    ("The plan angered", "the plan was unduly harsh", "The plan angered the farmers"),
    ("The news of the wreck", "The news of the wreck", "the first voyages"),
    ("The new law generated", "The new law", "heated debates in the assembly"),
    ("The sailors burned", "the killings", "The sailors burned the village"),
    ("The town was so poor", "The town was poor", "it sold its bells"),
    # a long cause loses its where and when whole: never "in front" without "of the customs house"
    ("The grain riot", "the beating of two old fishermen from the harbour of Ostend",
     "The grain riot of the northern provinces"),
    ("The regents seized", "the fire", "arrest the abbots"),
    # the tagger reads "crippled" after "This" as an adjective: by the words, the sentence before is the cause
    ("This severely crippled", "The police made mass arrests of weavers",
     "severely crippled weaver participation in the elections"),
    # a paragraph that opens "This ..." takes up the paragraph before
    ("This ended the long peace", "The army sacked the capital and carried off the emperor",
     "the long peace of the northern kingdom"),
    ("The alderman", "afraid of any possible riots", "The alderman announced a curfew that night"),
    ("The monks were killed", "the governor", "The monks were killed"),
    ("The elites were alienated", "the vizier relied on troops from the north", "The elites were alienated"),
    ("The winter was so cold", "The winter was cold", "the river froze"),
]


@pytest.fixture(scope="session")
def connective_article() -> Facts:
    return extract(parse_article(CONNECTIVE_ARTICLE, input_format="text"))


@pytest.mark.parametrize("opening,cause,effect", CONNECTIVE_CASES, ids=[c[0] for c in CONNECTIVE_CASES])
def test_connectives_and_causatives_put_cause_and_effect_on_their_sides(connective_article: Facts, opening: str,
                                                                        cause: str, effect: str) -> None:
    assert_link(connective_article, opening, cause, effect)


@pytest.mark.parametrize("opening", ["As the army advanced", "The treaty, as it was called", "The king acted",
                                     "He did so"])
def test_a_time_a_name_an_aim_and_a_degree_give_no_link(connective_article: Facts, opening: str) -> None:
    assert not links_from(connective_article, opening), \
        [(c.cause, c.cue, c.effect) for c in links_from(connective_article, opening)]
