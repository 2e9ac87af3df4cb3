"""An article with its parsed paragraphs: what every extractor reads.

It maps spaCy spans back to article offsets (provenance) and resolves references that would make a
phrase unreadable on its own: relative pronouns, "his"/"he" to the last person named, and, in an
article about one event, "the killing" / "the event" / "his death" to that event by name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quizgen.extract import lexicon
from quizgen.extract.phrases import (
    RELATIVE_PRONOUNS,
    antecedent,
    capitalize,
    phrase,
    relative_clause,
    render,
    subject_of,
    subtree_ids,
)
from quizgen.models import Article, Block, Entity, Provenance, SeeAlso

# what the statistical model calls these is no person ("PRODUCT" sometimes is: "An Lushan commanded ...")
NOT_SOMEONE = {"GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME", "EVENT", "LAW", "LANGUAGE", "MONEY", "QUANTITY"}


@dataclass
class Paragraph:
    block: Block
    doc: Doc


@dataclass
class ArticleContext:
    article: Article
    paragraphs: list[Paragraph]
    event: str = ""  # "the Kirov assassination" when the article is about one event
    see_also_docs: list[tuple[SeeAlso, Doc]] = field(default_factory=list)
    people: list[Entity] = field(default_factory=list)
    # what question making works out once per sentence (keyed by the caller), not once per question
    memo: dict = field(default_factory=dict, repr=False)
    # (article offset, short name, sentence start, named as a subject)
    _person_marks: list[tuple[int, str, int, bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.event = event_name(self.article)
        words = self.article.title.lower().split()
        # the kind the title names and the kind the opening sentence says it was ("The Hut Tax War was a
        # resistance ..."): "the war" and "the rebellion" are both the article's event
        heads = {next((w for w in (words[-1:] + words[:1]) if w in lexicon.SUBJECT_HEADS), ""),
                 defined_kind(self.article), title_head(self.article)} - {""} if self.event else set()
        self.event_nouns: frozenset[str] = frozenset(heads).union(*(k for k in lexicon.EVENT_KINDS if heads & k))
        self.event_words = frozenset(self.event.lower().split())  # "the cultivation system" names it too

    def is_event_reference(self, t: Token) -> bool:
        """"the killing", "this episode", and in an article on a rebellion "the uprising": the article's
        own event, named by a bare definite noun."""
        if not self.event:
            return False
        if is_event_anaphor(t):
            return self.possessor_is_event(t)
        return is_event_anaphor(t, nouns=self.event_nouns, own_words=self.event_words)

    # -- provenance ----------------------------------------------------------------------------
    def paragraph_of(self, tok: Token) -> Paragraph:
        for p in self.paragraphs:
            if p.doc is tok.doc:
                return p
        raise ValueError("token from another document")

    def where(self, span: Span | Token, para: Paragraph | None = None) -> Provenance:
        para = para or self.paragraph_of(span if isinstance(span, Token) else span[0])
        sent = span.sent
        base = para.block.offset
        start = span.idx if isinstance(span, Token) else span.start_char
        end = start + len(span.text) if isinstance(span, Token) else span.end_char
        return Provenance(para.block.section, sent.text.strip(), base + sent.start_char, base + start, base + end)

    def sentences(self):
        for p in self.paragraphs:
            for s in p.doc.sents:
                yield p, s

    # -- people, for pronouns --------------------------------------------------------------------
    def set_people(self, people: list[Entity], short: dict[str, str]) -> None:
        """`short` maps a person's name to how a resolved pronoun names them (the surname)."""
        self.people = people
        marks = []
        for e in people:
            for m in e.mentions:
                tok = self.token_at(m.start)
                subject = tok is not None and tok.sent.root.i != tok.i and any(
                    t.dep_ in ("nsubj", "nsubjpass") for t in [tok, *tok.ancestors][:3])
                marks.append((m.start, short[e.name], m.sentence_start, subject))
        self._person_marks = sorted(marks)

    def span_at(self, where: Provenance) -> Span | None:
        """The parsed words at a fact's offsets."""
        return self._span(where.start, where.end)

    def token_at(self, offset: int) -> Token | None:
        span = self._span(offset, offset + 1)
        return span[0] if span is not None and len(span) else None

    def _span(self, start: int, end: int) -> Span | None:
        for p in self.paragraphs:
            b = p.block
            if b.offset <= start < b.offset + len(b.paragraph):
                return p.doc.char_span(start - b.offset, end - b.offset, alignment_mode="expand")
        return None

    def last_person_before(self, tok: Token) -> str | None:
        """Who "he" or "his" means, when nobody else could: the one person named before it in its sentence,
        or else in its paragraph. With two people named, a pronoun is left as it is (a wrong name is worse
        than none)."""
        offset = self.offset(tok)
        i = bisect.bisect_left(self._person_marks, (offset,))
        # someone named in an earlier paragraph is too far back to stand for a pronoun with confidence
        paragraph_start = self.paragraph_of(tok).block.offset
        before = [m for m in self._person_marks[:i] if m[0] >= paragraph_start]
        same_sentence = [m for m in before if m[2] == self.offset(tok.sent[0])]
        if len({m[1] for m in same_sentence}) == 1:
            before = same_sentence  # "After John died ..., his son": the one person of its own sentence
        if not before or len({m[1] for m in before}) > 1:
            return None
        if not any(m[3] for m in before) and self.unknown_subject_before(tok):
            return None  # "An Lushan commanded ... His rivalry": a name the article does not know as a person
        who = before[-1][1]
        if tok.i == tok.sent.start and tok.sent.start > 0:
            # "When Hirohito became emperor, Amakasu was released. He studied in France": "he" continues the
            # main clause's subject before it; if that is another name, whom it means is not sure
            prev = tok.doc[tok.sent.start - 1].sent
            subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ == "PROPN" and subj.ent_type_ not in NOT_SOMEONE \
                    and subj.text not in who.split():
                return None
        return who

    def named_before_in_sentence(self, tok: Token) -> bool:
        """"Peggy was well educated – she studied French": the pronoun's person is named just before it, in
        another form than the surname a replacement would bring in ("– Eaton studied French" reads as someone else)."""
        start, offset = self.offset(tok.sent[0]), self.offset(tok)
        i = bisect.bisect_left(self._person_marks, (offset,))
        return any(m[2] == start for m in self._person_marks[:i])

    @staticmethod
    def unknown_subject_before(tok: Token) -> bool:
        """Whether the nearest subject before tok, in its sentence or the one before, is a proper name
        that is not a place, body or the like: someone the pronoun may well mean."""
        sents = [tok.sent] if tok.sent.start == 0 else [tok.doc[tok.sent.start - 1].sent, tok.sent]
        subjects = [t for s in sents for t in s if t.dep_ in ("nsubj", "nsubjpass") and t.i < tok.i]
        if not subjects:
            return False
        last = subjects[-1]
        return last.pos_ == "PROPN" and last.ent_type_ not in NOT_SOMEONE

    def offset(self, tok: Token) -> int:
        return self.paragraph_of(tok).block.offset + tok.idx

    # -- readable phrases --------------------------------------------------------------------------
    def replacements(self, head: Token) -> dict[int, str]:
        """Rewrites inside head's subtree that make the phrase stand on its own."""
        rep: dict[int, str] = {}
        for t in head.subtree:
            if t.i in rep:
                continue
            if self.is_event_reference(t):
                rep |= self.named_event(t)
            elif t.lower_ in ("his", "her") and t.dep_ == "poss":
                who = self.possessor(t, head)
                if who:
                    rep[t.i] = who + "'s"
            elif t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and not self.named_before_in_sentence(t):
                who = self.last_person_before(t)
                if who:
                    rep[t.i] = who
            elif self.event and t.lower_ == "it" and t.i == t.sent.start and self.follows_event_subject(t) \
                    and not expletive(t):
                rep[t.i] = capitalize(self.event)  # "It led to ..." right after "The X Revolution was ..."
        return rep

    def plural_for_singular(self, t: Token) -> bool:
        """Whether the event's name is plural ("the Salem witch trials") where the reference is the subject of a
        singular verb ("The episode is one of ..."): the name would leave the verb disagreeing."""
        last = self.event.split()[-1].lower() if self.event else ""
        plural = last.endswith("s") and not last.endswith(("ss", "us", "is"))
        verb = t.head
        return plural and t.dep_ in ("nsubj", "nsubjpass") and (
            verb.tag_ == "VBZ" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBZ" for c in verb.children)
            or verb.lower_ == "was" or any(c.lower_ == "was" and c.dep_ in ("aux", "auxpass") for c in verb.children))

    def named_event(self, t: Token) -> dict[int, str]:
        """"The riots'" -> "The 1977 Bread Riots'": the reference's words give way to the event's name, which
        keeps a possessive ending and the capital of a sentence's first word; none where the name would leave
        the verb disagreeing."""
        if self.plural_for_singular(t):
            return {}
        ids = subtree_ids(t)
        first, last = min(ids), t.doc[max(ids)]
        name = capitalize(self.event) if first == t.sent.start else self.event
        if last.dep_ == "case" or last.tag_ == "POS":
            name += "'" if name.endswith("s") else "'s"
        return {i: "" for i in ids} | {first: name}

    def possessor(self, t: Token, head: Token) -> str | None:
        """Whom "his" names, when it is worth saying: not when the clause's own subject, named before it,
        is the owner ("Yoshinobu resigned his powers": the subject is in the phrase already; "An Lushan
        was murdered by his own son": a subject the article does not know as a person is still the owner)."""
        who = self.last_person_before(t)
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subj = subject_of(verb) if verb is not None else None
        if subj is not None and subj.i < t.i and subj.lower_ in ("he", "she") and who is not None:
            return None  # "he began baptising his followers": his is the subject's own, named once is enough
        if subj is not None and subj.i < t.i and subj.pos_ == "PROPN":
            if who is None or subj.text not in who.split() or subj.i in subtree_ids(head):
                return None
        return who

    def follows_event_subject(self, t: Token) -> bool:
        """Whether the sentence before, in the same paragraph, has the article's event as its subject."""
        if t.dep_ not in ("nsubj", "nsubjpass") or t.sent.start == 0:
            return False
        prev = t.doc[t.sent.start - 1].sent
        subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and phrase(subj).lower().removeprefix("the ") == self.event.lower().removeprefix("the ")

    def possessor_is_event(self, t: Token) -> bool:
        """"his death" is the article's event only when "his" is the person the event is named after."""
        poss = [c for c in t.children if c.dep_ == "poss"]
        if not poss:
            return True
        who = self.last_person_before(poss[0])
        return who is not None and who.lower() in self.event.lower()

    def np(self, head: Token, *, without: tuple[Token, ...] = ()) -> str:
        """A noun phrase made to stand alone: relative pronouns become what they stand for."""
        if head.lower_ in RELATIVE_PRONOUNS:
            ante, clause = antecedent(head), relative_clause(head)
            if ante is not None and clause is not None and ante.ent_type_ in ("DATE", "TIME"):
                # "annulled the charter in August 1215, which triggered ...": "which" is the whole clause
                return self.clause_before(ante, clause) or self.event or ""
            if ante is not None and clause is not None:
                head, without = ante, (*without, clause)
        if self.is_event_reference(head):
            return self.event
        return phrase(head, without=without, replace=self.replacements(head))

    def clause_before(self, tok: Token, relative: Token) -> str:
        """The clause that tok stands in, without the relative clause after it and what opens the
        sentence before the subject ("After John died, ...")."""
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return ""
        skip = subtree_ids(relative)
        for c in verb.children:
            if c.i < verb.i and c.dep_ in ("prep", "advcl", "advmod", "npadvmod", "punct", "mark", "cc"):
                skip |= subtree_ids(c)
        return self.text([t for t in verb.subtree if t.i not in skip], head=verb).rstrip(" ,")

    def text(self, tokens, head: Token | None = None) -> str:
        reps: dict[int, str] = {}
        toks = list(tokens)
        ids = {t.i for t in toks}
        for t in toks:
            if t.lower_ in RELATIVE_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass") and t.i == min(ids):
                reps[t.i] = self.np(t)
        for t in toks:
            if t.i in reps:
                continue
            if t.head.i not in ids or (head is not None and t.i == head.i):
                for k, v in self.replacements(t).items():
                    if k in ids:
                        reps.setdefault(k, v)
        return render(toks, reps)


