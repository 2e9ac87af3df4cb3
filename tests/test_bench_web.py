"""`quizgen bench --only web`: a tiny class on SQLite gives every figure, with no error and no lost answer.
Speed is the bench's to judge, not this test's: a shared test machine makes timing assertions flaky."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

QUIZGEN = Path(sys.executable).parent / "quizgen"
KEYS = {"answers_per_s", "p50_ms", "p95_ms", "p99_ms", "errors", "lost", "db", "workers", "students"}


def test_tiny_web_bench_keeps_every_answer() -> None:
    run = subprocess.run(
        [str(QUIZGEN), "bench", "--json", "--only", "web", "--web-db", "sqlite", "--students", "3",
         "--web-workers", "1", "--seconds", "3"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout)
    web = results["web"]["sqlite"]
    assert KEYS <= set(web), f"missing {KEYS - set(web)}"
    assert (web["db"], web["workers"], web["students"]) == ("sqlite", 1, 3)
    assert web["errors"] == 0, web.get("error_samples")
    assert web["lost"] == 0
    assert web["answers"] > 0 and web["answers_per_s"] > 0
    assert 0 < web["p50_ms"] <= web["p95_ms"] <= web["p99_ms"]
    assert results["targets"]["web.sqlite.lost"]["met"] is True
    assert "web.postgresql.lost" not in results["targets"]  # PostgreSQL was not asked for
