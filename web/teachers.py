"""Teacher accounts: argon2 password hashes checked for strength with zxcvbn, the session that says who is logged
in, the back-off after failed log-ins."""

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
from zxcvbn import zxcvbn

from quizgen.settings import Settings
from web import crud
from web.db import get_session, release
from web.models import Teacher, row_id, utcnow
from web.security import new_session

SESSION_KEY = "teacher"
GENERATION_KEY = "generation"
NAME_KEY = "teacher_name"  # the header shows it on every page
MIN_PASSWORD = 10
ZXCVBN_CHARS = 100
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
    """The teacher this session is logged in as, unless they logged out since it was signed."""
    teacher_id, generation = request.session.get(SESSION_KEY), request.session.get(GENERATION_KEY)
    teacher = None
    if isinstance(teacher_id, int):
        teacher = crud.get_teacher(session=session, teacher_id=teacher_id)
        release(session)
        if teacher is not None and generation != teacher.session_generation:
            teacher = None  # a cookie kept from before a log-out
    if teacher is None:
        request.session.pop(NAME_KEY, None)  # nobody to name, e.g. a cookie copied before a log-out
    elif request.session.get(NAME_KEY) != teacher.name:
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
    request.session[GENERATION_KEY] = teacher.session_generation
    request.session[NAME_KEY] = teacher.name  # for the header of every page, without a look-up


def log_out(request: Request, session: Session, teacher: Teacher | None) -> None:
    """End this session and every other one of the teacher's: a copy of the cookie is refused from now on."""
    if teacher is not None:
        crud.end_sessions(session=session, teacher_id=row_id(teacher))
    new_session(request)


# --- checking what is typed ------------------------------------------------------------------


def clean_email(raw: str) -> str:
    return raw.strip().lower()


def password_problem(password: str, *, email: str, name: str, min_score: int) -> str | None:
    """Why a password is too weak, or None: too short, or guessable by zxcvbn's measure (its dictionaries of
    common and breached passwords, names and words; keyboard runs, dates, repeats; the teacher's own details)."""
    if len(password) < MIN_PASSWORD:
        return f"Choose a password of at least {MIN_PASSWORD} characters."
    if len(password) > MAX_PASSWORD:
        return f"That password is too long: at most {MAX_PASSWORD} characters."
    # zxcvbn takes time with the length; the first 100 characters are enough to judge
    mine = [email, *email.split("@"), name, *name.split(), "".join(name.split())]
    verdict = zxcvbn(password[:ZXCVBN_CHARS], user_inputs=[m.lower() for m in mine if m])
    if verdict["score"] < min_score:
        hint = verdict["feedback"]["warning"] or "It is too easy to guess."
        return (f"{hint.rstrip('.')}. Choose a password that is harder to guess: several uncommon words, "
                "for example.")
    return None


def signup_problems(email: str, name: str, password: str, *, min_score: int = 3) -> dict[str, str]:
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
    weak = password_problem(password, email=email, name=clean, min_score=min_score)
    if weak:
        problems["password"] = weak
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


# --- backing off after failed log-ins ----------------------------------------------------------


@dataclass(frozen=True)
class Lockout:
    retry_after: int  # seconds


def client_ip(request: Request) -> str:
    """The client's address: the peer's, or a configured proxy's word for it (web/headers.py), never a header
    the client chose."""
    return (request.client.host if request.client else "unknown")[:64]


def lockout(session: Session, settings: Settings, account: str, ip: str) -> Lockout | None:
    """How long this address must wait before trying this account again, or None. Only the address that failed
    waits: an attacker cannot lock the owner out of their account from elsewhere."""
    now = utcnow()
    window = timedelta(seconds=settings.login_window_seconds)
    counts = crud.count_login_failures(session=session, account=account, ip=ip, since=now - window)
    lifts = []
    extra = counts.by_pair - settings.login_backoff_after
    if extra >= 0 and counts.pair_latest:
        delay = min(settings.login_backoff_max_seconds, settings.login_backoff_seconds * 2 ** min(extra, 30))
        lifts.append(counts.pair_latest + timedelta(seconds=delay))
    if counts.by_ip >= settings.login_max_failures_per_ip and counts.ip_oldest:
        lifts.append(counts.ip_oldest + window)  # the window slides: lifted when the oldest failure leaves it
    wait = (max(lifts) - now).total_seconds() if lifts else 0
    return Lockout(int(wait) + 1) if wait > 0 else None


def note_failure(session: Session, settings: Settings, account: str, ip: str) -> None:
    crud.record_login_failure(session=session, account=account, ip=ip,
                              forget_before=utcnow() - timedelta(seconds=settings.login_window_seconds))


def wait_text(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    n = round(seconds / 60)
    return f"{n} minutes"

