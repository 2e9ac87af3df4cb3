"""Anki .apkg (genanki): a deck per article with a subdeck per section, under `parent` when given.

Everything that identifies a note is fixed so that re-importing a regenerated deck updates notes
instead of duplicating them: note GUIDs come from question ids, note type ids are constants, deck
ids are hashes of deck names, and the package timestamp comes from settings, so the same questions
give a byte-identical file. Every field is HTML-escaped; only the markup built here is HTML.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import re
import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from quizgen.export.common import (
    ExportReport,
    all_questions,
    category_path,
    export_time,
    section_of,
    split_cloze,
    write_bytes,
    zip_bytes,
)
from quizgen.models import Question, QuestionSet
from quizgen.titles import text_title

# Fixed forever: Anki recognises a note type by its id, so changing one makes every deck a new note type.
BASIC_MODEL_ID = 1_498_276_311
CLOZE_MODEL_ID = 1_498_276_312
CHOICE_MODEL_ID = 1_498_276_313
PAIR_MODEL_ID = 1_498_276_314

CSS = """\
.card {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 20px;
  line-height: 1.5;
  text-align: left;
  color: #1f2328;
  background-color: #fbfaf7;
  max-width: 38em;
  margin: 0 auto;
  padding: 0.8em;
}
.context { font-size: 0.7em; color: #6a6f76; margin-bottom: 0.8em; letter-spacing: 0.02em; }
.prompt { font-weight: 500; }
.hint { font-size: 0.8em; color: #6a6f76; margin-top: 0.4em; }
.answer { font-weight: 600; color: #116329; }
.cloze { font-weight: 600; color: #0550ae; }
.choices, .events { padding-left: 1.5em; margin: 0.6em 0; }
.choices li, .events li { margin: 0.3em 0; }
.source {
  margin-top: 1.2em; padding-top: 0.6em; border-top: 1px solid #d8dee4;
  font-size: 0.8em; font-style: italic; color: #57606a;
}
hr#answer { border: none; border-top: 1px solid #d8dee4; margin: 1em 0; }
@media (max-width: 480px) { .card { font-size: 18px; padding: 0.5em; } }
.nightMode.card, .night_mode .card { color: #e6edf3; background-color: #1c1e21; }
.nightMode .context, .nightMode .hint, .night_mode .context, .night_mode .hint { color: #9aa4ae; }
.nightMode .answer, .night_mode .answer { color: #7ee787; }
.nightMode .cloze, .night_mode .cloze { color: #79c0ff; }
.nightMode .source, .night_mode .source { color: #b1bac4; border-top-color: #3d444d; }
.nightMode hr#answer, .night_mode hr#answer { border-top-color: #3d444d; }
"""

def revision(*parts: str) -> int:
    """Seconds added to the export timestamp, derived from content.

    Anki only updates an existing note (or note type) on import when the incoming modification time
    differs from the stored one ("Update notes: Always") or is later ("If newer"). With one fixed
    timestamp a corrected question would never replace its old note, so the time also encodes the
    content: the same content keeps the same time (and the file its bytes), changed content differs.
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 86_400


class Note(genanki.Note):
    def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
        offset = revision(str(self.model.model_id), *self.fields, *self.tags)
        super().write_to_db(cursor, timestamp + offset, deck_id, id_gen)


class Model(genanki.Model):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # computed now: genanki's to_json adds defaults to the templates, which would change the result
        self.revision = revision(self.name, self.css, repr(self.fields), repr(self.templates))

    def to_json(self, timestamp: float, deck_id: int) -> Any:
        return super().to_json(timestamp + self.revision, deck_id)


SOURCE = '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'

BASIC_MODEL = Model(
    BASIC_MODEL_ID,
    "quizgen Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}, {"name": "Section"}, {"name": "Article"}],
    templates=[{
        "name": "Card 1",
        "qfmt": '<div class="context">{{Article}} › {{Section}}</div>\n<div class="prompt">{{Front}}</div>',
        "afmt": '{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Back}}</div>\n' + SOURCE,
    }],
    css=CSS,
)

CLOZE_MODEL = Model(
    CLOZE_MODEL_ID,
    "quizgen Cloze",
    fields=[{"name": "Text"}, {"name": "Extra"}, {"name": "Source"}],
    templates=[{
        "name": "Cloze",
        "qfmt": '{{#Extra}}<div class="context">{{Extra}}</div>{{/Extra}}\n<div class="prompt">{{cloze:Text}}</div>',
        "afmt": '{{#Extra}}<div class="context">{{Extra}}</div>{{/Extra}}\n<div class="prompt">{{cloze:Text}}</div>\n'
                + SOURCE,
    }],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)

CHOICE_MODEL = Model(
    CHOICE_MODEL_ID,
    "quizgen Multiple choice",
    fields=[{"name": "Question"}, {"name": "Choices"}, {"name": "Answer"}, {"name": "Source"}],
    templates=[{
        "name": "Card 1",
        "qfmt": '<div class="prompt">{{Question}}</div>\n{{Choices}}',
        "afmt": '{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Answer}}</div>\n' + SOURCE,
    }],
    css=CSS,
)

PAIR_MODEL = Model(
    PAIR_MODEL_ID,
    "quizgen Matching pair",
    fields=[{"name": "Left"}, {"name": "Right"}, {"name": "Prompt"}, {"name": "Source"}],
    templates=[
        {
            "name": "Left to right",
            "qfmt": '<div class="context">{{Prompt}}</div>\n<div class="prompt">{{Left}}</div>',
            "afmt": '{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Right}}</div>\n' + SOURCE,
        },
        {
            "name": "Right to left",
            "qfmt": '<div class="context">{{Prompt}}</div>\n<div class="prompt">{{Right}}</div>',
            "afmt": '{{FrontSide}}\n<hr id="answer">\n<div class="answer">{{Left}}</div>\n' + SOURCE,
        },
    ],
    css=CSS,
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def esc_cloze(text: str) -> str:
    """Escaped for a cloze field, where braces and "::" would be read as cloze markup."""
    return esc(text).replace("{", "&#123;").replace("}", "&#125;").replace("::", ":&#58;")


def html_list(tag: str, css_class: str, items: Sequence[str]) -> str:
    return f'<{tag} class="{css_class}">' + "".join(f"<li>{esc(i)}</li>" for i in items) + f"</{tag}>"


def tag(text: str) -> str:
    """Anki tags cannot hold spaces."""
    return re.sub(r"\s+", "_", text.strip())


def deck_name(levels: Sequence[str]) -> str:
    # "::" separates subdecks, so it cannot stay inside one level's name
    return "::".join(text_title(level).replace("::", ":") for level in levels)


def deck_id(name: str) -> int:
    """A stable id for a deck name, in the range genanki recommends."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def notes(question: Question, article: str) -> list[genanki.Note]:
    """The notes of one question: one, or one per pair for matching."""
    section = section_of(question)
    tags = [f"quizgen::topic::{tag(question.topic)}", f"quizgen::format::{tag(question.format)}", tag(section)]
    source = esc(question.explanation)
    fmt = question.format

    if fmt == "matching":
        return [
            Note(PAIR_MODEL, [esc(left), esc(right), esc(question.prompt), source],
                         tags=tags, guid=genanki.guid_for(question.id, left))
            for left, right in question.pairs()
        ]
    if fmt == "multiple_choice":
        fields = [esc(question.prompt), html_list("ol", "choices", question.choices), esc(str(question.answer)), source]
        return [Note(CHOICE_MODEL, fields, tags=tags, guid=genanki.guid_for(question.id))]
    gap = split_cloze(question.prompt) if fmt == "cloze" else None
    if gap:
        before, after = gap
        answer = str(question.answer)
        text = f"{esc_cloze(before)}{{{{c1::{esc_cloze(answer)}}}}}{esc_cloze(after)}"
        # The source sentence repeats the card when it is the filled-in prompt.
        if question.explanation.strip() == f"{before}{answer}{after}".strip():
            source = ""
        extra = f"{esc(article)} › {esc(section)}"
        return [Note(CLOZE_MODEL, [text, extra, source], tags=tags, guid=genanki.guid_for(question.id))]

    front, back = esc(question.prompt), esc(str(question.answer))
    if fmt == "true_false":
        front += '<div class="hint">True or false?</div>'
    elif fmt == "timeline":
        front += html_list("ul", "events", question.choices)
        back = html_list("ol", "events", [str(x) for x in question.answer])
    fields = [front, back, source, esc(section), esc(article)]
    return [Note(BASIC_MODEL, fields, tags=tags, guid=genanki.guid_for(question.id))]


def write_collection(cursor: sqlite3.Cursor, decks: Sequence[genanki.Deck], timestamp: float) -> None:
    """genanki's Package.write_to_db, but the collection's deck and note type JSON is written once.

    genanki reads, extends and rewrites both for every deck, which is quadratic in the number of
    (sub)decks: 10,000 questions from a few hundred articles took over ten seconds.
    """
    cursor.executescript(APKG_SCHEMA)
    cursor.executescript(APKG_COL)
    decks_json = json.loads(cursor.execute("SELECT decks FROM col").fetchone()[0])
    models_json = json.loads(cursor.execute("SELECT models FROM col").fetchone()[0])
    last_deck: dict[int, tuple[genanki.Model, int]] = {}  # as in genanki, a note type records the last deck using it
    for deck in decks:
        decks_json[str(deck.deck_id)] = deck.to_json()
        for note in deck.notes:
            deck.add_model(note.model)
        last_deck.update({m.model_id: (m, deck.deck_id) for m in deck.models.values()})
    models_json.update({str(i): m.to_json(timestamp, did) for i, (m, did) in last_deck.items()})
    cursor.execute("UPDATE col SET decks = ?, models = ?", (json.dumps(decks_json), json.dumps(models_json)))
    id_gen = itertools.count(int(timestamp * 1000))
    for deck in decks:
        for note in deck.notes:
            note.write_to_db(cursor, timestamp, deck.deck_id, id_gen)


def apkg_bytes(decks: Sequence[genanki.Deck], timestamp: float) -> bytes:
    """The package as bytes. Like genanki's Package.write_to_file, but the zip entries carry the
    fixed timestamp instead of the temporary database's mtime, so the bytes are reproducible."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        try:
            write_collection(conn.cursor(), decks, timestamp)
            conn.commit()
        finally:
            conn.close()
        data = db.read_bytes()
    return zip_bytes([("collection.anki2", data), ("media", b"{}")], timestamp=timestamp)


def export_anki(sets: Sequence[QuestionSet], out: Path, *, parent: str | None = None) -> ExportReport:
    report = ExportReport("anki", out)
    decks: dict[str, genanki.Deck] = {}
    for qs, q in all_questions(sets, report):
        name = deck_name(category_path(parent, qs.title, section_of(q)))
        deck = decks.get(name) or decks.setdefault(name, genanki.Deck(deck_id(name), name))
        for note in notes(q, qs.title):
            deck.add_note(note)
        report.count += 1
    write_bytes(out, apkg_bytes(list(decks.values()), export_time()))
    return report
