"""Facts from articles: every paragraph parsed once, then each extractor reads the parses.

Order matters only in one place: people come first, so that "he" and "his" in the other facts can
be resolved to the last person named.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.extract.causal import extract_causal
from quizgen.extract.context import ArticleContext, Paragraph
from quizgen.extract.dates import extract_dates
from quizgen.extract.entities import build_entities, short_name
from quizgen.extract.people import describe
from quizgen.models import Article, Facts, SeeAlso
from quizgen.nlp import parse


def contexts(articles: Sequence[Article]) -> list[ArticleContext]:
    # see-also titles are parsed in a sentence of their own so the model sees a name in context
    texts = [t for a in articles for t in [*(b.paragraph for b in a.blocks), *(see_also_sentence(s) for s in a.see_also)]]
    docs = iter(parse(texts))
    return [
        ArticleContext(a, [Paragraph(b, next(docs)) for b in a.blocks], see_also_docs=[(s, next(docs)) for s in a.see_also])
        for a in articles
    ]


def see_also_sentence(ref: SeeAlso) -> str:
    return f"See also {ref.title}."


def facts_of(ctx: ArticleContext) -> Facts:
    people, places, orgs = build_entities(ctx)
    ctx.set_people(people, {p.name: short_name(p.name, ctx.article.text) for p in people})
    people = describe(ctx, people)
    links = extract_causal(ctx)
    return Facts(
        article=ctx.article,
        dates=extract_dates(ctx),
        people=tuple(people),
        places=tuple(places),
        organizations=tuple(orgs),
        causal_links=tuple(c for c in links if not c.hedge),
        event=ctx.event,
        reported_links=tuple(c for c in links if c.hedge),
    )


def analyze(articles: Sequence[Article]) -> list[tuple[ArticleContext, Facts]]:
    """Facts with the parses they came from (question templates read both)."""
    return [(c, facts_of(c)) for c in contexts(articles)]


def extract_many(articles: Sequence[Article]) -> list[Facts]:
    return [f for _, f in analyze(articles)]
