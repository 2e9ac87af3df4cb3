"""Helpers for the web tests: PostgreSQL schemas, a seeded database handle, clients that send the CSRF
token like the pages do, answering quiz questions, web servers to fetch articles from (a fast one, a slow one)."""

from __future__ import annotations

import base64
import json
import select
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from web import crud
from web.models import Question
from web.quiz import QuestionView, view
from web.security import CSRF_HEADER, SESSION_COOKIE

PG_HOST, PG_PORT, PG_DB = "127.0.0.1", 5432, "test"
# for checks that do not depend on the database (input checking, pages): once, on SQLite
sqlite_only = pytest.mark.parametrize("db", ["sqlite"], indirect=True)


def pg_server_user() -> str | None:
    """The first of postgres and root that the local server lets in (trust auth)."""
    for user in ("postgres", "root"):
        try:
            with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=user, connect_timeout=3):
                return user
        except psycopg.OperationalError:
            continue
    return None


def pg_schema_url(user: str, schema: str) -> str:
    return f"postgresql+psycopg://{user}@{PG_HOST}:{PG_PORT}/{PG_DB}?options=-csearch_path%3D{schema}"


@contextmanager
def pg_schema(user: str) -> Iterator[str]:
    """A fresh, empty schema; its URL puts it first on the search path."""
    schema = f"qg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=user, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(user, schema)
    finally:
        with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=user, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


class SendsCsrfToken(httpx.Client):
    """Like the pages' forms and htmx, send the session's CSRF token with every state-changing request (a plain
    client does not, which is how the tests show the token is needed)."""

    def request(self, method: str, url, **kwargs):  # type: ignore[no-untyped-def, override]
        if method.upper() not in ("GET", "HEAD", "OPTIONS") and not str(url).startswith("/api"):
            headers = dict(kwargs.pop("headers", None) or {})
            if not any(k.lower() == CSRF_HEADER.lower() for k in headers):
                headers[CSRF_HEADER] = self.csrf_token()
            kwargs["headers"] = headers
        return super().request(method, url, **kwargs)

    def csrf_token(self) -> str:
        """The token in the session cookie (SessionMiddleware's: base64 JSON, then timestamp and signature)."""
        if SESSION_COOKIE not in self.cookies:
            self.get("/join")  # any page starts a session
        payload = self.cookies[SESSION_COOKIE].split(".", 1)[0]
        return json.loads(base64.b64decode(payload))["csrf"]


class PageClient(SendsCsrfToken, TestClient):
    """A browser on the app's pages, in this process."""


class LivePageClient(SendsCsrfToken):
    """A browser on the app's pages served by a real server (live_server.live)."""

    def __init__(self, base_url: str) -> None:
        super().__init__(base_url=base_url, follow_redirects=False, timeout=10, trust_env=False)


@dataclass
class Db:
    """A seeded database for one test: its URL and an engine to look inside."""

    kind: str
    url: str
    engine: Engine

    def session(self) -> Session:
        return Session(self.engine)


def attempt_view(db: Db, attempt_id: int, position: int) -> tuple[Question, QuestionView]:
    """The question at `position` of an attempt, and what the learner is shown of it."""
    with db.session() as session:
        attempt = crud.get_attempt(session=session, attempt_id=attempt_id)
        assert attempt is not None
        question = crud.get_question(session=session, question_id=attempt.question_ids[position])
        assert question is not None
        session.expunge(question)
    return question, view(question, seed=f"{attempt_id}:{question.id}")


def answer_fields(question: Any, shown: QuestionView, position: int, *, right: bool) -> dict[str, str]:
    """The form fields that answer a question, as shown to the learner, right or wrong."""
    form = {"position": str(position)}
    if shown.self_marked:
        form["mark"] = "had" if right else "missed"
    elif question.format in ("multiple_choice", "true_false"):
        form["choice"] = question.answer if right else next(o for o in shown.options if o != question.answer)
    elif question.format == "timeline":
        order = list(question.answer) if right else list(reversed(question.answer))
        form.update({f"position-{i}": str(order.index(e) + 1) for i, e in enumerate(shown.events)})
    elif question.format == "matching":
        pairs = dict(map(tuple, question.answer))
        rights = [pairs[left] for left in shown.lefts]
        if not right:
            rights = rights[1:] + rights[:1]
        form.update({f"match-{i}": r for i, r in enumerate(rights)})
    else:
        form["text"] = question.answer if right else "certainly not this"
    return form


