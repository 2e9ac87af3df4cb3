"""Names shared by the library and the web app, each defined once."""

from __future__ import annotations

from enum import StrEnum

from slugify import slugify as _slugify


class Format(StrEnum):
    """A question's format; a member is its own name as a string, so JSON, the database and templates see
    the same text."""

    CLOZE = "cloze"
    SHORT_ANSWER = "short_answer"
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"
    TIMELINE = "timeline"
    MATCHING = "matching"


# how a format is named to teachers and students
FORMAT_NAMES: dict[str, str] = {
    Format.CLOZE: "Fill the gap", Format.SHORT_ANSWER: "Short answer", Format.MULTIPLE_CHOICE: "Multiple choice",
    Format.TRUE_FALSE: "True or false", Format.TIMELINE: "Timeline", Format.MATCHING: "Matching"}


class Topic(StrEnum):
    """What a question asks about."""

    DATE = "date"
    PERSON = "person"
    PLACE = "place"
    ORGANIZATION = "organization"
    EVENT = "event"
    CAUSE = "cause"
    EFFECT = "effect"
    DEFINITION = "definition"
    RELATED = "related"

BLANK = "_____"  # the gap of a cloze prompt
# what a date blank asks for, by the date's precision, in the words a quiz uses: "in _____ (month and year)"
DATE_KINDS = {"day": "date", "month": "month and year", "year": "year", "decade": "decade", "century": "century"}


def slugify(text: str, fallback: str = "questions", max_length: int = 100) -> str:
    """A file or URL name: "Révolution française" -> "revolution-francaise" (accents folded, not dropped)."""
    return _slugify(text, max_length=max_length, word_boundary=False) or fallback
