"""Wrong answers of the same kind as the right one, close enough to make a learner think.

Strategies are registered per kind in `STRATEGIES`; each returns candidates in order of preference
(the article first, then its deck, then for dates near neighbours). A wrong
answer never equals the answer or another option after normalisation, and is never a value the
article also makes right.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from rapidfuzz import fuzz

from quizgen.models import DateFact, Facts
from quizgen.questions.draft import Draft, norm
from quizgen.questions.events import cause_key

MONTH_NAMES = list(calendar.month_name)[1:]


@dataclass
class Pool:
    """What one article's questions may borrow wrong answers from: the article, then its deck."""

    facts: Facts
    deck: list[Facts]
    text: str = field(default="")  # the article, normalised: nothing it says is used as a wrong answer

    @staticmethod
    def of(facts: Facts, deck: list[Facts]) -> Pool:
        return Pool(facts, [f for f in deck if f is not facts], norm(facts.article.text))

    def all_facts(self) -> list[Facts]:
        return [self.facts, *self.deck]

    @cached_property
    def deck_text(self) -> str:
        """The article and its deck, normalised, computed once per pool."""
        return " ".join(norm(f.article.text) for f in self.all_facts())


Strategy = Callable[[Draft, Pool], Iterable[str]]


def _entities(kind: str) -> Strategy:
    """Names of the same kind from the article and its deck. No list from outside: a famous name of
    another era or continent is a wrong answer nobody would pick."""
    def strategy(d: Draft, pool: Pool) -> Iterable[str]:
        names: list[str] = []
        for f in pool.all_facts():
            names += [e.name for e in getattr(f, {"person": "people", "place": "places", "organization": "organizations"}[kind])]
        short = kind == "person" and len(str(d.answer).split()) == 1
        for name in names:
            # a surname asks for surnames: "Kirov" among "Stalin", "Yezhov", not among full names
            option = name.split()[-1] if short and len(name.split()) > 1 else name
            if is_name_like(option):
                yield option

    return strategy


ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")


def is_name_like(option: str) -> bool:
    """Not a fragment of a name: "II", "Kebir", a lone title."""
    words = option.split()
    return bool(words) and len(option) >= 3 and not ROMAN_NUMERAL.match(words[-1]) or len(words) > 1


POINTING = {"its", "his", "her", "their", "it", "they", "this", "these", "those", "that", "he", "she", "them"}


def phrase_like(side: str, answer: str) -> bool:
    """A wrong option that reads like the right one: a phrase of some words, not a fragment ("miners")
    or a phrase that points elsewhere ("its hold")."""
    words = side.split()
    return bool(words) and words[0].lower() not in POINTING and len(words) >= min(3, len(answer.split()))


def _effects(d: Draft, pool: Pool) -> Iterable[str]:
    """Effects of other links (the draft's also_true holds those of the same cause)."""
    for f in pool.all_facts():
        for link in f.causal_links:
            if phrase_like(link.effect, str(d.answer)):
                yield link.effect


def _causes(d: Draft, pool: Pool) -> Iterable[str]:
    """Other causes, one wording each: "Kirov's death" and "the assassination" are one cause."""
    seen = {cause_key(str(d.answer), pool.facts)}
    for f in pool.all_facts():
        for link in f.causal_links:
            key = cause_key(link.cause, f)
            if key not in seen and phrase_like(link.cause, str(d.answer)):
                seen.add(key)
                yield link.cause


def _related(d: Draft, pool: Pool) -> Iterable[str]:
    for f in pool.all_facts():
        for ref in f.article.see_also:
            yield ref.title


def _dates(d: Draft, pool: Pool) -> Iterable[str]:
    fact = _date_fact(d, pool)
    if fact is None:
        return
    for f in pool.all_facts():
        for other in f.dates:
            if other.precision == fact.precision and not overlaps(other, fact) and is_span(other) == is_span(fact):
                yield restyle(other, fact)
    yield from neighbours(fact)


STRATEGIES: dict[str, Strategy] = {
    "date": _dates,
    "person": _entities("person"),
    "place": _entities("place"),
    "organization": _entities("organization"),
    "effect": _effects,
    "cause": _causes,
    "related": _related,
}


def choose(d: Draft, pool: Pool, n: int = 3) -> list[str]:
    """Up to n wrong answers for the draft, in order of preference."""
    strategy = STRATEGIES.get(d.kind)
    if strategy is None or not isinstance(d.answer, str):
        return []
    taken = {norm(d.answer)} | set(d.also_true)
    out: list[str] = []
    for cand in strategy(d, pool):
        key = norm(cand)
        if not key or key in taken or _contains(key, norm(d.answer)) or len(cand.split()) > 3 * max(4, len(d.answer.split())):
            continue
        if d.kind in NAMED_KINDS and any(_same_name(key, t) for t in taken):
            continue  # "Keiki" beside "Keikei", "John Fleming" beside "John Henry Fleming": one person twice
        taken.add(key)
        out.append(cand)
        if len(out) == n:
            break
    return out


