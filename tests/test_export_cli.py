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


def test_an_input_format_given_for_an_export_is_used(tmp_path: Path) -> None:
    """`--input-format` reaches the reader: a Markdown-looking text file read as plain text keeps its '#'."""
    article = tmp_path / "notes.md"
    article.write_text("# Not a heading here\n\nThe Grain Riot of 1795 broke out in Arnhem in May 1795. "
                       "As a result, the town council lowered the price of bread.\n", encoding="utf-8")
    out = tmp_path / "cards.csv"
    run = quizgen("export", article, "--to", "csv", "-o", out, "--input-format", "text")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr and out.exists()
    as_markdown = quizgen("generate", article, "--format", "json")
    as_text = quizgen("generate", article, "--format", "json", "--input-format", "text")
    assert '"title": "Not a heading here"' in as_markdown.stdout
    assert '"title": "# Not a heading here"' in as_text.stdout
