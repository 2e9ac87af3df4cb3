"""A teacher's question set: made from a bundled deck or new articles, reviewed and edited by hand, exported.

Every edit goes through `check_question`, which names what is wrong per form field, so the editor can show
each problem next to its field. Added and edited questions are written by the teacher; generated ones,
and regenerated wrong answers, only ever hold values from the set's articles, its deck or quizgen's bundled lists.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session

from quizgen import models as qm
from quizgen.models import FORMATS, TOPICS
from quizgen.titles import plain_title
from quizgen.vocabulary import BLANK
from web import crud
from web.convert import slugify, to_article, to_question
from web.grading import normalise
from web.models import ClassSet, Deck, Question, SetArticle, SetQuestion, Teacher, row_id
from web.quiz import shuffled

STATUSES = ("approved", "suggested", "pending", "rejected")
FEEDBACK = ("immediate", "end")
MAX_TITLE = 200
MAX_PROMPT = 1000
MAX_ANSWER = 300
MAX_EXPLANATION = 2000
MAX_SECTION = 300
MAX_ACCEPTED = 20  # other answers a teacher accepts for a typed question
MC_OPTIONS = 4
TIMELINE_EVENTS = (3, 5)
MATCHING_PAIRS = (3, 6)
MAX_STUDENT_QUESTIONS = 200
MAX_ATTEMPTS = 20
# join codes leave out 0/O, 1/I/L and the like, so a code read aloud or off a board is typed right
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class SetProblem(ValueError):
    """Something asked of a set that cannot be done (nothing approved to export, ...); the message says why."""


# --- making a set ------------------------------------------------------------------------------


def first_status(served: bool) -> str:
    """A new set starts with the quality model's picks approved and the rest offered as suggestions, so a
    teacher need not read every question to find the good ones."""
    return "approved" if served else "suggested"


def copy_question(q: Question, *, set_id: int, article_id: int, position: int) -> SetQuestion:
    return SetQuestion(set_id=set_id, set_article_id=article_id, uid=q.uid, position=position, format=q.format,
                       topic=q.topic, prompt=q.prompt, answer=q.answer, choices=list(q.choices),
                       explanation=q.explanation, source_sentence=q.source_sentence,
                       source_section=q.source_section, difficulty=q.difficulty, score=q.score, tags=list(q.tags),
                       status=first_status(q.served), reason=q.reason, features=q.features)


def generated_question(q: qm.Question, *, set_id: int, article_id: int, position: int) -> SetQuestion:
    d = q.to_dict()
    return SetQuestion(set_id=set_id, set_article_id=article_id, uid=q.id, position=position, format=q.format,
                       topic=q.topic, prompt=q.prompt, answer=d["answer"], choices=d["choices"],
                       explanation=q.explanation, source_sentence=q.source.sentence,
                       source_section=q.source.section[:MAX_SECTION], difficulty=q.difficulty, score=q.score,
                       tags=d["tags"], status=first_status(q.served), reason=q.reason, features=q.features or None)


def library_copies(session: Session, deck: Deck) -> list[tuple[SetArticle, list[Question]]]:
    """The deck's articles as set articles, each with its generated questions."""
    out = []
    for article, _, questions in crud.list_question_sets(session=session, deck_id=deck.id, suggestions=True):
        # where it lives in the project, not on this server's disk (the path goes into exported files)
        source = f"decks/{deck.slug}/{PurePath(article.source).name}" if article.source else ""
        copy = SetArticle(title=article.title, source=source, deck_slug=deck.slug, article_slug=article.slug,
                          body=article.body)
        out.append((copy, questions))
    return out


def set_title(text: str) -> str:
    """A set's title as stored: plain, one line (no bidi controls), within the limit."""
    return plain_title(text)[:MAX_TITLE]


def set_from_deck(session: Session, teacher: Teacher, deck: Deck) -> ClassSet:
    """A new set holding every question of a bundled deck: the served ones approved, the rest suggested."""
    copies = library_copies(session, deck)
    class_set = crud.create_class_set(session=session, class_set=ClassSet(teacher_id=row_id(teacher), title=set_title(deck.title),
                                                                          slug=deck.slug),
                                      articles=[a for a, _ in copies])
    rows, position = [], 0
    for article, questions in copies:
        for q in questions:
            rows.append(copy_question(q, set_id=row_id(class_set), article_id=row_id(article), position=position))
            position += 1
    crud.add_set_questions(session=session, questions=rows)
    return class_set


