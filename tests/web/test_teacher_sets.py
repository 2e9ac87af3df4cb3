"""A teacher's set over HTTP, on SQLite and PostgreSQL: built from the bundled deck, reviewed (filters,
approve and reject one or many), edited in place, added to, reordered, given options, published; two
students take it; the results page and CSV show both. Then exports, deck.toml round trips and the editor's
checks on every edit."""

from __future__ import annotations

import csv as csv_module
import io
import json
import re
import tomllib
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import inspect
from webtests import Db, PageClient, class_answer_form, edit_form, set_from_deck, set_questions, sign_up, sqlite_only

from quizgen.export import FORMATS
from quizgen.questions.draft import norm
from web import crud
from web.sets import CODE_ALPHABET

HTMX = {"HX-Request": "true"}
SQLISH = "'); DROP TABLE question_sets;--"


def ids_in(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<li id="q-(\d+)"', page)]


def approve_all(client: TestClient, set_id: int, db: Db) -> None:
    ids = [str(q.id) for q in set_questions(db, set_id)]
    assert client.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve", "ids": ids}).status_code == 303


def take(app: FastAPI, db: Db, code: str, name: str, right: set[int] | None = None) -> tuple[PageClient, int]:
    """A student joins by code and answers every question (right at the positions in `right`, all if None)."""
    student = PageClient(app, follow_redirects=False)
    r = student.get(f"/join?code={code.lower()}")
    assert r.status_code == 303 and r.headers["location"] == f"/join/{code}"
    assert student.get(f"/join/{code}").status_code == 200
    r = student.post(f"/join/{code}", data={"name": name})
    assert r.status_code == 303, r.text
    attempt = int(r.headers["location"].rsplit("/", 1)[1])
    page = student.get(f"/class/{attempt}").text
    total = int(re.search(r"Question 1 of (\d+)", page).group(1))
    for position in range(total):
        r = student.post(f"/class/{attempt}/answers",
                         data=class_answer_form(db, attempt, position, right=right is None or position in right))
        assert r.status_code == 303, r.text
    return student, attempt


def test_whole_flow_from_deck_to_results(app: FastAPI, client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    with db.session() as session:
        library = crud.list_questions(session=session)
    editor = teacher.get(f"/teach/sets/{set_id}")
    assert editor.status_code == 200
    made = set_questions(db, set_id)
    assert len(ids_in(editor.text)) == len(made)
    # the questions the library serves start approved, the model's other candidates are suggestions with a reason
    approved = [q for q in made if q.status == "approved"]
    suggested = [q for q in made if q.status == "suggested"]
    assert [q.uid for q in approved] == [q.uid for q in library] and len(approved) + len(suggested) == len(made)
    assert suggested and all(q.reason for q in suggested) and not any(q.reviewed for q in made)
    assert f"{len(library)} approved" in editor.text and f"{len(suggested)} suggested" in editor.text
    assert f"Not served: {escape(suggested[0].reason)}." in editor.text

    # filters narrow the list (htmx gets only the list block)
    fragment = teacher.get(f"/teach/sets/{set_id}?format=true_false", headers=HTMX)
    assert "<html" not in fragment.text
    tf = [q for q in set_questions(db, set_id) if q.format == "true_false"]
    assert sorted(ids_in(fragment.text)) == sorted(q.id for q in tf)

    # approve everything, then reject two: one alone (htmx: its row comes back), then one more in bulk
    approve_all(teacher, set_id, db)
    questions = set_questions(db, set_id)
    first, second = questions[0], questions[1]
    r = teacher.post(f"/teach/sets/{set_id}/questions/{first.id}/status", data={"action": "reject"}, headers=HTMX)
    assert r.status_code == 200 and f'<li id="q-{first.id}" class="qitem status-rejected">' in r.text
    assert 'id="counts"' in r.text and 'hx-swap-oob="true"' in r.text and "1 rejected" in r.text
    r = teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "reject", "ids": [str(second.id)]})
    assert r.status_code == 303
    assert {q.id for q in set_questions(db, set_id, statuses=["rejected"])} == {first.id, second.id}

    # edit a typed-answer question in place
    typed = next(q for q in questions[2:] if q.format in ("short_answer", "cloze"))
    form = teacher.get(f"/teach/sets/{set_id}/questions/{typed.id}/edit", headers=HTMX)
    assert form.status_code == 200 and f'<li id="q-{typed.id}" class="qitem editing">' in form.text
    assert str(escape(typed.prompt)) in form.text
    new_prompt = "Which city was Kirov killed in? (edited _____)" if typed.format == "cloze" else "Which city was Kirov killed in?"
    r = teacher.post(f"/teach/sets/{set_id}/questions/{typed.id}",
                     data=edit_form(typed, prompt=new_prompt, answer="Leningrad"), headers=HTMX)
    assert r.status_code == 200 and str(escape(new_prompt)) in r.text and "edited" in r.text
    edited = next(q for q in set_questions(db, set_id) if q.id == typed.id)
    assert (edited.prompt, edited.answer, edited.edited) == (new_prompt, "Leningrad", True)

    # new wrong answers for a multiple-choice question: four distinct options, the answer kept, grounded
    mc = next((q for q in questions if q.format == "multiple_choice"), None)
    if mc is not None:
        r = teacher.post(f"/teach/sets/{set_id}/questions/{mc.id}/wrong-answers", headers=HTMX)
        assert r.status_code == 200, r.text
        after = next(q for q in set_questions(db, set_id) if q.id == mc.id)
        assert after.answer == mc.answer and mc.answer in after.choices
        assert len({norm(c) for c in after.choices}) == 4
        assert set(after.choices) != set(mc.choices)
        with db.session() as session:
            text = norm(" ".join(json.dumps(a.body) for a in crud.list_set_articles(session=session, set_id=set_id)))
        for wrong in set(after.choices) - {mc.answer}:
            key = norm(wrong)
            # from the article (a surname alone when the answer is one), or a date near the answer's
            grounded = key in text or (mc.topic == "date" and re.search(r"\d{4}", wrong))
            assert grounded, wrong

    # add a question by hand: approved at once, at the end; then move it up one place
    r = teacher.post(f"/teach/sets/{set_id}/add", data={
        "format": "true_false", "topic": "person", "prompt": "Sergei Kirov led the party in Leningrad.",
        "answer": "True", "difficulty": "1", "section": "Background", "explanation": "The article says so."})
    assert r.status_code == 303 and r.headers["location"].startswith(f"/teach/sets/{set_id}#q-")
    added = set_questions(db, set_id)[-1]
    assert (added.origin, added.status, added.prompt) == ("added", "approved", "Sergei Kirov led the party in Leningrad.")
    r = teacher.post(f"/teach/sets/{set_id}/questions/{added.id}/move", data={"direction": "up"}, headers=HTMX)
    assert r.status_code == 200
    order = [q.id for q in set_questions(db, set_id)]
    assert order.index(added.id) == len(order) - 2
    assert ids_in(r.text) == order

    # options, then publish
    r = teacher.post(f"/teach/sets/{set_id}/options", data={
        "title": "Kirov: week 3", "question_count": "5", "attempts_allowed": "1", "feedback": "immediate",
        "shuffle_questions": "on", "shuffle_choices": "on"}, headers=HTMX)
    assert r.status_code == 200 and 'id="options"' in r.text and "<html" not in r.text
    r = teacher.post(f"/teach/sets/{set_id}/publish")
    assert r.status_code == 303
    page = teacher.get(f"/teach/sets/{set_id}").text
    code = re.search(r'class="join-code"[^>]*>(\w+)<', page).group(1)
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
    assert f"http://testserver/join/{code}" in page

    # two students take it
    ann, ann_attempt = take(app, db, code, "Ann")
    bob, bob_attempt = take(app, db, code, "Bob", right={0, 1})
    approved = {q.id for q in set_questions(db, set_id, statuses=["approved"])}
    with db.session() as session:
        for attempt_id in (ann_attempt, bob_attempt):
            attempt = crud.get_class_attempt(session=session, attempt_id=attempt_id)
            assert len(attempt.question_ids) == 5 and set(attempt.question_ids) <= approved
    results = ann.get(f"/class/{ann_attempt}").text
    assert re.search(r'id="score">5</span> out of 5', results)
    assert re.search(r'id="score">2</span> out of 5', bob.get(f"/class/{bob_attempt}").text)
    # one attempt each: starting again is refused
    r = ann.post(f"/join/{code}", data={"name": "Ann"})
    assert r.status_code == 409 and "used all 1 attempt" in r.text

    # the results page shows both, with bar charts drawn on the server
    page = teacher.get(f"/teach/sets/{set_id}/results")
    assert page.status_code == 200
    text = page.text
    assert "Ann" in text and "Bob" in text
    assert re.search(r"<th scope=\"row\">Ann</th>\s*<td>5 / 5</td>\s*<td>100%</td>", text)
    assert re.search(r"<th scope=\"row\">Bob</th>\s*<td>2 / 5</td>\s*<td>40%</td>", text)
    assert text.count('<svg class="chart') == 2 and 'role="img"' in text
    assert ">5/5</text>" in text and ">2/5</text>" in text  # the bars are labelled with the scores
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', text)  # nothing from another site
    csv = teacher.get(f"/teach/sets/{set_id}/results.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    rows = list(csv_module.reader(io.StringIO(csv.text.lstrip("\ufeff"))))
    assert rows[0][:8] == ["student", "attempt", "started (UTC)", "finished (UTC)", "seconds", "correct", "questions",
                           "percent"]
    assert rows[0][8].startswith("Q1")
    assert rows[1][:2] == ["Ann", "1"] and rows[1][5:8] == ["5", "5", "100"]
    assert rows[2][:2] == ["Bob", "1"] and rows[2][5:8] == ["2", "5", "40"]


def test_feedback_at_the_end_and_the_quiz_closed(app: FastAPI, client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    approve_all(teacher, set_id, db)
    teacher.post(f"/teach/sets/{set_id}/options", data={"title": "End", "question_count": "3", "attempts_allowed": "0",
                                                        "feedback": "end"})
    teacher.post(f"/teach/sets/{set_id}/publish")
    code = crud_code(db, set_id)
    student = PageClient(app, follow_redirects=False)
    attempt = int(student.post(f"/join/{code}", data={"name": "=Cy+1"}).headers["location"].rsplit("/", 1)[1])
    r = student.post(f"/class/{attempt}/answers", data=class_answer_form(db, attempt, 0, right=True))
    assert r.status_code == 303 and r.headers["location"] == f"/class/{attempt}/answers/1"  # no verdict yet
    # and no peeking: Back to the first question shows it answered, without its answer
    back = student.get(f"/class/{attempt}/answers/0")
    assert "You have answered this question" in back.text
    assert "Correct" not in back.text and "Check answer" not in back.text and "Next" in back.text
    page = student.get(f"/class/{attempt}").text
    assert "Question 2 of 3" in page and "Correct!" not in page
    for position in (1, 2):
        student.post(f"/class/{attempt}/answers", data=class_answer_form(db, attempt, position, right=True))
    assert "You scored" in student.get(f"/class/{attempt}").text
    assert student.get(f"/class/{attempt}/answers/0").status_code == 200
    # no limit on attempts: another one starts
    assert student.post(f"/join/{code}", data={"name": "=Cy+1"}).status_code == 303
    # a name a spreadsheet would run as a formula is written as text in the CSV
    csv = teacher.get(f"/teach/sets/{set_id}/results.csv").text
    assert "\r\n'=Cy+1,1," in csv and "\r\n'=Cy+1,2," in csv
    # closed: no new attempts, and the page says so
    teacher.post(f"/teach/sets/{set_id}/unpublish")
    late = PageClient(app, follow_redirects=False)
    assert "This quiz is closed" in late.get(f"/join/{code}").text
    r = late.post(f"/join/{code}", data={"name": "Di"})
    assert r.status_code == 409 and "closed" in r.text
    # someone else's attempt is not yours to see
    assert late.get(f"/class/{attempt}").status_code in (303, 404)
    late.post("/learner", data={"name": "Di"})
    assert late.get(f"/class/{attempt}").status_code == 404


def crud_code(db: Db, set_id: int) -> str:
    with db.session() as session:
        code = crud.get_class_set(session=session, set_id=set_id).join_code
    assert code
    return code


@sqlite_only
def test_joining_with_a_wrong_code(client: TestClient) -> None:
    assert client.get("/join").status_code == 200
    r = client.get("/join?code=ZZZZZZ")
    assert r.status_code == 404 and "No quiz has the code ZZZZZZ" in r.text
    assert client.get("/join?code=%20").status_code == 422
    assert client.get("/join/NOPE42").status_code == 404


@sqlite_only
def test_publishing_needs_an_approved_question(client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    ids = [str(q.id) for q in set_questions(db, set_id)]
    assert teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "reject", "ids": ids}).status_code == 303
    r = teacher.post(f"/teach/sets/{set_id}/publish", headers=HTMX)
    assert r.status_code == 422 and "Approve at least one question" in r.text
    r = teacher.get(f"/teach/sets/{set_id}/export/json")
    assert r.status_code == 409 and "Approve at least one question" in r.text


def test_exports_hold_the_approved_edited_questions(client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    questions = set_questions(db, set_id)
    keep = [q for q in questions if q.format in ("short_answer", "true_false")][:3]
    teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "reset", "ids": [str(q.id) for q in questions]})
    teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve", "ids": [str(q.id) for q in keep]})
    teacher.post(f"/teach/sets/{set_id}/questions/{keep[0].id}", data=edit_form(keep[0], prompt="An edited prompt?"))
    for fmt in FORMATS:
        r = teacher.get(f"/teach/sets/{set_id}/export/{fmt.name}")
        assert r.status_code == 200, (fmt, r.text)
        assert r.headers["content-disposition"] == f'attachment; filename="kirov-assassination{fmt.suffix}"'
        assert len(r.content) > 100, fmt
    data = teacher.get(f"/teach/sets/{set_id}/export/json").json()
    exported = [q for s in data["sets"] for q in s["questions"]] if "sets" in data else data["questions"]
    assert [q["id"] for q in exported] == [q.uid for q in keep]  # only the approved, in the teacher's order
    assert exported[0]["prompt"] == "An edited prompt?"


