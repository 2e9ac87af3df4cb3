"""Read an article file (or text) in any supported layout into an `Article`.

One module per input format; each exposes `parse(text, source) -> Article` and is registered in
`PARSERS`, so adding a format is one module and one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from quizgen.errors import InputError
from quizgen.ingest import html, markdown, text, wikitext
from quizgen.models import Article
from quizgen.settings import get_settings

Parser = Callable[[str, str], Article]

PARSERS: dict[str, Parser] = {
    "text": text.parse,
    "markdown": markdown.parse,
    "html": html.parse,
    "wikitext": wikitext.parse,
}

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".wiki": "wikitext", ".wikitext": "wikitext", ".mediawiki": "wikitext",
}

ARTICLE_SUFFIXES = tuple(EXTENSIONS)


# text that opens with one of these tags is HTML (a page's source, or a fragment copied from one)
HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|title|meta|h[1-6]|p|div|article|section|main|header|"
                        r"ul|ol|table|blockquote|span|a|b|i|em|strong)[\s>/]")


def sniff_format(content: str) -> str:
    """Guess the layout of text whose file name says nothing."""
    head = content.lstrip()[:2000].lower()
    if HTML_START.match(head) or ("<p" in head and "</" in head):
        return "html"
    if "[[" in content or "{{" in content or any(
        line.startswith("==") and line.rstrip().endswith("==") for line in content.splitlines()
    ):
        return "wikitext"
    if any(line.startswith("# ") or line.startswith("## ") for line in content.splitlines()[:50]):
        return "markdown"
    return "text"


def decode(data: bytes, name: str) -> str:
    """Bytes to text, refusing what is empty, too large, binary or not UTF-8."""
    limit = get_settings().max_article_bytes
    if len(data) > limit:
        raise InputError(f"{name}: too large ({len(data):,} bytes; the limit is {limit:,})")
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not an article")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (bad byte at position {exc.start})") from None
    return content.replace("\r\n", "\n").replace("\r", "\n")


def parse_article(content: str, *, input_format: str | None = None, source: str = "<text>") -> Article:
    fmt = input_format or sniff_format(content)
    if fmt not in PARSERS:
        raise InputError(f"unknown input format {fmt!r}; choose one of {', '.join(PARSERS)}")
    if not content.strip():
        raise InputError(f"{source}: the article is empty")
    return PARSERS[fmt](content, source)


def load_article(path: str | Path, *, input_format: str | None = None) -> Article:
    """Read and parse one article file; the format comes from the extension, then the content."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if not p.is_file():
        raise InputError(f"{p}: not a file")
    limit = get_settings().max_article_bytes
    if p.stat().st_size > limit:
        raise InputError(f"{p}: too large ({p.stat().st_size:,} bytes; the limit is {limit:,})")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror})") from None
    content = decode(data, str(p))
    fmt = input_format or EXTENSIONS.get(p.suffix.lower()) or sniff_format(content)
    return parse_article(content, input_format=fmt, source=str(p))


def article_paths(path: str | Path) -> list[Path]:
    """An article file, or every article file of a deck folder in name order."""
    p = Path(path)
    if p.is_dir():
        found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in EXTENSIONS)
        if not found:
            raise InputError(f"{p}: no article files (.txt, .md, .html, .wiki) in this folder")
        return found
    if not p.exists():
        raise InputError(f"{p}: no such file or folder")
    return [p]
