"""Flashcards over HTTP: flip, rate, FSRS scheduling, due counts per deck and per learner."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlmodel import select
from webtests import Db, PageClient, set_from_deck, set_questions, sign_up

from web import crud, flashcards
from web.models import Learner

CARDS = "/decks/kirov-assassination/flashcards"


def deck_cards(db: Db) -> list:
    with db.session() as session:
        return flashcards.card_questions(crud.list_questions(session=session))


def current_card(page: str) -> int:
    return int(re.search(r'href="/decks/kirov-assassination/flashcards/(\d+)"', page).group(1))


def counts(page: str) -> tuple[int, int]:
    new = int(re.search(r'id="due-new">(\d+) new', page).group(1))
    due = int(re.search(r'id="due-due">(\d+) to review', page).group(1))
    return new, due


def test_a_round_of_flashcards(learner: TestClient, db: Db) -> None:
    cards = deck_cards(db)
    page = learner.get(CARDS).text
    assert counts(page) == (len(cards), 0)
    seen = []
    for i in range(len(cards)):
        card = current_card(page)
        seen.append(card)
        front = page
        question = next(q for q in cards if q.id == card)
        assert "Show answer" in front and "How well did you remember" not in front
        back = learner.get(f"{CARDS}/{card}").text
        assert "How well did you remember" in back
        assert str(escape(question.explanation)) in back
        for label in ("Again", "Hard", "Good", "Easy"):
            assert f'value="{label.lower()}"' in back
        r = learner.post(f"{CARDS}/{card}", data={"rating": "easy" if i % 2 else "again"})
        assert r.status_code == 303 and r.headers["location"] == CARDS
        page = learner.get(CARDS).text
    assert sorted(seen) == sorted(q.id for q in cards)  # every card once
    assert "All caught up!" in page and counts(page) == (0, 0)
    assert f"{len(cards)} reviews so far" in page
    with db.session() as session:
        states = crud.card_states(session=session, learner_id=1)
    again = [s for s in states.values() if s.card["step"] is not None and s.card["state"] == 1]
    easy_due = [s.due for s in states.values() if s.card["state"] == 2]
    assert again and easy_due  # Again stays in learning, Easy graduates to review
    assert min(easy_due) > datetime.now(UTC) + timedelta(days=1)


def test_again_cards_come_back_when_due(learner: TestClient, db: Db) -> None:
    card = current_card(learner.get(CARDS).text)
    learner.post(f"{CARDS}/{card}", data={"rating": "again"})
    with db.session() as session:
        state = crud.card_states(session=session, learner_id=1)[card]
        # let the minute pass
        state.due = datetime.now(UTC) - timedelta(seconds=1)
        session.add(state)
        session.commit()
    page = learner.get(CARDS).text
    assert counts(page)[1] == 1 and current_card(page) == card


def test_htmx_flip_and_rate_return_fragments(learner: TestClient) -> None:
    hx = {"HX-Request": "true"}
    card = current_card(learner.get(CARDS).text)
    back = learner.get(f"{CARDS}/{card}", headers=hx)
    assert back.text.lstrip().startswith('<section id="card"') and "Good" in back.text
    nxt = learner.post(f"{CARDS}/{card}", data={"rating": "good"}, headers=hx)
    assert nxt.status_code == 200 and nxt.text.lstrip().startswith('<section id="card"')
    assert current_card(nxt.text) != card


def test_reviews_are_per_learner(learner: TestClient, app, db: Db) -> None:
    n = len(deck_cards(db))
    card = current_card(learner.get(CARDS).text)
    learner.post(f"{CARDS}/{card}", data={"rating": "good"})
    assert counts(learner.get(CARDS).text) == (n - 1, 0)
    with PageClient(app, follow_redirects=False) as other:
        other.post("/learner", data={"name": "Bob"})
        assert counts(other.get(CARDS).text) == (n, 0)


def test_flashcards_need_a_learner(client: TestClient) -> None:
    r = client.get(CARDS)
    assert r.status_code == 303 and r.headers["location"].startswith("/learner?next=")


def test_bad_reviews_are_refused(learner: TestClient, db: Db) -> None:
    card = current_card(learner.get(CARDS).text)
    for rating in ("", "perfect", "x" * 50):
        r = learner.post(f"{CARDS}/{card}", data={"rating": rating})
        assert r.status_code == 422, rating
    assert learner.post(f"{CARDS}/{card}").status_code == 422
    assert learner.post(f"{CARDS}/999999", data={"rating": "good"}).status_code == 404
    assert learner.get(f"{CARDS}/999999").status_code == 404
    assert learner.get(f"{CARDS}/abc").status_code == 404
    assert learner.post("/decks/nope/flashcards/1", data={"rating": "good"}).status_code == 404
    assert learner.get("/decks/nope/flashcards").status_code == 404
    with db.session() as session:
        assert crud.count_reviews(session=session, learner_id=1) == 0


def published_set(client: TestClient, db: Db) -> tuple[int, str]:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    ids = [str(q.id) for q in set_questions(db, set_id)]
    teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve", "ids": ids})
    assert teacher.post(f"/teach/sets/{set_id}/publish").status_code == 303
    with db.session() as session:
        code = crud.get_class_set(session=session, set_id=set_id).join_code
    return set_id, code


def test_a_published_set_as_flashcards(app: FastAPI, client: TestClient, db: Db) -> None:
    set_id, code = published_set(client, db)
    cards = flashcards.card_questions(set_questions(db, set_id, statuses=["approved"]))
    student = PageClient(app, follow_redirects=False)
    assert student.post(f"/join/{code}", data={"name": "Ann"}).status_code == 303
    share = student.get(f"/join/{code}").text
    assert f'href="/join/{code}/flashcards"' in share  # opened from the share page

    base = f"/join/{code}/flashcards"
    page = student.get(base).text
    assert counts(page) == (len(cards), 0) and 'data-key=" "' in page
    seen = []
    for i in range(len(cards)):
        card = int(re.search(rf'href="{base}/(\d+)"', page).group(1))
        seen.append(card)
        back = student.get(f"{base}/{card}").text
        question = next(q for q in cards if q.id == card)
        assert str(escape(question.explanation)) in back
        assert [k for k in re.findall(r'data-key="(\d)"', back)] == ["1", "2", "3", "4"]  # Again … Easy, as in Anki
        r = student.post(f"{base}/{card}", data={"rating": "good" if i % 2 else "again"})
        assert r.status_code == 303 and r.headers["location"] == base
        page = student.get(base).text
    assert sorted(seen) == sorted(q.id for q in cards)
    assert "All caught up!" in page and f'href="/join/{code}"' in page
    with db.session() as session:
        learner_id = session.exec(select(Learner).where(Learner.name == "Ann")).one().id
        assert set(crud.card_states(session=session, learner_id=learner_id, of_sets=True)) == set(seen)
        assert not crud.card_states(session=session, learner_id=learner_id)  # the library's cards untouched
    # another card of the set or a set not published: no card, no page
    assert student.get(f"{base}/999999").status_code == 404
    assert student.post(f"{base}/{seen[0]}", data={"rating": "sometimes"}).status_code == 422
    assert student.get("/join/ZZZZZZ/flashcards").status_code == 404
    # deleting the set takes its students' cards with it
    assert client.post(f"/teach/sets/{set_id}/delete").status_code == 303
    with db.session() as session:
        assert not crud.card_states(session=session, learner_id=learner_id, of_sets=True)
        assert crud.count_reviews(session=session, learner_id=learner_id, of_sets=True) == 0


def test_set_flashcards_close_with_the_set(app: FastAPI, client: TestClient, db: Db) -> None:
    set_id, code = published_set(client, db)
    assert client.post(f"/teach/sets/{set_id}/unpublish").status_code in (200, 303)
    student = PageClient(app, follow_redirects=False)
    student.post("/learner", data={"name": "Bo"})
    assert student.get(f"/join/{code}/flashcards").status_code == 404
