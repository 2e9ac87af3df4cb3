"""Security headers: no framing, no sniffing, no referrer to other sites on every response; private pages not
cached; cookies Secure when the request came over HTTPS, told by a proxy only when it is a configured one."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import Db, PageClient, publish_from_deck, sign_up, sqlite_only

from quizgen.settings import Settings
from web.app import create_app
from web.security import SESSION_COOKIE

EVERYWHERE = {"x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "same-origin"}


def assert_guarded(r, path: str) -> None:  # type: ignore[no-untyped-def]
    for name, value in EVERYWHERE.items():
        assert r.headers.get(name) == value, (path, name)
    assert "frame-ancestors 'none'" in r.headers.get("content-security-policy", ""), path


def test_every_response_refuses_framing_and_private_pages_are_not_kept(app: FastAPI, client: TestClient,
                                                                       db: Db) -> None:
    public = ["/", "/decks/kirov-assassination", "/api/decks", "/static/style.css", "/no-such-page", "/api/decks/%00",
              "/decks/kirov-assassination/export/json", "/teach/login"]
    for path in public:
        r = client.get(path)
        assert_guarded(r, path)
        if not path.startswith("/teach"):
            assert "no-store" not in r.headers.get("cache-control", ""), path
    teacher = sign_up(client)
    set_id, code = publish_from_deck(teacher, db)
    student = PageClient(app, follow_redirects=False)
    attempt = student.post(f"/join/{code}", data={"name": "Sam"}).headers["location"]
    api = PageClient(app, follow_redirects=False)
    assert api.post("/api/learners", json={"name": "Sam"}).status_code == 201
    api_attempt = api.post("/api/attempts", json={"deck": "kirov-assassination", "count": 3}).json()["id"]
    private = [(teacher, "/teach"), (teacher, f"/teach/sets/{set_id}"), (teacher, f"/teach/sets/{set_id}/results"),
               (teacher, f"/teach/sets/{set_id}/results.csv"), (student, attempt), (student, f"/join/{code}"),
               (api, f"/api/attempts/{api_attempt}"), (student, "/decks/kirov-assassination/flashcards")]
    for who, path in private:
        r = who.get(path)
        assert r.status_code in (200, 303), (path, r.status_code)
        assert_guarded(r, path)
        assert r.headers["cache-control"] == "no-store", path


def session_cookie(app: FastAPI, headers: dict[str, str] | None = None, base_url: str = "http://testserver") -> str:
    """The session cookie a new browser is given on its first page."""
    with TestClient(app, base_url=base_url, follow_redirects=False) as browser:
        r = browser.get("/join", headers=headers)
    return next(c for c in r.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE + "=")).lower()


@sqlite_only
def test_cookies_are_secure_when_the_request_came_over_https(app: FastAPI, settings: Settings) -> None:
    assert "secure" in session_cookie(app, base_url="https://testserver")
    with PageClient(app, base_url="https://testserver", follow_redirects=False) as direct:
        r = direct.post("/learner", data={"name": "Ada"})  # every cookie set over HTTPS, not only the session's
        assert r.status_code == 303 and len(r.headers.get_list("set-cookie")) >= 1
        assert all("secure" in c.lower() for c in r.headers.get_list("set-cookie"))
    proto = {"X-Forwarded-Proto": "https"}
    assert "secure" not in session_cookie(app)
    # a client's own claim to have come over HTTPS is not a configured proxy's
    assert "secure" not in session_cookie(app, proto)
    behind = create_app(settings.model_copy(update={"forwarded_allow_ips": "testclient"}))
    try:
        assert "secure" in session_cookie(behind, proto)
        assert "secure" not in session_cookie(behind)
    finally:
        behind.state.engine.dispose()
