"""Hostile input is read in time in proportion to its length, or refused with a clear error: megabytes of
unclosed or nested wikitext markup (mwparserfromhell took the square of the length: 100 KB of "<ref>" took
17 s, 200 KB 66 s) and of nested HTML.

Each read runs in a child process with a hard time limit, so that a reader gone quadratic fails the test
instead of holding the run for hours. The machines are shared and busy, so what is timed is the child's own
CPU time (not the wall clock, which other work stretches), the bounds are generous (2 s a megabyte) and,
where it can be, what is asserted is that twice the input takes well under four times as long.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizgen.ingest import parse_article
from quizgen.settings import PROJECT_ROOT

MB = 1_000_000
SECONDS_PER_MB = 2.0
HARD_LIMIT = 120.0  # seconds for a child process, whatever its size

CHILD = """
import json, sys, time
from quizgen.errors import InputError
from quizgen.ingest import parse_article
content = open(sys.argv[1], encoding="utf-8").read()
times = []
for _ in range(int(sys.argv[3])):
    start = time.process_time()
    try:
        article = parse_article(content, input_format=sys.argv[2], source="hostile")
        result = {"paragraphs": [p for s in article.sections for p in s.paragraphs],
                  "see_also": [s.title for s in article.see_also], "refused": None}
    except InputError as exc:
        result = {"paragraphs": None, "see_also": None, "refused": str(exc)}
    times.append(time.process_time() - start)
print(json.dumps({"seconds": min(times), **result}))
"""


@dataclass
class Read:
    seconds: float  # the fastest of the runs
    paragraphs: list[str] | None
    see_also: list[str] | None
    refused: str | None  # the InputError's message


def read(tmp_path: Path, content: str, fmt: str, runs: int = 1) -> Read:
    """Read `content` in a child process (the worktree's code), `runs` times."""
    path = tmp_path / f"hostile-{len(content)}.{fmt}"
    path.write_text(content, encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(path), fmt, str(runs)], capture_output=True, text=True,
                              cwd=PROJECT_ROOT, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
                              timeout=HARD_LIMIT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {len(content):,} characters of {fmt} took more than {HARD_LIMIT:.0f} s")
    assert done.returncode == 0, done.stderr[-3000:]
    return Read(**json.loads(done.stdout))


def repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit))


# wikitext ---------------------------------------------------------------------------------------------------------

ARTICLE = """{{Short description|Ottoman siege in 1522}}
{{Infobox military conflict
| conflict = Siege of Rhodes
| date = June–December 1522
}}
The '''Siege of Rhodes''' began on June 26, 1522, when the [[Ottoman Empire|Ottoman]] army of [[Suleiman the \
Magnificent]] landed on the island.<ref>{{cite book |last=Brockman |title=''The Two Sieges of Rhodes'' |year=1969}}</ref> \
The [[Knights Hospitaller]] defended the city behind strong walls.

== The siege ==
{| class="wikitable"
|-
! Side !! Commander
|-
| Ottoman || Suleiman
|}
The Ottoman engineers dug mines under the walls, and the defenders lost the Tower of England in September \
1522.<ref name="b" /> Because supplies ran low, the knights agreed to surrender on December 20, 1522.

== See also ==
* [[Siege of Malta (1565)]]

== Afterwards ==
"""  # what follows is the hostile part, as a paragraph of the last section

TOO_LONG = "a paragraph of"  # ... characters is longer than 100,000: the hostile part, refused

# name, repeated unit, what reading gives: the article as it reads alone, or a refusal
WIKITEXT = [
    ("unclosed refs", "<ref>", "article"),
    ("unclosed templates", "{{", TOO_LONG),
    ("unclosed links", "[[", TOO_LONG),
    ("unclosed nested templates", "{{a|", TOO_LONG),
    ("nested templates", "{{a|{{b|{{c|{{d|{{e|x}}}}}}}}}} ", "article"),
    ("italics in templates", "{{a|''}}", "article"),
]


@pytest.fixture(scope="module")
def article_alone() -> Read:
    alone = parse_article(ARTICLE, input_format="wikitext", source="rhodes.wiki")
    assert "The Knights Hospitaller defended the city behind strong walls." in alone.sections[0].paragraphs[0]
    return Read(seconds=0.0, paragraphs=[p for s in alone.sections for p in s.paragraphs],
                see_also=[s.title for s in alone.see_also], refused=None)


