"""Telling when a phrase names the article's own event, so that two wordings count as one cause."""

from __future__ import annotations

from quizgen.models import Facts
from quizgen.questions.draft import norm


def is_event_phrase(text: str, facts: Facts) -> bool:
    """"Kirov's death", "the events surrounding the Kirov assassination": the article's own event."""
    if not facts.event:
        return False
    names = {w for w in norm(facts.event).split() if len(w) > 3}
    return bool(names & {w.removesuffix("'s") for w in norm(text).split()})


def cause_key(text: str, facts: Facts) -> str:
    return "\x00event" if is_event_phrase(text, facts) else norm(text)
