"""Teacher accounts and safety over HTTP: sign-up, log-in, log-out, argon2 hashes, signed expiring sessions,
CSRF tokens, the failed log-in limit, and who may see which set."""

from __future__ import annotations

import base64
import json
import re
from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select
from webtests import PASSWORD, Db, PageClient, set_from_deck, set_questions, sign_up, sqlite_only

from quizgen.settings import Settings
from web import crud
from web.app import create_app
from web.models import LoginFailure
from web.security import SESSION_COOKIE


def test_sign_up_log_out_and_log_in_again(client: TestClient, db: Db) -> None:
    assert "Create a teacher account" in client.get("/teach").text
    sign_up(client, email="  Grace@School.ORG ")
    home = client.get("/teach")
    assert home.status_code == 200 and "My question sets" in home.text and "Ms Teach" in home.text
    with db.session() as session:
        teacher = crud.get_teacher_by_email(session=session, email="grace@school.org")
        assert teacher is not None
        assert teacher.password_hash.startswith("$argon2id$") and PASSWORD not in teacher.password_hash

    r = client.post("/teach/logout")
    assert r.status_code == 303 and r.headers["location"] == "/teach/login"
    assert client.get("/teach/sets/new").status_code == 303  # logged out: back to the log-in form
    r = client.post("/teach/login", data={"email": "grace@school.org", "password": PASSWORD,
                                          "next": "/teach/sets/new"})
    assert r.status_code == 303 and r.headers["location"] == "/teach/sets/new"
    assert client.get("/teach/sets/new").status_code == 200


def header_name(page: str) -> str:
    return re.search(r'<a class="who"[^>]*>([^<]*)</a>', page).group(1)


def test_a_logged_in_teacher_sees_her_name_in_the_header_of_every_page(client: TestClient, db: Db) -> None:
    assert header_name(client.get("/").text) == "Set your name"
    sign_up(client, email="noether@school.org", name="Ms Noether")
    for path in ("/", "/teach", "/teach/sets/new", "/downloads", "/join", "/decks/kirov-assassination/flashcards"):
        r = client.get(path, follow_redirects=True)
        assert header_name(r.text) == "Ms Noether", path
    client.post("/teach/logout")
    assert header_name(client.get("/").text) == "Set your name"
    client.post("/teach/login", data={"email": "noether@school.org", "password": PASSWORD})
    assert header_name(client.get("/").text) == "Ms Noether"


@sqlite_only
def test_sign_up_problems_are_shown_next_to_their_fields(client: TestClient) -> None:
    r = client.post("/teach/signup", data={"email": "not-an-address", "name": "", "password": "short"})
    assert r.status_code == 422
    assert re.search(r'id="email-error"[^>]*>Give an e-mail address', r.text)
    assert re.search(r'id="name-error"[^>]*>Give the name', r.text)
    assert re.search(r'id="password-error"[^>]*>Choose a password of at least 10', r.text)


@sqlite_only
def test_common_and_guessable_passwords_are_refused(client: TestClient) -> None:
    for weak in ("1234567890", "password12", " " * 10, "qwertyuiop", "aaaaaaaaaaaa", "Password123!",
                 "marycurie1867", "curie@school.org"):
        r = client.post("/teach/signup", data={"email": "curie@school.org", "name": "Mary Curie", "password": weak})
        assert r.status_code == 422 and 'id="password-error"' in r.text and "harder to guess" in r.text, weak
    r = client.post("/teach/signup", data={"email": "curie@school.org", "name": "Mary Curie", "password": PASSWORD})
    assert r.status_code == 303


@sqlite_only
def test_sign_up_does_not_tell_whether_an_address_has_an_account(app: FastAPI, client: TestClient, db: Db) -> None:
    sign_up(client)
    answers = []
    for email in ("teacher@school.org", "new@school.org"):
        other = PageClient(app, follow_redirects=False)
        r = other.post("/teach/signup", data={"email": email, "name": "Copy", "password": "another good passphrase"})
        answers.append((r.status_code, r.headers["location"], r.text, sorted(other.cookies.keys())))
        assert "If that address was new" in other.get(r.headers["location"]).text
    assert answers[0] == answers[1]
    # the existing account is unchanged: its own password still works, the new one does not
    with db.session() as session:
        assert crud.get_teacher_by_email(session=session, email="teacher@school.org").name == "Ms Teach"
    other = PageClient(app, follow_redirects=False)
    assert other.post("/teach/login", data={"email": "teacher@school.org",
                                            "password": "another good passphrase"}).status_code == 401
    assert other.post("/teach/login", data={"email": "teacher@school.org", "password": PASSWORD}).status_code == 303


