"""Fair grading in real Chromium, at desktop and phone widths: the teacher adds typed questions with an accepted
alternative; a student's one-letter slip is accepted with the reason shown; a wrong answer is claimed with "I was
right"; a long answer is shown and marked by the student; the teacher sees the claim on the results page, accepts
it, and the score follows. No page scrolls sideways."""

from __future__ import annotations

import re

import pytest
from browsertests import SCREENSHOTS, Server, new_set_from_deck, sign_up
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from web import crud

pytestmark = pytest.mark.browser

LONG = "a wave of arrests across the whole party"  # too long to type: the student marks it


def fits(page: Page) -> None:
    """Nothing wider than the window: no sideways scrolling."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def add_typed(page: Page, set_id: int, prompt: str, answer: str, topic: str, also: str = "") -> None:
    page.get_by_role("link", name="Short answer").last.click()
    expect(page.get_by_role("heading", name="Add a question")).to_be_visible()
    page.get_by_label("Question", exact=True).fill(prompt)
    page.get_by_label("Answer", exact=True).fill(answer)
    page.get_by_label("Also accept").fill(also)
    page.get_by_label("Topic", exact=True).select_option(topic)
    page.get_by_role("button", name="Add the question").click()
    expect(page.locator("li.qitem").last).to_contain_text(prompt)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_typo_is_accepted_with_its_reason_and_a_claim_reaches_the_teacher(browser: Browser, server: Server,
                                                                             width: int) -> None:
    size = {"width": width, "height": 900}
    teacher_context = browser.new_context(viewport=size)
    student_context = browser.new_context(viewport=size)
    teacher, student = teacher_context.new_page(), student_context.new_page()
    try:
        sign_up(teacher, server, f"grading-{width}@school.org")
        new_set_from_deck(teacher)
        set_id = int(re.search(r"/teach/sets/(\d+)", teacher.url).group(1))
        with Session(server.engine) as session:  # only the questions this test adds are asked
            ids = [q.id for q in crud.list_set_questions(session=session, set_id=set_id)]
            crud.set_question_status(session=session, set_id=set_id, ids=ids, status="rejected")
        teacher.reload()
        add_typed(teacher, set_id, "Who was shot at the Smolny Institute?", "Sergei Kirov", "person")
        add_typed(teacher, set_id, "Which state did the Berlin Wall enclose West Berlin in?", "East Germany", "place",
                  also="GDR\nGerman Democratic Republic")
        add_typed(teacher, set_id, "What followed the killing?", LONG, "event")
        fits(teacher)
        options = teacher.locator("#options")
        options.get_by_label("Questions per student").fill("0")
        options.get_by_label("Your order, as in the list").check()
        options.get_by_role("button", name="Save options").click()
        expect(options.get_by_label("Your order, as in the list")).to_be_checked()
        teacher.get_by_role("button", name="Publish").click()
        code = teacher.locator(".join-code").inner_text().strip()

        student.goto(f"{server.url}/join/{code}")
        student.get_by_label("Your name, as your teacher knows you").fill("Dana")
        student.get_by_role("button", name="Start the quiz").click()
        expect(student.locator(".progress-row label")).to_have_text("Question 1 of 3")
        student.locator("#answer-text").fill("Sergei Kirow")
        student.get_by_role("button", name="Check answer").click()
        expect(student.locator(".verdict")).to_contain_text("Correct!")
        expect(student.locator(".verdict .why")).to_have_text("(accepted: one letter off)")
        expect(student.get_by_role("button", name="I was right")).to_have_count(0)
        fits(student)
        shot(student, f"grading-typo-accepted-{width}")
        student.get_by_role("link", name="Next question").click()

        student.locator("#answer-text").fill("DDR")
        student.get_by_role("button", name="Check answer").click()
        expect(student.locator(".verdict")).to_contain_text("Not quite.")
        student.get_by_role("button", name="I was right").click()
        expect(student.locator(".claim")).to_contain_text("Sent to your teacher")
        fits(student)
        shot(student, f"grading-claim-sent-{width}")
        student.get_by_role("link", name="Next question").click()

        # the long answer is a card: not on the page until shown, then marked by the student
        expect(student.locator("#answer-text")).to_have_count(0)
        assert LONG not in student.locator("#quiz").inner_html()
        student.get_by_role("link", name="Show the answer").click()
        expect(student.locator("#revealed-answer")).to_have_text(LONG)
        fits(student)
        shot(student, f"grading-self-marked-card-{width}")
        student.get_by_role("button", name="I had it").click()
        expect(student.locator(".verdict")).to_contain_text("Correct!")
        expect(student.locator(".verdict .why")).to_have_text("(self-marked)")
        expect(student.get_by_role("button", name="I was right")).to_have_count(0)
        student.get_by_role("link", name="See your score").click()
        expect(student.locator("#score")).to_have_text("2")

        teacher.goto(f"{server.url}/teach/sets/{set_id}/results")
        claim = teacher.locator(".claim-row")
        expect(claim).to_have_count(1)
        expect(claim).to_contain_text("Dana")
        expect(claim.locator("q.given")).to_have_text("DDR")
        expect(teacher.locator("#students tr", has_text="Dana")).to_contain_text("2 / 3")
        fits(teacher)
        shot(teacher, f"grading-claim-for-the-teacher-{width}")
        claim.get_by_role("button", name="Accept").click()
        expect(teacher.locator(".claim-row")).to_have_count(0)
        expect(teacher.locator("#students tr", has_text="Dana")).to_contain_text("3 / 3")
        fits(teacher)

        student.reload()
        expect(student.locator("#score")).to_have_text("3")
        expect(student.locator(".review")).to_contain_text("Your teacher accepted this answer.")
        expect(student.locator(".review")).to_contain_text("accepted: one letter off")
        fits(student)
    finally:
        teacher_context.close()
        student_context.close()
