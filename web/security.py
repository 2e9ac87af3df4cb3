"""Sessions and CSRF protection for the pages.

The session is Starlette's SessionMiddleware: a cookie signed with itsdangerous' TimestampSigner (secret from
settings) that stops being accepted `session_max_age` seconds after it was last written. It holds a random CSRF
token, and a teacher's id once they log in. Every state-changing page request must send the token back: plain
forms in the hidden field `csrf_token`, htmx in the `X-CSRF-Token` header (base.html sets it on <body>).

The JSON API under /api is not covered: it only reads JSON bodies, which a page on another site cannot send
without a CORS preflight that this app never grants, and its cookies are SameSite=Lax.
"""

from __future__ import annotations

import hmac
import secrets
import time

from fastapi import Request
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SESSION_COOKIE = "quizgen_session"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
TOUCH_EVERY = 300  # seconds; rewriting the cookie this often makes its lifetime count from the last visit


class CsrfFailed(Exception):
    """A state-changing request without this session's token (another site's form, or an expired page)."""


def csrf_token(request: Request) -> str:
    """This session's token, made on first use; each page view also keeps the session alive."""
    session = request.session
    token = session.get("csrf")
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    now = int(time.time())
    if now - int(session.get("seen", 0) or 0) > TOUCH_EVERY:
        session["seen"] = now
    return token


def new_session(request: Request) -> None:
    """Start over with a fresh token (on log-in and log-out), so a token seen before does not carry over."""
    request.session.clear()
    request.session["csrf"] = secrets.token_urlsafe(32)
    request.session["seen"] = int(time.time())


async def csrf_protect(request: Request) -> None:
    """Router dependency: refuse an unsafe request whose token is missing or wrong."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(FORM_TYPES):
        value = (await request.form()).get(CSRF_FIELD)  # parsed once: FastAPI reuses the parsed form
        sent = value if isinstance(value, str) else None
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfFailed()


@pass_context
def csrf_input(context: Context) -> Markup:
    """The hidden form field that carries the token (for templates)."""
    token = csrf_token(context["request"])
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(token)}">')


@pass_context
def csrf_value(context: Context) -> str:
    return csrf_token(context["request"])
