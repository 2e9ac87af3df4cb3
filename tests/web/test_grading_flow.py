"""Fair grading in a class, over HTTP on SQLite and PostgreSQL: the teacher's accepted answers (editor and
deck.toml), a typo accepted with its reason, a long answer the student reveals and marks, a student's "I was
right" claim, and the teacher's accepting it regrading every answer (scores, results page, CSV)."""

from __future__ import annotations

import csv
import io
import re
import tomllib

import tomli_w
from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import Db, PageClient, set_from_deck, set_questions, sign_up

from web import crud

HTMX = {"HX-Request": "true"}
LONG = "a wave of arrests across the whole party"  # more words than anyone types


def make_set(teacher: TestClient, db: Db) -> tuple[int, str, dict[str, int]]:
    """A published set of three typed questions, in the teacher's order, feedback right away."""
    set_id = set_from_deck(teacher)
    ids = [str(q.id) for q in set_questions(db, set_id)]
    assert teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "reject", "ids": ids}).status_code == 303
    for prompt, answer, topic in (("Who was shot at the Smolny Institute?", "Sergei Kirov", "person"),
                                  ("What did the killing bring?", LONG, "event"),
                                  ("Which state was the GDR?", "East Germany", "place")):
        r = teacher.post(f"/teach/sets/{set_id}/add", data={"format": "short_answer", "topic": topic, "prompt": prompt,
                                                            "answer": answer, "difficulty": "2"})
        assert r.status_code == 303, r.text
    added = {q.answer: q.id for q in set_questions(db, set_id, statuses=["approved"])}
    r = teacher.post(f"/teach/sets/{set_id}/options", data={"title": "Grading", "question_count": "0",
                                                            "attempts_allowed": "1", "feedback": "immediate"})
    assert r.status_code == 303
    assert teacher.post(f"/teach/sets/{set_id}/publish").status_code == 303
    with db.session() as session:
        code = crud.get_class_set(session=session, set_id=set_id).join_code
    return set_id, code, added


def join(app: FastAPI, code: str, name: str) -> tuple[PageClient, int]:
    student = PageClient(app, follow_redirects=False)
    r = student.post(f"/join/{code}", data={"name": name})
    assert r.status_code == 303, r.text
    return student, int(r.headers["location"].rsplit("/", 1)[1])


def answer(student: PageClient, attempt: int, position: int, **fields: str) -> str:
    r = student.post(f"/class/{attempt}/answers", data={"position": str(position), **fields}, headers=HTMX)
    assert r.status_code == 200, r.text
    return r.text