def set_for_articles(session: Session, teacher: Teacher, title: str, articles: Sequence[SetArticle],
                     *, pending: dict[str, Any] | None = None, options: Mapping[str, Any] | None = None) -> ClassSet:
    """A new set whose questions are still to be generated (web.jobs does that in the background)."""
    class_set = ClassSet(teacher_id=row_id(teacher), title=set_title(title), slug=slugify(title)[:120],
                         status="building", progress_step="Waiting to start", pending=pending, **(options or {}))
    return crud.create_class_set(session=session, class_set=class_set, articles=articles)


def set_to_fetch(session: Session, teacher: Teacher, url: str, input_format: str) -> ClassSet:
    """A new set whose article the build fetches from `url` first; it is named after the address until then."""
    slug = slugify(urlsplit(url).hostname or "")[:120] or "article"
    class_set = ClassSet(teacher_id=row_id(teacher), title=set_title(url), slug=slug, status="building",
                         progress_step="Waiting to start", fetch_url=url, fetch_format=input_format)
    return crud.create_class_set(session=session, class_set=class_set, articles=[])


def add_fetched(session: Session, set_id: int, owner: str, article: qm.Article, *, source: str) -> bool:
    """The article fetched for a set made from a URL: the set takes its title (False if the build lost the set)."""
    return crud.add_fetched_article(session=session, set_id=set_id, owner=owner, title=set_title(article.title),
                                    slug=slugify(article.title)[:120], article=article_row(article, source=source))


def article_row(article: qm.Article, *, source: str, deck_slug: str = "", article_slug: str = "") -> SetArticle:
    return SetArticle(title=plain_title(article.title)[:300], source=source[:1000], deck_slug=deck_slug, article_slug=article_slug,
                      body=article.to_dict())


# --- checking a question -----------------------------------------------------------------------


@dataclass
class Checked:
    """A question's fields as typed, and what is wrong with them (field name -> message)."""

    format: str
    values: dict[str, str]
    problems: dict[str, str] = field(default_factory=dict)
    topic: str = ""
    prompt: str = ""
    answer: Any = ""
    choices: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)  # typed formats: other answers that count as right
    explanation: str = ""
    section: str = ""
    difficulty: int = 2

    @property
    def ok(self) -> bool:
        return not self.problems


def _clean(text: str) -> str:
    """One line of printable text: runs of white space (new lines too) become one space."""
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    return " ".join(text.split())


def _key(text: str) -> str:
    return normalise(text) or text.casefold()


def _limit(problems: dict[str, str], name: str, value: str, limit: int, what: str) -> None:
    if len(value) > limit and name not in problems:
        problems[name] = f"{what} is too long: at most {limit} characters (this has {len(value)})."


def form_fields(fmt: str) -> list[str]:
    """The form fields a format uses besides topic, prompt, explanation, section and difficulty."""
    if fmt == "multiple_choice":
        return [f"choice-{i}" for i in range(MC_OPTIONS)] + ["correct"]
    if fmt == "timeline":
        return [f"event-{i}" for i in range(TIMELINE_EVENTS[1])]
    if fmt == "matching":
        return [f"{side}-{i}" for i in range(MATCHING_PAIRS[1]) for side in ("left", "right")]
    return ["answer", "accepted"]


