"""The data that flows through quizgen: Article -> Facts -> QuestionSet.

All records are frozen dataclasses so each stage is a pure function of its input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Literal

from quizgen.vocabulary import Format, Topic

LEAD_SECTION = "Introduction"  # display name of the untitled section before the first heading

Precision = Literal["day", "month", "year", "decade", "century"]
FORMATS = tuple(Format)
TOPICS = tuple(Topic)


@dataclass(frozen=True)
class SeeAlso:
    title: str
    description: str = ""


@dataclass(frozen=True)
class Section:
    heading: str  # "" for the lead
    paragraphs: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.heading or LEAD_SECTION


@dataclass(frozen=True)
class Block:
    """One paragraph of an article with its place in `Article.text`."""

    section: str
    paragraph: str
    offset: int


@dataclass(frozen=True)
class Article:
    title: str
    sections: tuple[Section, ...]
    see_also: tuple[SeeAlso, ...] = ()
    source: str = ""

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        """Paragraphs with their character offsets into `text`."""
        out: list[Block] = []
        pos = len(self.title) + 2
        for sec in self.sections:
            if sec.heading:
                pos += len(sec.heading) + 2
            for para in sec.paragraphs:
                out.append(Block(sec.name, para, pos))
                pos += len(para) + 2
        return tuple(out)

    @cached_property
    def text(self) -> str:
        """The article as one string: title, headings and paragraphs separated by blank lines.

        Every fact's character offsets point into this string.
        """
        parts = [self.title]
        for sec in self.sections:
            if sec.heading:
                parts.append(sec.heading)
            parts.extend(sec.paragraphs)
        return "\n\n".join(parts)

    @property
    def word_count(self) -> int:
        return sum(len(b.paragraph.split()) for b in self.blocks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "sections": [{"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in self.sections],
            "see_also": [asdict(s) for s in self.see_also],
        }


@dataclass(frozen=True)
class Provenance:
    """Where a fact stands: its section, its sentence, and character offsets into Article.text."""

    section: str
    sentence: str
    sentence_start: int
    start: int
    end: int


@dataclass(frozen=True)
class DateFact:
    text: str
    start: str  # ISO date, first day of the interval
    end: str  # ISO date, last day of the interval
    precision: Precision
    event: str
    where: Provenance


@dataclass(frozen=True)
class Entity:
    """A person, place or organization with all its mentions merged."""

    kind: Literal["person", "place", "organization"]
    name: str
    aliases: tuple[str, ...]
    description: str
    mentions: tuple[Provenance, ...]
    described_at: Provenance | None = None  # the mention the description was read from

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class CausalLink:
    cause: str
    effect: str
    cue: str
    where: Provenance
    # how the cue reads as a question: "verb" (with `verb`, its base form: "set in motion"),
    # "passive", "result", "after" (in the wake of ...), "because", "reason" (arrested for ...)
    kind: str = "verb"
    verb: str = ""
    past: bool = True
    anchor: int = -1  # article offset of the cue word, to find the clause again in the parse
    # the word that makes this a claim the article reports or hedges ("allegedly", "argue", "may"), not
    # one it states: such links are kept apart from the stated ones (Facts.reported_links)
    hedge: str = ""


@dataclass(frozen=True)
class Facts:
    article: Article
    dates: tuple[DateFact, ...]
    people: tuple[Entity, ...]
    places: tuple[Entity, ...]
    organizations: tuple[Entity, ...]
    causal_links: tuple[CausalLink, ...]
    event: str = ""  # the one event the article is about, if it is about one ("Kirov Assassination")
    # causal claims the article only reports or hedges: no question states them as fact
    reported_links: tuple[CausalLink, ...] = ()

    def entities(self) -> Iterator[Entity]:
        yield from self.people
        yield from self.places
        yield from self.organizations

    def to_dict(self) -> dict[str, Any]:
        def where(p: Provenance) -> dict[str, Any]:
            return {"sentence": p.sentence, "section": p.section, "char_start": p.start, "char_end": p.end}

        def entity(e: Entity) -> dict[str, Any]:
            d: dict[str, Any] = {"name": e.name, "aliases": list(e.aliases)}
            if e.kind == "person":
                d["description"] = e.description
            d["mentions"] = len(e.mentions)
            d["first"] = where(e.mentions[0]) if e.mentions else None
            return d

        return {
            **self.article.to_dict(),
            "dates": [
                {"text": d.text, "start": d.start, "end": d.end, "precision": d.precision, "event": d.event,
                 **where(d.where)}
                for d in self.dates
            ],
            "people": [entity(e) for e in self.people],
            "places": [entity(e) for e in self.places],
            "organizations": [entity(e) for e in self.organizations],
            "causal_links": [
                {"cause": c.cause, "effect": c.effect, "cue": c.cue, "hedged": bool(c.hedge),
                 **({"hedge": c.hedge} if c.hedge else {}), **where(c.where)}
                for c in sorted((*self.causal_links, *self.reported_links), key=lambda c: (c.where.start, c.anchor))
            ],
        }


Answer = str | tuple[str, ...] | tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Source:
    sentence: str
    section: str


@dataclass(frozen=True)
class Question:
    """One question. `answer` is a string, except for timeline (events in order) and
    matching (pairs of left and right items)."""

    id: str
    format: str
    topic: str
    prompt: str
    answer: Answer
    choices: tuple[str, ...]
    explanation: str
    source: Source
    difficulty: int
    score: float
    tags: tuple[str, ...]
    article: str = ""
    served: bool = True  # False: a suggestion the quality model does not expect a teacher to keep as it is
    reason: str = ""  # for a suggestion, what counts most against it
    # what the quality model read of it, kept so that a teacher's verdict can become a rating
    features: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def pairs(self) -> list[tuple[str, str]]:
        """A matching question's pairs (left, right); none for the other formats."""
        return [(str(a[0]), str(a[1])) for a in self.answer if isinstance(a, tuple)] if isinstance(self.answer, tuple) else []

    def to_dict(self) -> dict[str, Any]:
        answer: Any = self.answer
        if isinstance(answer, tuple):
            answer = [list(a) if isinstance(a, tuple) else a for a in answer]
        return {
            "id": self.id,
            "format": self.format,
            "topic": self.topic,
            "prompt": self.prompt,
            "answer": answer,
            "choices": list(self.choices),
            "explanation": self.explanation,
            "source": {"sentence": self.source.sentence, "section": self.source.section},
            "difficulty": self.difficulty,
            "score": self.score,
            "tags": list(self.tags),
            **({} if self.served else {"served": False, "reason": self.reason}),
        }

    @staticmethod
    def from_dict(d: dict[str, Any], article: str = "") -> Question:
        answer = d["answer"]
        if isinstance(answer, list):
            answer = tuple(tuple(a) if isinstance(a, list) else a for a in answer)
        return Question(
            id=d["id"], format=d["format"], topic=d["topic"], prompt=d["prompt"], answer=answer,
            choices=tuple(d.get("choices", ())), explanation=d.get("explanation", ""),
            source=Source(**d["source"]), difficulty=int(d.get("difficulty", 2)),
            score=float(d.get("score", 0.5)), tags=tuple(d.get("tags", ())), article=article,
            served=bool(d.get("served", True)), reason=str(d.get("reason", "")),
        )


@dataclass(frozen=True)
class QuestionSet:
    title: str
    questions: tuple[Question, ...]
    sections: tuple[str, ...] = field(default=())  # section names in article order
    # candidates not served, best first: the teacher's editor offers them
    suggestions: tuple[Question, ...] = field(default=())

    def to_dict(self, *, suggestions: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {"title": self.title, "questions": [q.to_dict() for q in self.questions]}
        if suggestions:
            d["suggestions"] = [q.to_dict() for q in self.suggestions]
        return d
