"""Who is learning: a display name given once, kept as a signed learner id in a cookie."""

from __future__ import annotations

import unicodedata
from typing import Annotated, NoReturn
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.responses import Response
from itsdangerous import BadSignature, URLSafeSerializer
from sqlmodel import Session

from web import crud
from web.db import get_session, release
from web.models import Learner

COOKIE = "quizgen_learner"
MAX_NAME = 40
YEAR = 365 * 24 * 3600


class LearnerRequired(Exception):
    """Raised by pages that need a learner; answered with the name form (then back to `next_path`)."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def _serializer(request: Request) -> URLSafeSerializer:
    return URLSafeSerializer(request.app.state.settings.secret_key, salt="quizgen-learner")


def cookie_learner_id(request: Request) -> int | None:
    """The learner id the signed cookie holds (a forged cookie holds none); the row is not read."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        learner_id = _serializer(request).loads(raw)
    except BadSignature:
        return None
    return learner_id if isinstance(learner_id, int) else None


def load_learner(request: Request, session: Annotated[Session, Depends(get_session)]) -> Learner | None:
    """The learner of the signed cookie, if any (a stale cookie, whose learner is gone, counts as none)."""
    learner_id = cookie_learner_id(request)
    learner = None
    if learner_id is not None:
        learner = crud.get_learner(session=session, learner_id=learner_id)
        release(session)
    request.state.learner = learner
    return learner


def _required(request: Request) -> NoReturn:
    if request.method == "GET":
        raise LearnerRequired(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    # after the name form, go back to the page the form was posted from
    referer = urlsplit(request.headers.get("referer", ""))
    same_site = referer.netloc == request.url.netloc
    raise LearnerRequired(referer.path if same_site and referer.path else "/")


def require_learner(request: Request, learner: Annotated[Learner | None, Depends(load_learner)]) -> Learner:
    if learner is None:
        _required(request)
    return learner


async def require_learner_id(request: Request) -> int:
    """The cookie's learner id, for routes that only compare it with the owner of a row: no query, no thread."""
    learner_id = cookie_learner_id(request)
    if learner_id is None:
        _required(request)
    return learner_id


def remember(request: Request, response: Response, learner: Learner) -> None:
    response.set_cookie(COOKIE, _serializer(request).dumps(learner.id), max_age=YEAR, httponly=True,
                        samesite="lax", secure=request.url.scheme == "https")


def forget(response: Response) -> None:
    response.delete_cookie(COOKIE)


def clean_name(raw: str) -> str:
    """A display name: trimmed, 1 to 40 printable characters; ValueError says what is wrong."""
    name = " ".join(raw.split())
    if not name:
        raise ValueError("Please give a display name.")
    if len(name) > MAX_NAME:
        raise ValueError(f"That name is too long: at most {MAX_NAME} characters.")
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ValueError("That name has characters that cannot be shown.")
    return name


def name_key(name: str) -> str:
    """What makes two typed names one student where a name keys a limit: "Dana", "Dana." and " DANA " are one.
    Compatibility forms (full-width letters, ligatures) are unified, case folded, and everything but letters and
    digits dropped; a name of punctuation only keeps its folded self."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(c for c in folded if c.isalnum()) or " ".join(folded.split())


def safe_next(path: str | None, default: str) -> str:
    """Only a path on this site, so the name form cannot send anyone elsewhere."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return default
