"""Markdown (CommonMark with tables), read with markdown-it-py.

The first `#` heading is the title (else the first line, or a YAML front-matter `title:`); every
deeper heading starts a section. Inline markup and links become their plain text; images, inline
HTML, code, HTML blocks and tables are dropped. Under a "See also" heading the list items are
references; elsewhere a list item is kept as a paragraph only when it is a sentence.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from quizgen.errors import InputError
from quizgen.ingest.outline import Outline
from quizgen.models import Article

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")


def plain(inline: Token) -> tuple[str, str | None]:
    """The plain text of an inline token and the text of its first link."""
    out: list[str] = []
    link: list[str] | None = None
    first_link: str | None = None
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
            if link is not None:
                link.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "link_open":
            link = []
        elif child.type == "link_close" and link is not None:
            if first_link is None:
                first_link = "".join(link)
            link = None
    return _FOOTNOTE_REF.sub("", "".join(out)), first_link


def strip_front_matter(content: str) -> tuple[str, str]:
    """(YAML front matter's title, the rest): otherwise `---` and `title: X` would read as a heading."""
    m = _FRONT_MATTER.match(content)
    if not m:
        return "", content
    title = ""
    for line in m.group("body").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "title" and not title:
            title = value.strip().strip("\"'")
    return title, content[m.end():]


def split_first_line(content: str) -> tuple[str, str]:
    """(title, the rest) when there is no `#` heading: the first line is the title."""
    lines = content.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return "", content
    tokens = _MD.parse(lines[first])
    if tokens and tokens[0].type == "paragraph_open":
        # a plain first line is the title alone, not the start of the first paragraph
        return plain(tokens[1])[0], "\n".join(lines[first + 1:])
    heading = next((t for t in tokens if t.type == "inline"), None)
    return (plain(heading)[0] if heading else lines[first].strip()), content


def read_tokens(tokens: list[Token], outline: Outline, title: str) -> str:
    """Feed the blocks to the outline in order; returns the title (the first h1 if not known yet)."""
    list_depth = 0
    in_table = False
    for i, tok in enumerate(tokens):
        if tok.type in ("table_open", "table_close"):
            in_table = tok.type == "table_open"
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif tok.type == "inline" and i > 0 and not in_table:
            text, link = plain(tok)
            opener = tokens[i - 1]
            if opener.type == "heading_open":
                if opener.tag == "h1" and not title:
                    title = text
                else:
                    outline.heading(text)
            elif list_depth:
                outline.list_item(text, link)
            elif not tok.content.lstrip().startswith("[^"):  # a footnote definition
                outline.paragraph(text)
    return title


def parse(content: str, source: str) -> Article:
    try:
        meta_title, content = strip_front_matter(content)
        tokens = _MD.parse(content)
        title = ""
        if not any(t.type == "heading_open" and t.tag == "h1" for t in tokens):
            title = meta_title
            if not title:
                title, content = split_first_line(content)
                tokens = _MD.parse(content)
        outline = Outline()
        title = read_tokens(tokens, outline, title)
    except RecursionError:
        raise InputError(f"{source}: the markdown is nested too deeply to read") from None
    return outline.build(title, source)
