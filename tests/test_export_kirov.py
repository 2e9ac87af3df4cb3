"""Export round-trips on the real questions of the bundled article (decks/kirov-assassination)."""

from __future__ import annotations

import functools
import html
import re
import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import openpyxl
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from gift_reader import read as read_gift
from lxml import etree

from quizgen.cli import main
from quizgen.decks import deck_title
from quizgen.export import EXPORTERS, export
from quizgen.export.common import malformed
from quizgen.export.kahoot import HEADER_ROW, MAX_ANSWER, MAX_QUESTION
from quizgen.models import QuestionSet
from quizgen.settings import PROJECT_ROOT

DECK = PROJECT_ROOT / "decks" / "kirov-assassination"
PARENT = deck_title(DECK)
GIFT_TYPES = {"multiple_choice": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer",
              "cloze": "shortanswer", "matching": "match"}


@functools.lru_cache(maxsize=1)
def generated() -> tuple[QuestionSet, ...]:
    from quizgen.pipeline import generate_path

    return tuple(generate_path(DECK))


@pytest.fixture(scope="session")
def kirov() -> list[QuestionSet]:
    """The deck's questions, generated once per test session (spaCy takes a few seconds)."""
    return list(generated())


def questions(sets: list[QuestionSet]):  # type: ignore[no-untyped-def]
    return [q for s in sets for q in s.questions]


def blank(text: str) -> str:
    return re.sub(r"_{3,}", "_____", text)


def test_the_deck_has_questions_of_every_kind_to_export(kirov: list[QuestionSet]) -> None:
    qs = questions(kirov)
    assert len(qs) >= 6
    assert not [(q.id, malformed(q)) for q in qs if malformed(q)]


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def test_anki_round_trip(kirov: list[QuestionSet], col: Collection, tmp_path: Path) -> None:
    out = tmp_path / "kirov.apkg"
    report = export(kirov, "anki", out, parent=PARENT)
    qs = questions(kirov)
    assert report.count == len(qs) and not report.left_out
    request = ImportAnkiPackageRequest(package_path=str(out), options=ImportAnkiPackageOptions())
    log = col.import_anki_package(request).log
    expected = sum(len(q.answer) if q.format == "matching" else 1 for q in qs)
    assert len(log.new) == col.note_count() == expected

    sections = {q.source.section for q in qs}
    names = {d.name for d in col.decks.all_names_and_ids()}
    # the deck is named after the article, so the article level is not repeated
    assert {f"{PARENT}::{section}" for section in sections} <= names

    for cid in col.find_cards(""):
        card = col.get_card(cid)
        front = lxml.html.fromstring(f"<div>{card.question()}</div>")
        back = lxml.html.fromstring(f"<div>{card.answer()}</div>")
        assert front.find_class("prompt") and front.text_content() != back.text_content()
        if card.note_type()["name"] == "quizgen Cloze":
            assert "[...]" in front.text_content() and back.find_class("cloze")[0].text_content().strip()
        else:
            assert back.find_class("answer")[0].text_content().strip()
        assert "<script" not in card.question().replace("<style>", "")
        if card.note_type()["name"] == "quizgen Multiple choice":
            assert not front.find_class("answer") and back.find_class("answer")

    again = col.import_anki_package(request).log
    assert not again.new and not again.updated and col.note_count() == expected


def test_gift_round_trip(kirov: list[QuestionSet], tmp_path: Path) -> None:
    out = tmp_path / "kirov.gift"
    report = export(kirov, "gift", out, parent=PARENT)
    parsed = {q.name: q for q in read_gift(out.read_text(encoding="utf-8")) if q.qtype != "category"}
    carried = [q for q in questions(kirov) if q.format in GIFT_TYPES]
    assert report.count == len(parsed)
    assert {q.id for q in carried} - {qid for qid, _ in report.left_out} == set(parsed)
    for q in carried:
        if q.id not in parsed:
            continue
        back = parsed[q.id]
        assert back.qtype == GIFT_TYPES[q.format]
        assert blank(html.unescape(back.text)) == blank(q.prompt.strip())
        if q.format == "multiple_choice":
            assert [html.unescape(a) for a, w in back.answers if w == 1.0] == [q.answer]
        elif q.format == "true_false":
            assert back.truth is (q.answer == "True")
        elif q.format == "matching":
            assert [(html.unescape(left), right) for left, right in back.pairs] == [tuple(p) for p in q.answer]
        else:
            assert back.answers == [(q.answer.strip(), 1.0)]


def test_moodle_xml_and_qti_round_trip(kirov: list[QuestionSet], tmp_path: Path) -> None:
    xml_report = export(kirov, "moodle-xml", tmp_path / "kirov.xml", parent=PARENT)
    root = etree.parse(str(tmp_path / "kirov.xml")).getroot()
    assert len([q for q in root.iterfind("question") if q.get("type") != "category"]) == xml_report.count
    assert xml_report.count + len(xml_report.left_out) == len(questions(kirov))

    qti_report = export(kirov, "qti", tmp_path / "kirov.zip")
    ns = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
    schema = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "data" / "qti12_subset.rng")))
    items = []
    with zipfile.ZipFile(tmp_path / "kirov.zip") as archive:
        for name in archive.namelist():
            if name != "imsmanifest.xml":
                assessment = etree.fromstring(archive.read(name))
                assert schema.validate(assessment), schema.error_log
                items += assessment.iter(f"{ns}item")
    assert len(items) == qti_report.count
    assert qti_report.count + len(qti_report.left_out) == len(questions(kirov))


def test_kahoot_and_csv(kirov: list[QuestionSet], tmp_path: Path) -> None:
    report = export(kirov, "kahoot", tmp_path / "kirov.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "kirov.xlsx").active
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    assert len(rows) == report.count
    for _, question, *answers, _, correct in rows:
        assert len(question) <= MAX_QUESTION and all(len(a or "") <= MAX_ANSWER for a in answers)
        assert answers[correct - 1]

    report = export(kirov, "csv", tmp_path / "kirov.csv")
    assert report.count == len(questions(kirov))


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """`quizgen ARGS` in this process, where the spaCy model is already loaded."""
    monkeypatch.setattr(sys, "argv", ["quizgen", *map(str, args)])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    return exited.value.code or 0, captured.out, captured.err


def test_cli_export_and_build(kirov: list[QuestionSet], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "k.apkg"
    code, stdout, stderr = run_cli(monkeypatch, capsys, "export", DECK, "--to", "anki", "-o", out)
    assert code == 0, stderr
    assert stdout == f"anki: {len(questions(kirov))} questions -> {out}\n"
    assert zipfile.ZipFile(out).namelist() == ["collection.anki2", "media"]

    deck = tmp_path / "kirov-assassination"
    shutil.copytree(DECK, deck, ignore=shutil.ignore_patterns("dist"))
    code, stdout, stderr = run_cli(monkeypatch, capsys, "build", deck)
    assert code == 0, stderr
    assert len(stdout.splitlines()) == len(EXPORTERS)
    assert len(list((deck / "dist").iterdir())) == len(EXPORTERS)

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, stdout, stderr = run_cli(monkeypatch, capsys, "export", DECK, "--to", "gift", "-o", blocker / "x.gift")
    assert code == 2 and stderr.count("\n") == 1 and "cannot write" in stderr
