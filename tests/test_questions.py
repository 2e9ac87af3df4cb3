"""Question generation with the real spaCy model: the bundled deck gives enough candidates of every
format and topic, each passing the hard checks of grounded questions (question_checks.py), and
enough served questions; ids survive unrelated edits; the articles written for these tests pass the
same filters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from question_checks import (
    CHECKS,
    answer_in_source,
    distinct_prompts,
    failures,
    matching_pairs,
    multiple_choice_options,
    no_pronoun_start,
    no_vague_reference,
    prompt_without_answer,
    source_in_article,
    timeline_order,
    true_false_statements,
)
from quizgen_runs import KIROV, OWN_ARTICLES, kirov_article, kirov_question_sets, own_facts, own_question_sets

from quizgen.models import FORMATS, Question, QuestionSet
from quizgen.pipeline import generate, load_articles
from quizgen.questions.rank import unresolved_pronoun

# -- the bundled deck ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def kirov_set() -> QuestionSet:
    sets = kirov_question_sets()
    assert len(sets) == 1
    return sets[0]


def candidates(qs: QuestionSet) -> tuple[Question, ...]:
    """Every question made: the served ones and the suggestions the teacher's editor offers."""
    return qs.questions + qs.suggestions


@pytest.fixture(scope="session")
def questions(kirov_set: QuestionSet) -> Sequence[Question]:
    return candidates(kirov_set)


@pytest.fixture(scope="session")
def served(kirov_set: QuestionSet) -> Sequence[Question]:
    return kirov_set.questions


@pytest.fixture(scope="session")
def text() -> str:
    return kirov_article().text


def test_at_least_forty_candidates(questions: Sequence[Question]) -> None:
    assert len(questions) >= 40


def test_enough_served_questions_on_dates_people_and_causes(served: Sequence[Question]) -> None:
    """Served questions from the bundled article with a date, a person and a cause-or-effect question among
    them, since the article states all three. Only questions the model expects a teacher to keep are served
    (blind raters accepted 45 % of those far below its threshold), so a long article may serve fewer than
    its length would allow; the rest wait in the editor as suggestions."""
    assert len(served) >= 6
    assert {"date", "person"} <= {q.topic for q in served}
    assert {"cause", "effect"} & {q.topic for q in served}


def test_every_format_is_present(questions: Sequence[Question]) -> None:
    assert {q.format for q in questions} == set(FORMATS)


def test_main_topics_are_present(questions: Sequence[Question]) -> None:
    assert {"date", "person", "place", "cause", "effect"} <= {q.topic for q in questions}


def test_answers_stand_in_their_source_sentence(questions: Sequence[Question], text: str) -> None:
    assert not failures(answer_in_source, questions, text)


def test_prompts_do_not_give_the_answer(questions: Sequence[Question], text: str) -> None:
    assert not failures(prompt_without_answer, questions, text)


def test_no_prompt_starts_with_a_pronoun(questions: Sequence[Question], text: str) -> None:
    assert not failures(no_pronoun_start, questions, text)


def test_no_prompt_has_a_vague_reference(questions: Sequence[Question], text: str) -> None:
    assert not failures(no_vague_reference, questions, text)


def test_no_two_questions_ask_the_same(questions: Sequence[Question], text: str) -> None:
    assert not failures(distinct_prompts, questions, text)


def test_multiple_choice_has_four_options_one_right(questions: Sequence[Question], text: str) -> None:
    assert any(q.format == "multiple_choice" for q in questions)
    assert not failures(multiple_choice_options, questions, text)


def test_true_false_statements_are_true_or_swapped(questions: Sequence[Question], text: str) -> None:
    # made false only by another of the article's dates: a person swapped in was often involved all the same
    assert all(q.topic == "date" for q in questions if q.format == "true_false" and q.answer == "False")
    assert not failures(true_false_statements, questions, text)


def test_timeline_orders_its_own_choices(questions: Sequence[Question], text: str) -> None:
    assert not failures(timeline_order, questions, text)


def test_matching_pairs_are_distinct(questions: Sequence[Question], text: str) -> None:
    assert not failures(matching_pairs, questions, text)


def test_every_source_sentence_is_in_the_article(questions: Sequence[Question], text: str) -> None:
    assert not failures(source_in_article, questions, text)


def test_ids_are_unique(questions: Sequence[Question]) -> None:
    assert len({q.id for q in questions}) == len(questions)


# -- ids stay when the article changes elsewhere ---------------------------------------------------------

UNRELATED = "Much of the surviving correspondence is fragmentary, and many letters were written in haste and left unsigned."


def same_question(q: Question) -> tuple:
    return (q.format, q.topic, q.prompt, q.answer, q.source.sentence, q.source.section)


