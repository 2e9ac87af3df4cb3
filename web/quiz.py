"""Quiz logic without I/O: what a learner sees of a question and reading their answer (web.grading checks it)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from web.grading import CHOICE_FORMATS, HAD_IT, MISSED_IT, self_marked
from web.models import Question, row_id

TRUE_FALSE = ("True", "False")
MAX_TEXT = 500


class BadAnswer(ValueError):
    """A submitted answer that cannot be read (missing field, unknown option, ...); the message says why."""


def options(question: Question) -> list[str]:
    """The options offered for a multiple-choice or true/false question."""
    if question.format == "true_false" and not question.choices:
        return list(TRUE_FALSE)
    return list(question.choices)


def shuffled(items: Sequence[Any], seed: str) -> list[Any]:
    """A fixed shuffle for a seed that never shows items in their true order (a timeline shown in order would
    give it away): drawn again until it differs, so every other order is as likely as the next, and none is a
    pattern to learn (moving one item to the end would be)."""
    original, rng = list(items), random.Random(seed)
    if len(set(map(str, original))) < 2:
        return original
    while True:
        out = original[:]
        rng.shuffle(out)
        if out != original:
            return out


@dataclass(frozen=True)
class QuestionView:
    """What the learner sees before answering: no answer, no explanation."""

    id: int
    format: str
    topic: str
    prompt: str
    options: list[str] = field(default_factory=list)  # multiple choice, true/false
    events: list[str] = field(default_factory=list)  # timeline, in shuffled order
    lefts: list[str] = field(default_factory=list)  # matching
    rights: list[str] = field(default_factory=list)  # matching, shuffled
    self_marked: bool = False  # an answer too long to type: revealed, then marked by the learner


def view(question: Question, *, seed: str, shuffle_choices: bool = False) -> QuestionView:
    """What the learner is shown; `shuffle_choices` also mixes a multiple-choice question's options (per seed)."""
    base = partial(QuestionView, id=row_id(question), format=question.format, topic=question.topic,
                   prompt=question.prompt)
    if question.format in CHOICE_FORMATS:
        shown = options(question)
        if shuffle_choices and question.format == "multiple_choice":
            random.Random(seed).shuffle(shown)
        return base(options=shown)
    if question.format == "timeline":
        return base(events=shuffled([str(e) for e in question.answer], seed))
    if question.format == "matching":
        pairs = [(str(a), str(b)) for a, b in question.answer]
        return base(lefts=[a for a, _ in pairs], rights=shuffled([b for _, b in pairs], seed))
    return base(self_marked=self_marked(question))


def read_response(question: QuestionView, form: Mapping[str, str]) -> Any:
    """The learner's answer from the posted form fields, or BadAnswer naming what is wrong.

    choice: `choice`; typed: `text`; timeline: `position-N` (1..n) for the N-th event shown;
    matching: `match-N` (a right-hand item) for the N-th left-hand item; self-marked: `mark` (had or missed).
    """
    fmt = question.format
    if question.self_marked and "text" not in form:  # the page's self-marked card; the API may type the answer
        mark = form.get("mark", "")
        if mark not in ("had", "missed"):
            raise BadAnswer("Show the answer, then say whether you had it.")
        return HAD_IT if mark == "had" else MISSED_IT
    if fmt in CHOICE_FORMATS:
        choice = form.get("choice", "")
        if not choice:
            raise BadAnswer("Choose one of the options.")
        if choice not in question.options:
            raise BadAnswer("That option is not one of this question's choices.")
        return choice
    if fmt == "timeline":
        n = len(question.events)
        positions = []
        for i in range(n):
            raw = form.get(f"position-{i}", "").strip()
            if not raw.isdigit() or not 1 <= int(raw) <= n:
                raise BadAnswer(f"Give every event a position from 1 to {n}.")
            positions.append(int(raw))
        if len(set(positions)) != n:
            raise BadAnswer(f"Give each event a different position from 1 to {n}.")
        return [e for _, e in sorted(zip(positions, question.events, strict=True))]
    if fmt == "matching":
        pairs = []
        for i, left in enumerate(question.lefts):
            right = form.get(f"match-{i}", "")
            if not right:
                raise BadAnswer("Choose a match for every item.")
            if right not in question.rights:
                raise BadAnswer("One of the matches is not among this question's options.")
            pairs.append([left, right])
        return pairs
    text = form.get("text", "").strip()
    if not text:
        raise BadAnswer("Type your answer first.")
    if len(text) > MAX_TEXT:
        raise BadAnswer(f"That answer is too long (at most {MAX_TEXT} characters).")
    return text


def parse_api_response(question: QuestionView, response: Any) -> Any:
    """An answer given as JSON (a string, or a list for timeline and matching), checked like a form."""
    fmt = question.format
    if fmt == "timeline":
        if not isinstance(response, list) or sorted(map(str, response)) != sorted(question.events):
            raise BadAnswer("For a timeline question, send the list of its events in your order.")
        return [str(e) for e in response]
    if fmt == "matching":
        if not isinstance(response, list) or not all(isinstance(p, list) and len(p) == 2 for p in response):
            raise BadAnswer("For a matching question, send a list of [left, right] pairs.")
        form = {}
        chosen = {str(a): str(b) for a, b in response}
        for i, left in enumerate(question.lefts):
            form[f"match-{i}"] = chosen.get(left, "")
        return read_response(question, form)
    if question.self_marked and isinstance(response, bool):  # the learner's own mark; a typed answer is graded
        return HAD_IT if response else MISSED_IT
    if not isinstance(response, str):
        raise BadAnswer("Send the answer as a string.")
    key = "choice" if fmt in CHOICE_FORMATS else "text"
    return read_response(question, {key: response})


def answer_lines(fmt: str, value: Any) -> list[str]:
    """An answer (expected or given) as lines to show: one, events in order, or 'left → right' pairs."""
    if fmt == "matching" and isinstance(value, list):
        return [f"{a} → {b}" for a, b in value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]
