"""Answering the harder formats and stepping through a quiz, in Chromium at 1280 and 390 px: a timeline starts in
the order shown and is put in order by drag or arrow keys; matching shows every option in full on a phone; Back
and Forward step through the questions, an answered one shown as answered."""

from __future__ import annotations

import re

import pytest
from browsertests import (
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    Server,
    answer_any,
    expect_unanswered,
    fits_phone,
    phone_checked_page,
    put_in_order,
)
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session, select

from web import crud
from web.models import Article, Learner, Question, QuestionSet
from web.quiz import QuestionView, view

pytestmark = pytest.mark.browser

WIDTHS = pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])


def start(page: Page, server: Server, name: str) -> int:
    """A name, then a library quiz of 5 questions on the bundled deck."""
    page.goto(f"{server.url}/learner")
    page.get_by_label("Display name").fill(name)
    page.get_by_role("button", name="Start learning").click()
    page.goto(f"{server.url}/decks/kirov-assassination/quiz")
    page.get_by_label("Number of questions").select_option("5")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator("#quiz")).to_be_visible()
    return int(re.search(r"/attempts/(\d+)", page.url).group(1))


def quiz_of(page: Page, server: Server, name: str, fmt: str, times: int) -> int:
    """A quiz for a new learner of the bundled deck's first question of a format (served or not), asked `times` times."""
    page.goto(f"{server.url}/learner")
    page.get_by_label("Display name").fill(name)
    page.get_by_role("button", name="Start learning").click()
    expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    with Session(server.engine) as session:
        learner = session.exec(select(Learner).where(Learner.name == name)).first()
        question = session.exec(select(Question).where(Question.format == fmt)).first()
        article = session.get(Article, session.get(QuestionSet, question.question_set_id).article_id)
        attempt = crud.create_attempt(session=session, learner_id=learner.id, deck_id=article.deck_id,
                                      article_id=None, question_ids=[question.id] * times)
        attempt_id = attempt.id
    page.goto(f"{server.url}/attempts/{attempt_id}")
    return attempt_id


def shown(server: Server, attempt: int, position: int) -> tuple[Question, QuestionView]:
    with Session(server.engine) as session:
        ids = crud.get_attempt(session=session, attempt_id=attempt).question_ids
        question = crud.get_question(session=session, question_id=ids[position])
        session.expunge(question)
    return question, view(question, seed=f"{attempt}:{question.id}")


def places(page: Page) -> list[str]:
    """The events in the order the list shows them, as the hidden selects say (place 1 first)."""
    pairs = page.locator("ol[data-order] > li").evaluate_all(
        "lis => lis.map(li => [li.querySelector('select').value, li.querySelector('label').innerText])")
    return [text for _, text in sorted(pairs, key=lambda p: int(p[0]))]


@WIDTHS
def test_a_timeline_starts_as_shown_and_is_ordered_by_drag_and_keys(page: Page, server: Server, size: dict) -> None:
    page.set_viewport_size(size)
    attempt = quiz_of(page, server, f"Timeline {size['width']}", "timeline", 2)
    question, seen = shown(server, attempt, 0)
    # every event starts at the place it is shown in, so the form as shown is a valid answer
    assert places(page) == seen.events
    assert page.locator("ol[data-order] > li .place").all_inner_texts() == [str(i + 1) for i in range(len(seen.events))]
    fits_phone(page)
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator(".verdict")).to_have_text("Not quite.")  # shown order is never the true one
    page.get_by_role("link", name="Next question").click()

    question, seen = shown(server, attempt, 1)
    rows = page.locator("ol[data-order] > li")
    # drag the last event to the top: the places follow the list
    rows.last.drag_to(rows.first, target_position={"x": 20, "y": 5})
    moved = seen.events[-1:] + seen.events[:-1]
    expect(rows.first.locator("label")).to_have_text(seen.events[-1])
    assert places(page) == moved
    # the arrows move an event one place and keep the focus, so Enter moves it again
    second = moved[1]
    page.get_by_role("button", name=f"Move “{second}” earlier", exact=True).focus()
    page.keyboard.press("Enter")
    expect(rows.first.locator("label")).to_have_text(second)
    expect(page.get_by_role("button", name=f"Move “{second}” earlier", exact=True)).to_be_focused()
    put_in_order(page, list(question.answer))
    assert places(page) == list(question.answer)
    page.screenshot(path=str(SCREENSHOTS / f"timeline-ordered-{size['width']}.png"), full_page=True)
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator(".verdict")).to_have_text("Correct!")