def test_ids_survive_an_unrelated_edit(kirov_set: QuestionSet, tmp_path) -> None:
    original = KIROV.read_text(encoding="utf-8")
    marker = "\n\nThe assassination\n\n"
    assert original.count(marker) == 1
    edited = tmp_path / "article.txt"
    edited.write_text(original.replace(marker, f"\n\n{UNRELATED}{marker}"), encoding="utf-8")
    [article] = load_articles(edited)
    assert UNRELATED in article.text and article.title == kirov_set.title
    [after] = generate([article])

    old_ids, new_ids = {q.id for q in candidates(kirov_set)}, {q.id for q in candidates(after)}
    kept = len(old_ids & new_ids) / len(old_ids)
    assert kept >= 0.9, f"only {kept:.0%} of the ids survive"
    new_by_content = {same_question(q): q.id for q in candidates(after)}
    changed = [(q.prompt, q.id, new_by_content[same_question(q)]) for q in candidates(kirov_set)
               if same_question(q) in new_by_content and new_by_content[same_question(q)] != q.id]
    assert not changed, "same question, new id"


# -- the articles written for these tests ------------------------------------------------------------------


@pytest.fixture(scope="session")
def own_sets() -> dict[str, QuestionSet]:
    return own_question_sets()


@pytest.mark.parametrize("key", list(OWN_ARTICLES))
def test_own_article_gives_questions(own_sets: dict[str, QuestionSet], key: str) -> None:
    qs = own_sets[key]
    assert qs.title == own_facts()[key].article.title
    assert len(candidates(qs)) >= 10 and qs.questions
    formats = {q.format for q in candidates(qs)}
    assert {"cloze", "true_false"} <= formats
    assert formats & {"short_answer", "multiple_choice"}, formats  # a fact asked as a question, one way or the other


@pytest.mark.parametrize("check", list(CHECKS))
@pytest.mark.parametrize("key", list(OWN_ARTICLES))
def test_own_article_questions_pass_the_hard_filters(own_sets: dict[str, QuestionSet], key: str, check: str) -> None:
    assert not failures(CHECKS[check], candidates(own_sets[key]), own_facts()[key].article.text)


def test_a_subject_moved_into_a_question_drops_its_sentence_capital(own_sets: dict[str, QuestionSet]) -> None:
    """"Opposition to the shogunate grew ... during the 1860s" asks "When did opposition ... grow ...?";
    a name keeps its capital ("When did Commodore Matthew Perry ... arrive ...?")."""
    prompts = [q.prompt for q in candidates(own_sets["meiji"])]
    assert any(p.startswith("When did opposition to the shogunate grow") for p in prompts), prompts
    assert any(p.startswith("When did Commodore Matthew Perry") for p in prompts), prompts


def test_a_cause_that_is_a_clause_is_set_before_the_question(own_sets: dict[str, QuestionSet]) -> None:
    """"In response, Nasser nationalised ...": the cause is the sentence before, stated first, not
    "what happened in response of the United States ... withdrew their offer?"."""
    prompts = [q.prompt for key in ("suez", "meiji") for q in candidates(own_sets[key])]
    stated = "The United States and Britain withdrew their offer to fund the Aswan High Dam. According to the article, "
    assert any(p.startswith(stated) for p in prompts), prompts
    assert any(re.search(r"\. According to the article, (which was a consequence|what happened in response)\?$", p)
               for p in prompts), prompts
    assert not [p for p in prompts if re.search(r"(consequence|response|result) of the \w+ \w+ (withdrew|abolished)", p)]


def test_a_false_statement_does_not_name_someone_the_sentence_names(own_sets: dict[str, QuestionSet]) -> None:
    """"Eden ... compared Nasser to Mussolini" must not turn into "Eden ... compared Anthony Eden to ..."."""
    for q in candidates(own_sets["suez"]):
        if q.format == "true_false" and q.answer == "False" and q.source.sentence.startswith("Eden,"):
            assert "Anthony Eden" not in q.prompt and "Mussolini to" not in q.prompt


def test_a_definition_is_not_asked_when(own_sets: dict[str, QuestionSet]) -> None:
    assert not [q.prompt for q in candidates(own_sets["suez"]) if q.prompt.startswith("When was the Suez Crisis")]


def test_a_question_names_whom_its_pronouns_mean(own_sets: dict[str, QuestionSet]) -> None:
    """"When did his forces take Chang'an?" shows no sentence that says whose: it is not asked."""
    asked = [q.prompt for qs in own_sets.values() for q in candidates(qs) if q.format in ("short_answer", "multiple_choice")]
    assert not [p for p in asked if unresolved_pronoun(p)]
    assert unresolved_pronoun("When did his forces take Chang'an?")
    assert not unresolved_pronoun("When did Tokugawa Yoshinobu resign his powers?")
