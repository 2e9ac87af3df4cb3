"""Dates: a spaCy component that finds date expressions, their normalised interval, and the event
(the clause the date modifies) of each.

Handles full dates in both orders, ranges of days ("5–6 November 1956"), month and year, day and month (the year taken from the article),
years, year ranges, decades and their parts, centuries and their parts, BC/AD. Relative phrases
("the next several years") are not dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from dateutil import parser as dateparser
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from quizgen.extract.phrases import drop_parentheticals, phrase_ids, subject_of, subtree_ids
from quizgen.models import DateFact

COMPONENT = "quizgen_dates"

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
          r"|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:[1-9][0-9]{0,3})"
_ERA = r"(?:\s?(?:BC|BCE|B\.C\.|AD|CE|A\.D\.)(?![A-Za-z]))"
_ORD_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
              "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_CENTURY_NUM = r"(?:(?:twenty-first|twenty first|" + "|".join(_ORD_WORDS) + r")|(?:[1-9]|1[0-9]|2[01])(?:st|nd|rd|th))"
_PART = r"(?:early|mid|middle|late|first half of the|second half of the|turn of the)"
_DASH = r"\s?[-–—]\s?"

PATTERN = re.compile(
    rf"""
    (?P<dayrange>\b(?P<dd1>{_DAY}){_DASH}(?P<dd2>{_DAY})\s(?:of\s)?(?P<drm>{_MONTH}),?\s(?P<dry>{_YEAR})(?P<drera>{_ERA})?(?!\d)
              |\b(?P<mdm>{_MONTH})\s(?P<md1>{_DAY}){_DASH}(?P<md2>{_DAY}),?\s(?P<mdy2>{_YEAR})(?P<mdera>{_ERA})?(?!\d))
  | (?P<mdy>\b{_MONTH}\s{_DAY},?\s{_YEAR}{_ERA}?(?![\d,]*\d))
  | (?P<dmy>\b{_DAY}\s(?:of\s)?{_MONTH},?\s{_YEAR}{_ERA}?(?!\d))
  | (?P<my>\b{_MONTH}\s[1-9][0-9]{{2,3}}{_ERA}?(?!\d))
  | (?P<md>\b{_MONTH}\s{_DAY}(?![\d:]))
  | (?P<dm>\b{_DAY}\s(?:of\s)?{_MONTH}\b)
  | (?P<decade>\b(?:the\s)?(?:(?P<dpart>early|mid|late)[-\s])?(?P<dyear>{_YEAR}0)s\b)
  | (?P<century>\b(?:the\s)?(?:(?P<cpart>{_PART})[-\s])?(?P<cnum>{_CENTURY_NUM})[-\s]centur(?:y|ies)(?P<cera>{_ERA})?)
  | (?P<range>\b(?:from\s|between\s)?(?P<r1>{_YEAR}){_ERA}?(?:{_DASH}|\s(?:to|and|until)\s)(?P<r2>{_YEAR})(?P<rera>{_ERA})?(?![\d-]))
  | (?P<year>\b(?:(?:AD|A\.D\.)\s)?(?P<y>{_YEAR})(?P<yera>{_ERA})?\b)
    """,
    re.VERBOSE,
)

# a bare number is a year only after a word that takes a time: "in 1605", "the plot of 1605"
_YEAR_CUES = {"in", "of", "by", "since", "until", "till", "from", "to", "during", "after", "before", "around",
              "circa", "c.", "ca.", "year", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter",
              "and", "between", "(", "through", "throughout"}


# a three-figure number is a year only after a word that takes nothing but a time: "in 744", "until 746"
# (not "by 300", "of 645", "from 200", which count as well as date)
_EARLY_YEAR_CUES = {"in", "since", "until", "till", "during", "around", "circa", "c.", "ca.", "year"}


@dataclass(frozen=True)
class DateValue:
    start: tuple[int, int, int]
    end: tuple[int, int, int]
    precision: str
    needs_year: bool = False  # "June 28": the year comes from the article


if not Span.has_extension("date_value"):
    Span.set_extension("date_value", default=None)


def iso(ymd: tuple[int, int, int]) -> str:
    y, m, d = ymd
    return f"{y:04d}-{m:02d}-{d:02d}" if y >= 0 else f"-{-y:04d}-{m:02d}-{d:02d}"


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y if y > 0 else 4, m)[1]


def era_year(year: int, era: str | None) -> int:
    """Astronomical year numbering: 1 BC is year 0, 44 BC is -43."""
    return 1 - year if era and era.strip().upper().startswith("B") else year


def _month_day(text: str) -> tuple[int, int]:
    dt = dateparser.parse(re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text.replace(" of ", " ")), default=_DEFAULT)
    return dt.month, dt.day


_DEFAULT = __import__("datetime").datetime(2000, 1, 1)


def _century_bounds(num: str, part: str | None, bc: bool) -> tuple[int, int]:
    """First and last year; a part is a share of the century's hundred years counted from its
    start, which for BC is its highest year (the early 5th century BC is 500-467 BC)."""
    n = num.lower().replace(" ", "-")
    if n == "twenty-first":
        c = 21
    elif n in _ORD_WORDS:
        c = _ORD_WORDS.index(n) + 1
    else:
        c = int(re.findall(r"\d+", n)[0])
    span = {"early": (0, 33), "mid": (34, 66), "middle": (34, 66), "late": (67, 99),
            "first half of the": (0, 49), "second half of the": (50, 99), "turn of the": (90, 109)}
    a, b = span[part.lower()] if part else (0, 99)
    if bc:
        return era_year(c * 100 - a, "BC"), era_year(c * 100 - b, "BC")
    return (c - 1) * 100 + a, (c - 1) * 100 + b


def value_of(m: re.Match[str]) -> DateValue | None:
    g = m.lastgroup
    text = m.group(0)
    era = re.search(_ERA + "$", text)
    era_s = era.group(0) if era else None
    if g in ("mdy", "dmy"):
        year = era_year(int(re.findall(r"\d+", text)[-1 if g == "mdy" else -1]), era_s)
        month, day = _month_day(re.sub(r",?\s\d+" + _ERA + r"?$", "", text))
        if day > last_day(year, month):
            return None
        return DateValue((year, month, day), (year, month, day), "day")
    if g == "dayrange":  # "5–6 November 1956", "November 5–6, 1956"
        month_name = m.group("drm") or m.group("mdm")
        d1, d2 = (m.group("dd1"), m.group("dd2")) if m.group("drm") else (m.group("md1"), m.group("md2"))
        year = era_year(int(m.group("dry") or m.group("mdy2")), m.group("drera") or m.group("mdera"))
        month, first = _month_day(f"{month_name} {d1}")
        _, last = _month_day(f"{month_name} {d2}")
        if not first < last <= last_day(year, month):
            return None
        return DateValue((year, month, first), (year, month, last), "day")
    if g == "my":
        year = era_year(int(re.findall(r"\d+", text)[-1]), era_s)
        month, _ = _month_day(text.split()[0] + " 1")
        return DateValue((year, month, 1), (year, month, last_day(year, month)), "month")
    if g in ("md", "dm"):
        month, day = _month_day(text)
        return DateValue((0, month, day), (0, month, day), "day", needs_year=True)
    if g == "decade":
        y0 = int(m.group("dyear"))
        part = m.group("dpart")
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), None: (0, 9)}[part]
        return DateValue((y0 + lo, 1, 1), (y0 + hi, 12, 31), "decade")
    if g == "century":
        lo, hi = _century_bounds(m.group("cnum"), m.group("cpart"), bool(m.group("cera") and "B" in m.group("cera").upper()))
        return DateValue((lo, 1, 1), (hi, 12, 31), "century")
    if g == "range":
        a, b = m.group("r1"), m.group("r2")
        if len(b) < len(a):  # "1914–18"
            b = a[: len(a) - len(b)] + b
        ya, yb = era_year(int(a), m.group("rera")), era_year(int(b), m.group("rera"))
        if not (len(a) >= 3 and yb > ya and yb - ya < 200):
            return None
        return DateValue((ya, 1, 1), (yb, 12, 31), "year")
    if g == "year":
        y = era_year(int(m.group("y")), m.group("yera"))
        return DateValue((y, 1, 1), (y, 12, 31), "year")
    return None


def _is_year_context(doc: Doc, span: Span, m: re.Match[str]) -> bool:
    """A bare number is a year when marked as one (era, spaCy's DATE) or after a word that takes a time."""
    if m.group("yera") or m.group(0).startswith(("AD", "A.D.")):
        return True
    digits = m.group("y")
    early = len(digits) == 3 and 100 <= int(digits)  # "in 744": a year of the first millennium, by a surer cue
    if not early and (len(digits) != 4 or not 500 <= int(digits) <= 2100):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN",) and nxt.dep_ != "appos" and not nxt.is_punct:
        return False  # "1200 men"
    if early and nxt is not None and (nxt.text in ("%", "-", "–") or nxt.like_num):
        return False  # "in 300 to 400", "in 150%": counts
    prev = doc[span.start - 1] if span.start > 0 else None
    if any(t.ent_type_ == "DATE" for t in span):
        return True
    return prev is not None and prev.lower_ in (_EARLY_YEAR_CUES if early else _YEAR_CUES)


@Language.component(COMPONENT)
def find_dates(doc: Doc) -> Doc:
    """Put date spans, with their normalised value, in doc.spans["dates"]."""
    found: list[Span] = []
    for m in PATTERN.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        if m.lastgroup == "year" and not _is_year_context(doc, span, m):
            continue
        if m.lastgroup == "range" and not m.group("rera") and span.end < len(doc) and doc[span.end].pos_ == "NOUN":
            continue  # "300 to 400 fathoms": a measure
        if m.lastgroup in ("md", "dm") and not any(t.ent_type_ == "DATE" for t in span):
            continue  # "May" the verb, "March" the noun
        value = value_of(m)
        if value is None:
            continue
        lead = re.match(r"(?:from|between)\s", m.group(0)) if m.lastgroup == "range" else None
        span = doc.char_span(m.start() + (lead.end() if lead else 0), m.end(), alignment_mode="expand")
        if span is None:  # only outside the text, which a match never is
            continue
        span._.date_value = value
        found.append(span)
    doc.spans["dates"] = found
    doc.ents = trimmed_entities(doc, found)
    return doc


def trimmed_entities(doc: Doc, dates: list[Span]) -> list[Span]:
    """The model's entities with our dates as the only DATE entities; a name that swallowed a date
    ("BC Aristagoras") keeps the part outside it."""
    taken = {i for d in dates for i in range(d.start, d.end)}
    ents = []
    for e in doc.ents:
        if e.label_ == "DATE":
            continue
        keep = [i for i in range(e.start, e.end) if i not in taken]
        if len(keep) == len(e):
            ents.append(e)
            continue
        runs: list[list[int]] = []
        for i in keep:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        run = [i for i in max(runs, key=len, default=[]) if not doc[i].is_punct]
        if run:
            ents.append(Span(doc, run[0], run[-1] + 1, label=e.label_))
    return sorted([*ents, *(Span(doc, d.start, d.end, label="DATE") for d in dates)], key=lambda s: s.start)


# -- events ---------------------------------------------------------------------------------------

_DROP_DEPS = {"mark", "advmod", "punct", "parataxis", "intj", "dep"}
_DATE_PREPOSITIONS = {"on", "in", "at", "during", "by", "since", "from", "until", "till", "after", "before", "of"}
# an xcomp ("forced the shogunate to sign ... in 1854") is not a clause of its own: its event is the
# verb it completes
_CLAUSE_DEPS = {"ROOT", "conj", "advcl", "relcl", "ccomp", "acl", "pcomp"}


def governing_verb(span: Span) -> Token | None:
    tok = span.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and (tok.dep_ in _CLAUSE_DEPS or tok.head.i == tok.i):
            return tok
    return tok if tok.pos_ in ("VERB", "AUX") else None


def is_connective(c: Token, verb: Token) -> bool:
    """"In response,", "As a result,", "In turn,": an opener that ties the sentence to the one before and
    says nothing of the event itself."""
    if c.dep_ != "prep" or c.i > verb.i:
        return False
    ids = sorted(subtree_ids(c))
    nouns = [t for t in c.subtree if t.dep_ == "pobj"]
    after = c.doc[ids[-1] + 1] if ids[-1] + 1 < len(c.doc) else None
    return (len(ids) <= 3 and len(nouns) == 1 and nouns[0].pos_ == "NOUN" and not nouns[0].ent_type_
            and after is not None and after.text == ",")


SUBORDINATORS = {"after", "before", "when", "while", "as", "since", "because", "although", "though", "until", "once",
                 "if", "whereas", "unless", "whilst"}


def misparsed_subordinate(verb: Token) -> bool:
    """A sentence root that opens with "after", "when" ...: the parser took a subordinate clause for the
    main one ("On <date>, after officials refused ..., colonists boarded ..."), so the date's event is
    not known."""
    return verb.dep_ == "ROOT" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children)


