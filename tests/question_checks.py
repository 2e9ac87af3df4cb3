"""The hard filters every generated question must pass, written once for all question tests.

Each check takes the questions of one article and the article's text and returns one line per
offending question (empty when all pass), so a failing test names the questions at fault.
The checks are written apart from the generator's filters (answer in its sentence, no answer in the
prompt, no pronoun start, no duplicates), so a filter that lets one through is caught.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from quizgen.models import Question

PRONOUNS = frozenset("he she it they his her its their this these those him them".split())
GROUNDED_FORMATS = ("cloze", "short_answer", "multiple_choice")
GROUNDED_TOPICS = ("date", "person", "place", "organization")
# a reference that needs the sentence before it to make sense
VAGUE = re.compile(
    r"\b(?:these|those)\s+[a-z]+"
    r"|\bsuch\s+(?!as\b)[a-z]+"
    r"|\bthis\s+(?!is\b|was\b)[a-z]+"
    r"|\bthe\s+(?:period|time|former|latter|same|event|episode|incident)\b"
)

Check = Callable[[Sequence[Question], str], list[str]]


def words(text: str) -> list[str]:
    """Lower case, words only: how answers, prompts and sentences are compared."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.findall(r"[^\W_]+", text)


def norm(text: str) -> str:
    return " ".join(words(text))


def contains(haystack: str, needle: str) -> bool:
    """needle stands in haystack as whole words, after normalising both."""
    n = norm(needle)
    return bool(n) and f" {n} " in f" {norm(haystack)} "


def show(q: Question) -> str:
    return f"[{q.format}/{q.topic}] {q.prompt!r} -> {q.answer!r}"


def answer_in_source(questions: Sequence[Question], text: str) -> list[str]:
    """Fact questions are grounded: the answer is written in the sentence the question comes from."""
    return [f"{show(q)} not in {q.source.sentence!r}" for q in questions
            if q.format in GROUNDED_FORMATS and q.topic in GROUNDED_TOPICS and not contains(q.source.sentence, str(q.answer))]


def prompt_without_answer(questions: Sequence[Question], text: str) -> list[str]:
    """The question does not give its answer away (cloze and true/false state it by design)."""
    return [show(q) for q in questions
            if q.format not in ("cloze", "true_false") and isinstance(q.answer, str)
            and len(norm(q.answer)) > 3 and contains(q.prompt, q.answer)]


def no_pronoun_start(questions: Sequence[Question], text: str) -> list[str]:
    return [show(q) for q in questions if words(q.prompt)[:1] and words(q.prompt)[0] in PRONOUNS]


def shown_text(q: Question) -> list[str]:
    """What the learner reads: the prompt, and for timeline and matching (whose prompt only says
    "these events" of the items shown under it) the items."""
    if q.format == "timeline":
        return list(q.choices)
    if q.format == "matching":
        return [s for pair in q.answer for s in pair]  # type: ignore[union-attr]
    return [q.prompt]


def no_vague_reference(questions: Sequence[Question], text: str) -> list[str]:
    out = []
    for q in questions:
        for s in shown_text(q):
            m = VAGUE.search(s.lower())
            if m:
                out.append(f"{show(q)}: {m.group(0)!r} in {s!r}")
    return out


def distinct_prompts(questions: Sequence[Question], text: str) -> list[str]:
    """No question twice: the same prompt may be asked once typed and once with options, not twice alike."""
    counts = Counter((q.format, norm(q.prompt)) for q in questions)
    return [f"{n}x {p!r}" for p, n in counts.items() if n > 1]


def multiple_choice_options(questions: Sequence[Question], text: str) -> list[str]:
    out = []
    for q in questions:
        if q.format != "multiple_choice":
            continue
        keys = [norm(c) for c in q.choices]
        if len(q.choices) != 4 or len(set(keys)) != 4 or keys.count(norm(str(q.answer))) != 1:
            out.append(f"{show(q)} choices {q.choices!r}")
    return out


