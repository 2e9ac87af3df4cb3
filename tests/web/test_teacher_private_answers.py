"""A set made from a bundled deck: the teacher is told before publishing that the public API lists its answers,
and a private copy keeps them out of it."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from webtests import Db, set_from_deck, set_questions, sign_up

from web import crud

DECK_API = "/api/decks/kirov-assassination/questions"


def pairs(listed: list[dict]) -> set[tuple[str, str]]:
    return {(q["prompt"], json.dumps(q["answer"])) for q in listed}


def test_public_answers_are_told_and_a_private_copy_keeps_them_out_of_the_api(client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    page = teacher.get(f"/teach/sets/{set_id}").text
    assert "The answers are public" in page and DECK_API in page and "Make a private copy" in page
    held = {(q.prompt, json.dumps(q.answer)) for q in set_questions(db, set_id)}
    assert held & pairs(client.get(DECK_API).json())  # today anyone can look the answers up

    r = teacher.post(f"/teach/sets/{set_id}/private-copy")
    assert r.status_code == 303
    copy_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert copy_id != set_id
    page = teacher.get(f"/teach/sets/{copy_id}").text
    assert "(private)" in page and "The answers are public" not in page
    original, copy = set_questions(db, set_id), set_questions(db, copy_id)
    assert [(q.uid, q.prompt, q.status) for q in copy] == [(q.uid, q.prompt, q.status) for q in original]
    assert not {q.id for q in copy} & {q.id for q in original}

    # the public API gives no answer of the private set's questions: by deck, by article, by id
    held = {(q.prompt, json.dumps(q.answer)) for q in copy}
    assert not held & pairs(client.get(DECK_API).json())
    with db.session() as session:
        deck = crud.get_deck(session=session, slug="kirov-assassination")
        articles = crud.list_articles(session=session, deck_id=deck.id)
        library = crud.list_questions(session=session, deck_id=deck.id)
    for article in articles:
        assert not held & pairs(client.get(f"/api/articles/{article.id}/questions").json())
    withheld = next(q for q in library if q.uid in {c.uid for c in copy})
    assert client.get(f"/api/questions/{withheld.id}").status_code == 404
    # and the copy is a set like any other: it publishes
    assert teacher.post(f"/teach/sets/{copy_id}/publish").status_code == 303
