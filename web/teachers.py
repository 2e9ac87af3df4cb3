"""Teacher accounts: argon2 password hashes, the session that says who is logged in, the failed log-in limit."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, Request
from sqlmodel import Session

from quizgen.settings import Settings
from web import crud
from web.db import get_session, release
from web.models import Teacher, utcnow
from web.security import new_session

SESSION_KEY = "teacher"
NAME_KEY = "teacher_name"  # the header shows it on every page
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 hashes any length; a cap keeps a huge body from costing much
MAX_EMAIL = 254
MAX_NAME = 60
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class TeacherRequired(Exception):
    """A teacher page asked for without a teacher logged in; GETs go to the log-in form, then back."""

    def __init__(self, next_path: str | None) -> None:
        self.next_path = next_path


def hasher(request: Request) -> PasswordHasher:
    return request.app.state.hasher


def load_teacher(request: Request, session: Annotated[Session, Depends(get_session)]) -> Teacher | None:
    teacher_id = request.session.get(SESSION_KEY)
    teacher = None
    if isinstance(teacher_id, int):
        teacher = crud.get_teacher(session=session, teacher_id=teacher_id)
        release(session)
    if teacher is not None and request.session.get(NAME_KEY) != teacher.name:
        request.session[NAME_KEY] = teacher.name
    request.state.teacher = teacher
    return teacher


def require_teacher(request: Request, teacher: Annotated[Teacher | None, Depends(load_teacher)]) -> Teacher:
    if teacher is None:
        wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise TeacherRequired(wanted if request.method == "GET" else None)
    return teacher


def log_in(request: Request, teacher: Teacher) -> None:
    new_session(request)
    request.session[SESSION_KEY] = teacher.id
    request.session[NAME_KEY] = teacher.name  # for the header of every page, without a look-up


def log_out(request: Request) -> None:
    new_session(request)


# --- checking what is typed ------------------------------------------------------------------


def clean_email(raw: str) -> str:
    return raw.strip().lower()


def signup_problems(email: str, name: str, password: str) -> dict[str, str]:
    """Field name -> what is wrong with it."""
    problems = {}
    if not EMAIL.match(email) or len(email) > MAX_EMAIL:
        problems["email"] = "Give an e-mail address such as name@school.org."
    clean = " ".join(name.split())
    if not clean:
        problems["name"] = "Give the name your students know you by."
    elif len(clean) > MAX_NAME:
        problems["name"] = f"That name is too long: at most {MAX_NAME} characters."
    elif any(unicodedata.category(c).startswith("C") for c in clean):
        problems["name"] = "That name has characters that cannot be shown."
    if len(password) < MIN_PASSWORD:
        problems["password"] = f"Choose a password of at least {MIN_PASSWORD} characters."
    elif len(password) > MAX_PASSWORD:
        problems["password"] = f"That password is too long: at most {MAX_PASSWORD} characters."
    return problems


def verify(request: Request, teacher: Teacher | None, password: str) -> bool:
    """Whether the password is the teacher's; an unknown account costs as long as a known one."""
    ph = hasher(request)
    if teacher is None:
        state = request.app.state
        if getattr(state, "dummy_hash", None) is None:
            state.dummy_hash = ph.hash("not anyone's password")
        stored = state.dummy_hash
    else:
        stored = teacher.password_hash
    try:
        ph.verify(stored, password[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return False
    return teacher is not None


# --- the failed log-in limit -------------------------------------------------------------------


@dataclass(frozen=True)
class Lockout:
    retry_after: int  # seconds


def client_ip(request: Request) -> str:
    return (request.client.host if request.client else "unknown")[:64]


def lockout(session: Session, settings: Settings, account: str, ip: str) -> Lockout | None:
    """Too many recent failures for this account or from this address: how long to wait."""
    now = utcnow()
    since = now - timedelta(seconds=settings.login_window_seconds)
    counts = crud.count_login_failures(session=session, account=account, ip=ip, since=since)
    over = []
    if counts.by_account >= settings.login_max_failures and counts.account_oldest:
        over.append(counts.account_oldest)
    if counts.by_ip >= settings.login_max_failures_per_ip and counts.ip_oldest:
        over.append(counts.ip_oldest)
    if not over:
        return None
    # the window slides: the block lifts when the oldest counted failure leaves it
    lifts = min(over) + timedelta(seconds=settings.login_window_seconds)
    return Lockout(max(1, int((lifts - now).total_seconds()) + 1))


def note_failure(session: Session, settings: Settings, account: str, ip: str) -> None:
    crud.record_login_failure(session=session, account=account, ip=ip,
                              forget_before=utcnow() - timedelta(seconds=settings.login_window_seconds))


def minutes(seconds: int) -> str:
    n = max(1, round(seconds / 60))
    return f"{n} minute{'s' if n != 1 else ''}"