def changes(source: str, statement: str, title: str) -> tuple[list[tuple[list[str], list[str]]], float]:
    """What the statement puts in place of its source's words (words only left out do not count), and
    the share of its words that stand in the source in the same order. A pronoun or a bare reference to
    the article's event ("the uprising") given the event's name is no change of fact."""
    named = set(words(title)) | {"the", "in"}  # "In the Peasants' Revolt, ...": the article's event set before
    # the article's own name may stand in either for a reference to it: out of the comparison
    title_words = set(words(title)) - {"the", "of", "and", "in"}
    a = [w for w in words(source) if w not in title_words]
    b = [w for w in words(statement) if w not in title_words]
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    # "from 755 to 763" -> "from 499 BC to 493 BC" is one value: changes one word apart are one change
    merged: list[list[int]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag in ("replace", "insert"):
            gap = a[merged[-1][1]:i1] if merged else []
            if merged and j1 - merged[-1][3] == len(gap) and gap in ([], ["to"], ["and"], ["or"], ["until"]):
                merged[-1][1], merged[-1][3] = i2, j2
            else:
                merged.append([i1, i2, j1, j2])
    out, renamed = [], 0
    for i1, i2, j1, j2 in merged:
        removed, put = a[i1:i2], b[j1:j2]
        pronoun = len(removed) == 1 and removed[0] in ("it", "he", "she", "they", "his", "her", "its", "their")
        event = set(put) <= {"in", "the"} or len(removed) <= 3 and set(put) <= named
        if pronoun or event:
            renamed += len(put)
        else:
            out.append((removed, put))
    same = sum(j2 - j1 for tag, _, _, j1, j2 in ops if tag == "equal")
    return out, min(1.0, (same + renamed) / max(1, len(b)))


def true_false_statements(questions: Sequence[Question], text: str) -> list[str]:
    """Answers are True or False; a True statement reads as (a clause of) its source sentence, a False one
    is that with one stretch of words replaced by another (a swapped value, not words only added)."""
    title = text.split("\n", 1)[0]
    out = []
    for q in questions:
        if q.format != "true_false":
            continue
        if q.answer not in ("True", "False"):
            out.append(f"{show(q)}: answer is not True/False")
            continue
        swaps, kept = changes(q.source.sentence, q.prompt, title)
        if q.answer == "True" and (swaps or kept < 0.8):
            out.append(f"{show(q)}: not a clause of {q.source.sentence!r} ({swaps}, {kept:.2f} of its words kept)")
        elif q.answer == "False" and (len(swaps) != 1 or not swaps[0][0]
                                      or kept + len(swaps[0][1]) / max(1, len(words(q.prompt))) < 0.8):
            out.append(f"{show(q)}: not one swapped value of {q.source.sentence!r} ({swaps})")
    return out


def timeline_order(questions: Sequence[Question], text: str) -> list[str]:
    out = []
    for q in questions:
        if q.format != "timeline":
            continue
        events = list(q.answer)  # type: ignore[arg-type]
        if not 3 <= len(events) <= 5 or sorted(events) != sorted(q.choices) or len(set(events)) != len(events):
            out.append(f"{show(q)} choices {q.choices!r}")
    return out


def matching_pairs(questions: Sequence[Question], text: str) -> list[str]:
    out = []
    for q in questions:
        if q.format != "matching":
            continue
        pairs = list(q.answer)  # type: ignore[arg-type]
        lefts, rights = [norm(a) for a, _ in pairs], [norm(b) for _, b in pairs]
        if (len(pairs) < 3 or len(set(rights)) != len(rights) or len(set(lefts)) != len(lefts)
                or sorted(b for _, b in pairs) != sorted(q.choices)):
            out.append(f"{show(q)} choices {q.choices!r}")
    return out


def source_in_article(questions: Sequence[Question], text: str) -> list[str]:
    return [f"{show(q)}: source {q.source.sentence!r}" for q in questions
            if not q.source.sentence.strip() or q.source.sentence not in text]


CHECKS: dict[str, Check] = {
    "answer_in_source": answer_in_source,
    "prompt_without_answer": prompt_without_answer,
    "no_pronoun_start": no_pronoun_start,
    "no_vague_reference": no_vague_reference,
    "distinct_prompts": distinct_prompts,
    "multiple_choice_options": multiple_choice_options,
    "true_false_statements": true_false_statements,
    "timeline_order": timeline_order,
    "matching_pairs": matching_pairs,
    "source_in_article": source_in_article,
}


def failures(check: Check, questions: Sequence[Question], text: str) -> str:
    """The check's complaints as one assertion message ("" when it passes)."""
    bad = check(questions, text)
    return f"{len(bad)} of {len(questions)} questions fail {check.__name__}:\n" + "\n".join(bad) if bad else ""