def expletive(it: Token) -> bool:
    """"It is presumed that ...", "It was decided to ...": an "it" that stands for the clause after it."""
    verb = it.head
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") or (c.dep_ == "acomp" and any(
        g.dep_ in ("ccomp", "xcomp") for g in c.children)) for c in verb.children)


def is_event_anaphor(t: Token, nouns: frozenset[str] = lexicon.EVENT_ANAPHORA,
                     own_words: frozenset[str] = frozenset()) -> bool:
    """"the killing", "the event", "his death", "this episode": a bare definite reference to the
    article's event (no "of ...", no other modifier that would name something else)."""
    # a noun; or, as written, "the Edict" (the tagger calls a capitalised head a name) and "the rising" (a
    # verb's -ing form used as a noun)
    as_written = t.lower_ in nouns
    if not (t.pos_ == "NOUN" and (as_written or t.lemma_.lower() in nouns) and (as_written or t.tag_ not in ("NNS", "NNPS"))
            or as_written and (t.pos_ == "PROPN" or t.pos_ == "VERB" and t.tag_ == "VBG")):
        return False
    kids = list(t.children)
    if not kids:
        return False
    det = [c for c in kids if c.dep_ in ("det", "poss")]
    if len(det) != 1 or det[0].lower_ not in ("the", "this", "that", "his", "her", "its"):
        return False
    # "the short-lived revolt" is the revolt, and "the cultivation system" in an article on the Cultivation
    # System; "the first revolt", "the Polish revolt" are others
    return all(c.dep_ in ("det", "poss", "case")
               or c.dep_ == "amod" and c.pos_ in ("ADJ", "VERB") and c.lower_ not in lexicon.OTHER_ADJECTIVES
               and all(w.text.islower() or w.text == "-" for w in c.subtree)
               or c.dep_ == "compound" and c.lower_ in own_words and t.text.islower()  # "the Macartney Mission": a name
               for c in kids)


