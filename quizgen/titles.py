"""Titles (of sets, decks, articles, sections) as plain text, and in the form each export format needs.

A title is one line of text: bidirectional controls (which can make "exe.txt" read as "txt.exe") are
dropped, other control characters become spaces. It is never markup: where a format shows it as HTML
it is escaped; where readers differ (desktop Anki renders deck names as HTML, AnkiDroid shows them as
text) or show it as text, markup is taken out, since neither escaping displays right everywhere.
"""

from __future__ import annotations

import html
import re
import unicodedata

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
TAG = re.compile(r"<[^<>]*>")


def plain_title(text: str) -> str:
    """One line of printable text, without bidi controls."""
    text = BIDI_CONTROLS.sub("", text)
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    return " ".join(text.split())


def html_title(text: str) -> str:
    """For formats whose readers show the title as HTML (Moodle's GIFT and XML categories)."""
    return html.escape(plain_title(text), quote=False)


def text_title(text: str) -> str:
    """For formats whose readers may show it either way (Anki deck names, QTI titles): no markup left."""
    return " ".join(TAG.sub(" ", plain_title(text)).replace("<", " ").replace(">", " ").split())
