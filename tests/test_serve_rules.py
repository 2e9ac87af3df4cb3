"""Rules drawn from blind ratings of real articles, checked on an article written for the test: a faith is no
part of a name, a question never leans on an unnamed "the city", a leading "As a result of this," goes, a date
that only bounds an event ("until 1850") is not asked as its time, a description is asked with its own
sentence as the source, and one person is asked about once, whichever form of the name."""

from __future__ import annotations

import re

import pytest

from quizgen.models import Facts, QuestionSet
from quizgen.pipeline import extract, generate, read_article
from quizgen.questions.features import REASONS, SUBJECT_BACK, UNNAMED_PLACE
from quizgen.questions.wording import leading_connective

ARTICLE = """Lowland Weavers' Revolt

The Lowland Weavers' Revolt was an uprising of hand-loom weavers in the county of Marrow in 1792. It was led by \
the preacher Elias Brandt, who had organised a petition against the new frame looms.

Causes

Protestant Margaret Hale, a mill owner from Dunmere, installed forty frame looms in March 1791. The weavers lost \
their work, and bread prices rose sharply. As a result of this, Brandt called a meeting at the market cross of \
Dunmere on 4 June 1792. The city had been quiet for a decade.

The revolt

On 9 June 1792 about two thousand weavers marched on Hale's mill and broke the looms. Roman Catholic priests \
sheltered the wounded. Brandt was arrested on 12 June 1792 and tried at Carlow. Hale, who had fled to Carlow, \
gave evidence against him. The special commission sat until 1794.

Aftermath

Brandt was transported to New South Wales in 1793. The county magistrates banned frame looms in Marrow until 1850.
"""


@pytest.fixture(scope="module")
def article_facts() -> Facts:
    return extract(read_article(ARTICLE))


@pytest.fixture(scope="module")
def question_set() -> QuestionSet:
    return generate([read_article(ARTICLE)])[0]


def test_a_faith_is_no_part_of_a_name(article_facts: Facts) -> None:
    people = {p.name for p in article_facts.people}
    assert "Margaret Hale" in people
    assert not [p for p in people if re.search(r"\b(?:Protestant|Catholic)\b", p)], people


def test_no_question_leans_on_an_unnamed_place_or_the_sentence_before(question_set: QuestionSet) -> None:
    shown = [*question_set.questions, *question_set.suggestions]
    assert shown
    assert not [q.prompt for q in question_set.questions if UNNAMED_PLACE.search(q.prompt)]
    assert not [q.prompt for q in shown if leading_connective(q.prompt)]
    assert not [q.prompt for q in shown if q.prompt.startswith("As a result of this")]


def test_a_bound_is_not_asked_as_the_time_of_an_event(question_set: QuestionSet) -> None:
    shown = [*question_set.questions, *question_set.suggestions]
    asked = [(q.prompt, q.answer) for q in shown if q.prompt.startswith("When") and q.topic == "date"]
    assert asked, "the article gives dates to ask"
    assert not [a for a in asked if a[1] in ("1850", "1794")], asked


def test_a_description_is_asked_with_its_own_sentence(question_set: QuestionSet) -> None:
    described = [q for q in [*question_set.questions, *question_set.suggestions] if q.prompt.startswith("Who ")]
    assert described
    for q in described:
        # the source holds the words the question was made of (not the person's first mention)
        words = set(re.findall(r"[a-z]{5,}", q.prompt.lower())) - {"which"}
        assert words <= set(re.findall(r"[a-z]{5,}", q.source.sentence.lower())), (q.prompt, q.source.sentence)


def test_one_person_is_asked_about_once(question_set: QuestionSet) -> None:
    surnames = [str(q.answer).split()[-1] for q in question_set.questions
                if q.topic == "person" and q.format not in ("true_false", "timeline", "matching")]
    assert len(surnames) == len(set(surnames)), surnames


