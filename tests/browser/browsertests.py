"""What the browser tests share with their fixtures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, expect
from sqlalchemy import Engine

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


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
