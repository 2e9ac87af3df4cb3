"""Readable terminal output for `extract --format table` and `generate --format text`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from quizgen.models import Facts, QuestionSet


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


def questions_text(qs: QuestionSet) -> str:
    raise NotImplementedError
