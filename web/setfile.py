"""A set as decks/<slug>/deck.toml: its source articles and every customisation, to keep in version control
and share between teachers.

The file holds the articles themselves (so it stands alone) and, for the questions, only what the teacher
changed: which generated ids are approved or rejected, the order, the edits and the questions added by hand.
Importing generates the questions again (quizgen's ids are stable) and applies the customisations; an article
that is still the same in the bundled library takes its questions from there, with no generation.

    title = "Kirov Assassination"          # the deck title, as quizgen.decks reads it
    [quizgen]  kind = "question-set", version = 1
    [options]  questions, shuffle_questions, shuffle_choices, feedback, attempts
    [[articles]]  title, source, deck, article, [[articles.sections]] heading/paragraphs, [[articles.see_also]]
    [review]   order, approved, rejected   (question ids)
    [[edits]]  id, format, topic, prompt, answer, choices, explanation, section, difficulty
    [[added]]  id, article (1-based), format, topic, prompt, answer, choices, explanation, section, difficulty
    [accepted] question id = [other typed answers the teacher accepts]
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import tomli_w
from sqlmodel import Session

from quizgen import models as qm
from quizgen.models import FORMATS
from web import crud, sets
from web.grading import TEXT_FORMATS
from web.models import ClassSet, SetArticle, SetQuestion, row_id

KIND = "question-set"
VERSION = 1
MAX_ARTICLES = 20
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ID = 64  # SetQuestion.uid
MAX_DEPTH = 10  # a set file's deepest values, its paragraphs, sit 6 levels down; far deeper is no set file
QUESTION_KEYS = ("format", "topic", "prompt", "answer", "choices", "explanation", "section", "difficulty")


class SetFileError(ValueError):
    """A deck.toml that cannot be imported; `problems` lists every reason found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


# --- writing -----------------------------------------------------------------------------------


def _question_entry(q: SetQuestion) -> dict[str, Any]:
    return {"id": q.uid, "format": q.format, "topic": q.topic, "prompt": q.prompt, "answer": q.answer,
            "choices": list(q.choices), "explanation": q.explanation, "section": q.source_section,
            "difficulty": q.difficulty}


def dump(session: Session, class_set: ClassSet) -> str:
    articles = crud.list_set_articles(session=session, set_id=row_id(class_set))
    questions = crud.list_set_questions(session=session, set_id=row_id(class_set))
    index = {a.id: i + 1 for i, a in enumerate(articles)}
    doc: dict[str, Any] = {
        "title": class_set.title,
        "quizgen": {"kind": KIND, "version": VERSION},
        "options": {"questions": class_set.question_count, "shuffle_questions": class_set.shuffle_questions,
                    "shuffle_choices": class_set.shuffle_choices, "feedback": class_set.feedback,
                    "attempts": class_set.attempts_allowed},
        "articles": [{"title": a.title, "source": a.source, "deck": a.deck_slug, "article": a.article_slug,
                      "sections": [{"heading": s["heading"], "paragraphs": list(s["paragraphs"])}
                                   for s in a.body["sections"]],
                      "see_also": [{"title": s["title"], "description": s.get("description", "")}
                                   for s in a.body.get("see_also", [])]}
                     for a in articles],
        "review": {"order": [q.uid for q in questions],
                   "approved": [q.uid for q in questions if q.status == "approved"],
                   "rejected": [q.uid for q in questions if q.status == "rejected"]},
        "edits": [_question_entry(q) for q in questions if q.origin == "generated" and q.edited],
        "added": [{**_question_entry(q), "article": index[q.set_article_id]} for q in questions if q.origin == "added"],
        "accepted": {q.uid: list(q.accepted) for q in questions if q.accepted},
    }
    return tomli_w.dumps(doc)


# --- reading -----------------------------------------------------------------------------------


@dataclass
class ArticleSpec:
    article: qm.Article
    source: str
    deck_slug: str
    article_slug: str


@dataclass
class SetFile:
    title: str
    options: dict[str, Any]
    articles: list[ArticleSpec]
    custom: dict[str, Any]  # review, edits, added: kept as read (JSON-able) until the questions exist


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _form(entry: dict[str, Any]) -> dict[str, str]:
    """A question entry as the editor's form fields, so it is checked exactly like an edit in the page."""
    q = SetQuestion(set_id=0, set_article_id=0, uid="", position=0, format=str(entry.get("format", "")),
                    topic=str(entry.get("topic", "")), prompt=str(entry.get("prompt", "")), answer=entry.get("answer", ""),
                    choices=[str(c) for c in entry.get("choices", [])] if isinstance(entry.get("choices"), list) else [],
                    explanation=str(entry.get("explanation", "")), source_sentence="",
                    source_section=str(entry.get("section", "")), difficulty=entry.get("difficulty", 2), tags=[])
    return sets.form_values(q)


