"""Library, article, learner name and error pages over HTTP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlmodel import select
from webtests import Db

from web import crud
from web.models import Learner

STATIC = Path(__file__).resolve().parents[2] / "web" / "static"


def test_library_lists_decks_articles_and_counts(client: TestClient, db: Db) -> None:
    r = client.get("/")
    assert r.status_code == 200
    with db.session() as session:
        questions = crud.list_questions(session=session)
        articles = crud.list_articles(session=session)
    assert "Kirov Assassination" in r.text
    assert f"{len(questions)} questions" in r.text
    for a in articles:
        assert f'href="/articles/{a.id}"' in r.text
    assert "Questions by topic and format" in r.text
    for topic in {q.topic for q in questions}:
        assert f'<th scope="row">{topic.capitalize()}</th>' in r.text
    assert "due" not in r.text.split("Flashcards")[1][:200]  # no learner yet: no due count


def test_library_shows_due_cards_for_a_learner(learner: TestClient) -> None:
    assert re.search(r'<span class="badge"[^>]*>\d+ due</span>', learner.get("/").text)


def test_article_highlights_facts_by_offset(client: TestClient, db: Db) -> None:
    with db.session() as session:
        article = crud.list_articles(session=session)[0]
        facts = crud.list_facts(session=session, article_id=article.id)
        questions = crud.list_questions(session=session, article_id=article.id)
    r = client.get(f"/articles/{article.id}")
    assert r.status_code == 200
    assert f"<h1>{article.title}</h1>" in r.text
    for kind in {f.kind for f in facts}:
        assert f'class="hl hl-{kind}"' in r.text
    date = next(f for f in facts if f.kind == "date")
    assert re.search(rf'<mark class="hl hl-date" title="[^"]*">{re.escape(date.label)}</mark>', r.text)
    for q in questions:
        assert str(escape(q.prompt)) in r.text
    assert "Timeline" in r.text and "People" in r.text


def test_article_page_holds_no_answers(client: TestClient, db: Db) -> None:
    with db.session() as session:
        article = crud.list_articles(session=session)[0]
        questions = crud.list_questions(session=session, article_id=article.id)
    page = client.get(f"/articles/{article.id}").text
    assert "Correct answer" not in page
    questions_part = page.split('id="questions"')[1]
    for q in questions:
        if q.format == "short_answer":
            assert str(escape(q.prompt)) in questions_part
            if all(q.explanation != other.prompt for other in questions):  # true statements are their sources
                assert str(escape(q.explanation)) not in questions_part


@pytest.mark.parametrize("path", ["/articles/999", "/articles/0", "/articles/abc", "/articles/-3",
                                  "/articles/99999999999999999999", "/nowhere",
                                  "/static/nothing.css"])
def test_unknown_pages_are_404_pages(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    if not path.startswith("/static"):
        assert "Not found" in r.text and "<html" in r.text


def test_wrong_method_is_a_clear_405(client: TestClient) -> None:
    r = client.delete("/")
    assert r.status_code == 405 and "Not allowed here" in r.text


def test_learner_name_is_kept_in_a_signed_cookie(client: TestClient, db: Db) -> None:
    assert "What should we call you?" in client.get("/learner").text
    r = client.post("/learner", data={"name": "  Ada   Lovelace "})
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = client.cookies.get("quizgen_learner")
    assert cookie and "Ada" not in cookie
    assert "Ada Lovelace" in client.get("/").text
    # renaming keeps the same learner
    client.post("/learner", data={"name": "Ada L."})
    with db.session() as session:
        names = [lr.name for lr in session.exec(select(Learner))]
    assert names == ["Ada L."]


def test_forged_cookie_is_ignored(client: TestClient) -> None:
    client.cookies.set("quizgen_learner", "1.forged-signature")
    r = client.get("/decks/kirov-assassination/quiz")
    assert r.status_code == 303 and r.headers["location"].startswith("/learner")


def test_forget_me_clears_the_cookie(learner: TestClient) -> None:
    r = learner.post("/learner/forget")
    assert r.status_code == 303
    assert "Set your name" in learner.get("/").text


@pytest.mark.parametrize("name, message", [("", "Please give a display name"), ("   ", "Please give a display name"),
                                            ("x" * 41, "too long"), ("bad\x07name", "cannot be shown")])
def test_bad_names_are_refused_with_a_reason(client: TestClient, name: str, message: str) -> None:
    r = client.post("/learner", data={"name": name})
    assert r.status_code == 422
    assert message in r.text and 'aria-invalid="true"' in r.text
    assert "quizgen_learner" not in r.headers.get("set-cookie", "")


def test_learner_form_only_sends_back_to_this_site(client: TestClient) -> None:
    for evil in ("https://evil.example/", "//evil.example/x", "/\\evil"):
        r = client.post("/learner", data={"name": "Ada", "next": evil})
        assert r.headers["location"] == "/"
    assert 'value="https://evil.example"' not in client.get("/learner?next=https://evil.example").text


def test_htmx_error_is_a_fragment(client: TestClient) -> None:
    r = client.get("/articles/999", headers={"HX-Request": "true"})
    assert r.status_code == 404 and "<html" not in r.text and 'role="alert"' in r.text


def test_pages_use_only_local_scripts_and_styles(client: TestClient) -> None:
    for path in ("/", "/articles/1", "/downloads", "/learner", "/api/docs"):
        page = client.get(path).text
        for src in re.findall(r'(?:src|href)="([^"]+)"', page):
            assert not re.match(r"(https?:)?//", src), (path, src)


def test_static_files_and_vendored_htmx(client: TestClient) -> None:
    page = client.get("/").text
    assert "<!-- htmx 2.0.4," in page
    assert "htmx.min.js                         htmx.org (dist/)        2.0.4" in (STATIC / "VERSIONS").read_text()
    js = client.get("/static/htmx.min.js")
    assert js.status_code == 200 and js.text.startswith("var htmx=")
    assert client.get("/static/style.css").status_code == 200
