"""The web app under load: simulated students taking whole quizzes against a real `quizgen serve`.

The server runs as a subprocess (uvicorn with W workers) on a fresh database made for the run: a
SQLite file in a temporary folder, or a PostgreSQL database created on the local server and dropped
afterwards. The database is migrated and seeded by `quizgen init-db` before the workers start, so
the run measures serving, not start-up. Students talk to the JSON API as any client would (a name,
then attempts, one request per answer, whose reply brings the next question); quizgen never imports web/. Afterwards every attempt is
read back through the API, and answers that were acknowledged but are not there count as lost.
Only loopback addresses are used.
"""

from __future__ import annotations

import asyncio
import math
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from rich.progress import Progress

from quizgen.errors import QuizgenError

HOST = "127.0.0.1"
PG_HOST, PG_PORT, PG_ADMIN_DB = "127.0.0.1", 5432, "test"
DATABASES = ("sqlite", "postgresql")
QUIZ_LENGTH = 10
START_TIMEOUT = 180.0  # seconds for init-db (spaCy on the bundled decks) and for the server to answer
REQUEST_TIMEOUT = 30.0
WRONG_TEXT = "not sure"


@dataclass(frozen=True)
class WebOptions:
    students: int = 50
    workers: int = 2
    seconds: float = 20.0
    max_requests: int = 1_000_000
    quiz_length: int = QUIZ_LENGTH
    think: float = 0.0  # mean seconds a student reads a question before answering; 0 answers at once
    databases: tuple[str, ...] = DATABASES


@dataclass
class Tally:
    """What all students did, shared by their coroutines (one event loop: no locks needed)."""

    deadline: float
    max_requests: int
    requests: int = 0
    answers: int = 0  # acknowledged answer submissions
    quizzes: int = 0  # attempts answered to the end
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)  # seconds, answer submissions only

    def go_on(self) -> bool:
        return time.monotonic() < self.deadline and self.requests < self.max_requests

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(what)


@dataclass
class Student:
    client: httpx.AsyncClient
    acked: dict[int, int] = field(default_factory=dict)  # attempt id -> answers acknowledged


# --- the server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def quizgen_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "quizgen.cli", *args]


def pg_user() -> str:
    """The first of postgres and root that the local server lets in."""
    import psycopg

    for user in ("postgres", "root"):
        with suppress(psycopg.OperationalError):
            with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_ADMIN_DB, user=user, connect_timeout=3):
                return user
    raise QuizgenError(f"PostgreSQL does not answer on {PG_HOST}:{PG_PORT} (database {PG_ADMIN_DB}); "
                       "run `make services`, or bench SQLite alone with --web-db sqlite")


@contextmanager
def fresh_database(kind: str, tmp: Path) -> Iterator[str]:
    """The URL of a new, empty database of this kind, removed afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp / 'quizgen.db'}"
        return
    import psycopg

    user = pg_user()
    name = f"quizgen_bench_{os.getpid()}_{random.randrange(1 << 30)}"
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_ADMIN_DB, user=user, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield f"postgresql+psycopg://{user}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_ADMIN_DB, user=user, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def prepare(env: dict[str, str], tmp: Path) -> None:
    """Migrate and seed once, in one process, before any worker starts."""
    log = tmp / "init-db.log"
    with open(log, "wb") as out:
        done = subprocess.run(quizgen_command("init-db"), env=env, cwd=tmp, stdout=out, stderr=subprocess.STDOUT,
                              timeout=START_TIMEOUT, check=False)
    if done.returncode != 0:
        raise QuizgenError(f"quizgen init-db failed:\n{_tail(log)}")


def wait_until_up(proc: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    with httpx.Client(base_url=base, timeout=2, trust_env=False) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise QuizgenError(f"quizgen serve stopped with code {proc.returncode}:\n{_tail(log)}")
            with suppress(httpx.TransportError):
                if client.get("/api/decks").status_code == 200:
                    return
            time.sleep(0.2)
    raise QuizgenError(f"quizgen serve did not answer within {START_TIMEOUT:.0f} s:\n{_tail(log)}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server and its workers (its own process group, started for this run)."""
    if proc.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@contextmanager