TELEGRAM = """Larsen Telegram

The Larsen Telegram was a secret diplomatic message sent by the Danish foreign minister Karl Larsen on 4 March \
1899 to the Danish envoy in Lima. The message proposed a trade alliance between Denmark and Peru. The message \
was intercepted by British naval intelligence in April 1899. Larsen may have written it on 1 March 1899.

The speech

Larsen defended himself in a speech to the Folketing on 2 May 1899. The speech was printed in every newspaper.
"""


def test_the_article_s_subject_is_named_where_the_text_says_the_message() -> None:
    qs = generate([read_article(TELEGRAM)])[0]
    shown = [*qs.questions, *qs.suggestions]
    from_message = [q for q in shown if q.source.sentence.startswith("The message")]
    assert from_message
    assert all("the Larsen Telegram" in q.prompt.replace("The Larsen", "the Larsen") for q in from_message
               if q.format in ("true_false", "short_answer")), [q.prompt for q in from_message]
    # another speech than the article's subject keeps its own words
    assert not [q.prompt for q in shown if "Larsen Telegram was printed" in q.prompt]
    # a guess the article reports is not asked as a fact, in any form
    assert not [q.prompt for q in shown if re.match(r"When (?:may|might|could|would)\b", q.prompt)]
    assert not [q.prompt for q in qs.questions if "may have written" in q.prompt]
    assert [q.prompt for q in qs.suggestions if "may have written" in q.prompt], "the guess is still suggested"


def test_a_subject_an_earlier_sentence_explains_is_not_served(question_set: QuestionSet) -> None:
    """"The weavers lost their work": which weavers, the question alone does not say."""
    assert not [q.prompt for q in question_set.questions if SUBJECT_BACK.match(q.prompt)
                and "weavers" in q.prompt.split(" ", 2)[1].lower()]
    assert [q.prompt for q in question_set.suggestions if q.reason == REASONS["subject_back"]]


PROTEST = """Karoo Protest

The Karoo Protest was a rising of farmers in the Cape Province in 1815. Jan Smit called the farmers together on \
4 May 1815 in the village of Ntaba in the Cape Province (today part of the Eastern Cape), when the new tax was \
announced. The rising was put down on 9 March 1816 by a force under Colonel Henry Cole.
"""


def test_a_question_keeps_or_drops_a_bracket_whole_and_names_the_rising() -> None:
    qs = generate([read_article(PROTEST)])[0]
    shown = [*qs.questions, *qs.suggestions]
    # "(today part of the Eastern Cape)": in with its brackets or out with them, never its words alone
    assert not [q.prompt for q in shown if "today part" in q.prompt and "(today part" not in q.prompt]
    # "The rising" (a verb's -ing form to the tagger) is the article's subject, named
    from_rising = [q.prompt for q in shown if q.source.sentence.startswith("The rising")]
    assert from_rising and all("Karoo Protest" in p for p in from_rising), from_rising


CANAL = """Harbour Canal Riots

The Harbour Canal Riots were riots by dock workers in the port of Velden in 1848. The canal company, led by \
Pieter Maas, had cut wages in the 1840s. Pieter Maas refused to meet the workers on 3 March 1848. The riots began \
on 5 March 1848, when the workers burned the company's offices. Maas fled to the coast on 6 March 1848.

Background

Trade on the canal grew through the 17th and 18th centuries. By the 18th century, Velden had become the busiest \
port of the coast. More significantly, the canal carried most of the grain of the province. The guilds had \
protested against the company in 1841, in 1843 and in 1846, each time in vain. The army restored order on \
9 March 1848.
"""


@pytest.fixture(scope="module")
def canal() -> QuestionSet:
    return generate([read_article(CANAL)])[0]


def test_a_statement_is_made_false_only_by_another_date(canal: QuestionSet) -> None:
    shown = [*canal.questions, *canal.suggestions]
    false = [q for q in shown if q.format == "true_false" and q.answer == "False"]
    assert false, "the article's dated sentences give false statements"
    assert all(q.topic == "date" for q in false), [q.prompt for q in false]


