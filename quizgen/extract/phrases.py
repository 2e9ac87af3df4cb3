"""Turning pieces of a dependency parse back into readable phrases."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from quizgen.extract import lexicon

EDGE_PUNCT = set(",;:—–-()[]\"'“”‘’")
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}


def capitalize(s: str) -> str:
    return s[:1].upper() + s[1:]


_LOWER_STARTS = {"the", "a", "an", "his", "her", "its", "their", "this", "these", "those", "some", "many", "most"}


def inline(phrase: str) -> str:
    """A phrase set inside a sentence: "The events ..." -> "the events ...", names keep capitals."""
    first = phrase.split(" ", 1)[0]
    return phrase[:1].lower() + phrase[1:] if first.lower() in _LOWER_STARTS else phrase


def subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def bracketed_asides(sent: Span, keep: set[int]) -> set[int]:
    """The tokens of every bracketed aside in the sentence that holds none of `keep`, brackets included:
    an aside goes whole, never its words without its brackets."""
    out: set[int] = set()
    opened: int | None = None
    for t in sent:
        if t.text == "(":
            opened = t.i
        elif t.text == ")" and opened is not None:
            inside = set(range(opened, t.i + 1))
            if not inside & keep:
                out |= inside
                doc = sent.doc
                # "The revolt (Hebrew: ...), was a rebellion": the comma closed the aside, with no comma to open it
                if t.i + 1 < sent.end and doc[t.i + 1].text == "," and opened > sent.start \
                        and doc[opened - 1].text != "," and t.i + 2 < sent.end and doc[t.i + 2].pos_ in ("AUX", "VERB"):
                    out.add(t.i + 1)
            opened = None
    return out


def render(tokens: Iterable[Token], replace: dict[int, str] | None = None) -> str:
    """The tokens in document order as text, with replacements (token index -> text, "" drops it),
    trimmed of punctuation at the edges and of empty pairs of brackets or dashes."""
    replace = replace or {}
    toks = sorted(set(tokens), key=lambda t: t.i)
    while toks and (toks[0].text in EDGE_PUNCT or toks[0].dep_ in ("cc", "mark", "prep") and len(toks) == 1):
        toks.pop(0)
    while toks and (toks[-1].text in EDGE_PUNCT | {".", "!", "?"} or toks[-1].dep_ in ("cc", "preconj")):
        toks.pop()  # no phrase ends on "and" or a comma
    kept = [t for t in toks if replace.get(t.i, t.text) != ""]
    ids = {t.i for t in kept}
    # a comma next to a gap belonged to what was left out ("Kirov, [a veteran organizer,] was")
    kept = [t for t in kept if t.text != "," or (t.i - 1 in ids and t.i + 1 in ids)]
    out: list[str] = []
    prev: Token | None = None
    for t in kept:
        if out:
            # keep the original spacing between neighbours; one space across a gap
            out.append(prev.whitespace_ if prev is not None and prev.i == t.i - 1 else " ")
        out.append(replace.get(t.i, t.text))
        prev = t
    text = "".join(out)
    for bad, good in ((" ,", ","), (",,", ","), ("( ", "("), (" )", ")"), ("()", ""), ("  ", " ")):
        text = text.replace(bad, good)
    if text.count("(") != text.count(")"):  # a bracket whose partner was left out
        text = " ".join(text.replace("(", " ").replace(")", " ").split())
    return text.strip(" ,;:—–")


def phrase(head: Token, *, without: Iterable[Token] = (), replace: dict[int, str] | None = None) -> str:
    """The head's subtree as text, leaving out the subtrees of `without`."""
    drop: set[int] = set()
    for w in without:
        drop |= subtree_ids(w)
    return render((t for t in head.subtree if t.i not in drop), replace)


def drop_parentheticals(head: Token) -> list[Token]:
    """Children of a noun phrase that are asides: appositives and comma-set participles ("central
    authorities, led by X, moved ..." -> "central authorities")."""
    out = []
    for c in head.children:
        if c.dep_ == "appos":
            out.append(c)
        elif c.dep_ in ("acl", "relcl") and c.i > head.i and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ",":
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("including", "like") and c.i > 0 and c.doc[c.i - 1].text == ",":
            out.append(c)  # "eight of the survivors, including Fawkes,"
    return out


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, looking up through conjoined verbs ("X jolted Y and set in motion Z")."""
    v: Token | None = verb
    while v is not None:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass"):
                return c
        if v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
            v = v.head
        else:
            return None
    return None


def antecedent(rel: Token) -> Token | None:
    """What a relative pronoun stands for: the noun phrase its clause modifies (the whole phrase,
    not its last noun: "a pattern of suspicion of enemies and conspiracies that ..."), and where
    that phrase only describes another ("X is regarded as a turning point that ..."), the other."""
    clause = relative_clause(rel)
    if clause is None:
        return None
    noun = clause.head
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    # "the battle near the river, which left ...": where an event happened does not do what it did
    event = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("near", "at", "in", "outside", "on") and event.pos_ == "NOUN" \
            and event.lemma_.lower() in lexicon.EVENT_NOUNS | lexicon.HAZARD_NOUNS \
            and (noun.ent_type_ in ("GPE", "LOC", "FAC") or noun.lemma_.lower() in lexicon.PLACE_NOUNS):
        noun = event
    # "X ... as N that ...": N describes X
    if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head
        for c in verb.children:
            if c.dep_ in ("nsubjpass", "dobj"):
                return c
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subj = subject_of(noun.head)
        if subj is not None:
            return subj
    return noun


def relative_clause(rel: Token) -> Token | None:
    """The relative clause a relative pronoun opens."""
    clause = rel.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause if clause.dep_ == "relcl" else None


def phrase_ids(span: Span | Token, verb: Token) -> set[int]:
    """The span with the prepositional phrases that carry it up to the verb ("on the afternoon of
    1 December 1934"); empty when the span sits inside the subject or an object instead."""
    tok = span.root if isinstance(span, Span) else span
    ids = {t.i for t in span} if isinstance(span, Span) else {tok.i}
    while tok.head.i != verb.i:
        if tok.dep_ in ("pobj", "pcomp"):
            tok = tok.head
        elif tok.dep_ == "prep" and tok.head.dep_ in ("pobj", "npadvmod") and tok.head.pos_ in ("NOUN", "PROPN"):
            if tok.head.lemma_.lower() not in lexicon.TIME_NOUNS:
                # "contributed to Eden's resignation in January 1957": the date is the resignation's; the
                # verb keeps its object
                return ids | subtree_ids(tok)
            tok = tok.head
        else:
            return set()
    if tok.dep_ not in ("prep", "npadvmod", "advmod"):
        return set()
    return ids | subtree_ids(tok)


