"""Grading an answer, with the reason: the one place the library quiz, the class quiz, the API and the results
(page and CSV) decide whether an answer is right.

Typed answers are compared after folding what does not change the meaning (case, accents, punctuation,
articles, number words, the way a date is written); a slip of a letter or two is forgiven in words long
enough that it cannot make another word, never in numbers; the surname alone names a person; the teacher's
accepted alternatives count as the answer. An answer that names one of the question's wrong options is
never accepted, however close it is to the right one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rapidfuzz.distance import DamerauLevenshtein

from quizgen.questions.draft import MAX_TYPED_WORDS

TEXT_FORMATS = ("short_answer", "cloze")
CHOICE_FORMATS = ("multiple_choice", "true_false")
ARTICLES = frozenset({"a", "an", "the"})
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
                        "\u0131": "i"})  # dotless i: its capital is I

# what a student who marks a card themselves answers
HAD_IT = "I had it"
MISSED_IT = "I didn't"

EXACT = "exact"
WRONG = "wrong"
SELF_MARKED = "self-marked"
SURNAME = "accepted: surname"
ALTERNATIVE = "accepted: teacher's alternative"
SAME_DATE = "accepted: same date"
SHORT_NAME = "accepted: short form"


@dataclass(frozen=True)
class Decision:
    correct: bool
    why: str


class Gradable(Protocol):
    format: str
    topic: str
    answer: Any
    choices: list[str]


# --- folding ---------------------------------------------------------------------------------------------

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
CARDINALS = {**{w: n for n, w in enumerate(UNITS)}, **TENS, "hundred": 100}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "thirtieth": 30}


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _numbers(words: list[str]) -> list[str]:
    """Number words as digits: 'three' -> '3', 'twenty one' -> '21', 'first' -> '1st', 'twenty first' -> '21st'."""
    out: list[str] = []
    for w in words:
        prev_tens = out and out[-1].isdigit() and int(out[-1]) in TENS.values()
        if w in CARDINALS:
            n = CARDINALS[w]
            if prev_tens and 0 < n < 10:
                out[-1] = str(int(out[-1]) + n)
            else:
                out.append(str(n))
        elif w in ORDINALS:
            n = ORDINALS[w]
            if prev_tens and n < 10:
                out[-1] = _suffix(int(out[-1]) + n)
            else:
                out.append(_suffix(n))
        else:
            out.append(w)
    return out


def normalise(text: str) -> str:
    """Fold case, accents, quotes and punctuation, and drop articles: 'The  Smolny Institute.' -> 'smolny institute'."""
    # case folded first as well: some capitals stand for two letters ("ᾀ".upper() is "ἈΙ")
    text = unicodedata.normalize("NFKD", text.translate(QUOTES).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text)  # possessive: "Kirov's" -> "kirov"
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(w for w in text.split() if w not in ARTICLES)


def fold(text: str) -> list[str]:
    """The words of an answer as compared: normalised, with number words as digits."""
    return _numbers(normalise(text).split())


# --- dates -----------------------------------------------------------------------------------------------

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# words that join the parts of a date or a span of dates and say nothing more
DATE_FILLERS = frozenset({"to", "until", "till", "through", "and", "from", "between", "in", "on", "of"})


def dates(words: Sequence[str]) -> list[tuple[int, int, int]] | None:
    """The dates an answer is made of, as (year, month, day) with 0 for a part not given, or None when it is
    not only dates: '1 december 1934' = 'december 1st 1934' -> [(1934, 12, 1)]; '1961 89' -> [(1961, 0, 0), (1989, 0, 0)]."""
    out: list[tuple[int, int, int]] = []
    month = day = 0
    for i, w in enumerate(words):
        bare = re.fullmatch(r"(\d{1,4})(st|nd|rd|th)?", w)
        if w in DATE_FILLERS:
            continue
        if w in MONTHS:
            if month:
                return None
            month = MONTHS[w]
        elif bare and len(bare.group(1)) >= 3:
            out.append((int(bare.group(1)), month, day))
            month = day = 0
        elif bare and out and not month and not day and (i + 1 == len(words) or words[i + 1] not in MONTHS) \
                and len(bare.group(1)) == 2 and not bare.group(2):
            # "1961-89": the second year written short, in the century of the first
            first = out[-1][0]
            year = first - first % 100 + int(bare.group(1))
            out.append((year if year > first else year + 100, 0, 0))
        elif bare and 1 <= int(bare.group(1)) <= 31 and not day:
            day = int(bare.group(1))
        else:
            return None
    return None if month or day or not out else out


# --- typed answers ---------------------------------------------------------------------------------------


def typo_budget(word: str) -> int:
    """How many slips a word may hold and still be itself: none in a short word (one letter makes another
    word) or a number (1934 is not 1935)."""
    if any(c.isdigit() for c in word) or len(word) <= 4:
        return 0
    return 1 if len(word) <= 8 else 2


def _slips(given: list[str], wanted: list[str]) -> int | None:
    """Letters off, word by word, or None when some word is further off than its length allows."""
    if len(given) != len(wanted):
        return None
    total = 0
    for g, w in zip(given, wanted, strict=True):
        budget = typo_budget(w)
        d = DamerauLevenshtein.distance(g, w, score_cutoff=budget)
        if d > budget:
            return None
        total += d
    return total


def _slip_reason(n: int) -> str:
    return "accepted: one letter off" if n == 1 else f"accepted: {n} letters off"


def _forms(answer: str) -> list[list[str]]:
    """The whole answer and, for 'People's Commissariat (NKVD)', each part around the brackets."""
    forms = [fold(answer)]
    found = re.fullmatch(r"\s*(.+?)\s*\((.+)\)\s*", answer)
    if found:
        forms += [fold(found.group(1)), fold(found.group(2))]
    return [f for f in forms if f]