def test_a_date_the_sentence_gives_away_or_a_bound_is_not_served(canal: QuestionSet) -> None:
    served = [q for q in canal.questions if q.format == "cloze" and q.topic == "date"]
    assert not [q.prompt for q in served if "17th and _____" in q.prompt or q.prompt.startswith("By _____")]
    held = [q for q in canal.suggestions if q.reason == REASONS["date_given_away"]]
    assert held, [(q.prompt, q.reason) for q in canal.suggestions if q.topic == "date"]


def test_a_leading_more_significantly_is_dropped(canal: QuestionSet) -> None:
    assert not [q.prompt for q in [*canal.questions, *canal.suggestions] if q.prompt.startswith("More significantly")]


def test_one_fact_is_served_once_whatever_form_the_name_or_year_takes(canal: QuestionSet) -> None:
    for a in canal.questions:
        if a.format == "true_false" or a.topic not in ("person", "date"):
            continue
        short = str(a.answer).split()[-1]
        others = [b.prompt for b in canal.questions if b is not a and re.search(rf"\b{re.escape(short)}\b", b.prompt)]
        assert a.topic != "person" or not others, (a.prompt, a.answer, others)


def test_a_false_date_is_none_the_sentence_gives_elsewhere(canal: QuestionSet) -> None:
    """"Trade grew through the 17th and 17th centuries" is no statement at all."""
    for q in [*canal.questions, *canal.suggestions]:
        if q.format == "true_false" and q.answer == "False":
            values = re.findall(r"\b\d+(?:st|nd|rd|th|s)?\b", q.prompt)
            assert len(values) == len(set(values)), q.prompt


SALT = """Salt Tax Riots

The Salt Tax Riots were riots in the town of Orvel in 1766. In March 1766 the governor doubled the tax on salt. \
As a result, the fishermen of Orvel stopped selling their catch. Many of the sailors were angered by the new rules \
and the cuts in pay. The governor fled to the capital after the riots.
"""


def test_an_effect_s_own_clause_is_asked_why_with_its_cause_for_answer() -> None:
    qs = generate([read_article(SALT)])[0]
    asked = {q.prompt: q.answer for q in [*qs.questions, *qs.suggestions] if q.prompt.startswith("Why")}
    assert asked.get("Why did the fishermen of Orvel stop selling their catch?") == "the governor doubled the tax on salt"
    assert asked.get("Why were many of the sailors angered?") == "the new rules and the cuts in pay"
    # "after" tells when, not why
    assert not [p for p in asked if "flee" in p], asked


GUARD = """Tallow Riots

The Tallow Riots were riots by chandlers in the town of Berwick in 1702. The magistrates doubled the duty on \
tallow in March 1702, and the chandlers closed their shops. The mayor then proceeded to fine the chandlers of the \
lower town. The guard fired on the crowd, killing a further three people. Captain Hollis of the guard reacted by \
arresting the leaders. The merchants traded with all three guilds of the town. The riots ended on 9 May 1702.
"""


def test_a_sentence_that_takes_up_the_one_before_is_not_served() -> None:
    qs = generate([read_article(GUARD)])[0]
    served = [q.prompt for q in qs.questions]
    assert served
    for words in ("then proceeded", "a further three", "reacted by", "all three guilds"):
        assert not [p for p in served if words in p], (words, served)
    assert [q for q in qs.suggestions if q.reason == REASONS["points_back"]]


def test_a_date_blank_after_in_says_what_kind_of_date_it_asks_for(canal: QuestionSet) -> None:
    """"The riots took place in Velden in _____": a place fits as well as a year, unless the prompt says which."""
    clozes = [q for q in [*canal.questions, *canal.suggestions] if q.format == "cloze" and q.topic == "date"]
    after_in = [q for q in clozes if re.search(r"\b[Ii]n _____", q.prompt)]
    assert after_in
    for q in after_in:
        assert re.search(r"_____ \((?:year|years|month and year|date|decade|century)\)", q.prompt), q.prompt


