"""The limits on a class quiz: attempts per student, whatever way the name is typed; no answers once the set is
unpublished; how fast one client may try join codes."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import Db, PageClient, class_answer_form, publish_from_deck, sign_up

from web.learner import name_key


def test_one_attempt_is_one_per_student_however_the_name_is_typed(app: FastAPI, client: TestClient, db: Db) -> None:
    _, code = publish_from_deck(sign_up(client), db, attempts_allowed="1")
    first = PageClient(app, follow_redirects=False)
    assert first.post(f"/join/{code}", data={"name": "Dana"}).status_code == 303
    for typed in ("Dana", "Dana.", " dana ", "DANA!", "D.a.n.a", "Ｄａｎａ"):
        other = PageClient(app, follow_redirects=False)
        r = other.post(f"/join/{code}", data={"name": typed})
        assert r.status_code == 409 and "used all 1 attempt" in r.text, typed
    # the same browser under a spelling of the same name is the same student too
    assert first.post(f"/join/{code}", data={"name": "dana."}).status_code == 409
    assert PageClient(app, follow_redirects=False).post(f"/join/{code}", data={"name": "Dan"}).status_code == 303
    assert PageClient(app, follow_redirects=False).post(f"/join/{code}", data={"name": "Dana Li"}).status_code == 303


def test_name_keys() -> None:
    assert name_key("Dana") == name_key("Dana.") == name_key(" dana ") == name_key("ＤＡＮＡ") == "dana"
    assert name_key("Mary-Ann") == name_key("mary ann") != name_key("Mary")
    assert name_key("Straße") == name_key("STRASSE")
    assert name_key("!!") == "!!" and name_key("!!") != name_key("?")