def event_of(span: Span, ctx) -> str:
    """The clause the date modifies, made readable: "Sergei Kirov was assassinated in Leningrad ...".

    The date's own phrase, subordinators, asides and clauses with their own subject are left out.
    Where the date is a participant ("a pattern ... that characterized the 1930s"), the event is
    the subject.
    """
    verb = governing_verb(span)
    if verb is None or misparsed_subordinate(verb):
        return ""
    noun = verb.head
    if verb.dep_ == "acl" and noun.dep_ == "attr" and noun.head.lemma_ == "be":
        verb = noun.head  # "X is a charter agreed to by Y on <date>": the whole statement, not "agreed to by Y"
    subj = subject_of(verb)
    if span.root.dep_ in ("dobj", "attr") and span.root.head.i == verb.i:
        return ctx.np(subj) if subj is not None else ""
    # the phrase holding the date ("On December 1, 1934", "during the mid-1930s")
    drop = phrase_ids(span, verb) or {t.i for t in span}
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.dep_ == "prep" and before.lower_ in _DATE_PREPOSITIONS:
        drop.add(before.i)  # a preposition left behind by a parse that hung the date elsewhere
    for c in verb.children:
        if c.dep_ in _DROP_DEPS or (c.dep_ == "advcl" and c.i < verb.i) or is_connective(c, verb):
            drop |= subtree_ids(c)
        elif c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            drop |= subtree_ids(c)
            drop |= {g.i for g in verb.children if g.dep_ == "cc" and g.i < c.i}
        elif c.dep_ in ("nsubj", "nsubjpass"):
            for aside in drop_parentheticals(c):
                drop |= subtree_ids(aside)
    tokens = [t for t in verb.subtree if t.i not in drop]
    text = ctx.text(tokens, head=verb)
    if subj is not None and subj.i not in {t.i for t in tokens} and subj.i not in drop:
        text = f"{ctx.np(subj, without=tuple(drop_parentheticals(subj)))} {text}"  # a shared subject
    return re.sub(r"\s+", " ", text).strip(" ,;")


