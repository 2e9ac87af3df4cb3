"""Generation speed: quizgen's extraction and question making against the spaCy parse it starts with.

Both sides parse the same texts (every paragraph, and a sentence per see-also entry, as
`quizgen.extract.contexts` does) in the same run, one deck after the other, alternating which goes
first, so a busy shared machine slows both alike and the ratio stays meaningful.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

from rich.progress import Progress

from quizgen.bench.corpus import Deck, bundled_decks, repeated, words
from quizgen.extract import analyze, see_also_sentence
from quizgen.nlp import get_nlp
from quizgen.questions import generate_sets

# quizgen.nlp.parse's batch size, so that the bare parse is the one analyze() runs
BATCH_SIZE = 64
# decks per worker in one timed round of the parallel run: short rounds, so load from elsewhere
# falls on both sides alike
ROUND_PER_WORKER = 2
# the bundled decks are small: timed this many times over, so one slow moment cannot decide their figure
DECK_ROUNDS = 5
# copies of the bundled decks generated as one deck: wrong answers are drawn from the whole deck
ONE_DECK_COPIES = 20


@dataclass
class Timing:
    words: int = 0
    seconds: float = 0.0  # analyze + generate_sets, by the wall clock
    spacy_seconds: float = 0.0  # nlp.pipe alone
    # CPU time of the same work: what other work on the machine does not add to
    cpu_seconds: float = 0.0
    spacy_cpu_seconds: float = 0.0
    worker_peaks: list[float] = field(default_factory=list)  # MB, of each process of a parallel run

    def figures(self) -> dict[str, Any]:
        ours = self.words / self.seconds
        spacy = self.words / self.spacy_seconds
        return {"words": self.words, "words_per_s": round(ours, 1), "spacy_words_per_s": round(spacy, 1),
                "ratio": round(ours / spacy, 3), "cpu_ratio": round(self.spacy_cpu_seconds / self.cpu_seconds, 3)}

    def add(self, side: str, wall: float, cpu: float) -> None:
        if side == "spacy":
            self.spacy_seconds += wall
            self.spacy_cpu_seconds += cpu
        else:
            self.seconds += wall
            self.cpu_seconds += cpu


def texts_of(deck: Deck) -> list[str]:
    """What analyze() hands to spaCy for these articles."""
    return [t for a in deck for t in [*(b.paragraph for b in a.blocks), *(see_also_sentence(s) for s in a.see_also)]]


def spacy_only(deck: Deck) -> int:
    return len(list(get_nlp().pipe(texts_of(deck), batch_size=BATCH_SIZE)))


def generate_deck(deck: Deck) -> int:
    return sum(len(s.questions) for s in generate_sets(analyze(deck)))


def run_batch(pool: Pool, task: Callable[[Any], float], batch: list[Any], cpu: list[float]) -> None:
    """One batch through the workers; each reports the CPU seconds it spent."""
    cpu.extend(pool.map(task, batch, chunksize=1))


def timed(step: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of this process."""
    start, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - start, time.process_time() - cpu


def spacy_cpu(deck: Deck) -> float:
    return timed(lambda: spacy_only(deck))[1]


def generate_cpu(deck: Deck) -> float:
    return timed(lambda: generate_deck(deck))[1]


