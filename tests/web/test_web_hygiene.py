"""Input hygiene at the edge: a NUL byte or a lone surrogate anywhere in a request is refused with a 400 that
says so, before any database call, on SQLite and PostgreSQL (where either one used to answer 500); what was
stored before still shows."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import Db, PageClient, answer_form, class_answer_form, publish_from_deck, sign_up

REFUSED = "cannot be stored"


def test_nul_in_addresses_queries_and_fields_is_refused(client: TestClient) -> None:
    for path in ("/join/%00", "/join?code=%00", "/api/decks/%00", "/decks/%00/export/json",
                 "/api/decks/kirov-assassination/questions?format=%00", "/static/%00.css", "/teach?x%00=1"):
        r = client.get(path)
        assert r.status_code == 400, path
        assert REFUSED in (r.json()["detail"] if path.startswith("/api") else r.text), path
    r = client.post("/teach/login", data={"email": "a\x00@school.org", "password": "whatever it is"})
    assert r.status_code == 400 and "form field “email”" in r.text
    r = client.post("/teach/signup", data={"email": "a@school.org", "name": "Ms\x00", "password": "x" * 12})
    assert r.status_code == 400 and "“name”" in r.text
    r = client.post("/api/learners", content='{"name": "Ada\\u0000"}', headers={"content-type": "application/json"})
    assert r.status_code == 400 and REFUSED in r.json()["detail"]
    # refused before the route: no account was made
    assert client.post("/teach/login", data={"email": "a@school.org", "password": "x" * 12}).status_code == 401


def test_an_answer_that_cannot_be_stored_leaves_the_attempt_working(client: TestClient, db: Db) -> None:
    assert client.post("/api/learners", json={"name": "Api User"}).status_code == 201
    attempt = client.post("/api/attempts", json={"deck": "kirov-assassination", "count": 3}).json()["id"]
    for raw in ('{"position": 0, "response": "\\ud800"}', '{"position": 0, "response": ["a", "\\udfff"]}',
                '{"position": 0, "response": "x\\u0000"}'):
        r = client.post(f"/api/attempts/{attempt}/answers", content=raw, headers={"content-type": "application/json"})
        assert r.status_code == 400 and REFUSED in r.json()["detail"], raw
    state = client.get(f"/api/attempts/{attempt}")
    assert state.status_code == 200 and state.json()["answered"] == 0
    assert client.get(f"/attempts/{attempt}").status_code == 200
    r = client.post(f"/attempts/{attempt}/answers", data=answer_form(db, attempt, 0, right=True))
    assert r.status_code == 303
    assert client.get(f"/api/attempts/{attempt}").json()["answered"] == 1


def test_a_class_answer_that_cannot_be_stored_leaves_the_attempt_working(app: FastAPI, client: TestClient,
                                                                         db: Db) -> None:
    set_id, code = publish_from_deck(sign_up(client), db)
    student = PageClient(app, follow_redirects=False)
    attempt = int(student.post(f"/join/{code}", data={"name": "Sam"}).headers["location"].rsplit("/", 1)[1])
    form = {"content-type": "application/x-www-form-urlencoded"}
    r = student.post(f"/class/{attempt}/answers", content=b"position=0&text=%00&choice=%00", headers=form)
    assert r.status_code == 400 and REFUSED in r.text
    # the UTF-8 bytes of a surrogate are not UTF-8: read as replacement characters, never as a surrogate
    r = student.post(f"/class/{attempt}/answers", content=b"position=0&text=%ED%A0%80&choice=%ED%A0%80", headers=form)
    assert r.status_code in (303, 422), r.text
    assert student.get(f"/class/{attempt}").status_code == 200
    if r.status_code == 303:
        assert student.get(f"/class/{attempt}/answers/0").status_code == 200
    r = student.post(f"/class/{attempt}/answers", data=class_answer_form(db, attempt, 1 if r.status_code == 303 else 0,
                                                                         right=True))
    assert r.status_code == 303
    assert client.get(f"/teach/sets/{set_id}/results").status_code == 200