@sqlite_only
def test_wrong_password_and_unknown_account_get_the_same_answer(client: TestClient) -> None:
    sign_up(client)
    client.post("/teach/logout")
    wrong = client.post("/teach/login", data={"email": "teacher@school.org", "password": "not the password"})
    unknown = client.post("/teach/login", data={"email": "nobody@school.org", "password": "not the password"})
    assert wrong.status_code == unknown.status_code == 401
    assert "do not match an account" in wrong.text and "do not match an account" in unknown.text
    assert client.get("/teach/sets/new").status_code == 303


def age_failures(db: Db, seconds: float) -> None:
    """Move every recorded failure back in time, as if `seconds` had passed."""
    with db.session() as session:
        for failure in session.exec(select(LoginFailure)):
            failure.at -= timedelta(seconds=seconds)
            session.add(failure)
        session.commit()


def test_failed_log_ins_back_off_for_the_address_that_failed_only(settings: Settings, db: Db) -> None:
    behind = create_app(settings.model_copy(update={"forwarded_allow_ips": "testclient"}))
    try:
        attacker = PageClient(behind, follow_redirects=False, headers={"X-Forwarded-For": "203.0.113.9"})
        owner = PageClient(behind, follow_redirects=False, headers={"X-Forwarded-For": "198.51.100.7"})
        sign_up(owner)
        owner.post("/teach/logout")
        guess = {"email": "teacher@school.org", "password": "guess again!"}
        for _ in range(3):
            assert attacker.post("/teach/login", data=guess).status_code == 401
        # now even the right password waits, from that address: 2 s, then twice as long after each failure
        r = attacker.post("/teach/login", data={"email": "teacher@school.org", "password": PASSWORD})
        assert r.status_code == 429 and "Too many failed log-ins" in r.text and "Try again in" in r.text
        assert 1 <= int(r.headers["Retry-After"]) <= 3
        age_failures(db, 3)
        assert attacker.post("/teach/login", data=guess).status_code == 401
        assert 3 <= int(attacker.post("/teach/login", data=guess).headers["Retry-After"]) <= 5
        with db.session() as session:  # counted in the database, so every worker process sees them
            failures = session.exec(select(LoginFailure)).all()
        assert len(failures) == 4 and {f.ip for f in failures} == {"203.0.113.9"}
        # the owner, elsewhere, is not locked out by someone else's guesses
        assert owner.post("/teach/login", data={"email": "teacher@school.org", "password": PASSWORD}).status_code == 303
        assert attacker.post("/teach/login", data=guess).status_code == 429  # their success does not free the guesser
    finally:
        behind.state.engine.dispose()


def test_a_forwarded_address_from_the_client_itself_is_not_believed(client: TestClient, db: Db) -> None:
    sign_up(client)
    client.post("/teach/logout")
    guess = {"email": "teacher@school.org", "password": "guess again!"}
    for n in range(3):  # a new address per request, as a client that picks its own would send
        assert client.post("/teach/login", data=guess, headers={"X-Forwarded-For": f"10.9.8.{n}"}).status_code == 401
    r = client.post("/teach/login", data=guess, headers={"X-Forwarded-For": "10.9.8.200"})
    assert r.status_code == 429
    with db.session() as session:
        assert {f.ip for f in session.exec(select(LoginFailure))} == {"testclient"}


@sqlite_only
def test_a_successful_log_in_clears_earlier_failures(client: TestClient) -> None:
    sign_up(client)
    client.post("/teach/logout")
    for _ in range(2):
        client.post("/teach/login", data={"email": "teacher@school.org", "password": "guess again!"})
    assert client.post("/teach/login", data={"email": "teacher@school.org", "password": PASSWORD}).status_code == 303
    client.post("/teach/logout")
    for _ in range(3):
        assert client.post("/teach/login", data={"email": "teacher@school.org",
                                                 "password": "guess again!"}).status_code == 401
    assert client.post("/teach/login", data={"email": "teacher@school.org", "password": PASSWORD}).status_code == 429