POISONINGS = """Harbour Poisonings

The Harbour Poisonings were the murder of three customs officers by smugglers in Ostend, in May 1702. \
Between 1699 and 1702, rebellions erupted along the coast to overthrow the governor.

Aftermath

The smugglers met at the tavern of Jan Roos. Maria Claes was well educated for a woman of that era – she read \
Latin and kept the accounts. When Pieter Wouters became mayor two years later, Claes was released. She sailed to \
Lisbon and became a merchant there. The captain rushed to the place with all the men that he could gather.
"""


@pytest.fixture(scope="module")
def poisonings() -> QuestionSet:
    return generate([read_article(POISONINGS)])[0]


def test_a_pronoun_is_named_only_when_nobody_else_could_be_meant(poisonings: QuestionSet) -> None:
    shown = [q.prompt for q in [*poisonings.questions, *poisonings.suggestions]]
    # the main clause before "She sailed" has Claes, the clause before it Wouters: "she" is left alone
    assert not [p for p in shown if "Wouters sailed" in p]
    # the person is named just before "she": no surname is brought in beside her first name
    assert not [p for p in shown if "– Claes read" in p]


def test_a_place_or_an_era_named_only_by_its_kind_is_not_served(poisonings: QuestionSet) -> None:
    served = [q.prompt for q in poisonings.questions]
    assert not [p for p in served if "that era" in p or "the place" in p], served
    assert [q for q in poisonings.suggestions if q.reason == REASONS["unnamed_thing"]]


def test_a_definition_is_not_asked_when_and_a_span_is_not_made_false(poisonings: QuestionSet) -> None:
    shown = [*poisonings.questions, *poisonings.suggestions]
    assert not [q.prompt for q in shown if q.prompt.startswith("When were the Harbour Poisonings the murder")]
    assert not [q.prompt for q in shown if q.answer == "False" and "between" in q.prompt]
    spans = [q.answer for q in shown if q.prompt.startswith("When") and "1699" in str(q.answer)]
    assert all(str(a).startswith("between ") for a in spans), spans
    assert [q for q in shown if q.format == "cloze" and q.answer == "1699 and 1702"], "the span is still asked"


TALLOW = """Tallow Trials

The Tallow Trials (Flemish: Talgprocessen), were trials of chandlers in Ghent in 1702. The episode is one of the \
city's best remembered cases of mass panic. The trials took place during March and April 1702, after the \
magistrates accused the chandlers of poisoning the wells. Only fourteen other men had been tried for poisoning in \
Flanders during the 17th century. In other words, the chandlers were the largest group ever tried. The trials were \
part of a quarrel over trade treaties with the United Provinces, under the U.P.-Flanders Treaty of 1699.
"""


def test_copied_wording_keeps_its_grammar_and_gives_nothing_away() -> None:
    qs = generate([read_article(TALLOW)])[0]
    shown = [*qs.questions, *qs.suggestions]
    prompts = [q.prompt for q in shown]
    # the comma that closed a dropped aside goes with it; a plural name never stands for "The episode is"
    assert not [p for p in prompts if "Trials, were" in p or "Trials is" in p]
    assert not [p for p in prompts if p.startswith("In other words")]
    assert not [p for p in prompts if " Only " in p], "a word that opened the sentence is lowercased inside a question"
    served = [q.prompt for q in qs.questions]
    assert not [p for p in served if "March and _____" in p or "fourteen other" in p or "U.P.-Flanders" in p
                and "_____" in p and "United Provinces" not in p]
    held = {q.reason for q in qs.suggestions}
    assert {REASONS["answer_abbreviated"], REASONS["date_given_away"], REASONS["points_back"]} <= held
