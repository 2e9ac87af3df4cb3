"""Cause and effect that the article states, read from the dependency parse.

The cues come from published inventories (lexicon.py): the Penn Discourse Treebank's explicit
connectives of the sense Contingency.Cause, and the causative verbs, nouns and prepositions that the
Causal News Corpus marks as signals. Each cue says which of its phrases is the cause and which the
effect, as CausalBank's two pattern modes do: "because" mode ("Y because X", "Y due to X", "Y stemmed
from X") and "therefore" mode ("X led to Y", "X forced Z to do W", "X. As a result, Y"). A cause or an
effect is a noun phrase or a short clause, never the whole sentence; a result adverbial that opens a
sentence takes the sentence before as its cause, as do "This led to ..." and a bare "was forced to".

Claims the article only reports or hedges ("critics contend that ...", "allegedly", "may have") are kept
and marked with the hedging word (CausalLink.hedge), so that no question states them as fact.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from quizgen.extract import lexicon
from quizgen.extract.context import ArticleContext
from quizgen.extract.phrases import (
    RELATIVE_PRONOUNS,
    antecedent,
    capitalize,
    drop_parentheticals,
    inline,
    relative_clause,
    subject_of,
    subtree_ids,
)
from quizgen.models import CausalLink, Provenance

REASON_NOUNS = {"justification", "pretext", "rationale", "excuse", "impetus", "catalyst", "reason", "basis", "spur"}
RESULT_NOUNS = {"result", "consequence", "outcome", "effect"}
# "arrested ... for loitering": verbs whose "for" phrase gives the reason
REASON_VERBS = {"arrest", "reprimand", "punish", "execute", "convict", "expel", "exile", "imprison", "sentence",
                "fine", "charge", "condemn", "praise", "reward", "award", "honor", "honour", "criticize",
                "criticise", "dismiss", "excommunicate", "try", "hang", "jail", "banish", "lock", "detain", "flog", "whip",
                "behead", "persecute"}
# "fled as they learnt of the discovery": finding something out is why they acted
LEARNING_VERBS = {"learn", "hear", "discover", "realize", "realise", "find", "notice", "fear", "know", "see"}
# "The plot was revealed ... in an anonymous letter": what gave a secret away is why it came out
DISCLOSURE_VERBS = {"reveal", "expose", "betray", "uncover", "disclose", "discover", "detect", "foil", "thwart"}
GIVING_AWAY_NOUNS = {"letter", "report", "message", "confession", "testimony", "note", "dispatch", "telegram",
                     "warning", "tip", "informer", "informant", "spy", "agent", "search", "raid", "investigation",
                     "interrogation", "leak", "defector", "traitor"}
# "drove the settlers out": moving someone by force
DRIVING_VERBS = {"drive", "force", "push", "chase", "expel", "oust"}
# "had severe consequences for", "had a lasting impact on"
IMPACT_NOUNS = {"consequence", "effect", "impact", "influence", "repercussion", "implication"}
PLACE_PREPOSITIONS = {"in", "across", "throughout", "among", "within"}
AWAY_WORDS = {"out", "away", "off", "back", "from", "into"}
PP_WORDS = frozenset(w for w, _ in lexicon.CAUSE_PREPOSITIONS)
# the nouns of prepositional cues, and the prepositions that open their phrase ("as a result of")
PP_OPENERS = {"wake": ("in",), "aftermath": ("in",), "result": ("as",), "consequence": ("as", "in"),
              "response": ("in",), "reaction": ("in", "as"), "retaliation": ("in",), "account": ("on",),
              "influence": ("under",), "pressure": ("under",), "protest": ("in",), "revenge": ("in",), "punishment": ("as", "in"),
              "retribution": ("in", "as"), "reprisal": ("in", "as"), "instigation": ("at",), "behest": ("at",),
              "orders": ("on", "by")}
DEMONSTRATIVES = {"this", "that", "these", "those"}
ARTICLES = {"the", "a", "an"}
HEDGING = lexicon.REPORTING_VERBS | lexicon.HEDGING_VERBS
AS_A_RESULT = "as a result"
# causative verbs whose subject is the cause and object the effect; the verbs of harm and change only when
# their subject is an event or a thing (happening())
CAUSE_VERBS = lexicon.CAUSE_VERBS | lexicon.MORE_CAUSE_VERBS | lexicon.CONSEQUENCE_VERBS
PHRASAL_CAUSES = lexicon.PHRASAL_CAUSES | lexicon.MORE_PHRASAL_CAUSES
CAUSATIVE = CAUSE_VERBS | lexicon.FORCE_VERBS | set(lexicon.LINK_VERBS) | {"give", "make"}
# nominal endings of events and states ("the partition", "the settlement", "the failure", "the dominance")
NOMINAL_ENDINGS = ("tion", "sion", "ment", "ure", "ance", "ence", "ity", "ism", "ness")
AGENT_NOUNS = lexicon.ROLE_NOUNS | lexicon.PERSON_NOUNS | lexicon.COLLECTIVE_NOUNS | lexicon.KIN_NOUNS \
    | lexicon.ORGANIZATION_NOUNS


@dataclass(frozen=True)
class Found:
    cause: str
    effect: str
    cue: str
    kind: str
    verb: str
    past: bool
    anchor: Token | None = None  # the cue word, when it is not the word the finder started from


def past(v: Token) -> bool:
    return v.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in v.children)


def subj_phrase(subj: Token) -> str:
    """"The immediate result" -> "immediate result"."""
    return " ".join(t.text for t in subj.subtree if t.dep_ not in ("det", "poss") and t.i <= subj.i).lower()


def hedge_of(tok: Token) -> str:
    """The word that makes the cue's claim a report or a guess: a reporting verb above it ("critics contend
    that ..."), "whether", or a hedging adverb or modal on its clause ("allegedly", "may have led")."""
    t = tok
    first = True
    while True:
        if t.pos_ in ("VERB", "AUX") or first:
            for c in t.children:
                if c.dep_ == "aux" and c.lower_ in lexicon.HEDGE_MODALS and not (
                        c.lower_ == "could" and any(n.dep_ == "neg" for n in t.children)):
                    return c.lower_  # but "the army could not cross" says what was impossible, no guess
                if c.dep_ == "advmod" and c.lower_ in lexicon.HEDGE_ADVERBS:
                    return c.lower_
                if c.lower_ == "whether" and c.dep_ in ("mark", "advmod"):
                    return "whether"
        if t.head.i == t.i:
            return ""
        came_by = t.dep_
        t = t.head
        first = False
        # "X argued that ... and Y led to Z": a conjoined clause is not under the other's verb
        if came_by == "conj" and t.pos_ in ("VERB", "AUX"):
            return ""
        # "critics contend that ...", "is said to have caused", "X, he argued, led to Y"
        if t.lemma_.lower() in HEDGING and t.pos_ == "VERB" and came_by in ("ccomp", "xcomp", "parataxis"):
            return t.lemma_.lower()


def asked(tok: Token) -> bool:
    """Inside "whether ..." or "the extent to which ...": a question the article raises, no claim."""
    for t in [tok, *tok.ancestors]:
        if any(c.lower_ == "whether" and c.dep_ in ("mark", "advmod") for c in t.children):
            return True
        if t.dep_ == "relcl" and t.head.lemma_.lower() in ("extent", "degree") or t.lower_ == "whether":
            return True
    return False


def clause(ctx: ArticleContext, verb: Token, drop: set[int]) -> str:
    """The verb's clause as text, without `drop`, front adverbials, and asides on the subject."""
    skip = set(drop)
    for c in verb.children:
        if c.i < verb.i and c.dep_ in ("prep", "advcl", "advmod", "npadvmod", "punct", "mark", "cc") \
                and not (c.dep_ == "advmod" and (c.lower_ == "never" or _child(c, ("neg",)) is not None)):
            skip |= subtree_ids(c)  # but "could no longer collect" keeps what it denies
        if c.dep_ == "conj" and c.i > verb.i and any(g.dep_.startswith("nsubj") for g in c.children):
            skip |= subtree_ids(c)  # another clause with its subject, and the "and" before it
            skip |= {g.i for g in verb.children if g.dep_ in ("cc", "punct") and verb.i < g.i < c.i}
        if c.dep_.startswith("nsubj"):
            for aside in drop_parentheticals(c):
                skip |= subtree_ids(aside)
        if c.dep_ == "punct" and c.i > verb.i and c.text in (".", ";"):
            skip.add(c.i)
    for t in verb.subtree:  # "the Coercive Acts, which, among other provisions, closed ...": an aside
        if t.i > verb.i and t.pos_ in ("NOUN", "PROPN") and t.i not in skip:
            for aside in drop_parentheticals(t):
                skip |= subtree_ids(aside)
    skip |= bracketed(verb)
    semi = [t.i for t in verb.doc[verb.left_edge.i: verb.i] if t.text == ";"]
    if semi:  # "each intended to ...; however, when X died, the dynamics changed": before the ";" is another clause
        skip |= set(range(verb.left_edge.i, semi[-1] + 1))
    toks = [t for t in verb.subtree if t.i not in skip]
    subj = subject_of(verb)
    text = ctx.text(toks, head=verb)
    if subj is not None and subj.i not in {t.i for t in toks} and subj.i not in drop:
        text = f"{ctx.np(subj, without=tuple(drop_parentheticals(subj)))} {text}"
    return text


SHORT_CLAUSE = 16  # words: a cause taken from the sentence before is a short clause, not that sentence


def bracketed(head: Token) -> set[int]:
    """Words in brackets within head's subtree: "(Persian: ...)", "(ritual suicide)"."""
    out: set[int] = set()
    depth = 0
    for t in head.doc[head.left_edge.i: head.right_edge.i + 1]:
        if t.text == "(":
            depth += 1
        if depth:
            out.add(t.i)
        if t.text == ")" and depth:
            depth -= 1
    return out


def before(ctx: ArticleContext, prev: Span | None) -> str:
    """The sentence before as a short clause: the cause of "As a result, ..." or "This led to ...".
    Adjuncts are left out from the right ("... traveled offshore to Southeast Asia for trade") until
    the clause is short."""
    if prev is None:
        return ""
    return shortened(lambda drop: clause(ctx, prev.root, drop), prev.root, SHORT_CLAUSE)


def shortened(render, head: Token, limit: int, sent: Span | None = None) -> str:
    """render(drop) made short: asides and dates first, then modifiers and adjuncts from the right, until
    the phrase has at most `limit` words and is not (nearly) the whole sentence. The words left are counted
    as tokens, and the phrase is rendered again only when that count says it may be short enough."""
    drop: set[int] = set()
    text = render(drop)

    def done(text: str) -> bool:
        return len(text.split()) <= limit and (sent is None or not too_much(text, sent))

    if done(text):
        return text

    def rank(t: Token) -> int:
        dated = t.ent_type_ in ("DATE", "TIME") or t.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in t.children)
        return 0 if t.dep_ in ("appos", "parataxis") or dated else 1
    candidates = [t for t in head.subtree if t.i != head.i and (t.dep_ in (
        "prep", "advcl", "relcl", "acl", "appos", "npadvmod", "parataxis") or t.dep_ == "conj" and t.pos_ not in (
        "VERB", "AUX") and t.head.pos_ in ("VERB", "AUX"))]
    words = len(text.split())
    doc = head.doc
    for t in sorted(candidates, key=lambda t: (rank(t), -t.i)):
        if t.i in drop:
            continue
        while t.dep_ == "prep" and t.head.dep_ == "pobj" and t.head.lemma_.lower() in RELATIONAL_NOUNS \
                and t.head.head.i != head.i:
            t = t.head.head  # "in front of the saloon": the whole phrase goes, never "in front" alone
        gone = subtree_ids(t) - drop
        drop |= gone
        words -= sum(1 for i in gone if not doc[i].is_punct)
        if words <= limit:
            text = render(drop)
            words = len(text.split())
            if done(text):
                return text
    return render(drop)


LONG_PHRASE = 25  # words
# nouns of a part or a side, which say nothing without their "of": "in front of", "in the centre of"
RELATIONAL_NOUNS = frozenset("front centre center middle side edge top bottom rear heart outskirts part rest".split())


def fit_clause(ctx: ArticleContext, verb: Token, drop: set[int]) -> str:
    """The verb's clause, shortened until it is no longer (nearly) the whole sentence."""
    return shortened(lambda d: clause(ctx, verb, drop | d), verb, LONG_PHRASE, verb.sent)


def fit_np(ctx: ArticleContext, head: Token, limit: int = LONG_PHRASE, without: Token | None = None) -> str:
    """A noun phrase, its modifiers left out from the right while it is long or (nearly) the whole sentence."""
    base = subtree_ids(without) if without is not None else set()

    def render(drop: set[int]) -> str:
        drop = drop | base
        return ctx.np(head, without=tuple(t for t in head.subtree if t.i in drop and t.head.i not in drop))
    return shortened(render, head, limit, head.sent)


# general nouns set beside a clause to stand for it: ", an event that shocked the Roman world"
GENERAL_EVENTS = lexicon.TOLD_BEFORE_NOUNS | frozenset("event incident episode development act".split())


def event_beside(tok: Token) -> bool:
    """"that" in ", an event that shocked the Roman world": the clause the event is set beside."""
    return tok.lower_ in ("that", "which") and tok.dep_ == "nsubj" and tok.head.dep_ == "relcl" \
        and tok.head.head.dep_ in ("appos", "npadvmod") and tok.head.head.lemma_.lower() in GENERAL_EVENTS


def told_before(tok: Token) -> bool:
    """A bare "this" or "that", or "this action", "these events": what the sentence before told."""
    if tok.lower_ in DEMONSTRATIVES and tok.tag_ == "DT" and not list(tok.children):
        return True
    kids = list(tok.children)
    # "The move provoked outrage" opening its sentence: a bare "the move" is what the sentence before told
    return tok.pos_ == "NOUN" and tok.lower_ in lexicon.TOLD_BEFORE_NOUNS and len(kids) == 1 \
        and kids[0].dep_ == "det" and (kids[0].lower_ in ("this", "these")
                                       or kids[0].lower_ == "the" and kids[0].i == tok.sent.start)


def clause_before_comma(tok: Token) -> bool:
    """", which led to X" after a clause: "which" stands for the clause."""
    return tok.lower_ == "which" and tok.dep_ == "nsubj" and tok.head.dep_ in ("advcl", "ccomp", "conj") \
        and tok.head.head.pos_ in ("VERB", "AUX") and tok.head.head.i < tok.i and antecedent(tok) is None


def comma_which_on_no_event(tok: Token) -> bool:
    """", which ..." after a clause that ends on someone or a place: "which" stands for what the clause told."""
    ante = antecedent(tok)
    rel = relative_clause(tok)
    if ante is None or rel is None or tok.i == 0 or tok.doc[tok.i - 1].text != "," or ante.i != tok.i - 2 \
            and tok.doc[tok.i - 2].i not in subtree_ids(ante):
        return False
    return not happening(ante) and (ante.ent_type_ in ("PERSON", "NORP", "GPE", "LOC", "FAC") or ante.pos_ == "PROPN"
                                    or ante.lemma_.lower() in AGENT_NOUNS | NOT_OVER | lexicon.MEMBERS_AND_LANDS)


def this_after_and(tok: Token) -> bool:
    """"X rebelled, and this alarmed Y": "this" stands for the clause before "and", not the sentence before."""
    head = tok.head
    return tok.lower_ in ("this", "that") and tok.dep_ == "nsubj" and head.dep_ == "conj" \
        and head.head.pos_ in ("VERB", "AUX") and head.head.i < tok.i \
        and any(c.dep_ == "cc" and head.head.i < c.i < tok.i for c in head.head.children)


