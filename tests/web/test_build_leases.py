"""A set's build holds it by a lease its heartbeat renews (web.leases): a server killed mid-build leaves a set
that is marked failed once the lease runs out, and can be retried at once; a build is never run twice at once;
one teacher runs a few at most; a deck.toml that cannot be saved is refused, not left "Waiting to start"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import tomli_w
from fastapi import FastAPI
from fastapi.testclient import TestClient
from live_server import free_port
from sqlalchemy import update
from sqlmodel import select
from webtests import ARTICLE, Db, LivePageClient, PageClient, set_from_deck, set_questions, sign_up, wait_until_built

from web import crud, leases
from web.models import ClassSet, SetArticle, SetQuestion, Teacher, utcnow

ROOT = Path(__file__).resolve().parents[2]
LEASE = 3  # seconds: the servers below hold a build's lease this long, so a dead one is noticed quickly
# long enough that reading it takes a few seconds: the server is killed while it does
_PARAGRAPHS = ARTICLE.split("\n\n")[1:3]
LONG_ARTICLE = ARTICLE + "\n\n" + "\n\n".join(f"Events {i}\n\n" + "\n\n".join(_PARAGRAPHS) for i in range(100))


@contextmanager
def server(db: Db, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The app served by uvicorn in a process of its own, on the test's database, with a short lease."""
    port, decks = free_port(), tmp_path / "no-decks"
    decks.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZGEN_DATABASE_URL": db.url, "QUIZGEN_DECKS_DIR": str(decks),
           "QUIZGEN_SECRET_KEY": "test-secret-" + "k" * 32, "QUIZGEN_PASSWORD_TIME_COST": "1",
           "QUIZGEN_PASSWORD_MEMORY_KIB": "1024", "QUIZGEN_BUILD_LEASE_SECONDS": str(LEASE)}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "web.app:create_app", "--factory", "--host", "127.0.0.1",
                             "--port", str(port), "--log-level", "warning"], env=env, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        with LivePageClient(base) as probe:
            while True:
                assert proc.poll() is None, "the server did not start"
                try:
                    if probe.get("/join").status_code == 200:
                        break
                except Exception:
                    assert time.monotonic() < deadline, "the server did not start in time"
                    time.sleep(0.2)
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=20)


def progress(client: LivePageClient, set_id: int) -> str:
    r = client.get(f"/teach/sets/{set_id}/progress", headers={"HX-Request": "true"})
    assert r.status_code in (200, 204), r.text
    return r.text


def test_a_build_killed_with_its_server_is_marked_failed_within_the_lease_and_retried(db: Db, tmp_path: Path) -> None:
    with server(db, tmp_path / "a") as (base_a, proc_a), server(db, tmp_path / "b") as (base_b, _):
        teacher = LivePageClient(base_a)
        sign_up(teacher)  # type: ignore[arg-type]
        r = teacher.post("/teach/sets/from-article", data={"how": "paste", "text": LONG_ARTICLE})
        assert r.status_code == 303, r.text
        set_id = int(r.headers["location"].rsplit("/", 1)[1])
        deadline = time.monotonic() + 90
        while "Finding dates" not in progress(teacher, set_id):
            assert time.monotonic() < deadline, "the build never got to reading the article"
            time.sleep(0.05)
        os.kill(proc_a.pid, signal.SIGKILL)
        proc_a.wait(timeout=10)
        killed = time.monotonic()

        # the same teacher on the other server (the same key signs the session): the set leaves its step
        other = LivePageClient(base_b)
        other.cookies = teacher.cookies
        while "Finding dates" in (page := progress(other, set_id)):
            assert time.monotonic() - killed < LEASE + 3, "the dead build's set still says it is reading"
            time.sleep(0.2)
        assert "Try again" in page and leases.STOPPED in page.replace("&#39;", "'")
        with db.session() as session:
            assert crud.get_class_set(session=session, set_id=set_id).status == "failed"  # type: ignore[union-attr]

        assert other.post(f"/teach/sets/{set_id}/retry").status_code == 303  # at once, no waiting
        assert wait_until_built(other, set_id, timeout=180) == "ready"  # type: ignore[arg-type]
        assert len(set_questions(db, set_id)) > 10


