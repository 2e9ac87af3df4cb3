"""`quizgen export` refuses bad arguments with one line and exit status 2, and writes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quizgen.settings import PROJECT_ROOT

DECK = PROJECT_ROOT / "decks" / "kirov-assassination"


def quizgen(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quizgen.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_unknown_format_is_one_line_and_exit_2(tmp_path: Path) -> None:
    run = quizgen("export", DECK, "--to", "nonsense", "-o", tmp_path / "x.apkg")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "unknown export format 'nonsense'" in run.stderr
    assert "anki, csv, kahoot, gift, moodle-xml, qti, json" in run.stderr
    assert not list(tmp_path.iterdir())


def test_missing_output_folder_is_one_line_and_exit_2() -> None:
    out = Path("/nonexistent/dir/x.apkg")
    run = quizgen("export", DECK, "--to", "anki", "-o", out)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "/nonexistent/dir" in run.stderr
    assert "Traceback" not in run.stderr
    assert not out.exists()