def cause_np(ctx: ArticleContext, tok: Token, prev: Span | None) -> str:
    """A cause named by its head word; a bare "this" or "that" is what the sentence before said, and a
    sentence-opening "it" or "they" that nothing else resolves is the subject of the sentence before."""
    low = tok.lower_
    if this_after_and(tok):
        return fit_clause(ctx, tok.head.head, subtree_ids(tok.head))  # "X rebelled, and this alarmed Y": the rebellion
    if told_before(tok):
        return before(ctx, prev)
    if low in RELATIVE_PRONOUNS and tok.dep_.startswith("nsubj"):
        ante = antecedent(tok)
        # "incidents such as those that ... resulted in X": the incidents
        if ante is not None and ante.lower_ in ("those", "these") and ante.head.lower_ == "as" \
                and ante.head.head.pos_ == "NOUN":
            return ctx.np(ante.head.head, without=(ante.head,))
        # "it was the siege that led to X": the siege
        rel = tok.head
        if rel.dep_ == "relcl" and rel.head.dep_ == "attr" and rel.head.head.lemma_ == "be" \
                and any(c.lower_ == "it" and c.dep_ == "nsubj" for c in rel.head.head.children):
            return ctx.np(rel.head, without=(rel,))
    if event_beside(tok):
        # "The city was sacked in 455, an event that shocked the Roman world": the sacking
        root = tok.sent.root
        return fit_clause(ctx, root, subtree_ids(tok.head.head)) if root.pos_ in ("VERB", "AUX") else ctx.np(tok)
    if low == "which" and tok.dep_ == "nsubj" and comma_which_on_no_event(tok):
        # "He was assassinated by a member of a rival faction, which plunged the kingdom into war": the
        # assassination, not the member; "connected the port to the interior, which boosted trade": the railway
        ante = antecedent(tok)
        return shortened(lambda d: ctx.clause_before(ante, relative_clause(tok)), ante, LONG_PHRASE, tok.sent) or \
            ctx.np(tok)
    if clause_before_comma(tok):  # "The rebellion was suppressed, which led to X": the clause before the comma
        return fit_clause(ctx, tok.head.head, subtree_ids(tok.head))
    text = fit_np(ctx, tok, SHORT_NP) if tok.pos_ in ("NOUN", "PROPN") else ctx.np(tok)
    if low in ("it", "they") and text.lower() == low:
        found = pronoun_subject(ctx, tok, prev)
        if not found and low == "it" and tok.i == tok.sent.start and ctx.event and tok.dep_ in ("nsubj", "nsubjpass"):
            return capitalize(ctx.event)  # "It created a foundation ...": the article's event, as "It led to" is
        return found or text
    return text


SHORT_NP = 15  # words: a cause in subject position without its asides


