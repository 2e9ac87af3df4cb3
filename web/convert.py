"""Between quizgen's records (Article, Facts, QuestionSet) and the web app's rows."""

from __future__ import annotations

from quizgen import models as qm
from quizgen.vocabulary import slugify as shared_slugify
from web.crud import ArticleImport
from web.models import Article, ArticleFact, Question, QuestionFields, QuestionSet, SetArticle


def slugify(text: str) -> str:
    return shared_slugify(text, fallback="article")


def fact_rows(facts: qm.Facts) -> list[ArticleFact]:
    """Every span to highlight in the article, with what it stands for."""

    def row(kind: str, key: str, label: str, detail: str, where: qm.Provenance) -> ArticleFact:
        return ArticleFact(kind=kind, key=key[:300], label=label, detail=detail, start=where.start, end=where.end,
                           sentence=where.sentence, section=where.section[:300])

    rows = [row("date", d.start, d.text, d.event, d.where) for d in facts.dates]
    for entity in facts.entities():
        rows += [row(entity.kind, entity.name, entity.name, entity.description, m) for m in entity.mentions]
    rows += [row("cause", c.cue, f"{c.cause} → {c.effect}", c.cue, c.where) for c in facts.causal_links]
    return rows


def question_row(q: qm.Question, position: int) -> Question:
    d = q.to_dict()
    return Question(
        uid=q.id, position=position, format=q.format, topic=q.topic, prompt=q.prompt, answer=d["answer"],
        choices=d["choices"], explanation=q.explanation, source_sentence=q.source.sentence,
        source_section=q.source.section[:300], difficulty=q.difficulty, score=q.score, tags=d["tags"],
        served=q.served, reason=q.reason, features=q.features or None,
    )


def article_import(article: qm.Article, facts: qm.Facts, qset: qm.QuestionSet, *, slug: str,
                   position: int) -> ArticleImport:
    return ArticleImport(
        article=Article(slug=slug, title=article.title, position=position, source=article.source[:1000],
                        body=article.to_dict()),
        facts=fact_rows(facts),
        question_set=QuestionSet(title=qset.title),
        questions=[question_row(q, i) for i, q in enumerate(qset.questions + qset.suggestions)],
    )


def to_article(row: Article | SetArticle) -> qm.Article:
    """The quizgen Article back from its row: Article.text and its offsets are the same as at import."""
    body = row.body
    return qm.Article(
        title=body["title"],
        sections=tuple(qm.Section(s["heading"], tuple(s["paragraphs"])) for s in body["sections"]),
        see_also=tuple(qm.SeeAlso(**s) for s in body.get("see_also", ())),
        source=row.source,
    )


def to_question(row: QuestionFields, *, article: str = "") -> qm.Question:
    return qm.Question.from_dict(
        {"id": row.uid, "format": row.format, "topic": row.topic, "prompt": row.prompt, "answer": row.answer,
         "choices": row.choices, "explanation": row.explanation,
         "source": {"sentence": row.source_sentence, "section": row.source_section},
         "difficulty": row.difficulty, "score": row.score, "tags": row.tags},
        article=article,
    )


def to_question_set(article: Article, qset: QuestionSet, questions: list[Question]) -> qm.QuestionSet:
    sections = tuple(qm.Section(s["heading"], ()).name for s in article.body["sections"])
    return qm.QuestionSet(title=qset.title, questions=tuple(to_question(q, article=article.title) for q in questions),
                          sections=sections)
