"""`quizgen bench`: how fast generation and export are, against targets.

Each benchmark is a function of the progress display and the options, registered in `BENCHMARKS`,
and gives a dict of figures under its name (the web benchmark: one dict per database). Progress goes
to stderr so that `--json` output on stdout stays one JSON object.
"""

from __future__ import annotations

import operator
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from quizgen.bench.web import WebOptions
from quizgen.errors import QuizgenError

DEFAULT_WORDS = 200_000


@dataclass(frozen=True)
class Options:
    words: int = DEFAULT_WORDS  # size of the repeated corpus
    workers: int = 1  # processes for the parallel run; 1 skips it
    web: WebOptions = WebOptions()  # students, server workers, seconds, databases


Benchmark = Callable[[Progress, Options], dict[str, Any]]


def _generation(progress: Progress, options: Options) -> dict[str, Any]:
    from quizgen.bench import generation

    return generation.run(progress, min_words=options.words, workers=options.workers)


def _export(progress: Progress, options: Options) -> dict[str, Any]:
    from quizgen.bench import export

    return export.run(progress)


def _web(progress: Progress, options: Options) -> dict[str, Any]:
    from quizgen.bench import web

    return web.run(progress, options.web)


BENCHMARKS: dict[str, Benchmark] = {
    "generation": _generation,
    "export": _export,
    "web": _web,
}


@dataclass(frozen=True)
class Target:
    path: str  # "generation.ratio": keys into the results
    compare: Callable[[float, float], bool]
    limit: float
    says: str  # how the table shows it: ">= 0.8"

    def value(self, results: dict[str, Any]) -> float | None:
        node: Any = results
        for part in self.path.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return float(node)

    def met(self, value: float) -> bool:
        return self.compare(value, self.limit)


# Our rules add at most a quarter to the cost of the parse; a big Anki deck is written while one waits.
# A class of 50 on PostgreSQL and a 2-core server: every answer kept and answered at once; SQLite keeps every answer.
TARGETS = (
    Target("generation.ratio", operator.ge, 0.8, ">= 0.8"),
    Target("generation.parallel.ratio", operator.ge, 0.8, ">= 0.8"),
    Target("export.anki_10k_s", operator.lt, 5.0, "< 5 s"),
    Target("web.postgresql.answers_per_s", operator.ge, 300, ">= 300 (50 students, --think 0)"),
    Target("web.postgresql.p99_ms", operator.lt, 150, "< 150 ms"),
    Target("web.postgresql.errors", operator.eq, 0, "0"),
    Target("web.postgresql.lost", operator.eq, 0, "0"),
    Target("web.sqlite.lost", operator.eq, 0, "0"),
)


def default_workers() -> int:
    return os.cpu_count() or 1


def choose(only: Iterable[str] | None) -> list[str]:
    if only is None:
        return list(BENCHMARKS)
    chosen = list(dict.fromkeys(only))
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown or not chosen:
        raise QuizgenError(f"unknown benchmark {', '.join(unknown) or '(none)'}; choose from {', '.join(BENCHMARKS)}")
    return chosen


def progress_display() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)


def run_bench(only: Iterable[str] | None = None, options: Options | None = None) -> dict[str, Any]:
    """Figures of the chosen benchmarks, and whether each target present was met."""
    names = choose(only)
    options = options or Options()
    results: dict[str, Any] = {}
    with progress_display() as progress:
        for name in names:
            results[name] = BENCHMARKS[name](progress, options)
    targets = {}
    for t in TARGETS:
        value = t.value(results)
        if value is not None:
            targets[t.path] = {"value": value, "target": t.says, "met": t.met(value)}
    return {**results, "targets": targets}


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if value < 10 else f"{value:,.1f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _rows(prefix: str, figures: dict[str, Any]) -> Iterable[tuple[str, Any]]:
    for k, v in figures.items():
        if isinstance(v, dict):
            yield from _rows(f"{prefix}.{k}", v)
        else:
            yield f"{prefix}.{k}", v


def table(results: dict[str, Any]) -> Table:
    """Every figure, with its target and PASS/MISS where it has one."""
    targets = results.get("targets", {})
    t = Table("figure", "value", "target", "", title="quizgen bench")
    for name, figures in results.items():
        if name == "targets":
            continue
        for path, value in _rows(name, figures):
            target = targets.get(path)
            verdict = "" if target is None else ("[green]PASS[/green]" if target["met"] else "[red]MISS[/red]")
            t.add_row(path, _number(value), target["target"] if target else "", verdict)
    return t
