"""MediaWiki wikitext, read with mwparserfromhell.

Title: a `= Title =` line or a `{{DISPLAYTITLE:...}}`; otherwise the file name in words
("battle-of-hastings.wiki" -> "Battle of Hastings"). The bold name in the lead is not used: it is
often a longer or alternative name ("The '''Haitian Revolution''' ('''Révolution haïtienne''')"),
while a saved page is named after the article.

Text before the first `== Heading ==` is the lead; every heading of level 2 or more starts a
section. `[[Link|text]]` becomes text, `[[Link]]` Link; templates (but the text of {{nowrap}} and
{{lang}}), <ref>s, comments, tables, bold/italic quotes and File:/Image:/Category: links are
dropped. "See also" list items are references; References, External links and other back matter
are skipped; other list items are kept only when they are sentences.

mwparserfromhell gets the text from wikiguard.prepare, which spares it the openers that would cost it time
in proportion to the square of the text's length, takes out the bold and italic quotes (they cost the same)
but the apostrophes among them, and drops whole what is dropped here anyway, so that reading a text takes
time in proportion to its length.
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import (
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from quizgen.errors import InputError
from quizgen.ingest.common import clean_line
from quizgen.ingest.outline import Outline, title_from_source
from quizgen.ingest.wikiguard import TooMuchMarkup, prepare, restore
from quizgen.models import Article

_DROPPED_TAGS = {
    "ref", "references", "gallery", "math", "chem", "timeline", "score", "syntaxhighlight", "source", "pre",
    "table", "imagemap", "templatestyles", "includeonly", "graph", "mapframe", "maplink", "hiero", "code",
}
_DROPPED_NAMESPACES = ("file:", "image:", "category:", "media:")
# link text comes out between these, so a see-also item knows its title
LINK_START, LINK_END, HEADING = "\x01", "\x02", "\x03"
_LEFTOVER = re.compile(r"__[A-Z]+__|</?[a-zA-Z][^<>\n]*>|\{\{[^{}\n]*\}\}")


def read_template(name: str) -> bool:
    """Whether a template (its name in lower case) gives text the reader keeps (template_text, display_title)."""
    return name in ("nowrap", "lang") or name.startswith("displaytitle")


def template_text(node: Template) -> str:
    """The visible text of the few inline templates that wrap words of a sentence."""
    name = str(node.name).strip().lower()
    if name == "nowrap" and node.has(1):
        return convert(node.get(1).value)
    if name == "lang" and node.has(2):
        return convert(node.get(2).value)
    return ""


def link_text(node: Wikilink) -> str:
    target = str(node.title).strip()
    if target.lstrip(":").strip().lower().startswith(_DROPPED_NAMESPACES):
        return ""
    shown = convert(node.text) if node.text is not None and str(node.text).strip() else target.lstrip(":")
    return f"{LINK_START}{shown}{LINK_END}"


def convert_node(node: Node) -> str:
    if isinstance(node, Text):
        return str(node.value)
    if isinstance(node, Wikilink):
        return link_text(node)
    if isinstance(node, ExternalLink):
        return convert(node.title) if node.title is not None else ""
    if isinstance(node, Template):
        return template_text(node)
    if isinstance(node, HTMLEntity):
        return node.normalize()
    if isinstance(node, Heading):
        return f"\n{HEADING}{node.level}{convert(node.title)}\n"
    if isinstance(node, Tag):
        tag = str(node.tag).strip().lower()
        if tag in _DROPPED_TAGS or node.wiki_markup == "{|":
            return ""
        if tag == "br":
            return " "
        if node.wiki_markup and tag in ("li", "dt", "dd", "hr"):
            return str(node.wiki_markup)  # list markers keep their place at the start of the line
        return convert(node.contents) if node.contents is not None else ""
    return ""  # comments, arguments {{{1}}} and anything unknown


def convert(code: Wikicode) -> str:
    return "".join(convert_node(n) for n in code.nodes)


def display_title(code: Wikicode) -> str:
    for tpl in code.filter_templates(recursive=False):
        name, _, value = str(tpl.name).partition(":")
        if name.strip().upper() == "DISPLAYTITLE" and value.strip():
            return plain(restore(convert(mwparserfromhell.parse(value, skip_style_tags=True))))
    return ""


def plain(text: str) -> str:
    return clean_line(_LEFTOVER.sub("", text.replace(LINK_START, "").replace(LINK_END, "")))


def first_link(text: str) -> str | None:
    start = text.find(LINK_START)
    end = text.find(LINK_END, start + 1)
    return plain(text[start + 1:end]) if start >= 0 and end > start else None


def read_lines(text: str, outline: Outline, title: str) -> str:
    """Feed the converted text to the outline line by line; returns the title (a level-1 heading)."""
    para: list[str] = []

    def flush() -> None:
        if para:
            outline.paragraph(plain(" ".join(para)))
            para.clear()

    in_table = seen_heading = False
    for raw in text.split("\n"):
        line = raw.strip()
        if in_table or line.startswith("{|"):  # a table mwparserfromhell could not parse
            in_table = not line.startswith("|}")
            flush()
        elif not line or line.startswith("----"):
            flush()
        elif line.startswith(HEADING):
            flush()
            level, heading = line[1:2], plain(line[2:])
            if level == "1" and not seen_heading:
                title = title or heading  # {{DISPLAYTITLE}} says how the title is meant to look
            else:
                outline.heading(heading)
            seen_heading = True
        elif line[0] in "*#":
            flush()
            item = line.lstrip("*#").strip()
            outline.list_item(plain(item), first_link(item))
        elif line[0] == ";":
            flush()  # a definition term, not a sentence
        elif line[0] == ":":
            flush()
            outline.paragraph(plain(line.lstrip(":")))
        else:
            para.append(line)
    flush()
    return title


def parse(content: str, source: str) -> Article:
    try:
        prepared = prepare(content, dropped_tags=_DROPPED_TAGS, dropped_links=_DROPPED_NAMESPACES,
                           read_template=read_template)
        code = mwparserfromhell.parse(prepared, skip_style_tags=True)
        outline = Outline()
        title = read_lines(restore(convert(code)), outline, display_title(code))
    except TooMuchMarkup as exc:
        raise InputError(f"{source}: the wikitext holds {exc}, far more than an article") from None
    except RecursionError:
        raise InputError(f"{source}: the wikitext is nested too deeply to read") from None
    return outline.build(title or title_from_source(source), source)