def test_requests_without_the_csrf_token_are_refused(app: FastAPI, client: TestClient, db: Db) -> None:
    sign_up(client)
    set_id = set_from_deck(client)
    question = set_questions(db, set_id)[0]
    raw = TestClient(app, follow_redirects=False)
    raw.cookies = client.cookies  # the same logged-in browser, but a form from another site
    for path, data in [(f"/teach/sets/{set_id}/questions/{question.id}/status", {"action": "reject"}),
                       (f"/teach/sets/{set_id}/publish", {}),
                       ("/teach/sets/from-deck", {"deck": "kirov-assassination"}),
                       ("/teach/logout", {}),
                       ("/learner", {"name": "Mallory"})]:
        r = raw.post(path, data=data)
        assert r.status_code == 403, path
        assert "Form expired" in r.text
        r = raw.post(path, data={**data, "csrf_token": "forged"})
        assert r.status_code == 403, path
    assert set_questions(db, set_id)[0].status == question.status  # nothing changed
    # the token from the page, in the form field as the plain forms send it, is accepted
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get(f"/teach/sets/{set_id}").text).group(1)
    r = raw.post(f"/teach/sets/{set_id}/questions/{question.id}/status", data={"action": "reject", "csrf_token": token})
    assert r.status_code == 303
    assert set_questions(db, set_id)[0].status == "rejected"


@sqlite_only
def test_htmx_gets_the_token_from_the_body_tag(client: TestClient) -> None:
    sign_up(client)
    page = client.get("/teach").text
    header = re.search(r"<body hx-headers='([^']+)'>", page).group(1)
    assert f'"X-CSRF-Token": "{client.csrf_token()}"' in header.replace("&#34;", '"')  # type: ignore[attr-defined]


@sqlite_only
def test_the_session_cookie_is_signed_and_expires(app: FastAPI, client: TestClient) -> None:
    sign_up(client)
    r = client.post("/teach/login", data={"email": "teacher@school.org", "password": PASSWORD})
    cookie = next(v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith(SESSION_COOKIE))
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert f"Max-Age={app.state.settings.session_max_age}" in cookie
    # a cookie changed by hand (say, another teacher's id) is not accepted
    forged = TestClient(app, follow_redirects=False)
    value = client.cookies[SESSION_COOKIE]
    payload, rest = value.split(".", 1)
    data = json.loads(base64.b64decode(payload))
    data["teacher"] = data["teacher"] + 1
    forged.cookies.set(SESSION_COOKIE, base64.b64encode(json.dumps(data).encode()).decode() + "." + rest)
    assert forged.get("/teach/sets/new").status_code == 303


def test_learners_cannot_reach_teacher_pages(client: TestClient, learner: TestClient, app: FastAPI, db: Db) -> None:
    teacher = sign_up(PageClient(app, follow_redirects=False))
    set_id = set_from_deck(teacher)
    question = set_questions(db, set_id)[0]
    # `learner` has a learner cookie but no teacher session
    for path in ("/teach/sets/new", f"/teach/sets/{set_id}", f"/teach/sets/{set_id}/results",
                 f"/teach/sets/{set_id}/questions/{question.id}/edit", f"/teach/sets/{set_id}/export/json"):
        r = learner.get(path)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/teach/login?next=/teach/"), path
    r = learner.get(f"/teach/sets/{set_id}", headers={"HX-Request": "true"})
    assert r.status_code == 204 and r.headers["HX-Redirect"].startswith("/teach/login")
    for path, data in [(f"/teach/sets/{set_id}/questions/{question.id}/status", {"action": "reject"}),
                       (f"/teach/sets/{set_id}/questions/{question.id}", {"prompt": "Hacked?"}),
                       (f"/teach/sets/{set_id}/publish", {}), ("/teach/sets/from-deck", {"deck": "kirov-assassination"})]:
        r = learner.post(path, data=data)
        assert r.status_code == 403, path
        assert "Teachers only" in r.text and "Log in with your teacher account" in r.text
    assert set_questions(db, set_id)[0].status == question.status and not set_questions(db, set_id)[0].reviewed


