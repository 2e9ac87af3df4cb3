"""A teacher and a class in real Chromium: the teacher signs up, builds a set from the bundled deck, rejects and
edits questions in place, adds one, publishes; two students take it (one by the link, one by typing the code);
the results page shows both. Also: a set from a pasted article, with its progress in the page."""

from __future__ import annotations

import re

import pytest
from browsertests import SCREENSHOTS, Server, phone_checked_page, put_in_order, sign_up
from playwright.sync_api import Browser, Locator, Page, expect
from sqlmodel import Session

from web import classroom, crud
from web.models import Learner, SetQuestion
from web.quiz import QuestionView

pytestmark = pytest.mark.browser

ARTICLE = """Siege of Rhodes (1522)

The Siege of Rhodes began on June 26, 1522, when the Ottoman army of Suleiman the Magnificent landed on the island of Rhodes. The Knights Hospitaller, led by Grand Master Philippe Villiers de L'Isle-Adam, defended the city behind strong walls.

The Ottoman engineers dug mines under the walls, and the defenders lost the Tower of England in September 1522. Because supplies ran low, the knights agreed to surrender on December 20, 1522.
"""


def shot(page: Page, name: str, *, at: Locator | None = None) -> None:
    """The whole page; or, for the long editor, the window scrolled to `at`."""
    SCREENSHOTS.mkdir(exist_ok=True)
    if at is not None:
        at.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -80)")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=at is None)


def row(page: Page, question_id: int):  # type: ignore[no-untyped-def]
    return page.locator(f"#q-{question_id}")


def set_rows(server: Server, set_id: int) -> list[SetQuestion]:
    with Session(server.engine) as session:
        questions = crud.list_set_questions(session=session, set_id=set_id)
        for q in questions:
            session.expunge(q)
    return questions


def current(server: Server, attempt_id: int, position: int) -> tuple[SetQuestion, QuestionView]:
    with Session(server.engine) as session:
        attempt = crud.get_class_attempt(session=session, attempt_id=attempt_id)
        learner = session.get(Learner, attempt.learner_id)  # type: ignore[union-attr]
        _, state = classroom.progress(session, learner, attempt_id)  # type: ignore[arg-type]
        question, shown = state.question_at(position), state.view_at(position)
        session.expunge(question)
    return question, shown  # type: ignore[return-value]


def answer(page: Page, question: SetQuestion, shown: QuestionView, right: bool) -> None:
    if shown.self_marked:  # a long answer: shown, then marked by the student
        page.get_by_role("link", name="Show the answer").click()
        page.get_by_role("button", name="I had it" if right else "I didn't").click()
        expect(page.locator(".verdict strong")).to_have_text("Correct!" if right else "Not quite.")
        return
    if question.format in ("multiple_choice", "true_false"):
        choice = question.answer if right else next(o for o in shown.options if o != question.answer)
        page.get_by_role("radio", name=str(choice), exact=True).check()
    elif question.format == "timeline":
        order = list(question.answer) if right else list(reversed(question.answer))
        put_in_order(page, order)
    elif question.format == "matching":
        pairs = dict(map(tuple, question.answer))
        rights = [pairs[left] for left in shown.lefts]
        if not right:
            rights = rights[1:] + rights[:1]
        for i, r in enumerate(rights):
            page.locator(f"#match-{i}").select_option(value=r)
    else:
        page.locator("#answer-text").fill(str(question.answer) if right else "not this")
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator(".verdict strong")).to_have_text("Correct!" if right else "Not quite.")


def take_quiz(page: Page, server: Server, name: str, right_at: set[int], tag: str) -> None:
    """From the quiz's start page: give a name and answer every question, clicking."""
    page.get_by_label("Your name, as your teacher knows you").fill(name)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator("#quiz")).to_be_visible()
    attempt = int(re.search(r"/class/(\d+)", page.url).group(1))
    total = int(re.search(r"of (\d+)", page.locator(".progress-row label").inner_text()).group(1))
    for n in range(total):
        expect(page.locator(".progress-row label")).to_have_text(f"Question {n + 1} of {total}")
        question, shown = current(server, attempt, n)
        if question.format not in ("multiple_choice", "true_false"):
            # the page holds no answer before it is given
            assert str(question.answer) not in page.locator("#quiz").inner_html() or question.format == "timeline"
        if n == 0:
            shot(page, f"teacher-flow-{tag}-question")
        answer(page, question, shown, right=n in right_at)
        page.get_by_role("link", name="See your score" if n == total - 1 else "Next question").click()
    expect(page.locator("#score")).to_have_text(str(len(right_at & set(range(total)))))
    shot(page, f"teacher-flow-{tag}-score")


