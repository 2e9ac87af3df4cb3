"""Question templates: each turns the facts of one article into candidate questions.

Registered in `TEMPLATES` (name -> function), so adding a template is one function and one line.
Every candidate keeps the sentence it comes from; ranking decides which survive.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Span

from quizgen.extract import lexicon
from quizgen.extract.context import ArticleContext
from quizgen.extract.dates import misparsed_subordinate
from quizgen.extract.entities import short_name
from quizgen.extract.phrases import bracketed_asides, phrase_ids, subject_of, subtree_ids
from quizgen.models import CausalLink, DateFact, Entity, Facts, Provenance
from quizgen.questions.distractors import Pool, _ymd, choose
from quizgen.questions.draft import BLANK, MAX_TYPED_WORDS, Draft, capitalize, inline, norm
from quizgen.questions.events import cause_key, is_event_phrase
from quizgen.questions.rank import VAGUE
from quizgen.questions.wh import clause_verb, wh_question
from quizgen.questions.wording import DEICTIC, PERSONAL_PRONOUNS, content_words, drop_leading_connective
from quizgen.vocabulary import DATE_KINDS, Format

VERB_STARTS = {"had", "was", "were", "led", "became", "served", "won", "lost", "took", "made", "gave", "ruled", "wrote",
               "fought", "held", "built", "founded", "commanded", "saw", "sought", "ran", "met", "left"}
LINKING_WORDS = {"in", "at", "of", "near", "the", "now", "then", "formerly", "later", "today"}
Template = Callable[[ArticleContext, Facts, Pool], Iterable[Draft]]

WH_FOR = {"person": "Who", "place": "Where", "organization": "Which organization", "date": "When"}
MAX_SENTENCE_WORDS = 64


def too_long(sent: Span, limit: int = MAX_SENTENCE_WORDS) -> bool:
    return len(sent.text.split()) > limit  # words as written: cheap, and a stray comma does not matter here


# -- finding a fact again in the parse --------------------------------------------------------------

ASIDE_PUNCT = {",", ";", "—", "–", "-", ":"}


def focus_drops(sent: Span, keep: Span) -> set[int] | None:
    """What a statement about `keep` leaves out of its sentence: other clauses joined to it, clauses
    set before or after it ("Sparked by an incident in Palermo, ..."), and asides (appositives,
    comma-set relative clauses, brackets) that `keep` is not in. None when `keep` stands in a clause that
    cannot stand alone, so the whole sentence is used."""
    doc = sent.doc
    keep_ids = {t.i for t in keep}
    head = keep.root
    while head.i != sent.root.i and not (head.dep_ == "conj" and head.pos_ in ("VERB", "AUX")
                                          and any(c.dep_.startswith("nsubj") for c in head.children)):
        head = head.head
    drop: set[int] = set(t.i for t in sent) - subtree_ids(head)

    def with_commas(ids: set[int]) -> set[int]:
        """A clause taken out takes the comma or semicolon that joined it."""
        lo, hi = min(ids), max(ids)
        near = [i for i in (lo - 1, hi + 1) if sent.start <= i < sent.end and doc[i].text in (",", ";", "—", "–")]
        return ids | set(near[:1])

    for c in head.children:
        ids = subtree_ids(c)
        if ids & keep_ids:
            continue
        own_clause = c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(g.dep_.startswith("nsubj") for g in c.children)
        # a clause before the subject sets the scene ("Sparked by an incident in Palermo, ..."); one after the
        # verb often carries the meaning ("... embarked on the plot after hopes of tolerance had faded")
        subject = next((g for g in head.children if g.dep_.startswith("nsubj")), None)
        fronted = c.dep_ == "advcl" and subject is not None and max(ids) < subject.left_edge.i
        if fronted or c.dep_ == "parataxis" or own_clause:
            drop |= with_commas(ids)
            if own_clause:
                drop |= {g.i for g in head.children if g.dep_ in ("cc", "punct") and head.i < g.i < c.i}
        elif c.dep_ == "cc" and c.i < head.i and c.i == head.left_edge.i:
            drop |= ids
    for t in sent:
        if t.i in drop or t.dep_ not in ("appos", "relcl", "acl"):
            continue
        ids = subtree_ids(t)
        before = doc[t.left_edge.i - 1] if t.left_edge.i > sent.start else None
        after = doc[t.right_edge.i + 1] if t.right_edge.i + 1 < sent.end else None
        nxt = doc[after.i + 1] if after is not None and after.i + 1 < sent.end else None
        if ids & keep_ids or before is None or before.text not in (",", "—", "–"):
            continue
        if after is not None and after.text == "," and nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ in (
                "and", "or")):
            continue  # "Mir Qasim, the Nawab of Bengal, Balwant Singh ...": a list of names with their titles
        if after is None or after.text in (".", "!", "?"):
            drop |= ids | {before.i}
        elif after.text in (",", "—", "–", ")") and after.text == before.text:
            drop |= ids | {before.i, after.i}  # "Kirov, a veteran organizer, was": both commas go
    drop |= bracketed_asides(sent, keep_ids)
    # punctuation left at either end, or doubled
    kept = [t for t in sent if t.i not in drop]
    for k, t in enumerate(kept):
        if t.text in ASIDE_PUNCT and t.i not in keep_ids and (
                k == 0 or k == len(kept) - 1 or kept[k + 1].text in ASIDE_PUNCT | {".", ")"}):
            drop.add(t.i)
    subj = next((c for c in head.children if c.dep_.startswith("nsubj")), None)
    if subj is None or subj.i in drop or drop & keep_ids or misparsed_subordinate(head):
        return None
    if sum(1 for t in sent if t.i not in drop and not t.is_punct) < 6:
        return None
    return drop if _set_off(sent, drop) else None


def _set_off(sent: Span, drop: set[int]) -> bool:
    """Whether every piece cut from inside the sentence was set off by punctuation on both sides: a cut
    mid-clause (", which was believed" out of "..., which was believed by the Boers to be ...") leaves
    words that no longer parse, so the whole sentence is better."""
    doc, i = sent.doc, sent.start
    while i < sent.end:
        if i not in drop:
            i += 1
            continue
        j = i
        while j + 1 < sent.end and j + 1 in drop:
            j += 1
        inside = i > sent.start and j + 1 < sent.end and not doc[j + 1].is_punct
        if inside and not ((doc[i].is_punct or doc[i - 1].is_punct) and (doc[j].is_punct or doc[j + 1].is_punct)):
            return False
        i = j + 1
    return True


def sentence_replacements(ctx: ArticleContext, sent: Span) -> dict[int, str]:
    """What makes the sentence read alone, worked out once per sentence: its subject named where it points
    back ("The killing", "He"), and a bare reference to the article's event by the event's name."""
    key = ("reps", id(sent.doc), sent.start)
    if key in ctx.memo:
        return ctx.memo[key]
    reps: dict[int, str] = {}
    subj = subject_of(sent.root)
    if subj is not None:
        ids = subtree_ids(subj)
        reps = {k: v for k, v in ctx.replacements(subj).items() if k in ids}
        if subj.i in ids and ctx.is_event_reference(subj):
            reps = ctx.named_event(subj)
    # "the initial engagements of the war" in an article on that war: the war by its name
    for t in sent:
        if t.i not in reps and ctx.is_event_reference(t) and not subtree_ids(t) & set(reps):
            reps |= ctx.named_event(t)
    ctx.memo[key] = reps
    return reps


def readable_sentence(ctx: ArticleContext, sent: Span, blank: Span | None = None, keep_the: bool = False,
                      focus: Span | None = None) -> str:
    """The sentence as it reads alone: a subject that points back ("The killing", "his death", "He")
    names what it means; `blank` is replaced by a gap for a cloze; with `focus`, only the clause that
    holds it, without other clauses and asides."""
    reps = dict(sentence_replacements(ctx, sent))
    if blank is not None:
        toks = [t for t in blank if t.tag_ != "POS" and t.text not in ("'s", "’s") and not (t.i == blank.start and t.lower_ == "the" and not keep_the)]
        if not toks or any(t.i in reps for t in toks):
            return ""
        reps |= {t.i: "" for t in toks} | {toks[0].i: BLANK}
    if focus is not None:
        drops = focus_drops(sent, focus)
        if drops is None:
            return ""
        reps |= {i: "" for i in drops}
        first = next((t for t in sent if reps.get(t.i) != ""), None)
        if first is not None and first.i != sent.start and reps.get(first.i, first.text)[:1].islower() \
                and first.pos_ != "PROPN":
            reps[first.i] = capitalize(reps.get(first.i, first.text))
    toks = list(sent)
    out = []
    for k, t in enumerate(toks):
        piece = reps.get(t.i, t.text)
        if piece == "":
            continue
        j = k  # a replacement takes the spacing after the last word it stands for
        while j + 1 < len(toks) and reps.get(toks[j + 1].i) == "":
            j += 1
        out.append(piece + toks[j].whitespace_)
    text = drop_leading_connective("".join(out).strip()).rstrip(" ,;:")
    # a clause cut from a longer sentence ends as the sentence did
    return text + "." if text and text[-1] not in ".!?\"'”’)" else text


NAMED = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW"}


def _draft(template: str, fmt: str, topic: str, prompt: str, answer: str, where: Provenance, key: str, **kw) -> Draft:
    return Draft(template, fmt, topic, prompt, answer, where.sentence, where.section, key, position=where.start, **kw)


def with_choices(d: Draft, pool: Pool) -> Draft | None:
    """The multiple-choice form of a draft, or None without three good wrong answers."""
    wrong = choose(d, pool)
    if len(wrong) < 3 or not isinstance(d.answer, str):
        return None
    options = [d.answer, *wrong]
    shuffle(options, d.template + d.key)
    return Draft(**{**d.__dict__, "format": Format.MULTIPLE_CHOICE, "template": d.template + "_mc", "choices": tuple(options),
                    "features": {**d.features, "distractors_local": local_share(d, wrong, pool)}})


def local_share(d: Draft, wrong: list[str], pool: Pool) -> float:
    """How many wrong answers come from the article or its deck (dates near the answer count too)."""
    if d.kind == "date":
        return 1.0
    return sum(1 for w in wrong if norm(w) in pool.deck_text) / len(wrong)


def shuffle(items: list, seed: str) -> None:
    """A fixed order for the same question on every run."""
    items.sort(key=lambda x: hashlib.sha1((seed + "\x1f" + str(x)).encode()).hexdigest())


# -- dates ---------------------------------------------------------------------------------------

BOUND_PREPOSITIONS = {"until", "till", "by", "before", "after", "since", "from", "through", "throughout", "between"}


def date_kind(d: DateFact) -> str:
    """"year", or "years" for a span of them ("291 to 306 AD"), "month and year", "date", "decade", "century"."""
    if d.precision == "year" and d.start[:-6] != d.end[:-6]:
        return "years"
    return DATE_KINDS[d.precision]


def date_questions(ctx: ArticleContext, facts: Facts, pool: Pool) -> Iterator[Draft]:
    for d in facts.dates:
        span = ctx.span_at(d.where)
        if span is None or too_long(span.sent) or d.event.startswith(("birth of", "death of")):
            continue  # a life's dates in brackets are trivia
        key = f"{norm(d.text)}|{norm(d.where.sentence)}"
        keep_the = d.text.lower().startswith("the ")
        cloze = (readable_sentence(ctx, span.sent, blank=span, keep_the=keep_the, focus=span) or
                 readable_sentence(ctx, span.sent, blank=span, keep_the=keep_the))
        if cloze:
            # "in Southampton County in _____": a place fits "in _____" as well as a year; the kind of date says which
            cloze = re.sub(rf"\b([Ii]n) {re.escape(BLANK)}", rf"\1 {BLANK} ({date_kind(d)})", cloze, count=1)
            yield _draft("date_cloze", Format.CLOZE, "date", cloze, d.text, d.where, key, kind="date")
        verb = clause_verb(span)
        # "continued until the 1850s", "by 1930 had split": a bound, not the time the thing happened
        bound = span.root.head.lower_ in BOUND_PREPOSITIONS and span.root.dep_ == "pobj"
        if verb is not None and span.root.dep_ not in ("dobj", "attr", "nsubj") and not misparsed_subordinate(verb) \
                and not bound:
            q = wh_question(ctx, verb, phrase_ids(span, verb), "When")
            if q:
                # "209 BC and 206 BC" answers "When ...?" only as the span it is: "between 209 BC and 206 BC"
                answer = f"between {d.text}" if f"between {d.text}".lower() in d.where.sentence.lower() else d.text
                sa = _draft("date_when", Format.SHORT_ANSWER, "date", q, answer, d.where, key, kind="date")
                yield sa
                mc = with_choices(sa, pool)
                if mc:
                    yield mc


# -- people, places, organizations --------------------------------------------------------------------

def mention_text(span: Span) -> tuple[str, int, int]:
    """The name as written, without a possessive ending, with its offsets in the sentence."""
    toks = [t for t in span if t.tag_ != "POS" and t.text not in ("'s", "’s")]
    if toks and toks[0].lower_ == "the":
        toks = toks[1:]
    if not toks:
        return "", 0, 0
    start, end = toks[0].idx - span.sent.start_char, toks[-1].idx + len(toks[-1].text) - span.sent.start_char
    return span.doc[toks[0].i: toks[-1].i + 1].text, start, end  # not doc.text: it is rebuilt on every call


def entity_questions(ctx: ArticleContext, facts: Facts, pool: Pool) -> Iterator[Draft]:
    for e in facts.entities():
        same_sentence: dict[str, set[str]] = {}
        for m in e.mentions:
            span = ctx.span_at(m)
            if span is None or too_long(span.sent):
                continue
            answer, a, b = mention_text(span)
            if not answer or inside_name(span) or trivia_slot(span):
                continue
            others = same_sentence.setdefault(m.sentence, {norm(n) for x in facts.entities() for n in x.names
                                                           if x.kind == e.kind and x is not e and norm(n) in norm(m.sentence)})
            also = frozenset(others | {norm(n) for n in e.names} | (linked_places(facts, e) if e.kind == "place" else set()))
            key = f"{norm(answer)}|{norm(m.sentence)}"
            cloze = (readable_sentence(ctx, span.sent, blank=span, focus=span) or
                     readable_sentence(ctx, span.sent, blank=span))
            if cloze:
                yield _draft(f"{e.kind}_cloze", Format.CLOZE, e.kind, cloze, answer, m, key,
                             kind=e.kind, also_true=also, features={"mentions": len(e.mentions)})
            q = entity_wh(ctx, e, span)
            if q:
                sa = _draft(f"{e.kind}_wh", Format.SHORT_ANSWER, e.kind, q, answer, m, key, kind=e.kind, also_true=also,
                            features={"mentions": len(e.mentions)})
                yield sa
                mc = with_choices(sa, pool)
                if mc:
                    yield mc
        if e.kind == "person" and e.description:
            yield from described_person(e, facts, pool)


def linked_places(facts: Facts, place: Entity) -> set[str]:
    """Places that may hold the answer or be held by it, so are right as well: names the article sets
    next to it ("the Smolny Institute in Leningrad (now Saint Petersburg)") and whole states."""
    out: set[str] = set()
    spans = sorted(((m.start, m.end, e) for e in facts.places for m in e.mentions), key=lambda x: x[0])
    text = facts.article.text
    for (_, e1, a), (s2, _, b) in zip(spans, spans[1:], strict=False):
        gap = text[e1:s2].lower()
        if a is not b and place in (a, b) and s2 - e1 < 25 and set(re.findall(r"[a-z]+", gap)) <= LINKING_WORDS:
            out |= {norm(n) for n in (b if a is place else a).names}
    if not is_polity(place.name):
        out |= {norm(n) for e in facts.places if is_polity(e.name) for n in e.names}
    return out


def is_polity(name: str) -> bool:
    return name.split()[-1].lower() in lexicon.POLITY_NOUNS


MODERN_WORDS = {"present-day", "modern-day", "modern", "today", "today's", "now", "formerly", "present"}
NAMING_WORDS = {"known", "called", "named", "spelled", "spelt", "romanized", "romanised", "translated", "styled",
                "nicknamed", "dubbed", "termed", "renamed"}


def trivia_slot(span: Span) -> bool:
    """A name a teacher would not ask for: one item of a list of three or more ("the Blues, the Greens, the
    Reds and the Whites"), or another name of something ("also known as ...", "spelled ...")."""
    root = span.root
    items = [root, *[t for t in root.conjuncts]]
    if len(items) >= 3:
        return True
    before = span.doc[max(span.sent.start, span.start - 2): span.start]
    if any(t.lower_ in MODERN_WORDS for t in before):
        return True  # "in present-day Haryana": a modern name, not the history
    head = root.head
    for t in [root, *root.ancestors][:4]:
        if t.lower_ in NAMING_WORDS or t.lemma_.lower() in NAMING_WORDS:
            return True
    return head.dep_ == "prep" and head.lower_ == "as" and head.head.lemma_.lower() in NAMING_WORDS


def is_named_body(name: str) -> bool:
    """"East India Company", "NKVD": a name that says it is a body of people."""
    last = name.split()[-1]
    return last.lower() in lexicon.ORGANIZATION_NOUNS or (last.isupper() and len(last) >= 2)


def inside_name(span: Span) -> bool:
    """"Woodstock" in "Thomas of Woodstock", "London" in "the Tower of London", "Romance" in "Romance of
    the Three Kingdoms": asking for it would ask for a piece of another name."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text in ("-", "–", "—") and doc[span.end + 1].text[:1].isupper() \
            and not doc[span.end].whitespace_:
        return True  # "Kapp" in "Kapp–Lüttwitz Putsch", "Martini" in "Martini–Henry"
    if span.start >= 2 and doc[span.start - 1].text in ("-", "–", "—") and not doc[span.start - 2].whitespace_ \
            and doc[span.start - 2].text[:1].isupper():
        return True  # "Henry" in "Martini–Henry"
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and (
            doc[span.end + 1].text[:1].isupper() or doc[span.end + 1].lower_ == "the" and span.end + 2 < len(doc)
            and doc[span.end + 2].text[:1].isupper()):
        return True
    if span.start >= 1 and doc[span.start - 1].text[:1].isupper() and doc[span.start - 1].i != doc[span.start - 1].sent.start \
            and doc[span.start - 1].pos_ == "PROPN" and doc[span.start - 1].lower_ not in lexicon.HONORIFICS:
        return True  # "East Germany" keyed as "Germany"
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].text[:1].isupper() \
        and doc[span.start - 2].lower_ not in lexicon.HONORIFICS and doc[span.start - 2].i != doc[span.start - 2].sent.start


def entity_wh(ctx: ArticleContext, e: Entity, span: Span) -> str | None:
    root = span.root
    verb = clause_verb(span)
    if verb is None:
        return None
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.i == verb.i:
        # "Which place executed ...?", "Which organization ruled ...?" read wrong for a country, a people or a
        # dynasty: only people, and bodies whose names say they are bodies, are asked about as subjects
        if e.kind == "place" or e.kind == "organization" and not is_named_body(e.name):
            return None
        wh = {"person": "Who", "organization": "Which organization"}[e.kind]
        return wh_question(ctx, verb, subtree_ids(root), wh)
    if e.kind == "person" and root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.i == verb.i:
        # "X was shot by Y" -> "By whom was X shot?": the passive kept, so no verb form has to be made
        return wh_question(ctx, verb, subtree_ids(root.head), "By whom")
    if e.kind == "place" and root.dep_ == "pobj" and root.head.lower_ in lexicon.LOCATIVE_PREPOSITIONS:
        ids = phrase_ids(span, verb)
        # every place phrase of the verb goes, so the question has one right answer
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in lexicon.LOCATIVE_PREPOSITIONS and any(
                    t.ent_type_ in ("GPE", "LOC", "FAC", "ORG") for t in c.subtree):
                ids |= subtree_ids(c)
        return wh_question(ctx, verb, ids, "Where") if ids else None
    return None


def described_person(e: Entity, facts: Facts, pool: Pool) -> Iterator[Draft]:
    """"Who was a veteran Bolshevik organizer ...?" from the description the article gives."""
    desc = e.description
    first, _, rest = desc.partition(" ")
    if first.lower() in ("who", "that"):
        desc, first = rest, rest.split(" ", 1)[0]
    if not desc:
        return
    # a verb phrase ("led the central authorities ...") or a noun phrase ("heir to the throne")
    if len(desc.split()) < 4 and not any(w[:1].isupper() for w in desc.split()[1:]):
        return  # "Who was the Ottoman leader?": a bare office has many holders
    prompt = f"Who {desc}?" if first.lower() in VERB_STARTS or first.endswith("ed") else f"Who was {desc}?"
    where = e.described_at or (e.mentions[0] if e.mentions else None) or Provenance("See also", f"See also {e.name}: {e.description}.", 0, 0, 0)
    d = _draft("person_described", Format.SHORT_ANSWER, "person", prompt, e.name, where, f"{norm(e.name)}|{norm(desc)}",
               kind="person", also_true=frozenset(norm(n) for n in e.names), features={"mentions": len(e.mentions)})
    mc = with_choices(d, pool)
    yield mc or d


# -- cause and effect -----------------------------------------------------------------------------------

# cues that read after "what happened" with the cause stated before the question
CLAUSE_CUES = {"as a result", "in response", "in retaliation", "as a consequence", "consequently", "in turn"}
# cues that take the cause as their object: "what happened in the wake of the partition?"
PHRASE_CUES = {"in the wake of": "in the wake of", "in the aftermath of": "in the aftermath of",
               "as a result of": "as a result of", "because of": "because of", "due to": "because of",
               "owing to": "because of", "in response to": "in response to", "as a consequence of": "as a result of",
               "after": "after", "following": "after"}
IRREGULAR_PAST = {"led", "brought", "drove", "made", "set", "gave", "took", "forced", "began", "left", "won", "lost",
                  "undertook", "sparked", "spurred", "caused", "triggered", "provoked", "prompted", "ended", "ruined"}
# verbs whose object is what their subject brought about ("X led to Y": Y is a consequence of X)
RESULT_VERBS = {"cause", "lead", "result", "trigger", "spark", "provoke", "prompt", "bring", "produce", "contribute",
                "give", "precipitate", "set", "stir", "fuel", "unleash", "touch", "ignite", "generate", "create",
                "occasion", "engender", "spur"}
# a verb with its particle or phrase, as it reads after "What did X ...?": "lead to", "set in motion"
_VERB = re.compile(r"^(?!(?:have|has|had|be|is|was|do|does|did)\b)[a-z]+"
                   r"(?: (?:to|in|into|on|for|about|off|out|up|down|rise to|in motion|an end to|the way for))?$")


def readable_link(link: CausalLink) -> bool:
    """A link whose sides can stand in a question: no side that only points elsewhere ("its hold",
    "This action"), no side that is one bare word."""
    for side in (link.cause, link.effect):
        first = side.split(" ", 1)[0].lower()
        if first in PRONOUN_STARTS or len(side.split()) < 2 and not side[:1].isupper():
            return False
    return True


PRONOUN_STARTS = {"its", "his", "her", "their", "it", "they", "this", "these", "those", "that", "he", "she", "them"}


def past_cue(cue: str) -> bool:
    """"led to", "resulted in": a cue that reads in "what <cue> X?"; not "resulting in" or "had effects"."""
    first = cue.split(" ", 1)[0]
    return len(cue.split()) <= 3 and (first in IRREGULAR_PAST or first.endswith("ed")) and first not in ("had", "was")


def causal_questions(ctx: ArticleContext, facts: Facts, pool: Pool) -> Iterator[Draft]:
    for link in facts.causal_links:
        if not readable_link(link):
            continue
        same_cause = frozenset(norm(x.effect) for x in facts.causal_links
                               if cause_key(x.cause, facts) == cause_key(link.cause, facts))
        same_effect = frozenset(norm(x.cause) for x in facts.causal_links if norm(x.effect) == norm(link.effect))
        key = f"{norm(link.cause)}|{norm(link.effect)}"
        cause, effect = inline(link.cause), inline(link.effect)
        w = link.where
        typed = len(effect.split()) <= MAX_TYPED_WORDS
        if link.kind in ("after", "passive"):
            # "Why did the plebeians secede?": the effect's own clause asked, its cause the answer
            yield from _why("why_effect", why_of_effect(ctx, link), link, key, same_effect, pool)
        if link.kind == "verb" and _VERB.match(link.verb or "") and link.verb.split()[0] not in ("have", "be"):
            do = "did" if link.past else "does"
            asked = _draft("effect_of", Format.SHORT_ANSWER, "effect", f"What {do} {cause} {link.verb}?", effect, w, key,
                           kind="effect", also_true=same_cause)
            yield from _mc_or_typed(asked, pool, typed)
            # "what set this in motion?" answered by the article's own title teaches nothing
            if not is_event_phrase(link.cause, facts) and past_cue(link.cue):
                yield from _optional_mc(_draft("cause_of", Format.SHORT_ANSWER, "cause",
                                               f"According to the article, what {link.cue} {effect}?", link.cause, w,
                                               key, kind="cause", also_true=same_effect), pool)
        elif link.kind == "result" and _VERB.match(link.verb or ""):
            asked = _draft("result_of", Format.SHORT_ANSWER, "effect",
                           f"According to the article, what was the {link.verb} of {cause}?", effect, w, key,
                           kind="effect", also_true=same_cause)
            yield from _mc_or_typed(asked, pool, typed)
        elif link.kind == "after":
            if clause_cause(link) and link.cue in CLAUSE_CUES:  # "X happened. As a result, Y."
                prompt = f"{capitalize(link.cause)}. According to the article, what happened {link.cue}?"
            elif not clause_cause(link) and link.cue in PHRASE_CUES:
                prompt = f"According to the article, what happened {PHRASE_CUES[link.cue]} {cause}?"
            else:
                continue
            asked = _draft("after", Format.SHORT_ANSWER, "effect", prompt, effect, w, key, kind="effect", also_true=same_cause)
            yield from _mc_or_typed(asked, pool, typed)
        elif link.kind in ("because", "reason"):
            yield from _why("why", why_question(ctx, link), link, key, same_effect, pool)
        if link.kind in ("because", "reason"):
            continue  # the why question asks for their cause, itself a clause
        if clause_cause(link) and link.cue not in CLAUSE_CUES:
            continue
        if link.kind == "verb" and (link.verb or "").split(" ")[0] not in RESULT_VERBS:
            continue  # "X ended the monarchy": the monarchy is no consequence of X, its end is
        # "a consequence of the new government abolished the domains" reads wrong: a clause goes first
        asked_text = (f"{capitalize(link.cause)}. According to the article, which was a consequence?"
                      if clause_cause(link) else f"According to the article, which was a consequence of {cause}?")
        yield from _only_mc(_draft("consequence", Format.SHORT_ANSWER, "effect", asked_text, effect, w,
                                   key, kind="effect", also_true=same_cause), pool)


def _why(template: str, q: str | None, link: CausalLink, key: str, same_effect: frozenset[str],
         pool: Pool) -> Iterator[Draft]:
    """A "Why ...?" question answered by the link's cause: typed when short, else chosen from options."""
    if q:
        asked = _draft(template, Format.SHORT_ANSWER, "cause", q, link.cause, link.where, key, kind="cause",
                       also_true=same_effect)
        yield from _mc_or_typed(asked, pool, len(link.cause.split()) <= MAX_TYPED_WORDS)


def _only_mc(d: Draft, pool: Pool) -> Iterator[Draft]:
    mc = with_choices(d, pool)
    if mc:
        yield mc


def _mc_or_typed(d: Draft, pool: Pool, typed: bool) -> Iterator[Draft]:
    """A short answer is typed; a long one is chosen from options, or, with too few other effects or causes in
    the article to offer, still asked (the learner then marks it against the article's words)."""
    if typed:
        yield d
        return
    mc = with_choices(d, pool)
    yield mc or d


def clause_cause(link: CausalLink) -> bool:
    """Whether the cause is a whole clause ("because ...", or the sentence before "As a result, ..."),
    not a noun phrase ("the partition", "the aftermath" of the article's event)."""
    if link.kind in ("because", "reason"):
        return True
    return link.kind == "after" and not link.cue.endswith((" of", " to", "aftermath", "wake"))


def _optional_mc(d: Draft, pool: Pool) -> Iterator[Draft]:
    mc = with_choices(d, pool)
    yield mc or d


# cues of time, not of cause, and cues whose "why" the article's clause does not answer by itself
NOT_WHY_CUES = {"after", "following", "when", "upon", "on", "with", "amid", "amidst", "so that", "thanks to",
                "in the aftermath", "in the aftermath of", "in the wake of", "at the instigation of", "at the behest of",
                "on the orders of"}


def why_of_effect(ctx: ArticleContext, link: CausalLink) -> str | None:
    """"As a result, the plebeians seceded" -> "Why did the plebeians secede?"; "The raid was in retaliation for
    X" -> "Why was the raid ...?" is not asked (a copula says nothing to ask why of); "The crisis was triggered
    by X" -> "Why was the crisis triggered?" is not asked either: only a clause whose verb tells what someone did
    or what happened, with the cue's words taken out."""
    cue = ctx.token_at(link.anchor)
    if cue is None or link.cue in NOT_WHY_CUES or not link.cause or link.cause[:1].islower() and \
            link.cause.split()[0].endswith("ing"):
        return None
    if cue.pos_ in ("VERB", "AUX") and link.kind == "passive":
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        if agent is None or cue.lemma_ not in lexicon.FEELING_CAUSES:
            return None  # "Why was the crisis triggered?" reads as a riddle; "Why were the members angered?" not
        verb, drop = cue, subtree_ids(agent)
    elif cue.pos_ in ("VERB", "AUX"):
        return None  # ", upsetting the British": the cue is the effect's own verb, no clause is left to ask
    else:
        top = cue
        while top.head.i != top.i and top.head.pos_ not in ("VERB", "AUX"):
            top = top.head
        verb, drop = top.head, subtree_ids(top)
    if verb.lemma_ == "be" or verb.i in drop or verb.tag_ == "VBG" or verb.dep_ in ("aux", "auxpass") or any(
            c.dep_ == "aux" and c.lemma_ == "go" for c in verb.children):
        return None
    q = wh_question(ctx, verb, drop, "Why")
    # the question must not say its answer: "Why did China publish the demands? China published the demands"
    if q is None or len(q.split()) < 4 or content_words(link.cause) and \
            len(content_words(link.cause) & content_words(q)) * 2 > len(content_words(link.cause)):
        return None
    return q


def why_question(ctx: ArticleContext, link: CausalLink) -> str | None:
    cue = ctx.token_at(link.anchor)
    if cue is None:
        return None
    if link.kind == "because":  # "X is controversial because Y": the clause of X without Y
        sub = cue.head
        return wh_question(ctx, sub.head, subtree_ids(sub), "Why")
    verb = cue.head  # "arrested ... for loitering"
    ids = subtree_ids(cue)
    hedge = [c for c in verb.children if c.dep_ == "advmod" and c.i == cue.left_edge.i - 1]
    for h in hedge:
        ids |= subtree_ids(h)
    return wh_question(ctx, verb, ids, "Why")


# -- what was done -----------------------------------------------------------------------------------------

MAX_OBJECT_WORDS = 5


def object_questions(ctx: ArticleContext, facts: Facts, pool: Pool) -> Iterator[Draft]:
    """"Germany began levying head taxes in 1898" -> "What did Germany begin levying in 1898?" (head taxes):
    what a named actor did, asked of the thing done, where that is a short common noun phrase rather than a
    name or a date (those have questions of their own)."""
    for para, sent in ctx.sentences():
        if too_long(sent) or misparsed_subordinate(sent.root):
            continue
        for verb in sent:
            if verb.pos_ != "VERB" or verb.dep_ not in ("ROOT", "conj", "xcomp"):
                continue
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None or obj.pos_ != "NOUN":
                continue
            if any(t.dep_ == "poss" or t.tag_ == "POS" for t in obj.subtree):
                continue  # "Kirov's security": whose it is would be left behind the gap
            toks = [t for t in obj.subtree if not (t.i == obj.left_edge.i and t.dep_ == "det")]
            # "took place", "gave rise", "opened fire": a lone noun is mostly part of a phrase, not a thing done
            if not 2 <= len(toks) <= MAX_OBJECT_WORDS or any(t.ent_type_ or t.pos_ in ("PRON", "PROPN", "NUM")
                                                              or t.is_punct for t in toks):
                continue
            subj = subject_of(verb if verb.dep_ != "xcomp" else verb.head)
            if subj is None or subj.pos_ == "PRON":
                continue
            named = ctx.is_event_reference(subj) or any(t.pos_ == "PROPN" or t.ent_type_ in NAMED for t in subj.subtree)
            span = sent.doc[toks[0].i: toks[-1].i + 1]
            answer = span.text
            where = ctx.where(span, para)
            key = f"{norm(answer)}|{norm(sent.text)}"
            # a subject the sentence does not name ("The rebels") leaves the question without its actor
            cloze = (readable_sentence(ctx, sent, blank=span, focus=span) or
                     readable_sentence(ctx, sent, blank=span))
            if cloze and named:
                yield _draft("object_cloze", Format.CLOZE, "event", cloze, answer, where, key, kind="event")
            if not named:
                continue
            # "began levying head taxes": the question is asked of the verb that the infinitive completes
            asked = verb.head if verb.dep_ == "xcomp" else verb
            q = wh_question(ctx, asked, {t.i for t in obj.subtree}, "What")
            if q:
                yield _draft("object_what", Format.SHORT_ANSWER, "event", q, answer, where, key, kind="event")


# -- true or false ----------------------------------------------------------------------------------------

def true_false(ctx: ArticleContext, facts: Facts, pool: Pool) -> Iterator[Draft]:
    """A short statement from the text, true as written or made false by one swapped value of the same
    kind that the article itself gives elsewhere (another of its dates or people), so the false version
    is plausible and really false."""
    seen: set[str] = set()
    anchors: list[tuple[str, Provenance, str]] = [("date", d.where, d.text) for d in facts.dates]
    for e in facts.entities():
        for m in e.mentions:
            anchors.append((e.kind, m, m.sentence[m.start - m.sentence_start: m.end - m.sentence_start]))
    for kind, where, written in anchors:
        if where.sentence in seen:
            continue
        span = ctx.span_at(where)
        if span is not None and in_brackets(span):
            continue  # "(September 1908; Jön Türk Devrimi)": an aside, not the statement's fact
        if span is None or too_long(span.sent, MAX_STATEMENT_WORDS) or misparsed_subordinate(span.sent.root):
            continue  # "Whereas the armies were estimated ...": a clause that cannot stand as a statement
        statement = readable_sentence(ctx, span.sent, focus=span) or readable_sentence(ctx, span.sent)
        seen.add(where.sentence)
        key = f"{norm(statement)}"
        make_false = int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 1
        # made false only by a date: a person swapped in was often involved all the same, or absurd in the
        # place ("St Scholastica Day sent judges"); blind raters accepted 24-50 % of those, 70 % of dates
        if make_false and kind == "date" and written in statement \
                and f"the {written.lower()}" not in statement.lower() and swappable(span):
            wrong = false_value(kind, written, where, facts, pool)
            if wrong:
                yield _draft(Format.TRUE_FALSE, Format.TRUE_FALSE, kind, statement.replace(written, wrong, 1), "False", where,
                             key, choices=("True", "False"), explanation=where.sentence)
                continue
        yield _draft(Format.TRUE_FALSE, Format.TRUE_FALSE, kind, statement, "True", where, key, choices=("True", "False"),
                     explanation=where.sentence)


MAX_STATEMENT_WORDS = 28
# "by 185 CE", "after 1142", "c. 1200": another date there may leave the statement true
LOOSE_DATE_WORDS = {"by", "before", "after", "until", "till", "since", "around", "about", "c.", "ca.", "circa",
                    "approximately", "early", "late", "mid", "following", "later", "earlier"}


def in_brackets(span: Span) -> bool:
    before = span.doc[span.sent.start: span.start].text
    return before.count("(") > before.count(")")


def swappable(span: Span) -> bool:
    """Whether another value in this place makes the statement false: not a date that is only a bound
    or a guess, not a name that qualifies a noun ("the Riario family") or follows a title."""
    doc = span.doc
    before = {t.lower_ for t in doc[max(span.sent.start, span.start - 2): span.start]}
    if span.label_ in ("DATE", "TIME") or any(t.like_num for t in span):
        return not before & LOOSE_DATE_WORDS and not (span.end < len(doc) and doc[span.end].text in ("-", "–"))
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.pos_ in ("NOUN", "PROPN") and after.tag_ != "POS":
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.text[:1].isupper() and prev.head.i == span.root.i and prev.lower_ not in ("the", "a"):
        return False  # "An Lushan" read as "Lushan": the word before belongs to the name
    return not (span.start > 0 and doc[span.start - 1].lower_ in lexicon.HONORIFICS | lexicon.PERSON_NOUNS)


def false_value(kind: str, written: str, where: Provenance, facts: Facts, pool: Pool) -> str | None:
    """A value that makes the statement false: another date of the same precision, or another person
    the article names (in the form the article uses for them alone when the statement has a short form),
    never one the sentence names."""
    if kind == "date":
        if " and " in written:
            return None  # "between 1699 and 1702": another date in its place would not read ("between 1701–1704")
        # the article's own dates, then near ones: a date from another article of the deck may be of another
        # era ("499 BC" for a Tang rebellion), false but absurd
        probe = Draft("tf", Format.TRUE_FALSE, kind, "", written, where.sentence, where.section, "", kind="date")
        # never a date the sentence gives elsewhere: "through the 17th and 17th centuries" is no statement
        numbers = set(re.findall(r"\d+", where.sentence))
        wrong = [w for w in choose(probe, Pool(facts, [], pool.text), n=3)
                 if f" {norm(w)} " not in f" {norm(where.sentence)} " and not set(re.findall(r"\d+", w)) <= numbers]
        return wrong[0] if wrong else None
    named = {norm(n) for x in facts.entities() if any(norm(m) in norm(where.sentence) for m in x.names)
             for n in x.names}
    short = len(written.split()) == 1
    people = sorted((p for p in facts.people if p.mentions and not any(norm(n) in named for n in p.names)),
                    key=lambda p: (-len(p.mentions), p.mentions[0].start))
    sentence_words = set(norm(where.sentence).split())
    for p in people:
        name = short_name(p.name, facts.article.text) if short else p.name
        # "Cortés was aided by Hernán Cortés": no part of the sentence's own names
        if short == (len(name.split()) == 1) and not set(norm(name).split()) & sentence_words:
            return name
    return None


# -- timeline ---------------------------------------------------------------------------------------------

Item = tuple[tuple[int, int, int], tuple[int, int, int], str, Provenance]
AFTERWARDS = (10_000, 12, 31)


def timeline(ctx: ArticleContext, facts: Facts, pool: Pool) -> Iterator[Draft]:
    """Order 3-5 events: dated ones whose intervals do not overlap, and an event the article says
    came after the article's own event ("in the wake of ...", "the result was ...")."""
    items: list[Item] = [(_ymd(d.start), _ymd(d.end), event_item(d.event), d.where) for d in facts.dates
                         if whole_event(event_item(d.event))]
    main = main_event_date(facts)
    if main is not None:
        y, m, dd = _ymd(main.end)
        after = (y, m, dd + 1)  # any day after the event's last day sorts after it
        items += [(after, AFTERWARDS, event_item(link.effect), link.where) for link in facts.causal_links
                  if link.kind in ("after", "result") and is_event_phrase(link.cause, facts)
                  and whole_event(event_item(link.effect))]
    chain = longest_chain(items)[:5]
    if len(chain) < 3:
        return
    events = tuple(c[2] for c in chain)
    shown = list(events)
    shuffle(shown, Format.TIMELINE + facts.article.title)
    if shown == list(events):
        shown = shown[1:] + shown[:1]
    where = chain[0][3]
    when = {d.where.start: d.text for d in facts.dates}
    yield Draft(Format.TIMELINE, Format.TIMELINE, "date", f"{facts.article.title}: put these events in the order they happened.",
                events, where.sentence, where.section, "|".join(norm(e) for e in events), choices=tuple(shown),
                explanation="; ".join(f"{c[2]} ({when.get(c[3].start, 'afterwards')})" for c in chain),
                position=where.start)


def event_item(text: str) -> str:
    """An event as an item to order or match: whole, capitalised, without a connective before it."""
    return capitalize(drop_leading_connective(text))


FRAGMENT_ENDS = {"in", "on", "at", "of", "by", "to", "and", "or", "but", "the", "a", "an", "from", "with", "for",
                 "late", "early", "mid", "between", "that", "which", "who"}


def whole_event(text: str) -> bool:
    """An item a learner can place without the article: a few words to a short sentence, that neither
    points elsewhere ("his", "the crowd", "this") nor stops in the middle ("... overthrow him in late")."""
    words = text.split()
    if not 3 <= len(words) <= 20 or problems_in(text) or VAGUE.search(text.lower()) or DEICTIC.search(text):
        return False
    if words[-1].lower().strip(",;:") in FRAGMENT_ENDS or text.count("(") != text.count(")") or text.count('"') % 2:
        return False
    first = words[0].lower()
    if first.endswith("ing") or first.endswith("ed") and len(words) > 1 and words[1][:1].islower():
        return False  # "Signed at Waitangi", "Framing the relations ...": a participle with no one doing it
    return not any(w.lower().strip(",.;:") in PERSONAL_PRONOUNS | {"it", "its", "they", "them", "their"} for w in words)


def longest_chain(items: list[Item]) -> list[Item]:
    """The most events that can be put in one certain order: each ends before the next begins."""
    items = sorted(items, key=lambda x: (x[0], x[1], x[2]))
    best: list[list[Item]] = []
    for k, it in enumerate(items):
        prev = [best[j] for j in range(k) if items[j][1] < it[0]]
        best.append(max(prev, key=len, default=[]) + [it])
    return max(best, key=len, default=[])


def problems_in(text: str) -> bool:
    return text.lower().split(" ", 1)[0] in ("it", "this", "these", "he", "she", "they", "his", "her", "its", "their")


def main_event_date(facts: Facts) -> DateFact | None:
    """The date of the event the article is about: the first whose clause names it."""
    if not facts.event:
        return None
    head = facts.event.split()[-1].lower()[:6]
    for d in facts.dates:
        if head and any(w.lower().startswith(head) for w in d.event.split()):
            return d
    return next((d for d in facts.dates if d.precision == "day"), None)


def distinct_years(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One event per date written, so that no date matches two events."""
    seen: set[str] = set()
    out = []
    for date, event in pairs:
        if norm(date) not in seen:
            seen.add(norm(date))
            out.append((date, event))
    return out


# -- matching ---------------------------------------------------------------------------------------------

def matching(ctx: ArticleContext, facts: Facts, pool: Pool) -> Iterator[Draft]:
    def clean(text: str) -> bool:
        return bool(text) and len(text.split()) <= 30 and not VAGUE.search(text.lower())

    people = [(p.name, p.description) for p in facts.people if clean(p.description)]
    refs = [(r.title, r.description) for r in facts.article.see_also if clean(r.description)]
    dates = distinct_years([(d.text, event_item(d.event)) for d in facts.dates if whole_event(event_item(d.event))])
    for pairs, topic, prompt in ((people, "person", "Match each person to the description the article gives."),
                                 (refs, "related", "Match each related topic to what the article says it covers."),
                                 (dates, "date", "Match each date to what the article says happened then.")):
        descs = [norm(d) for _, d in pairs]
        pairs = [p for p, dn in zip(pairs, descs, strict=True) if descs.count(dn) == 1]  # a shared description matches twice
        if len(pairs) < 3:
            continue
        pairs = pairs[:6]
        rights = [d for _, d in pairs]
        shuffle(rights, prompt + facts.article.title)
        first = {"person": next((p.mentions[0] for p in facts.people if p.mentions), None),
                 "date": facts.dates[0].where if facts.dates else None}.get(topic)
        sentence = first.sentence if first else "; ".join(f"See also {a} for {b}" for a, b in pairs)
        section = first.section if first else "See also"
        yield Draft(f"matching_{topic}", Format.MATCHING, topic, f"{facts.article.title}: {prompt[0].lower()}{prompt[1:]}",
                    tuple(pairs), sentence, section, "|".join(norm(a) for a, _ in pairs), choices=tuple(rights),
                    explanation="; ".join(f"{a}: {b}" for a, b in pairs), position=first.start if first else 10**9)


def related_questions(ctx: ArticleContext, facts: Facts, pool: Pool) -> Iterator[Draft]:
    """"Which related topic does the article point to for ...?" from see-also descriptions."""
    for ref in facts.article.see_also:
        if not ref.description:
            continue
        shared = frozenset(norm(r.title) for r in facts.article.see_also if norm(r.description) == norm(ref.description))
        where = Provenance("See also", f"See also {ref.title} for {ref.description}.", 0, 0, 0)
        d = _draft("related", Format.SHORT_ANSWER, "related",
                   f"Which related topic does the article point to for {ref.description}?", ref.title, where,
                   norm(ref.title), kind="related", also_true=shared)
        mc = with_choices(d, pool)
        if mc:
            yield mc


TEMPLATES: dict[str, Template] = {
    "dates": date_questions,
    "entities": entity_questions,
    "causal": causal_questions,
    "object": object_questions,
    Format.TRUE_FALSE: true_false,
    Format.TIMELINE: timeline,
    Format.MATCHING: matching,
    "related": related_questions,
}
