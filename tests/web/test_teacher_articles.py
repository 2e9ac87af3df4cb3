"""Sets from a new article: pasted, uploaded or fetched from a URL, its questions generated in the background
with progress in the page, the fetch included. The URL form refuses private addresses before connecting; fetches
read from local test servers, with loopback allowed by a setting for those tests only."""

from __future__ import annotations

import re
import time

from fastapi import FastAPI
from fastapi.testclient import TestClient
from live_server import live
from webtests import (
    ARTICLE,
    Db,
    LivePageClient,
    PageClient,
    SlowServer,
    refusing_transport,
    set_questions,
    sign_up,
    sqlite_only,
    wait_until_built,
)

# --- through the pages ------------------------------------------------------------------------------


@sqlite_only
def test_the_url_form_refuses_private_addresses_without_connecting(app: FastAPI, client: TestClient, db: Db) -> None:
    app.state.fetch_transport = refusing_transport()
    sign_up(client)
    for url in ["http://127.0.0.1/", "http://localhost/", "http://10.0.0.1/", "http://192.168.1.1/",
                "http://169.254.169.254/", "http://[::1]/", "ftp://example.org/"]:
        r = client.post("/teach/sets/from-article", data={"how": "url", "url": url})
        assert r.status_code == 422, url
        assert re.search(r'id="url-error" class="form-error" role="alert">[^<]*(public web addresses|Only http)', r.text), url
    assert "My question sets" in client.get("/teach").text and "Generating" not in client.get("/teach").text


@sqlite_only
def test_a_set_from_an_article_at_a_url(app: FastAPI, client: TestClient, db: Db, article_server: str) -> None:
    app.state.settings = app.state.settings.model_copy(update={"allow_loopback_urls": True})
    sign_up(client)
    r = client.post("/teach/sets/from-article", data={"how": "url", "url": f"{article_server}/article.html"})
    assert r.status_code == 303, r.text
    set_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert wait_until_built(client, set_id) == "ready"
    assert len(set_questions(db, set_id)) > 3
    assert client.get(f"/teach/sets/{set_id}").text.count("Siege of Rhodes (1522)") >= 1  # named after the article
    # what the page turns out to be is known only once fetched: the build fails and says why, with a retry
    r = client.post("/teach/sets/from-article", data={"how": "url", "url": f"{article_server}/picture.png"})
    assert r.status_code == 303
    set_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert wait_until_built(client, set_id) == "failed"
    page = client.get(f"/teach/sets/{set_id}/progress", headers={"HX-Request": "true"}).text
    assert re.search(r'role="alert">That address gives image/png, not a web page or text\.<', page)
    assert "Try again" in page
    assert client.post(f"/teach/sets/{set_id}/retry").status_code == 303  # fetches again, and fails the same way
    assert wait_until_built(client, set_id) == "failed"
    assert "not a web page or text" in client.get(f"/teach/sets/{set_id}/progress", headers={"HX-Request": "true"}).text


@sqlite_only
def test_a_slow_server_is_fetched_in_the_background_and_cut_off_at_the_deadline(
        app: FastAPI, db: Db, slow_server: SlowServer) -> None:
    app.state.settings = app.state.settings.model_copy(update={"allow_loopback_urls": True, "fetch_timeout": 3})
    with live(app) as base, LivePageClient(base) as teacher, LivePageClient(base) as student:
        sign_up(teacher)  # type: ignore[arg-type]
        start = time.monotonic()
        r = teacher.post("/teach/sets/from-article", data={"how": "url", "url": f"{slow_server.url}/trickle"})
        # the request does not wait for the fetch, which the other server holds for the whole deadline (3 s)
        assert r.status_code == 303 and time.monotonic() - start < 2.5
        set_id = int(r.headers["location"].rsplit("/", 1)[1])
        while not slow_server.connections and time.monotonic() - start < 2:
            time.sleep(0.02)
        # while the other server trickles its headers, pages are served, the teacher's progress page too
        served = 0
        while time.monotonic() - start < 2.5:
            assert slow_server.connections and slow_server.connections[0].closed is None
            asked = time.monotonic()
            assert student.get("/").status_code == 200
            progress = teacher.get(f"/teach/sets/{set_id}/progress", headers={"HX-Request": "true"})
            assert progress.status_code == 200 and teacher.get("/teach").status_code == 200
            assert time.monotonic() - asked < 2  # well inside the deadline the fetch is held for
            served += 1
            time.sleep(0.1)
        assert served >= 2 and "Fetching the article from 127.0.0.1" in progress.text
        assert wait_until_built(teacher, set_id, timeout=10) == "failed"  # type: ignore[arg-type]
        assert time.monotonic() - start < 9
        page = teacher.get(f"/teach/sets/{set_id}/progress", headers={"HX-Request": "true"}).text
        assert "127.0.0.1 did not send the page within 3 seconds" in page and "Try again" in page
    [connection] = slow_server.connections
    assert 3 <= slow_server.wait_closed(connection, timeout=2) - start < 8  # the deadline closed the connection


