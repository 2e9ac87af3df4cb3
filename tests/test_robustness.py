"""Bad and strange input never crashes: reading an article, extracting facts and generating questions
give a result or a `QuizgenError` that names the problem, never another exception.

Random text, junk bytes, one huge line, deep nesting, broken wikitext and markdown, and articles
without dates or people go through `parse_article`/`load_article`, and whatever they accept goes
through `extract` and `generate` with the real spaCy model. Inputs that reach spaCy stay small so
the file runs in well under a minute.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.errors import QuizgenError
from quizgen.ingest import EXTENSIONS, PARSERS, load_article, parse_article
from quizgen.models import Article
from quizgen.pipeline import extract, generate

FORMATS = [*PARSERS, None]  # None: the format is sniffed from the content
# spaCy's time grows fast on junk: one paragraph of 10,000 "[[" takes it from seconds to minutes
SMALL = 3_000
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_PIPELINE = settings(max_examples=25, deadline=None,
                         suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def read(content: str, fmt: str | None) -> Article | None:
    """The article, or None when ingest refuses the input with a QuizgenError."""
    try:
        article = parse_article(content, input_format=fmt, source="fuzz")
    except QuizgenError as exc:
        assert str(exc), "a QuizgenError must say what is wrong"
        return None
    assert isinstance(article, Article)
    assert any(s.paragraphs for s in article.sections)
    return article


def run_pipeline(article: Article | None) -> None:
    """Facts and questions for an article that ingest accepted and that is small enough to parse
    quickly; a QuizgenError is allowed, any other exception is a bug."""
    if article is None or len(article.text) > SMALL:
        return
    try:
        facts = extract(article)
        sets = generate([article])
    except QuizgenError as exc:
        assert str(exc)
        return
    json.dumps(facts.to_dict())
    text = article.text
    for d in facts.dates:
        assert 0 <= d.where.start <= d.where.end <= len(text)
    assert len(sets) == 1
    json.dumps(sets[0].to_dict())
    for q in sets[0].questions:
        assert q.id and q.prompt.strip()


# random text -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(content=st.text(max_size=2000))
def test_random_unicode_is_read_or_refused(fmt: str | None, content: str) -> None:
    read(content, fmt)


LINE = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)


@FUZZ_PIPELINE
@given(fmt=st.sampled_from(FORMATS), lines=st.lists(LINE, min_size=1, max_size=8))
def test_random_unicode_through_the_pipeline(fmt: str | None, lines: list[str]) -> None:
    run_pipeline(read("\n\n".join(lines), fmt))


# junk bytes and files --------------------------------------------------------------------------------


@FUZZ_PIPELINE
@given(data=st.one_of(
    st.binary(max_size=600),
    # mostly text with junk mixed in: a BOM, NUL, bytes that are not UTF-8, lone continuation bytes
    st.lists(st.sampled_from([b"The war ended in 1453. ", b"\xef\xbb\xbf", b"\x00", b"\xff\xfe", b"\x80", b"\xc3",
                              b"\r\n", b"\r", b"\n\n", "Zo\u00eb met Jos\u00e9 in Z\u00fcrich. ".encode()]),
             max_size=40).map(b"".join),
), suffix=st.sampled_from([*EXTENSIONS, ".bin", ""]))
def test_junk_bytes_are_read_or_refused(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(data)
        try:
            article = load_article(path)
        except QuizgenError as exc:
            assert str(exc).startswith(str(path))  # the message names the file
            return
    run_pipeline(article)


# huge and deep ------------------------------------------------------------------------------------------


HUGE_LINE = "The Ottoman army took the city on May 29, 1453, and Mehmed II entered it. " * 28_000  # ~2 MB


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_huge_line_is_read_or_refused(fmt: str | None) -> None:
    assert len(HUGE_LINE) > 2_000_000
    article = read("Fall of Constantinople\n\n" + HUGE_LINE, fmt)
    if article is not None:
        assert max(len(p) for s in article.sections for p in s.paragraphs) > 1_000_000


def test_one_huge_paragraph_is_refused_with_a_clear_error() -> None:
    with pytest.raises(QuizgenError, match="paragraph of 2,"):
        parse_article("Fall of Constantinople\n\n" + HUGE_LINE, input_format="text")


NESTED = {
    "divs": "<html><body>" + "<div>" * 10_000 + "<p>The city fell on May 29, 1453.</p>" + "</div>" * 10_000,
    "unclosed divs": "<div>" * 10_000 + "<p>The city fell on May 29, 1453.</p>",
    "inline": "<p>" + "<span><b>" * 5_000 + "The city fell on May 29, 1453." + "</b></span>" * 5_000 + "</p>",
    "lists": "<h1>Fall</h1>" + "<ul><li>" * 5_000 + "The city fell on May 29, 1453, after a long siege.",
    "tables": "<table><tr><td>" * 3_000 + "<p>The city fell on May 29, 1453.</p>",
    "headings": "".join(f"<h{2 + i % 5}>Part {i}</h{2 + i % 5}><p>Event {i} happened in {1000 + i}.</p>"
                        for i in range(3_000)),
}


@pytest.mark.parametrize("name", NESTED)
def test_deeply_nested_html_is_read_or_refused(name: str) -> None:
    run_pipeline(read(NESTED[name], "html"))


def test_deeply_nested_wikitext_and_markdown_are_read_or_refused() -> None:
    for content, fmt in [
        ("{{" * 10_000 + "The city fell in 1453." + "}}" * 10_000, "wikitext"),
        ("[[" * 10_000 + "The city fell in 1453.", "wikitext"),
        ("<ref>" * 5_000 + "The city fell in 1453.", "wikitext"),
        ("''" * 10_000 + "The city fell in 1453.", "wikitext"),
        ("> " * 10_000 + "The city fell in 1453.", "markdown"),
        ("* " * 5_000 + "The city fell in 1453.", "markdown"),
        ("[" * 10_000 + "The city fell in 1453." + "](" * 5_000, "markdown"),
    ]:
        run_pipeline(read(content, fmt))


# malformed markup --------------------------------------------------------------------------------------

SENTENCES = ["The war ended in 1453. ", "Mehmed II besieged the city. ", "In the 1450s trade collapsed. ",
             "Because of the siege, the emperor died. ", "It was the end of an empire. "]
WIKI_PIECES = ["[[", "]]", "[[File:x.jpg|", "[[Category:", "|", "{{", "}}", "{{{", "}}}", "{{lang|fr|", "{{nowrap|",
               "<ref>", "</ref>", "<ref name=a/>", "<ref name=\"", "<!--", "-->", "{|", "|-", "|}", "==", "===",
               "= T =", "'''", "''", "[http://example.org ", "]", "&amp;", "&#x;", "&nbsp;", "* ", "# ", ": ", "; ",
               "----", "<div>", "</div>", "<br>", "__NOTOC__", "{{DISPLAYTITLE:", "\n", "\n\n", "See also", *SENTENCES]
MARKDOWN_PIECES = ["# ", "## ", "###### ", "> ", "* ", "- ", "1. ", "```", "~~~", "    ", "| a | b |\n|---|---|",
                   "---", "***", "[", "](", ")", "![", "<div>", "</div>", "[^1]", "[^1]: note", "_", "**", "\\",
                   "<", "&", "title: x", "\n", "\n\n", "See also", *SENTENCES]
HTML_PIECES = ["<p>", "</p>", "<h2>", "</h2>", "<li>", "<ul>", "</ul>", "<sup>[1]</sup>", "<table>", "<td>",
               "<script>", "</script>", "<!--", "-->", "<br>", "<title>", "</title>", "<h1>", "</h1>", "&amp;",
               "&#0;", "<a href='#cite_note-1'>", "</a>", "<div class='reference'>", "<", ">", "\n", *SENTENCES]


@FUZZ_PIPELINE
@given(fmt=st.sampled_from(["wikitext", None]), pieces=st.lists(st.sampled_from(WIKI_PIECES), max_size=60))
def test_malformed_wikitext(fmt: str | None, pieces: list[str]) -> None:
    run_pipeline(read("".join(pieces), fmt))


@FUZZ_PIPELINE
@given(fmt=st.sampled_from(["markdown", None]), pieces=st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=60))
def test_markdown_junk(fmt: str | None, pieces: list[str]) -> None:
    run_pipeline(read("".join(pieces), fmt))


@FUZZ_PIPELINE
@given(fmt=st.sampled_from(["html", None]), pieces=st.lists(st.sampled_from(HTML_PIECES), max_size=60))
def test_malformed_html(fmt: str | None, pieces: list[str]) -> None:
    run_pipeline(read("".join(pieces), fmt))


# articles without dates or people ---------------------------------------------------------------------------

SUBJECTS = ["the farmers", "the army", "the council", "a merchant", "the rebels", "Rome", "the Ottoman Empire",
            "Jane Austen", "he", "they", "its leader"]
VERBS = ["built", "crossed", "defended", "sold", "abandoned", "attacked", "caused", "led to", "was destroyed by"]
OBJECTS = ["the bridge", "the river", "a new temple", "the harbour", "grain", "the war", "the revolt", "Paris"]
TAILS = [".", " in 1066.", " during the early 1920s.", " because the harvest failed.", ", which led to famine.",
         " on 3 March.", " after the treaty.", "!", "?", ""]
SENTENCE = st.builds(lambda s, v, o, t: f"{s} {v} {o}{t}".capitalize(), st.sampled_from(SUBJECTS),
                     st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(TAILS))


@FUZZ_PIPELINE
@given(title=st.sampled_from(["Siege of Tyre", "Farming", "The Revolt", "X", "1848", "Great Famine Famine"]),
       paragraphs=st.lists(st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=4),
       see_also=st.lists(st.sampled_from(["Rome", "Farming in Europe", "Jane Austen", "1848"]), max_size=3))
def test_plain_articles_with_or_without_dates_and_people(title: str, paragraphs: list[str], see_also: list[str]) -> None:
    content = "\n\n".join([title, *paragraphs, *(["See also", *see_also] if see_also else [])])
    run_pipeline(read(content, "text"))


def test_article_with_no_dates_and_no_people_gives_no_crash() -> None:
    article = read("Farming\n\nThe farmers grew wheat near the river. The rain came late and the crop was poor.",
                   "text")
    assert article is not None
    facts = extract(article)
    assert facts.dates == () and facts.people == ()
    generate([article])
