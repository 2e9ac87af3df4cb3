"""Every state-changing page request needs the session's CSRF token: the hidden field of the page's forms, or
the header htmx sends (base.html puts it on <body>). A form posted from another site has neither."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient


def test_a_post_without_the_token_is_refused_with_403(app: FastAPI, db: object) -> None:
    with TestClient(app, follow_redirects=False) as browser:
        page = browser.get("/learner").text
        assert browser.post("/learner", data={"name": "Mallory"}).status_code == 403
        r = browser.post("/learner", data={"name": "Mallory", "csrf_token": "made-up"})
        assert r.status_code == 403 and "Form expired" in r.text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        assert browser.post("/learner", data={"name": "Ada", "csrf_token": token}).status_code == 303
        assert browser.post("/learner", data={"name": "Ada"}, headers={"X-CSRF-Token": token}).status_code == 303
        assert "<body hx-headers='{\"X-CSRF-Token\": \"" + token + "\"}'>" in browser.get("/").text


def test_the_json_api_is_not_form_based_and_needs_no_token(app: FastAPI, db: object) -> None:
    with TestClient(app) as api:
        assert api.post("/api/learners", json={"name": "Ada"}).status_code == 201
        assert api.post("/api/learners", content="name=Ada",
                        headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 422