def test_a_set_from_pasted_text_shows_progress_then_the_editor(client: TestClient, db: Db) -> None:
    sign_up(client)
    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": ARTICLE})
    assert r.status_code == 303
    set_id = int(r.headers["location"].rsplit("/", 1)[1])
    page = client.get(f"/teach/sets/{set_id}")
    if "Generating questions" in page.text:  # the first moments: the progress page, which also works without script
        assert 'hx-trigger="every 1s"' in page.text and '<meta http-equiv="refresh" content="2">' in page.text
        assert "<progress" in page.text
    assert wait_until_built(client, set_id) == "ready"
    editor = client.get(f"/teach/sets/{set_id}")
    assert "Siege of Rhodes (1522)" in editor.text and " approved" in editor.text
    questions = set_questions(db, set_id)
    # the quality model's picks start approved, its other candidates are suggestions, each with a reason
    assert questions and all(q.origin == "generated" and not q.reviewed for q in questions)
    assert {q.status for q in questions} == {"approved", "suggested"}
    assert all(q.reason for q in questions if q.status == "suggested")
    assert {q.source_section for q in questions} <= {"Introduction", "Aftermath"}
    # the progress fragment of a finished set sends the browser on; a plain reload goes straight there
    assert client.get(f"/teach/sets/{set_id}/progress").status_code == 303


@sqlite_only
def test_new_wrong_answers_come_from_the_article(client: TestClient, db: Db) -> None:
    sign_up(client)
    set_id = int(client.post("/teach/sets/from-article", data={"how": "paste", "text": ARTICLE})
                 .headers["location"].rsplit("/", 1)[1])
    assert wait_until_built(client, set_id) == "ready"
    mc = next(q for q in set_questions(db, set_id) if q.format == "multiple_choice" and q.topic == "date")
    seen = set(mc.choices)
    for _ in range(2):
        r = client.post(f"/teach/sets/{set_id}/questions/{mc.id}/wrong-answers", headers={"HX-Request": "true"})
        assert r.status_code == 200, r.text
        now = next(q for q in set_questions(db, set_id) if q.id == mc.id)
        assert now.answer == mc.answer and mc.answer in now.choices and len(set(now.choices)) == 4
        assert all(re.search(r"1[45]\d\d", c) for c in now.choices)  # dates near the article's own
        seen |= set(now.choices)
    assert len(seen) > 4  # something new came up


@sqlite_only
def test_uploads_are_read_by_their_extension(client: TestClient, db: Db) -> None:
    sign_up(client)
    md = "# Siege of Rhodes (1522)\n\n" + "\n\n".join(ARTICLE.split("\n\n")[1:3]) + "\n"
    r = client.post("/teach/sets/from-article", data={"how": "upload"},
                    files={"file": ("rhodes.md", md.encode(), "text/markdown")})
    assert r.status_code == 303, r.text
    set_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert wait_until_built(client, set_id) == "ready"
    for name, content, message in [("rhodes.pdf", b"%PDF-1.4", "upload a .txt, .md, .html or .wiki file"),
                                   ("rhodes.txt", b"", "the file is empty"),
                                   ("rhodes.txt", b"\x00\x01binary", "looks like a binary file"),
                                   ("rhodes.txt", "caf\xe9".encode("latin-1"), "not UTF-8"),
                                   ("big.txt", b"x" * (5 * 1024 * 1024 + 1), "too large")]:
        r = client.post("/teach/sets/from-article", data={"how": "upload"},
                        files={"file": (name, content, "application/octet-stream")})
        assert r.status_code == 422, name
        assert re.search(rf'id="upload-error"[^>]*>[^<]*{re.escape(message)}', r.text), (name, r.text[-3000:])
    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": "   "})
    assert r.status_code == 422 and "Paste the article" in r.text
    assert client.post("/teach/sets/from-article", data={"how": "fax"}).status_code == 422


@sqlite_only
def test_an_imported_deck_toml_with_a_changed_article_is_generated_then_customised(
        app: FastAPI, client: TestClient, db: Db) -> None:
    sign_up(client)
    set_id = int(client.post("/teach/sets/from-article", data={"how": "paste", "text": ARTICLE})
                 .headers["location"].rsplit("/", 1)[1])
    assert wait_until_built(client, set_id) == "ready"
    questions = set_questions(db, set_id)
    client.post(f"/teach/sets/{set_id}/questions/status", data={"action": "approve", "ids": [str(q.id) for q in questions[:3]]})
    client.post(f"/teach/sets/{set_id}/questions/{questions[3].id}/status", data={"action": "reject"})
    exported = client.get(f"/teach/sets/{set_id}/deck.toml").text
    assert "Suleiman" in exported  # the article travels with the set

    other = sign_up(PageClient(app, follow_redirects=False), email="other@school.org")
    r = other.post("/teach/sets/import", files={"file": ("deck.toml", exported.encode(), "application/toml")})
    assert r.status_code == 303
    new_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert wait_until_built(other, new_id) == "ready"  # not a bundled article: generated again
    theirs = set_questions(db, new_id)
    assert [(q.uid, q.status, q.prompt) for q in theirs] == [(q.uid, q.status, q.prompt) for q in set_questions(db, set_id)]
