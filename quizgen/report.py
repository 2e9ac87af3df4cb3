"""Readable terminal output for `extract --format table` and `generate --format text`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from quizgen.models import Facts, Question, QuestionSet
from quizgen.vocabulary import Format


def print_facts(facts: Facts) -> None:
    console = Console()
    console.print(f"[bold]{facts.article.title}[/bold]")
    t = Table("date", "interval", "precision", "event", title="Dates")
    for d in facts.dates:
        t.add_row(d.text, f"{d.start} … {d.end}", d.precision, d.event)
    console.print(t)
    for title, ents in (("People", facts.people), ("Places", facts.places), ("Organizations", facts.organizations)):
        t = Table("name", "aliases", "mentions", "description", title=title)
        for e in ents:
            t.add_row(e.name, ", ".join(e.aliases), str(len(e.mentions)), e.description)
        console.print(t)
    t = Table("cause", "cue", "effect", "section", title="Causal links")
    for c in facts.causal_links:
        t.add_row(c.cause, c.cue, c.effect, c.where.section)
    console.print(t)
    if facts.article.see_also:
        t = Table("see also", "description", title="See also")
        for s in facts.article.see_also:
            t.add_row(s.title, s.description)
        console.print(t)


def questions_text(qs: QuestionSet, *, suggestions: bool = False) -> str:
    """Numbered questions with their choices, the answer and the source sentence; with `suggestions`,
    the candidates not served after them, each with the reason against it."""
    lines = [qs.title, "=" * len(qs.title)]
    section = None
    for n, q in enumerate(qs.questions, 1):
        if q.source.section != section:
            section = q.source.section
            lines += ["", f"## {section}"]
        lines += _question_lines(n, q)
    if suggestions and qs.suggestions:
        lines += ["", "## Suggestions (not served)"]
        for n, q in enumerate(qs.suggestions, 1):
            lines += _question_lines(n, q)
            lines.append(f"   Why not served: {q.reason}")
    return "\n".join(lines)


def _question_lines(n: int, q: Question) -> list[str]:
    lines = ["", f"{n}. [{q.format} · {q.topic} · difficulty {q.difficulty} · score {q.score:.2f}] {q.prompt}"]
    if q.format in (Format.MULTIPLE_CHOICE, Format.TIMELINE):
        lines += [f"   {chr(65 + i)}) {c}" for i, c in enumerate(q.choices)]
    elif q.format == Format.MATCHING:
        lefts = [a for a, _ in q.pairs()]
        lines += [f"   {chr(65 + i)}) {c}" for i, c in enumerate(q.choices)]
        lines += [f"   {i + 1}. {a}" for i, a in enumerate(lefts)]
    lines.append(f"   Answer: {answer_text(q)}")
    lines.append(f"   Source: {q.source.sentence}")
    return lines


def answer_text(q: Question) -> str:
    if q.format == Format.TIMELINE:
        return " → ".join(str(x) for x in q.answer)
    if q.format == Format.MATCHING:
        return "; ".join(f"{a} = {b}" for a, b in q.pairs())
    return str(q.answer)
