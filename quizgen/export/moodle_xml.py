"""Moodle XML: multichoice, truefalse, shortanswer (also for cloze, with the blank in the text), matching.

Texts in format="html" are HTML-escaped so an article's "<script>" shows as text; short answers and
matching answers are plain text, compared with what the student typed or picked. The ordering question
type is a plugin that not every Moodle has, so a timeline becomes a matching of each event with its place.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from quizgen.export.common import (
    ExportReport,
    all_questions,
    category_path,
    section_of,
    timeline_as_matching,
    write_bytes,
    xml_safe,
)
from quizgen.models import Question, QuestionSet
from quizgen.titles import html_title

QTYPES = {
    "multiple_choice": "multichoice",
    "true_false": "truefalse",
    "short_answer": "shortanswer",
    "cloze": "shortanswer",
    "matching": "matching",
}


def fit(question: Question, others: Sequence[Question]) -> Question | str:
    """The question as Moodle XML carries it, or why it cannot."""
    if question.format == "timeline":
        return timeline_as_matching(question)
    return question if question.format in QTYPES else f"Moodle XML has no {question.format} question"


def text_element(parent: etree._Element, tag: str, text: str, *, fmt: str | None = "html") -> etree._Element:
    """<tag format=...><text>...</text></tag>; html-format text is HTML-escaped."""
    el = etree.SubElement(parent, tag, format=fmt) if fmt else etree.SubElement(parent, tag)
    text = xml_safe(text)
    etree.SubElement(el, "text").text = html.escape(text, quote=False) if fmt == "html" else text
    return el


def value(parent: etree._Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = text


def answer(parent: etree._Element, text: str, fraction: int, *, fmt: str = "html") -> None:
    el = text_element(parent, "answer", text, fmt=fmt)
    el.set("fraction", str(fraction))
    text_element(el, "feedback", "")


def question_element(question: Question) -> etree._Element:
    qtype = QTYPES[question.format]
    el = etree.Element("question", type=qtype)
    text_element(el, "name", question.id, fmt=None)
    text_element(el, "questiontext", question.prompt)
    text_element(el, "generalfeedback", question.explanation)
    value(el, "defaultgrade", "1")
    value(el, "penalty", "1" if qtype == "truefalse" else "0.3333333")
    value(el, "hidden", "0")
    value(el, "idnumber", xml_safe(question.id))
    if qtype == "multichoice":
        value(el, "single", "true")
        value(el, "shuffleanswers", "true")
        value(el, "answernumbering", "abc")
        for choice in question.choices:
            answer(el, choice, 100 if choice == question.answer else 0)
    elif qtype == "truefalse":
        answer(el, "true", 100 if question.answer == "True" else 0, fmt="moodle_auto_format")
        answer(el, "false", 100 if question.answer == "False" else 0, fmt="moodle_auto_format")
    elif qtype == "shortanswer":
        value(el, "usecase", "0")
        answer(el, str(question.answer), 100, fmt="moodle_auto_format")
    else:
        value(el, "shuffleanswers", "true")
        for left, right in question.pairs():
            sub = text_element(el, "subquestion", left)
            text_element(sub, "answer", right, fmt=None)
    tags = etree.SubElement(el, "tags")
    for tag in (question.topic, question.format, section_of(question)):
        text_element(tags, "tag", tag, fmt=None)
    return el


def category_element(levels: list[str]) -> etree._Element:
    el = etree.Element("question", type="category")
    # Moodle splits categories at "/", and reads "//" as a slash inside a name.
    text_element(el, "category", "$course$/top/" + "/".join(html_title(level).replace("/", "//") for level in levels), fmt=None)
    return el


def export_moodle_xml(sets: Sequence[QuestionSet], out: Path, *, parent: str | None = None) -> ExportReport:
    report = ExportReport("moodle-xml", out)
    quiz = etree.Element("quiz")
    category: list[str] | None = None
    for qs, q in all_questions(sets, report, fit):
        levels = category_path(parent, qs.title, section_of(q))
        if levels != category:
            quiz.append(category_element(levels))
            category = levels
        quiz.append(question_element(q))
        report.count += 1
    write_bytes(out, etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return report