NAMED_KINDS = ("person", "place", "organization")


def _same_name(a: str, b: str) -> bool:
    """Two spellings or two lengths of one name (both normalised)."""
    return fuzz.ratio(a, b) >= 85 or len(a.split()) > 1 < len(b.split()) and fuzz.token_set_ratio(a, b) == 100


def _contains(a: str, b: str) -> bool:
    """One option inside the other ("Kirov" and "Sergei Kirov") would be right as well (both normalised)."""
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


# -- dates ----------------------------------------------------------------------------------------

def _date_fact(d: Draft, pool: Pool) -> DateFact | None:
    return next((x for x in pool.facts.dates if x.text == d.answer), None)


def _ymd(iso: str) -> tuple[int, int, int]:
    neg = iso.startswith("-")
    y, m, dd = iso.lstrip("-").split("-")
    return (-int(y) if neg else int(y), int(m), int(dd))


def is_span(d: DateFact) -> bool:
    """"1916-1917" is not a fair wrong answer for "1605", nor the other way round."""
    return d.precision == "year" and _ymd(d.start)[0] != _ymd(d.end)[0]


def overlaps(a: DateFact, b: DateFact) -> bool:
    return not (_ymd(a.end) < _ymd(b.start) or _ymd(b.end) < _ymd(a.start))


def _style(text: str) -> str:
    t = text.strip()
    if re.match(r"^\d", t) and re.search(r"[A-Za-z]", t):
        return "dmy"
    return "mdy"


def format_day(y: int, m: int, d: int, like: str) -> str:
    """A day written like `like`: day or month first, with a year only if it has one ("June 28")."""
    with_year = re.search(r"\d{3,4}", like) is not None
    if _style(like) == "dmy":
        return f"{d} {MONTH_NAMES[m - 1]}" + (f" {y}" if with_year else "")
    return f"{MONTH_NAMES[m - 1]} {d}" + (f", {y}" if with_year else "")


def restyle(other: DateFact, like: DateFact) -> str:
    """Another date written the way the answer is, so the form gives nothing away."""
    if other.precision == "day" and like.precision == "day":
        y, m, d = _ymd(other.start)
        if y > 0:
            return format_day(y, m, d, like.text)
    return other.text


def neighbours(fact: DateFact) -> list[str]:
    y, m, d = _ymd(fact.start)
    text = fact.text
    if fact.precision == "day" and y > 0:
        base = date(y, m, d)
        out = []
        for delta in (3, -8, 12, -30, 31, 365, -365):
            x = base + timedelta(days=delta)
            out.append(format_day(x.year, x.month, x.day, text))
        return out
    if fact.precision == "month" and y > 0:
        out = []
        for dm in (2, -3, 5, -12, 12):
            k = (y * 12 + m - 1) + dm
            out.append(f"{MONTH_NAMES[k % 12]} {k // 12}")
        return out
    if fact.precision == "year":
        m2 = re.search(r"(\d{3,4})\D+(\d{2,4})", text)
        if m2:  # a range: shift both ends
            a, b = _ymd(fact.start)[0], _ymd(fact.end)[0]
            return [f"{a + k}–{b + k}" for k in (2, -3, 5, -6)]
        nums = re.findall(r"\d+", text)
        if nums:
            year = int(nums[0])
            decade = year - year % 10
            return [text.replace(nums[0], str(v)) for v in (decade + (year % 10 + k) % 10 for k in (3, 6, 8, 1))]
    if fact.precision == "decade":
        m3 = re.search(r"(early|mid|late)?[-\s]?(\d{3,4})s", text)
        if m3:
            part, dec = m3.group(1), int(m3.group(2))
            parts = ["early", "mid", "late"]
            out = []
            for p, dd in ((part, dec - 10), (part, dec + 10), (part, dec + 20), (part, dec - 20)):
                if p:
                    out.append(f"the {p}{'-' if p == 'mid' else ' '}{dd}s")
                else:
                    out.append(f"the {dd}s")
            if part:
                out += [f"the {p}{'-' if p == 'mid' else ' '}{dec}s" for p in parts if p != part]
            return out
    if fact.precision == "century":
        m4 = re.search(r"(\d{1,2})(st|nd|rd|th)", text)
        if m4:
            c = int(m4.group(1))
            return [text.replace(m4.group(0), f"{k}{_suffix(k)}") for k in (c - 1, c + 1, c - 2, c + 2) if k > 0]
    return []


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