def test_script_in_a_question_is_text_in_the_editor_the_quiz_and_anki(app: FastAPI, client: TestClient, db: Db,
                                                                      tmp_path: Path) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    ids = [str(q.id) for q in set_questions(db, set_id)]  # the student gets only the question written below
    assert teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "reject", "ids": ids}).status_code == 303
    evil = "<script>alert('x')</script> Who was assassinated?"
    r = teacher.post(f"/teach/sets/{set_id}/add", data={"format": "short_answer", "topic": "person", "prompt": evil,
                                                        "answer": "Kirov <b>bold</b>", "difficulty": "2"})
    assert r.status_code == 303
    editor = teacher.get(f"/teach/sets/{set_id}").text
    assert "<script>alert" not in editor and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in editor
    assert "Kirov &lt;b&gt;bold&lt;/b&gt;" in editor
    teacher.post(f"/teach/sets/{set_id}/options", data={"title": "T", "question_count": "0", "attempts_allowed": "1",
                                                        "feedback": "immediate"})
    teacher.post(f"/teach/sets/{set_id}/publish")
    student = PageClient(app, follow_redirects=False)
    attempt = student.post(f"/join/{crud_code(db, set_id)}", data={"name": "Eve"}).headers["location"]
    page = student.get(attempt).text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page

    apkg = tmp_path / "set.apkg"
    apkg.write_bytes(teacher.get(f"/teach/sets/{set_id}/export/anki").content)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions()))
        fields = [f for nid in col.find_notes("") for f in col.get_note(nid).fields]
    finally:
        col.close()
    assert any("&lt;script&gt;alert" in f for f in fields)
    assert not any("<script" in f for f in fields)


