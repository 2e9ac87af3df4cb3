"""Hard filters, a quality score from a few explainable features, difficulty, de-duplication."""

from __future__ import annotations

import math
import re

from quizgen.questions.draft import BLANK, Draft, norm
from quizgen.vocabulary import Format

PRONOUNS = {"he", "she", "it", "they", "his", "her", "its", "their", "this", "these", "those", "him", "them",
            "others", "another"}
# a reference that needs what came before it: "these measures", "the period", "such actions"
VAGUE = re.compile(r"\b(?:these|those|such|this)\s+(?!is\b|was\b|the\b|a\b|an\b)[a-z]+|\bthe (?:period|time|former|latter|same)\b|\banother one\b")
FORMAT_WEIGHT: dict[str, float] = {Format.SHORT_ANSWER: 0.9, Format.MULTIPLE_CHOICE: 0.95, Format.TIMELINE: 0.85,
                                   Format.MATCHING: 0.8, Format.CLOZE: 0.7, Format.TRUE_FALSE: 0.6}
BASE_DIFFICULTY: dict[str, int] = {Format.TRUE_FALSE: 1, Format.MULTIPLE_CHOICE: 2, Format.CLOZE: 2, Format.MATCHING: 2,
                                   Format.SHORT_ANSWER: 3, Format.TIMELINE: 3}
GROUNDED_TOPICS = {"date", "person", "place", "organization"}


def problems(d: Draft) -> list[str]:
    """Why a draft may not be shown; empty when it passes every hard filter."""
    out = []
    p = norm(d.prompt)
    if not p or not d.sentence:
        out.append("empty")
    if isinstance(d.answer, str):
        a = norm(d.answer)
        if not a:
            out.append("no answer")
        if d.format in (Format.CLOZE, Format.SHORT_ANSWER, Format.MULTIPLE_CHOICE) and d.topic in GROUNDED_TOPICS and a not in norm(d.sentence):
            out.append("answer not in its sentence")
        if d.format not in (Format.CLOZE, Format.TRUE_FALSE) and len(a) > 3 and re.search(rf"\b{re.escape(a)}\b", p):
            out.append("prompt gives the answer")
        if d.format == Format.CLOZE and BLANK not in d.prompt:
            out.append("no blank")
    if p.split()[:1] and p.split()[0] in PRONOUNS:
        out.append("starts with a pronoun")
    if VAGUE.search(d.prompt.lower()) and d.format not in (Format.TIMELINE, Format.MATCHING):
        out.append("vague reference")
    if d.format in (Format.SHORT_ANSWER, Format.MULTIPLE_CHOICE) and unresolved_pronoun(d.prompt):
        out.append("pronoun with nobody named before it")
    if d.format == Format.MULTIPLE_CHOICE:
        keys = [norm(c) for c in d.choices]
        if len(d.choices) != 4 or len(set(keys)) != 4 or keys.count(norm(str(d.answer))) != 1:
            out.append("choices")
    return out


PERSONAL = {"he", "she", "his", "her", "him", "they", "them", "their"}


def unresolved_pronoun(prompt: str) -> bool:
    """"When did his forces take Chang'an?": whose? A question shows no sentence around it, so a
    personal pronoun needs a name before it ("When did Yoshinobu resign his powers?")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", prompt)
    for i, w in enumerate(words):
        if w.lower() in PERSONAL:
            return not any(x[0].isupper() for x in words[1:i])
    return False


def score(d: Draft) -> float:
    """0..1: format, length of prompt and answer, how central the fact is, how good the wrong answers are."""
    words = len(d.prompt.split())
    answer_words = len(d.answer.split()) if isinstance(d.answer, str) else 4
    f = {
        "format": FORMAT_WEIGHT.get(d.format, 0.5),
        "prompt_length": 1.0 if 6 <= words <= 28 else 0.6,
        "answer_length": 1.0 if answer_words <= 6 else max(0.3, 1 - (answer_words - 6) / 25),
        "centrality": min(1.0, 0.5 + math.log1p(d.features.get("mentions", 3)) / 4),
        "lead": 1.0 if d.section == "Introduction" else 0.85,
    }
    if d.format == Format.MULTIPLE_CHOICE:
        f["distractors"] = 0.7 + 0.3 * d.features.get("distractors_local", 1.0 if d.topic == "date" else 0.0)
    d.features.update(f)
    return round(sum(f.values()) / len(f), 3)


def difficulty(d: Draft) -> int:
    level = BASE_DIFFICULTY.get(d.format, 2)
    if isinstance(d.answer, str) and len(d.answer.split()) > 8 and level < 3:
        level += 1
    if d.format == Format.MULTIPLE_CHOICE and d.topic == "date":
        level = 3  # near dates are hard to tell apart
    return level


def dedupe(drafts: list[Draft], scores: dict[int, float]) -> list[Draft]:
    """One question per prompt and format, and per (answer, sentence, format): the best scored wins."""
    best: dict[str, Draft] = {}
    for d in sorted(drafts, key=lambda x: -scores[id(x)]):
        answer = norm(d.answer) if isinstance(d.answer, str) else norm(" ".join(map(str, d.answer)))
        keys = [f"p:{d.format}:{norm(d.prompt)}"]
        if d.format not in (Format.TRUE_FALSE, Format.TIMELINE, Format.MATCHING):
            keys.append(f"a:{d.format}:{answer}|{norm(d.sentence)}")
        if any(k in best for k in keys):
            continue
        for k in keys:
            best[k] = d
    return list({id(d): d for d in best.values()}.values())  # one entry per draft, first place kept
