"""A first lesson in Chromium, at 1280 and at 390 px: the teacher signs up (and sees her name in the header), a
refused paste shows its problem in view, a set from the bundled deck is reordered by drag and by the Move form and
kept in her order, published; a student joins by the code, steps back and forward through the quiz, sees the score
and studies flashcards. The 1280 px run saves the README's screenshots (docs/screenshots)."""

from __future__ import annotations

import re

import pytest
from browsertests import (
    DESKTOP,
    PHONE,
    Server,
    answer_any,
    expect_unanswered,
    phone_checked_page,
    save_doc_shot,
    sign_up,
)
from playwright.sync_api import Browser, Page, expect
from sqlmodel import Session

from web import crud
from web.models import SetQuestion

pytestmark = pytest.mark.browser

def order(server: Server, set_id: int) -> list[int]:
    with Session(server.engine) as session:
        return [q.id for q in crud.list_set_questions(session=session, set_id=set_id)]  # type: ignore[misc]


def approved(server: Server, set_id: int) -> list[SetQuestion]:
    with Session(server.engine) as session:
        rows = crud.list_set_questions(session=session, set_id=set_id, statuses=["approved"])
        for q in rows:
            session.expunge(q)
    return rows


def in_view(page: Page, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }")


def drag(page: Page, handle, onto) -> None:  # type: ignore[no-untyped-def]
    """Drag by `handle` onto the top of `onto`, in small mouse steps as a hand would."""
    # at once, not smoothly: the boxes are read right after
    onto.evaluate("el => { el.scrollIntoView({block: 'start', behavior: 'instant'}); "
                  "window.scrollBy({top: -60, behavior: 'instant'}); }")
    start, end = handle.bounding_box(), onto.bounding_box()
    x, y = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 5, y - 5, steps=5)
    page.mouse.move(end["x"] + 30, end["y"] + end["height"] / 4, steps=25)
    page.mouse.up()


