"""Downloads: every export format for each deck and article; the .apkg imports into a real Anki collection."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from fastapi.testclient import TestClient
from webtests import Db

from quizgen.export import EXPORTERS
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
    suffix = getattr(EXPORTERS[fmt], "suffix", "." + fmt)
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
