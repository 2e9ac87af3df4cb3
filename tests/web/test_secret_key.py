"""The key that signs cookies is never a built-in one: unset, it is generated once, kept in an owner-only file
beside the database and reused; a weak key is refused when `quizgen serve` listens beyond this machine."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fastapi import FastAPI
from itsdangerous import TimestampSigner
from live_server import free_port
from webtests import Db, PageClient, sign_up, sqlite_only

from quizgen.settings import PROJECT_ROOT, Settings
from web import crud
from web.app import create_app
from web.secret_key import KEY_FILE, SecretKeyError, check_for_host, key_file, load_or_create
from web.security import SESSION_COOKIE

OLD_DEFAULT = "change-me-in-production"


def default_settings(db: Db, tmp_path: Path) -> Settings:
    """What `quizgen serve` reads when nothing but the database is configured."""
    empty = tmp_path / "no-decks"
    empty.mkdir(exist_ok=True)
    return Settings(database_url=db.url, decks_dir=empty, data_dir=tmp_path / "data", password_time_cost=1,
                    password_memory_kib=1024)


def session_cookie(key: str, data: dict[str, object]) -> str:
    """A session cookie as Starlette's SessionMiddleware writes it, signed with `key`."""
    return TimestampSigner(key).sign(base64.b64encode(json.dumps(data).encode())).decode()


def logged_in_as(app: FastAPI, cookie: str) -> bool:
    with PageClient(app, follow_redirects=False) as client:
        client.cookies.set(SESSION_COOKIE, cookie)
        return "My question sets" in client.get("/teach").text


def test_a_cookie_signed_with_the_old_default_key_is_not_accepted(db: Db, tmp_path: Path) -> None:
    with db.session() as session:
        teacher = crud.create_teacher(session=session, email="t@school.org", name="T", password_hash="x")
        assert teacher is not None
        teacher_id = teacher.id
    app = create_app(default_settings(db, tmp_path))
    try:
        assert app.state.settings.secret_key != OLD_DEFAULT
        assert not logged_in_as(app, session_cookie(OLD_DEFAULT, {"teacher": teacher_id, "generation": 0}))
        # the same cookie signed with the app's own key is accepted: the forgery above was well made
        assert logged_in_as(app, session_cookie(app.state.settings.secret_key, {"teacher": teacher_id,
                                                                   "generation": 0}))
    finally:
        app.state.engine.dispose()


def test_the_generated_key_is_kept_in_an_owner_only_file_and_reused(db: Db, tmp_path: Path) -> None:
    settings = default_settings(db, tmp_path)
    # beside a SQLite database file; in the data directory for PostgreSQL
    expected = tmp_path / "quizgen.db.secret" if db.kind == "sqlite" else tmp_path / "data" / KEY_FILE
    first = create_app(settings)
    try:
        assert key_file(settings) == expected and expected.is_file()
        assert stat.S_IMODE(expected.stat().st_mode) == 0o600
        key = expected.read_text().strip()
        assert len(key) >= 32 and first.state.settings.secret_key == key
        with PageClient(first, follow_redirects=False) as client:
            sign_up(client)
            cookie = client.cookies[SESSION_COOKIE]
    finally:
        first.state.engine.dispose()
    second = create_app(settings)  # a restart, or another worker
    try:
        assert second.state.settings.secret_key == key
        assert logged_in_as(second, cookie)  # the log-in survives the restart
    finally:
        second.state.engine.dispose()


def test_workers_starting_at_once_agree_on_one_key(tmp_path: Path) -> None:
    def worker(path: Path, start: threading.Barrier, keys: list[str]) -> None:
        start.wait()
        keys.append(load_or_create(path))

    for round_ in range(5):
        path = tmp_path / f"round-{round_}" / "quizgen.db.secret"
        start = threading.Barrier(8)
        keys: list[str] = []
        threads = [threading.Thread(target=worker, args=(path, start, keys)) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(keys) == 8 and len(set(keys)) == 1
        assert [p.name for p in path.parent.iterdir()] == [path.name]  # no half-written files left behind


@sqlite_only
def test_a_configured_key_is_used_as_given_and_the_old_default_is_refused(db: Db, tmp_path: Path) -> None:
    settings = default_settings(db, tmp_path).model_copy(update={"secret_key": "k" * 40})
    app = create_app(settings)
    app.state.engine.dispose()
    assert app.state.settings.secret_key == "k" * 40 and not key_file(settings).exists()
    with pytest.raises(SecretKeyError, match="old built-in default"):
        create_app(settings.model_copy(update={"secret_key": OLD_DEFAULT}))


def test_a_weak_key_is_refused_only_beyond_this_machine() -> None:
    for host in ("127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"):
        check_for_host("short", host)
    for host in ("0.0.0.0", "::", "192.168.1.10", "quiz.school.org"):
        with pytest.raises(SecretKeyError, match="shorter than 32 characters"):
            check_for_host("short", host)
    with pytest.raises(SecretKeyError, match="old built-in default"):
        check_for_host(OLD_DEFAULT, "0.0.0.0")
    check_for_host("x" * 32, "0.0.0.0")


@pytest.mark.parametrize("key, reason", [("tooshort", "shorter than 32 characters, too weak to serve on 0.0.0.0"),
                                         (OLD_DEFAULT, "old built-in default")])
def test_serve_on_a_public_address_with_a_weak_key_exits_with_one_line(tmp_path: Path, key: str, reason: str) -> None:
    (tmp_path / "no-decks").mkdir()
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "QUIZGEN_SECRET_KEY": key,
           "QUIZGEN_DATABASE_URL": f"sqlite:///{tmp_path / 'quizgen.db'}", "QUIZGEN_DECKS_DIR": str(tmp_path / "no-decks")}
    try:
        run = subprocess.run([sys.executable, "-m", "quizgen.cli", "serve", "--host", "0.0.0.0", "--port", str(free_port())],
                             env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("quizgen serve started with a weak key on 0.0.0.0")
    assert run.returncode == 2
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: QUIZGEN_SECRET_KEY") and reason in lines[0], run.stderr
    assert "Traceback" not in run.stderr