def peak_rss_mb() -> float:
    """This process's peak resident memory.

    Linux keeps ru_maxrss across fork and exec, so a worker would report its parent's size; the
    kernel's VmHWM starts afresh with the new program and is used where there is one.
    """
    try:
        found = re.search(r"^VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.MULTILINE)
    except OSError:
        found = None
    if found:
        return round(int(found[1]) / 1024, 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def warm_up(decks: Sequence[Deck]) -> None:
    """Load the model and fill every lazy cache before anything is timed."""
    for deck in decks:
        spacy_only(deck)
        generate_deck(deck)


def serial(decks: Sequence[Deck], advance: Callable[[int], None]) -> Timing:
    t = Timing()
    for i, deck in enumerate(decks):
        runs = {"spacy": lambda d=deck: spacy_only(d), "ours": lambda d=deck: generate_deck(d)}
        for name in (("spacy", "ours") if i % 2 == 0 else ("ours", "spacy")):
            t.add(name, *timed(runs[name]))
        n = words([deck])
        t.words += n
        advance(n)
    return t


def one_deck(decks: Sequence[Deck]) -> Timing:
    """Many articles generated as one deck; the bare parse is timed before and after and averaged."""
    deck = [a for d in decks for a in d]
    t = Timing(words([deck]))
    t.add("spacy", *timed(lambda: spacy_only(deck)))
    t.add("ours", *timed(lambda: generate_deck(deck)))
    t.add("spacy", *timed(lambda: spacy_only(deck)))
    t.spacy_seconds, t.spacy_cpu_seconds = t.spacy_seconds / 2, t.spacy_cpu_seconds / 2
    return t


def _worker_start(warm: list[Deck]) -> None:
    warm_up(warm)


def _worker_peak(_: int) -> tuple[int, float]:
    time.sleep(0.2)  # hold this worker so the next task goes to another one
    return os.getpid(), peak_rss_mb()


def every_worker(pool: Pool, workers: int) -> dict[int, float]:
    """Each worker's peak memory by process id, once every worker has answered (so has started)."""
    seen: dict[int, float] = {}
    for _ in range(50):
        seen.update(pool.map(_worker_peak, range(workers), chunksize=1))
        if len(seen) >= workers:
            break
    return seen


def parallel(decks: Sequence[Deck], workers: int, warm: list[Deck], advance: Callable[[int], None]) -> Timing:
    """Decks shared out to `workers` processes, in rounds that time the bare parse and our pipeline
    on the same decks by the wall clock.

    A process pool rather than spaCy's `n_process`: that path cannot carry our date component's
    values between processes, and it would leave extraction and questions in one process.
    """
    t = Timing()
    # spawn: a fresh interpreter per worker, each loading the model as a real deployment would
    ctx = multiprocessing.get_context("spawn")
    size = workers * ROUND_PER_WORKER
    with ctx.Pool(workers, initializer=_worker_start, initargs=(warm,)) as pool:
        every_worker(pool, workers)  # nothing is timed until every worker has started and warmed up
        for r, start in enumerate(range(0, len(decks), size)):
            batch = list(decks[start:start + size])
            task = {"spacy": spacy_cpu, "ours": generate_cpu}
            for name in (("spacy", "ours") if r % 2 == 0 else ("ours", "spacy")):
                cpu: list[float] = []
                wall, _ = timed(partial(run_batch, pool, task[name], batch, cpu))
                t.add(name, wall, sum(cpu))
            n = words(batch)
            t.words += n
            advance(n)
        t.worker_peaks = list(every_worker(pool, workers).values())
        pool.close()
        pool.join()
    return t


def run(progress: Progress, *, min_words: int, workers: int) -> dict[str, Any]:
    """Figures for the bundled decks, the repeated corpus, one large deck, and `workers` processes."""
    decks = bundled_decks()
    corpus = repeated(decks, min_words)
    total = words(corpus)

    task = progress.add_task("generation: warm-up", total=None)
    warm_up(decks)
    progress.update(task, description="generation: bundled decks", total=DECK_ROUNDS * words(decks), completed=0)
    small = serial(decks * DECK_ROUNDS, lambda n: progress.advance(task, n))

    progress.update(task, description=f"generation: {total:,} words", total=total, completed=0)
    big = serial(corpus, lambda n: progress.advance(task, n))
    rss = peak_rss_mb()

    copies = corpus[: max(1, ONE_DECK_COPIES * len(decks))]
    progress.update(task, description=f"generation: {len(copies)} decks as one", total=None)
    merged = one_deck(copies)

    out: dict[str, Any] = {**big.figures(), "articles": sum(len(d) for d in corpus), "peak_rss_mb": rss,
                           "decks": {**small.figures(), "rounds": DECK_ROUNDS},
                           "one_deck": {"articles": sum(len(d) for d in copies), **merged.figures()}}
    if workers > 1:
        progress.update(task, description=f"generation: {workers} workers", total=total, completed=0)
        par = parallel(corpus, workers, decks, lambda n: progress.advance(task, n))
        # all workers together (their peaks need not coincide, so this is an upper bound) and the largest
        out["parallel"] = {"workers": workers, **par.figures(), "peak_rss_mb": round(sum(par.worker_peaks), 1),
                           "worker_peak_rss_mb": max(par.worker_peaks)}
    progress.remove_task(task)
    return out
