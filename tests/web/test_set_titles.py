"""Set titles are kept without bidi controls (U+202E can make "gnp.exe" read as "exe.png"), whichever way they
come in: the options form, a pasted article's title, an imported deck.toml; and the set's downloads carry them
without markup."""

from __future__ import annotations

import io
import tomllib
import zipfile

import tomli_w
from fastapi.testclient import TestClient
from webtests import ARTICLE, Db, set_from_deck, sign_up, sqlite_only

from web import crud

BIDI = "\u202e\u2066\u200f"


def title_of(db: Db, set_id: int) -> str:
    with db.session() as session:
        return crud.get_class_set(session=session, set_id=set_id).title  # type: ignore[union-attr]


@sqlite_only
def test_bidi_controls_are_stripped_from_set_titles(client: TestClient, db: Db) -> None:
    sign_up(client)
    set_id = set_from_deck(client)
    r = client.post(f"/teach/sets/{set_id}/options", data={"title": f"Kirov {BIDI[0]}gnp.exe{BIDI[1]}", "question_count": "5",
                                                          "attempts_allowed": "1", "feedback": "immediate"})
    assert r.status_code in (200, 303), r.text
    assert title_of(db, set_id) == "Kirov gnp.exe"

    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": f"Siege {BIDI}of Rhodes\n\n" +
                                                      ARTICLE.split("\n\n", 1)[1]})
    assert r.status_code == 303, r.text
    assert title_of(db, int(r.headers["location"].rsplit("/", 1)[1])) == "Siege of Rhodes"

    doc = tomllib.loads(client.get(f"/teach/sets/{set_id}/deck.toml").text)
    doc["title"] = f"<b>Copy</b> {BIDI}of Kirov"
    r = client.post("/teach/sets/import", files={"file": ("deck.toml", tomli_w.dumps(doc).encode(), "application/toml")})
    assert r.status_code == 303, r.text
    copy_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert title_of(db, copy_id) == "<b>Copy</b> of Kirov"
    assert "<b>Copy" not in client.get(f"/teach/sets/{copy_id}").text  # the page escapes it

    r = client.get(f"/teach/sets/{copy_id}/export/qti")
    assert r.status_code == 200, r.text
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        assert all(b"<b>" not in z.read(n) and b"&lt;b&gt;" not in z.read(n) for n in z.namelist())
