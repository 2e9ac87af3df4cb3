"""Helpers for the web tests: PostgreSQL schemas, a seeded database handle, a client that sends the CSRF
token like the pages do, answering quiz questions."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from web import crud
from web.models import Question
from web.quiz import QuestionView, view
from web.security import CSRF_HEADER, SESSION_COOKIE

PG_HOST, PG_PORT, PG_DB = "127.0.0.1", 5432, "test"


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


class PageClient(TestClient):
    """A browser on the app's pages: like their forms and htmx, it sends the session's CSRF token with every
    state-changing request (a plain TestClient does not, which is how the tests show the token is needed)."""

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


def answer_form(db: Db, attempt_id: int, position: int, *, right: bool) -> dict[str, str]:
    """Form fields that answer the question right, or wrong."""
    question, shown = attempt_view(db, attempt_id, position)
    form = {"position": str(position)}
    if question.format in ("multiple_choice", "true_false"):
        wrong = next(o for o in shown.options if o != question.answer)
        form["choice"] = question.answer if right else wrong
    elif question.format == "timeline":
        order = list(question.answer) if right else list(reversed(question.answer))
        form.update({f"position-{i}": str(order.index(e) + 1) for i, e in enumerate(shown.events)})
    elif question.format == "matching":
        pairs = dict(question.answer)
        rights = [pairs[left] for left in shown.lefts]
        if not right:
            rights = rights[1:] + rights[:1]
        form.update({f"match-{i}": r for i, r in enumerate(rights)})
    else:
        form["text"] = question.answer if right else "certainly not this"
    return form


def start_quiz(client: TestClient, path: str, count: int = 50) -> int:
    r = client.post(path, data={"count": str(count)})
    assert r.status_code == 303, r.text
    return int(r.headers["location"].rsplit("/", 1)[1])