def pronoun_subject(ctx: ArticleContext, tok: Token, prev: Span | None) -> str:
    """"it" or "they" as a cause: the last subject of the same number before it in its sentence ("The
    battle is important because it led to ..."), else the subject of the sentence before."""
    plural = tok.lower_ == "they"
    subjects = [t for t in tok.sent if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass")]
    if tok.i == tok.sent.start and prev is not None:
        subjects = [t for t in prev.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    for subj in reversed(subjects):
        if subj.pos_ in ("NOUN", "PROPN") and (subj.tag_ in ("NNS", "NNPS")) == plural:
            return fit_np(ctx, subj, SHORT_NP)
    return ""


def left_phrase(ctx: ArticleContext, v: Token) -> str:
    """A subject the parser lost: the words before the verb back to a dash, colon or semicolon
    ("... their army—the caliph's failure to do so, ..., convinced Hulegu ...")."""
    sent = v.sent
    start = sent.start
    for t in v.doc[sent.start: v.i]:
        if t.text in ("—", "–", ":", ";"):
            start = t.i + 1
    toks = list(v.doc[start: v.i])
    if not toks or len(toks) > 25 or start == sent.start or not any(t.pos_ in ("NOUN", "PROPN") for t in toks):
        return ""
    return ctx.text(toks)


def _child(tok: Token, deps: tuple[str, ...], lower: str | tuple[str, ...] | None = None) -> Token | None:
    lowers = (lower,) if isinstance(lower, str) else lower
    for c in tok.children:
        if c.dep_ in deps and (lowers is None or c.lower_ in lowers):
            return c
    return None


def _pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return _child(prep, ("pobj",)) or next((c for c in prep.children if c.dep_ == "pcomp" and c.pos_ != "ADP"), None)


def object_phrase(ctx: ArticleContext, head: Token) -> str:
    """An object as a phrase; a gerund with its own object is the phrase from its first word."""
    if head.pos_ == "VERB":
        return shortened(lambda d: ctx.text([t for t in head.subtree if t.i not in d], head=head), head,
                         LONG_PHRASE, head.sent)
    return fit_np(ctx, head)


def infinitive_phrase(ctx: ArticleContext, verb: Token) -> str:
    """The phrase of an infinitive without its "to": "(to) generate support for the war"."""
    return ctx.text([t for t in verb.subtree if not (t.dep_ == "aux" and t.lower_ == "to" and t.head.i == verb.i)],
                    head=verb)


def conjuncts(tok: Token) -> list[Token]:
    """"opposition to X, an economic downturn, and a revival": each noun of a list."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            out += conjuncts(c)
    return out


def head_only(ctx: ArticleContext, tok: Token) -> str:
    """One noun of a list without the ones after it."""
    return ctx.np(tok, without=tuple(c for c in tok.children if c.dep_ in ("conj", "cc") or
                                     (c.dep_ == "punct" and c.i > tok.i)))


QUANTITY_NOUNS = frozenset("series wave number string spate succession chain round outbreak".split())


# verbs whose participle after a clause tells what came along, not what came of it
ACCOMPANYING = frozenset("bring give earn secure guarantee claim".split())


def not_someone(tok: Token | None) -> bool:
    """A subject that is no person nor body of people: "his harsh rule", "the new roads"."""
    return tok is not None and tok.pos_ == "NOUN" and tok.lemma_.lower() not in AGENT_NOUNS \
        and tok.ent_type_ not in ("PERSON", "NORP", "ORG", "GPE")


def happening(tok: Token | None) -> bool:
    """Whether a subject or an agent is an event or a thing ("the epidemic", "the war", "this", a clause
    "which" stands for), not someone acting ("the king", "the rebels", "they")."""
    if tok is None:
        return False
    if tok.lower_ in RELATIVE_PRONOUNS:
        ante = antecedent(tok)
        if ante is None or ante.i == tok.i:
            return tok.lower_ == "which"  # ", which led to": the clause before
        tok = ante
    low, lemma = tok.lower_, tok.lemma_.lower()
    if lemma in QUANTITY_NOUNS and _pobj(_child(tok, ("prep",), "of")) is not None:
        return happening(_pobj(_child(tok, ("prep",), "of")))  # "a series of surprise attacks"
    if tok.pos_ == "PRON" or tok.tag_ == "DT":
        return low in DEMONSTRATIVES | {"it"}
    if tok.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        # a name the model took for a body may be an event's by its head word: "the Austro-Prussian War"
        return tok.ent_type_ in ("ORG", "NORP") and tok.pos_ == "PROPN" and tok.i > tok.sent.start \
            and (lemma in lexicon.EVENT_NOUNS or lemma in lexicon.HAZARD_NOUNS) and tok.ent_iob_ == "I"
    if lemma in lexicon.HAZARD_NOUNS or lemma in lexicon.EVENT_NOUNS or low in lexicon.EVENT_NOUNS \
            or lemma in lexicon.EVENT_ANAPHORA \
            or tok.ent_type_ == "EVENT":
        return True
    return tok.pos_ == "NOUN" and lemma.endswith(NOMINAL_ENDINGS) and lemma not in AGENT_NOUNS


def ground_cue(ctx: ArticleContext, v: Token, obj: Token, prev: Span | None) -> Found | None:
    """"The treaty laid the foundation for a lasting peace", "set the stage for", "sowed the seeds of", "created
    a foundation from which the dominance of the clans would come": ground prepared for what came later."""
    if intended(v):
        return None
    prep = _child(obj, ("prep",), ("for", "of", "to")) or _child(v, ("prep",), ("for", "to"))
    target = _pobj(prep)
    rel = _child(obj, ("relcl",))
    if target is None and rel is not None:
        target = _child(rel, ("nsubj", "nsubjpass"))
    if target is None or target.lower_ in RELATIVE_PRONOUNS:
        return None
    cause = agent_of(ctx, v, prev)
    if not cause:
        return None
    word = prep.lower_ if prep is not None else "for"
    return Found(cause, object_phrase(ctx, target), f"{v.text} the {obj.text} {word}", "verb",
                 f"{v.lemma_} the {obj.text} {word}", past(v))


def verb_cue(ctx: ArticleContext, v: Token, prev: Span | None) -> Found | None:
    lemma = v.lemma_.lower()
    obj = _child(v, ("dobj",))
    if obj is not None and lemma in lexicon.GROUND_VERBS and obj.lemma_.lower() in lexicon.GROUND_NOUNS:
        return ground_cue(ctx, v, obj, prev)
    # "set in motion X"
    if lemma == "set":
        prep = _child(v, ("prep",), "in")
        if prep is not None and _pobj(prep) is not None and _pobj(prep).lower_ == "motion":
            obj = _child(v, ("dobj",))
            subj = subject_of(v)
            if obj is not None and subj is not None:
                return Found(ctx.np(subj), ctx.np(obj), "set in motion", "verb", "set in motion", past(v))
        if _child(v, ("prep",), "against") is None:
            return None
    obj = _child(v, ("dobj",))
    # "provided a powerful justification for X"
    if obj is not None and obj.lemma_.lower() in REASON_NOUNS:
        # "for" may hang anywhere after an aside ("a justification—whether real or not—for X"):
        # the effect runs from it to the end of the clause
        prep = next((t for t in v.doc[obj.i + 1: v.sent.end] if t.lower_ == "for" and t.dep_ == "prep"), None)
        subj = subject_of(v)
        if prep is not None and subj is not None:
            rest = [t for t in v.doc[prep.i + 1: v.sent.end] if t.text not in (";",)]
            cue = f"{v.text} a {obj.lemma_} for"
            return Found(ctx.np(subj), ctx.text(rest), cue, "verb", f"{v.lemma_} a {obj.lemma_} for", past(v))
    # "X had its origin in Y", "X has its roots in Y"
    if lemma == "have" and obj is not None and obj.lower_ in lexicon.ORIGIN_NOUNS:
        src = _pobj(_child(obj, ("prep",), "in") or _child(v, ("prep",), "in"))
        subj = subject_of(v)
        if src is not None and subj is not None:
            return Found(ctx.np(src), ctx.np(subj), f"had its {obj.lower_} in", "passive", "", past(v))
    if lemma in lexicon.DYING_VERBS:
        return died_of(ctx, v)
    if lemma in lexicon.GROWN_FROM_VERBS:
        prep = _child(v, ("prep",), lexicon.GROWN_FROM_VERBS[lemma]) or _child(
            _child(v, ("advmod",), "back") or v, ("prep",), lexicon.GROWN_FROM_VERBS[lemma])  # "traced back to"
        src = _pobj(_child(prep, ("prep",), "of") if prep is not None and prep.lower_ == "out" else prep)
        subj = subject_of(v)
        if src is None or subj is None or lemma == "bear" and (not happening(subj) or v.tag_ != "VBN") \
                or lemma == "trace" and subj.dep_ != "nsubjpass":
            return None  # "He was born of humble parents": a birth; "traced his descent to": a lineage
        cue = f"{v.text} out of" if prep.lower_ == "out" else " ".join(t.lower_ for t in v.doc[v.i: prep.i + 1]
                                                                      if t.dep_ in ("advmod", "prep") or t.i == v.i)
        return Found(object_phrase(ctx, src), cause_np(ctx, subj, prev), cue, "passive", "", past(v))
    if lemma in lexicon.REMOVED_IN_VERBS and _child(v, ("nsubjpass",)) is not None and _child(v, ("agent",)) is None \
            and lemma not in CAUSE_VERBS:
        return died_of(ctx, v)  # "He was deposed in a coup led by his generals"
    # "X resulted from Y", "X stemmed from Y", "X was rooted in Y"
    if lemma in lexicon.FROM_CAUSE_VERBS or (lemma == "root" and v.tag_ == "VBN"):
        preps = lexicon.FROM_CAUSE_VERBS.get(lemma, ("in",))
        prep = _child(v, ("prep",), preps)
        src, subj = _pobj(prep), subject_of(v)
        if src is not None and subj is None and v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
            # "the famine resulting from the drought"
            return Found(object_phrase(ctx, src), ctx.np(v.head, without=(v,)), f"{v.text} {prep.lower_}", "passive",
                         f"{lemma} {prep.lower_}", past(v))
        if src is not None and obj is not None and lemma in ("attribute", "blame") and obj.i < src.i:
            # "attributed the fire to X": the fire; the subject only says who did the attributing
            return Found(object_phrase(ctx, src), object_phrase(ctx, obj), f"{v.text} {prep.lower_}", "passive",
                         f"{lemma} {prep.lower_}", past(v))
        if src is not None and subj is not None and subj.lower_ not in DEMONSTRATIVES:
            return Found(object_phrase(ctx, src), cause_np(ctx, subj, prev), f"{v.text} {prep.lower_}", "passive",
                         f"{lemma} {prep.lower_}", past(v))
        if lemma in ("arise", "follow", "derive", "spring", "originate", "stem"):
            return None
    # "..., giving victory to X"
    if lemma == "give" and obj is not None and obj.lemma_.lower() in lexicon.GIVEN_OUTCOMES:
        if obj.lower_ == "rise":  # "gave rise to X"
            target = _pobj(_child(v, ("prep",), "to") or _child(obj, ("prep",), "to"))
            effect = ctx.np(target) if target is not None else ""
            cue, verb = "gave rise to", "give rise to"
        else:
            effect = ctx.text([t for t in v.subtree if t.i > v.i and t.dep_ != "punct" or t.i in subtree_ids(obj)])
            cue, verb = v.text, "give"
        cause = agent_of(ctx, v, prev)
        return Found(cause, effect, cue, "verb", verb, past(v)) if cause and effect else None
    # "X had severe consequences for Y", "X played a key role in Y", "X was brought to an end by Y"
    if obj is not None and (lemma == "have" and obj.lemma_.lower() in IMPACT_NOUNS
                            or lemma == "play" and obj.lemma_.lower() in ("role", "part")):
        prep = _child(obj, ("prep",), ("for", "on", "in", "upon")) or _child(v, ("prep",), ("for", "on", "in", "upon"))
        cause = agent_of(ctx, v, prev)
        if cause and not intended(v):
            effect = object_phrase(ctx, _pobj(prep)) if _pobj(prep) is not None else ""
            if effect:
                return Found(cause, effect, f"{v.text} {obj.text}", "verb", f"{lemma} {obj.lemma_}", past(v))
            if lemma == "have" and obj.tag_ == "NNS" and _child(obj, ("amod",)) is not None:
                # "the coup attempt had severe consequences": what came of it, told only by its kind
                return Found(cause, ctx.np(obj), f"{v.text} {obj.text}", "passive", "", past(v))
    # "X put an end to Y", "marked an end to Y", "spelled the end of Y"
    if lemma in ("put", "mark", "spell", "bring") and obj is not None and obj.lower_ == "end" and not intended(v):
        target = _pobj(_child(obj, ("prep",), ("to", "of")) or _child(v, ("prep",), ("to", "of")))
        cause = agent_of(ctx, v, prev) if target is not None else ""
        if cause:
            det = _child(obj, ("det",))
            end_words = f"{det.lower_ if det is not None else 'an'} end {target.head.lower_}"  # "an end to", "the end of"
            return Found(cause, object_phrase(ctx, target), f"{v.text} {end_words}", "verb", f"{lemma} {end_words}", past(v))
    # "used the fire as a pretext to arrest the abbots": what the pretext served is the fire's effect
    if lemma == "use" and obj is not None and (as_ := _child(v, ("prep",), "as")) is not None \
            and _pobj(as_) is not None and _pobj(as_).lemma_.lower() in PRETEXT_NOUNS:
        noun = _pobj(as_)
        goal = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None) or \
            _pobj(_child(noun, ("prep",), "for"))
        if goal is None:
            return None
        effect = infinitive_phrase(ctx, goal)
        det = _child(noun, ("det",))
        return Found(object_phrase(ctx, obj), effect, f"{v.text} as {det.lower_ if det is not None else 'a'} {noun.lower_}",
                     "passive", "", past(v))
    if lemma == "owe" and obj is not None and obj.lemma_.lower() not in WORD_NOUNS:
        # "The city owed its wealth to the salt trade"; "owes its name to" is naming
        to = next((c for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i > obj.i), None)
        if to is None or _pobj(to) is None or subject_of(v) is None:
            return None
        return Found(object_phrase(ctx, _pobj(to)), fit_clause(ctx, v, subtree_ids(to)), f"{v.text} to", "passive", "",
                     past(v), anchor=to)
    if lemma in lexicon.GAIN_VERBS:
        prep = _child(v, ("prep",), lexicon.GAIN_VERBS[lemma])
        src, subj = _pobj(prep), subject_of(v)
        if subj is None and v.dep_ == "acl" and v.head.dep_ == "ROOT" and v.tag_ in ("VBD", "VBN"):
            subj = v.head  # "The villages suffered from famines": the parser may read "suffered" as a participle
        if src is None or subj is None or src.ent_type_ in ("DATE", "TIME", "PERSON", "GPE") \
                or src.pos_ not in ("NOUN", "PROPN") or src.lower_ == "other":
            return None  # "could benefit from each other"
        words = [t for t in v.subtree if t.i == v.i or t.head.i == v.i and t.dep_ in ("aux", "auxpass", "neg", "advmod")
                 and t.i > subj.i]
        inside = (v,) if v.head.i == subj.i else ()  # the participle the parser hung on the subject
        effect = f"{inline(ctx.np(subj, without=(*drop_parentheticals(subj), *inside)))} {ctx.text(words, head=v)}"
        return Found(object_phrase(ctx, src), effect, f"{v.text} {prep.lower_}", "passive", "", past(v), anchor=prep)
    to_state = _pobj(_child(v, ("prep",), "to"))
    if lemma in ("bring", "drive", "push") and obj is not None and to_state is not None \
            and to_state.lemma_.lower() in lexicon.BROUGHT_TO and not intended(v) and obj.i < to_state.i:
        # "brought the generals to power", "drove the peasants to revolt": asked "What did X bring to power?"
        cause = agent_of(ctx, v, prev)
        state = ctx.text(list(to_state.head.subtree))
        return Found(cause, object_phrase(ctx, obj), f"{v.text} {state}", "verb", f"{lemma} {state}", past(v)) \
            if cause else None
    if lemma == "bring":
        to = _child(v, ("prep",), "to")
        if to is not None and _pobj(to) is not None and _pobj(to).lower_ == "end":
            # "was brought to an end by the Treaty": the parser may hang "by" on "end"
            subj = _child(v, ("nsubjpass",))
            agent = _pobj(_child(v, ("agent",)) or _child(_pobj(to), ("prep",), "by"))
            if subj is not None and agent is not None:
                return Found(object_phrase(ctx, agent), ctx.np(subj), f"{v.text} to an end by", "passive",
                             "bring to an end", past(v))
            if obj is not None and (subject_of(v) is not None and subject_of(v).dep_ == "nsubj"
                                    or subject_of(v) is None and v.tag_ == "VBG"):  # ", bringing X to an end"
                return Found(agent_of(ctx, v, prev), ctx.np(obj), f"{v.text} to an end", "verb", "bring to an end",
                             past(v))
    # "brought about the fall of X", "set off a panic", "stirred up unrest"
    prt = next((c for c in v.children if c.dep_ in ("prt", "prep") and (lemma, c.lower_) in PHRASAL_CAUSES), None)
    done = obj if prt is not None and prt.dep_ == "prt" else _pobj(prt)  # the parser reads "about" either way
    if prt is not None and prt.lower_ == "against" and obj is not None and done is not None and not intended(v):
        # "which set them against the rest of the population": who was set against whom
        cause = agent_of(ctx, v, prev)
        ids = subtree_ids(obj) | subtree_ids(prt)
        # "What did the production set against?" reads wrong: asked only as a consequence
        return Found(cause, ctx.text([t for t in v.subtree if t.i in ids]), f"{v.text} against", "passive",
                     f"{lemma} against", past(v)) if cause else None
    if prt is not None and done is not None and not intended(v):
        cause = agent_of(ctx, v, prev)
        if cause:
            return Found(cause, object_phrase(ctx, done), f"{v.text} {prt.text}", "verb", f"{lemma} {prt.lower_}",
                         past(v))
    # "X was responsible for Y"; "X was blamed for Y"
    responsible = _child(v, ("acomp",), ("responsible", "instrumental"))
    target = _pobj(_child(responsible, ("prep",), ("for", "in")) or _child(v, ("prep",), ("for", "in"))) \
        if responsible is not None else None
    if lemma == "blame" and _child(v, ("nsubjpass",)) is not None:
        target = _pobj(_child(v, ("prep",), "for"))
    if target is not None and (responsible is not None or lemma == "blame"):
        subj = subject_of(v)
        if subj is not None and not intended(v):
            return Found(cause_np(ctx, subj, prev), object_phrase(ctx, target),
                         f"{responsible.lower_} {target.head.lower_}" if responsible is not None else f"{v.text} for",
                         "passive", "", past(v))
    # "The treaty ensured that the river stayed open": the clause is the effect
    that = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i and _child(c, ("mark",), "that")), None)
    if lemma in ("ensure", "cause") and obj is None and that is not None and not intended(v):
        cause = agent_of(ctx, v, prev)
        if cause:
            return Found(cause, fit_clause(ctx, that, {c.i for c in that.children if c.dep_ == "mark"}), v.text,
                         "passive", lemma, past(v))
    # "X opened the way for Y"
    if lemma == "open" and obj is not None and obj.lower_ in ("way", "door"):
        target = _pobj(_child(obj, ("prep",), ("for", "to")) or _child(v, ("prep",), ("for", "to")))
        cause = agent_of(ctx, v, prev) if target is not None else ""
        if cause:
            return Found(cause, object_phrase(ctx, target), f"{v.text} the {obj.lower_} {target.head.lower_}", "verb",
                         f"open the {obj.lower_} {target.head.lower_}", past(v))
    # "X helped (to) generate support for Y": what the help brought about is the infinitive's phrase
    # "The loan served to calm the markets": a thing's "serve" or "act" to do is what it brought about
    if lemma in ("help", "serve", "act") and obj is None and not intended(v) \
            and (lemma == "help" or happening(subject_of(v))):
        comp = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.i > v.i and c.pos_ == "VERB"), None)
        cause = agent_of(ctx, v, prev) if comp is not None and _child(comp, ("nsubj",)) is None else ""
        if cause:
            return Found(cause, infinitive_phrase(ctx, comp), f"{v.text}", "passive", lemma, past(v))
    # "drove the settlers out of the province", "forced the rebels into exile"
    # "was forced into exile": moved by force, by what the agent did or else the sentence before told
    if lemma in ("force", "drive") and obj is None and _child(v, ("nsubjpass",)) is not None and not intended(v) \
            and _child(v, ("xcomp", "ccomp")) is None:
        into = next((c for c in v.children if c.dep_ in ("prep", "prt") and c.lower_ in ("into", "out", "from")), None)
        agent = _pobj(_child(v, ("agent",)))
        if into is not None:
            cause = object_phrase(ctx, agent) if agent is not None else before(ctx, prev) if v.dep_ == "ROOT" else ""
            if cause:
                drop = subtree_ids(agent.head) if agent is not None else set()
                return Found(cause, fit_clause(ctx, v, drop), f"{v.text} {into.lower_}", "passive", lemma, past(v))
    if lemma in DRIVING_VERBS and obj is not None and not intended(v):
        away = next((c for c in v.children if c.dep_ in ("prep", "prt", "advmod") and c.i > obj.i
                     and c.lower_ in AWAY_WORDS), None)
        cause = agent_of(ctx, v, prev) if away is not None else ""
        if cause:
            ids = subtree_ids(obj) | subtree_ids(away)
            return Found(cause, ctx.text([t for t in v.subtree if t.i in ids]), f"{v.text} {away.lower_}", "verb",
                         f"{lemma} {away.lower_}", past(v))
    # "made him seem biased", "made itself unpopular with its policies"
    if lemma == "make":
        return make_cue(ctx, v, prev)
    if lemma in lexicon.RESPONSE_VERBS:
        return response_cue(ctx, v, prev)
    # "The decree was met with fierce resistance": the reaction it met
    if lemma == "meet" and _child(v, ("auxpass",)) is not None:
        by = _child(v, ("prep",), "with") or _child(v, ("agent",))
        target, subj = _pobj(by), _child(v, ("nsubjpass",))
        if target is None or subj is None or target.pos_ != "NOUN" or target.lemma_.lower() in AGENT_NOUNS \
                or target.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
            return None
        # "met by riots" is asked as "met with": "What did the reforms meet by?" reads wrong
        return Found(cause_np(ctx, subj, prev), object_phrase(ctx, target), f"{v.text} with", "verb", "meet with",
                     past(v))
    # "The admiral is credited with saving the fleet": what he brought about
    if lemma == "credit" and _child(v, ("nsubjpass",)) is not None:
        target = _pobj(_child(v, ("prep",), "with"))
        if target is None:
            return None
        return Found(cause_np(ctx, _child(v, ("nsubjpass",)), prev), object_phrase(ctx, target), f"{v.text} with",
                     "passive", "", past(v))
    # "forced X to withdraw"; "incite his subjects, ..., to revolt" (parsed as an adverbial infinitive)
    comp = next((c for c in v.children if c.i > v.i and (c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in c.children))), None)
    if lemma in lexicon.FORCE_VERBS and comp is not None and comp.pos_ in ("VERB", "AUX") and comp.i > v.i \
            and not intended(v):
        forced = force_cue(ctx, v, comp, obj, prev)
        if forced is not None:
            return forced
    # "forced the resignation of the minister", "forced a retreat": the outcome forced on someone
    if lemma in ("force", "compel") and comp is None and obj is not None and not intended(v) \
            and _child(v, ("nsubjpass",)) is None and (obj.lemma_.lower() in lexicon.FORCED_OUTCOMES
                                                       or obj.lemma_.lower().endswith(("tion", "sion", "ment"))):
        cause = agent_of(ctx, v, prev)
        return Found(cause, object_phrase(ctx, obj), v.text, "verb", lemma, past(v)) if cause else None
    if lemma in lexicon.GIVING_WAY_VERBS or lemma in lexicon.SUCCESS_VERBS or lemma == "mean":
        means = means_cue(ctx, v, prev)
        if means is not None or lemma not in CAUSE_VERBS:
            return means  # "gave the duke a claim", "secured the frontier" are read as causatives below
    if lemma in lexicon.LINK_VERBS:
        effect_tok = None
        for p in lexicon.LINK_VERBS[lemma]:
            effect_tok = _pobj(_child(v, ("prep",), p))
            if effect_tok is None and lemma == "pave" and obj is not None and obj.lower_ == "way":
                effect_tok = _pobj(_child(obj, ("prep",), p))
            if effect_tok is not None:
                tail = " the way for" if lemma == "pave" else f" {p}"
                break
        if effect_tok is None or (lemma == "pave" and (obj is None or obj.lower_ != "way")):
            return None
    elif lemma in ("inspire", "encourage") and obj is not None and comp is None and happening(obj):
        effect_tok, tail = obj, ""  # "The revolution inspired uprisings across Europe"
    elif lemma in PERSUADED_VERBS and _child(v, ("agent",)) is not None and _child(v, ("prt",)) is None:
        effect_tok, tail = obj, ""  # "was motivated by fear of the Ottomans", "Encouraged by the news, ..."
    elif lemma in CAUSE_VERBS:
        effect_tok, tail = obj, ""
        if lemma in lexicon.CONSEQUENCE_VERBS:
            if _child(v, ("nsubjpass",)) is not None and _child(v, ("agent",)) is None:
                return died_of(ctx, v)  # "Thousands were killed in the fighting"
            # a deed of someone's is no cause: the subject (or the agent) is an event or a thing, or the
            # verb a participle of the clause before (", killing 300 people")
            agent = _pobj(_child(v, ("agent",)))
            subj = subject_of(v)
            if not (happening(agent) if agent is not None else happening(subj) if subj is not None
                    else v.tag_ == "VBG" and v.dep_ in ("advcl", "conj") and lemma not in ACCOMPANYING):
                return None  # ", bringing supplies and finance" goes with the deed, no consequence
            if lemma == "claim" and (obj is None or obj.lemma_.lower() != "life"):
                return None  # "claimed the throne"; "claimed thousands of lives"
            if lemma == "give":  # "The marriage gave the duke a claim to the crown"; not any gift
                effect_tok = next((c for c in v.children if c.dep_ == "dobj"
                                   and c.lemma_.lower() in lexicon.GIVEN_BY_EVENTS), None)
                if effect_tok is None:
                    return None
            if lemma == "leave":
                return left_cue(ctx, v, obj, prev)
        # "put pressure on", "dealt a blow to" belong to no class; an object is needed
    elif lemma == "put" and obj is not None and obj.lower_ == "pressure":  # "put pressure on X"
        on = _child(v, ("prep",), "on") or _child(obj, ("prep",), "on")
        cause = agent_of(ctx, v, prev)
        if on is None or _pobj(on) is None or not cause:
            return None
        return Found(cause, ctx.text([t for t in v.doc if t.i in subtree_ids(obj) | subtree_ids(on)]), v.text, "verb",
                     "put", past(v))
    else:
        return None
    agent = _child(v, ("agent",))
    # "X was triggered by Y"; but "led by" and "shaped by" someone is leading, not causing, unless the
    # verb keeps its own particle ("was led to war by ...")
    if agent is not None and _pobj(agent) is not None and lemma != "lead" and (tail == "" or effect_tok is not None):
        subj = _child(v, ("nsubjpass",))
        by = _pobj(agent)
        # "triggered by the stabbing of two sailors ... in front of a saloon in Valparaíso on October 16, 1891": the
        # cause without the where and when of it, as a subject's cause is
        cause = fit_np(ctx, by, SHORT_NP) if by.pos_ in ("NOUN", "PROPN") else object_phrase(ctx, by)
        if subj is None and v.dep_ == "advcl" and v.tag_ == "VBN" and v.head.pos_ in ("VERB", "AUX"):
            # "Provoked by the new levy, the weavers stopped work": what the head clause tells
            return Found(cause, fit_clause(ctx, v.head, subtree_ids(v)), f"{v.text} by", "passive", v.lemma_, past(v))
        if subj is None and v.dep_ == "acl" and v.tag_ == "VBN":  # "the revolt, sparked by X, ..."
            subj = v.head
        if subj is not None and subj.lower_ in ("it", "they"):  # "It was triggered by ...": what "it" is
            return Found(cause, cause_np(ctx, subj, prev), f"{v.text} by", "passive", v.lemma_, past(v))
        if subj is not None and lemma in lexicon.FEELING_CAUSES and subj.dep_ == "nsubjpass":
            # "Most of the members were angered by X": the feeling is the effect, not the people
            said = [t for t in v.children if t.dep_ in ("auxpass", "neg") and t.i < v.i]
            return Found(cause, f"{ctx.np(subj)} {ctx.text([*said, v], head=v)}", f"{v.text} by", "passive",
                         v.lemma_, past(v))
        if subj is not None:
            return Found(cause, ctx.np(subj, without=(v,) if v.head.i == subj.i else ()), f"{v.text} by", "passive",
                         v.lemma_, past(v))
        return None
    if effect_tok is None or intended(v):
        return None
    cause = agent_of(ctx, v, prev)
    if not cause:
        return None
    effect = object_phrase(ctx, effect_tok)
    again = next((c for c in v.children if c.dep_ == "dobj" and c.i > effect_tok.i and c.left_edge.i > 0
                  and c.doc[c.left_edge.i - 1].text == ","), None)
    if tail == "" and again is not None:  # the parser reads an apposition on the object as a second object
        effect = ctx.text(list(v.doc[effect_tok.left_edge.i: again.right_edge.i + 1]))
    dative = _child(v, ("dative",)) or next((c for c in v.children if c.dep_ == "dobj" and c.i < effect_tok.i), None)
    if tail == "" and dative is not None and dative.i < effect_tok.i and dative.pos_ != "PRON":
        # "cost the crown its colonies"; "earned him the title" keeps the title: "him" means nobody on its own
        effect = f"{ctx.np(dative)} {effect}"
    kept_from = _child(v, ("prep",), ("from", "into"))  # "prevented X from Y", "provoked France into declaring war"
    where = [c for c in v.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS and c.i > effect_tok.i
             and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)]
    if tail == "" and kept_from is not None and kept_from.i > effect_tok.i:
        ids = subtree_ids(effect_tok) | subtree_ids(kept_from)
        effect = ctx.text([t for t in v.subtree if t.i in ids])
    elif tail == "" and lemma == "bring" and (to := next((c for c in v.children if c.dep_ in ("prep", "advmod")
                                                         and c.i > effect_tok.i and c.lower_ in ("to", "into", "right")),
                                                        None)) is not None:
        # "brought his kingdom right to the border of X", "brought settlers to the region": where to is the effect
        effect = ctx.text(list(v.doc[effect_tok.left_edge.i: to.right_edge.i + 1]))
    elif tail == "" and lemma == "inflict" and (on := _child(v, ("prep",), ("on", "upon"))) is not None:
        ids = subtree_ids(effect_tok) | subtree_ids(on)  # "inflicted heavy losses on the garrison"
        effect = ctx.text([t for t in v.subtree if t.i in ids])
    elif tail == "" and where:  # "prevented the unloading of tea in three other colonies"
        ids = subtree_ids(effect_tok) | set().union(*(subtree_ids(c) for c in where))
        effect = ctx.text([t for t in v.subtree if t.i in ids])
    subj = subject_of(v)
    if subj is not None and (told_before(subj) and prev is not None and not this_after_and(subj) or clause_before_comma(subj)
                             or subj.lower_ == "which" and comma_which_on_no_event(subj) or event_beside(subj)) \
            and cause.lower() not in DEMONSTRATIVES:
        # "This led to X", ", which led to X": the cause is a clause, and "What did the rebellion was suppressed
        # lead to?" reads wrong; asked as what happened as a result, with what was done for an answer unless
        # the object is itself an event ("This caused a famine")
        if tail == "" and not happening(effect_tok):
            effect = fit_clause(ctx, v, subtree_ids(subj))
        return Found(cause, effect, AS_A_RESULT, "after", AS_A_RESULT, past(v))
    if clause_participle(v):
        # "The typhoon struck the coast, destroying the fleet": the clause is the cause, and "What did the
        # typhoon struck the coast destroy?" reads wrong; asked as what happened as a result, as "thus" is
        if tail == "":
            effect = ctx.text([t for t in v.subtree if t.i not in {c.i for c in v.children if c.dep_ == "advmod"
                                                                   and c.i < v.i}], head=v)
        return Found(cause, effect, AS_A_RESULT, "after", AS_A_RESULT, past(v.head))
    cue, tense = v.text + tail, past(v)
    if v.tag_ == "VBG" and v.dep_ in ("xcomp", "acl"):
        finite = next((a for a in v.ancestors if a.pos_ in ("VERB", "AUX") and a.tag_ != "VBG"), None)
        tense = past(finite) if finite is not None else tense  # "leading to" in a told past
        if v.dep_ == "xcomp" and v.head.lemma_ == "end":  # "attacks that ended up killing 347 people"
            cue = " ".join(t.text for t in v.doc[v.head.i: v.i + 1]) + tail
    return Found(cause, effect, cue, "verb", v.lemma_ + tail, tense)


