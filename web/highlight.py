"""The article text with its facts marked, using the character offsets the extractor gives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from markupsafe import Markup, escape

from quizgen import models as qm
from web.models import ArticleFact

KINDS = {"date": "Date", "person": "Person", "place": "Place", "organization": "Organization", "cause": "Cause → effect"}
# causal links span clauses, so they are drawn outermost (an underline) around the shorter marks
ORDER = {"cause": 0, "date": 1, "person": 2, "place": 3, "organization": 4}


@dataclass(frozen=True)
class SectionView:
    heading: str
    paragraphs: list[Markup]


def _tip(fact: ArticleFact) -> str:
    detail = f" — {fact.detail}" if fact.detail and fact.kind != "cause" else ""
    if fact.kind == "cause":
        return f"{KINDS['cause']}: {fact.label} (“{fact.detail}”)"
    return f"{KINDS.get(fact.kind, fact.kind)}: {fact.label}{detail}"


def _open(fact: ArticleFact) -> str:
    tag = "span" if fact.kind == "cause" else "mark"
    return f'<{tag} class="hl hl-{escape(fact.kind)}" title="{escape(_tip(fact))}">'


def _close(fact: ArticleFact) -> str:
    return "</span>" if fact.kind == "cause" else "</mark>"


def mark_up(text: str, offset: int, facts: Sequence[ArticleFact]) -> Markup:
    """`text` (which starts at `offset` in Article.text) with every fact overlapping it marked.

    Where spans overlap, the text is cut at every span edge and each piece is wrapped in all the
    spans that cover it, so the HTML always nests properly.
    """
    end = offset + len(text)
    spans = [f for f in facts if f.start < end and f.end > offset and f.end > f.start]
    if not spans:
        return escape(text)
    edges = sorted({offset, end, *(max(f.start, offset) for f in spans), *(min(f.end, end) for f in spans)})
    out = []
    for a, b in zip(edges, edges[1:], strict=False):
        piece = str(escape(text[a - offset:b - offset]))
        covering = sorted((f for f in spans if f.start <= a and f.end >= b),
                          key=lambda f: (ORDER.get(f.kind, 9), f.start, -f.end))
        out.append("".join(_open(f) for f in covering) + piece + "".join(_close(f) for f in reversed(covering)))
    return Markup("".join(out))


def sections(article: qm.Article, facts: Sequence[ArticleFact]) -> list[SectionView]:
    """The article's sections with their paragraphs marked up (the lead has an empty heading)."""
    blocks = iter(article.blocks)  # the paragraphs in order, with their offsets
    return [
        SectionView(sec.heading, [mark_up(b.paragraph, b.offset, facts) for b in islice(blocks, len(sec.paragraphs))])
        for sec in article.sections
    ]
