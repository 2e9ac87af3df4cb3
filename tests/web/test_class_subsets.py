"""A student's random subset of a set: never two questions on the same fact, over many draws."""

from __future__ import annotations

import random
import re
from collections import Counter

from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import Db, PageClient, set_from_deck, set_questions, sign_up

from web import classroom, crud

COUNT = 10


def repeated_facts(questions: list) -> list:
    counts = Counter(key for q in questions for key in classroom.fact_keys(q))
    return [key for key, n in counts.items() if n > 1]


def test_random_subsets_hold_one_question_per_fact(app: FastAPI, client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    ids = [str(q.id) for q in set_questions(db, set_id)]
    teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve", "ids": ids})
    approved = set_questions(db, set_id, statuses=["approved"])
    assert repeated_facts(approved), "the deck should hold several questions on one sentence"

    for seed in range(300):
        drawn = classroom.draw(approved, COUNT, random.Random(seed))
        assert len(drawn) == COUNT and len({q.id for q in drawn}) == COUNT
        assert not repeated_facts(drawn), seed

    teacher.post(f"/teach/sets/{set_id}/options", data={"title": "Subsets", "question_count": str(COUNT),
                                                        "attempts_allowed": "0", "feedback": "immediate"})
    teacher.post(f"/teach/sets/{set_id}/publish")
    code = re.search(r'class="join-code"[^>]*>(\w+)<', teacher.get(f"/teach/sets/{set_id}").text).group(1)
    by_id = {q.id: q for q in approved}
    for n in range(25):
        student = PageClient(app, follow_redirects=False)
        r = student.post(f"/join/{code}", data={"name": f"Student {n}"})
        assert r.status_code == 303, r.text
        with db.session() as session:
            attempt = crud.get_class_attempt(session=session, attempt_id=int(r.headers["location"].rsplit("/", 1)[1]))
            chosen = [by_id[i] for i in attempt.question_ids]
        assert len(chosen) == COUNT and not repeated_facts(chosen)


def test_a_set_with_fewer_facts_than_asked_gives_one_question_each(db: Db, client: TestClient) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    questions = set_questions(db, set_id)
    one_sentence = [q for q in questions if q.source_sentence == questions[0].source_sentence]
    drawn = classroom.draw(one_sentence * 3, 5, random.Random(1))
    assert len(drawn) == 1
