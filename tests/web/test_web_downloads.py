"""Downloads: every export format for each deck and article; the .apkg imports into a real Anki collection."""

from __future__ import annotations

import json
import re
import zipfile
from io import BytesIO
from pathlib import Path

import lxml.html
import openpyxl
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from exported_counts import questions_in
from fastapi.testclient import TestClient
from webtests import Db, set_from_deck, set_questions, sign_up

from quizgen.export import BY_NAME, EXPORTERS
from quizgen.export.kahoot import HEADER_ROW
from quizgen.models import Question
from web import crud


def test_downloads_page_links_every_format_for_deck_and_articles(client: TestClient, db: Db) -> None:
    page = client.get("/downloads")
    assert page.status_code == 200
    with db.session() as session:
        articles = crud.list_articles(session=session)
    for fmt in EXPORTERS:
        assert f'href="/decks/kirov-assassination/export/{fmt}"' in page.text
        for a in articles:
            assert f'href="/articles/{a.id}/export/{fmt}"' in page.text


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_every_format_downloads_for_deck_and_article(client: TestClient, fmt: str) -> None:
    suffix = BY_NAME[fmt].suffix
    for path, stem in (("/decks/kirov-assassination", "kirov-assassination"), ("/articles/1", "kirov-assassination")):
        r = client.get(f"{path}/export/{fmt}")
        assert r.status_code == 200, r.text
        assert r.headers["content-disposition"] == f'attachment; filename="{stem}{suffix}"'
        assert len(r.content) > 100
        if suffix in (".apkg", ".zip", ".xlsx"):
            assert zipfile.is_zipfile(BytesIO(r.content))


def test_json_download_holds_every_question(client: TestClient, db: Db) -> None:
    data = client.get("/decks/kirov-assassination/export/json").json()
    with db.session() as session:
        uids = {q.uid for q in crud.list_questions(session=session)}
    text = json.dumps(data)
    assert all(uid in text for uid in uids)


def test_anki_download_imports_into_anki(client: TestClient, db: Db, tmp_path: Path) -> None:
    apkg = tmp_path / "deck.apkg"
    apkg.write_bytes(client.get("/decks/kirov-assassination/export/anki").content)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
        col.import_anki_package(request)
        assert col.note_count() > 0
        assert any(d.name.startswith("Kirov Assassination") for d in col.decks.all_names_and_ids())
    finally:
        col.close()


def test_unknown_export_format_or_target(client: TestClient) -> None:
    r = client.get("/decks/kirov-assassination/export/pdf")
    assert r.status_code == 404 and "anki" in r.text
    assert client.get("/decks/nope/export/anki").status_code == 404
    assert client.get("/articles/999/export/anki").status_code == 404
    assert client.get("/articles/1/export/pdf").status_code == 404
    assert client.get("/articles/abc/export/anki").status_code == 404


def shown_counts(page: str, scope: str) -> dict[str, tuple[int, int, str]]:
    """Per format, the "N of M" shown beside its link inside the element `scope` (an XPath), and the text
    (with the link's title, where a chip keeps what is left out)."""
    root = lxml.html.fromstring(page)
    (where,) = root.xpath(scope)
    out = {}
    for el in where.xpath(".//*[@data-format]"):
        text = " ".join([*el.find_class("export-count")[0].text_content().split(), el.get("title", "")])
        n, of = re.match(r"(\d+) of (\d+)", text).groups()  # type: ignore[union-attr]
        out[el.get("data-format")] = (int(n), int(of), text)
    return out


def test_downloads_page_counts_are_what_each_file_holds(client: TestClient) -> None:
    """Beside every link, the number of questions the file will hold, for the deck and each article."""
    page = client.get("/downloads").text
    for scope, url in (('//*[@id="deck-kirov-assassination-downloads"]/ul', "/decks/kirov-assassination"),
                       ('//*[@id="article-1-downloads"]', "/articles/1")):
        shown = shown_counts(page, scope)
        assert set(shown) == set(EXPORTERS)
        doc = client.get(f"{url}/export/json").json()
        carried = [Question.from_dict(q) for s in doc.get("decks", [doc]) for q in s["questions"]]
        for fmt, (n, of, text) in shown.items():
            data = client.get(f"{url}/export/{fmt}").content
            assert questions_in(fmt, data, carried) == n, (fmt, text)
            assert of == len(carried)
            assert ("left out" in text) == (n < of), text


def test_editor_export_menu_counts_are_what_each_file_holds(client: TestClient, db: Db) -> None:
    """Every candidate of the bundled deck approved (timelines, matching, typed answers): the export menu
    says how many each file holds, the files hold that many, and the formats convert what they can."""
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    ids = [str(q.id) for q in set_questions(db, set_id)]
    teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve", "ids": ids})
    shown = shown_counts(teacher.get(f"/teach/sets/{set_id}").text, '//*[@id="export"]')
    assert set(shown) == set(EXPORTERS)
    doc = teacher.get(f"/teach/sets/{set_id}/export/json").json()
    carried = [Question.from_dict(q) for s in doc.get("decks", [doc]) for q in s["questions"]]
    assert {q.format for q in carried} >= {"timeline", "cloze", "short_answer", "multiple_choice"}
    for fmt, (n, of, text) in shown.items():
        data = teacher.get(f"/teach/sets/{set_id}/export/{fmt}").content
        assert questions_in(fmt, data, carried) == n, (fmt, text)
        assert of == len(carried) == len(ids)
    for fmt in ("gift", "moodle-xml", "qti"):  # the timeline goes as matching
        assert shown[fmt][0] == len(carried), shown[fmt]
    # Kahoot: typed answers asked as multiple choice, with the set's other answers of their kind as wrong ones
    sheet = openpyxl.load_workbook(BytesIO(teacher.get(f"/teach/sets/{set_id}/export/kahoot").content)).active
    rows = {row[1]: row[2:6] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)}
    typed = [q for q in carried if q.format in ("cloze", "short_answer") and q.prompt in rows]
    assert typed
    for q in typed:
        assert q.answer in rows[q.prompt] and len([a for a in rows[q.prompt] if a]) >= 3


def test_editor_export_counts_follow_approvals(client: TestClient, db: Db) -> None:
    """An approval or rejection made in place (htmx) sends the export menu's new counts along."""
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    ids = [str(q.id) for q in set_questions(db, set_id)]
    htmx = {"HX-Request": "true"}
    for action, some, expected in (("reject", ids, 0), ("approve", ids[:3], 3)):
        r = teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": action, "ids": some}, headers=htmx)
        assert r.status_code == 200 and "<html" not in r.text
        (files,) = lxml.html.fromstring(f"<div>{r.text}</div>").xpath('//*[@id="export-files"]')
        assert files.get("hx-swap-oob") == "true"
        shown = shown_counts(r.text, '//*[@id="export-files"]')
        assert shown["json"][:2] == (expected, expected) and shown["csv"][:2] == (expected, expected)
    page = teacher.get(f"/teach/sets/{set_id}").text  # the whole page holds the menu once, in place
    assert page.count('id="export-files"') == 1 and "hx-swap-oob" not in page
