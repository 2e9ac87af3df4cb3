"""The limits on a class quiz: attempts per student, whatever way the name is typed; no answers once the set is
unpublished; how fast one client may try join codes."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import Db, PageClient, class_answer_form, publish_from_deck, sign_up

from quizgen.settings import Settings
from web import crud
from web.app import create_app
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


def test_unpublishing_stops_attempts_under_way(app: FastAPI, client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id, code = publish_from_deck(teacher, db)
    student = PageClient(app, follow_redirects=False)
    attempt = int(student.post(f"/join/{code}", data={"name": "Sam"}).headers["location"].rsplit("/", 1)[1])
    assert student.post(f"/class/{attempt}/answers", data=class_answer_form(db, attempt, 0, right=True)).status_code == 303
    assert teacher.post(f"/teach/sets/{set_id}/unpublish").status_code == 303
    r = student.post(f"/class/{attempt}/answers", data=class_answer_form(db, attempt, 1, right=True))
    assert r.status_code == 409 and "This quiz is closed" in r.text
    r = student.post(f"/class/{attempt}/answers", data=class_answer_form(db, attempt, 1, right=True),
                     headers={"HX-Request": "true"})
    assert r.status_code == 409 and "This quiz is closed" in r.text
    assert student.get(f"/class/{attempt}").status_code == 200  # what was answered can still be seen
    assert student.get(f"/class/{attempt}/answers/0").status_code == 200
    with db.session() as session:
        assert len(crud.list_class_answers(session=session, attempt_id=attempt)) == 1
    # published again, the attempt carries on
    assert teacher.post(f"/teach/sets/{set_id}/publish").status_code == 303
    assert student.post(f"/class/{attempt}/answers", data=class_answer_form(db, attempt, 1, right=True)).status_code == 303


def test_trying_join_codes_in_bulk_is_limited_per_client(app: FastAPI, client: TestClient, db: Db,
                                                        settings: Settings) -> None:
    _, code = publish_from_deck(sign_up(client), db)
    guesser = PageClient(app, follow_redirects=False)
    limit = settings.join_misses_per_minute
    for n in range(limit):
        r = guesser.get(f"/join?code=ZZ{n:04d}") if n % 2 else guesser.get(f"/join/ZZ{n:04d}")
        assert r.status_code == 404, n
    for path in ("/join?code=QQQQQQ", f"/join?code={code}", f"/join/{code}"):
        r = guesser.get(path)
        assert r.status_code == 429 and "Too many codes" in r.text, path
        assert 1 <= int(r.headers["Retry-After"]) <= 60
    assert guesser.post(f"/join/{code}", data={"name": "Guesser"}).status_code == 429
    # right codes do not count: a whole class behind one address joins, however many they are (on a server
    # process that has not seen the guesser: the count is kept per process)
    other = create_app(settings)
    try:
        for mate in (PageClient(other, follow_redirects=False) for _ in range(limit + 5)):
            assert mate.get(f"/join?code={code}").status_code == 303
            assert mate.get(f"/join/{code}").status_code == 200
    finally:
        other.state.engine.dispose()
