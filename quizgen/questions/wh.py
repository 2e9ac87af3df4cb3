"""Real WH questions from the parse: the answer phrase taken out, the wh-word fronted, the subject
and auxiliary inverted, "do" brought in where the clause has no auxiliary.

"Sergei Kirov was assassinated on December 1, 1934" -> "When was Sergei Kirov assassinated?"
Where no grammatical question can be formed the functions return None (the caller falls back to cloze).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from quizgen.extract.context import ArticleContext
from quizgen.extract.phrases import bracketed_asides, drop_parentheticals, render, subject_of, subtree_ids
from quizgen.questions.draft import capitalize, inline

MAX_WORDS = 32
_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def clause_verb(span: Span | Token) -> Token | None:
    tok = span.root if isinstance(span, Span) else span
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _drops(verb: Token, keep: set[int]) -> set[int]:
    """What a question leaves out of the clause: fronted adverbials, subordinate clauses, other
    clauses with their own subject, asides."""
    drop: set[int] = set()
    for c in verb.children:
        if c.i in keep:
            continue
        if c.dep_ in ("mark", "cc", "parataxis", "intj", "advcl", "dep", "preconj"):
            drop |= subtree_ids(c)
        elif c.dep_ == "punct":
            drop.add(c.i)
        elif c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            drop |= subtree_ids(c)  # "took place in X and involved a gunman": one clause is asked about
        elif c.i < verb.i and c.dep_ in ("prep", "advmod", "npadvmod") and not c.dep_.startswith("nsubj"):
            drop |= subtree_ids(c)
        elif c.dep_.startswith("nsubj"):
            for aside in drop_parentheticals(c):
                drop |= subtree_ids(aside)
    return drop


def wh_question(ctx: ArticleContext, verb: Token, answer_ids: set[int], wh: str) -> str | None:
    """The question whose answer is the phrase `answer_ids` of the verb's clause."""
    if not answer_ids or verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("relcl", "acl", "ccomp", "xcomp", "pcomp"):
        return None  # only a clause that stands on its own makes a question
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "When did the strike not end?" asks for what the sentence does not say
    subj = subject_of(verb)
    if subj is None or subj.lower_ in ("it", "there", "this", "that", "which", "what") and subj.i not in answer_ids:
        return None
    if any(c.tag_ == "MD" for c in verb.children):
        return None  # "When may the plot have been instigated?": a guess the article reports, not a fact to ask
    if wh.lower() == "when" and (verb.tag_ in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)):
        return None  # "When is the full name ...?", "When is the system linked to ...?": what is so now has no date
    if verb.lemma_ == "be" and wh.lower() == "when" and any(
            c.dep_ == "attr" and any(d.dep_ == "det" and d.lower_ in ("a", "an", "the") for d in c.children)
            for c in verb.children):
        return None  # "X was an invasion of Y in 1956" defines X: "When was X an invasion of Y?" asks nothing
    subj_ids = subtree_ids(subj)
    drop = _drops(verb, answer_ids | subj_ids) | answer_ids | bracketed_asides(verb.sent, answer_ids)
    for c in verb.children:
        if c.i < subj.left_edge.i:
            drop |= subtree_ids(c)  # whatever stands before the subject: openers, a whole clause before a ";"
    if subj.i in answer_ids:  # "Who was assassinated in Leningrad?": the order stays
        toks = [t for t in verb.subtree if t.i not in drop and t.i not in subj_ids]
        if not toks:
            return None
        return _finish(f"{wh} {ctx.text(toks, head=verb)}")
    if subj.i in drop or subj.i not in {t.i for t in verb.subtree}:
        return None  # a subject shared with another verb: the question would lose it
    auxes = sorted((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), key=lambda t: t.i)
    subject = ctx.np(subj, without=tuple(drop_parentheticals(subj)))
    if subject.lower() in ("they", "it", "he", "she", "we", "you", "them"):
        return None  # "Where did they seize ...?": nobody can say who
    first_word = subj.left_edge
    if (first_word.i == first_word.sent.start and first_word.pos_ in ("NOUN", "ADJ", "NUM", "ADV", "DET")
            and first_word.ent_type_ in ("", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT")
            and subject.startswith(first_word.text)):
        subject = subject[:1].lower() + subject[1:]  # "Opposition to the shogunate grew" -> "did opposition ..."
    subject = inline(subject)
    rest = [t for t in verb.subtree if t.i not in drop and t.i not in subj_ids]
    if auxes:
        first = auxes[0]
        body = ctx.text([t for t in rest if t.i != first.i], head=verb)
        return _finish(f"{wh} {first.lower_} {subject} {body}")
    if verb.lemma_ == "be":
        body = ctx.text([t for t in rest if t.i != verb.i], head=verb)
        return _finish(f"{wh} {verb.lower_} {subject} {body}")
    do = _DO.get(verb.tag_)
    if do is None:
        return None
    reps = ctx.replacements(verb)
    reps[verb.i] = verb.lemma_
    return _finish(f"{wh} {do} {subject} {render(rest, reps)}")


def _finish(q: str) -> str | None:
    q = " ".join(q.split()).rstrip(" ,;:.")
    if len(q.split()) > MAX_WORDS or len(q.split()) < 3 or ";" in q:
        return None
    return capitalize(q) + "?"
