"""Cause and effect that the article states, read from the dependency parse.

Cue verbs ("led to", "set in motion", "intensified"), cue nouns ("provided a justification for",
"the result was"), cue prepositions ("in the wake of", "because of") and the conjunction "because"
each say which phrase of the sentence is the cause and which the effect. Claims the article only
reports ("critics contend that ...") are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from quizgen.extract import lexicon
from quizgen.extract.context import ArticleContext
from quizgen.extract.phrases import drop_parentheticals, inline, subject_of, subtree_ids
from quizgen.models import CausalLink

# lemma -> the particle or preposition that carries the effect (None: the direct object)
VERB_CUES: dict[str, str | None] = {
    "cause": None, "trigger": None, "prompt": None, "enable": None, "intensify": None, "shape": None,
    "spark": None, "provoke": None, "precipitate": None, "fuel": None, "unleash": None,
    "lead": "to", "result": "in", "contribute": "to", "feed": "into", "give": "rise",
}
REASON_NOUNS = {"justification", "pretext", "rationale", "excuse", "impetus", "catalyst", "reason", "basis", "spur"}
RESULT_NOUNS = {"result", "consequence", "outcome", "effect"}
# "arrested ... for loitering": verbs whose "for" phrase gives the reason
REASON_VERBS = {"arrest", "reprimand", "punish", "execute", "convict", "expel", "exile", "imprison", "sentence",
                "fine", "charge", "condemn", "praise", "reward", "award", "honor", "honour", "criticize",
                "criticise", "dismiss", "excommunicate", "try", "hang", "jail", "banish"}
# "fled as they learnt of the discovery": finding something out is why they acted
LEARNING_VERBS = {"learn", "hear", "discover", "realize", "realise", "find", "notice", "fear", "know", "see"}
# "The plot was revealed ... in an anonymous letter": what gave a secret away is why it came out
DISCLOSURE_VERBS = {"reveal", "expose", "betray", "uncover", "disclose", "discover", "detect", "foil", "thwart"}
GIVING_AWAY_NOUNS = {"letter", "report", "message", "confession", "testimony", "note", "dispatch", "telegram",
                     "warning", "tip", "informer", "informant", "spy", "agent", "search", "raid", "investigation",
                     "interrogation", "leak", "defector", "traitor"}
PP_CUES = {("wake", "of"): "in the wake of", ("aftermath", "of"): "in the aftermath of",
           ("result", "of"): "as a result of", ("because", "of"): "because of", ("due", "to"): "due to",
           ("owing", "to"): "owing to", ("consequence", "of"): "as a consequence of",
           ("response", "to"): "in response to"}


@dataclass(frozen=True)
class Found:
    cause: str
    effect: str
    cue: str
    kind: str
    verb: str
    past: bool


def past(v: Token) -> bool:
    return v.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in v.children)


def subj_phrase(subj: Token) -> str:
    """"The immediate result" -> "immediate result"."""
    return " ".join(t.text for t in subj.subtree if t.dep_ not in ("det", "poss") and t.i <= subj.i).lower()


def reported(tok: Token) -> bool:
    """Inside a claim: under "contend", "argue", "claim" ... or "whether"."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.lemma_ in lexicon.REPORTING_VERBS:
            return True
    return any(c.lower_ == "whether" for c in tok.head.children) if tok.dep_ != "ROOT" else False


def clause(ctx: ArticleContext, verb: Token, drop: set[int]) -> str:
    """The verb's clause as text, without `drop`, front adverbials, and asides on the subject."""
    skip = set(drop)
    for c in verb.children:
        if c.i < verb.i and c.dep_ in ("prep", "advcl", "advmod", "npadvmod", "punct", "mark", "cc"):
            skip |= subtree_ids(c)
        if c.dep_ == "conj" and c.i > verb.i and any(g.dep_.startswith("nsubj") for g in c.children):
            skip |= subtree_ids(c)  # another clause with its subject, and the "and" before it
            skip |= {g.i for g in verb.children if g.dep_ in ("cc", "punct") and verb.i < g.i < c.i}
        if c.dep_.startswith("nsubj"):
            for aside in drop_parentheticals(c):
                skip |= subtree_ids(aside)
        if c.dep_ == "punct" and c.i > verb.i and c.text in (".", ";"):
            skip.add(c.i)
    toks = [t for t in verb.subtree if t.i not in skip]
    subj = subject_of(verb)
    text = ctx.text(toks, head=verb)
    if subj is not None and subj.i not in {t.i for t in toks} and subj.i not in drop:
        text = f"{ctx.np(subj, without=tuple(drop_parentheticals(subj)))} {text}"
    return text


def noun_effect(ctx: ArticleContext, head: Token) -> str:
    return ctx.np(head)


def _child(tok: Token, deps: tuple[str, ...], lower: str | None = None) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps and (lower is None or c.lower_ == lower):
            return c
    return None


