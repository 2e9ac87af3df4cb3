"""Names shared by the library and the web app, each defined once."""

from __future__ import annotations

from slugify import slugify as _slugify

BLANK = "_____"  # the gap of a cloze prompt


def slugify(text: str, fallback: str = "questions", max_length: int = 100) -> str:
    """A file or URL name: "Révolution française" -> "revolution-francaise" (accents folded, not dropped)."""
    return _slugify(text, max_length=max_length, word_boundary=False) or fallback