def server(database_url: str, workers: int, tmp: Path) -> Iterator[tuple[str, int]]:
    """A prepared database served by `quizgen serve` on a free loopback port; yields its base URL and its
    process group (the supervisor and its workers)."""
    env = {**os.environ, "QUIZGEN_DATABASE_URL": database_url}
    prepare(env, tmp)
    port = free_port()
    log = tmp / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(quizgen_command("serve", "--host", HOST, "--port", str(port), "--workers", str(workers)),
                                env=env, cwd=tmp, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://{HOST}:{port}"
    try:
        wait_until_up(proc, base, log)
        yield base, proc.pid
    finally:
        stop(proc)


# --- where the CPU went ----------------------------------------------------------------------


def _group_cpu(group: int) -> float:
    """CPU seconds of the processes of a process group, from /proc."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:
                total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _machine_cpu() -> tuple[float, float]:
    """Busy and total CPU seconds of all cores since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = values
    busy = user + nice + system + irq + softirq + steal
    tick = os.sysconf("SC_CLK_TCK")
    return busy / tick, (busy + idle + iowait) / tick


@dataclass
class CpuMeter:
    """CPU used during the run by the server, by the students (this process), and by everything on the machine.

    On a shared machine the figures of speed depend on what else runs; these say how much of it there was.
    """

    server_group: int
    start: tuple[float, float, float, float] | None = None

    def read(self) -> tuple[float, float, float, float] | None:
        if not Path("/proc/stat").exists():
            return None
        return (_group_cpu(self.server_group), time.process_time(), *_machine_cpu())

    def begin(self) -> None:
        self.start = self.read()

    def figures(self, answers: int) -> dict[str, float]:
        end = self.read()
        if self.start is None or end is None or not answers:
            return {}
        server, students, busy, total = (b - a for a, b in zip(self.start, end, strict=True))
        others = max(0.0, busy - server - students)
        return {"server_cpu_ms_per_answer": round(1000 * server / answers, 2),
                "students_cpu_ms_per_answer": round(1000 * students / answers, 2),
                "machine_busy_pct": round(100 * busy / total, 1) if total else 0.0,
                # PostgreSQL and whatever else runs on the machine
                "others_busy_pct": round(100 * others / total, 1) if total else 0.0}


# --- the students ----------------------------------------------------------------------------


def reply(current: dict[str, Any]) -> str | list[str] | list[list[str]]:
    """An answer of the right shape (right or wrong does not matter to the server's work)."""
    if current["options"]:
        return random.choice(current["options"])
    if current["events"]:
        return random.sample(current["events"], len(current["events"]))
    if current["lefts"]:
        return [[left, right] for left, right in zip(current["lefts"], current["rights"], strict=True)]
    return WRONG_TEXT


async def call(tally: Tally, client: httpx.AsyncClient, method: str, url: str,
               body: dict[str, Any] | None = None) -> httpx.Response | None:
    """One request; a non-2xx/3xx answer or a failure to get one counts as an error and gives None."""
    tally.requests += 1
    try:
        r = await client.request(method, url, json=body)
    except httpx.HTTPError as exc:
        tally.error(f"{method} {url}: {type(exc).__name__} {exc}")
        return None
    if r.status_code >= 400:
        tally.error(f"{method} {url}: {r.status_code} {r.text[:200]}")
        return None
    return r


async def take_quizzes(n: int, student: Student, tally: Tally, deck: str, options: WebOptions) -> None:
    """Give a name, then take quizzes one after another, answering every question, until time or requests run out."""
    r = await call(tally, student.client, "POST", "/api/learners", {"name": f"Student {n}"})
    if r is None:
        return
    while tally.go_on():
        r = await call(tally, student.client, "POST", "/api/attempts", {"deck": deck, "count": options.quiz_length})
        if r is None:
            return
        attempt = r.json()
        attempt_id, current = attempt["id"], attempt["current"]
        student.acked[attempt_id] = 0
        while current is not None and tally.go_on():
            if options.think:
                # students read at different speeds; none goes on reading past the end of the run
                pause = random.uniform(0.5, 1.5) * options.think
                await asyncio.sleep(max(0.0, min(pause, tally.deadline - time.monotonic())))
                if not tally.go_on():
                    break
            start = time.perf_counter()
            r = await call(tally, student.client, "POST", f"/api/attempts/{attempt_id}/answers",
                           {"position": current["position"], "response": reply(current)})
            if r is None:
                return
            tally.latencies.append(time.perf_counter() - start)
            tally.answers += 1
            student.acked[attempt_id] += 1
            current = r.json()["next"]  # the reply gives the next question: no GET between answers
            if current is None:
                tally.quizzes += 1


async def count_lost(student: Student, tally: Tally) -> int:
    """Acknowledged answers that the attempt, read back, does not hold."""
    lost = 0
    for attempt_id, acked in student.acked.items():
        try:
            r = await student.client.get(f"/api/attempts/{attempt_id}")
        except httpx.HTTPError as exc:
            tally.error(f"reading back attempt {attempt_id}: {exc}")
            lost += acked
            continue
        if r.status_code != 200:
            tally.error(f"reading back attempt {attempt_id}: {r.status_code}")
            lost += acked
            continue
        lost += max(0, acked - int(r.json()["answered"]))
    return lost


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile, in milliseconds."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(p / 100 * len(ordered))))
    return round(ordered[rank - 1] * 1000, 1)


async def load(base: str, options: WebOptions, progress: Progress, label: str,
               cpu: CpuMeter | None = None) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)  # one browser tab per student
    students = [Student(httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT, limits=limits, trust_env=False))
                for _ in range(options.students)]
    try:
        decks = (await students[0].client.get("/api/decks")).json()
        if not decks or not decks[0]["questions"]:
            raise QuizgenError("the web app has no deck with questions to quiz on (are there bundled decks?)")
        started = time.monotonic()
        tally = Tally(deadline=started + options.seconds, max_requests=options.max_requests)
        task = progress.add_task(label, total=round(options.seconds))
        if cpu:
            cpu.begin()
        runs = asyncio.gather(*(take_quizzes(i, s, tally, decks[0]["slug"], options)
                                for i, s in enumerate(students, 1)))
        while not runs.done():
            await asyncio.wait([runs], timeout=0.5)
            progress.update(task, completed=min(options.seconds, time.monotonic() - started))
        runs.result()
        elapsed = time.monotonic() - started
        usage = cpu.figures(tally.answers) if cpu else {}
        progress.remove_task(task)
        lost = sum(await asyncio.gather(*(count_lost(s, tally) for s in students)))
    finally:
        await asyncio.gather(*(s.client.aclose() for s in students))
    figures: dict[str, Any] = {
        "answers_per_s": round(tally.answers / elapsed, 1),
        "p50_ms": percentile(tally.latencies, 50),
        "p95_ms": percentile(tally.latencies, 95),
        "p99_ms": percentile(tally.latencies, 99),
        "errors": tally.errors,
        "lost": lost,
        "answers": tally.answers,
        "quizzes": tally.quizzes,
        "requests": tally.requests,
        "seconds": round(elapsed, 1),
        **usage,
    }
    if tally.error_samples:
        figures["error_samples"] = tally.error_samples
    return figures


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop where it is installed, as under the server: the students share the server's two cores, so
    the less CPU they take, the more the figures say about the server."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def run_one(kind: str, options: WebOptions, progress: Progress) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-web-") as tmp_name:
        tmp = Path(tmp_name)
        task = progress.add_task(f"web ({kind}): preparing the database and starting {options.workers} workers",
                                 total=None)
        with fresh_database(kind, tmp) as url, server(url, options.workers, tmp) as (base, group):
            progress.remove_task(task)
            label = f"web ({kind}): {options.students} students, {options.workers} workers"
            with asyncio.Runner(loop_factory=_loop_factory()) as runner:
                figures = runner.run(load(base, options, progress, label, CpuMeter(group)))
    return {"db": kind, "workers": options.workers, "students": options.students, "think_s": options.think,
            **figures}


def run(progress: Progress, options: WebOptions | None = None) -> dict[str, Any]:
    """Figures per database, keyed "sqlite" and "postgresql"."""
    options = options or WebOptions()
    unknown = [d for d in options.databases if d not in DATABASES]
    if unknown or not options.databases:
        raise QuizgenError(f"unknown database {', '.join(unknown) or '(none)'}; choose from {', '.join(DATABASES)}")
    if options.students < 1 or options.workers < 1 or options.seconds <= 0:
        raise QuizgenError("the web bench needs at least one student, one worker and some seconds")
    return {kind: run_one(kind, options, progress) for kind in options.databases}
