"""An article pasted into the new-set page, with the title the teacher typed (optional).

Plain text takes its first line as the title only when that line stands apart: a text that is one paragraph (or
opens with a whole sentence) keeps every line as the article, and its title is the one typed or, without one,
the opening words. Pasted HTML, Markdown or wikitext is read in its own layout (the content says which).
"""

from __future__ import annotations

import dataclasses
import re

from quizgen.ingest import parse_article, sniff_format
from quizgen.models import Article

TITLE_WORDS = 8
SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


def has_title_line(text: str) -> bool:
    """The first line is a title: more text follows it, and it is not a whole sentence of many words."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) < 2:
        return False
    first = lines[0]
    return not (SENTENCE_END.search(first) and len(first.split()) > TITLE_WORDS)


def derived_title(text: str) -> str:
    """The opening words of the text: 'The Siege of Rhodes began on June 26, 1522…'."""
    words = text.split()
    title = " ".join(words[:TITLE_WORDS]).rstrip(" ,;:.!?")
    return title + ("…" if len(words) > TITLE_WORDS else "")


def prepared(text: str, *, title: str = "", input_format: str | None = None) -> tuple[str, str]:
    """The text to read and its format: plain text gets the typed or derived title as its first line where its
    own first line is no title."""
    fmt = input_format or sniff_format(text)
    title = " ".join(title.split())
    if fmt == "text":
        lines = text.strip().split("\n")
        if title and lines[0].strip() == title:
            pass  # the typed title is the text's first line already
        elif title or not has_title_line(text):
            text = f"{title or derived_title(text)}\n\n{text.strip()}"
    return text, fmt


def titled(article: Article, title: str) -> Article:
    """The article under the title the teacher typed, if any."""
    title = " ".join(title.split())
    return dataclasses.replace(article, title=title) if title and article.title != title else article


def read_pasted(text: str, *, title: str = "", input_format: str | None = None, source: str = "pasted text") -> Article:
    content, fmt = prepared(text, title=title, input_format=input_format)
    return titled(parse_article(content, input_format=fmt, source=source), title)