def answer_form(db: Db, attempt_id: int, position: int, *, right: bool) -> dict[str, str]:
    """Form fields that answer the question right, or wrong."""
    question, shown = attempt_view(db, attempt_id, position)
    return answer_fields(question, shown, position, right=right)


def start_quiz(client: TestClient, path: str, count: int = 50) -> int:
    r = client.post(path, data={"count": str(count)})
    assert r.status_code == 303, r.text
    return int(r.headers["location"].rsplit("/", 1)[1])


# --- teachers ------------------------------------------------------------------------------------

PASSWORD = "correct horse battery"
ARTICLE = """Siege of Rhodes (1522)

The Siege of Rhodes began on June 26, 1522, when the Ottoman army of Suleiman the Magnificent landed on the island of Rhodes. The Knights Hospitaller, led by Grand Master Philippe Villiers de L'Isle-Adam, defended the city behind strong walls.

The Ottoman engineers dug mines under the walls, and the defenders lost the Tower of England in September 1522. Because supplies ran low, the knights agreed to surrender on December 20, 1522.

Aftermath

The surrender led to the knights leaving Rhodes for Crete and later Malta. Suleiman allowed the knights to depart with their weapons in January 1523.
"""


# the article as a web page, for the URL fetcher
HTML = f"<html><head><title>Siege of Rhodes</title></head><body><h1>Siege of Rhodes (1522)</h1>" \
       f"{''.join(f'<p>{p}</p>' for p in ARTICLE.split(chr(10) * 2)[1:3])}</body></html>"


def refusing_transport() -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"a request was sent to {request.url}")

    return httpx.MockTransport(handler)


class ArticleHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        if self.path == "/article.html":
            self.send(200, "text/html; charset=utf-8", HTML.encode())
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
        elif self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/article.html")
            self.end_headers()
        elif self.path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(6 * 1024 * 1024))
            self.end_headers()
            self.wfile.write(b"x" * 1024)
        elif self.path == "/big-streamed":  # no length given: the reader must stop by itself
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            chunk = b"Siege of Rhodes. " * 4096
            try:
                for _ in range(6 * 1024 * 1024 // len(chunk) + 2):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/picture.png":
            self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        elif self.path == "/missing":
            self.send(404, "text/html", b"<p>no</p>")
        else:
            self.send(404, "text/plain", b"")

    def send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def sign_up(client: TestClient, email: str = "teacher@school.org", name: str = "Ms Teach") -> TestClient:
    """A new teacher account, logged in."""
    r = client.post("/teach/signup", data={"email": email, "name": name, "password": PASSWORD})
    assert r.status_code == 303 and r.headers["location"] == "/teach/login?signed_up=1", r.text
    r = client.post("/teach/login", data={"email": email, "password": PASSWORD})
    assert r.status_code == 303, r.text
    return client


def set_from_deck(client: TestClient) -> int:
    r = client.post("/teach/sets/from-deck", data={"deck": "kirov-assassination"})
    assert r.status_code == 303, r.text
    return int(r.headers["location"].rsplit("/", 1)[1])


def set_questions(db: Db, set_id: int, **filters: object) -> list:
    with db.session() as session:
        questions = crud.list_set_questions(session=session, set_id=set_id, **filters)  # type: ignore[arg-type]
        for q in questions:
            session.expunge(q)
    return questions


def wait_until_built(client: TestClient, set_id: int, timeout: float = 90) -> str:
    """Poll the progress fragment as the page does, until it sends the editor; returns the final status."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = client.get(f"/teach/sets/{set_id}/progress", headers={"HX-Request": "true"})
        if r.status_code == 204:
            assert r.headers["HX-Redirect"] == f"/teach/sets/{set_id}"
            return "ready"
        assert r.status_code == 200, r.text
        if "Try again" in r.text:
            return "failed"
        time.sleep(0.2)
    raise AssertionError("the set was not built in time")


def edit_form(question: object, **changes: str) -> dict[str, str]:
    """The editor's form for a question, as the edit page fills it in, with some fields changed."""
    from web.sets import form_values

    values = form_values(question)  # type: ignore[arg-type]
    values.update(changes)
    return values


def class_answer_form(db: Db, attempt_id: int, position: int, *, right: bool) -> dict[str, str]:
    """Form fields that answer a class quiz's question right, or wrong."""
    from web import classroom
    from web.models import Learner

    with db.session() as session:
        attempt = crud.get_class_attempt(session=session, attempt_id=attempt_id)
        assert attempt is not None
        learner = session.get(Learner, attempt.learner_id)
        _, state = classroom.progress(session, learner, attempt_id)  # type: ignore[arg-type]
        question, shown = state.question_at(position), state.view_at(position)
    return answer_fields(question, shown, position, right=right)


@dataclass
class Connection:
    """One connection to the SlowServer: when it was opened, how many bytes it was sent, when the client
    closed it (None while open)."""

    opened: float
    sent: int = 0
    closed: float | None = None


@dataclass
class SlowServer:
    """A web server on 127.0.0.1 that answers too slowly, without ever pausing long enough for a per-read
    timeout: /trickle sends its headers one byte a second and never ends them; /hop redirects to itself after
    `hop_seconds`. Each connection is recorded, with when the client closed it; none is held past `give_up`
    seconds, so a fetcher without a deadline fails a test instead of hanging it."""

    byte_every: float = 1.0
    hop_seconds: float = 1.2
    give_up: float = 45.0
    connections: list[Connection] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self.stopped.set()
        self.sock.close()

    def wait_closed(self, connection: Connection, timeout: float) -> float:
        """When the client closed the connection (waiting up to `timeout` seconds for it)."""
        deadline = time.monotonic() + timeout
        while connection.closed is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert connection.closed is not None, "the client left the connection open"
        return connection.closed

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            record = Connection(opened=time.monotonic())
            self.connections.append(record)
            threading.Thread(target=self._serve, args=(conn, record), daemon=True).start()

    def _serve(self, conn: socket.socket, record: Connection) -> None:
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    record.closed = time.monotonic()
                    return
                request += chunk
            path = request.split(b" ", 2)[1]
            if path == b"/hop":
                if not self._client_closed(conn, record, self.hop_seconds):
                    conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /hop\r\nContent-Length: 0\r\n"
                                 b"Connection: close\r\n\r\n")
                    self._client_closed(conn, record, self.give_up)
                return
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: "
            end = time.monotonic() + self.give_up
            while time.monotonic() < end and not self.stopped.is_set():
                if self._client_closed(conn, record, self.byte_every):
                    return
                conn.sendall(head[record.sent:record.sent + 1] or b"a")
                record.sent += 1

    @staticmethod
    def _client_closed(conn: socket.socket, record: Connection, seconds: float) -> bool:
        """Wait up to `seconds`; True (and recorded) if the client closed the connection meanwhile."""
        readable, _, _ = select.select([conn], [], [], seconds)
        if readable:
            try:
                data = conn.recv(4096)
            except OSError:
                data = b""
            if not data:
                record.closed = time.monotonic()
                return True
        return False


def publish_from_deck(teacher: TestClient, db: Db, **options: str) -> tuple[int, str]:
    """A set from the bundled deck with every question approved, published: (its id, its join code)."""
    set_id = set_from_deck(teacher)
    ids = [str(q.id) for q in set_questions(db, set_id)]
    r = teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve", "ids": ids})
    assert r.status_code == 303, r.text
    if options:
        form = {"title": "Class quiz", "question_count": "3", "attempts_allowed": "1", "feedback": "immediate", **options}
        assert teacher.post(f"/teach/sets/{set_id}/options", data=form).status_code == 303
    assert teacher.post(f"/teach/sets/{set_id}/publish").status_code == 303
    with db.session() as session:
        code = crud.get_class_set(session=session, set_id=set_id).join_code  # type: ignore[union-attr]
    assert code
    return set_id, code