# what something is used as when it is made the reason for a deed: "used the fire as a pretext to ..."
PRETEXT_NOUNS = frozenset("pretext excuse justification pretence pretense".split())
# verbs of moving someone to act whose agent is the cause when nothing says to do what ("was motivated by fear")
PERSUADED_VERBS = frozenset("motivate inspire encourage persuade convince induce spur incite pressure pressurize".split())


# verbs whose infinitive did happen ("chose to incite", "is estimated to have caused"); after any other
# ("sought to weaken", "agreed to end", "in order to prevent") the infinitive is an aim, not an outcome
DONE_VERBS = frozenset("choose decide manage begin start continue proceed go come help able seem appear tend serve "
                       "estimate know say believe think report consider claim allege reckon".split())


def intended(v: Token) -> bool:
    """"sought to weaken X", "in order to prevent Y", "an attempt to provoke": an aim, not an outcome."""
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        if v.tag_ == "VB" and any(c.dep_ == "xcomp" and c.i < v.i and intended(c) for c in v.head.children):
            return True  # "sought to depose the khedive, ..., and end X": the parser hangs "end" on "sought"
        return intended(v.head)  # "sought to depose the khedive and end British influence"
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    return v.dep_ in ("advcl", "acl", "relcl") or v.head.lemma_.lower() not in DONE_VERBS


# verbs that say what their subject was, not what it did
DESCRIBING_VERBS = frozenset("be consider regard remain become see view deem call".split())


def clause_participle(v: Token) -> bool:
    """", destroying the fleet" after a clause that tells what did it; not after one that describes its subject
    ("The defeat was considered a disaster, bringing X to an end": the defeat did)."""
    if subject_of(v) is not None or v.dep_ not in ("advcl", "xcomp") or v.tag_ != "VBG" \
            or v.head.pos_ not in ("VERB", "AUX"):
        return False
    head_subj = subject_of(v.head)
    return not (v.head.lemma_.lower() in DESCRIBING_VERBS and head_subj is not None
                and head_subj.pos_ in ("NOUN", "PROPN"))


def agent_of(ctx: ArticleContext, v: Token, prev: Span | None) -> str:
    """What does the causing: the subject; for "..., leading to X" the clause the participle hangs on;
    for a subject the parser lost, the words before the verb."""
    subj = subject_of(v)
    if subj is None and v.dep_ == "conj" and v.tag_ == "VBG" and v.head.tag_ == "VBG" and v.head.i < v.i:
        return agent_of(ctx, v.head, prev)  # ", knocking down a man and killing a boy": what the first one hangs on
    if subj is None and v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG" and v.head.pos_ in ("VERB", "AUX"):
        if not clause_participle(v):
            # "The defeat was considered a disaster, bringing X to an end": the defeat did
            return fit_np(ctx, subject_of(v.head), SHORT_NP)
        return fit_clause(ctx, v.head, subtree_ids(v))
    if subj is None and v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
        one = v.head.head.head if v.head.dep_ == "pobj" and v.head.head.lower_ == "of" else None
        if one is not None and one.lower_ in ("one", "some", "among") and one.dep_ == "attr" and one.head.lemma_ == "be" \
                and subject_of(one.head) is not None:
            # "X, which was one of the main events leading to Y": X, the nearest event when the parser hangs
            # the relative on a place inside X ("a moment in the movement for rights in Australia, which ...")
            subj = subject_of(one.head)
            ante = antecedent(subj) if subj.lower_ in RELATIVE_PRONOUNS else None
            if ante is not None and (ante.ent_type_ in ("GPE", "LOC", "FAC") or ante.lemma_.lower() in NOT_OVER):
                rel = relative_clause(subj)
                while ante.dep_ == "pobj" and ante.head.head.pos_ in ("NOUN", "PROPN"):
                    ante = ante.head.head  # up to the phrase the place sits in
                return fit_np(ctx, ante, SHORT_NP, without=rel)
            return cause_np(ctx, subj, prev)
        return fit_np(ctx, v.head, SHORT_NP, without=v)  # "the main events leading to X"
    if subj is None and v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and v.head.pos_ in ("NOUN", "PROPN") \
            and v.head.dep_ == "ROOT" and not any(c.dep_ == "agent" for c in v.children):
        return ctx.np(v.head, without=(v,))  # "An initial protest led on to rioting": read as "a protest led on"
    root = v.sent.root
    if subj is None and v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and root.pos_ == "NOUN" and v.i > root.i \
            and root.i in {a.i for a in v.ancestors} and v.doc[v.i - 1].text != "," \
            and not any(c.dep_ == "agent" for c in v.children):
        # "The king's attempts to raise taxes led to conflict": the parser found no verb and hung "led" low
        return fit_np(ctx, root, SHORT_NP, without=v)
    if subj is None:
        return left_phrase(ctx, v)
    if subj.dep_ == "nsubjpass" and subj.head.i == v.i:
        return ""
    cause = cause_np(ctx, subj, prev)
    if cause.lower() in ("they", "he", "she") and v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") \
            and subj.head.i == v.head.i and v.head.i < v.i:
        # "they took over the government and forced the Signoria to ...": what they did first, not "they"
        return fit_clause(ctx, v.head, subtree_ids(v))
    return cause


def force_cue(ctx: ArticleContext, v: Token, comp: Token, obj: Token | None, prev: Span | None) -> Found | None:
    """"X forced the Portuguese to withdraw", "X led Kurdish chiefs to switch allegiance", and the passive
    "the expedition was forced to retreat" (by what the sentence before told, if no agent is named)."""
    lemma = v.lemma_.lower()
    if v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return None  # "Dyer, convinced an insurrection could take place, ...": a state of mind
    # "forced the Portuguese to withdraw", "allowing him to deceive": someone made to do something;
    # "Dyer, convinced an insurrection could take place": a belief
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)
    who = obj if obj is not None and obj.i < comp.i else _child(comp, ("nsubj",)) if infinitive else None
    if _child(v, ("nsubjpass",)) is not None:
        if lemma in ("lead", "allow", "enable", "encourage", "inspire", "push"):
            return None  # "was led to believe", "was allowed to leave": no cause stated
        agent = _pobj(_child(v, ("agent",)) or _child(comp, ("agent",)))
        by = _child(comp, ("prep",), "by")  # "was forced to abdicate by the generals": the parser may hang it low
        if agent is None and by is not None and _pobj(by) is not None and _pobj(by).tag_ != "VBG" \
                and _pobj(by).ent_type_ not in ("DATE", "TIME"):
            agent = _pobj(by)
        # "was compelled to perform seppuku for assaulting an official": the reason is in the sentence
        reason = next((c for c in [*v.children, *comp.children] if c.dep_ == "prep" and c.lower_ == "for"
                       and _pobj(c) is not None and _pobj(c).tag_ == "VBG"), None)
        if agent is not None:
            cause, cue, drop = object_phrase(ctx, agent), f"{v.text} by", subtree_ids(agent.head)
        elif reason is not None:
            cause, cue, drop = object_phrase(ctx, _pobj(reason)), f"{v.text} for", subtree_ids(reason)
        elif v.dep_ == "ROOT" and not any(c.dep_ == "advcl" and _child(c, ("mark",), tuple(
                lexicon.REASON_SUBORDINATORS)) for c in v.children):
            cause, cue, drop = before(ctx, prev), v.text, set()  # what the sentence before told
        else:
            return None
        return Found(cause, fit_clause(ctx, v, drop), cue, "passive", lemma, past(v)) if cause else None
    if who is None:
        return None
    ids = subtree_ids(who) | subtree_ids(comp)
    # "forced the viceroy to free the prisoners, repeal the tax, and dismiss his ministers": the parser may
    # hang the other infinitives on the verb
    for c in v.children:
        if c.dep_ == "conj" and c.i > comp.i and c.tag_ in ("VB", "VBP") and _child(c, ("nsubj", "nsubjpass")) is None:
            ids |= subtree_ids(c) | {g.i for g in v.children if g.dep_ in ("cc", "punct") and comp.i < g.i < c.i}
    effect = ctx.text(sorted((t for t in v.doc if t.i in ids), key=lambda t: t.i))
    cause = agent_of(ctx, v, prev)
    if cause and clause_participle(v):
        # "The dam burst, forcing the villagers to flee": what happened as a result, told with its verb
        return Found(cause, f"{v.text} {effect}", AS_A_RESULT, "after", AS_A_RESULT, past(v.head))
    # "What did X force?" reads wrong with "Z to do W" for an answer: asked only as a consequence
    return Found(cause, effect, v.text, "passive", lemma, past(v)) if cause else None


# what a state is left "in" that tells a consequence ("left the city in ruins"); "left him in charge" is an office
LEFT_STATES = frozenset("ruin ruins debt disarray chaos turmoil shambles poverty ashes darkness despair".split())


def died_of(ctx: ArticleContext, v: Token) -> Found | None:
    """"Many soldiers died of dysentery", "Thousands were killed in the fighting", "The town was destroyed in a
    fire": what someone or something died or was destroyed of; "died in 1550", "died in Rome" say when and where."""
    words = ("of", "from", "in", "during", "to") if v.lemma_.lower() in lexicon.DYING_VERBS else ("in", "during")
    prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in words), None)
    src = _pobj(prep)
    subj = subject_of(v)
    if src is None or subj is None or src.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL") \
            or prep.lower_ == "to" and v.lemma_.lower() != "succumb":
        return None
    if prep.lower_ in ("in", "during") and not happening(src) or src.pos_ not in ("NOUN", "PROPN"):
        return None  # "died in his bed"
    if src.lemma_.lower() in lexicon.TIME_NOUNS or src.lemma_.lower() in ("age", "exile", "prison", "office", "battle") \
            and prep.lower_ == "in" and v.lemma_.lower() in lexicon.DYING_VERBS and src.lemma_.lower() != "battle":
        return None  # "died in old age", "died in exile"
    effect = fit_clause(ctx, v, subtree_ids(prep))
    return Found(object_phrase(ctx, src), effect, f"{v.text} {prep.lower_}", "passive", "", past(v), anchor=prep)


def left_cue(ctx: ArticleContext, v: Token, obj: Token | None, prev: Span | None) -> Found | None:
    """"His death left the throne vacant", "left the crown in debt", ", leaving the rebels without leaders"."""
    if obj is None or intended(v):
        return None
    state = _child(v, ("oprd", "acomp"))
    if state is None:  # "left the empire divided into hundreds of states"
        state = next((c for c in v.children if c.dep_ in ("advcl", "ccomp", "xcomp") and c.tag_ == "VBN"
                      and c.i == obj.right_edge.i + 1), None) or next(
            (c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == obj.i + 1), None)
    if state is None:
        state = next((c for c in v.children if c.dep_ == "prep" and c.i > obj.i and (
            c.lower_ == "without" or c.lower_ == "in" and _pobj(c) is not None
            and _pobj(c).lemma_.lower() in LEFT_STATES)), None)
    if state is None or state.i < obj.i:
        return None
    cause = agent_of(ctx, v, prev)
    if not cause:
        return None
    ids = subtree_ids(obj) | subtree_ids(state)
    if clause_participle(v):  # ", leaving the rebels without leaders": asked as what happened as a result
        return Found(cause, ctx.text([t for t in v.subtree if t.i in ids | {v.i}]), AS_A_RESULT, "after", AS_A_RESULT,
                     past(v.head))
    return Found(cause, ctx.text([t for t in v.subtree if t.i in ids]), v.text, "verb", "leave", past(v))


# what a thing falls "under" that is no force on it: "fell under Ottoman rule"
NOT_UNDER = frozenset("""
rule control command leadership reign sway authority protection jurisdiction name banner flag guise auspices
suzerainty dominion administration direction supervision guidance
""".split())
# subjects of "meant" that name a word, not an event ("The word meant 'king'")
WORD_NOUNS = frozenset("word term name title phrase expression sign symbol".split())


def means_cue(ctx: ArticleContext, v: Token, prev: Span | None) -> Found | None:
    """"The assault collapsed under coordinated counterattacks" (what made it give way), "won the battle
    through superior seamanship" (the means that brought a success), "The riots meant that the governor
    could no longer collect revenue" (what came of it)."""
    lemma = v.lemma_.lower()
    subj = subject_of(v)
    if lemma == "mean":
        obj = _child(v, ("dobj",))
        if obj is not None and subj is not None and happening(subj) and obj.pos_ == "NOUN" and subj.lower_ != "it" \
                and obj.lemma_.lower() not in AGENT_NOUNS \
                and subj.lemma_.lower() not in WORD_NOUNS:
            cause = agent_of(ctx, v, prev)  # "The defeat meant the end of the empire"
            return Found(cause, object_phrase(ctx, obj), v.text, "verb", "mean", past(v)) if cause else None
        comp = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i and c.tag_ != "VBG"
                     and _child(c, ("nsubj", "nsubjpass")) is not None), None)
        if comp is None or subj is None or subj.lemma_.lower() in WORD_NOUNS or subj.lower_ in ("it", "what") \
                or subj.pos_ in ("PROPN",) or not happening(subj) and subj.pos_ != "NOUN":
            return None
        cause = agent_of(ctx, v, prev)
        if not cause:
            return None
        return Found(cause, fit_clause(ctx, comp, {c.i for c in comp.children if c.dep_ == "mark"}), v.text,
                     "passive", "", past(v))
    if lemma in lexicon.GIVING_WAY_VERBS:
        if lemma == "give" and _child(v, ("dobj",), "way") is None:
            return None
        under = _child(v, ("prep",), "under")
        src = _pobj(under)
        if src is None or src.lemma_.lower() in NOT_UNDER or subj is None:
            return None
        words = [t for t in v.subtree if t.i not in subtree_ids(under) and t.i not in subtree_ids(subj)
                 and (t.i == v.i or t.head.i == v.i and t.dep_ in ("dobj", "prt", "neg"))]
        effect = f"{inline(ctx.np(subj, without=tuple(drop_parentheticals(subj))))} {ctx.text(words, head=v)}"
        cue = f"{v.text} way under" if lemma == "give" else f"{v.text} under"
        return Found(object_phrase(ctx, src), effect, cue, "passive", "", past(v), anchor=under)
    means = next((c for c in v.children if c.dep_ == "prep" and c.i > v.i and (
        c.lower_ == "through" and _pobj(c) is not None and _pobj(c).pos_ == "NOUN"
        or c.lower_ == "by" and _child(c, ("pcomp",)) is not None and _child(c, ("pcomp",)).tag_ == "VBG")), None)
    if means is None or intended(v) or subj is None:
        return None
    src = _pobj(means) or _child(means, ("pcomp",))
    return Found(object_phrase(ctx, src), fit_clause(ctx, v, subtree_ids(means)), f"{v.text} {means.lower_}",
                 "passive", "", past(v), anchor=means)