def check_question(form: Mapping[str, str], fmt: str) -> Checked:
    """Read a question from the editor's form and check it like the generator's own output would be."""
    values = {name: str(form.get(name, ""))[:5000] for name in
              ["topic", "prompt", "explanation", "section", "difficulty", *form_fields(fmt)]}
    c = Checked(format=fmt, values=values)
    p = c.problems
    if fmt not in FORMATS:
        p["format"] = f"Choose a question format: {', '.join(FORMATS)}."
        return c
    c.topic = values["topic"].strip()
    if c.topic not in TOPICS:
        p["topic"] = f"Choose a topic: {', '.join(TOPICS)}."
    c.prompt = _clean(values["prompt"])
    if not c.prompt:
        p["prompt"] = "Write the question."
    elif fmt == "cloze" and BLANK not in c.prompt:
        p["prompt"] = f"A fill-the-gap question needs a blank written as {BLANK} where the answer goes."
    _limit(p, "prompt", c.prompt, MAX_PROMPT, "The question")
    c.explanation = _clean(values["explanation"])
    _limit(p, "explanation", c.explanation, MAX_EXPLANATION, "The source or explanation")
    c.section = _clean(values["section"])
    _limit(p, "section", c.section, MAX_SECTION, "The section")
    raw_difficulty = values["difficulty"].strip() or "2"
    if raw_difficulty not in ("1", "2", "3"):
        p["difficulty"] = "Difficulty is 1 (easy), 2 or 3 (hard)."
    else:
        c.difficulty = int(raw_difficulty)

    if fmt == "multiple_choice":
        options = [_clean(values[f"choice-{i}"]) for i in range(MC_OPTIONS)]
        correct = values["correct"].strip()
        if any(not o for o in options):
            p["choices"] = f"A multiple-choice question has exactly {MC_OPTIONS} options; fill in every one."
        elif len({_key(o) for o in options}) < MC_OPTIONS:
            p["choices"] = "The options must all differ (ignoring case, punctuation and “the”)."
        elif any(len(o) > MAX_ANSWER for o in options):
            p["choices"] = f"An option is too long: at most {MAX_ANSWER} characters."
        if correct not in {str(i) for i in range(MC_OPTIONS)}:
            p["correct"] = "Mark which one option is the right answer."
        elif not p.get("choices"):
            c.answer = options[int(correct)]
        c.choices = options
    elif fmt == "true_false":
        answer = values["answer"].strip()
        if answer not in ("True", "False"):
            p["answer"] = "The answer to a true-or-false statement is True or False."
        c.answer, c.choices = answer, ["True", "False"]
    elif fmt == "timeline":
        events = [_clean(values[f"event-{i}"]) for i in range(TIMELINE_EVENTS[1])]
        events = [e for e in events if e]
        low, high = TIMELINE_EVENTS
        if not low <= len(events) <= high:
            p["events"] = f"A timeline has {low} to {high} events, earliest first (this has {len(events)})."
        elif len({_key(e) for e in events}) < len(events):
            p["events"] = "The events must all differ."
        elif any(len(e) > MAX_ANSWER for e in events):
            p["events"] = f"An event is too long: at most {MAX_ANSWER} characters."
        c.answer = events
        c.choices = shuffled(events, "|".join(events))
    elif fmt == "matching":
        pairs, half = [], False
        for i in range(MATCHING_PAIRS[1]):
            left, right = _clean(values[f"left-{i}"]), _clean(values[f"right-{i}"])
            if left and right:
                pairs.append([left, right])
            elif left or right:
                half = True
        low, high = MATCHING_PAIRS
        if half:
            p["pairs"] = "Every pair needs both sides; clear a row entirely to leave it out."
        elif not low <= len(pairs) <= high:
            p["pairs"] = f"A matching question has {low} to {high} pairs (this has {len(pairs)})."
        elif len({_key(a) for a, _ in pairs}) < len(pairs) or len({_key(b) for _, b in pairs}) < len(pairs):
            p["pairs"] = "Each side must list different items: no left item twice, no right item twice."
        elif any(len(x) > MAX_ANSWER for pair in pairs for x in pair):
            p["pairs"] = f"An item is too long: at most {MAX_ANSWER} characters."
        c.answer = pairs
        c.choices = shuffled([b for _, b in pairs], "|".join(b for _, b in pairs))
    else:
        answer = _clean(values["answer"])
        if not answer:
            p["answer"] = "Write the answer."
        _limit(p, "answer", answer, MAX_ANSWER, "The answer")
        if fmt == "cloze" and answer and BLANK in answer:
            p["answer"] = "Write the words that fill the blank, not the blank itself."
        c.answer, c.choices = answer, []
        c.accepted = check_accepted(p, values["accepted"])
    return c