def check_entry(entry: Any, where: str, problems: list[str]) -> sets.Checked | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry["id"].strip():
        problems.append(f"{where}: each entry needs an id")
        return None
    if len(entry["id"]) > MAX_ID:
        problems.append(f"{where} {entry['id'][:MAX_ID]}…: an id is at most {MAX_ID} characters")
        return None
    fmt = entry.get("format")
    if fmt not in FORMATS:
        problems.append(f"{where} {entry['id']}: format must be one of {', '.join(FORMATS)}")
        return None
    answer = entry.get("answer")
    if fmt in ("timeline", "matching") and not isinstance(answer, list):
        problems.append(f"{where} {entry['id']}: a {fmt} answer is a list")
        return None
    if fmt == "matching" and not all(isinstance(p, list) and len(p) == 2 for p in answer):  # type: ignore[union-attr]  # a list: checked just above
        problems.append(f"{where} {entry['id']}: a matching answer is a list of [left, right] pairs")
        return None
    checked = sets.check_question(_form(entry), fmt)
    for name, message in checked.problems.items():
        problems.append(f"{where} {entry['id']} ({name}): {message}")
    return checked if checked.ok else None


def load(data: bytes) -> SetFile:
    """Read and check a deck.toml; SetFileError lists everything that is wrong with it."""
    if len(data) > MAX_FILE_BYTES:
        raise SetFileError([f"the file is too large (at most {MAX_FILE_BYTES // (1024 * 1024)} MB)"])
    try:
        doc = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SetFileError(["the file is not UTF-8 text"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise SetFileError([f"not valid TOML ({exc})"]) from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise SetFileError([f"arrays or tables nested more than {MAX_DEPTH} deep"]) from None
    if _depth(doc) > MAX_DEPTH:
        raise SetFileError([f"arrays or tables nested more than {MAX_DEPTH} deep"])
    meta = doc.get("quizgen")
    if not isinstance(meta, dict) or meta.get("kind") != KIND:
        raise SetFileError([f'this deck.toml holds no question set (it needs [quizgen] kind = "{KIND}")'])
    if meta.get("version") != VERSION:
        raise SetFileError([f"unknown question-set version {meta.get('version')!r}; this quizgen reads version {VERSION}"])
    problems: list[str] = []

    title = doc.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append("title: give the set a title")
        title = ""

    raw_options = doc.get("options", {})
    options: dict[str, Any] = {}
    if not isinstance(raw_options, dict):
        problems.append("[options] must be a table")
    else:
        form = {"question_count": raw_options.get("questions", 10), "attempts_allowed": raw_options.get("attempts", 1),
                "feedback": raw_options.get("feedback", "immediate"),
                "shuffle_questions": raw_options.get("shuffle_questions", False),
                "shuffle_choices": raw_options.get("shuffle_choices", True)}
        options, option_problems = sets.check_options({k: v if isinstance(v, bool) else str(v) for k, v in form.items()})
        problems += [f"[options] {message}" for message in option_problems.values()]

    articles: list[ArticleSpec] = []
    raw_articles = doc.get("articles")
    if not isinstance(raw_articles, list) or not raw_articles:
        problems.append("[[articles]]: the file needs at least one article")
        raw_articles = []
    elif len(raw_articles) > MAX_ARTICLES:
        problems.append(f"[[articles]]: at most {MAX_ARTICLES} articles")
        raw_articles = []
    for n, a in enumerate(raw_articles, 1):
        spec = _article(a, n, problems)
        if spec is not None:
            articles.append(spec)

    review = doc.get("review", {})
    if not isinstance(review, dict) or not all(_strings(review.get(k, [])) for k in ("order", "approved", "rejected")):
        problems.append("[review]: order, approved and rejected are lists of question ids")
        review = {}
    edits = doc.get("edits", [])
    added = doc.get("added", [])
    if not isinstance(edits, list) or not isinstance(added, list):
        problems.append("edits and added are arrays of tables ([[edits]], [[added]])")
        edits, added = [], []
    for entry in edits:
        check_entry(entry, "[[edits]]", problems)
    ids = [e["id"] for e in added if isinstance(e, dict) and isinstance(e.get("id"), str)]
    problems += [f"[[added]] {uid}: two added questions have this id" for uid, n in Counter(ids).items() if n > 1]
    for entry in added:
        if check_entry(entry, "[[added]]", problems) is not None:
            n = entry.get("article", 1)
            if not isinstance(n, int) or not 1 <= n <= max(1, len(raw_articles)):
                problems.append(f"[[added]] {entry['id']}: article is the number of one of the file's articles")
    accepted = doc.get("accepted", {})
    if not isinstance(accepted, dict) or not all(_strings(v) for v in accepted.values()):
        problems.append("[accepted]: each question id names a list of accepted answers")
        accepted = {}
    for uid, answers in accepted.items():
        found: dict[str, str] = {}
        sets.check_accepted(found, "\n".join(answers))
        problems += [f"[accepted] {uid}: {message}" for message in found.values()]
    if problems:
        raise SetFileError(problems)
    custom = {"review": {k: list(review.get(k, [])) for k in ("order", "approved", "rejected")},
              "edits": edits, "added": added, "accepted": accepted}
    return SetFile(title=sets.set_title(title), options=options, articles=articles, custom=custom)


def _depth(value: Any) -> int:
    """How deeply arrays and tables nest in a parsed document (without recursion)."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack += [(v, depth + 1) for v in item.values()]
        elif isinstance(item, list):
            stack += [(v, depth + 1) for v in item]
    return deepest


def _article(a: Any, n: int, problems: list[str]) -> ArticleSpec | None:
    where = f"[[articles]] {n}"
    if not isinstance(a, dict) or not isinstance(a.get("title"), str) or not a["title"].strip():
        problems.append(f"{where}: needs a title")
        return None
    sections = a.get("sections")
    if not isinstance(sections, list) or not sections or not all(
            isinstance(s, dict) and isinstance(s.get("heading", ""), str) and _strings(s.get("paragraphs"))
            for s in sections):
        problems.append(f"{where}: sections are tables with a heading and a list of paragraphs")
        return None
    see_also = a.get("see_also", [])
    if not isinstance(see_also, list) or not all(
            isinstance(s, dict) and isinstance(s.get("title"), str) and isinstance(s.get("description", ""), str)
            for s in see_also):
        problems.append(f"{where}: see_also entries are tables with a title and a description")
        return None
    if not any(p.strip() for s in sections for p in s["paragraphs"]):
        problems.append(f"{where}: the article has no text")
        return None
    article = qm.Article(
        title=a["title"].strip(),
        sections=tuple(qm.Section(s.get("heading", ""), tuple(s["paragraphs"])) for s in sections),
        see_also=tuple(qm.SeeAlso(s["title"], s.get("description", "")) for s in see_also),
        source=str(a.get("source", "")),
    )
    return ArticleSpec(article, str(a.get("source", ""))[:1000], str(a.get("deck", ""))[:120],
                       str(a.get("article", ""))[:120])


# --- applying the customisations to freshly generated questions ------------------------------


def customise(questions: Sequence[SetQuestion], custom: dict[str, Any], articles: Sequence[SetArticle],
              set_id: int) -> tuple[list[SetQuestion], list[str]]:
    """The set's questions after the file's review, edits, additions and order; and what could not be applied."""
    notes: list[str] = []
    by_uid = {q.uid: q for q in questions}
    out = list(questions)
    missing_edits = []
    for entry in custom.get("edits", []):
        q = by_uid.get(entry["id"])
        if q is None or q.format != entry["format"]:
            missing_edits.append(entry["id"])
            continue
        checked = sets.check_question(_form(entry), q.format)
        sets.apply(q, checked)
        q.edited = True
    for entry in custom.get("added", []):
        checked = sets.check_question(_form(entry), entry["format"])
        article = articles[min(int(entry.get("article", 1)), len(articles)) - 1]
        if entry["id"] in by_uid:
            continue
        q = sets.added_question(checked, set_id=set_id, article=article, position=0, uid=entry["id"])
        by_uid[q.uid] = q
        out.append(q)
    for uid, answers in custom.get("accepted", {}).items():
        if uid in by_uid and by_uid[uid].format in TEXT_FORMATS:
            by_uid[uid].accepted = sets.check_accepted({}, "\n".join(answers))
    review = custom.get("review", {})
    approved, rejected = set(review.get("approved", [])), set(review.get("rejected", []))
    for q in out:
        # a question the file neither approves nor rejects was a suggestion or waited for review
        q.status = ("approved" if q.uid in approved else "rejected" if q.uid in rejected
                    else "suggested" if q.status == "suggested" else "pending")
    rank = {uid: i for i, uid in enumerate(review.get("order", []))}
    out.sort(key=lambda q: (rank.get(q.uid, len(rank)), q.position))
    for position, q in enumerate(out):
        q.position = position
    unknown = [uid for uid in [*approved, *rejected] if uid not in by_uid]
    if missing_edits:
        notes.append(f"{len(missing_edits)} edited question(s) are no longer generated from the article and were "
                     f"left out: {', '.join(sorted(missing_edits)[:10])}.")
    if unknown:
        notes.append(f"{len(unknown)} reviewed question id(s) are no longer generated and were skipped.")
    return out, notes