def test_teacher_builds_edits_publishes_and_sees_two_students(browser: Browser, page: Page, server: Server) -> None:
    sign_up(page, server, "curie@school.org")
    page.get_by_role("link", name="New question set").first.click()
    shot(page, "teacher-flow-new-set")
    page.get_by_label("Deck", exact=True).select_option("kirov-assassination")
    page.get_by_role("button", name="Use this deck").click()
    expect(page.get_by_role("heading", name="Kirov Assassination", level=1)).to_be_visible()
    set_id = int(re.search(r"/teach/sets/(\d+)", page.url).group(1))
    questions = set_rows(server, set_id)
    expect(page.locator("li.qitem")).to_have_count(len(questions))

    # filter to one format (htmx swaps the list), then approve all of them and clear the filter
    page.get_by_label("True or false").check()
    tf = [q for q in questions if q.format == "true_false"]
    expect(page.locator("li.qitem")).to_have_count(len(tf))
    assert "format=true_false" in page.url
    page.get_by_role("link", name="Show all").click()
    expect(page.locator("li.qitem")).to_have_count(len(questions))
    page.get_by_role("button", name="Approve all shown").click()
    expect(page.locator("#counts")).to_contain_text(f"{len(questions)} approved")

    # reject one question, and two more by ticking them
    first, second, third = questions[0], questions[1], questions[2]
    row(page, first.id).get_by_role("button", name="Reject").click()
    expect(row(page, first.id).locator(".badge").first).to_have_text("Rejected")
    expect(page.locator("#counts")).to_contain_text("1 rejected")
    shot(page, "teacher-flow-rejected", at=page.locator("#counts"))
    page.locator(f"#pick-{second.id}").check()
    page.locator(f"#pick-{third.id}").check()
    page.get_by_role("button", name="Reject ticked").click()
    expect(page.locator("#counts")).to_contain_text("3 rejected")

    # edit a question in place: a bad edit shows its problem by the field, then a good one is saved
    typed = next(q for q in questions[3:] if q.format == "short_answer")
    row(page, typed.id).get_by_role("link", name="Edit").click()
    form = row(page, typed.id).locator("form.qform")
    expect(form).to_be_visible()
    form.get_by_label("Answer", exact=True).fill("")
    form.get_by_role("button", name="Save").click()
    expect(row(page, typed.id).locator(".form-error").last).to_have_text("Write the answer.")
    shot(page, "teacher-flow-edit-error", at=row(page, typed.id))
    form = row(page, typed.id).locator("form.qform")
    form.get_by_label("Question", exact=True).fill("In which city was Sergei Kirov shot?")
    form.get_by_label("Answer", exact=True).fill("Leningrad")
    form.get_by_role("button", name="Save").click()
    expect(row(page, typed.id).locator(".qprompt")).to_have_text("In which city was Sergei Kirov shot?")
    expect(row(page, typed.id)).to_contain_text("edited")
    assert page.url.endswith(f"/teach/sets/{set_id}")  # edited in place: no page change

    # add a multiple-choice question by hand
    page.get_by_role("link", name="Multiple choice").last.click()
    expect(page.get_by_role("heading", name="Add a question")).to_be_visible()
    page.get_by_label("Question", exact=True).fill("Which institute was Kirov shot in?")
    for i, option in enumerate(["Smolny Institute", "Winter Palace", "Kremlin", "Lubyanka"]):
        page.locator(f"#fnew-choice-{i}").fill(option)
    page.get_by_label("Option 1 is the right answer").check()
    page.get_by_label("Topic", exact=True).select_option("place")
    shot(page, "teacher-flow-add")
    page.get_by_role("button", name="Add the question").click()
    expect(page.locator("li.qitem").last).to_contain_text("Which institute was Kirov shot in?")
    expect(page.locator("li.qitem").last).to_contain_text("written by you")

    # options: three questions each, answers shown as they go; then publish
    options = page.locator("#options")
    options.get_by_label("Questions per student").fill("3")
    options.get_by_role("button", name="Save options").click()
    expect(options.get_by_label("Questions per student")).to_have_value("3")
    page.get_by_role("button", name="Publish").click()
    code = page.locator(".join-code").inner_text().strip()
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", code)
    link = page.locator("#share-link").get_attribute("href")
    assert link == f"{server.url}/join/{code}"
    shot(page, "teacher-flow-editor", at=page.locator("h1"))
    rejected = {first.uid, second.uid, third.uid}

    # two students, each in a browser of their own: one opens the link, one types the code
    for name, right_at, by_link in (("Ada", {0, 1, 2}, True), ("Ben", {0}, False)):
        with phone_checked_page(browser, viewport={"width": 900, "height": 900}) as student:
            if by_link:
                student.goto(link)
            else:
                student.goto(server.url)
                student.get_by_role("link", name="Join a class").click()
                student.get_by_label("The code your teacher gave you").fill(code.lower())
                student.get_by_role("button", name="Join").click()
                shot(student, "teacher-flow-student-start")
            expect(student.get_by_role("heading", name="Kirov Assassination")).to_be_visible()
            take_quiz(student, server, name, right_at, name.lower())
    with Session(server.engine) as session:
        asked = {q.uid for a in crud.list_class_attempts(session=session, set_id=set_id)
                 for q in crud.get_set_questions(session=session, ids=a.question_ids).values()}
    assert not asked & rejected  # rejected questions are never asked

    # the results page shows both students and draws the charts
    page.get_by_role("link", name="See results").click()
    table = page.locator("#students")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.locator("tr", has_text="Ada")).to_contain_text("3 / 3")
    expect(table.locator("tr", has_text="Ada")).to_contain_text("100%")
    expect(table.locator("tr", has_text="Ben")).to_contain_text("1 / 3")
    expect(page.locator("svg#score-chart rect")).to_have_count(2)
    expect(page.locator("svg#question-chart rect").first).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    csv = download.value.path().read_text(encoding="utf-8-sig")
    assert "\nAda,1," in csv and "\nBen,1," in csv
    shot(page, "teacher-flow-results")
    shot(page, "teacher-flow-results-top", at=page.locator("h1"))