def extract_dates(ctx) -> tuple[DateFact, ...]:
    out: list[DateFact] = []
    last_year: int | None = None
    for para in ctx.paragraphs:
        for span in para.doc.spans.get("dates", []):
            v: DateValue = span._.date_value
            if v.needs_year:
                if last_year is None:
                    continue
                v = DateValue((last_year, *v.start[1:]), (last_year, *v.end[1:]), v.precision)
            else:
                last_year = v.start[0]
            out.append(DateFact(
                text=span.text, start=iso(v.start), end=iso(v.end), precision=v.precision,  # type: ignore[arg-type]  # a DateValue precision is a DateFact one
                event=life_event(span, ctx) or event_of(span, ctx), where=ctx.where(span, para),
            ))
    return tuple(out)


def life_event(span: Span, ctx) -> str:
    """"Leonid Nikolaev (10 May 1904 – 29 December 1934)": the birth and the death of the person."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].text not in ("(", ")", ".") and span.start - i <= 12:
        i -= 1
    if i <= 0 or doc[i].text != "(" or doc[i - 1].ent_type_ != "PERSON":
        return ""
    j = i - 1
    while j > 0 and doc[j - 1].ent_type_ == "PERSON":
        j -= 1
    died = any(t.text in ("-", "–", "—") or t.lower_ in ("died", "d.") for t in doc[i + 1: span.start])
    return f"{'death' if died else 'birth'} of {doc[j:i].text}"
