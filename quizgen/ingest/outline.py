"""What the markup parsers (markdown, html, wikitext) share: collecting sections in reading order,
skipping back matter, see-also list entries and removing citation markers left in text."""

from __future__ import annotations

import re
from pathlib import Path

from quizgen.ingest.common import build_article, clean_heading, clean_line, is_see_also_heading, parse_list_item
from quizgen.models import Article, SeeAlso

# sections that hold sources and links, not prose a question could be drawn from
BACK_MATTER = {
    "references", "notes", "further reading", "external links", "bibliography", "sources", "citations",
    "footnotes", "works cited", "notes and references", "references and notes", "explanatory notes",
    "general references", "cited sources", "general and cited sources", "reference notes", "endnotes",
}

# [12], [12–14], [a], [note 3], [citation needed], [clarification needed], [who?], [edit]
_MARKER = re.compile(
    r"\s*\[(?:\d{1,3}(?:\s*[-–,]\s*\d{1,3})*|[a-z]|(?:note|nb|n)\s*\d{1,3}|[a-z][a-z ]{0,30}needed|"
    r"[a-z][a-z ]{0,20}\?|dubious(?: – discuss)?|edit|update|clarify|citation|original research)\]",
    re.IGNORECASE,
)
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "de", "von", "van", "la"}


def strip_markers(text: str) -> str:
    # white space first made single: `\s*\[` tried at every space of a long run of them takes its square
    return clean_line(_MARKER.sub("", clean_line(text)))


def is_back_matter(heading: str) -> bool:
    return clean_heading(heading).lower() in BACK_MATTER


def is_sentence(text: str) -> bool:
    """A list item worth keeping as a paragraph: a few words ending like a sentence."""
    words = text.split()
    return len(words) >= 4 and text.rstrip("\"'”’)]").endswith((".", "!", "?")) and any(c.islower() for c in text)


def see_also_entry(text: str, link: str | None = None) -> SeeAlso | None:
    """A list item of a "See also" section: its first link is the title, what follows the link
    ("– the repression of 1936–1938") the description."""
    text, link = strip_markers(text), strip_markers(link or "")
    if not link:
        return parse_list_item(text)
    _, found, after = text.partition(link)
    description = after.strip().lstrip("–—-:,;").strip() if found else ""
    return SeeAlso(link, description)


def title_from_source(source: str) -> str:
    """ "battle-of-hastings.wiki" -> "Battle of Hastings"; file names with capitals are kept as written."""
    if not source or source.startswith("<"):
        return ""
    words = re.sub(r"[-_]+", " ", Path(source).stem).split()
    if any(c.isupper() for c in "".join(words)):
        return " ".join(words)
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


class Outline:
    """Sections and see-also entries in reading order; back-matter sections are read past."""

    def __init__(self) -> None:
        self.sections: list[tuple[str, list[str]]] = [("", [])]
        self.see_also: list[SeeAlso] = []
        self.mode = "body"  # "body", "see_also" or "skip"

    def heading(self, text: str) -> None:
        heading = clean_heading(strip_markers(text))
        if is_see_also_heading(heading):
            self.mode = "see_also"
        elif is_back_matter(heading):
            self.mode = "skip"
        else:
            self.mode = "body"
            self.sections.append((heading, []))

    def paragraph(self, text: str) -> None:
        text = strip_markers(text)
        if self.mode == "body" and text:
            self.sections[-1][1].append(text)

    def list_item(self, text: str, link: str | None = None) -> None:
        """A bullet: a see-also entry in a "See also" section, elsewhere a paragraph if it is a sentence."""
        if self.mode == "see_also":
            entry = see_also_entry(text, link)
            if entry and entry.title:
                self.see_also.append(entry)
        elif is_sentence(strip_markers(text)):
            self.paragraph(text)

    def build(self, title: str, source: str) -> Article:
        return build_article(strip_markers(title), self.sections, self.see_also, source)