def make_cue(ctx: ArticleContext, v: Token, prev: Span | None) -> Found | None:
    """"X made him seem biased": X caused it; "X made itself unpopular with Y": Y did."""
    comp = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp", "oprd") and c.i > v.i), None)
    reflexive = _child(v, ("dobj",)) or (_child(comp, ("nsubj",)) if comp is not None else None)
    if reflexive is not None and reflexive.lower_ in ("itself", "himself", "herself", "themselves") and comp is not None:
        means = _child(comp, ("prep",), ("with", "by", "through")) or _child(v, ("prep",), ("with", "by", "through"))
        subj = subject_of(v)
        if means is not None and _pobj(means) is not None and subj is not None:
            effect = f"{ctx.np(subj)} {comp.text}"
            return Found(object_phrase(ctx, _pobj(means)), effect, f"made {reflexive.text} {comp.text} {means.lower_}",
                         "passive", "", past(v))
        return None
    # "X made it impossible for the king to raise taxes": the infinitive, with its "for" subject
    if comp is not None and comp.pos_ == "ADJ" and (_child(v, ("dobj",), "it") or _child(comp, ("nsubj",), "it")) or \
            comp is not None and comp.pos_ in ("VERB", "AUX") and _child(comp, ("nsubj",), "it") is not None \
            and _child(comp, ("acomp", "oprd"), ("possible", "impossible", "necessary", "difficult", "easier", "harder")):
        adj = comp if comp.pos_ == "ADJ" else _child(comp, ("acomp", "oprd"))
        todo = next((t for t in adj.subtree if t.pos_ == "VERB" and t.dep_ in ("xcomp", "advcl", "ccomp")), None)
        cause = agent_of(ctx, v, prev) if todo is not None and adj.lower_ in (
            "possible", "impossible", "necessary", "difficult", "easier", "harder") else ""
        if cause:
            ids = {t.i for t in adj.subtree if t.i > adj.i}
            return Found(cause, f"{adj.text} {ctx.text([t for t in v.doc if t.i in ids])}", f"made it {adj.text}",
                         "passive", "", past(v))
        return None
    # "The conquest was made possible by the use of horses", "The roads made the conquest possible"
    possible = _child(v, ("oprd", "ccomp", "xcomp", "acomp"))
    if possible is not None and possible.lower_ == "possible":
        agent = _pobj(_child(v, ("agent",)))
        subj = _child(v, ("nsubjpass",))
        if agent is not None and subj is not None:
            return Found(object_phrase(ctx, agent), cause_np(ctx, subj, prev), f"{v.text} possible by", "passive", "",
                         past(v))
        what = _child(possible, ("nsubj",)) or _child(v, ("dobj",))
        cause = agent_of(ctx, v, prev) if what is not None and what.lower_ != "it" else ""
        if cause:
            return Found(cause, object_phrase(ctx, what), f"{v.text} possible", "verb", "make possible", past(v))
        return None
    # "The war made the king unpopular": what an event or a thing made someone (asked "What did the war make
    # unpopular?"); "made Rome his capital" is a deed
    made = _child(possible, ("nsubj",)) if possible is not None else None
    if possible is not None and possible.pos_ in ("ADJ", "NOUN") and made is not None and made.lower_ != "it" \
            and (happening(subject_of(v)) or not_someone(subject_of(v))):
        cause = agent_of(ctx, v, prev)
        if not cause:
            return None
        if possible.pos_ == "ADJ" and made.pos_ != "PRON":
            return Found(cause, object_phrase(ctx, made), f"{v.text} {possible.text}", "verb", f"make {possible.text}",
                         past(v))
        # "His harsh rule made him deeply unpopular", "made him a national hero": asked only as a consequence
        named = ctx.last_person_before(made) if made.lower_ in ("him", "her") else None
        rest = ctx.text([t for t in possible.subtree if t.i not in subtree_ids(made)], head=possible)
        return Found(cause, f"{named or ctx.np(made)} {rest}", v.text, "passive", "make", past(v))
    if comp is None or comp.pos_ not in ("VERB", "AUX") or _child(comp, ("nsubj",)) is None:
        return None
    who = _child(comp, ("nsubj",))
    rep = {}
    if who.lower_ in ("him", "her"):
        # "Justinian's support made him seem biased": the subject's owner, else the one person named before
        subj = subject_of(v)
        owner = _child(subj, ("poss",)) if subj is not None else None
        name = owner.text if owner is not None and owner.pos_ == "PROPN" else ctx.last_person_before(who)
        if name:
            rep[who.i] = name
    toks = [t for t in comp.subtree]
    effect = ctx.text(toks) if not rep else " ".join(rep.get(t.i, t.text) for t in toks)
    cause = agent_of(ctx, v, prev)
    return Found(cause, effect, f"{v.text}", "verb", "cause", past(v)) if cause else None


def response_cue(ctx: ArticleContext, v: Token, prev: Span | None) -> Found | None:
    """"Parliament responded with the Coercive Acts": a response is the effect of what it answers, named
    after "to" or else told in the sentence before."""
    if v.pos_ != "VERB" or not any(c.dep_ == "prep" and c.lower_ in ("with", "by") or c.dep_ in ("advcl", "xcomp")
                                   for c in v.children):
        return None
    to = _child(v, ("prep",), "to")
    target = _pobj(to)
    if target is not None:
        cause, cue = object_phrase(ctx, target), "in response to"
    else:
        cause, cue = before(ctx, prev) or ctx.event, "in response"
    if not cause:
        return None
    effect = fit_clause(ctx, v, subtree_ids(to) if to is not None else set())
    return Found(cause, effect, cue, "after", cue, past(v))


def result_cue(ctx: ArticleContext, subj: Token, sent: Span, prev: Span | None) -> Found | None:
    """"The immediate result was X": X is the effect of the article's event (or of "of Y")."""
    cop = subj.head
    if subj.dep_ != "nsubj" or cop.lemma_ != "be" or subj.lemma_.lower() not in RESULT_NOUNS:
        return None
    attr = _child(cop, ("attr",))
    that = next((c for c in cop.children if c.dep_ == "ccomp" and c.i > cop.i), None)
    if attr is None and that is None:
        return None
    of = _pobj(_child(subj, ("prep",), "of"))
    cause = ctx.np(of) if of is not None else ctx.event or before(ctx, prev)
    if not cause:
        return None
    # "An immediate result of the Treaty was that the government gained ...": the clause
    effect = ctx.np(attr) if attr is not None else fit_clause(ctx, that, {c.i for c in that.children if c.dep_ == "mark"})
    return Found(cause, effect, f"the {subj.lemma_} was", "result", subj_phrase(subj), cop.tag_ == "VBD")


def cause_noun_cue(ctx: ArticleContext, noun: Token) -> list[Found]:
    """"The causes of the rebellion included X, Y and Z", "The reasons for invading were ...", "X was a
    major cause of Y", "X was the result of Y", "The origins of X lie in Y"."""
    lemma = noun.lemma_.lower()
    verb = noun.head
    if verb.pos_ not in ("VERB", "AUX") and noun.dep_ not in ("pobj", "appos"):
        return []
    of = _child(noun, ("prep",), ("of", "for", "behind"))
    if of is None and lemma in ("factor", "factors", "catalyst"):
        of = _child(noun, ("prep",), "in")  # "a major factor in the outbreak of the war"
    if lemma in lexicon.RESPONSE_NOUNS:
        of = _child(noun, ("prep",), ("to", "against"))  # "The rising was a response to the new taxes"
    target = _pobj(of)
    if noun.dep_ == "nsubj" and target is not None and (lemma in lexicon.CAUSE_NOUNS or lemma in lexicon.ORIGIN_NOUNS):
        effect = object_phrase(ctx, target)
        if lemma in lexicon.ORIGIN_NOUNS:  # "the origins of X lay in Y"
            src = _pobj(_child(verb, ("prep",), "in"))
            return [Found(object_phrase(ctx, src), effect, f"the {noun.lower_} of", "passive", "", past(verb))] \
                if src is not None else []
        if verb.lemma_ in ("revolve", "center", "centre", "rest", "lie") and _pobj(_child(verb, ("prep",))) is not None:
            src = _pobj(_child(verb, ("prep",)))  # "the causes of X revolved around Y"
            return [Found(object_phrase(ctx, src), effect, f"the {noun.lower_} of", "passive", "", past(verb))]
        if verb.lemma_ not in ("be", "include", "involve", "comprise"):
            return []
        comp = _child(verb, ("attr", "dobj"))
        if comp is not None and comp.pos_ in ("NOUN", "PROPN"):
            return [Found(head_only(ctx, c), effect, f"the {noun.lower_} of", "passive", "", past(verb))
                    for c in conjuncts(comp)]
        rest = [t for t in verb.subtree if t.i > verb.i and t.text != "." and not (t.dep_ == "mark" and t.i == verb.i + 1)]
        return [Found(ctx.text(rest), effect, f"the {noun.lower_} {of.lower_}", "passive", "", past(verb))] \
            if rest else []
    if noun.dep_ == "appos" and lemma in RESULT_NOUNS and target is not None and of.lower_ == "of" \
            and noun.head.pos_ in ("NOUN", "PROPN"):
        # "The famine, the result of years of drought, ...": the noun it is set beside
        return [Found(object_phrase(ctx, target), ctx.np(noun.head, without=(noun,)), f"the {lemma} of", "result",
                      lemma, True)]
    one = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.lemma_ in REGARD_VERBS:
        one, verb = noun, noun.head.head  # "X is regarded as a cause of Y"
        noun_dep = "attr"
    elif one is not None and one.dep_ in ("attr", "oprd") and one.lower_ in ("one", "some", "several", "many", "among"):
        verb = one.head  # "X was one of the direct causes of Y", "X is considered one of the causes of Y"
        if verb.lemma_ in ("be", "become", "remain") or verb.lemma_ in REGARD_VERBS:
            noun_dep = "attr"
        else:
            return []
    elif noun.dep_ == "oprd" and verb.lemma_ in REGARD_VERBS:
        noun_dep = "attr"  # "X is considered a cause of Y"
    else:
        noun_dep = noun.dep_
    if noun_dep == "attr" and verb.lemma_ in ("be", "become", "remain") and _child(verb, ("expl",)) is not None \
            and lemma in lexicon.CAUSE_NOUNS and target is not None:
        # "There were many reasons for the decline of the city, including the silting of its harbour"
        inc = next((t for t in noun.subtree if t.i > target.i and t.dep_ == "prep" and t.lower_ == "including"), None)
        if inc is None or _pobj(inc) is None:
            return []
        effect = ctx.np(target, without=(inc,))
        return [Found(head_only(ctx, c), effect, f"{noun.lower_} {of.lower_}", "passive", "", past(verb))
                for c in conjuncts(_pobj(inc))]
    if noun_dep == "attr" and (verb.lemma_ in ("be", "become", "remain") or verb.lemma_ in REGARD_VERBS) \
            and target is not None:
        subj = subject_of(verb)
        if subj is None:
            return []
        if subj.lower_ in DEMONSTRATIVES | {"it", "they"}:
            who = cause_np(ctx, subj, _previous(noun.sent))
            if who.lower() in DEMONSTRATIVES | {"it", "they"}:
                who = ctx.event.capitalize() if ctx.event and subj.lower_ == "it" else ""
            if not who:
                return []
            subj_text = who
        else:
            subj_text = ctx.np(subj)
        if lemma in lexicon.CAUSE_NOUNS and of.lower_ in ("of", "for", "behind"):
            cue = " ".join(t.lower_ for t in verb.doc[verb.i: of.i + 1] if t.dep_ not in ("amod", "advmod"))
            return [Found(subj_text, object_phrase(ctx, target), cue, "passive", "", past(verb))]
        if lemma in RESULT_NOUNS and of.lower_ == "of":
            cue = " ".join(t.lower_ for t in verb.doc[verb.i: of.i + 1] if t.dep_ not in ("amod", "advmod"))
            return [Found(object_phrase(ctx, target), subj_text, cue, "result", lemma, past(verb))]
        if lemma in lexicon.RESPONSE_NOUNS:
            return [Found(object_phrase(ctx, target), subj_text, f"{verb.text} a {lemma} {of.lower_}", "passive", "",
                          past(verb))]
        if lemma in ("factor", "factors", "catalyst") and of.lower_ == "in":
            return [Found(subj_text, object_phrase(ctx, target), f"{verb.text} a {lemma} in", "passive", "", past(verb))]
    return []


# verbs that say what their object is taken to be: "is considered one of the causes of", "is regarded as a cause of"
REGARD_VERBS = frozenset("consider regard see view deem count cite identify describe name".split())
RESULTING = frozenset({"resultant", "resulting", "consequent"})


def ensuing(ctx: ArticleContext, noun: Token, prev: Span | None) -> Found | None:
    """"The harvests failed. The resulting famine killed ...": what the sentence before told led to it."""
    adj = next((c for c in noun.children if c.dep_ == "amod" and c.lower_ in ("resulting", "ensuing", "consequent",
                                                                           "resultant")), None)
    if adj is None or _child(noun, ("prep",), "of") is not None:
        return None
    verb = noun.head
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < noun.i \
            and any(c.dep_ == "cc" and verb.head.i < c.i < noun.i for c in verb.head.children):
        # "The guards fired, and the resulting panic spread": the clause before "and" brought it about
        cause = fit_clause(ctx, verb.head, subtree_ids(verb))
        return Found(cause, fit_clause(ctx, verb, {adj.i}), AS_A_RESULT, "after", AS_A_RESULT, past(verb),
                     anchor=adj) if cause else None
    if noun.i - noun.sent.start > 3 or prev is None:
        return None
    cause = before(ctx, prev)
    return Found(cause, ctx.np(noun, without=(adj,)), AS_A_RESULT, "after", AS_A_RESULT, True, anchor=adj) \
        if cause else None


def resulting_cue(ctx: ArticleContext, adj: Token) -> Found | None:
    """"X led to A and the resultant B": B is the result of A."""
    noun = adj.head
    if adj.dep_ != "amod" or noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN"):
        return None
    cause = head_only(ctx, noun.head)
    return Found(cause, ctx.np(noun, without=(adj,)), adj.lower_, "result", "result", True)


# "angry over the defection", "a dispute over wages", "riots over the price of bread": what it was about
OVER_HEADS = frozenset("""
angry furious upset indignant incensed outraged bitter resentful dispute disputes quarrel row conflict riot riots
protest protests anger outrage fury tension tensions disagreement controversy rift feud strike revolt uprising
fight war wars battle struggle clash clashes rivalry competition quarrel
""".split())
# what one fights "over" that is a place or a time, not what the fight was about ("fought over two days")
NOT_OVER = lexicon.PLACE_NOUNS | lexicon.PLACE_HEAD_NOUNS | lexicon.FACILITY_NOUNS | lexicon.TIME_NOUNS