def test_a_set_from_a_pasted_article_shows_its_progress(page: Page, server: Server) -> None:
    sign_up(page, server, "hopper@school.org")
    page.get_by_role("link", name="New question set").first.click()
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_role("button", name="Make questions").first.click()
    # the progress page polls, then moves on to the editor by itself
    expect(page.get_by_role("heading", name="Siege of Rhodes (1522)", level=1)).to_be_visible()
    if page.locator("#build-progress").count():
        shot(page, "teacher-flow-progress")
    expect(page.locator("#counts")).to_be_visible(timeout=60_000)
    expect(page.locator("li.qitem").first).to_be_visible()
    shot(page, "teacher-flow-article-editor", at=page.locator("h1"))


def test_the_editor_works_without_javascript(browser: Browser, server: Server) -> None:
    with phone_checked_page(browser, java_script_enabled=False) as page:
        sign_up(page, server, "lovelace@school.org")
        page.get_by_role("link", name="New question set").first.click()
        page.get_by_role("button", name="Use this deck").click()
        first = page.locator("li.qitem").first
        question_id = first.get_attribute("id")
        first.get_by_role("button", name="Reject").click()  # a full-page post, then back to the editor
        expect(page.locator(f"#{question_id} .badge").first).to_have_text("Rejected")
        page.locator(f"#{question_id}").get_by_role("link", name="Edit").click()
        expect(page.get_by_role("heading", name="Edit question")).to_be_visible()
        page.get_by_role("link", name="Cancel").click()
        expect(page.locator("#counts")).to_contain_text("1 rejected")
        shot(page, "teacher-flow-no-javascript", at=page.locator(f"#{question_id}"))
