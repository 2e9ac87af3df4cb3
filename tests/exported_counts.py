"""How many questions an exported file holds, read back from its bytes in each format."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
from gift_reader import read as read_gift
from lxml import etree

from quizgen.export.anki import PAIR_MODEL
from quizgen.export.kahoot import HEADER_ROW
from quizgen.models import Question

QTI_ITEM = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}item"


def anki(data: bytes, carried: Sequence[Question]) -> int:
    """Notes, with the notes of one matching question (one per pair, the same prompt) counted once."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "collection.anki2"
        db.write_bytes(zipfile.ZipFile(io.BytesIO(data)).read("collection.anki2"))
        conn = sqlite3.connect(db)
        try:
            notes = conn.execute("select mid, flds from notes").fetchall()
        finally:
            conn.close()
    pair_prompts = {flds.split("\x1f")[2] for mid, flds in notes if mid == PAIR_MODEL.model_id}
    return sum(1 for mid, _ in notes if mid != PAIR_MODEL.model_id) + len(pair_prompts)


def csv_rows(data: bytes, carried: Sequence[Question]) -> int:
    """Rows, less the extra rows of matching questions (one row per pair)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    return len(rows) - sum(len(q.answer) - 1 for q in carried if q.format == "matching")


def kahoot(data: bytes, carried: Sequence[Question]) -> int:
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    return sum(1 for row in ws.iter_rows(min_row=HEADER_ROW + 1) if row[1].value)


def gift(data: bytes, carried: Sequence[Question]) -> int:
    return sum(1 for q in read_gift(data.decode("utf-8")) if q.qtype != "category")


def moodle_xml(data: bytes, carried: Sequence[Question]) -> int:
    return sum(1 for q in etree.fromstring(data).iterfind("question") if q.get("type") != "category")


def qti(data: bytes, carried: Sequence[Question]) -> int:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return sum(len(list(etree.fromstring(archive.read(name)).iter(QTI_ITEM)))
               for name in archive.namelist() if name != "imsmanifest.xml")


def json_questions(data: bytes, carried: Sequence[Question]) -> int:
    doc = json.loads(data)
    return sum(len(s["questions"]) for s in doc.get("decks", [doc]))


COUNTERS = {"anki": anki, "csv": csv_rows, "kahoot": kahoot, "gift": gift, "moodle-xml": moodle_xml, "qti": qti,
            "json": json_questions}


def questions_in(fmt: str, data: bytes, carried: Sequence[Question]) -> int:
    """The questions the file holds; `carried`: the questions exported (csv and Anki spread matching out)."""
    return COUNTERS[fmt](data, carried)