def over_cue(ctx: ArticleContext, prep: Token) -> Found | None:
    head = prep.head
    target = _pobj(prep)
    if head.lemma_ == "go" and _pobj(_child(head, ("prep",), "to")) is not None \
            and _pobj(_child(head, ("prep",), "to")).lower_ == "war":
        subj = subject_of(head)  # "went to war over X": the going is the fighting
        if target is None or subj is None or target.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC"):
            return None
        effect = f"{ctx.np(subj, without=tuple(drop_parentheticals(subj)))} {head.text} to war"
        return Found(object_phrase(ctx, target), effect, f"{head.text} to war over", "passive", "", past(head))
    if prep.dep_ != "prep" or target is None or head.lemma_.lower() not in OVER_HEADS and head.lower_ not in OVER_HEADS:
        return None
    if target.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL") or target.lemma_.lower() in NOT_OVER:
        return None
    if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
        effect = fit_clause(ctx, head.head, subtree_ids(prep))
    elif head.pos_ == "VERB":  # "The war was fought over control of the islands", "went to war over X"
        effect = fit_clause(ctx, head, subtree_ids(prep))
    elif head.pos_ == "NOUN":
        effect = ctx.np(head, without=(prep,))
    else:
        return None
    return Found(object_phrase(ctx, target), effect, f"{head.text} over", "passive", "", True)


def pp_cue(ctx: ArticleContext, tok: Token, prev: Span | None) -> Found | None:
    """"In the wake of X, Y" / "because of X" / "as a reaction to X"."""
    low = tok.lower_
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "ADV" and low in ("due", "owing", "thanks") and nxt.i + 1 < len(tok.doc):
        nxt = tok.doc[nxt.i + 1]  # "due largely to"
    if nxt is None or (low, nxt.lower_) not in lexicon.CAUSE_PREPOSITIONS:
        return None
    cue = lexicon.CAUSE_PREPOSITIONS[(low, nxt.lower_)]
    if low in PP_OPENERS:
        outer = tok.head
        if tok.dep_ != "pobj" or outer.lower_ not in PP_OPENERS[low]:
            return None
        anchor = outer
        cue = " ".join(t.lower_ for t in tok.doc[outer.i: nxt.i + 1])  # "as a direct result of"
    else:  # "because of", "due to", "owing to": the words hang together in several ways
        anchor = tok if tok.dep_ in ("prep", "advmod") else tok.head if tok.head.dep_ == "prep" else tok
    verb = anchor.head
    while verb.pos_ not in ("VERB", "AUX", "NOUN") and verb.head.i != verb.i and verb.dep_ in ("acomp", "amod"):
        verb = verb.head  # "was largely due to X"
    if verb.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    cause_tok = _pobj(nxt) or (_pobj(tok) if low in ("because", "due", "owing", "thanks") else None)
    if cause_tok is None or (cause_tok.lower_ in DEMONSTRATIVES and cause_tok.pos_ == "PRON"):
        return None  # "because of this" is a result adverbial: the sentence before is the cause
    cause = object_phrase(ctx, cause_tok)
    drop = subtree_ids(anchor)
    if verb.pos_ == "NOUN":  # "deaths due to famine"
        effect = ctx.np(verb, without=(anchor,))
    elif verb.lemma_ == "be" and anchor.dep_ == "acomp" and subject_of(verb) is not None:
        effect = cause_np(ctx, subject_of(verb), _previous(verb.sent))  # "The failure was due to X"
    elif verb.lemma_ == "be" and _child(verb, ("attr", "acomp")) is None and anchor.dep_ == "prep" \
            and subject_of(verb) is not None and subject_of(verb).pos_ in ("NOUN", "PROPN"):
        effect = cause_np(ctx, subject_of(verb), _previous(verb.sent))  # "The raid was in retaliation for X"
    elif verb.lemma_ == "be" and _child(verb, ("attr", "acomp")) is None:
        return None  # "This was due to X": nothing of the effect is left
    else:
        effect = fit_clause(ctx, verb, drop)
    if ctx.event and low == "aftermath" and not cause:
        cause = ctx.event
    return Found(cause, effect, cue, "after", cue, past(verb) if verb.pos_ != "NOUN" else True, anchor=anchor)


def aftermath_cue(ctx: ArticleContext, tok: Token, prev: Span | None) -> Found | None:
    """"In the aftermath, Y": the aftermath of the article's event."""
    if tok.lower_ != "aftermath" or tok.dep_ != "pobj" or tok.head.lower_ != "in" or not ctx.event:
        return None
    if _child(tok, ("prep",), "of") is not None:
        return None
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    cue = " ".join(t.lower_ for t in tok.head.subtree)
    return Found(ctx.event, fit_clause(ctx, verb, subtree_ids(tok.head)), cue, "after", cue, past(verb), anchor=tok.head)