def check_accepted(problems: dict[str, str], text: str) -> list[str]:
    """The teacher's other accepted answers, one a line; repeats (ignoring case, punctuation, "the") dropped."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        answer = _clean(line)
        if answer:
            out.setdefault(_key(answer), answer)
    accepted = list(out.values())
    if len(accepted) > MAX_ACCEPTED:
        problems["accepted"] = f"At most {MAX_ACCEPTED} other answers (this has {len(accepted)})."
    elif any(len(a) > MAX_ANSWER for a in accepted):
        problems["accepted"] = f"An accepted answer is too long: at most {MAX_ANSWER} characters."
    return accepted


def form_values(q: SetQuestion) -> dict[str, str]:
    """A question as the editor's form fields."""
    values = {"topic": q.topic, "prompt": q.prompt, "explanation": q.explanation, "section": q.source_section,
              "difficulty": str(q.difficulty)}
    if q.format == "multiple_choice":
        for i, option in enumerate(list(q.choices)[:MC_OPTIONS]):
            values[f"choice-{i}"] = option
        if q.answer in q.choices:
            values["correct"] = str(list(q.choices).index(q.answer))
    elif q.format == "timeline":
        for i, event in enumerate(list(q.answer)[:TIMELINE_EVENTS[1]]):
            values[f"event-{i}"] = str(event)
    elif q.format == "matching":
        for i, (left, right) in enumerate(list(q.answer)[:MATCHING_PAIRS[1]]):
            values[f"left-{i}"], values[f"right-{i}"] = str(left), str(right)
    else:
        values["answer"] = str(q.answer)
        values["accepted"] = "\n".join(q.accepted)
    return values


def apply(q: SetQuestion, c: Checked) -> SetQuestion:
    """Write checked fields into a question (the caller saves it)."""
    assert c.ok
    q.topic, q.prompt, q.answer, q.choices = c.topic, c.prompt, c.answer, list(c.choices)
    q.accepted = list(c.accepted)
    q.explanation, q.difficulty = c.explanation, c.difficulty
    if c.section:
        q.source_section = c.section
    q.tags = [c.topic, q.source_section]
    return q


def added_question(c: Checked, *, set_id: int, article: SetArticle, position: int, uid: str | None = None) -> SetQuestion:
    """A question the teacher wrote; it counts as approved (they just wrote it)."""
    q = SetQuestion(set_id=set_id, set_article_id=row_id(article), uid=uid or f"added-{secrets.token_hex(6)}",
                    origin="added", status="approved", position=position, format=c.format, topic=c.topic,
                    prompt="", answer="", choices=[], explanation="", source_sentence="",
                    source_section=c.section or qm.LEAD_SECTION, difficulty=c.difficulty, score=1.0, tags=[])
    return apply(q, c)


# --- options -------------------------------------------------------------------------------------