def csv_rows(teacher: TestClient, set_id: int) -> list[list[str]]:
    text = teacher.get(f"/teach/sets/{set_id}/results.csv").text.lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def test_typos_self_marking_claims_and_regrade(app: FastAPI, client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id, code, q = make_set(teacher, db)

    ann, ann_attempt = join(app, code, "Ann")
    page = answer(ann, ann_attempt, 0, text="Sergei Kirow")
    assert "Correct!" in page and "accepted: one letter off" in page and "I was right" not in page

    # the long answer is not typed: the question page does not hold it, the revealed card does
    page = ann.get(f"/class/{ann_attempt}").text
    assert LONG not in page and 'name="text"' not in page and "Show the answer" in page
    page = ann.get(f"/class/{ann_attempt}?reveal=1", headers=HTMX).text
    assert LONG in page and "I had it" in page and "I didn't" in page
    page = answer(ann, ann_attempt, 1, mark="had")
    assert "Correct!" in page and "self-marked" in page and "I was right" not in page

    page = answer(ann, ann_attempt, 2, text="DDR")
    assert "Not quite." in page and "I was right" in page
    r = ann.post(f"/class/{ann_attempt}/answers/2/claim", headers=HTMX)
    assert r.status_code == 200 and "Sent to your teacher" in r.text
    assert ann.post(f"/class/{ann_attempt}/answers/0/claim").status_code == 409  # a right answer is not claimed

    bob, bob_attempt = join(app, code, "Bob")
    answer(bob, bob_attempt, 0, text="Kirov")
    answer(bob, bob_attempt, 1, mark="missed")
    answer(bob, bob_attempt, 2, text="the DDR")  # the same answer; Bob does not claim it
    cy, cy_attempt = join(app, code, "Cy")
    answer(cy, cy_attempt, 0, text="Sergei Eisenstein")
    answer(cy, cy_attempt, 1, mark="had")
    answer(cy, cy_attempt, 2, text="Prussia")
    assert cy.post(f"/class/{cy_attempt}/answers/2/claim").status_code == 303
    assert cy.post(f"/class/{cy_attempt}/answers/0/claim").status_code == 303

    results = teacher.get(f"/teach/sets/{set_id}/results").text
    assert 'id="claims"' in results and results.count('class="claim-row"') == 3
    assert "DDR" in results and "Prussia" in results
    before = {row[0]: row[5] for row in csv_rows(teacher, set_id)[1:]}
    assert before == {"Ann": "2", "Bob": "1", "Cy": "1"}

    with db.session() as session:
        claims = {a.response: a.id for a, _ in crud.list_claims(session=session, set_id=set_id)}
    # another set's teacher cannot decide these claims; a made-up decision is refused
    assert teacher.post(f"/teach/sets/{set_id}/claims/{claims['DDR']}", data={"decision": "maybe"}).status_code == 422
    r = teacher.post(f"/teach/sets/{set_id}/claims/{claims['DDR']}", data={"decision": "accept"})
    assert r.status_code == 303 and r.headers["location"].endswith("/results#claims")
    teacher.post(f"/teach/sets/{set_id}/claims/{claims['Prussia']}", data={"decision": "decline"})
    teacher.post(f"/teach/sets/{set_id}/claims/{claims['Sergei Eisenstein']}", data={"decision": "decline"})

    # accepting regraded every answer to that question: Bob's too, though he did not claim
    gdr = next(x for x in set_questions(db, set_id) if x.id == q["East Germany"])
    assert gdr.accepted == ["DDR"]
    rows = csv_rows(teacher, set_id)
    after = {row[0]: row[5] for row in rows[1:]}
    assert after == {"Ann": "3", "Bob": "2", "Cy": "1"}
    gdr_column = next(i for i, h in enumerate(rows[0]) if "GDR" in h)
    assert {row[0]: row[gdr_column] for row in rows[1:]} == {"Ann": "1", "Bob": "1", "Cy": "0"}
    results = teacher.get(f"/teach/sets/{set_id}/results").text
    assert 'id="claims"' not in results and "3 / 3" in results
    with db.session() as session:
        answers = {(a.attempt_id, a.position): a for a in crud.list_set_answers(session=session, set_id=set_id)}
    assert (answers[bob_attempt, 2].correct, answers[bob_attempt, 2].why) == (True, "accepted: teacher's alternative")
    assert answers[ann_attempt, 2].claim == "accepted" and answers[cy_attempt, 2].claim == "declined"
    assert answers[bob_attempt, 1].why == "self-marked" and not answers[bob_attempt, 1].correct
    page = ann.get(f"/class/{ann_attempt}").text
    assert re.search(r'id="score">3</span> out of 3', page) and "Your teacher accepted this answer." in page
    assert "Your teacher kept this answer as wrong." in cy.get(f"/class/{cy_attempt}/answers/2").text


def test_accepted_answers_in_the_editor_and_through_deck_toml(app: FastAPI, client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id, code, q = make_set(teacher, db)
    ann, attempt = join(app, code, "Ann")
    answer(ann, attempt, 0, text="Kirov")
    answer(ann, attempt, 1, mark="had")
    assert "Not quite." in answer(ann, attempt, 2, text="German Democratic Republic")

    gdr = next(x for x in set_questions(db, set_id) if x.id == q["East Germany"])
    form = teacher.get(f"/teach/sets/{set_id}/questions/{gdr.id}/edit").text
    assert 'name="accepted"' in form and "Also accept" in form
    values = {"topic": "place", "prompt": gdr.prompt, "answer": "East Germany", "difficulty": "2", "explanation": "",
              "section": gdr.source_section, "accepted": "GDR\n\n German Democratic Republic \nthe GDR\n"}
    r = teacher.post(f"/teach/sets/{set_id}/questions/{gdr.id}", data=values, headers=HTMX)
    assert r.status_code == 200 and "Also accepted:</span> GDR · German Democratic Republic" in r.text
    gdr = next(x for x in set_questions(db, set_id) if x.id == gdr.id)
    assert gdr.accepted == ["GDR", "German Democratic Republic"]  # one a line, repeats and blanks dropped
    # saving regraded the answer already given
    assert "3 / 3" in teacher.get(f"/teach/sets/{set_id}/results").text
    too_many = {**values, "accepted": "\n".join(f"Name {i}" for i in range(30))}
    r = teacher.post(f"/teach/sets/{set_id}/questions/{gdr.id}", data=too_many)
    assert r.status_code == 422 and "At most 20 other answers" in r.text

    exported = teacher.get(f"/teach/sets/{set_id}/deck.toml")
    assert tomllib.loads(exported.text)["accepted"] == {gdr.uid: ["GDR", "German Democratic Republic"]}
    other = sign_up(PageClient(app, follow_redirects=False), email="other@school.org")
    r = other.post("/teach/sets/import", files={"file": ("deck.toml", exported.content, "application/toml")})
    assert r.status_code == 303, r.text
    new_id = int(r.headers["location"].rsplit("/", 1)[1])
    copy = {x.uid: x.accepted for x in set_questions(db, new_id)}
    assert copy == {x.uid: x.accepted for x in set_questions(db, set_id)}

    doc = tomllib.loads(exported.text)
    doc["accepted"] = {gdr.uid: [1, 2]}
    r = other.post("/teach/sets/import", files={"file": ("deck.toml", tomli_w.dumps(doc).encode(), "application/toml")})
    assert r.status_code == 422 and "[accepted]" in r.text
