"""Titles as plain text in every export: bidi controls dropped, and no markup from a title reaches a reader,
escaped where the format shows it as HTML (Moodle's GIFT and XML categories), taken out where readers show it
either way (Anki deck names, QTI titles). Each file is read back with a parser of its own."""

from __future__ import annotations

import html
import io
import sqlite3
import zipfile
from pathlib import Path

import pytest
from export_fixtures import CHOICE
from gift_reader import read as read_gift
from lxml import etree

from quizgen.export import export
from quizgen.models import QuestionSet
from quizgen.titles import html_title, plain_title, text_title

TITLE = "<b onmouseover=alert(1)>Rhodes</b> \u202egnp.exe & <script>x</script>"
PARENT = "My \u2066<i>deck</i>\u2069"
BIDI = ("\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")


def sets() -> list[QuestionSet]:
    return [QuestionSet(TITLE, (CHOICE,))]


def no_bidi(text: str) -> bool:
    return not any(c in text for c in BIDI)


def test_the_helpers() -> None:
    assert plain_title("a\u202eb\u2066c\u200fd\n e\x00f") == "abcd e f"
    assert html_title(TITLE) == "&lt;b onmouseover=alert(1)&gt;Rhodes&lt;/b&gt; gnp.exe &amp; &lt;script&gt;x&lt;/script&gt;"
    assert text_title(TITLE) == "Rhodes gnp.exe & x"
    assert text_title("1 < 2") == "1 2" and text_title("Tanners <Old>") == "Tanners"


def test_anki_deck_names_hold_no_markup(tmp_path: Path) -> None:
    out = tmp_path / "d.apkg"
    export(sets(), "anki", out, parent=PARENT)
    with zipfile.ZipFile(out) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        import json

        (decks,) = db.execute("select decks from col").fetchone()
    names = [d["name"] for d in json.loads(decks).values() if d["name"] != "Default"]
    assert names == [f"My deck::Rhodes gnp.exe & x::{CHOICE.source.section}"]


def test_gift_categories_are_escaped(tmp_path: Path) -> None:
    out = tmp_path / "q.gift"
    export(sets(), "gift", out, parent=PARENT)
    text = out.read_text(encoding="utf-8")
    assert "<b" not in text and "<script" not in text and no_bidi(text)
    (category,) = [q.category for q in read_gift(text) if q.qtype == "category"]
    levels = [level.replace("\0", "/") for level in category.replace("//", "\0").split("/")]  # "//" is a slash
    assert levels == ["$course$", "top", "My &lt;i&gt;deck&lt;/i&gt;", html_title(TITLE), CHOICE.source.section]


def test_moodle_xml_categories_are_escaped(tmp_path: Path) -> None:
    out = tmp_path / "q.xml"
    export(sets(), "moodle-xml", out, parent=PARENT)
    category = etree.parse(str(out)).findtext(".//question[@type='category']/category/text")
    assert category is not None and no_bidi(category) and "<" not in category
    # Moodle splits at "/" and reads "//" as a slash; each level shows as the title's text
    levels = [html.unescape(level.replace("\0", "/")) for level in category.replace("//", "\0").split("/")]
    assert levels == ["$course$", "top", "My <i>deck</i>", plain_title(TITLE), CHOICE.source.section]


def test_qti_titles_hold_no_markup(tmp_path: Path) -> None:
    out = tmp_path / "q.zip"
    export(sets(), "qti", out, parent=PARENT)
    with zipfile.ZipFile(out) as z:
        (name,) = [n for n in z.namelist() if n != "imsmanifest.xml"]
        root = etree.parse(io.BytesIO(z.read(name)))
    (assessment,) = root.iter("{*}assessment")
    assert assessment.get("title") == "Rhodes gnp.exe & x"


@pytest.mark.parametrize("fmt", ["csv", "kahoot", "json"])
def test_other_formats_still_export(tmp_path: Path, fmt: str) -> None:
    assert export(sets(), fmt, tmp_path / f"q.{fmt}", parent=PARENT).count == 1
