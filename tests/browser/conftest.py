"""Browser test fixtures: the app served by uvicorn on a seeded SQLite copy, driven in Debian's Chromium.

Each test gets a fresh browser context (so a new learner) and leaves a screenshot in tests/screenshots/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsertests import DESKTOP, SCREENSHOTS, Server, every_page_fits_phone, watch
from live_server import live
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from quizgen.settings import Settings
from web.app import create_app
from web.db import make_engine

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


@pytest.fixture(scope="session")
def server(seeded_sqlite: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("live")
    shutil.copy(seeded_sqlite, folder / "quizgen.db")
    (folder / "no-decks").mkdir()
    url = f"sqlite:///{folder / 'quizgen.db'}"
    app = create_app(Settings(database_url=url, decks_dir=folder / "no-decks", secret_key="browser-test"))
    engine = make_engine(url)
    with live(app) as base:
        yield Server(base, engine)
    engine.dispose()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (apt-get install chromium)")
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A new browser context at 1280 px; its last view is saved as tests/screenshots/<test>.png, then every page it
    visited is opened again at 390 px and must not scroll sideways."""
    # reduced motion: screenshots show the flashcard after its flip, not halfway through
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True,
                                  reduced_motion="reduce")
    context.set_default_timeout(10_000)
    page = context.new_page()
    visited = watch(page)
    yield page
    SCREENSHOTS.mkdir(exist_ok=True)
    try:
        page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
        every_page_fits_phone(page, visited)
    finally:
        context.close()