def _match(given: list[str], wanted: list[str], *, person: bool) -> str | None:
    """Why `given` counts as `wanted`, or None."""
    if given == wanted or "".join(given) == "".join(wanted):
        return EXACT
    wanted_dates = dates(wanted)
    if wanted_dates is not None and dates(given) == wanted_dates:
        return SAME_DATE
    slips = _slips(given, wanted)
    if slips is not None:
        return _slip_reason(slips)
    if person and len(wanted) > 1 and len(given) == 1 and _slips(given, wanted[-1:]) is not None:
        return SURNAME
    return None


def grade_text(question: Gradable, response: str, accepted: Iterable[str] = ()) -> Decision:
    """A typed answer against the question's answer (and its short forms), then the teacher's alternatives."""
    given = fold(response)
    if not given:
        return Decision(False, WRONG)
    answer = str(question.answer)
    person = question.topic == "person"
    accepted = list(accepted)
    if any(given == fold(a) for a in accepted):  # the teacher's word first: it may even be a listed option
        return Decision(True, ALTERNATIVE)
    # a wrong option of the question is wrong, even one letter away from the answer
    wrong_options = [fold(c) for c in question.choices if fold(c) != fold(answer)]
    if given in wrong_options:
        return Decision(False, WRONG)
    for i, form in enumerate(_forms(answer)):
        why = _match(given, form, person=person)
        if why:
            return Decision(True, SHORT_NAME if i and why == EXACT else why)
    for alternative in accepted:
        if _match(given, fold(alternative), person=False) is not None:
            return Decision(True, ALTERNATIVE)
    return Decision(False, WRONG)


# --- every format ----------------------------------------------------------------------------------------


def self_marked(question: Gradable) -> bool:
    """A typed answer too long to type word for word: the student reveals it and marks themselves."""
    return question.format in TEXT_FORMATS and all(len(form) > MAX_TYPED_WORDS
                                                   for form in _forms(str(question.answer)))


def grade(question: Gradable, response: Any, accepted: Iterable[str] | None = None) -> Decision:
    """Whether `response` answers `question`, and why; `accepted` are the teacher's alternatives (by default the
    question's own, if it keeps any)."""
    fmt = question.format
    if fmt in CHOICE_FORMATS:
        right = normalise(str(response)) == normalise(str(question.answer))
    elif fmt == "timeline":
        right = [str(e) for e in response] == [str(e) for e in question.answer]
    elif fmt == "matching":
        right = sorted(map(tuple, response)) == sorted((str(a), str(b)) for a, b in question.answer)
    elif self_marked(question) and response in (HAD_IT, MISSED_IT):
        return Decision(response == HAD_IT, SELF_MARKED)
    else:
        if accepted is None:
            accepted = getattr(question, "accepted", None) or ()
        return grade_text(question, str(response), accepted)
    return Decision(right, EXACT if right else WRONG)
