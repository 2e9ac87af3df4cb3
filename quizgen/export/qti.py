"""QTI 1.2 as Canvas imports it: a zip with imsmanifest.xml and one assessment per article.

Multiple choice, true/false, short answer (cloze too, with the blank in the text) and matching;
QTI 1.2 as Canvas reads it has no ordering question, so a timeline becomes a matching of each event
with its place in time.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from quizgen.export.common import (
    ExportReport,
    all_questions,
    timeline_as_matching,
    write_bytes,
    xml_safe,
    zip_bytes,
)
from quizgen.models import Question, QuestionSet
from quizgen.titles import text_title
from quizgen.vocabulary import slugify

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QUESTION_TYPES = {
    "multiple_choice": "multiple_choice_question",
    "true_false": "true_false_question",
    "short_answer": "short_answer_question",
    "cloze": "short_answer_question",
    "matching": "matching_question",
}


def fit(question: Question, others: Sequence[Question]) -> Question | str:
    """The question as QTI carries it, or why it cannot."""
    if question.format == "timeline":
        return timeline_as_matching(question)
    return question if question.format in QUESTION_TYPES else f"QTI 1.2 has no {question.format} question"


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = xml_safe(text)
    return el


def material(parent: etree._Element, text: str, *, as_html: bool = False) -> None:
    mattext = sub(sub(parent, "material"), "mattext", texttype="text/html" if as_html else "text/plain")
    # HTML-escaped so that a "<script>" in an article shows as text in Canvas
    mattext.text = xml_safe(html.escape(text, quote=False) if as_html else text)


def metadata(item: etree._Element, fields: dict[str, str]) -> None:
    qtimetadata = sub(sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields.items():
        field = sub(qtimetadata, "qtimetadatafield")
        sub(field, "fieldlabel", label)
        sub(field, "fieldentry", entry)


def choice_list(parent: etree._Element, ident: str, options: list[tuple[str, str]]) -> None:
    """A single-answer response with (ident, text) options."""
    render = sub(sub(parent, "response_lid", ident=ident, rcardinality="Single"), "render_choice")
    for option_id, text in options:
        material(sub(render, "response_label", ident=option_id), text)


def score_if(resprocessing: etree._Element, respident: str, answer: str, points: str, action: str) -> None:
    cond = sub(resprocessing, "respcondition", **({"continue": "No"} if action == "Set" else {}))
    sub(sub(cond, "conditionvar"), "varequal", answer, respident=respident)
    sub(cond, "setvar", points, action=action, varname="SCORE")


def item_element(question: Question) -> etree._Element:
    qtype = QUESTION_TYPES[question.format]
    ident = f"q{question.id}"
    item = etree.Element("item", ident=ident, title=question.id)
    presentation = etree.Element("presentation")
    material(presentation, question.prompt, as_html=True)
    resprocessing = etree.Element("resprocessing")
    sub(sub(resprocessing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    if question.explanation:
        shown = sub(resprocessing, "respcondition", **{"continue": "Yes"})
        sub(sub(shown, "conditionvar"), "other")
        sub(shown, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")

    answer_ids: list[str] = []
    if question.format in ("multiple_choice", "true_false"):
        options = [(f"{ident}_{n}", choice) for n, choice in enumerate(question.choices or ("True", "False"), 1)]
        answer_ids = [option_id for option_id, _ in options]
        choice_list(presentation, "response1", options)
        right = next(option_id for option_id, choice in options if choice == question.answer)
        score_if(resprocessing, "response1", right, "100", "Set")
    elif qtype == "short_answer_question":
        fib = sub(sub(presentation, "response_str", ident="response1", rcardinality="Single"), "render_fib")
        sub(fib, "response_label", ident="answer1", rshuffle="No")
        score_if(resprocessing, "response1", str(question.answer), "100", "Set")
    else:
        matches = question.pairs()
        rights = list(dict.fromkeys([*question.choices, *(right for _, right in matches)]))
        options = [(f"{ident}_r{n}", right) for n, right in enumerate(rights, 1)]
        option_of = {right: option_id for option_id, right in options}
        share = f"{100 / len(matches):.2f}"
        for n, (left, right) in enumerate(matches, 1):
            lid = sub(presentation, "response_lid", ident=f"response_{ident}_{n}")
            material(lid, left)
            render = sub(lid, "render_choice")
            for option_id, text in options:
                material(sub(render, "response_label", ident=option_id), text)
            score_if(resprocessing, f"response_{ident}_{n}", option_of[right], share, "Add")
            answer_ids.append(f"{ident}_{n}")

    fields = {"question_type": qtype, "points_possible": "1.0"}
    if answer_ids:
        fields["original_answer_ids"] = ",".join(answer_ids)
    metadata(item, fields)
    item.append(presentation)
    item.append(resprocessing)
    if question.explanation:
        feedback = sub(item, "itemfeedback", ident="general_fb")
        material(sub(feedback, "flow_mat"), question.explanation, as_html=True)
    return item


def assessment_xml(ident: str, title: str, items: list[etree._Element]) -> bytes:
    root = etree.Element(f"{{{QTI_NS}}}questestinterop", nsmap={None: QTI_NS, "xsi": XSI_NS})  # type: ignore[dict-item]  # lxml-stubs omit the default namespace (None)
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd")
    assessment = sub(root, "assessment", ident=ident, title=title)
    qtimetadata = sub(assessment, "qtimetadata")
    field = sub(qtimetadata, "qtimetadatafield")
    sub(field, "fieldlabel", "cc_maxattempts")
    sub(field, "fieldentry", "1")
    section = sub(assessment, "section", ident="root_section")
    section.extend(items)
    # Children were built without a namespace; put the whole tree in QTI's default namespace.
    for el in root.iter():
        if isinstance(el.tag, str) and not el.tag.startswith("{"):
            el.tag = f"{{{QTI_NS}}}{el.tag}"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def manifest_xml(ident: str, resources: list[str]) -> bytes:
    root = etree.Element(f"{{{CP_NS}}}manifest", nsmap={None: CP_NS}, identifier=ident)  # type: ignore[dict-item]  # as above
    meta = etree.SubElement(root, f"{{{CP_NS}}}metadata")
    etree.SubElement(meta, f"{{{CP_NS}}}schema").text = "IMS Content"
    etree.SubElement(meta, f"{{{CP_NS}}}schemaversion").text = "1.1.3"
    etree.SubElement(root, f"{{{CP_NS}}}organizations")
    res = etree.SubElement(root, f"{{{CP_NS}}}resources")
    for assessment in resources:
        r = etree.SubElement(res, f"{{{CP_NS}}}resource", identifier=assessment, type="imsqti_xmlv1p2")
        etree.SubElement(r, f"{{{CP_NS}}}file", href=f"{assessment}/{assessment}.xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_qti(sets: Sequence[QuestionSet], out: Path, *, parent: str | None = None) -> ExportReport:
    report = ExportReport("qti", out)
    entries: list[tuple[str, bytes]] = []
    idents: list[str] = []
    for qs in sets:
        items = []
        for _, q in all_questions([qs], report, fit, among=sets):
            items.append(item_element(q))
            report.count += 1
        ident = f"quizgen-{slugify(qs.title)}"
        while ident in idents:  # two articles with the same title
            ident += "-2"
        idents.append(ident)
        entries.append((f"{ident}/{ident}.xml", assessment_xml(ident, text_title(qs.title), items)))
    manifest_id = f"quizgen-{slugify(parent or (sets[0].title if sets else 'questions'))}-manifest"
    entries.insert(0, ("imsmanifest.xml", manifest_xml(manifest_id, idents)))
    write_bytes(out, zip_bytes(entries))
    return report