def test_sql_looking_input_is_stored_literally(client: TestClient, db: Db) -> None:
    teacher = sign_up(client, name=SQLISH)
    set_id = set_from_deck(teacher)
    r = teacher.post(f"/teach/sets/{set_id}/options", data={"title": SQLISH, "question_count": "10",
                                                           "attempts_allowed": "1", "feedback": "end"})
    assert r.status_code == 303
    r = teacher.post(f"/teach/sets/{set_id}/add", data={"format": "short_answer", "topic": "person", "prompt": SQLISH,
                                                        "answer": SQLISH, "difficulty": "2"})
    assert r.status_code == 303
    with db.session() as session:
        assert crud.get_class_set(session=session, set_id=set_id).title == SQLISH
        assert set_questions(db, set_id)[-1].prompt == SQLISH
        assert "question_sets" in inspect(session.get_bind()).get_table_names()
        assert len(crud.list_questions(session=session)) > 0
    assert str(escape(SQLISH)) in teacher.get(f"/teach/sets/{set_id}").text
    assert client.get("/").status_code == 200


def test_deck_toml_round_trip_to_another_teacher(app: FastAPI, client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    questions = set_questions(db, set_id)
    approve_all(teacher, set_id, db)
    teacher.post(f"/teach/sets/{set_id}/questions/{questions[1].id}/status", data={"action": "reject"})
    teacher.post(f"/teach/sets/{set_id}/questions/{questions[0].id}", data=edit_form(questions[0], prompt="Edited: _____?"
                 if questions[0].format == "cloze" else "Edited?"))
    teacher.post(f"/teach/sets/{set_id}/add", data={
        "format": "timeline", "topic": "date", "prompt": "Put these in order.", "event-0": "Kirov joins the party",
        "event-1": "Kirov leads Leningrad", "event-2": "Kirov is shot", "difficulty": "3"})
    added = set_questions(db, set_id)[-1]
    teacher.post(f"/teach/sets/{set_id}/questions/{added.id}/move", data={"direction": "top"})
    teacher.post(f"/teach/sets/{set_id}/options", data={"title": "Shared set", "question_count": "7",
                                                        "attempts_allowed": "2", "feedback": "end",
                                                        "shuffle_choices": "on"})
    r = teacher.get(f"/teach/sets/{set_id}/deck.toml")
    assert r.status_code == 200 and r.headers["content-disposition"] == 'attachment; filename="deck.toml"'
    doc = tomllib.loads(r.text)
    assert doc["title"] == "Shared set" and doc["quizgen"] == {"kind": "question-set", "version": 1}
    assert doc["options"] == {"questions": 7, "shuffle_questions": False, "shuffle_choices": True, "feedback": "end",
                              "attempts": 2}
    assert doc["articles"][0]["deck"] == "kirov-assassination"
    assert doc["articles"][0]["source"] == "decks/kirov-assassination/article.txt"
    assert doc["review"]["rejected"] == [questions[1].uid] and doc["review"]["order"][0] == added.uid
    assert [e["id"] for e in doc["edits"]] == [questions[0].uid]
    assert doc["added"][0]["answer"] == ["Kirov joins the party", "Kirov leads Leningrad", "Kirov is shot"]

    other = sign_up(PageClient(app, follow_redirects=False), email="other@school.org")
    r = other.post("/teach/sets/import", files={"file": ("deck.toml", r.content, "application/toml")})
    assert r.status_code == 303, r.text
    new_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert other.get(f"/teach/sets/{new_id}").status_code == 200  # the bundled article: no generation needed
    mine, theirs = set_questions(db, set_id), set_questions(db, new_id)
    strip = [(q.uid, q.status, q.format, q.prompt, q.answer, list(q.choices), q.edited, q.origin) for q in mine]
    assert [(q.uid, q.status, q.format, q.prompt, q.answer, list(q.choices), q.edited, q.origin) for q in theirs] == strip
    with db.session() as session:
        copy = crud.get_class_set(session=session, set_id=new_id)
        assert (copy.title, copy.question_count, copy.attempts_allowed, copy.feedback) == ("Shared set", 7, 2, "end")
        assert copy.teacher_id != crud.get_class_set(session=session, set_id=set_id).teacher_id


BAD_FILES = [
    (b"not = [valid", "not valid TOML"),
    (b'title = "x"\n', "holds no question set"),
    (b'title = "x"\n[quizgen]\nkind = "question-set"\nversion = 9\n', "unknown question-set version"),
    (b'title = ""\n[quizgen]\nkind = "question-set"\nversion = 1\n', "needs at least one article"),
    (b'title = "x"\n[quizgen]\nkind = "question-set"\nversion = 1\n[[articles]]\ntitle = "A"\n'
     b'[[articles.sections]]\nheading = ""\nparagraphs = ["Text."]\n[[added]]\nid = "a1"\nformat = "multiple_choice"\n'
     b'topic = "person"\nprompt = "Who?"\nanswer = "A"\nchoices = ["A", "A", "B", "C"]\n', "options must all differ"),
    (b"\xff\xfe", "not UTF-8"),
    # nested past what a set file needs: a clear refusal, whether or not TOML's reader copes with the depth
    (b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested more than 10 deep"),
    (b"x = " + b"{a = " * 5000 + b"1" + b"}" * 5000 + b"\n", "nested more than 10 deep"),
    (b'title = "x"\n[quizgen]\nkind = "question-set"\nversion = 1\n[[added]]\nid = "a"\nx = ' + b"[" * 40
     + b"]" * 40 + b"\n", "nested more than 10 deep"),
]


@sqlite_only
def test_bad_deck_toml_files_are_refused_with_the_reason(client: TestClient) -> None:
    sign_up(client)
    for content, problem in BAD_FILES:
        r = client.post("/teach/sets/import", files={"file": ("deck.toml", content, "application/toml")})
        assert r.status_code == 422, problem
        assert problem in r.text and 'id="import-error"' in r.text, problem
    assert client.post("/teach/sets/import").status_code == 422


BASE = {"topic": "person", "difficulty": "2", "prompt": "Who led the party in Leningrad?", "answer": "Kirov"}
MC = {**BASE, "format": "multiple_choice", "choice-0": "Kirov", "choice-1": "Stalin", "choice-2": "Yezhov",
      "choice-3": "Zinoviev", "correct": "0"}
TIMELINE = {**BASE, "format": "timeline", "event-0": "one", "event-1": "two", "event-2": "three"}
MATCHING = {**BASE, "format": "matching", "left-0": "a", "right-0": "1", "left-1": "b", "right-1": "2", "left-2": "c",
            "right-2": "3"}


BAD_EDITS = [
    ({**BASE, "format": "short_answer", "prompt": "  "}, "prompt", "Write the question."),
    ({**BASE, "format": "short_answer", "answer": ""}, "answer", "Write the answer."),
    ({**BASE, "format": "short_answer", "prompt": "x" * 1001}, "prompt", "too long: at most 1000"),
    ({**BASE, "format": "short_answer", "answer": "x" * 301}, "answer", "too long: at most 300"),
    ({**BASE, "format": "cloze", "prompt": "Kirov was killed in Leningrad."}, "prompt", "needs a blank written as _____"),
    ({**BASE, "format": "true_false", "answer": "Maybe"}, "answer", "True or False"),
    ({**MC, "choice-3": ""}, "choices", "exactly 4 options"),
    ({**MC, "choice-3": "the  KIROV"}, "choices", "must all differ"),
    ({**MC, "correct": ""}, "correct", "Mark which one option is the right answer"),
    ({**MC, "correct": "7"}, "correct", "Mark which one option is the right answer"),
    ({**TIMELINE, "event-2": ""}, "events", "3 to 5 events"),
    ({**TIMELINE, "event-2": "One"}, "events", "must all differ"),
    ({**MATCHING, "right-2": ""}, "pairs", "needs both sides"),
    ({**MATCHING, "left-2": "", "right-2": ""}, "pairs", "3 to 6 pairs"),
    ({**MATCHING, "right-2": "1"}, "pairs", "no right item twice"),
    ({**BASE, "format": "short_answer", "topic": "gossip"}, "topic", "Choose a topic"),
    ({**BASE, "format": "short_answer", "difficulty": "9"}, "difficulty", "Difficulty is 1"),
]


@sqlite_only
def test_every_edit_is_checked_and_the_problem_shown_by_its_field(client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    before = set_questions(db, set_id)
    for form, field, message in BAD_EDITS:
        r = teacher.post(f"/teach/sets/{set_id}/add", data=form)
        assert r.status_code == 422, message
        assert re.search(rf'id="fnew-{field}-error" class="form-error" role="alert">[^<]*{re.escape(message)}',
                         r.text), message
        # the same checks guard editing a generated question of that format (htmx gets the form back)
        target = next((q for q in before if q.format == form["format"]), None)
        if target is not None:
            r = teacher.post(f"/teach/sets/{set_id}/questions/{target.id}", data=form, headers=HTMX)
            assert r.status_code == 422, message
            assert re.search(rf'id="f{target.id}-{field}-error"', r.text), message
            assert f'<li id="q-{target.id}" class="qitem editing">' in r.text and "<html" not in r.text
    after = set_questions(db, set_id)
    assert [(q.prompt, q.answer, q.choices) for q in after] == [(q.prompt, q.answer, q.choices) for q in before]


@sqlite_only
def test_valid_questions_of_every_format_can_be_added(client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    for form in ({**BASE, "format": "short_answer"}, {**BASE, "format": "cloze", "prompt": "_____ led Leningrad."},
                 {**BASE, "format": "true_false", "answer": "False"}, MC, TIMELINE, MATCHING):
        assert teacher.get(f"/teach/sets/{set_id}/add?format={form['format']}").status_code == 200
        r = teacher.post(f"/teach/sets/{set_id}/add", data=form)
        assert r.status_code == 303, (form["format"], r.text)
    added = [q for q in set_questions(db, set_id) if q.origin == "added"]
    assert [q.format for q in added] == ["short_answer", "cloze", "true_false", "multiple_choice", "timeline", "matching"]
    timeline, matching = added[4], added[5]
    assert timeline.answer == ["one", "two", "three"] and timeline.choices != timeline.answer
    assert matching.answer == [["a", "1"], ["b", "2"], ["c", "3"]]
    assert teacher.get(f"/teach/sets/{set_id}/add?format=essay").status_code == 404


@sqlite_only
def test_bad_editor_requests_get_4xx(client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    q = set_questions(db, set_id)[0]
    assert teacher.post(f"/teach/sets/{set_id}/questions/{q.id}/status", data={"action": "explode"}).status_code == 400
    assert teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve"}).status_code == 422
    assert teacher.post(f"/teach/sets/{set_id}/questions/{q.id}/move", data={"direction": "sideways"}).status_code == 400
    assert teacher.get(f"/teach/sets/{set_id}/questions/999999/edit").status_code == 404
    assert teacher.get("/teach/sets/abc").status_code == 404
    assert teacher.get("/teach/sets/99999999999").status_code == 404
    r = teacher.post(f"/teach/sets/{set_id}/options", data={"title": "", "question_count": "-1",
                                                           "attempts_allowed": "x", "feedback": "never"})
    assert r.status_code == 422
    for name in ("title", "question_count", "attempts_allowed", "feedback"):
        assert f'id="opt-{name}-error"' in r.text
    assert teacher.post("/teach/sets/from-deck", data={"deck": "nope"}).status_code == 422
    assert teacher.get(f"/teach/sets/{set_id}/export/pdf").status_code == 404
    # a short-answer question has no wrong answers to regenerate
    typed = next(x for x in set_questions(db, set_id) if x.format == "short_answer")
    assert teacher.post(f"/teach/sets/{set_id}/questions/{typed.id}/wrong-answers").status_code == 422


def test_a_student_resumes_after_a_reload_and_never_sees_an_answer_first(app: FastAPI, client: TestClient,
                                                                         db: Db) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    approve_all(teacher, set_id, db)
    teacher.post(f"/teach/sets/{set_id}/options", data={"title": "T", "question_count": "0", "attempts_allowed": "1",
                                                        "feedback": "immediate"})
    teacher.post(f"/teach/sets/{set_id}/publish")
    code = crud_code(db, set_id)
    student = PageClient(app, follow_redirects=False)
    attempt = int(student.post(f"/join/{code}", data={"name": "Flo"}).headers["location"].rsplit("/", 1)[1])
    with db.session() as session:
        ids = crud.get_class_attempt(session=session, attempt_id=attempt).question_ids
        asked = crud.get_set_questions(session=session, ids=ids)
    for position, qid in enumerate(ids):
        q = asked[qid]
        page = student.get(f"/class/{attempt}").text
        assert f"Question {position + 1} of {len(ids)}" in page
        assert str(escape(q.source_sentence)) not in page and str(escape(q.explanation)) not in page
        if q.format in ("short_answer", "cloze"):
            assert f">{escape(q.answer)}<" not in page and f'value="{escape(q.answer)}"' not in page
        if position == 2:
            break
        student.post(f"/class/{attempt}/answers", data=class_answer_form(db, attempt, position, right=True))
    # a reload, or opening the quiz's link again, carries on where the student left off
    assert "Question 3 of" in student.get(f"/class/{attempt}").text
    assert "Carry on where you left off" in student.get(f"/join/{code}").text
    r = student.post(f"/join/{code}", data={"name": "Flo"})
    assert r.status_code == 303 and r.headers["location"] == f"/class/{attempt}"
    # answering out of order is refused; answering again keeps the first answer
    assert student.post(f"/class/{attempt}/answers", data={"position": "5", "text": "x"}).status_code == 409
    assert student.post(f"/class/{attempt}/answers", data={"position": "0", "text": "x"}).status_code == 303
    with db.session() as session:
        assert [a.correct for a in crud.list_class_answers(session=session, attempt_id=attempt)] == [True, True]
