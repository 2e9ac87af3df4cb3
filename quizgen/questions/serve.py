"""Which candidates are served: those the quality model expects a teacher to keep, one per fact,
balanced across kinds of fact (when, who, where, what caused what), never two that give each other
away. The rest stay suggestions for the teacher's editor."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.questions.draft import Draft, norm
from quizgen.vocabulary import Format

GROUPS = {"date": "when", "person": "who", "place": "where", "organization": "who", "cause": "why",
          "effect": "why", "definition": "what", "related": "what"}
PER_SENTENCE = 2
PER_300_WORDS = 10  # a quiz on any article: at least this many questions for each 300 words, where it has them
ESSENTIAL = ("when", "who", "why")
ESSENTIAL_TOPICS = ("date", "person", "cause", "effect")
# how far below the threshold a question may be to give an article its date, person and cause or its share of
# questions: blind raters accepted about 60 % of questions a little under the threshold, 45 % of those far under
FLOOR = 0.8
# one cause-and-effect question an article, the kind of question the project exists for, is asked further
# down: raters accept fewer of them, as the model knows, but a quiz without one misses the point of the article
WHY_FLOOR = 0.7


@dataclass
class Rated:
    draft: Draft
    estimate: float
    reason: str
    blocked: bool
    features: dict[str, float]


def _answer_key(d: Draft) -> str:
    if d.format in (Format.TRUE_FALSE, Format.TIMELINE, Format.MATCHING):
        return f"{d.format}:{norm(d.prompt)}"
    if d.topic == "person":  # "Bligh", "William Bligh": one person, asked about once
        words = norm(str(d.answer)).split()
        return f"person:{words[-1]}" if words else ""
    return norm(str(d.answer))


def _contains(text: str, value: str) -> bool:
    v = norm(value)
    return (len(v) > 2 or v.isdigit()) and f" {v} " in f" {norm(text)} "


def _forms(d: Draft) -> list[str]:
    """How the answer may stand in another question: as written; a person by the last word of the name
    ("Volusius Proculus" as "Proculus"); a year alone however it is written ("AD 65" as "65 CE")."""
    answer = str(d.answer)
    forms = [answer]
    words = answer.split()
    if d.topic == "person" and len(words) > 1 and len(words[-1]) > 3 and words[-1][:1].isupper():
        forms.append(words[-1])
    if d.topic == "date" and not any(c.isalpha() for c in answer.replace("AD", "").replace("BC", "").replace("CE", "")):
        forms.extend(YEAR_NUMBER.findall(answer))
    return forms


YEAR_NUMBER = re.compile(r"\d{2,4}")


def _gives_away(a: Draft, b: Draft) -> bool:
    """Whether one question's wording answers the other (both from one sentence, or the same fact)."""
    for x, y in ((a, b), (b, a)):
        if isinstance(x.answer, str) and x.format != Format.TRUE_FALSE and any(
                _contains(y.prompt, form) or any(_contains(c, form) for c in y.choices if c != y.answer)
                for form in _forms(x)):
            return True
    return False


def _crowds_out(r: Rated, better: Rated) -> bool:
    """Whether serving `r` would keep out `better`, a question the model prefers on another essential kind
    of fact (the date of the event for its place in a list of people): the same sentence and the same
    kind of fact, or one of them gives the other away."""
    return norm(r.draft.sentence) == norm(better.draft.sentence) and (
        r.draft.topic == better.draft.topic or _gives_away(r.draft, better.draft))


def select(rated: list[Rated], threshold: float, limit: int | None = None, minimum: int = 0) -> list[Rated]:
    """The served questions, best first within a round-robin over kinds of fact: those the model expects
    a teacher to keep (estimate at or above the threshold), topped up to `minimum` with the next best
    that are nearly as likely, so that every article gives a quiz."""
    pool = sorted((r for r in rated if not r.blocked and r.estimate >= threshold),
                  key=lambda r: (-r.estimate, r.draft.position, r.draft.prompt))
    queues: dict[str, list[Rated]] = {}
    for r in pool:
        queues.setdefault(GROUPS.get(r.draft.topic, "what"), []).append(r)
    chosen: list[Rated] = []

    def fits(r: Rated) -> bool:
        return not kept_out(r.draft, chosen)

    def take(r: Rated) -> None:
        chosen.append(r)

    # the kinds of fact a teacher expects in any quiz on the article, when the article states them: the
    # best question of each, if the model thinks it nearly as likely to be kept as the threshold asks
    for group in ESSENTIAL:
        if limit is not None and len(chosen) >= limit:
            break
        if queues.get(group):
            continue
        best = next((r for r in sorted(rated, key=lambda r: -r.estimate) if not r.blocked
                     and GROUPS.get(r.draft.topic) == group
                     and r.estimate >= threshold * (WHY_FLOOR if group == "why" else FLOOR) and fits(r)
                     and not any(_crowds_out(r, p) for p in pool
                                 if p.estimate > r.estimate and p.draft.topic in ESSENTIAL_TOPICS)), None)
        if best is not None:
            take(best)

    while any(queues.values()) and (limit is None or len(chosen) < limit):
        # the kind whose best waiting question is best goes first in each round
        for group in sorted((g for g in queues if queues[g]), key=lambda g: -queues[g][0].estimate):
            q = queues[group]
            while q and not fits(q[0]):
                q.pop(0)
            if not q:
                continue
            take(q.pop(0))
            if limit is not None and len(chosen) >= limit:
                break
    wanted = minimum if limit is None else min(minimum, limit)
    if len(chosen) < wanted:
        taken = {id(r) for r in chosen}
        for r in sorted(rated, key=lambda r: (-r.estimate, r.draft.position, r.draft.prompt)):
            if len(chosen) >= wanted or r.estimate < threshold * FLOOR:
                break
            if id(r) not in taken and not r.blocked and fits(r):
                take(r)
    return chosen


def kept_out(d: Draft, served: Sequence[Rated]) -> str:
    """Which serving rule keeps `d` out beside the questions already served ("" when none does)."""
    if any(_answer_key(s.draft) == _answer_key(d) for s in served):
        return "another served question asks for the same answer"
    same = [s.draft for s in served if norm(s.draft.sentence) == norm(d.sentence)]
    if len(same) >= PER_SENTENCE or any(o.topic == d.topic for o in same):
        return "its sentence is asked about already"
    # one fact asked once: no question, from any sentence, whose wording answers another
    if any(_gives_away(s.draft, d) for s in served):
        return "a served question gives its answer away, or it gives theirs"
    if d.format == Format.TRUE_FALSE:
        # at most two more statements of one answer than of the other: a learner should not win by always
        # answering "True", nor lose good true statements for want of false ones
        said = [s.draft.answer for s in served if s.draft.format == Format.TRUE_FALSE]
        if said.count(d.answer) > len(said) - said.count(d.answer) + 1:
            return f"enough statements that are {str(d.answer).lower()} are served"
    return ""


def passed_over(r: Rated, served: list[Rated], threshold: float) -> str:
    """Why a candidate the model would keep is a suggestion all the same ("" when the model is the reason):
    the serving rules, not its wording, kept it out."""
    return "" if r.blocked or r.estimate < threshold * FLOOR else kept_out(r.draft, served)
