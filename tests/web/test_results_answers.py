"""The teacher's results page shows each student's answer to each question, right or wrong."""

from __future__ import annotations

import lxml.html
from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import Db, PageClient, class_answer_form, set_from_deck, set_questions, sign_up

from web import crud
from web.quiz import answer_lines

COUNT = 4


def answer_all(app: FastAPI, db: Db, code: str, name: str, right: set[int]) -> int:
    student = PageClient(app, follow_redirects=False)
    r = student.post(f"/join/{code}", data={"name": name})
    attempt = int(r.headers["location"].rsplit("/", 1)[1])
    for position in range(COUNT):
        form = class_answer_form(db, attempt, position, right=position in right)
        assert student.post(f"/class/{attempt}/answers", data=form).status_code == 303
    return attempt


def test_results_show_every_students_answers(app: FastAPI, client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    ids = [str(q.id) for q in set_questions(db, set_id)]
    teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve", "ids": ids})
    teacher.post(f"/teach/sets/{set_id}/options", data={"title": "Answers", "question_count": str(COUNT),
                                                        "attempts_allowed": "1", "feedback": "immediate"})
    teacher.post(f"/teach/sets/{set_id}/publish")
    with db.session() as session:
        code = crud.get_class_set(session=session, set_id=set_id).join_code
    attempts = {"Ann": answer_all(app, db, code, "Ann", {0, 1, 2, 3}),
                "<b>Bob</b>": answer_all(app, db, code, "<b>Bob</b>", {0})}

    page = teacher.get(f"/teach/sets/{set_id}/results")
    assert page.status_code == 200 and "<b>Bob</b>" not in page.text  # names are text
    root = lxml.html.fromstring(page.text)
    with db.session() as session:
        stored = crud.list_set_answers(session=session, set_id=set_id)
        questions = {q.id: q for q in crud.list_set_questions(session=session, set_id=set_id)}
    for name, attempt in attempts.items():
        (sheet,) = root.xpath(f'//*[@id="answers"]//details[@id="sheet-{attempt}"]')
        assert name in sheet.find("summary").text_content()
        shown = sheet.find_class("given")
        mine = [a for a in stored if a.attempt_id == attempt]
        assert len(shown) == len(mine) == COUNT
        for li, answer in zip(shown, mine, strict=True):
            question = questions[answer.question_id]
            assert ("right" in li.get("class").split()) is answer.correct
            assert question.prompt in li.find_class("given-q")[0].text_content()
            given = [" ".join(el.text_content().split()) for el in li.find_class("given-a")]
            assert given == [" ".join(line.split()) for line in answer_lines(question.format, answer.response)]
            assert ("Expected:" in li.text_content()) is not answer.correct
    ann = [a.correct for a in stored if a.attempt_id == attempts["Ann"]]
    bob = [a.correct for a in stored if a.attempt_id == attempts["<b>Bob</b>"]]
    assert all(ann) and bob[0] and not any(bob[1:])  # both right and wrong answers were shown above
