"""Hand-built question sets for the export tests: one question of each format for an invented
article, full of characters that every target format has to escape."""

from __future__ import annotations

import dataclasses

from quizgen.models import Question, QuestionSet, Source

SCRIPT = "<script>alert(1)</script>"
ARTICLE = "The Quillhaven Charter"


def question(id: str, format: str, topic: str, prompt: str, answer, *, choices=(), explanation: str,
             section: str, difficulty: int = 2) -> Question:
    return Question(
        id=id, format=format, topic=topic, prompt=prompt, answer=answer, choices=tuple(choices),
        explanation=explanation, source=Source(explanation, section), difficulty=difficulty, score=0.8,
        tags=(topic, section), article=ARTICLE,
    )


CLOZE = question(
    "a1c0ffee00000001", "cloze", "place",
    "In 1821 the charter ~ with its {seal} ~ was signed at _____ by guild #3 = the weavers.",
    "Fort Tilde: East",
    explanation="In 1821 the charter ~ with its {seal} ~ was signed at Fort Tilde: East by guild #3 = the weavers.",
    section="Background",
)
SHORT = question(
    "a1c0ffee00000002", "short_answer", "person",
    f"Who wrote {SCRIPT} in the margin of the charter?",
    "Mara {Quill} O'Neil & Sons",
    explanation=f"Mara {{Quill}} O'Neil & Sons wrote {SCRIPT} in the margin of the charter.",
    section="The signing",
)
CHOICE = question(
    "a1c0ffee00000003", "multiple_choice", "organization",
    'Which guild signed the "Quillhaven" charter first?',
    "Smiths = Farriers",
    choices=("Weavers ~ Dyers", "Smiths = Farriers", "Coopers #9", "Tanners {North}: <Old>"),
    explanation='The Smiths = Farriers guild signed the "Quillhaven" charter first, before the Coopers #9.',
    section="The signing",
)
TRUE_FALSE = question(
    "a1c0ffee00000004", "true_false", "date",
    "The charter banned the <b>night</b> market: a rule kept until 1850.",
    "False",
    choices=("True", "False"),
    explanation="The charter allowed the <b>night</b> market, which ran until 1850.",
    section="Aftermath",
)
TIMELINE = question(
    "a1c0ffee00000005", "timeline", "date",
    "Put these events of the charter in order, earliest first.",
    ("The mill ~ burned (1819)", "The charter was signed (1821)", "The guilds {rebelled} (1830)"),
    choices=("The guilds {rebelled} (1830)", "The mill ~ burned (1819)", "The charter was signed (1821)"),
    explanation="The mill burned in 1819, the charter was signed in 1821, and the guilds rebelled in 1830.",
    section="Aftermath",
)
MATCHING = question(
    "a1c0ffee00000006", "matching", "person",
    "Match each person with their role in the charter.",
    (("Mara Quill", "Scribe & <clerk>"), ("Odo Fenn", "Guild master: smiths = farriers"), ("Ilse Varr", "Mayor {acting} #2")),
    choices=("Mayor {acting} #2", "Scribe & <clerk>", "Guild master: smiths = farriers"),
    explanation="Mara Quill was the scribe, Odo Fenn the guild master of the smiths and Ilse Varr the acting mayor.",
    section="The signing",
)

QUESTIONS = (CLOZE, SHORT, CHOICE, TRUE_FALSE, TIMELINE, MATCHING)


def sample_set() -> QuestionSet:
    return QuestionSet(ARTICLE, QUESTIONS, sections=("Background", "The signing", "Aftermath"))


def second_set() -> QuestionSet:
    """Another article, for exports of several sets at once."""
    title = "Odo Fenn"
    qs = (
        dataclasses.replace(SHORT, id="b2c0ffee00000001", prompt="Which trade did Odo Fenn lead?",
                            answer="The smiths", article=title, explanation="Odo Fenn led the smiths.",
                            source=Source("Odo Fenn led the smiths.", "Life"), tags=("person", "Life")),
        dataclasses.replace(TRUE_FALSE, id="b2c0ffee00000002", prompt="Odo Fenn was born in Quillhaven.",
                            answer="True", article=title, explanation="Odo Fenn was born in Quillhaven.",
                            source=Source("Odo Fenn was born in Quillhaven.", "Life"), tags=("date", "Life")),
    )
    return QuestionSet(title, qs, sections=("Life",))


def note_count(sets: list[QuestionSet]) -> int:
    """Anki notes the sets make: one per question, one per pair for matching."""
    return sum(len(q.answer) if q.format == "matching" else 1 for s in sets for q in s.questions)