def test_a_timeline_without_script_starts_in_the_shown_order(browser: Browser, server: Server) -> None:
    with phone_checked_page(browser, java_script_enabled=False, viewport=PHONE) as page:
        attempt = quiz_of(page, server, "No Script Timeline", "timeline", 1)
        _, seen = shown(server, attempt, 0)
        selects = page.locator("ol[data-order] select")
        expect(selects.first).to_be_visible()
        assert [selects.nth(i).input_value() for i in range(len(seen.events))] == \
            [str(i + 1) for i in range(len(seen.events))]
        fits_phone(page)
        page.get_by_role("button", name="Check answer").click()
        expect(page.locator(".verdict")).to_be_visible()  # an answer, not "give each event a different position"


@WIDTHS
def test_matching_shows_every_option_in_full_and_fits_a_phone(page: Page, server: Server, size: dict) -> None:
    page.set_viewport_size(size)
    attempt = quiz_of(page, server, f"Matcher {size['width']}", "matching", 1)
    question, seen = shown(server, attempt, 0)
    options = page.locator("#match-options li")
    expect(options).to_have_count(len(seen.rights))
    for i, right in enumerate(seen.rights):
        expect(options.nth(i)).to_have_text(right)
        box = options.nth(i).bounding_box()
        assert box is not None and box["x"] + box["width"] <= size["width"]  # wrapped, never cut off
    for field in page.locator(".match-list select").all():
        box = field.bounding_box()
        assert box is not None and box["x"] + box["width"] <= size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    pairs = dict(map(tuple, question.answer))
    for i, left in enumerate(seen.lefts):
        page.locator(f"#match-{i}").select_option(value=pairs[left])
    page.screenshot(path=str(SCREENSHOTS / f"matching-{size['width']}.png"), full_page=True)
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator(".verdict")).to_have_text("Correct!")
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]


def back(page: Page) -> None:
    """The browser's Back button (htmx then reloads the page; the test waits for what it should show)."""
    page.evaluate("history.back()")


def forward(page: Page) -> None:
    page.evaluate("history.forward()")


@WIDTHS
def test_back_and_forward_step_through_a_library_quiz(page: Page, server: Server, size: dict) -> None:
    page.set_viewport_size(size)
    attempt = start(page, server, f"Stepper {size['width']}")
    expect(page.locator(".progress-row label")).to_have_text("Question 1 of 5")
    answer_any(page)
    expect(page.locator(".verdict")).to_be_visible()
    assert page.url.endswith(f"/attempts/{attempt}/answers/0")
    page.get_by_role("link", name="Next question").click()
    expect(page.locator(".progress-row label")).to_have_text("Question 2 of 5")
    assert page.url.endswith(f"/attempts/{attempt}/answers/1")
    back(page)
    # back on question 1, shown as answered, with its verdict
    expect(page.locator(".progress-row label")).to_have_text("Question 1 of 5")
    expect(page.locator(".verdict")).to_be_visible()
    first_verdict = page.locator(".verdict").inner_text()
    expect(page.get_by_role("button", name="Check answer")).to_have_count(0)
    forward(page)
    expect(page.locator(".progress-row label")).to_have_text("Question 2 of 5")
    expect_unanswered(page)
    answer_any(page)
    page.get_by_role("link", name="Next question").click()
    expect(page.locator(".progress-row label")).to_have_text("Question 3 of 5")
    back(page)
    expect(page.locator(".progress-row label")).to_have_text("Question 2 of 5")
    back(page)
    expect(page.locator(".progress-row label")).to_have_text("Question 1 of 5")
    expect(page.locator(".verdict")).to_have_text(first_verdict)
    forward(page)
    expect(page.locator(".progress-row label")).to_have_text("Question 2 of 5")
    expect(page.locator(".verdict")).to_be_visible()  # answered since: shown with its verdict, not as new
    # Next from an earlier answered question steps on through the answered ones to the current one
    page.get_by_role("link", name="Next question").click()
    expect(page.locator(".progress-row label")).to_have_text("Question 3 of 5")
    expect_unanswered(page)