def doc_shot(page: Page, size: dict, name: str, *, at: dict = DESKTOP) -> None:
    """A README screenshot, taken in the run at one width (`at`)."""
    if size == at:
        save_doc_shot(page, name)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_a_first_lesson(browser: Browser, page: Page, server: Server, size: dict) -> None:
    page.set_viewport_size(size)
    wide = size["width"]

    # sign up and log in: her own name in the header from then on
    sign_up(page, server, f"curie{wide}@school.org")
    expect(page.locator("header a.who")).to_have_text("Ms Curie")
    page.goto(server.url)
    expect(page.locator("header a.who")).to_have_text("Ms Curie")

    # a paste that is no article: the problem under the field's label, in view, the text kept
    page.goto(f"{server.url}/teach/sets/new")
    page.get_by_label("Article text").fill("<h1>Only a title</h1>")
    page.locator("form:has(#text)").get_by_role("button", name="Make questions").click()
    expect(page.locator("#paste-error")).to_contain_text("no paragraphs")
    expect(page.get_by_label("Article text")).to_be_focused()
    expect(page.get_by_label("Article text")).to_have_value("<h1>Only a title</h1>")
    page.wait_for_function("document.getElementById('paste-error').getBoundingClientRect().bottom <= innerHeight")
    assert in_view(page, "#paste-error") and in_view(page, "#text")
    doc_shot(page, size, "new-set-error")

    # a set from the bundled deck; every question approved
    page.get_by_label("Deck", exact=True).select_option("kirov-assassination")
    page.get_by_role("button", name="Use this deck").click()
    expect(page.get_by_role("heading", name="Kirov Assassination", level=1)).to_be_visible()
    set_id = int(re.search(r"/teach/sets/(\d+)", page.url).group(1))
    page.get_by_role("button", name="Approve all shown").click()
    before = order(server, set_id)
    expect(page.locator("#counts")).to_contain_text(f"{len(before)} approved")

    # drag, in a filtered list: the second true/false question shown to the place of the first
    page.get_by_label("True or false").check()
    rows = page.locator("li.qitem")
    expect(rows).to_have_count(sum(q.format == "true_false" for q in approved(server, set_id)))
    expect(rows.first.locator(".drag-handle")).to_be_visible()
    shown = [int(i[2:]) for i in rows.evaluate_all("lis => lis.map(li => li.id)")]
    assert len(shown) >= 3
    drag(page, rows.nth(1).locator(".drag-handle"), rows.first)
    expect(page.locator("li.qitem").first).to_have_attribute("id", f"q-{shown[1]}")
    # the list comes back from the server with the new places
    expect(page.locator("li.qitem .drag-handle").first).to_have_attribute("data-position", str(before.index(shown[0]) + 1))
    after = order(server, set_id)
    assert after.index(shown[1]) == before.index(shown[0])
    assert [i for i in after if i in shown] == [shown[1], shown[0]] + shown[2:]
    page.get_by_role("link", name="Show all").click()
    expect(page.locator("li.qitem")).to_have_count(len(before))

    # the Move form: the second question of the whole list to place 1
    second = after[1]
    page.locator(f"#place-{second}").fill("1")
    page.locator(f"#q-{second}").get_by_role("button", name="Move", exact=True).click()
    expect(page.locator("li.qitem").first).to_have_attribute("id", f"q-{second}")
    teacher_order = order(server, set_id)
    assert teacher_order[:2] == [second, after[0]]
    doc_shot(page, size, "editor")

    # her order by default; three questions each, checked as they go; publish
    options = page.locator("#options")
    expect(options.get_by_label("Your order, as in the list")).to_be_checked()
    options.get_by_label("Questions per student").fill("3")
    options.get_by_role("button", name="Save options").click()
    expect(options.get_by_label("Questions per student")).to_have_value("3")
    page.get_by_role("button", name="Publish").click()
    code = page.locator(".join-code").inner_text().strip()
    page.locator("#publish").scroll_into_view_if_needed()
    doc_shot(page, size, "published")

    # a student on a device of their own: joins with the code, answers, steps back and forward
    with phone_checked_page(browser, viewport=size, reduced_motion="reduce") as student:
        student.goto(server.url)
        student.get_by_role("link", name="Join a class").click()
        student.get_by_label("The code your teacher gave you").fill(code.lower())
        student.get_by_role("button", name="Join").click()
        student.get_by_label("Your name, as your teacher knows you").fill("Ada")
        student.get_by_role("button", name="Start the quiz").click()
        attempt = int(re.search(r"/class/(\d+)", student.url).group(1))
        with Session(server.engine) as session:
            asked = crud.get_class_attempt(session=session, attempt_id=attempt).question_ids
        assert asked == sorted(asked, key=teacher_order.index)  # in her order
        label = student.locator(".progress-row label")
        expect(label).to_have_text("Question 1 of 3")
        doc_shot(student, size, "phone-question", at=PHONE)
        answer_any(student)
        expect(student.locator(".verdict")).to_be_visible()
        doc_shot(student, size, "phone-feedback", at=PHONE)
        student.get_by_role("link", name="Next question").click()
        expect(label).to_have_text("Question 2 of 3")
        student.evaluate("history.back()")
        expect(label).to_have_text("Question 1 of 3")
        expect(student.locator(".verdict")).to_be_visible()  # answered, not new
        student.evaluate("history.forward()")
        expect(label).to_have_text("Question 2 of 3")
        expect_unanswered(student)
        for n in (2, 3):
            answer_any(student)
            expect(student.locator(".verdict")).to_be_visible()
            student.get_by_role("link", name="See your score" if n == 3 else "Next question").click()
        expect(student.locator("#score")).to_be_visible()
        doc_shot(student, size, "student-score")
        # then flashcards of the library deck, to study on
        student.goto(server.url)
        student.get_by_role("link", name=re.compile("Flashcards")).first.click()
        student.get_by_role("link", name="Show answer").click()
        expect(student.locator(".face.back")).to_be_visible()
        doc_shot(student, size, "phone-flashcards", at=PHONE)

    # her results
    page.get_by_role("link", name="See results").click()
    expect(page.locator("#students tbody tr")).to_have_count(1)
    doc_shot(page, size, "results")


ONE_SENTENCE = ("The Siege of Rhodes began on June 26, 1522, when the Ottoman army of Suleiman the Magnificent landed "
                "on the island of Rhodes.")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
def test_a_pasted_one_sentence_article_in_html_makes_a_set(page: Page, server: Server, size: dict) -> None:
    page.set_viewport_size(size)
    sign_up(page, server, f"hypatia{size['width']}@school.org")
    page.goto(f"{server.url}/teach/sets/new")
    page.get_by_label("Article text").fill(f"<h1>Siege of Rhodes</h1>\n<p>{ONE_SENTENCE}</p>")
    page.locator("form:has(#text)").get_by_role("button", name="Make questions").click()
    # read as HTML: the title from its heading, the sentence as the article (no tags in the questions)
    expect(page.get_by_role("heading", name="Siege of Rhodes", level=1)).to_be_visible()
    expect(page.locator("#counts")).to_be_visible(timeout=60_000)
    expect(page.locator("li.qitem").first).to_be_visible()
    assert "<p>" not in page.locator("ol.questions").inner_text()
