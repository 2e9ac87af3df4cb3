"""The JSON API under /api: decks, questions, learners, attempts and answers, exports, bad input."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from webtests import Db

from quizgen.export import EXPORTERS
from web import crud
from web.app import PAGE_ROUTERS
from web.routes import api


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/decks", "/api/decks/{slug}", "/api/decks/{slug}/questions", "/api/articles/{article_id}",
                 "/api/questions/{question_id}", "/api/learners", "/api/attempts", "/api/attempts/{attempt_id}",
                 "/api/attempts/{attempt_id}/answers", "/api/exports", "/api/decks/{slug}/exports/{fmt}"):
        assert path in spec["paths"], path
    assert not any(p.startswith(("/attempts", "/decks", "/articles")) for p in spec["paths"])  # pages stay out
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/static/swagger-ui/swagger-ui-bundle.js" in docs.text


FASTAPI_OWN = {"HTTPValidationError", "ValidationError"}


def test_api_docs_say_what_each_route_does_with_examples(client: TestClient) -> None:
    """Every route has a written summary and description and its own name; every model an example."""
    spec = client.get("/api/openapi.json").json()
    schemas = spec["components"]["schemas"]
    names = set()
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            handler = next(r for r in api.router.routes if r.path == path and method.upper() in r.methods)
            generated = handler.name.replace("_", " ").title()  # what FastAPI writes when given nothing
            assert op.get("summary") and op["summary"] != generated, (method, path)
            assert len(op.get("description", "")) > 20, (method, path)
            assert op["operationId"] == handler.name and not op["operationId"].endswith(("_get", "_post"))
            assert not handler.name.startswith("api_"), handler.name
            names.add(op["operationId"])
            for status, response in op["responses"].items():
                for content in response.get("content", {}).values():
                    schema = content.get("schema", {})
                    ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
                    if status.startswith("2") and ref:
                        assert schemas[ref.rsplit("/", 1)[1]].get("examples"), (path, ref)
    assert len(names) == sum(len(ops) for ops in spec["paths"].values())
    for name, schema in schemas.items():
        assert name in FASTAPI_OWN or schema.get("examples"), name
        assert not name.startswith("Body_"), name  # a body model named from its route


def test_decks_articles_and_questions(client: TestClient, db: Db) -> None:
    with db.session() as session:
        questions = crud.list_questions(session=session)
    decks = client.get("/api/decks").json()
    assert [d["slug"] for d in decks] == ["kirov-assassination"]
    assert decks[0]["questions"] == len(questions)
    deck = client.get("/api/decks/kirov-assassination").json()
    article_id = deck["articles"][0]["id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["deck"] == "kirov-assassination" and article["sections"][0]["paragraphs"]
    listed = client.get("/api/decks/kirov-assassination/questions").json()
    assert len(listed) == len(questions)
    one = client.get(f"/api/questions/{listed[0]['id']}").json()
    assert one == listed[0] and one["source"]["sentence"]
    fmt = listed[-1]["format"]
    some = client.get("/api/decks/kirov-assassination/questions", params={"format": fmt}).json()
    assert some and {q["format"] for q in some} == {fmt}
    assert client.get(f"/api/articles/{article_id}/questions", params={"topic": "date"}).json()


def test_quiz_through_the_api(client: TestClient, db: Db) -> None:
    assert client.post("/api/attempts", json={"deck": "kirov-assassination"}).status_code == 401
    me = client.post("/api/learners", json={"name": "Api User"})
    assert me.status_code == 201 and me.json()["name"] == "Api User"
    assert client.get("/api/learners/me").json() == me.json()
    attempt = client.post("/api/attempts", json={"deck": "kirov-assassination", "count": 50})
    assert attempt.status_code == 201
    state = attempt.json()
    total = state["total"]
    questions = {q["id"]: q for q in client.get("/api/decks/kirov-assassination/questions").json()}
    for position in range(total):
        current = state["current"]
        assert current["position"] == position and "answer" not in current
        q = questions[current["id"]]
        response = q["answer"]
        r = client.post(f"/api/attempts/{state['id']}/answers", json={"position": position, "response": response})
        assert r.status_code == 200, r.text
        assert r.json()["correct"] is True and r.json()["explanation"] == q["explanation"]
        state = client.get(f"/api/attempts/{state['id']}").json()
    assert state["finished"] and state["correct"] == total and state["current"] is None



def test_answer_reply_gives_the_next_question(client: TestClient, db: Db) -> None:
    client.post("/api/learners", json={"name": "Api User"})
    state = client.post("/api/attempts", json={"deck": "kirov-assassination", "count": 3}).json()
    url = f"/api/attempts/{state['id']}/answers"
    current = state["current"]
    for position in range(3):
        answer = client.get(f"/api/questions/{current['id']}").json()["answer"]
        reply = client.post(url, json={"position": position, "response": answer}).json()
        assert reply["correct"] is True
        assert reply["next"] == client.get(f"/api/attempts/{state['id']}").json()["current"]
        again = client.post(url, json={"position": position, "response": answer}).json()
        assert again["next"] == reply["next"]  # a repeated post changes nothing
        current = reply["next"]
    assert current is None

def test_answers_carry_their_reason_and_long_answers_take_the_learners_mark(client: TestClient, db: Db) -> None:
    client.post("/api/learners", json={"name": "Api User"})
    state = client.post("/api/attempts", json={"deck": "kirov-assassination", "count": 500}).json()
    url = f"/api/attempts/{state['id']}/answers"
    seen = set()
    for position in range(state["total"]):
        current = client.get(f"/api/attempts/{state['id']}").json()["current"]
        q = client.get(f"/api/questions/{current['id']}").json()
        if current["self_marked"]:
            reply = client.post(url, json={"position": position, "response": position % 2 == 0}).json()
            assert (reply["correct"], reply["why"]) == (position % 2 == 0, "self-marked")
        elif current["format"] == "short_answer" and q["topic"] == "person" and len(q["answer"].split()) > 1:
            reply = client.post(url, json={"position": position, "response": q["answer"].split()[-1]}).json()
            assert (reply["correct"], reply["why"]) == (True, "accepted: surname")
        else:
            reply = client.post(url, json={"position": position, "response": q["answer"]}).json()
            assert (reply["correct"], reply["why"]) == (True, "exact")
        seen.add(reply["why"])
    assert {"self-marked", "exact"} <= seen
    assert all(a["why"] for a in client.get(f"/api/attempts/{state['id']}").json()["answers"])
    # a true or false answers only a question the learner marks
    again = client.post("/api/attempts", json={"deck": "kirov-assassination", "count": 500}).json()
    answers = f"/api/attempts/{again['id']}/answers"
    for position in range(again["total"]):  # marked cards passed by, up to the first question that is not one
        if not client.get(f"/api/attempts/{again['id']}").json()["current"]["self_marked"]:
            assert client.post(answers, json={"position": position, "response": True}).status_code == 422
            break
        client.post(answers, json={"position": position, "response": True})
    else:
        raise AssertionError("the bundled deck has questions the learner does not mark")


def test_an_attempt_is_its_learners_alone(app: FastAPI, client: TestClient) -> None:
    client.post("/api/learners", json={"name": "Owner"})
    attempt = client.post("/api/attempts", json={"deck": "kirov-assassination", "count": 2}).json()
    url = f"/api/attempts/{attempt['id']}"
    with TestClient(app) as other:
        other.post("/api/learners", json={"name": "Someone Else"})
        assert other.get(url).status_code == 404
        assert other.post(f"{url}/answers", json={"position": 0, "response": "x"}).status_code == 404
        other.cookies.set("quizgen_learner", client.cookies["quizgen_learner"][:-2] + "xx")  # a forged signature
        assert other.post(f"{url}/answers", json={"position": 0, "response": "x"}).status_code == 401
    assert client.get(url).json()["answered"] == 0


def test_route_names_are_unique(app: FastAPI) -> None:
    """url_for finds the first route of a name: an API route named like a page would take its links."""
    names = [getattr(r, "name", None) for router in (api.router, *(m.router for m in PAGE_ROUTERS))
             for r in router.routes]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_api_bad_input(client: TestClient, db: Db) -> None:
    client.post("/api/learners", json={"name": "Api User"})
    assert client.post("/api/learners", json={"name": "  "}).status_code == 422
    assert client.post("/api/learners", json={}).status_code == 422
    assert client.post("/api/learners", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422
    assert client.get("/api/decks/nope").status_code == 404
    assert client.get("/api/decks/nope").json()["detail"].startswith("There is no deck")
    assert client.get("/api/articles/999").status_code == 404
    assert client.get("/api/questions/999999").status_code == 404
    assert client.get("/api/questions/abc").status_code == 404
    assert client.get("/api/decks/kirov-assassination/questions", params={"format": "essay"}).status_code == 422
    assert client.post("/api/attempts", json={}).status_code == 422
    assert client.post("/api/attempts", json={"deck": "kirov-assassination", "article_id": 1}).status_code == 422
    assert client.post("/api/attempts", json={"deck": "kirov-assassination", "count": 0}).status_code == 422
    assert client.post("/api/attempts", json={"deck": "kirov-assassination", "formats": ["essay"]}).status_code == 422
    assert client.post("/api/attempts", json={"deck": "nope"}).status_code == 404
    assert client.post("/api/attempts", json={"article_id": 999}).status_code == 404
    attempt = client.post("/api/attempts", json={"deck": "kirov-assassination", "count": 2}).json()
    url = f"/api/attempts/{attempt['id']}/answers"
    assert client.post(url, json={"position": 1, "response": "x"}).status_code == 409
    assert client.post(url, json={"position": 5, "response": "x"}).status_code == 400
    assert client.post(url, json={"position": 0}).status_code == 422
    assert client.post(url, json={"position": 0, "response": {"a": 1}}).status_code == 422
    assert client.get("/api/attempts/999").status_code == 404
    assert client.get("/api/nothing").status_code == 404
    assert client.get("/api/nothing").headers["content-type"] == "application/json"


def test_api_exports(client: TestClient) -> None:
    formats = client.get("/api/exports").json()
    assert [f["name"] for f in formats] == list(EXPORTERS)
    r = client.get("/api/decks/kirov-assassination/exports/json")
    assert r.status_code == 200 and r.json()
    assert client.get("/api/articles/1/exports/csv").status_code == 200
    assert client.get("/api/decks/kirov-assassination/exports/pdf").status_code == 404