def result_adverb(ctx: ArticleContext, tok: Token, prev: Span | None) -> Found | None:
    """The "therefore" mode: "X; thus Y", "X, and as a result Y", "X. Consequently, Y", "X, thereby
    making Y": the clause before the adverbial is the cause."""
    low = tok.lower_
    cue, start, phrase_end = None, tok, None
    for phrase, name in lexicon.RESULT_PHRASES.items():
        n = len(phrase)
        if tok.i - n + 1 >= tok.sent.start and tuple(t.lower_ for t in tok.doc[tok.i - n + 1: tok.i + 1]) == phrase:
            cue, start, phrase_end = name, tok.doc[tok.i - n + 1], tok
            break
    if cue is not None:
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if after is not None and after.lower_ in ("of", "to", "for", "against"):
            return None  # "as a result of X" is a prepositional cue
    elif low in lexicon.RESULT_ADVERBS:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.i > 0 and tok.doc[tok.i - 1].lemma_ == "do":
            return None  # "failed to do so": "so" stands for an action
        if low == "so" and (tok.dep_ not in ("advmod", "cc", "mark") or nxt is None
                            or nxt.pos_ in ("ADJ", "ADV", "NUM") or nxt.pos_ == "DET" and nxt.lower_ not in ARTICLES
                            or nxt.lower_ in ("that", "as", "-", "called")):
            return None  # "so many", "so that" (a purpose), "so-called"
        cue = AS_A_RESULT
    else:
        return None
    # the verb of the clause the adverbial sits in; after a coordinating "so", the clause it joins on
    verb = start.head if phrase_end is None else next((a for a in start.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and verb.dep_ in ("aux", "auxpass") and phrase_end is None:
        verb = verb.head  # "and so the Dutch went looking": the parser hangs "so" on "went", an auxiliary to it
    if phrase_end is not None and start.pos_ in ("VERB", "AUX"):
        verb = start
    if phrase_end is None and tok.dep_ == "cc":
        verb = next((c for c in tok.head.children if c.dep_ == "conj" and c.i > tok.i), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.sent != tok.sent:
        return None
    words = subtree_ids(start) | ({t.i for t in tok.doc[start.i: phrase_end.i + 1]} if phrase_end else {tok.i})
    if verb.tag_ == "VBG" and verb.lemma_.lower() in CAUSATIVE:
        return None  # "thus allowing him to ...": the causative verb is the cue
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX") \
            and verb.i > tok.i - 1 and verb.head.i < verb.i:
        # "X, thereby making Y" / "X, thus ending Y"
        cause = fit_clause(ctx, verb.head, subtree_ids(verb))
        effect = ctx.text([t for t in verb.subtree if t.i not in words], head=verb)
    elif verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < start.i:
        cause = fit_clause(ctx, verb.head, subtree_ids(verb))
        effect = fit_clause(ctx, verb, words | further_results(verb))
    elif (first := next((c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.pos_ in ("VERB", "AUX")
                         and verb.sent.start < c.i < start.i and c.right_edge.i < start.i), None)) is not None \
            and low == "so" and tok.doc[start.i - 1].text == ",":
        # "The duke closed the port, so the merchants sailed on": the parser hangs the first clause on the second
        cause = fit_clause(ctx, first, set())
        effect = fit_clause(ctx, verb, words | subtree_ids(first) | further_results(verb))
    elif start.i - verb.sent.start <= 3 or (verb.dep_ == "ROOT" and start.i < verb.i) or \
            (phrase_end is not None and verb.dep_ == "ROOT"):
        cause = before(ctx, prev)
        effect = fit_clause(ctx, verb, words | further_results(verb))
    else:
        return None
    if not cause or not effect:
        return None
    return Found(cause, effect, cue, "after", cue, past(verb), anchor=start)


def so_that(ctx: ArticleContext, so: Token) -> Found | None:
    """"The winter was so cold that the river froze": the degree is the cause, the "that" clause its result
    (the scheme's Cause.Result)."""
    degree = so.head
    while degree.pos_ == "ADV" and degree.dep_ == "advmod" and degree.head.pos_ in ("ADJ", "VERB"):
        degree = degree.head  # "so utterly ruined that"
    if so.dep_ != "advmod" or degree.pos_ not in ("ADJ", "ADV", "VERB"):
        return None
    result = next((c for c in degree.children if c.dep_ in ("ccomp", "advcl") and c.i > degree.i
                   and _child(c, ("mark",), "that") is not None), None)
    verb = next((a for a in [degree, *degree.ancestors] if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("oprd", "acomp")
                 and a.i != degree.i or a.dep_ == "ROOT"), None)
    if result is None or verb is None or subject_of(verb) is None:
        return None
    cause = fit_clause(ctx, verb, subtree_ids(result) | {so.i})
    effect = fit_clause(ctx, result, {c.i for c in result.children if c.dep_ == "mark"})
    return Found(cause, effect, "so that", "after", AS_A_RESULT, past(verb), anchor=so) if cause and effect else None


def further_results(verb: Token) -> set[int]:
    """"X prevented Y, frustrating Z": a participle after the clause is a result of its own."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and c.tag_ in ("VBG", "JJ") and c.i > 0 and c.doc[c.i - 1].text == ",":
            out |= subtree_ids(c) | {c.i - 1}
    return out


# events that "after" names as what came first ("after his defeat", "after the death of ..."), besides
# nouns of action ending in -tion, -ment, -ure, -al
AFTER_EVENTS = lexicon.EVENT_NOUNS | lexicon.EVENT_ANAPHORA | frozenset("""
death defeat victory loss fall capture surrender collapse arrival departure accession abdication failure
invasion uprising revolt riot refusal murder assassination battle war siege campaign negotiations talks
protest protests strike raid attack attacks incident crisis decision agreement treaty visit
""".split())
# stretches of time whose "of" says what went on ("after decades of neglect")
LONG_SPANS = frozenset("years decades centuries months generations".split()) | {"year", "decade", "century", "month",
                                                                               "generation"}
# "named after", "modelled after": no sequence of events
NOT_AFTER_VERBS = {"name", "call", "model", "style", "design", "pattern", "look", "take", "ask", "seek", "inquire"}


# verbs of what came about, with no object: "After X, a battle ensued", "..., war broke out"
ENSUE_VERBS = frozenset("ensue follow erupt break".split())


def ensued_after(ctx: ArticleContext, tok: Token) -> Found | None:
    """"After failed talks, a battle ensued": by the words, as the parser reads such a sentence in many ways (at
    times with no verb in the first part and the noun after the comma for its root)."""
    sent = tok.sent
    if tok.i != sent.start:
        return None
    comma = next((t for t in sent if t.text == "," and t.i > tok.i), None)
    if comma is None:
        return None
    first, rest = tok.doc[tok.i + 1: comma.i], [t for t in tok.doc[comma.i + 1: sent.end] if not t.is_punct]
    verbs = [t for t in rest if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1 or verbs[0].lemma_.lower() not in ENSUE_VERBS or len(rest) > 8 \
            or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in first) \
            or not any(t.pos_ == "NOUN" for t in rest[:rest.index(verbs[0])]) \
            or verbs[0].lemma_.lower() == "break" and "out" not in {t.lower_ for t in rest}:
        return None
    return Found(ctx.text(list(first)), ctx.text(rest), tok.lower_, "after", tok.lower_, past(verbs[0]))


def after_cue(ctx: ArticleContext, tok: Token) -> Found | None:
    """"After the officials refused to return the tea, colonists boarded the ships", "Ismail withdrew after
    this defeat": what happened after an event is told as its outcome (PDTB's Temporal.Asynchronous with a
    second sense Contingency.Cause); a date or a stretch of time after "after" is no event."""
    before_word = tok.doc[tok.i - 1] if tok.i > 0 else None
    if any(c.dep_ == "npadvmod" for c in tok.children) or before_word is not None \
            and before_word.pos_ == "NOUN" and before_word.lemma_ in lexicon.TIME_NOUNS:
        return None  # "a week after the battle": how long after, no outcome
    ensued = ensued_after(ctx, tok)
    if ensued is not None:
        return ensued
    if tok.dep_ == "mark" and tok.head.dep_ == "advcl":
        sub = tok.head
        main = sub.head
    elif tok.dep_ == "mark" and tok.head.dep_ == "ROOT" and tok.i < tok.head.i:
        # "After X refused ..., Y boarded ...": the parser made the clause after "after" the root
        sub = tok.head
        joined = next((c for c in sub.children if c.dep_ == "conj" and c.i > sub.i and _child(c, ("nsubj",))), None)
        if joined is None:
            return None
        cause = fit_clause(ctx, sub, {tok.i} | subtree_ids(joined))
        return Found(cause, fit_clause(ctx, joined, set()), tok.lower_, "after", tok.lower_, past(joined))
    elif tok.dep_ == "prep" or tok.lower_ == "following" and tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "advcl"):
        # "ended following the arrival of federal soldiers": the parser may read "following" as a verb
        event = _pobj(tok) or _child(tok, ("dobj",))
        main, sub = tok.head, tok
        if event is not None and event.lemma_.lower() in LONG_SPANS and event.tag_ == "NNS" \
                and _pobj(_child(event, ("prep",), "of")) is not None:
            pass  # "after years of poor working conditions": what went on all that time
        elif event is not None and event.tag_ == "VBG" and event.dep_ == "pcomp":
            pass  # "After fighting against the pass laws, a crowd went to the station": what they had done
        elif event is None or event.tag_ == "VBG" or not (event.lemma_.lower() in AFTER_EVENTS or event.lower_ in AFTER_EVENTS
                                                          or event.lemma_.lower().endswith(
                                                              ("tion", "sion", "ment", "ure", "al"))):
            return None
    else:
        return None
    # the main clause of its sentence, not a relative or a gerund ("the only war he fought after his accession")
    if main.dep_ == "advcl" and main.tag_ == "VBN" and main.head.dep_ == "ROOT" and tok.dep_ == "prep":
        main = main.head  # "Striking began in 1913, organized by the union after years of X": the sentence's clause
    elif main.dep_ in ("advcl", "xcomp") and main.head.dep_ == "ROOT" and main.i < tok.i \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in main.children):
        main = main.head  # "called for Cortés to lead an expedition after X": the parser hangs it on "lead"
    # "called for an expedition after ...": a demand, no naming
    naming = main.lemma_.lower() in NOT_AFTER_VERBS and not (main.lemma_.lower() == "call" and main.i + 1 < len(
        main.doc) and main.doc[main.i + 1].lower_ == "for")
    if main.pos_ not in ("VERB", "AUX") or naming or not (
            main.dep_ == "ROOT" or main.dep_ == "conj" and main.head.dep_ == "ROOT"):
        return None
    subj = subject_of(main)
    if subj is not None and subj.lower_ == "it" and main.lemma_.lower() in ("occur", "happen", "take"):
        return None  # "It occurred in 1521 following X": when, told of the article's event
    cause = fit_clause(ctx, sub, {tok.i}) if tok.dep_ == "mark" else object_phrase(ctx, event)
    drop = subtree_ids(sub)
    comma = next((t for t in sub.subtree if t.text == "," and t.i > tok.i), None) if tok.dep_ == "prep" else None
    if comma is not None and event.tag_ == "VBG" and subject_of(main) is None and comma.i < main.i:
        # "After turning back towards England, Pandora ran aground": the parser hung the subject on the
        # gerund's phrase; the comma ends it
        cause = ctx.text([t for t in event.subtree if t.i < comma.i], head=event)
        effect = ctx.text([t for t in main.subtree if t.i > comma.i], head=main)
        return Found(cause, effect, tok.lower_, "after", tok.lower_, past(main))
    nxt = tok.doc[event.right_edge.i + 1] if tok.dep_ != "mark" and event.right_edge.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.tag_ == "VBD" and nxt.head.i == main.i and nxt.i > main.i \
            and subject_of(nxt) is None and nxt.dep_ in ("advcl", "conj", "ccomp", "dep"):
        # "called for a crusade after the fall of Edessa shocked Europe": the parser took the clause after
        # "after" for a noun and a verb of its own
        drop |= subtree_ids(nxt)
        cause = ctx.text([t for t in tok.doc if t.i in drop and t.i != tok.i and t.dep_ != "cc"])
    effect = fit_clause(ctx, main, drop)
    return Found(cause, effect, tok.lower_, "after", tok.lower_, past(main))


def because_cue(ctx: ArticleContext, mark: Token) -> Found | None:
    """"X because Y", "X since Y" (a "since" that is no point in time), and "X as Y" where Y tells a state
    ("as he was ill") or what someone found out ("as they learnt of it")."""
    sub = mark.head
    # "X made enemies, and because he forced retirement on them, ...": the parser may join it by "and"
    if mark.dep_ != "mark" or sub.dep_ not in ("advcl", "conj") or sub.head.pos_ not in ("VERB", "AUX"):
        return None
    main = sub.head
    low = mark.lower_
    if low == "as" and (sub.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in sub.children) or any(
            c.dep_ == "acomp" for c in sub.children) and sub.lemma_ == "become"):
        return None  # "as it became known", "as it was called": a name, no reason
    # "became leader, as he had initiated the oath": what had happened before is why, not a time alongside
    pluperfect = low == "as" and any(c.dep_ == "aux" and c.lower_ == "had" for c in sub.children) and sub.tag_ == "VBN"
    # "As the Mongols advanced, the inhabitants fled": what others did is why people fled or gave up
    told = next((a for a in [main, *main.ancestors] if a.pos_ in ("VERB", "AUX") and a.tag_ != "VBG"), main)
    reaction = low == "as" and main.lemma_.lower() in lexicon.REACTION_VERBS and sub.tag_ == "VBD" \
        and sub.lemma_.lower() not in STATE_VERBS and past(told)  # "..., but retreating as the elephants advanced"
    state = (sub.lemma_ in ("be", "have") and sub.i > mark.i and not any(c.dep_ in ("aux", "auxpass") for c in sub.children)
             and any(c.dep_ in ("attr", "acomp", "dobj", "prep") for c in sub.children)
             and subject_of(sub) is not None and (subject_of(sub).lower_ != "it" or any(
                 c.dep_ == "acomp" and c.lemma_.lower() not in CUSTOM_WORDS for c in sub.children)))
    # "as they could not pay", "as it coincided with the feast": what was not done, or a lasting state, is why
    negated = any(c.dep_ == "neg" for c in sub.children) and subject_of(sub) is not None
    if low == "as" and not pluperfect and not reaction and sub.lemma_.lower() not in LEARNING_VERBS | STATIVE_REASONS \
            and not state and not negated:
        return None  # "as it became known", "as was customary", "as the army advanced": no reason
    if low == "since" and (any(c.dep_ == "aux" and c.lemma_ == "have" for c in main.children)
                           or any(t.ent_type_ in ("DATE", "TIME") for t in sub.subtree)
                           or mark.i > 0 and mark.doc[mark.i - 1].lower_ in ("ever", "long", "soon")):
        return None  # "had ruled since he came of age": a point in time
    cause = fit_clause(ctx, sub, {mark.i})
    sub_subj, main_subj = subject_of(sub), subject_of(main)
    if sub_subj is not None and main_subj is not None and sub_subj.lower_ in ("they", "he", "she", "it") \
            and low == "as" and same_referent(sub_subj, main_subj):
        # "they learnt of it" in "the conspirators fled as they learnt of it": they are the conspirators
        cause = fit_clause(ctx, sub, {mark.i} | subtree_ids(sub_subj))
        cause = f"{inline(ctx.np(main_subj, without=tuple(drop_parentheticals(main_subj))))} {cause}"
    effect = fit_clause(ctx, main, subtree_ids(sub))
    if subject_of(main) is None and main.tag_ == "VBG" and subject_of(told) is not None:
        effect = f"{inline(ctx.np(subject_of(told)))} {effect}"  # "the sultan fell back, ... retreating as ..."
    return Found(cause, effect, low, "because", "", past(main))


def same_referent(pronoun: Token, subj: Token) -> bool:
    """Whether a pronoun may stand for a subject by number and kind: "they" for "the rebels", "it" for "the day";
    not "they" for "the plan", nor "he" for "the fleet"."""
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    if (pronoun.lower_ == "they") != plural:
        return False
    if pronoun.lower_ in ("he", "she"):
        return subj.ent_type_ == "PERSON" or subj.lemma_.lower() in AGENT_NOUNS or subj.pos_ == "PRON"
    return pronoun.lower_ != "it" or subj.ent_type_ != "PERSON" and subj.lemma_.lower() not in AGENT_NOUNS


# what "as it was ..." says of a custom or a name, no reason: "as was customary", "as it was usual"
CUSTOM_WORDS = frozenset("customary usual common normal traditional known possible necessary fashionable".split())
# verbs of a lasting state whose "as" clause tells why, not when: "as it coincided with the festival"
STATIVE_REASONS = frozenset("coincide lack need want believe wish prefer depend own trust rely".split())
# "When he was twelve", "when it seemed settled", "when he became king": a time or a state, no event
STATE_VERBS = frozenset("be become seem appear remain have live stay reign rule lie stand".split())


def set_up(ctx: ArticleContext, v: Token, prev: Span | None) -> Found | None:
    """"The uprising was ended by the war, beginning the history of Egypt under the British": what the clause
    began or set up, asked as what happened as a result."""
    obj = _child(v, ("dobj",))
    if obj is None or obj.ent_type_ in ("DATE", "TIME") or v.i == 0 or v.doc[v.i - 1].text != "," \
            or not clause_participle(v) and subject_of(v.head) is None:
        return None
    cause = agent_of(ctx, v, prev)
    effect = ctx.text([t for t in v.subtree if not (t.dep_ == "advmod" and t.head.i == v.i and t.i < v.i)], head=v)
    return Found(cause, effect, AS_A_RESULT, "after", AS_A_RESULT, past(v.head)) if cause else None


def and_then(ctx: ArticleContext, v: Token) -> Found | None:
    """"Govinda-raja wounded Muhammad, and Muhammad and his army retreated to Ghazni": a clause of fleeing or giving
    up joined by "and" to what was done to them is its outcome, asked as what happened as a result."""
    first = v.head
    if v.dep_ != "conj" or first.pos_ not in ("VERB", "AUX") or first.i > v.i or not past(v) or not past(first) \
            or _child(v, ("nsubj", "nsubjpass")) is None or subject_of(first) is None \
            or max((c for c in first.children if c.dep_ == "cc" and first.i < c.i < v.i), key=lambda c: c.i,
                   default=first).lower_ != "and":
        return None  # "... surrounded them, but the chariots retreated": an "and" joins them, no "but"
    if first.lemma_.lower() in STATE_VERBS or first.lemma_.lower() in lexicon.REACTION_VERBS:
        return None  # "the army fled, and the garrison surrendered": two reactions
    cause = fit_clause(ctx, first, subtree_ids(v))
    effect = fit_clause(ctx, v, set())
    return Found(cause, effect, AS_A_RESULT, "after", AS_A_RESULT, True) if cause and effect else None


def avenging(ctx: ArticleContext, v: Token) -> Found | None:
    """"The prince attacked the city to avenge the death of his father": an aim that names what it answers, the
    cause of the deed (asked as what happened in revenge for it)."""
    main = v.head
    obj = _child(v, ("dobj",)) or _pobj(_child(v, ("prep",), "for"))
    if obj is None or main.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ == "to"
                                                                 for c in v.children) or subject_of(main) is None:
        return None
    if main.lemma_.lower() in ("seek", "try", "attempt", "want", "plan", "vow", "swear", "promise", "hope"):
        return None  # "vowed to avenge X": nothing done yet
    return Found(object_phrase(ctx, obj), fit_clause(ctx, main, subtree_ids(v)), "in revenge for", "after",
                 "in revenge for", past(main), anchor=v)


def when_cue(ctx: ArticleContext, tok: Token) -> Found | None:
    """"When the bishop refused to crown him, the prince was excommunicated", "the police opened fire
    when the crowd advanced": a past event told with what came of it is its cause (PDTB's
    Temporal.Synchronous read with Contingency.Cause). A "when" of a date or a time noun ("at a time when",
    "until 1641 when") only says when, and so do states ("when he was twelve")."""
    sub = tok.head
    if tok.dep_ not in ("advmod", "mark") or sub.dep_ != "advcl" or sub.pos_ not in ("VERB", "AUX") or sub.i <= tok.i:
        return None
    main = sub.head
    if main.pos_ not in ("VERB", "AUX") or not (main.dep_ == "ROOT" or main.dep_ == "conj" and main.head.dep_ == "ROOT"):
        return None
    if not past(sub) or sub.tag_ == "VBG" or sub.lemma_.lower() in STATE_VERBS or main.lemma_.lower() in STATE_VERBS \
            and not _child(main, ("acomp", "attr", "oprd")) or main.lemma_.lower() in NOT_AFTER_VERBS:
        return None
    if not past(main) or any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in (
            *sub.children, *main.children)):
        return None  # "would rise when ...": what was expected, no event
    if subject_of(sub) is None or subject_of(main) is None:
        return None
    cause = fit_clause(ctx, sub, {tok.i})
    effect = fit_clause(ctx, main, subtree_ids(sub))
    return Found(cause, effect, tok.lower_, "because", "", past(main))


# what someone faced, lacked or held against others, besides what they found out, is why they acted
# ("Facing starvation, the garrison surrendered"); what they sought or hoped for is an aim ("Seeking support,
# they offered the throne to ..."), like "in order to"
MOTIVE_VERBS = LEARNING_VERBS | frozenset("""
suspect believe expect anticipate sense face lack need resent distrust cite
""".split())
# a state of mind someone was brought to ("Alarmed at the spread of the plague, the council closed the port")
FEELING_VERBS = frozenset("""
alarm frighten scare worry concern dismay anger enrage outrage infuriate incense offend humiliate disappoint
frustrate disillusion embolden encourage inspire motivate convince persuade horrify shock terrify face confront
""".split())


def motive_participle(ctx: ArticleContext, v: Token) -> Found | None:
    """"Fearing reprisals, the villagers fled", "Realizing the plot had failed, he escaped", "Alarmed at the
    spread of the plague, the council closed the port", "The general, fearing a trap, withdrew": what someone
    feared, faced or found out is why they acted (asked as "Why did the villagers flee?")."""
    main = v.head
    if v.dep_ == "acl" and main.dep_ == "nsubj" and v.i > main.i and v.doc[v.i - 1].text == ",":
        main = main.head  # "The general, fearing a trap, withdrew": a participle set off on the subject
    elif v.dep_ == "advcl" and v.lemma_.lower() == "cite" and v.i > main.i and v.doc[v.i - 1].text == ",":
        pass  # "The shah refused to sign, citing the loss of his provinces": the reason given
    elif v.dep_ != "advcl" or v.i > main.i:
        return None
    if main.pos_ not in ("VERB", "AUX") or v.i > main.i and v.lemma_.lower() != "cite":
        return None
    if (v.dep_ == "acl" or v.tag_ != "VBG") and (not past(main) or main.dep_ not in ("ROOT", "conj")):
        return None  # "how a state, faced with threats, can convert ...": a general claim, no event
    lemma = v.lemma_.lower()
    if v.tag_ == "VBG":
        if lemma not in MOTIVE_VERBS or any(c.dep_ in ("mark", "prep") or c.lower_ in ("after", "while", "when")
                                            for c in v.children):
            return None
    elif v.tag_ == "VBN" and v.dep_ == "advcl" and _child(v, ("aux",), "having") is not None \
            and v.left_edge.i == v.sent.start:
        pass  # "Having lost the support of the army, the emperor abdicated": what had happened to him
    elif v.tag_ in ("VBN", "VBD") and lemma in FEELING_VERBS:
        # a feeling with what it was about; "Angered by X" is read as a passive cue
        if _child(v, ("nsubj", "nsubjpass", "aux", "auxpass", "mark")) is not None or _child(v, ("agent",)) \
                or not _child(v, ("prep",), ("at", "over", "about", "with", "by")) and not _child(v, ("ccomp",)):
            return None
    else:
        return None
    return Found(ctx.text(list(v.subtree), head=v), fit_clause(ctx, main, subtree_ids(v)), v.text.lower(), "reason",
                 "", past(main))


def why_cue(ctx: ArticleContext, why: Token, prev: Span | None) -> Found | None:
    """"That is why the city was abandoned", "..., which is why the port declined": what the sentence before
    (or the clause before the comma) told is the cause of the clause after "why"."""
    clause_ = why.head
    cop = clause_.head
    if why.dep_ != "advmod" or clause_.dep_ not in ("advcl", "ccomp", "relcl") or cop.lemma_ != "be" \
            or clause_.i < why.i or subject_of(clause_) is None:
        return None
    subj = subject_of(cop)
    if subj is None or not (told_before(subj) or subj.lower_ == "which") or asked(why):
        return None
    if subj.lower_ == "which":
        head = cop.head
        if cop.dep_ not in ("advcl", "ccomp", "relcl", "conj") or head.pos_ not in ("VERB", "AUX") or head.i > subj.i:
            return None
        cause = fit_clause(ctx, head, subtree_ids(cop))
    else:
        cause = before(ctx, prev)
    if not cause:
        return None
    effect = fit_clause(ctx, clause_, {why.i})
    return Found(cause, effect, AS_A_RESULT, "after", AS_A_RESULT, past(clause_))


def given_that(ctx: ArticleContext, tok: Token) -> Found | None:
    """"Given the lack of supplies, the army retreated", "Given that the treasury was empty, ...": the ground
    taken for granted is why."""
    main = tok.head
    what = _pobj(tok) or next((c for c in tok.children if c.dep_ in ("ccomp", "advcl", "dobj")), None)
    if main.pos_ not in ("VERB", "AUX") or what is None or subject_of(main) is None:
        if tok.dep_ == "mark" or tok.head.dep_ == "advcl":  # "Given that X, Y": the parser may hang "given" low
            sub = tok.head if tok.dep_ == "mark" else tok.head
            main = sub.head
            if main.pos_ not in ("VERB", "AUX") or subject_of(main) is None:
                return None
            return Found(fit_clause(ctx, sub, {tok.i} | {c.i for c in sub.children if c.dep_ == "mark"}),
                         fit_clause(ctx, main, subtree_ids(sub)), "given that", "reason", "", past(main),
                         anchor=sub if tok.dep_ == "mark" else tok)
        return None
    cause = object_phrase(ctx, what) if what.pos_ in ("NOUN", "PROPN") else fit_clause(
        ctx, what, {c.i for c in what.children if c.dep_ == "mark"})
    return Found(cause, fit_clause(ctx, main, subtree_ids(tok)), "given", "reason", "", past(main))


def harm_from(ctx: ArticleContext, prep: Token) -> Found | None:
    """"thousands of deaths from famine", "the damage from the earthquake": what did the harm."""
    noun, src = prep.head, _pobj(prep)
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon.HARM_NOUNS and noun.lower_ not in lexicon.HARM_NOUNS \
            or src is None or not happening(src) or src.ent_type_ in ("DATE", "TIME", "GPE", "LOC"):
        return None
    top = noun
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ in ("NOUN", "NUM"):
        top = top.head.head  # "thousands of deaths from famine"
    return Found(object_phrase(ctx, src), ctx.np(top, without=(prep,)), f"{noun.text} from", "passive", "", True,
                 anchor=prep)


def lacking(ctx: ArticleContext, prep: Token) -> Found | None:
    """"With no heir, the throne passed to his cousin", "Without support from the nobles, the rebellion
    collapsed": what was missing is why, asked with "why"."""
    what = _pobj(prep)
    main = prep.head
    if what is None or what.pos_ != "NOUN" or main.pos_ not in ("VERB", "AUX") or subject_of(main) is None:
        return None
    if prep.lower_ == "with" and not _child(what, ("det", "neg"), ("no",)):
        return None  # "With the help of the Dutch": no lack
    return Found(ctx.text(list(prep.subtree)), fit_clause(ctx, main, subtree_ids(prep)), prep.lower_, "reason", "",
                 past(main), anchor=prep)


def motive_adjective(ctx: ArticleContext, adj: Token) -> Found | None:
    """"Unable to pay his troops, the king sold the crown jewels": the state someone acted from."""
    main = adj.head
    if adj.dep_ == "amod" and main.dep_ in ("nsubj", "nsubjpass") and adj.i > main.i and adj.i > 0 \
            and adj.doc[adj.i - 1].text == ",":
        # "The alderman, afraid of riots, announced a curfew": set off after the subject
        main = main.head
        if main.pos_ not in ("VERB", "AUX") or main.i < adj.i:
            return None
        return Found(ctx.text(list(adj.subtree), head=adj), fit_clause(ctx, main, subtree_ids(adj)), adj.text.lower(),
                     "reason", "", past(main))
    if adj.i > main.i or main.pos_ not in ("VERB", "AUX") or _child(adj, ("nsubj", "mark")) is not None:
        return None
    return Found(ctx.text(list(adj.subtree), head=adj), fit_clause(ctx, main, subtree_ids(adj)), adj.text.lower(),
                 "reason", "", past(main))


def motive_phrase(ctx: ArticleContext, noun: Token) -> Found | None:
    """"surrendered for fear of a massacre", "out of jealousy", "banned it on the grounds that it encouraged
    disorder", "in the face of fierce resistance": a motive or a ground, asked with "why"."""
    low = noun.lower_
    opener = noun.head
    anchor = opener
    if opener.lower_ == "of" and opener.head.lower_ == "out":
        anchor = opener.head  # "out of jealousy"
    elif opener.lower_ not in lexicon.MOTIVE_PHRASES[low] or opener.lower_ == "of":
        return None
    verb = anchor.head
    if anchor.dep_ != "prep" and anchor.lower_ != "out" or verb.pos_ not in ("VERB", "AUX"):
        return None
    of = _pobj(_child(noun, ("prep",), "of"))
    that = next((c for c in noun.children if c.dep_ in ("relcl", "acl", "ccomp") and _child(c, ("mark",), "that")), None)
    if low in ("grounds", "ground", "face", "light"):
        if that is not None and low != "face":
            cause = fit_clause(ctx, that, {c.i for c in that.children if c.dep_ == "mark"})
        elif of is not None:
            cause = object_phrase(ctx, of)
        else:
            return None
    else:
        cause = ctx.np(noun)
    if not cause:
        return None
    cue = " ".join(t.lower_ for t in noun.doc[anchor.i: noun.i + 1] if t.dep_ != "amod")
    return Found(cause, fit_clause(ctx, verb, subtree_ids(anchor)), cue, "reason", "", past(verb), anchor=anchor)


def upon_cue(ctx: ArticleContext, prep: Token) -> Found | None:
    """"Upon the death of the sultan, his sons fought for the throne", "On the surrender of the fortress, ...",
    "With the fall of the capital, resistance collapsed": what followed an event, told as "after" tells it
    (and asked as "what happened after?")."""
    event = _pobj(prep)
    main = prep.head
    if prep.lower_ == "with" and event is not None and event.lemma_.lower() in lexicon.LOSS_NOUNS \
            and prep.i > main.i and main.pos_ in ("VERB", "AUX") and subject_of(main) is not None:
        # "Pandora ran aground on the reef, with the loss of 31 crew": what it cost
        return Found(fit_clause(ctx, main, subtree_ids(prep)), object_phrase(ctx, event), AS_A_RESULT, "after",
                     AS_A_RESULT, past(main), anchor=prep)
    if prep.lower_ in ("amid", "amidst"):
        # "The dynasty collapsed amid widespread unrest": the circumstances it gave way in
        if event is None or main.pos_ not in ("VERB", "AUX") or event.lemma_.lower() not in lexicon.AMID_NOUNS \
                or subject_of(main) is None:
            return None
        return Found(object_phrase(ctx, event), fit_clause(ctx, main, subtree_ids(prep)), prep.lower_, "passive", "",
                     past(main), anchor=prep)
    if event is None or event.pos_ != "NOUN" or event.lemma_.lower() not in AFTER_EVENTS \
            or not (_child(event, ("prep",), "of") or _child(event, ("poss",))):
        return None
    if prep.lower_ != "upon" and prep.i != prep.sent.start:
        return None  # "on the death of" opening its sentence; "with" and "on" elsewhere are no sequence
    if main.pos_ not in ("VERB", "AUX") or main.dep_ != "ROOT":
        return None
    if subject_of(main) is None:
        return None
    return Found(object_phrase(ctx, event), fit_clause(ctx, main, subtree_ids(prep)), "after", "after", "after",
                 past(main), anchor=prep)


# verbs whose "by doing" tells how they went on, not what brought something about ("began by praising")
NOT_MEANS_VERBS = frozenset("begin start open end conclude close continue follow respond".split())


def by_doing(ctx: ArticleContext, prep: Token) -> Found | None:
    """"routed the sortie by flooding their camp", "won the election by promising land reform": the means that
    brought it about."""
    verb = prep.head
    doing = _child(prep, ("pcomp",))
    if doing is None or doing.tag_ != "VBG" or verb.pos_ != "VERB" or verb.lemma_.lower() in NOT_MEANS_VERBS \
            or intended(verb) or any(c.dep_ == "auxpass" for c in verb.children) or prep.i < verb.i:
        return None
    subj = subject_of(verb)
    if subj is None and not (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj")):
        return None
    return Found(ctx.text(list(doing.subtree), head=doing), fit_clause(ctx, verb, subtree_ids(prep)), f"{verb.text} by",
                 "passive", "", past(verb), anchor=prep)


def reason_for(ctx: ArticleContext, prep: Token) -> Found | None:
    """"He was arrested ..., allegedly for loitering": the "for" phrase of a verb of judgement."""
    verb = prep.head
    if verb.lower_ == "trial" and verb.dep_ in ("pobj", "dobj") and (verb.head.lower_ == "on" or verb.head.lemma_ in (
            "stand", "face")):
        verb = verb.head.head if verb.head.lower_ == "on" else verb.head  # "was put on trial for treason"
        prep_in_trial = True
    else:
        prep_in_trial = False
    if prep.lower_ != "for" or verb.pos_ != "VERB" or not prep_in_trial and verb.lemma_.lower() not in REASON_VERBS \
            or verb.dep_ == "xcomp":
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
    cue = f"{verb.text} on trial for" if prep_in_trial and verb.lemma_ not in ("stand", "face") else \
        f"{verb.text} trial for" if prep_in_trial else f"{verb.text} for"
    return Found(cause, fit_clause(ctx, verb, drop), cue, "reason", verb.lemma_, past(verb))


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
    return Found(cause, fit_clause(ctx, verb, subtree_ids(prep)), f"{verb.text} {prep.lower_}", "passive",
                 f"{verb.lemma_} {prep.lower_}", past(verb))


def finds(ctx: ArticleContext, tok: Token, sent: Span, prev: Span | None) -> Iterator[Found]:
    """Every link that tok is the cue of. Most words are no cue: they are let go on their part of speech,
    dependency and form before any finder looks at them."""
    found = None
    low, pos, dep = tok.lower_, tok.pos_, tok.dep_
    if pos in ("VERB", "AUX"):
        lemma = tok.lemma_.lower()
        if lemma in VERB_CUE_LEMMAS and (lemma != "be" or _child(tok, ("acomp",), ("responsible", "instrumental"))) \
                or any(c.dep_ == "dobj" and c.lemma_.lower() in REASON_NOUNS for c in tok.children):
            found = verb_cue(ctx, tok, prev)
        if found is None and dep in ("advcl", "acl") and tok.tag_ in ("VBG", "VBN", "VBD"):
            found = motive_participle(ctx, tok)
        if found is None and dep == "conj" and lemma in AND_THEN_VERBS:
            found = and_then(ctx, tok)
        if found is None and dep == "advcl" and tok.tag_ == "VBG" and lemma in lexicon.RESULT_PARTICIPLES:
            found = set_up(ctx, tok, prev)
        if found is None and lemma in lexicon.AVENGING_VERBS and dep in ("advcl", "xcomp"):
            found = avenging(ctx, tok)
    if found is None and pos == "NOUN" and dep == "pobj" and low in lexicon.MOTIVE_PHRASES:
        found = motive_phrase(ctx, tok)
    if found is None and pos == "ADJ" and dep in ("advcl", "amod") and low in lexicon.MOTIVE_ADJECTIVES:
        found = motive_adjective(ctx, tok)
    if found is None and pos == "NOUN" and dep in ("nsubj", "nsubjpass"):
        found = ensuing(ctx, tok, prev)
    if found is None and pos == "NOUN" and dep in ("nsubj", "attr", "pobj", "oprd", "appos"):
        if dep == "nsubj":
            found = result_cue(ctx, tok, sent, prev)
        many = cause_noun_cue(ctx, tok) if found is None else []
        if many:
            yield from many
            return
    if found is None and low in CUE_WORDS:
        if low in RESULTING:
            found = resulting_cue(ctx, tok)
        if found is None and low in PP_WORDS:
            found = pp_cue(ctx, tok, prev) or aftermath_cue(ctx, tok, prev)
        if found is None and low in ("after", "following"):
            found = after_cue(ctx, tok)
        if found is None and low in ("with", "without") and dep == "prep" and tok.i == sent.start:
            found = lacking(ctx, tok)
        if found is None and low == "given" and tok.i == sent.start:
            found = given_that(ctx, tok)
        if found is None and low == "from" and dep == "prep":
            found = harm_from(ctx, tok)
        if found is None and low in ("upon", "on", "with", "amid", "amidst") and dep == "prep":
            found = upon_cue(ctx, tok)
        if found is None and low in lexicon.REASON_SUBORDINATORS:
            found = because_cue(ctx, tok)
        if found is None and low == "when":
            found = when_cue(ctx, tok)
        if found is None and low == "why":
            found = why_cue(ctx, tok, prev)
        if found is None and low == "so":
            found = so_that(ctx, tok)
        if found is None and (low in lexicon.RESULT_ADVERBS or low in RESULT_LAST_WORDS):
            found = result_adverb(ctx, tok, prev)
        if found is None and low == "over":
            found = over_cue(ctx, tok)
    if found is None and dep == "prep" and low == "for":
        found = reason_for(ctx, tok)
    if found is None and (dep == "prep" and low in ("in", "by", "through") or dep == "agent"):
        found = given_away(ctx, tok)
    if found is None and low == "by" and dep == "prep":
        found = by_doing(ctx, tok)
    if found is not None:
        yield found
        if found.kind == "verb" and tok.lemma_.lower() in lexicon.LINK_VERBS:
            # "led to the end of the dynasty, and the integration of the country ...": the parser hangs the
            # second effect on the verb
            for c in tok.children:
                if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > tok.i:
                    yield Found(found.cause, ctx.np(c), found.cue, found.kind, found.verb, found.past)


RESULT_LAST_WORDS = frozenset(w[-1] for w in lexicon.RESULT_PHRASES)
CUE_WORDS = RESULTING | PP_WORDS | lexicon.REASON_SUBORDINATORS | lexicon.RESULT_ADVERBS | RESULT_LAST_WORDS | {
    "after", "following", "over", "when", "upon", "on", "with", "why", "amid", "amidst", "without", "given", "from"}
# the lemmas verb_cue reads; any other verb is a cue only with a noun of reason for its object
VERB_CUE_LEMMAS = (CAUSE_VERBS | lexicon.FORCE_VERBS | set(lexicon.LINK_VERBS) | set(lexicon.FROM_CAUSE_VERBS)
                   | lexicon.RESPONSE_VERBS | DRIVING_VERBS | {v for v, _ in PHRASAL_CAUSES}
                   | {"set", "have", "root", "give", "make", "put", "bring", "open", "help", "play", "blame", "be", "serve",
                      "act", "use"}
                   | lexicon.GROUND_VERBS | lexicon.GIVING_WAY_VERBS | lexicon.SUCCESS_VERBS | PERSUADED_VERBS
                 | {"mean", "meet", "credit", "mark", "spell", "owe"} | lexicon.REMOVED_IN_VERBS | lexicon.DYING_VERBS | set(lexicon.GROWN_FROM_VERBS)
                 | set(lexicon.GAIN_VERBS))
# what people do in answer to a deed told before "and": flee, give up, relax their guard, a line collapses
AND_THEN_VERBS = lexicon.REACTION_VERBS | {"collapse", "relax"}


def bare_date(part: str) -> bool:
    """"1765" is no cause: the parser took a date for a subject."""
    return all(w.strip(",.()").isdigit() or w.lower() in lexicon.MONTHS for w in part.split())


def too_much(part: str, sent: Span) -> bool:
    """A cause or effect that is (nearly) the whole sentence says nothing on its own."""
    words = sentence_words(sent.text)
    mine = set(part.split())
    return len(words) > 8 and sum(w in mine for w in words) > 0.85 * len(words)


@lru_cache(maxsize=256)
def sentence_words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def extract_causal(ctx: ArticleContext) -> tuple[CausalLink, ...]:
    out: list[CausalLink] = []
    seen: set[tuple[int, str, str, str]] = set()
    # a paragraph that opens "This ended ..." takes up the last sentence of the one before, in the same section
    before_para = {id(b): a for a, b in itertools.pairwise(ctx.paragraphs) if a.block.section == b.block.section}

    def keep(found: Found, tok: Token, whole: Span, where: Provenance) -> bool:
        """Add the link unless a side is empty or the whole sentence, it is asked, or it is there already."""
        cause, effect = found.cause.strip(), found.effect.strip()
        if not cause or not effect or cause == effect or too_much(cause, whole) or too_much(effect, whole):
            return False
        anchor = found.anchor if found.anchor is not None else tok
        key = (anchor.i, found.cue, cause, effect)
        if asked(anchor) or bare_date(cause) or key in seen:
            return False
        seen.add(key)
        out.append(CausalLink(cause, effect, found.cue, where, found.kind, found.verb, found.past, ctx.offset(anchor),
                              hedge_of(anchor)))
        return True

    for para, sent in ctx.sentences():
        whole = whole_sentence(sent)
        prev = _previous(whole)
        if prev is None and whole.start == 0 and id(para) in before_para:
            prev = list(before_para[id(para)].doc.sents)[-1]
        where = ctx.where(sent, para)
        if whole.start != sent.start or whole.end != sent.end:
            where = replace(where, sentence=whole.text.strip(), sentence_start=para.block.offset + whole.start_char)
        kept = 0
        for tok in sent:
            for found in finds(ctx, tok, sent, prev):
                kept += keep(found, tok, whole, where)
        if not kept:
            misread = this_misread(ctx, sent, prev)
            if misread is not None:
                keep(misread, sent[0], whole, where)
    return tuple(out)


def this_misread(ctx: ArticleContext, sent: Span, prev: Span | None) -> Found | None:
    """"This severely crippled communist participation in the elections": the tagger reads the causative's past
    as an adjective and the sentence as a noun phrase; by the words, "This" and a causative's past tense make the
    sentence before a cause."""
    words = [t for t in sent if not t.is_punct]
    if prev is None or len(words) < 4 or words[0].lower_ not in ("this", "these", "that") or sent.root.pos_ in ("VERB", "AUX"):
        return None
    k = 1
    while k < len(words) and words[k].pos_ == "ADV":
        k += 1
    verb = words[k] if k < len(words) else None
    if verb is None or not verb.lower_.endswith("ed"):
        return None
    low = verb.lower_
    if not any(c in CAUSE_VERBS for c in (low[:-1], low[:-2], low[:-3], low[:-3] + "y" if low.endswith("ied") else "")):
        return None  # "crippled", "weakened", "sparked", "intensified", "stopped"
    cause = before(ctx, prev)
    rest = [t for t in sent if t.i > words[0].i and not (t.is_punct and t.i == sent.end - 1)]
    if not cause or len(rest) < 3:
        return None
    return Found(cause, ctx.text(rest), AS_A_RESULT, "after", AS_A_RESULT, True, anchor=sent[0])


# what no sentence ends on: the parser sometimes starts one after a bracket or a comma all the same
# ("... after their daimyō (feudal lord) | Asano Naganori was compelled ...")
NO_SENTENCE_END = frozenset({",", ";", ":", "(", ")"})


def whole_sentence(sent: Span) -> Span:
    """The sentence as the article writes it: pieces the parser cut at a bracket or a comma joined again, so a
    link names the sentence it comes from, and the sentence before it is the one before the first piece."""
    doc = sent.doc
    start, end = sent.start, sent.end
    while start > 0 and doc[start - 1].text in NO_SENTENCE_END:
        start = doc[start - 1].sent.start
    while end < len(doc) and doc[end - 1].text in NO_SENTENCE_END:
        end = doc[end].sent.end
    return doc[start:end]


def _previous(sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent
