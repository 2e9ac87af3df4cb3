"""Descriptions of people, from what the article says of them.

In order of preference: an appositive ("Sergei Kirov, a veteran Bolshevik organizer"), a copula
("Nikolaev was a troubled young party member"), a relative clause (", who ..."), a see-also entry
("Nikolai Yezhov for the figure who led ..."), a passive "led by" ("central authorities, led by
Joseph Stalin," -> "led central authorities that moved ..."), a title just before the name ("the Egyptian
president Gamal Abdel Nasser").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from quizgen.extract.context import ArticleContext
from quizgen.extract.phrases import drop_parentheticals, phrase, subtree_ids
from quizgen.models import Entity

_MAX_WORDS = 30


def _short(text: str) -> str:
    return text if 0 < len(text.split()) <= _MAX_WORDS else ""


def appositive(root: Token, ctx: ArticleContext) -> str:
    for c in root.children:
        after = c.doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(c.doc) else None
        if (c.dep_ == "appos" and c.i > root.i and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "GPE")
                and c.doc[c.left_edge.i - 1].text == ","
                # "During the reign of Emperor Xuanzong, frontier generals gained ...": the subject, not an aside
                and (after is None or after.pos_ not in ("VERB", "AUX"))):
            # "heir to the throne, and his wife, Sophie": another person joined on, not more description
            conj = [g for g in c.children if g.dep_ == "conj" and (g.pos_ == "PROPN" or any(k.dep_ == "poss" for k in g.children))]
            conj += [g for g in c.children if g.dep_ == "cc" and conj]
            # "Eden, the British prime minister, compared ...": a verb after the closing comma is the
            # sentence's own, whatever the parse hung it on
            conj += [g for g in c.children if g.dep_ in ("acl", "relcl") and g.pos_ in ("VERB", "AUX")
                     and g.left_edge.i > c.i and c.doc[g.left_edge.i - 1].text == ","]
            keep = set(range(c.left_edge.i, c.right_edge.i + 1)) - {t.i for g in conj for t in g.subtree}
            return _short(ctx.text([t for t in c.subtree if t.i in keep], head=c))
    return ""


def copula(root: Token, ctx: ArticleContext) -> str:
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        for c in root.head.children:
            if c.dep_ == "attr" and c.pos_ == "NOUN":
                return _short(phrase(c, replace=ctx.replacements(c)))
    return ""


def relative(root: Token, ctx: ArticleContext) -> str:
    for c in root.children:
        if c.dep_ == "relcl" and c.left_edge.lower_ == "who":
            # "who had ten years of experience" -> "had ten years of experience"
            return _short(phrase(c, without=[c.left_edge], replace=ctx.replacements(c)))
    return ""


def led_by(root: Token, ctx: ArticleContext) -> str:
    """"N, led by X, moved to ..." -> "led N that moved to ..."."""
    by = root.head
    verb = by.head if by.lower_ == "by" else None
    if verb is None or verb.dep_ != "acl" or verb.tag_ != "VBN":
        return ""
    noun = verb.head
    np = phrase(noun, without=[verb, *drop_parentheticals(noun)])
    text = f"{verb.text} {np}"
    if noun.dep_ in ("nsubj", "nsubjpass"):
        clause = noun.head
        skip = subtree_ids(noun)
        for c in clause.children:
            if c.i < clause.i and c.dep_ in ("prep", "advmod", "punct", "advcl", "npadvmod"):
                skip |= subtree_ids(c)
        rest = phrase(clause, without=[t for t in clause.doc if t.i in skip and t.head.i not in skip])
        text = f"{text} that {rest}"
    return _short(text)


def title_before(root: Token, ctx: ArticleContext) -> str:
    """"the Egyptian president Gamal Abdel Nasser" -> "the Egyptian president"."""
    head = root.head
    if root.dep_ != "appos" or head.pos_ != "NOUN" or head.i != root.left_edge.i - 1:
        return ""
    return _short(phrase(head, without=[root], replace=ctx.replacements(head)))


RULES = (appositive, copula, relative, led_by, title_before)


def describe(ctx: ArticleContext, people: list[Entity]) -> list[Entity]:
    see_also = {s.title.lower(): s.description for s in ctx.article.see_also if s.description}
    out = []
    for person in people:
        spans = [(m, sp) for m in person.mentions if (sp := ctx.span_at(m)) is not None]
        desc, at = "", None
        for rule in RULES:
            if rule is led_by:
                desc = desc or next((d for d in (see_also.get(n.lower(), "") for n in person.names) if d), "")
            for mention, span in spans:
                if not desc and (desc := rule(span.root, ctx)):
                    at = mention
            if desc:
                break
        out.append(replace(person, description=desc, described_at=at))
    return out
