"""A pasted article may be as large as the limit promises (QUIZGEN_MAX_ARTICLE_BYTES, 5 MB), not the 1 MB the
framework reads of a form field by default; one past it is refused by the app, saying the limit, and the page
that says so keeps the paste in the form."""

from __future__ import annotations

import html
import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import ARTICLE, Db, sign_up, sqlite_only, wait_until_built


def pasted(page: str) -> str:
    found = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, "no paste box on the page"
    return html.unescape(found.group(1))


@sqlite_only
def test_a_paste_up_to_the_article_limit_is_read(app: FastAPI, client: TestClient, db: Db) -> None:
    sign_up(client)
    limit = app.state.settings.max_article_bytes
    assert limit == 5 * 1024 * 1024
    # the article and blank lines up to the limit: every byte of it travels, URL-encoded, as "%0A"
    text = ARTICLE + "\n" * (limit - len(ARTICLE.encode()))
    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": text})
    assert r.status_code == 303, r.text[:500]
    assert wait_until_built(client, int(r.headers["location"].rsplit("/", 1)[1])) == "ready"

    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": text + "x"})
    assert r.status_code == 422 and "too large (the limit is 5 MB)" in r.text
    assert pasted(r.text) == text + "x"

    # two bytes of UTF-8 a letter, six in the form: still read, and refused by the app with the paste kept
    accents = "Siège\n\n" + "é" * (limit // 2)
    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": accents})
    assert r.status_code == 422 and "too large (the limit is 5 MB)" in r.text
    assert pasted(r.text) == accents


@sqlite_only
def test_a_refused_paste_stays_in_the_form(client: TestClient) -> None:
    sign_up(client)
    text = "Just a title line, <b>and</b> no paragraphs"
    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": text, "input_format": "nonsense"})
    assert r.status_code == 422 and pasted(r.text) == text
