"""Pieces every input format shares: see-also references, title clean-up, assembling the Article."""

from __future__ import annotations

import re
import unicodedata

from quizgen.errors import InputError
from quizgen.models import Article, Section, SeeAlso

# "Kirov AssassinationEdit": the edit link of a wiki page glued to the last word when copied
_EDIT_SUFFIX = re.compile(r"(?<=[a-z0-9)\]])\s*\[?Edit\]?$")
_INLINE_SEE_ALSO = re.compile(r"(?:(?<=^)|(?<=[.!?]\s))See also:?\s+(?P<body>[^.!?]+)[.!?]?(?=\s|$)")
_SPLIT_ITEMS = re.compile(r",\s*and\s+|;\s*|,\s+(?=[A-Z])|\s+and\s+(?=[A-Z0-9])")
# far beyond any real paragraph; the parser's cost and memory grow with a text's length
MAX_PARAGRAPH_CHARS = 100_000
SEE_ALSO_HEADINGS = {"see also", "related articles", "related topics"}


def clean_line(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ").replace("\u200b", "")
    return " ".join(s.split())


def clean_heading(s: str) -> str:
    return _EDIT_SUFFIX.sub("", clean_line(s)).strip().rstrip(":").strip()


def is_see_also_heading(s: str) -> bool:
    return clean_heading(s).lower() in SEE_ALSO_HEADINGS


def parse_see_also_items(body: str) -> list[SeeAlso]:
    """"NKVD and Great Purge" / "Nikolai Yezhov for the figure who ..., and Great Purge for ..."."""
    items: list[SeeAlso] = []
    pending: list[str] = []  # titles waiting for a shared description ("X and Y for Z")
    for chunk in _SPLIT_ITEMS.split(body.strip()):
        chunk = chunk.strip(" ,;")
        if not chunk:
            continue
        title, sep, desc = chunk.partition(" for ")
        title = title.strip()
        if not sep:
            pending.append(title)
            continue
        for t in pending:
            items.append(SeeAlso(t, desc.strip()))
        pending = []
        items.append(SeeAlso(title, desc.strip()))
    items.extend(SeeAlso(t) for t in pending)
    return [i for i in items if i.title]


def split_see_also(paragraph: str) -> tuple[str, list[SeeAlso]]:
    """Take inline "See also X." sentences out of a paragraph, returning what is left and the references."""
    found: list[SeeAlso] = []

    def take(m: re.Match[str]) -> str:
        found.extend(parse_see_also_items(m.group("body")))
        return ""

    rest = _INLINE_SEE_ALSO.sub(take, paragraph)
    return " ".join(rest.split()), found


def parse_list_item(line: str) -> SeeAlso | None:
    """One entry of a "See also" list: "* Great Purge – the repression of 1936–1938"."""
    line = clean_line(line).lstrip("*-•·#:; ").strip()
    if not line:
        return None
    parts = re.split(r"\s+[–—-]\s+|:\s+", line, maxsplit=1)
    title, desc = parts[0], (parts[1] if len(parts) > 1 else "")
    return SeeAlso(title.strip(), desc.strip())


def build_article(title: str, sections: list[tuple[str, list[str]]], see_also: list[SeeAlso], source: str) -> Article:
    """Assemble an Article: inline see-also sentences come out of paragraphs, empty parts are dropped,
    see-also entries are de-duplicated by title (first description that says something wins)."""
    title = clean_heading(title)
    refs: list[SeeAlso] = []
    secs: list[Section] = []
    for heading, paragraphs in sections:
        kept: list[str] = []
        for para in paragraphs:
            if len(para) > MAX_PARAGRAPH_CHARS:
                raise InputError(f"{source}: a paragraph of {len(para):,} characters is longer than "
                                 f"{MAX_PARAGRAPH_CHARS:,}; an article's paragraphs must be separated by blank lines")
            text, found = split_see_also(clean_line(para))
            refs.extend(found)
            if text:
                kept.append(text)
        if kept:
            secs.append(Section(clean_heading(heading), tuple(kept)))
    refs.extend(see_also)
    if not any(s.paragraphs for s in secs):
        raise InputError(f"{source}: no paragraphs of text found")
    if not title:
        title = secs[0].heading or secs[0].paragraphs[0][:60]
    merged: dict[str, SeeAlso] = {}
    for r in refs:
        key = r.title.lower()
        if key not in merged or (r.description and not merged[key].description):
            merged[key] = SeeAlso(r.title, r.description or (merged[key].description if key in merged else ""))
    return Article(title=title, sections=tuple(secs), see_also=tuple(merged.values()), source=source)