def test_another_teacher_gets_404_on_a_set_and_its_results(app: FastAPI, client: TestClient, db: Db) -> None:
    owner = sign_up(client)
    set_id = set_from_deck(owner)
    question = set_questions(db, set_id)[0]
    assert owner.post(f"/teach/sets/{set_id}/questions/status",
                      data={"action": "approve", "ids": [str(question.id)]}).status_code == 303
    assert owner.post(f"/teach/sets/{set_id}/publish").status_code == 303
    other = sign_up(PageClient(app, follow_redirects=False), email="other@school.org", name="Mr Other")
    for path in (f"/teach/sets/{set_id}", f"/teach/sets/{set_id}/results", f"/teach/sets/{set_id}/results.csv",
                 f"/teach/sets/{set_id}/questions/{question.id}/edit", f"/teach/sets/{set_id}/export/anki",
                 f"/teach/sets/{set_id}/deck.toml", f"/teach/sets/{set_id}/progress", f"/teach/sets/{set_id}/add"):
        r = other.get(path)
        assert r.status_code == 404, path
        assert "Not found" in r.text
    for path, data in [(f"/teach/sets/{set_id}/questions/{question.id}/status", {"action": "reject"}),
                       (f"/teach/sets/{set_id}/questions/{question.id}", {"prompt": "Mine now?"}),
                       (f"/teach/sets/{set_id}/questions/status", {"action": "reject", "ids": str(question.id)}),
                       (f"/teach/sets/{set_id}/options", {"question_count": "1"}),
                       (f"/teach/sets/{set_id}/unpublish", {}), (f"/teach/sets/{set_id}/delete", {})]:
        assert other.post(path, data=data).status_code == 404, path
    assert set_questions(db, set_id)[0].status == "approved"
    assert "Kirov" not in other.get("/teach").text  # not listed either


@sqlite_only
def test_a_hash_made_with_other_costs_is_redone_at_log_in(client: TestClient, db: Db) -> None:
    from argon2 import PasswordHasher

    sign_up(client)
    client.post("/teach/logout")
    old = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1).hash(PASSWORD)
    with db.session() as session:
        teacher = crud.get_teacher_by_email(session=session, email="teacher@school.org")
        crud.update_password_hash(session=session, teacher=teacher, password_hash=old)
    assert client.post("/teach/login", data={"email": "teacher@school.org", "password": PASSWORD}).status_code == 303
    with db.session() as session:
        stored = crud.get_teacher_by_email(session=session, email="teacher@school.org").password_hash
    assert stored != old and stored.startswith("$argon2id$") and "m=1024,t=1" in stored


def test_a_session_cookie_copied_before_log_out_is_refused_after_it(app: FastAPI, client: TestClient, db: Db) -> None:
    sign_up(client)
    set_id = set_from_deck(client)
    stolen = PageClient(app, follow_redirects=False)
    stolen.cookies.set(SESSION_COOKIE, client.cookies[SESSION_COOKIE], domain="testserver.local")
    assert stolen.get(f"/teach/sets/{set_id}").status_code == 200
    assert client.post("/teach/logout").status_code == 303
    r = stolen.get(f"/teach/sets/{set_id}")
    assert r.status_code == 303 and r.headers["location"].startswith("/teach/login")
    r = stolen.post(f"/teach/sets/{set_id}/publish")  # its CSRF token is still good: the teacher is not
    assert r.status_code == 403 and "Teachers only" in r.text
    # logging in again makes a new session; the old copy stays refused
    r = client.post("/teach/login", data={"email": "teacher@school.org", "password": PASSWORD})
    assert r.status_code == 303 and client.get(f"/teach/sets/{set_id}").status_code == 200
    assert stolen.get(f"/teach/sets/{set_id}").status_code == 303
    with db.session() as session:
        assert crud.get_teacher_by_email(session=session, email="teacher@school.org").session_generation == 1
