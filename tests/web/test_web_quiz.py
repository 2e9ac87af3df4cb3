"""Taking quizzes over HTTP: scoring, feedback, resuming, no answer leaked early, bad forms."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from markupsafe import escape
from webtests import Db, PageClient, answer_form, attempt_view, start_quiz

from web import crud

DECK_QUIZ = "/decks/kirov-assassination/quiz"


def total_questions(db: Db) -> int:
    with db.session() as session:
        return len(crud.list_questions(session=session))


def test_quiz_needs_a_name_first_then_comes_back(client: TestClient) -> None:
    r = client.get(DECK_QUIZ)
    assert r.status_code == 303
    assert r.headers["location"] == "/learner?next=/decks/kirov-assassination/quiz"
    r = client.post("/learner", data={"name": "Ada", "next": "/decks/kirov-assassination/quiz"})
    assert r.status_code == 303 and r.headers["location"] == DECK_QUIZ
    page = client.get(DECK_QUIZ)
    assert page.status_code == 200
    assert "Start the quiz" in page.text and "Ada" in page.text


def test_whole_quiz_scores_right_answers_and_reviews_each(learner: TestClient, db: Db) -> None:
    n = total_questions(db)
    attempt = start_quiz(learner, DECK_QUIZ, count=n)
    right = set(range(0, n, 2))  # every other answer right
    for position in range(n):
        page = learner.get(f"/attempts/{attempt}")
        assert page.status_code == 200
        assert f"Question {position + 1} of {n}" in page.text
        assert f'value="{position}"' in page.text  # the progress bar
        r = learner.post(f"/attempts/{attempt}/answers",
                         data=answer_form(db, attempt, position, right=position in right))
        assert r.status_code == 303
        assert r.headers["location"] == f"/attempts/{attempt}/answers/{position}"
        feedback = learner.get(r.headers["location"])
        question, _ = attempt_view(db, attempt, position)
        assert ("Correct!" in feedback.text) == (position in right)
        assert str(escape(question.explanation)) in feedback.text  # the source sentence comes with feedback
    results = learner.get(f"/attempts/{attempt}")
    assert re.search(rf'id="score">{len(right)}</span> out of {n}', results.text)
    assert results.text.count('class="right"') == len(right)
    assert results.text.count('class="wrong"') == n - len(right)
    assert "Try again" in results.text


def test_question_page_never_holds_the_answer_or_its_source(learner: TestClient, db: Db) -> None:
    n = total_questions(db)
    attempt = start_quiz(learner, DECK_QUIZ, count=n)
    for position in range(n):
        question, _ = attempt_view(db, attempt, position)
        page = learner.get(f"/attempts/{attempt}").text
        # what the page adds to the prompt: the form, its options and hidden fields
        quiz = page[page.index('<section id="quiz"'):page.index("</section>")].replace(str(escape(question.prompt)), "")
        if question.format in ("short_answer", "cloze"):
            assert str(escape(question.answer)) not in quiz
        if question.format == "timeline":
            # the events are there, but never in their true order
            shown = [e for e in question.answer if e in page]
            assert sorted(shown, key=page.index) != list(question.answer)
        if question.explanation != question.prompt:  # a true statement is its own source sentence
            assert str(escape(question.explanation)) not in page
        assert "Correct answer" not in page
        learner.post(f"/attempts/{attempt}/answers", data=answer_form(db, attempt, position, right=False))


def test_feedback_of_an_unanswered_question_is_not_shown(learner: TestClient, db: Db) -> None:
    attempt = start_quiz(learner, DECK_QUIZ)
    # the current question's own address shows the question, a later one's leads back to it
    current = learner.get(f"/attempts/{attempt}/answers/0")
    assert current.status_code == 200
    # a way to answer it (a long answer is shown, then marked by the student), and no answer given away
    assert ("Check answer" in current.text or "Show the answer" in current.text) and "Correct answer" not in current.text
    r = learner.get(f"/attempts/{attempt}/answers/1")
    assert r.status_code == 303 and r.headers["location"] == f"/attempts/{attempt}"


def test_each_question_has_its_own_address_for_back_and_forward(learner: TestClient, db: Db) -> None:
    attempt = start_quiz(learner, DECK_QUIZ, count=3)
    first = answer_form(db, attempt, 0, right=True)
    r = learner.post(f"/attempts/{attempt}/answers", data=first, headers={"HX-Request": "true"})
    # htmx puts the answered question's address in the history entry
    assert r.headers["HX-Replace-Url"] == f"/attempts/{attempt}/answers/0"
    assert f'hx-get="/attempts/{attempt}/answers/1"' in r.text and 'hx-push-url="true"' in r.text
    # Forward to the next question shows it as new, Back to the first shows it answered
    second = learner.get(f"/attempts/{attempt}/answers/1").text
    assert "Check answer" in second or "Show the answer" in second  # the current question, to answer
    back = learner.get(f"/attempts/{attempt}/answers/0", headers={"HX-Request": "true",
                                                                "HX-History-Restore-Request": "true"})
    assert "Correct!" in back.text and "Check answer" not in back.text
    assert back.text.lstrip().startswith("<!doctype html>")  # a history restore gets the whole page


def test_reload_mid_quiz_resumes_at_the_same_question(learner: TestClient, db: Db) -> None:
    attempt = start_quiz(learner, DECK_QUIZ, count=4)
    for position in range(2):
        learner.post(f"/attempts/{attempt}/answers", data=answer_form(db, attempt, position, right=True))
    first = learner.get(f"/attempts/{attempt}").text
    again = learner.get(f"/attempts/{attempt}").text
    assert "Question 3 of 4" in first and first == again  # same question, same shuffle
    # the quiz page offers to resume the unfinished attempt
    start = learner.get(DECK_QUIZ).text
    assert f"/attempts/{attempt}" in start and "2 of 4 answered" in start
    with db.session() as session:
        assert [a.position for a in crud.list_answers(session=session, attempt_id=attempt)] == [0, 1]


def test_posting_an_answer_twice_keeps_the_first(learner: TestClient, db: Db) -> None:
    attempt = start_quiz(learner, DECK_QUIZ, count=3)
    learner.post(f"/attempts/{attempt}/answers", data=answer_form(db, attempt, 0, right=True))
    r = learner.post(f"/attempts/{attempt}/answers", data=answer_form(db, attempt, 0, right=False))
    assert r.status_code == 303
    assert "Correct!" in learner.get(r.headers["location"]).text
    with db.session() as session:
        answers = crud.list_answers(session=session, attempt_id=attempt)
    assert len(answers) == 1 and answers[0].correct


def test_htmx_answer_returns_the_feedback_fragment(learner: TestClient, db: Db) -> None:
    attempt = start_quiz(learner, DECK_QUIZ, count=3)
    hx = {"HX-Request": "true"}
    r = learner.post(f"/attempts/{attempt}/answers", data=answer_form(db, attempt, 0, right=True), headers=hx)
    assert r.status_code == 200
    assert r.text.lstrip().startswith('<section id="quiz"') and "<html" not in r.text
    assert "Correct!" in r.text and "Next question" in r.text
    nxt = learner.get(f"/attempts/{attempt}", headers=hx)
    assert nxt.text.lstrip().startswith('<section id="quiz"') and "Question 2 of 3" in nxt.text


def test_try_again_starts_a_new_attempt_on_the_same_questions(learner: TestClient, db: Db) -> None:
    attempt = start_quiz(learner, DECK_QUIZ, count=3)
    for position in range(3):
        learner.post(f"/attempts/{attempt}/answers", data=answer_form(db, attempt, position, right=True))
    r = learner.post(f"/attempts/{attempt}/retry")
    assert r.status_code == 303
    new = int(r.headers["location"].rsplit("/", 1)[1])
    assert new != attempt
    with db.session() as session:
        old_ids = crud.get_attempt(session=session, attempt_id=attempt).question_ids
        new_ids = crud.get_attempt(session=session, attempt_id=new).question_ids
    assert sorted(old_ids) == sorted(new_ids)
    assert "Question 1 of 3" in learner.get(r.headers["location"]).text


def test_article_quiz_and_format_filter(learner: TestClient, db: Db) -> None:
    assert learner.get("/articles/1/quiz").status_code == 200
    r = learner.post("/articles/1/quiz", data={"count": "50", "formats": ["multiple_choice", "true_false"]})
    attempt = int(r.headers["location"].rsplit("/", 1)[1])
    with db.session() as session:
        a = crud.get_attempt(session=session, attempt_id=attempt)
        formats = {crud.get_question(session=session, question_id=q).format for q in a.question_ids}
    assert a.article_id == 1 and formats <= {"multiple_choice", "true_false"}


# --- bad input: a clear 4xx, never a 500 ---------------------------------------------------------


def test_bad_answer_forms_are_explained(learner: TestClient, db: Db) -> None:
    n = total_questions(db)
    attempt = start_quiz(learner, DECK_QUIZ, count=n)
    for position in range(n):
        question, shown = attempt_view(db, attempt, position)
        base = {"position": str(position)}
        if question.format in ("multiple_choice", "true_false"):
            bad = [(base, "Choose one of the options"), ({**base, "choice": "Banana"}, "not one of")]
        elif question.format == "timeline":
            same = {f"position-{i}": "1" for i in range(len(shown.events))}
            big = {f"position-{i}": "99" for i in range(len(shown.events))}
            bad = [({**base, **same}, "different position"), ({**base, **big}, "from 1 to"), (base, "from 1 to")]
        elif question.format == "matching":
            bad = [(base, "Choose a match"), ({**base, "match-0": "Nobody", "match-1": "x"}, "not among")]
        elif shown.self_marked:
            bad = [(base, "say whether you had it"), ({**base, "mark": "maybe"}, "say whether you had it")]
        else:
            bad = [(base, "Type your answer"), ({**base, "text": "   "}, "Type your answer"),
                   ({**base, "text": "x" * 600}, "too long")]
        for form, message in bad:
            r = learner.post(f"/attempts/{attempt}/answers", data=form)
            assert r.status_code == 422, (question.format, form)
            assert message in r.text and 'role="alert"' in r.text
        learner.post(f"/attempts/{attempt}/answers", data=answer_form(db, attempt, position, right=True))


def test_answer_without_position_or_out_of_order(learner: TestClient, db: Db) -> None:
    attempt = start_quiz(learner, DECK_QUIZ, count=3)
    url = f"/attempts/{attempt}/answers"
    assert learner.post(url, data={"choice": "x"}).status_code == 400
    assert learner.post(url, data={"position": "abc"}).status_code == 400
    assert learner.post(url, data={"position": "-1"}).status_code == 400
    assert learner.post(url, data={"position": "99"}).status_code == 400
    r = learner.post(url, data={"position": "2", "text": "x"})
    assert r.status_code == 409 and "in order" in r.text
    assert learner.post(url, content=b"\xff\xfe garbage", headers={"content-type": "application/x-www-form-urlencoded"}).status_code == 400


def test_bad_quiz_start_forms(learner: TestClient) -> None:
    for form in ({"count": "abc"}, {"count": "0"}, {"count": "100000"}):
        r = learner.post(DECK_QUIZ, data=form)
        assert r.status_code == 422 and "count" in r.text
    r = learner.post(DECK_QUIZ, data={"count": "5", "formats": ["essay"]})
    assert r.status_code == 422 and "Unknown question format: essay" in r.text
    assert learner.post("/decks/nope/quiz", data={"count": "5"}).status_code == 404
    assert learner.get("/decks/nope/quiz").status_code == 404
    assert learner.get("/articles/999/quiz").status_code == 404
    assert learner.post("/articles/999/quiz", data={"count": "5"}).status_code == 404


def test_unknown_or_someone_elses_attempt_is_not_found(learner: TestClient, app, db: Db) -> None:
    attempt = start_quiz(learner, DECK_QUIZ, count=3)
    for path in ("/attempts/999", "/attempts/0", "/attempts/abc", "/attempts/99999999999999999999",
                 f"/attempts/{attempt}/answers/99", f"/attempts/{attempt}/answers/-1"):
        r = learner.get(path)
        assert r.status_code == 404, path
        assert "Not found" in r.text
    assert learner.post("/attempts/999/retry").status_code == 404
    with PageClient(app, follow_redirects=False) as other:
        other.post("/learner", data={"name": "Bob"})
        assert other.get(f"/attempts/{attempt}").status_code == 404
        r = other.post(f"/attempts/{attempt}/answers", data=answer_form(db, attempt, 0, right=True))
        assert r.status_code == 404
