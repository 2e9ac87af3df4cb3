"""HTML, including a page saved from Wikipedia, read with BeautifulSoup and lxml.

The title is the page's h1 (#firstHeading) or its <title> without " - Wikipedia". The text comes
from #mw-content-text, else <main>, <article> or <body>: h2-h6 start sections, <p> are paragraphs,
list items are kept only when they are sentences (or entries of a "See also" section). Everything
that is not prose is removed first: citation markers, edit links, navigation, tables, figures,
reference lists and scripts; back-matter sections (References, External links, ...) are skipped.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from quizgen.errors import InputError
from quizgen.ingest.common import clean_line
from quizgen.ingest.outline import Outline, title_from_source
from quizgen.models import Article

NOISE_TAGS = {
    "script", "style", "noscript", "template", "link", "meta", "svg", "math", "table", "figure", "figcaption",
    "nav", "header", "footer", "aside", "form", "button", "input", "select", "textarea", "iframe", "object",
}
NOISE_CLASSES = {
    "reference", "noprint", "Inline-Template", "mw-ref", "mw-editsection", "mw-jump-link", "mw-cite-backlink",
    "mw-empty-elt", "mw-indicators", "toc", "hatnote", "dablink", "shortdescription", "navbox", "vertical-navbox",
    "navbox-styles", "sidebar", "infobox", "metadata", "ambox", "mbox-small", "side-box", "portalbox",
    "sistersitebox", "thumb", "gallery", "printfooter", "catlinks", "mw-authority-control", "authority-control",
    "references", "reflist", "refbegin",
}
NOISE_IDS = {"toc", "siteSub", "contentSub", "jump-to-nav", "catlinks"}
_WIKIPEDIA_SUFFIX = re.compile(r"\s+[-–—|]\s+Wikipedia\s*$")
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
MARKER_NODES = 12  # elements and strings in a note marker: <a href="#cite_note-1"><span>[</span>1<span>]</span></a>
# BeautifulSoup spends about 10 µs on each element, so a page of a million tags takes its time before anything
# here runs; a saved article page has a "<" every 25 characters or so: 150,000 is a page of over 3 MB
MAX_TAGS = 150_000


def is_noise(tag: Tag) -> bool:
    """Page furniture, notes and markers: anything that is not the article's prose.
    (Plain Python checks: CSS selectors over a large page take seconds.)"""
    if tag.name in NOISE_TAGS:
        return True
    if not tag.attrs:
        return False
    classes: list[str] | str = tag.get("class") or []
    tag_id = str(tag.get("id") or "")
    return (
        any(c in NOISE_CLASSES for c in classes)
        or tag_id in NOISE_IDS
        or tag_id.startswith("cite_ref")
        or tag.get("role") in ("navigation", "note")
        or (tag.name == "cite" and "citation" in classes)
        or (tag.name == "a" and str(tag.get("href", "")).startswith("#cite_note"))
        or "display:none" in str(tag.get("style", "")).replace(" ", "")
    )


def page_title(soup: BeautifulSoup) -> str:
    h1 = soup.find(id="firstHeading") or soup.find("h1")
    if isinstance(h1, Tag):
        for edit in h1.find_all(class_="mw-editsection"):
            edit.decompose()
        if clean_line(h1.get_text()):
            return clean_line(h1.get_text())
    head_title = soup.find("title")
    return _WIKIPEDIA_SUFFIX.sub("", clean_line(head_title.get_text())) if isinstance(head_title, Tag) else ""


def is_marker_sup(sup: Tag) -> bool:
    """A superscript that points at a note ("[12]", a link to #cite_note-...), not an ordinal's "th"."""
    small = small_content(sup, MARKER_NODES)
    if small is None:
        return False  # a marker is a link and a few characters
    text, links = small
    text = text.strip()
    return (text.startswith("[") and text.endswith("]")) or any(str(a.get("href", "")).startswith("#") for a in links)


def small_content(tag: Tag, limit: int) -> tuple[str, list[Tag]] | None:
    """The text and the links of a tag holding at most `limit` elements and strings; None for a larger one, of
    which no more than that is looked at. (bs4's get_text and find_all first walk to the tag's last descendant:
    for each of thousands of tags nested in one another, that is the square of their number.)"""
    strings: list[str] = []
    links: list[Tag] = []
    seen = 0
    levels = [iter(tag.contents)]
    while levels:
        child = next(levels[-1], None)
        if child is None:
            levels.pop()
            continue
        seen += 1
        if seen > limit:
            return None
        if isinstance(child, Tag):
            if child.name == "a":
                links.append(child)
            levels.append(iter(child.contents))
        elif type(child) is NavigableString:
            strings.append(child)
    return "".join(strings), links


def own_text(li: Tag) -> tuple[str, str | None]:
    """A list item's text without its nested lists, and the text of its first link."""
    parts: list[str] = []
    link: str | None = None
    for child in li.children:
        if isinstance(child, Tag):
            if child.name in ("ul", "ol", "dl"):
                continue
            a = child if child.name == "a" else child.find("a")
            if link is None and isinstance(a, Tag):
                link = clean_line(a.get_text())
            parts.append(child.get_text())
        else:
            parts.append(str(child))
    return clean_line("".join(parts)), link


def remove_noise(root: Tag) -> None:
    """Decompose noise top-down, never looking inside what is already gone."""
    stack = [root]
    while stack:
        for child in list(stack.pop().contents):
            if not isinstance(child, Tag):
                continue
            if is_noise(child) or (child.name == "sup" and is_marker_sup(child)):
                child.decompose()
            else:
                stack.append(child)


def walk(root: Tag, outline: Outline, title: str) -> None:
    """Visit the content in document order without recursion (pages can nest thousands deep);
    an h1 repeating the title is skipped, any other starts a section."""
    stack: list[Tag] = [root]
    while stack:
        node = stack.pop()
        if node.name in _HEADINGS or (node.name == "h1" and clean_line(node.get_text()) != title):
            outline.heading(node.get_text())
        elif node.name == "p":
            outline.paragraph(node.get_text())
        elif node.name == "li":
            outline.list_item(*own_text(node))
            stack.extend(c for c in reversed(node.contents) if isinstance(c, Tag) and c.name in ("ul", "ol"))
        elif node.name != "h1":
            stack.extend(c for c in reversed(node.contents) if isinstance(c, Tag))


def parse(content: str, source: str) -> Article:
    if content.count("<") > MAX_TAGS:
        raise InputError(f"{source}: the page holds more than {MAX_TAGS:,} tags, more than an article's page")
    try:
        soup = BeautifulSoup(content, "lxml")
        title = page_title(soup) or title_from_source(source)
        remove_noise(soup)
        for br in soup.find_all("br"):
            br.replace_with(" ")
        root = (soup.find(id="mw-content-text") or soup.find("main") or soup.find("article")
                or soup.body or soup)
        outline = Outline()
        walk(root, outline, title)
    except RecursionError:
        raise InputError(f"{source}: the HTML is nested too deeply to read") from None
    return outline.build(title, source)
