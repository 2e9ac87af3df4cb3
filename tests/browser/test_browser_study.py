"""Studying and its results in real Chromium, at a desktop's width and a phone's: flashcards by keyboard
(space shows the answer, 1-4 rate it, as in Anki), a teacher's published set studied as flashcards from its
share page, the export counts in the editor, and each student's answers on the results page."""

from __future__ import annotations

import re

import pytest
from browsertests import SCREENSHOTS, Server, new_set_from_deck, sign_up
from playwright.sync_api import Browser, Page, expect
from test_browser_teacher import take_quiz

pytestmark = pytest.mark.browser

WIDTHS = [1280, 390]


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def fits(page: Page, width: int) -> None:
    """Nothing on the page is wider than the window: no sideways scrolling."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def new_count(page: Page) -> int:
    return int(page.locator("#due-new").inner_text().split()[0])


def rate_by_keyboard(page: Page, width: int, key: str, tag: str) -> None:
    """Space turns the card over, `key` rates it; the next card comes, one new card fewer."""
    before = new_count(page)
    prompt = page.locator(".face.front .prompt").inner_text()
    page.keyboard.press("Space")
    expect(page.locator(".face.back")).to_be_visible()
    expect(page.locator(".face.front .prompt")).to_have_text(prompt)
    expect(page.locator(".rate[data-key]")).to_have_count(4)
    fits(page, width)
    shot(page, f"{tag}-back-{width}")
    page.keyboard.press(key)
    expect(page.locator("#due-new")).to_have_text(f"{before - 1} new")
    expect(page.locator(".face.back")).to_have_count(0)
    fits(page, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_flashcards_by_keyboard(browser: Browser, server: Server, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/learner")
        page.get_by_label("Display name").fill(f"Keys {width}")
        page.get_by_role("button", name="Start learning").click()
        page.goto(f"{server.url}/decks/kirov-assassination/flashcards")
        expect(page.get_by_role("link", name=re.compile("Show answer"))).to_be_visible()
        fits(page, width)
        shot(page, f"flashcards-keys-front-{width}")
        for key in ("1", "3", "4"):  # Again, Good, Easy
            rate_by_keyboard(page, width, key, "flashcards-keys")
        page.keyboard.press("2")  # the front has no rating: nothing happens
        expect(page.locator(".face.back")).to_have_count(0)
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_set_studied_as_flashcards_and_each_students_answers(browser: Browser, server: Server, width: int) -> None:
    teacher_context = browser.new_context(viewport={"width": width, "height": 900})
    student_context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    teacher, student = teacher_context.new_page(), student_context.new_page()
    try:
        sign_up(teacher, server, f"study{width}@school.org")
        new_set_from_deck(teacher)
        expect(teacher.get_by_role("heading", name="Kirov Assassination", level=1)).to_be_visible()
        # the export menu says how many questions each file holds
        menu = teacher.locator("#export")
        expect(menu.locator("[data-format=kahoot] .export-count")).to_contain_text(re.compile(r"^\d+ of \d+"))
        fits(teacher, width)
        options = teacher.locator("#options")
        options.get_by_label("Questions per student").fill("3")
        options.get_by_role("button", name="Save options").click()
        expect(options.get_by_label("Questions per student")).to_have_value("3")
        teacher.get_by_role("button", name="Publish").click()
        link = teacher.locator("#share-link").get_attribute("href")

        # the student opens the share link, studies the set as flashcards by keyboard, then takes the quiz
        student.goto(link)
        student.get_by_role("link", name="open them as flashcards").click()
        student.get_by_label("Display name").fill("Dana")  # asked once, then on to the cards
        student.get_by_role("button", name="Start learning").click()
        expect(student.get_by_role("heading", name=re.compile("Flashcards"))).to_be_visible()
        fits(student, width)
        rate_by_keyboard(student, width, "3", "set-flashcards")
        student.goto(link)
        take_quiz(student, server, "Dana", {0}, f"study-{width}")

        # the teacher sees Dana's answer to each question, right or wrong
        teacher.get_by_role("link", name="See results").click()
        sheet = teacher.locator("details.answer-sheet", has_text="Dana")
        sheet.locator("summary").click()
        expect(sheet.locator("li.given")).to_have_count(3)
        expect(sheet.locator("li.given.right")).to_have_count(1)
        expect(sheet.locator("li.given.wrong")).to_have_count(2)
        expect(sheet.locator("li.given.wrong").first).to_contain_text("Expected:")
        fits(teacher, width)
        sheet.scroll_into_view_if_needed()
        shot(teacher, f"results-answers-{width}")
    finally:
        teacher_context.close()
        student_context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_downloads_say_what_each_file_holds(browser: Browser, server: Server, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{server.url}/downloads")
        deck = page.locator("#deck-kirov-assassination-downloads")
        files = deck.locator("ul.downloads")
        expect(files.locator("[data-format=kahoot] .export-count")).to_contain_text(
            re.compile(r"^\d+ of \d+ questions; left out"))
        expect(files.locator("[data-format=gift] .export-count")).to_have_text(re.compile(r"^(\d+) of \1 questions$"))
        expect(deck.locator(".article-downloads a[data-format=kahoot] .export-count")).to_have_text(
            re.compile(r"^\d+ of \d+$"))
        fits(page, width)
        shot(page, f"downloads-counts-{width}")
    finally:
        context.close()
