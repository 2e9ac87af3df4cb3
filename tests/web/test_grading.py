"""Grading typed answers: a table of answers that must be accepted, with the reason shown, and answers that must
not (a wrong date, a different person, an empty answer, another entity)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from web.grading import HAD_IT, MISSED_IT, Decision, dates, fold, grade, self_marked
from web.models import SetQuestion


def question(answer: object, topic: str = "person", fmt: str = "short_answer", choices: tuple[str, ...] = (),
             accepted: tuple[str, ...] = ()) -> SetQuestion:
    return SetQuestion(id=1, set_id=1, set_article_id=1, uid="u", position=0, format=fmt, topic=topic, prompt="?",
                       answer=answer, choices=list(choices), explanation="", source_sentence="", source_section="",
                       tags=[], accepted=list(accepted))


ACCEPTED = [
    # answer, topic, typed, teacher's alternatives, why
    ("Sergei Kirov", "person", "Sergei Kirov", (), "exact"),
    ("Sergei Kirov", "person", "sergei kirov", (), "exact"),
    ("Sergei Kirov", "person", "Sergei Kirow", (), "accepted: one letter off"),
    ("Sergei Kirov", "person", "Segrei Kirov", (), "accepted: one letter off"),  # letters swapped
    ("Sergei Kirov", "person", "Kirov", (), "accepted: surname"),
    ("Sergei Kirov", "person", "Kirov's", (), "accepted: surname"),
    ("Genrikh Yagoda", "person", "Genrikh Yagóda", (), "exact"),
    ("Smolny Institute", "place", "the smolny institute.", (), "exact"),
    ("Saint Petersburg", "place", "saint-petersburg", (), "exact"),
    ("Leningrad Oblast", "place", "Leningrad Oblats", (), "accepted: one letter off"),
    ("NKVD", "organization", "the NKVD", (), "exact"),
    ("\u201cNKVD\u201d", "organization", '"NKVD"', (), "exact"),
    ("People's Commissariat for Internal Affairs (NKVD)", "organization", "NKVD", (), "accepted: short form"),
    ("East Germany", "place", "GDR", ("GDR", "German Democratic Republic"), "accepted: teacher's alternative"),
    ("East Germany", "place", "German Democratic Repulbic", ("GDR", "German Democratic Republic"),
     "accepted: teacher's alternative"),
    ("1961 to 1989", "date", "1961-1989", (), "accepted: same date"),
    ("1961 to 1989", "date", "1961\u201389", (), "accepted: same date"),
    ("1961 to 1989", "date", "from 1961 until 1989", (), "accepted: same date"),
    ("December 1, 1934", "date", "1 December 1934", (), "accepted: same date"),
    ("December 1, 1934", "date", "1st Dec 1934", (), "accepted: same date"),
    ("December 1, 1934", "date", "december first, 1934", (), "accepted: same date"),
    ("three", "other", "3", (), "exact"),
    ("the first Five-Year Plan", "event", "1st five year plan", (), "exact"),
    ("twenty-one", "other", "21", (), "exact"),
]


@pytest.mark.parametrize("answer, topic, typed, accepted, why", ACCEPTED)
def test_answers_that_must_be_accepted(answer: str, topic: str, typed: str, accepted: tuple[str, ...],
                                       why: str) -> None:
    assert grade(question(answer, topic, accepted=accepted), typed) == Decision(True, why)


REFUSED = [
    # answer, topic, typed, teacher's alternatives
    ("December 1, 1934", "date", "December 2, 1934", ()),  # a wrong day
    ("December 1, 1934", "date", "1 December 1935", ()),  # a wrong year
    ("1934", "date", "1935", ()),  # no slip forgiven in a number
    ("1961 to 1989", "date", "1961-1988", ()),
    ("1961 to 1989", "date", "1961", ()),
    ("Sergei Kirov", "person", "Sergei Eisenstein", ()),  # a different person sharing the first name
    ("Sergei Kirov", "person", "Sergei", ()),  # the first name alone names nobody
    ("Sergei Kirov", "person", "Leningrad", ()),  # another entity
    ("Sergei Kirov", "person", "", ()),
    ("Sergei Kirov", "person", "   ...  ", ()),
    ("Sergei Kirov", "person", "the", ()),
    ("Anna Smith", "person", "Anya Smith", ()),  # one letter in a short name makes another name
    ("Kirov", "place", "Kiev", ()),
    ("Sergei Kirov", "place", "Kirov", ()),  # the surname counts for a person only
    ("Leningrad Oblast", "place", "Leningrad", ()),
    ("NKVD", "organization", "OGPU", ("GPU",)),
    ("East Germany", "place", "West Germany", ("GDR",)),
    ("three", "other", "4", ()),
]


@pytest.mark.parametrize("answer, topic, typed, accepted", REFUSED)
def test_answers_that_must_not_be_accepted(answer: str, topic: str, typed: str, accepted: tuple[str, ...]) -> None:
    assert grade(question(answer, topic, accepted=accepted), typed) == Decision(False, "wrong")


def test_a_wrong_option_is_wrong_however_close() -> None:
    q = question("Sergei Kirova", choices=("Sergei Kirova", "Sergei Kirov", "Sergei Kirkov"))
    assert grade(q, "Sergei Kirov") == Decision(False, "wrong")
    assert grade(q, "Sergei Kirova").correct


def test_choice_formats_keep_exact_matching_with_a_reason() -> None:
    mc = question("Leningrad", "place", fmt="multiple_choice", choices=("Leningrad", "Moscow", "Kiev", "Minsk"))
    assert grade(mc, "Leningrad") == Decision(True, "exact")
    assert grade(mc, "Leningrd") == Decision(False, "wrong")
    timeline = question(["a", "b", "c"], "date", fmt="timeline")
    assert grade(timeline, ["a", "b", "c"]) == Decision(True, "exact")
    assert grade(timeline, ["b", "a", "c"]) == Decision(False, "wrong")


def test_a_long_answer_is_marked_by_the_student() -> None:
    q = question("mass arrests and purges across the whole party", "cause")
    assert grade(q, HAD_IT) == Decision(True, "self-marked")
    assert grade(q, MISSED_IT) == Decision(False, "self-marked")
    # a program sending the whole answer through the API is graded like any typed answer
    assert grade(q, "mass arrests and purges across the whole party") == Decision(True, "exact")


def test_the_teacher_alternatives_given_explicitly_win_over_the_stored_ones() -> None:
    q = question("East Germany", "place", accepted=("GDR",))
    assert grade(q, "GDR").correct and not grade(q, "GDR", accepted=[]).correct


def test_date_forms() -> None:
    assert dates(fold("December 1, 1934")) == dates(fold("1 Dec. 1934")) == [(1934, 12, 1)]
    assert dates(fold("1914-18")) == [(1914, 0, 0), (1918, 0, 0)]
    assert dates(fold("1990s reforms")) is None


names = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs", "Pd")), min_size=1, max_size=40)


@given(names, st.sampled_from(["person", "place", "date", "other"]))
def test_an_answer_is_accepted_as_itself_and_in_capitals(answer: str, topic: str) -> None:
    q = question(answer, topic)
    if self_marked(q):
        assert grade(q, HAD_IT).correct and not grade(q, answer).correct
    elif fold(answer):
        assert grade(q, answer).correct
        assert grade(q, answer.upper()).correct
    else:
        assert not grade(q, answer).correct
