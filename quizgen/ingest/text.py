"""Plain text in the layout of an article copied from a wiki page.

The first line is the title; blocks are separated by blank lines; a block that is one short line
without final punctuation is a heading; a "See also" heading starts a list of references.
"""

from __future__ import annotations

from quizgen.ingest.common import build_article, clean_line, is_see_also_heading, parse_list_item
from quizgen.models import Article, SeeAlso

MAX_HEADING_WORDS = 12
_FINAL_PUNCT = tuple('.!?,;:"”’)]…')


def is_heading(line: str) -> bool:
    line = clean_line(line)
    return bool(line) and len(line.split()) <= MAX_HEADING_WORDS and not line.endswith(_FINAL_PUNCT)


def starts_body(first: str, second: str) -> bool:
    """A heading glued to its paragraph: a few title-like words, then a line that starts a sentence."""
    return len(first.split()) <= 8 and first[:1].isupper() and second[:1].isupper()


def parse(content: str, source: str) -> Article:
    lines = content.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = clean_line(lines[0]) if lines else ""
    blocks: list[list[str]] = [[]]
    for line in lines[1:]:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])

    sections: list[tuple[str, list[str]]] = [("", [])]
    see_also: list[SeeAlso] = []
    in_see_also = False
    for block in (b for b in blocks if b):
        if is_heading(block[0]) and (len(block) == 1 or starts_body(block[0], block[1])):
            heading, body = block[0], block[1:]
            in_see_also = is_see_also_heading(heading)
            if not in_see_also:
                sections.append((heading, []))
        else:
            body = block
        if not body:
            continue
        if in_see_also:
            see_also.extend(i for i in map(parse_list_item, body) if i)
        else:
            sections[-1][1].append(" ".join(body))
    return build_article(title, sections, see_also, source)