def _pobj(prep: Token | None) -> Token | None:
    return _child(prep, ("pobj", "pcomp")) if prep is not None else None


def verb_cue(ctx: ArticleContext, v: Token) -> Found | None:
    lemma = v.lemma_.lower()
    # "set in motion X"
    if lemma == "set":
        prep = _child(v, ("prep",), "in")
        if prep is not None and _pobj(prep) is not None and _pobj(prep).lower_ == "motion":
            obj = _child(v, ("dobj",))
            subj = subject_of(v)
            if obj is not None and subj is not None:
                return Found(ctx.np(subj), noun_effect(ctx, obj), "set in motion", "verb", "set in motion", past(v))
        return None
    # "provided a powerful justification for X"
    obj = _child(v, ("dobj",))
    if obj is not None and obj.lemma_.lower() in REASON_NOUNS:
        # "for" may hang anywhere after an aside ("a justification—whether real or not—for X"):
        # the effect runs from it to the end of the clause
        prep = next((t for t in v.doc[obj.i + 1: v.sent.end] if t.lower_ == "for" and t.dep_ == "prep"), None)
        subj = subject_of(v)
        if prep is not None and subj is not None:
            rest = [t for t in v.doc[prep.i + 1: v.sent.end] if t.text not in (";",)]
            cue = f"{v.text} a {obj.lemma_} for"
            return Found(ctx.np(subj), ctx.text(rest), cue, "verb", f"{v.lemma_} a {obj.lemma_} for", past(v))
    if lemma not in VERB_CUES:
        return None
    part = VERB_CUES[lemma]
    if lemma == "result" and _child(v, ("prep",), "from") is not None:  # "X resulted from Y"
        cause_tok, subj = _pobj(_child(v, ("prep",), "from")), subject_of(v)
        if cause_tok is not None and subj is not None:
            return Found(ctx.np(cause_tok), ctx.np(subj), "resulted from", "passive", "result from", past(v))
        return None
    if part is None:
        effect = _child(v, ("dobj",))
    elif part == "rise":  # "gave rise to X"
        effect = _pobj(_child(_child(v, ("dobj",), "rise") or v, ("prep",), "to")) if _child(v, ("dobj",), "rise") else None
    else:
        effect = _pobj(_child(v, ("prep",), part))
    agent = _child(v, ("agent",))
    # "X was triggered by Y"; but "led by" and "shaped by" someone is leading, not causing, unless the
    # verb keeps its own particle ("was led to war by ...")
    if agent is not None and _pobj(agent) is not None and (part is None or effect is not None) and lemma != "lead":
        subj = _child(v, ("nsubjpass",))
        if subj is not None:
            return Found(ctx.np(_pobj(agent)), ctx.np(subj), f"{v.text} by", "passive", v.lemma_, past(v))
        return None
    if effect is None:
        return None
    subj = subject_of(v)
    if subj is None and v.dep_ == "advcl" and v.tag_ == "VBG":  # "..., leading to X"
        subj = subject_of(v.head)
    if subj is None:
        return None
    tail = {None: "", "rise": " rise to"}.get(part, f" {part}")
    return Found(ctx.np(subj), ctx.np(effect), v.text + tail, "verb", v.lemma_ + tail, past(v))


def result_cue(ctx: ArticleContext, subj: Token, sent: Span, prev: Span | None) -> Found | None:
    """"The immediate result was X": X is the effect of the article's event (or of "of Y")."""
    cop = subj.head
    if subj.dep_ != "nsubj" or cop.lemma_ != "be" or subj.lemma_.lower() not in RESULT_NOUNS:
        return None
    attr = _child(cop, ("attr",))
    if attr is None:
        return None
    of = _pobj(_child(subj, ("prep",), "of"))
    cause = ctx.np(of) if of is not None else ctx.event or (clause(ctx, prev.root, set()) if prev is not None else "")
    if not cause:
        return None
    return Found(cause, ctx.np(attr), f"the {subj.lemma_} was", "result", subj_phrase(subj), cop.tag_ == "VBD")


def pp_cue(ctx: ArticleContext, tok: Token, prev: Span | None) -> Found | None:
    """"In the wake of X, Y" / "because of X" / "In the aftermath, Y"."""
    low = tok.lower_
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    key = next(((w, p) for (w, p) in PP_CUES if w == low), None)
    if key is None:
        return None
    prep = nxt if nxt is not None and nxt.lower_ == key[1] else None
    if low in ("wake", "aftermath", "result", "consequence", "response"):
        outer = tok.head
        if outer.dep_ != "prep" or outer.lower_ not in ("in", "as") or tok.dep_ != "pobj":
            return None
        if (low in ("result", "consequence")) != (outer.lower_ == "as"):
            return None  # "as a result", "in the wake", "in response"
        verb = outer.head
        anchor = outer
    else:  # "because of", "due to", "owing to": the words hang together in several ways
        anchor = tok if tok.dep_ == "prep" else tok.head if tok.head.dep_ == "prep" else tok
        verb = anchor.head
    if verb.pos_ not in ("VERB", "AUX") or reported(verb):
        return None
    cause_tok = _pobj(prep) if prep is not None else None
    if cause_tok is not None:
        cause = ctx.np(cause_tok)
    elif low == "aftermath" and ctx.event:
        cause = ctx.event
    elif low in ("result", "consequence", "response") and prev is not None:
        cause = clause(ctx, prev.root, set())
    else:
        return None
    cue = PP_CUES[key] if cause_tok is not None else " ".join(t.lower_ for t in outer.subtree)  # "as a result"
    return Found(cause, clause(ctx, verb, subtree_ids(anchor)), cue, "after", cue, past(verb))


