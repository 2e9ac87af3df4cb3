"""The JSON API fuzzed from its own OpenAPI schema: no request, however odd, gets a 500.

Each generated request is also sent with its path naming things that exist (the bundled deck, an
article, a question, an attempt of this learner), so the fuzzed bodies and queries reach the code
behind the 404s too.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from quizgen.settings import Settings
from web.app import create_app

DECK = "kirov-assassination"


@pytest.fixture(scope="module")
def api_app(seeded_sqlite: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    tmp = tmp_path_factory.mktemp("fuzz")
    shutil.copy(seeded_sqlite, tmp / "quizgen.db")
    (tmp / "no-decks").mkdir()
    app = create_app(Settings(database_url=f"sqlite:///{tmp / 'quizgen.db'}", decks_dir=tmp / "no-decks",
                              secret_key="test-secret"))
    yield app
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def learner(api_app: FastAPI) -> tuple[dict[str, str], dict[str, int]]:
    """A learner's cookie, and ids that exist: an attempt of theirs with one answer, an article, a question."""
    with TestClient(api_app) as client:
        assert client.post("/api/learners", json={"name": "Fuzz"}).status_code == 201
        attempt = client.post("/api/attempts", json={"deck": DECK, "count": 5}).json()
        current = attempt["current"]
        response = (current["options"] or [None])[0] or current["events"] or "a guess"
        if current["lefts"]:
            response = [list(p) for p in zip(current["lefts"], current["rights"], strict=True)]
        assert client.post(f"/api/attempts/{attempt['id']}/answers",
                           json={"position": 0, "response": response}).status_code == 200
        question = client.get(f"/api/decks/{DECK}/questions").json()[0]
        return dict(client.cookies), {"attempt_id": attempt["id"], "article_id": question["article_id"],
                                      "question_id": question["id"]}


# The schema does not depend on the data, so it is read at collection from an app on an empty in-memory
# database; the requests go to the seeded app. (schemathesis.pytest.from_fixture fails under pytest 9.)
schema = schemathesis.openapi.from_asgi(
    "/api/openapi.json",
    create_app(Settings(database_url="sqlite://", decks_dir=Path("/nonexistent"), secret_key="test-secret")))


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_request_gets_a_server_error(case: schemathesis.Case, api_app: FastAPI,
                                        learner: tuple[dict[str, str], dict[str, int]]) -> None:
    cookies, ids = learner
    case.call_and_validate(app=api_app, cookies=cookies, checks=[not_a_server_error])
    known = {"slug": DECK, **ids}
    if case.path_parameters and set(case.path_parameters) & set(known):
        case.path_parameters = {k: known.get(k, v) for k, v in case.path_parameters.items()}
        case.call_and_validate(app=api_app, cookies=cookies, checks=[not_a_server_error])