def check_options(form: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Options from the form: values to store, and problems per field."""
    problems: dict[str, str] = {}
    out: dict[str, Any] = {}
    raw_count = str(form.get("question_count", "")).strip()
    if not raw_count.isdigit() or int(raw_count) > MAX_STUDENT_QUESTIONS:
        problems["question_count"] = f"Give a number of questions from 0 (all approved) to {MAX_STUDENT_QUESTIONS}."
    else:
        out["question_count"] = int(raw_count)
    raw_attempts = str(form.get("attempts_allowed", "")).strip()
    if not raw_attempts.isdigit() or int(raw_attempts) > MAX_ATTEMPTS:
        problems["attempts_allowed"] = f"Give a number of attempts from 0 (no limit) to {MAX_ATTEMPTS}."
    else:
        out["attempts_allowed"] = int(raw_attempts)
    feedback = str(form.get("feedback", ""))
    if feedback not in FEEDBACK:
        problems["feedback"] = "Choose when students see whether they were right: right away or at the end."
    else:
        out["feedback"] = feedback
    out["shuffle_questions"] = _truthy(form.get("shuffle_questions"))
    out["shuffle_choices"] = _truthy(form.get("shuffle_choices"))
    title = plain_title(str(form.get("title", "")))
    if "title" in form:
        if not title:
            problems["title"] = "Give the set a title."
        elif len(title) > MAX_TITLE:
            problems["title"] = f"The title is too long: at most {MAX_TITLE} characters."
        else:
            out["title"] = title
    return out, problems


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() in ("on", "true", "1", "yes")


def options_of(class_set: ClassSet) -> dict[str, Any]:
    return {"question_count": class_set.question_count, "shuffle_questions": class_set.shuffle_questions,
            "shuffle_choices": class_set.shuffle_choices, "feedback": class_set.feedback,
            "attempts_allowed": class_set.attempts_allowed}


# --- public answers -----------------------------------------------------------------------------


def public_decks(session: Session, class_set: ClassSet) -> list[str]:
    """The bundled decks the set's questions come from, whose answers the public API lists (unless the set's
    answers are private)."""
    if class_set.private_answers:
        return []
    articles = crud.list_set_articles(session=session, set_id=row_id(class_set))
    return list(dict.fromkeys(a.deck_slug for a in articles if a.deck_slug))


def private_copy(session: Session, class_set: ClassSet) -> ClassSet:
    """A new, unpublished set with the same articles, questions and options whose answers are private: the public
    API stops listing the bundled questions it holds."""
    articles = crud.list_set_articles(session=session, set_id=row_id(class_set))
    questions = crud.list_set_questions(session=session, set_id=row_id(class_set))
    copy = ClassSet(teacher_id=class_set.teacher_id, title=f"{class_set.title} (private)"[:MAX_TITLE],
                    slug=class_set.slug, notice=class_set.notice, private_answers=True, **options_of(class_set))
    new_articles = [SetArticle(title=a.title, source=a.source, deck_slug=a.deck_slug, article_slug=a.article_slug,
                               body=a.body) for a in articles]
    copy = crud.create_class_set(session=session, class_set=copy, articles=new_articles)
    article_ids = {row_id(old): row_id(new) for old, new in zip(articles, new_articles, strict=True)}
    keep = set(SetQuestion.model_fields) - {"id", "set_id", "set_article_id"}
    crud.add_set_questions(session=session, questions=[
        SetQuestion(**{name: getattr(q, name) for name in keep}, set_id=row_id(copy),
                    set_article_id=article_ids[q.set_article_id])
        for q in questions])
    return copy


# --- publishing ---------------------------------------------------------------------------------


def new_code(session: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not crud.code_in_use(session=session, code=code):
            return code


def clean_code(raw: str) -> str:
    """What a student typed, as a code: case and spaces or dashes do not matter."""
    return re.sub(r"[\s-]+", "", raw).upper()[:20]


def publish(session: Session, class_set: ClassSet) -> ClassSet:
    approved = crud.list_set_questions(session=session, set_id=row_id(class_set), statuses=["approved"])
    if not approved:
        raise SetProblem("Approve at least one question before publishing: students only get approved questions.")
    if class_set.join_code is None:
        class_set.join_code = new_code(session)
    class_set.published = True
    return crud.save_class_set(session=session, class_set=class_set)


# --- exports -----------------------------------------------------------------------------------


def export_sets(session: Session, class_set: ClassSet) -> list[qm.QuestionSet]:
    """The approved questions, as edited and in the teacher's order, one QuestionSet per article."""
    articles = crud.list_set_articles(session=session, set_id=row_id(class_set))
    approved = crud.list_set_questions(session=session, set_id=row_id(class_set), statuses=["approved"])
    if not approved:
        raise SetProblem("Approve at least one question first: exports hold the approved questions.")
    out = []
    for article in articles:
        mine = [q for q in approved if q.set_article_id == article.id]
        if mine:
            sections = tuple(qm.Section(s["heading"], ()).name for s in article.body["sections"])
            out.append(qm.QuestionSet(title=article.title,
                                      questions=tuple(to_question(q, article=article.title) for q in mine),
                                      sections=sections))
    return out


def quizgen_article(article: SetArticle) -> qm.Article:
    return to_article(article)
