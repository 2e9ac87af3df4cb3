"""The order of a set's questions: moved to any position in one step (the editor's "Move" form, and what a drop
posts), and a per-set choice between the teacher's order (the default) and a shuffle for each student."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import Db, PageClient, set_from_deck, set_questions, sign_up

from web import crud

HTMX = {"HX-Request": "true"}


def approve_all(client: TestClient, set_id: int, db: Db) -> None:
    ids = [str(q.id) for q in set_questions(db, set_id)]
    client.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve", "ids": ids})


def test_a_question_moves_to_any_position_in_one_step(client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    order = [q.id for q in set_questions(db, set_id)]
    last = order[-1]
    r = teacher.post(f"/teach/sets/{set_id}/questions/{last}/move", data={"direction": "to", "position": "1"},
                     headers=HTMX)
    assert r.status_code == 200
    assert [q.id for q in set_questions(db, set_id)] == [last] + order[:-1]
    assert [int(i) for i in re.findall(r'<li id="q-(\d+)"', r.text)] == [last] + order[:-1]
    # without script: the form posts, the editor comes back at the question
    r = teacher.post(f"/teach/sets/{set_id}/questions/{last}/move", data={"direction": "to", "position": "3"})
    assert r.status_code == 303 and r.headers["location"].endswith(f"#q-{last}")
    assert [q.id for q in set_questions(db, set_id)] == order[:2] + [last] + order[2:-1]
    # past the end: the last place; nonsense: a 4xx, never a 500
    teacher.post(f"/teach/sets/{set_id}/questions/{last}/move", data={"direction": "to", "position": "9999"})
    assert set_questions(db, set_id)[-1].id == last
    for bad in ("0", "-2", "x", "1e9"):
        r = teacher.post(f"/teach/sets/{set_id}/questions/{last}/move", data={"direction": "to", "position": bad})
        assert r.status_code in (400, 422), bad


def test_the_class_gets_the_teachers_order_unless_she_chooses_a_shuffle(app: FastAPI, client: TestClient,
                                                                        db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    approve_all(teacher, set_id, db)
    editor = teacher.get(f"/teach/sets/{set_id}").text
    assert re.search(r'name="shuffle_questions" value="off" checked', editor)  # the teacher's order by default
    order = [q.id for q in set_questions(db, set_id)]
    teacher.post(f"/teach/sets/{set_id}/questions/{order[-1]}/move", data={"direction": "to", "position": "1"})
    teacher.post(f"/teach/sets/{set_id}/publish")
    with db.session() as session:
        class_set = crud.get_class_set(session=session, set_id=set_id)
        code, count = class_set.join_code, class_set.question_count
    expected = [order[-1]] + order[:-1]

    def asked(name: str) -> list[int]:
        student = PageClient(app, follow_redirects=False)
        attempt = int(student.post(f"/join/{code}", data={"name": name}).headers["location"].rsplit("/", 1)[1])
        with db.session() as session:
            return list(crud.get_class_attempt(session=session, attempt_id=attempt).question_ids)

    for name in ("Ada", "Ben", "Cy"):
        ids = asked(name)
        assert len(ids) == count and ids == sorted(ids, key=expected.index)  # a subset, in the teacher's order
    # the shuffle, when chosen, gives students different orders
    teacher.post(f"/teach/sets/{set_id}/options", data={"title": "Kirov", "question_count": "0",
                                                        "attempts_allowed": "1", "feedback": "immediate",
                                                        "shuffle_questions": "on"})
    orders = {tuple(asked(f"Student {i}")) for i in range(6)}
    assert len(orders) > 1 and all(sorted(o) == sorted(order) for o in orders)
    assert 'name="shuffle_questions" value="on" checked' in teacher.get(f"/teach/sets/{set_id}").text