@pytest.mark.parametrize("size", [1 * MB, 5 * MB], ids=["1MB", "5MB"])
@pytest.mark.parametrize("name, unit, expected", WIKITEXT, ids=[w[0] for w in WIKITEXT])
def test_hostile_wikitext_is_read_or_refused_in_time(tmp_path: Path, article_alone: Read, name: str, unit: str,
                                                     expected: str, size: int) -> None:
    result = read(tmp_path, ARTICLE + repeat(unit, size), "wikitext")
    assert result.seconds < SECONDS_PER_MB * size / MB, (name, result.seconds)
    if expected == "article":
        assert result.refused is None, result.refused
        assert (result.paragraphs, result.see_also) == (article_alone.paragraphs, article_alone.see_also)
    else:
        assert result.refused is not None and expected in result.refused, result.refused
        assert "is longer than 100,000; an article's paragraphs must be separated by blank lines" in result.refused


@pytest.mark.parametrize("unit", ["<ref>", "{{a|", "[[a|<ref>", "{{a|[[b|c}}]]"])
def test_twice_the_wikitext_takes_about_twice_as_long(tmp_path: Path, unit: str) -> None:
    # quadratic, 500 KB of "<ref>" took over six minutes
    once = read(tmp_path, repeat(unit, MB // 2), "wikitext", runs=3)
    twice = read(tmp_path, repeat(unit, MB), "wikitext", runs=3)
    assert twice.seconds < 3 * once.seconds + 0.2, (once.seconds, twice.seconds)


def test_more_markup_than_any_article_is_refused(tmp_path: Path) -> None:
    # a million valid links: each would cost mwparserfromhell tens of microseconds to build
    result = read(tmp_path, "The siege began in 1522.\n\n" + repeat("[[a]] ", 5 * MB), "wikitext")
    assert result.refused == ("hostile: the wikitext holds more than 300,000 pieces of markup (links, tags, lists, "
                              "...), far more than an article")
    assert result.seconds < 2 * SECONDS_PER_MB


# HTML -------------------------------------------------------------------------------------------------------------

PARAGRAPH = "<p>Constantinople fell to the Ottomans on May 29, 1453.</p>"


@pytest.mark.parametrize("unit", ["<div>", "<sup>", "<ul><li>", "<b><i>"])
def test_nested_html_is_read_in_time_and_too_many_tags_refused(tmp_path: Path, unit: str) -> None:
    page = "<html><body>" + unit * (100_000 // unit.count("<")) + PARAGRAPH  # 100,000 tags, all open
    result = read(tmp_path, page, "html")
    assert result.refused is None and result.paragraphs == ["Constantinople fell to the Ottomans on May 29, 1453."]
    assert result.seconds < SECONDS_PER_MB * 2  # BeautifulSoup builds every element: slower than the rest
    result = read(tmp_path, "<html><body>" + repeat(unit, 5 * MB) + PARAGRAPH, "html")
    assert result.refused == "hostile: the page holds more than 150,000 tags, more than an article's page"
    assert result.seconds < SECONDS_PER_MB


def test_twice_the_nested_superscripts_take_about_twice_as_long(tmp_path: Path) -> None:
    # each <sup> was read whole to see whether it is a note marker: 25 KB of them took 4 s, 50 KB 15 s
    once = read(tmp_path, "<html><body>" + repeat("<sup>", MB // 4) + PARAGRAPH, "html", runs=3)
    twice = read(tmp_path, "<html><body>" + repeat("<sup>", MB // 2) + PARAGRAPH, "html", runs=3)
    assert once.paragraphs == twice.paragraphs == ["Constantinople fell to the Ottomans on May 29, 1453."]
    assert twice.seconds < 3 * once.seconds + 0.2, (once.seconds, twice.seconds)


def test_megabytes_of_white_space_in_a_paragraph(tmp_path: Path) -> None:
    # the note-marker pattern was tried at every space of the run: 40,000 spaces took over a second
    page = "<html><body><p>Constantinople fell to the Ottomans" + " \t" * (5 * MB // 2) + "on May 29, 1453.</p>"
    result = read(tmp_path, page, "html")
    assert result.paragraphs == ["Constantinople fell to the Ottomans on May 29, 1453."]
    assert result.seconds < SECONDS_PER_MB * 5