def _failed_set(db: Db, teacher_email: str = "teacher@school.org") -> int:
    with db.session() as session:
        teacher = session.exec(select(Teacher).where(Teacher.email == teacher_email)).one()
        class_set = ClassSet(teacher_id=teacher.id, title="Rhodes", slug="rhodes", status="failed", error="boom")  # type: ignore[arg-type]
        article = SetArticle(title="Rhodes", body={"title": "Rhodes", "sections": []})
        return crud.create_class_set(session=session, class_set=class_set, articles=[article]).id  # type: ignore[return-value]


def test_of_many_claims_at_once_exactly_one_takes_the_build(client: TestClient, db: Db) -> None:
    sign_up(client)
    for _ in range(3):
        set_id = _failed_set(db)
        barrier, owners = threading.Barrier(8), []

        def claim(set_id: int, barrier: threading.Barrier, owners: list[str | None]) -> None:
            barrier.wait()
            owners.append(leases.claim(db.engine, set_id, timedelta(seconds=30)))

        threads = [threading.Thread(target=claim, args=(set_id, barrier, owners)) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len([o for o in owners if o is not None]) == 1, owners


def test_a_build_that_lost_its_lease_writes_nothing(client: TestClient, db: Db) -> None:
    """A build that only looked dead (its lease ran out) and was retried: the first build's progress and questions
    are refused, the retry's are kept, and the set ends ready, with one copy of its questions."""
    sign_up(client)
    set_id, lease = _failed_set(db), timedelta(seconds=30)
    first = leases.claim(db.engine, set_id, lease)
    assert first is not None and leases.claim(db.engine, set_id, lease) is None  # live: not taken twice
    with db.session() as session:
        session.exec(update(ClassSet).where(ClassSet.id == set_id).values(lease_until=utcnow() - timedelta(seconds=1)))  # type: ignore[call-overload, arg-type]
        session.commit()
    second = leases.claim(db.engine, set_id, lease)
    assert second is not None and second != first
    assert not leases.renew(db.engine, set_id, first, lease)

    article_id = set_articles(db, set_id)[0]

    def questions(tag: str) -> list[SetQuestion]:
        return [SetQuestion(set_id=set_id, set_article_id=article_id, uid=f"{tag}-{i}", position=i, format="short_answer",  # type: ignore[arg-type]
                            topic="date", prompt="When?", answer="1522", choices=[], explanation="", source_sentence="",
                            source_section="", difficulty=2, tags=[]) for i in range(3)]

    with db.session() as session:
        assert not crud.set_progress(session=session, set_id=set_id, owner=first, step="x", done=1, total=2)
        assert not crud.finish_build(session=session, set_id=set_id, owner=first, questions=questions("q"), notice="")
        crud.fail_build(session=session, set_id=set_id, owner=first, error="the first build failed late")
        assert crud.set_progress(session=session, set_id=set_id, owner=second, step="y", done=1, total=2)
        assert crud.finish_build(session=session, set_id=set_id, owner=second, questions=questions("q"), notice="")
        crud.fail_build(session=session, set_id=set_id, owner=first, error="the first build failed late")
    with db.session() as session:
        done = crud.get_class_set(session=session, set_id=set_id)
        assert done is not None and (done.status, done.error, done.lease_owner) == ("ready", "", "")
    assert sorted(q.uid for q in set_questions(db, set_id)) == ["q-0", "q-1", "q-2"]


def set_articles(db: Db, set_id: int) -> list[int]:
    with db.session() as session:
        return [a.id for a in crud.list_set_articles(session=session, set_id=set_id)]  # type: ignore[misc]


def _hold(db: Db, set_id: int, *, seconds: float) -> None:
    """Give the set a build whose lease ends in `seconds` (past when negative), as a running server would."""
    with db.session() as session:
        session.exec(update(ClassSet).where(ClassSet.id == set_id).values(  # type: ignore[call-overload, arg-type]
            status="building", lease_owner="another-process", lease_until=utcnow() + timedelta(seconds=seconds),
            progress_step="Finding dates, people, places and causes in “Rhodes”"))
        session.commit()


def test_retry_and_delete_wait_for_a_live_build_but_not_for_a_dead_one(client: TestClient, db: Db) -> None:
    sign_up(client)
    set_id = _failed_set(db)
    _hold(db, set_id, seconds=60)
    r = client.post(f"/teach/sets/{set_id}/retry")
    assert r.status_code == 409 and "still being generated" in r.text
    assert client.post(f"/teach/sets/{set_id}/delete").status_code == 409
    assert "Finding dates" in client.get(f"/teach/sets/{set_id}/progress").text

    _hold(db, set_id, seconds=-1)  # its process died a moment ago
    page = client.get(f"/teach/sets/{set_id}/progress").text
    assert "Try again" in page and "Finding dates" not in page
    with db.session() as session:
        assert crud.get_class_set(session=session, set_id=set_id).status == "failed"  # type: ignore[union-attr]
    _hold(db, set_id, seconds=-1)
    assert client.post(f"/teach/sets/{set_id}/delete").status_code == 303
    with db.session() as session:
        assert crud.get_class_set(session=session, set_id=set_id) is None


def test_the_sweeper_marks_dead_builds_failed_without_a_page_load(app: FastAPI, db: Db) -> None:
    with PageClient(app, follow_redirects=False) as client:
        sign_up(client)
        dead, live = _failed_set(db), _failed_set(db)
        _hold(db, dead, seconds=-1)
        _hold(db, live, seconds=60)
        assert leases.sweep(db.engine, timedelta(seconds=30)) == 1
    with db.session() as session:
        assert crud.get_class_set(session=session, set_id=dead).status == "failed"  # type: ignore[union-attr]
        assert crud.get_class_set(session=session, set_id=live).status == "building"  # type: ignore[union-attr]
    # at start-up too
    _hold(db, dead, seconds=-1)
    with PageClient(app, follow_redirects=False):
        deadline = time.monotonic() + 5
        while True:
            with db.session() as session:
                if crud.get_class_set(session=session, set_id=dead).status == "failed":  # type: ignore[union-attr]
                    break
            assert time.monotonic() < deadline, "the sweeper did not run at start-up"
            time.sleep(0.05)


def test_one_teacher_runs_at_most_three_builds(client: TestClient, db: Db) -> None:
    sign_up(client)
    running = [_failed_set(db) for _ in range(3)]
    for set_id in running:
        _hold(db, set_id, seconds=60)
    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": ARTICLE})
    assert r.status_code == 429 and "already have 3 question sets being generated" in r.text
    assert "Siege of Rhodes began" in r.text  # the pasted text is kept in the form
    other = _failed_set(db)
    assert client.post(f"/teach/sets/{other}/retry").status_code == 429
    _hold(db, running[0], seconds=-1)  # one of them died: room again
    assert client.post(f"/teach/sets/{other}/retry").status_code == 303
    assert wait_until_built(client, other) == "failed"  # no article: fails, and says so


def test_a_deck_toml_whose_added_ids_share_64_characters_is_refused(app: FastAPI, client: TestClient, db: Db) -> None:
    teacher = sign_up(client)
    doc = tomllib.loads(teacher.get(f"/teach/sets/{set_from_deck(teacher)}/deck.toml").text)
    added = {"format": "short_answer", "topic": "date", "prompt": "When was Kirov shot?", "answer": "1934",
             "choices": [], "explanation": "", "section": "", "difficulty": 2, "article": 1}
    doc["added"] = [{**added, "id": "x" * 64 + "a"}, {**added, "id": "x" * 64 + "b"}]
    with db.session() as session:
        before = len(session.exec(select(ClassSet)).all())
    r = teacher.post("/teach/sets/import", files={"file": ("deck.toml", tomli_w.dumps(doc).encode(), "application/toml")})
    assert r.status_code == 422 and "an id is at most 64 characters" in r.text
    doc["added"] = [{**added, "id": "mine"}, {**added, "id": "mine"}]
    r = teacher.post("/teach/sets/import", files={"file": ("deck.toml", tomli_w.dumps(doc).encode(), "application/toml")})
    assert r.status_code == 422 and "two added questions have this id" in r.text
    with db.session() as session:
        assert len(session.exec(select(ClassSet)).all()) == before  # no set left "Waiting to start"
    doc["added"] = [{**added, "id": "x" * 64}]
    r = teacher.post("/teach/sets/import", files={"file": ("deck.toml", tomli_w.dumps(doc).encode(), "application/toml")})
    assert r.status_code == 303, r.text
