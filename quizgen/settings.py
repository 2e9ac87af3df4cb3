"""One settings object for the library, the CLI and the web app (environment prefix QUIZGEN_)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QUIZGEN_", env_file=".env", extra="ignore")

    spacy_model: str = "en_core_web_sm"
    # a quality model retrained with a school's own ratings (quizgen quality train --out); the shipped one if unset
    quality_model: Path | None = None
    max_article_bytes: int = 5 * 1024 * 1024
    decks_dir: Path = PROJECT_ROOT / "decks"
    database_url: str = "sqlite:///quizgen.db"
    # signs the session cookies; unset, a random key is made at the first start and kept in a file beside the
    # SQLite database (quizgen.db.secret), or in data_dir for another database (see web/secret_key.py)
    secret_key: str = ""
    data_dir: Path = Path(".")
    # a fixed timestamp makes exported files byte-identical across runs
    export_timestamp: float | None = 1_700_000_000.0
    # teachers: the signed session cookie lapses after this long without a request
    session_max_age: int = 8 * 3600
    # send the session cookie over HTTPS only, whatever the request's scheme (cookies set in answer to a request
    # that came over HTTPS are marked Secure anyway)
    session_https_only: bool = False
    # reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: comma-separated addresses or
    # networks (uvicorn's FORWARDED_ALLOW_IPS syntax, "*" for any); empty, no forwarded header is believed, so a
    # client cannot pick its own address for the log-in and /join limits
    forwarded_allow_ips: str = ""
    # argon2id cost of teacher passwords (argon2-cffi's defaults; tests lower them to run fast)
    password_time_cost: int = 3
    password_memory_kib: int = 64 * 1024
    # teacher passwords: at least 10 characters and at least this zxcvbn score (0-4; 3 is "safely unguessable"):
    # common and breached passwords, keyboard runs, dates, repeats and the teacher's own name or address score low
    password_min_score: int = 3
    # failed log-ins back off instead of locking the account: after login_backoff_after failures for an account
    # from one client address, each try from there waits twice as long as the one before (login_backoff_seconds
    # first, at most login_backoff_max_seconds); the account's owner at another address is not held up
    login_backoff_after: int = 3
    login_backoff_seconds: int = 2
    login_backoff_max_seconds: int = 15 * 60
    # and at most this many failures from one client address, for any accounts, within login_window_seconds
    # (failures older than the window are forgotten)
    login_max_failures_per_ip: int = 20
    login_window_seconds: int = 15 * 60
    # /join: wrong codes (naming no quiz) one client address may try per minute, per server process; a 429 page
    # after that. Right codes never count, so a class behind one school address is not held up
    join_misses_per_minute: int = 20
    # articles fetched from a URL: seconds for the whole fetch (the size limit is max_article_bytes)
    fetch_timeout: float = 15.0
    # let the URL fetcher reach 127.0.0.1/::1; for tests and local development only
    allow_loopback_urls: bool = False
    # a question set's build holds it for this many seconds at a time, renewed by its heartbeat every third of it;
    # a build whose process died is noticed once its lease runs out, and its set marked failed
    build_lease_seconds: float = 30.0
    # question sets one teacher may have generating at once
    max_builds_per_teacher: int = 3
    # threads per server process for routes that wait on the database; more only queue on one another
    # (one Python interpreter runs one thread at a time) and cost CPU in switching
    web_threads: int = 8


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