def event_name(article: Article) -> str:
    """"Kirov Assassination" -> "the Kirov assassination" when the title names one event; "" otherwise.
    A title without a word for an event ("Sicilian Vespers") names one when the article's first sentence
    says it is one ("The Sicilian Vespers was a successful rebellion ...").

    Words the article itself writes in lower case are lowered, so proper names ("Gunpowder Plot")
    keep their capitals.
    """
    words = re.sub(r"\s*\([^)]*\)$", "", article.title).split()  # "Sakuradamon Incident (1860)"
    if not words:
        return ""
    heads = [w.lower() for w in (words[-1], words[0])]
    if not any(h in lexicon.SUBJECT_HEADS for h in heads) and not defined_kind(article) and not title_head(article):
        return ""
    body = " ".join(b.paragraph for b in article.blocks)
    out = []
    for w in words:
        low = w.lower()
        lowered_in_text = re.search(rf"\b{re.escape(low)}\b", body) and not re.search(rf"\b{re.escape(w)}\b", body)
        out.append(low if w[:1].isupper() and lowered_in_text else w)
    name = " ".join(out)
    # "Tacky's Revolt" takes no article before it
    return name if name.lower().startswith("the ") or re.search(r"['’]s\b", name) else "the " + name


def title_head(article: Article) -> str:
    """The noun a title is built on when it names a document, a body or a policy: "Edict of Nantes" -> "edict",
    "Alipore bomb case" -> "case"; "" for any other title."""
    words = re.sub(r"\s*\([^)]*\)$", "", article.title).lower().split()
    head = words[words.index("of") - 1] if "of" in words[1:] else (words[-1] if words else "")
    return head if head in lexicon.SUBJECT_NOUNS else ""


def defined_kind(article: Article) -> str:
    """The kind of event the article's opening sentence says its subject was: "The Sicilian Vespers was a
    successful rebellion ..." -> "rebellion"; "" when it says no such thing."""
    if not article.blocks:
        return ""
    first = re.sub(r"\s*\([^)]*\)", "", article.blocks[0].paragraph)  # asides: other names, translations
    first = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    title = re.escape(article.title.split(" (")[0])
    m = re.match(rf"^(?:The\s+)?{title}\b[^.;]*?\b(?:was|is|were|are)\s+(?:a|an|the)\s+((?:[\w'-]+\s+){{0,6}}?)"
                 rf"({'|'.join(sorted(lexicon.SUBJECT_HEADS, key=len, reverse=True))})\b", first, re.IGNORECASE)
    return m.group(2).lower() if m else ""