def because_cue(ctx: ArticleContext, mark: Token) -> Found | None:
    """"X because Y", and "X as they learnt of Y" (an "as" that gives what someone found out)."""
    sub = mark.head
    if mark.dep_ != "mark" or sub.dep_ != "advcl" or reported(sub):
        return None
    if mark.lower_ == "as" and sub.lemma_.lower() not in LEARNING_VERBS:
        return None
    main = sub.head
    cause = clause(ctx, sub, {mark.i})
    sub_subj, main_subj = subject_of(sub), subject_of(main)
    if sub_subj is not None and main_subj is not None and sub_subj.lower_ in ("they", "he", "she", "it"):
        # "they learnt of it" in "the conspirators fled as they learnt of it": they are the conspirators
        cause = clause(ctx, sub, {mark.i} | subtree_ids(sub_subj))
        cause = f"{inline(ctx.np(main_subj, without=tuple(drop_parentheticals(main_subj))))} {cause}"
    return Found(cause, clause(ctx, main, subtree_ids(sub)), mark.lower_, "because", "", past(main))


def reason_for(ctx: ArticleContext, prep: Token) -> Found | None:
    """"He was arrested ..., allegedly for loitering": the "for" phrase of a verb of judgement."""
    verb = prep.head
    if prep.lower_ != "for" or verb.pos_ != "VERB" or verb.lemma_.lower() not in REASON_VERBS or verb.dep_ == "xcomp":
        return None  # "resolved to punish X for Y" is an intention, not a stated reason
    target = _pobj(prep)
    if target is None or target.pos_ not in ("VERB", "NOUN"):
        return None
    drop = subtree_ids(prep)
    # "allegedly for loitering": the hedge belongs to the reason
    hedge = [c for c in verb.children if c.dep_ == "advmod" and c.i == prep.left_edge.i - 1]
    for h in hedge:
        drop |= subtree_ids(h)
    cause = ctx.text([*hedge, *(t for t in prep.subtree if t.i != prep.i)])
    return Found(cause, clause(ctx, verb, drop), f"{verb.text} for", "reason", verb.lemma_, past(verb))


def given_away(ctx: ArticleContext, prep: Token) -> Found | None:
    """"The plot was revealed to the authorities in an anonymous letter", "was betrayed by an informer":
    the letter or the informer brought the secret out."""
    verb = prep.head
    if prep.lower_ not in ("in", "by", "through") or verb.lemma_.lower() not in DISCLOSURE_VERBS \
            or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    target = _pobj(prep)
    if target is None or target.pos_ != "NOUN" or target.lemma_.lower() not in GIVING_AWAY_NOUNS:
        return None
    cause = ctx.text([t for t in prep.subtree if t.i != prep.i])
    return Found(cause, clause(ctx, verb, subtree_ids(prep)), f"{verb.text} {prep.lower_}", "passive",
                 f"{verb.lemma_} {prep.lower_}", past(verb))


def extract_causal(ctx: ArticleContext) -> tuple[CausalLink, ...]:
    out: list[CausalLink] = []
    seen: set[tuple[int, str]] = set()
    for para, sent in ctx.sentences():
        prev = _previous(sent)
        for tok in sent:
            found = None
            if tok.pos_ in ("VERB", "AUX") and not reported(tok):
                found = verb_cue(ctx, tok)
            if found is None and tok.dep_ == "nsubj":
                found = result_cue(ctx, tok, sent, prev)
            if found is None and tok.lower_ in {w for w, _ in PP_CUES}:
                found = pp_cue(ctx, tok, prev)
            if found is None and tok.lower_ in ("because", "as"):
                found = because_cue(ctx, tok)
            if found is None and tok.dep_ == "prep":
                found = reason_for(ctx, tok)
            if found is None and tok.dep_ in ("prep", "agent"):
                found = given_away(ctx, tok)
            if found is None:
                continue
            if not found.cause or not found.effect or found.cause == found.effect or (tok.i, found.cue) in seen:
                continue
            seen.add((tok.i, found.cue))
            out.append(CausalLink(found.cause, found.effect, found.cue, ctx.where(sent, para), found.kind,
                                  found.verb, found.past, ctx.offset(tok)))
    return tuple(out)


def _previous(sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent
