"""The app in real Chromium: a whole quiz by clicking, resuming after a reload, keyboard only, without
JavaScript, a flashcard round, and an Anki download imported into a real Anki collection."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from browsertests import SCREENSHOTS, Server, phone_checked_page, put_in_order
from playwright.sync_api import Page, expect
from sqlmodel import Session

from web import crud
from web.models import Question
from web.quiz import QuestionView, view

pytestmark = pytest.mark.browser


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def give_name(page: Page, server: Server, name: str = "Ada") -> None:
    page.goto(f"{server.url}/learner")
    page.get_by_label("Display name").fill(name)
    page.get_by_role("button", name="Start learning").click()
    expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()


def start_deck_quiz(page: Page, server: Server, count: str = "5") -> int:
    page.goto(server.url)
    page.get_by_role("link", name="Take a quiz").first.click()
    page.get_by_label("Number of questions").select_option(count)
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.locator("#quiz")).to_be_visible()
    return int(re.search(r"/attempts/(\d+)", page.url).group(1))


def current_question(page: Page, server: Server, attempt: int) -> tuple[int, int, Question, QuestionView]:
    """Which question the page shows (from its progress label), and that question from the database."""
    label = page.locator(".progress-row label").inner_text()
    position, total = (int(n) for n in re.search(r"Question (\d+) of (\d+)", label).groups())
    with Session(server.engine) as session:
        ids = crud.get_attempt(session=session, attempt_id=attempt).question_ids
        question = crud.get_question(session=session, question_id=ids[position - 1])
        session.expunge(question)
    return position - 1, total, question, view(question, seed=f"{attempt}:{question.id}")


def intended(question: Question, shown: QuestionView, right: bool) -> object:
    """The answer to give: the right one, or a wrong one of the same shape."""
    if question.format in ("multiple_choice", "true_false"):
        return question.answer if right else next(o for o in shown.options if o != question.answer)
    if question.format == "timeline":
        return list(question.answer) if right else list(reversed(question.answer))
    if question.format == "matching":
        rights = [dict(question.answer)[left] for left in shown.lefts]
        return rights if right else rights[1:] + rights[:1]
    return question.answer if right else "certainly not this"


def self_mark(page: Page, right: bool) -> None:
    """A long answer: show it, then say whether it was known."""
    page.get_by_role("link", name="Show the answer").click()
    expect(page.locator("#revealed-answer")).to_be_visible()
    page.get_by_role("button", name="I had it" if right else "I didn't").click()


def verdict(right: bool) -> re.Pattern[str]:
    """The verdict, followed by the reason when it is not a plain match ("Correct! (self-marked)")."""
    return re.compile(r"^\s*Correct!" if right else r"^\s*Not quite\.")


def answer_by_clicking(page: Page, question: Question, shown: QuestionView, right: bool) -> None:
    given = intended(question, shown, right)
    if shown.self_marked:
        self_mark(page, right)
        expect(page.locator(".verdict")).to_have_text(verdict(right))
        return
    if question.format in ("multiple_choice", "true_false"):
        page.get_by_role("radio", name=str(given), exact=True).check()
    elif question.format == "timeline":
        put_in_order(page, given)  # type: ignore[arg-type]
    elif question.format == "matching":
        for i, r in enumerate(given):  # type: ignore[arg-type]
            page.locator(f"#match-{i}").select_option(value=r)
    else:
        page.locator("#answer-text").fill(str(given))
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator(".verdict")).to_have_text(verdict(right))


def test_whole_quiz_by_clicking_gives_the_right_score(page: Page, server: Server) -> None:
    give_name(page, server)
    attempt = start_deck_quiz(page, server)
    shot(page, "quiz-question")
    right = 0
    for n in range(5):
        expect(page.locator(".progress-row label")).to_have_text(f"Question {n + 1} of 5")
        position, total, question, shown = current_question(page, server, attempt)
        assert (position, total) == (n, 5)
        expect(page.locator("#quiz-progress")).to_have_attribute("value", str(n))
        answer_by_clicking(page, question, shown, right=n != 1)
        right += n != 1
        expect(page.locator("blockquote")).to_contain_text(question.explanation[:40])
        if n == 1:
            expect(page.locator("dd.expected")).to_be_visible()
            shot(page, "quiz-feedback-wrong")
        page.get_by_role("link", name="See your score" if n == 4 else "Next question").click()
    expect(page.locator("#score")).to_have_text(str(right))
    expect(page.locator("h1.score")).to_contain_text("out of 5")
    expect(page.locator("ol.review > li")).to_have_count(5)
    expect(page.locator("ol.review > li.wrong")).to_have_count(1)
    shot(page, "quiz-results")
    page.get_by_role("button", name="Try again").click()
    expect(page.locator(".progress-row label")).to_have_text("Question 1 of 5")


def test_reload_mid_quiz_resumes_at_the_same_question(page: Page, server: Server) -> None:
    give_name(page, server, "Reloader")
    attempt = start_deck_quiz(page, server)
    for n in range(2):
        expect(page.locator(".progress-row label")).to_have_text(f"Question {n + 1} of 5")
        _, _, question, shown = current_question(page, server, attempt)
        answer_by_clicking(page, question, shown, right=True)
        page.get_by_role("link", name="Next question").click()
    expect(page.locator(".progress-row label")).to_have_text("Question 3 of 5")
    prompt = page.locator("#prompt").inner_text()
    page.reload()
    expect(page.locator(".progress-row label")).to_have_text("Question 3 of 5")
    assert page.locator("#prompt").inner_text() == prompt
    expect(page.locator("#quiz-progress")).to_have_attribute("value", "2")
    # the answer given just before a reload is kept too: the reload shows it answered, and the way on
    _, _, question, shown = current_question(page, server, attempt)
    answer_by_clicking(page, question, shown, right=True)
    page.reload()
    expect(page.locator(".progress-row label")).to_have_text("Question 3 of 5")
    expect(page.locator(".verdict")).to_have_text(verdict(True))
    page.get_by_role("link", name="Next question").click()
    expect(page.locator(".progress-row label")).to_have_text("Question 4 of 5")
    page.reload()
    expect(page.locator(".progress-row label")).to_have_text("Question 4 of 5")
    shot(page, "quiz-resumed")
    with Session(server.engine) as session:
        assert len(crud.list_answers(session=session, attempt_id=attempt)) == 3


def keyboard_answer(page: Page, question: Question, shown: QuestionView) -> None:
    """Answer the current question right with the keyboard alone, starting from the autofocused field."""
    given = intended(question, shown, True)
    kb = page.keyboard
    if shown.self_marked:
        kb.press("Enter")  # "Show the answer" has the focus
        expect(page.get_by_role("button", name="I had it")).to_be_focused()
        kb.press("Enter")
    elif question.format in ("multiple_choice", "true_false"):
        index = shown.options.index(str(given))
        if index == 0:
            kb.press("Space")
        for _ in range(index):
            kb.press("ArrowDown")  # moves to the next option and selects it
        kb.press("Tab")  # to the Check answer button
        kb.press("Enter")
    elif question.format == "timeline":
        # focus starts on the first event's "earlier" arrow; each event has two arrows, in the list's order
        shown_order, focus = list(shown.events), 0
        for place, event in enumerate(given):  # type: ignore[arg-type]
            at = shown_order.index(event)
            for _ in range(abs(2 * at - focus)):
                kb.press("Tab" if 2 * at > focus else "Shift+Tab")
            for _ in range(at - place):
                kb.press("Enter")  # moves it one place earlier; the arrow keeps the focus
            shown_order.insert(place, shown_order.pop(at))
            focus = 2 * place
        for _ in range(2 * len(given) - focus):  # type: ignore[arg-type]
            kb.press("Tab")  # to the Check answer button
        kb.press("Enter")
    elif question.format == "matching":
        for r in given:  # type: ignore[union-attr]
            for _ in range(shown.rights.index(r) + 1):  # past the "Choose…" placeholder
                kb.press("ArrowDown")
            kb.press("Tab")
        kb.press("Enter")
    else:
        kb.type(str(given))
        kb.press("Enter")


def test_quiz_with_the_keyboard_only(page: Page, server: Server) -> None:
    give_name(page, server, "Keys")
    attempt = start_deck_quiz(page, server)
    for n in range(5):
        expect(page.locator(".progress-row label")).to_have_text(f"Question {n + 1} of 5")
        _, _, question, shown = current_question(page, server, attempt)
        # autofocus is applied at the browser's next rendering step, so wait for it (5 s at most)
        page.wait_for_function("document.activeElement?.closest('form.answer-form') != null", timeout=5000)
        keyboard_answer(page, question, shown)
        expect(page.locator(".verdict")).to_have_text(verdict(True))
        expect(page.get_by_role("link", name="See your score" if n == 4 else "Next question")).to_be_focused()
        page.keyboard.press("Enter")
    expect(page.locator("#score")).to_have_text("5")
    shot(page, "quiz-keyboard-results")


def test_quiz_works_without_javascript(browser, server: Server) -> None:  # type: ignore[no-untyped-def]
    with phone_checked_page(browser, java_script_enabled=False) as page:
        give_name(page, server, "No Script")
        attempt = start_deck_quiz(page, server, count="5")
        _, _, question, shown = current_question(page, server, attempt)
        answer_by_clicking(page, question, shown, right=True)
        assert re.search(rf"/attempts/{attempt}/answers/0$", page.url)  # a full-page post, then a redirect
        page.get_by_role("link", name="Next question").click()
        expect(page.locator(".progress-row label")).to_have_text("Question 2 of 5")
        shot(page, "quiz-no-javascript")


def test_a_flashcard_round(page: Page, server: Server) -> None:
    give_name(page, server, "Cards")
    page.goto(server.url)
    page.get_by_role("link", name=re.compile("Flashcards")).click()
    new = int(page.locator("#due-new").inner_text().split()[0])
    assert new > 0
    shot(page, "flashcard-front")
    for i, rating in enumerate(["Again", "Good", "Easy"]):
        prompt = page.locator(".face.front .prompt").inner_text()
        page.get_by_role("link", name="Show answer").click()
        expect(page.locator(".face.back")).to_be_visible()
        expect(page.locator(".face.front .prompt")).to_have_text(prompt)
        if i == 0:
            shot(page, "flashcard-back")
        page.get_by_role("button", name=re.compile(f"^{rating}")).click()
        expect(page.locator("#due-new")).to_have_text(f"{new - i - 1} new")
    expect(page.locator(".face.front .prompt")).to_be_visible()
    page.goto(server.url)
    expect(page.get_by_role("link", name=re.compile("Flashcards"))).to_contain_text(f"{new - 3} due")


def test_download_anki_deck_and_import_it(page: Page, server: Server, tmp_path: Path) -> None:
    page.goto(f"{server.url}/downloads")
    shot(page, "downloads")
    with page.expect_download() as info:
        page.get_by_role("link", name="Anki deck of the deck Kirov Assassination").click()
    download = info.value
    assert download.suggested_filename == "kirov-assassination.apkg"
    apkg = tmp_path / download.suggested_filename
    download.save_as(apkg)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions()))
        assert col.note_count() > 0
        assert any(d.name.startswith("Kirov Assassination") for d in col.decks.all_names_and_ids())
    finally:
        col.close()


def test_library_and_article_pages_look_right(page: Page, server: Server) -> None:
    page.goto(server.url)
    expect(page.get_by_role("heading", name="Library")).to_be_visible()
    shot(page, "library")
    page.get_by_role("link", name="Kirov Assassination").first.click()
    expect(page.locator("mark.hl-date").first).to_be_visible()
    shot(page, "article")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "article-mobile")
    page.goto(server.url)
    shot(page, "library-mobile")
    # no part of the page is wider than a phone's screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
                && !(el.tagName === 'BUTTON' && el.innerText.trim()))
  .map(el => el.outerHTML)"""


def test_every_form_control_has_a_label(page: Page, server: Server) -> None:
    give_name(page, server, "Labels")
    page.goto(server.url)
    page.get_by_role("link", name="Take a quiz").first.click()
    every = int(page.locator("#count option").last.get_attribute("value"))  # "All": every served question
    page.goto(server.url)
    attempt = start_deck_quiz(page, server, count=str(every))
    formats = set()
    for n in range(every):
        expect(page.locator(".progress-row label")).to_have_text(f"Question {n + 1} of {every}")
        assert page.evaluate(UNLABELLED) == []
        _, _, question, shown = current_question(page, server, attempt)
        formats.add(question.format)
        answer_by_clicking(page, question, shown, right=False)
        page.get_by_role("link", name="See your score" if n == every - 1 else "Next question").click()
    expect(page.locator("#score")).to_have_text("0")
    assert page.evaluate(UNLABELLED) == []
    for path in ("/learner", "/decks/kirov-assassination/quiz", "/decks/kirov-assassination/flashcards"):
        page.goto(server.url + path)
        assert page.evaluate(UNLABELLED) == [], path
    page.get_by_role("link", name="Show answer").click()
    assert page.evaluate(UNLABELLED) == []
    assert len(formats) >= 3  # a mix of question formats was checked
