"""What the browser tests share with their fixtures: the server, screenshots, and the phone-width check."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, expect
from sqlalchemy import Engine

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Kept in the tab's sessionStorage: every page shown (loaded, or changed by htmx) that was wider than the window.
RECORD_OVERFLOW = """(() => {
  const check = () => {
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) {
      const seen = JSON.parse(sessionStorage.getItem("overflow") || "[]");
      seen.push(`${location.pathname}${location.search} at ${window.innerWidth}px: ${root.scrollWidth}px wide`);
      sessionStorage.setItem("overflow", JSON.stringify(seen));
    }
  };
  window.addEventListener("load", check);
  document.addEventListener("htmx:afterSettle", check);
})();"""


@dataclass
class Server:
    url: str
    engine: Engine  # the same database, to look up what the page should show


PASSWORD = "correct horse battery"


def sign_up(page: Page, server: Server, email: str) -> None:
    """A new teacher account, made through the pages; the page is left on the teacher's sets."""
    page.goto(f"{server.url}/teach")
    page.get_by_role("link", name="Create a teacher account").click()
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Your name, as students see it").fill("Ms Curie")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    # sign-up says the same whether or not the address had an account: the new teacher then logs in
    expect(page.get_by_text("If that address was new, its account is ready")).to_be_visible()
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="My question sets")).to_be_visible()


def watch(page: Page) -> list[str]:
    """Record every page `page` shows: its address (to look at again at phone width) and any sideways scroll."""
    visited: list[str] = []
    page.context.add_init_script(RECORD_OVERFLOW)

    def seen(frame) -> None:  # type: ignore[no-untyped-def]
        if frame == page.main_frame and frame.url.startswith("http") and frame.url not in visited:
            visited.append(frame.url)

    page.on("framenavigated", seen)
    return visited


def fits_phone(page: Page) -> None:
    """No sideways scroll at 390 px: the page as it is now, shown at phone width (then the width it had)."""
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{page.url} is {width}px wide at {PHONE['width']}px"
    finally:
        if size:
            page.set_viewport_size(size)


def every_page_fits_phone(page: Page, visited: list[str]) -> None:
    """Every page the test visited, opened again at 390 px, has no sideways scroll; nor had any page as shown."""
    if page.is_closed():
        return
    if page.url.startswith("http"):
        overflow = page.evaluate("JSON.parse(sessionStorage.getItem('overflow') || '[]')")
        assert overflow == [], overflow
    page.set_viewport_size(PHONE)
    for url in visited:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{url} is {width}px wide at {PHONE['width']}px"


def save_doc_shot(page: Page, name: str) -> None:
    """A screenshot for the README (docs/screenshots), of the window as it is, not the whole page."""
    # kept in docs/ only when asked (make screenshots), so a test run leaves the tracked files as they are
    folder = DOCS_SCREENSHOTS if os.environ.get("QUIZGEN_DOC_SCREENSHOTS") else SCREENSHOTS / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


def put_in_order(page: Page, events: list[str]) -> None:
    """Order a timeline with its arrow buttons (each event moved up to its place, as a keyboard user would)."""
    for place, event in enumerate(events):
        shown = page.locator("ol[data-order] label").all_inner_texts()
        for _ in range(shown.index(event) - place):
            page.get_by_role("button", name=f"Move “{event}” earlier", exact=True).click()


@contextmanager
def phone_checked_page(browser: Browser, **options: Any) -> Iterator[Page]:
    """A page in a browser context of its own (a student's device, a browser without script); on leaving, every
    page it visited must fit a 390 px phone."""
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    visited = watch(page)
    try:
        yield page
        every_page_fits_phone(page, visited)
    finally:
        context.close()


def answer_any(page: Page) -> None:
    """Some answer to the current question (right or wrong does not matter here), once it is on the page; a long
    answer is shown and marked by the student."""
    reveal = page.get_by_role("link", name="Show the answer")
    expect(page.locator("form.answer-form button[type=submit]").or_(reveal).first).to_be_visible()
    if reveal.count():
        reveal.click()
        page.get_by_role("button", name="I had it").click()
        return
    fields = page.locator("form.answer-form")
    if fields.locator("input[type=radio]").count():
        fields.locator("input[type=radio]").first.check()
    elif fields.locator("#answer-text").count():
        fields.locator("#answer-text").fill("something")
    elif fields.locator("select[name^=match]").count():
        for select in fields.locator("select[name^=match]").all():
            select.select_option(index=1)
    page.get_by_role("button", name=re.compile("^(Check answer|Next|Finish)$")).click()


def expect_unanswered(page: Page) -> None:
    """The current question as new: a way to answer it (a long answer is shown, then marked), no verdict."""
    answer = page.get_by_role("button", name="Check answer").or_(page.get_by_role("link", name="Show the answer"))
    expect(answer.first).to_be_visible()
    expect(page.locator(".verdict")).to_have_count(0)


def new_set_from_deck(page: Page, deck: str = "kirov-assassination") -> None:
    """From the teacher's sets: a new question set made from a bundled deck."""
    page.get_by_role("link", name="New question set").first.click()
    page.get_by_label("Deck", exact=True).select_option(deck)
    page.get_by_role("button", name="Use this deck").click()
