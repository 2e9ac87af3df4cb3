"""Input hygiene at the edge: text that cannot be stored is refused with a 400 before any route runs.

A NUL byte cannot go into a PostgreSQL text or JSON column, and a lone surrogate (half of a UTF-16 pair, which a
JSON "\\ud800" escape can carry) cannot be written as UTF-8: either one fails deep inside a request, or is stored
and breaks every page that shows it. So the path, the query string, form fields (and uploaded files' names) and
JSON bodies are checked here, once for the whole app, and the body is then handed on unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.errors import error_page

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MAX_BODY = 32 * 1024 * 1024  # well above the largest article upload (settings.max_article_bytes) plus its form


def has_unstorable(text: str) -> bool:
    return UNSTORABLE.search(text) is not None


def _json_strings(value: Any) -> Iterator[str]:
    stack = [value]  # not recursive: a deeply nested body must not overflow the stack
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())


class _BodyTooLarge(Exception):
    pass


async def _read_body(receive: Receive) -> list[Message]:
    messages, size = [], 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages
        size += len(message.get("body", b""))
        if size > MAX_BODY:
            raise _BodyTooLarge()
        if not message.get("more_body", False):
            return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


class RefuseUnstorableText:
    """ASGI middleware; it sits inside the session middleware so that its error page can be drawn."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        where = self._in_url(scope)
        media = Request(scope).headers.get("content-type", "").split(";")[0].strip().lower()
        if where is None and (media in FORM_TYPES or media == "application/json" or media.endswith("+json")):
            try:
                messages = await _read_body(receive)
            except _BodyTooLarge:
                await error_page(Request(scope), 413, "The request is too large.")(scope, receive, send)
                return
            body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.request")
            where = await self._in_form(scope, _replay(messages, receive)) if media in FORM_TYPES \
                else self._in_json(body)
            receive = _replay(messages, receive)  # the route reads the same body again
        if where is None:
            await self.app(scope, receive, send)
            return
        message = (f"The {where} holds a character that cannot be stored (a NUL byte or half of a UTF-16 "
                   "surrogate pair). Remove it and try again.")
        await error_page(Request(scope), 400, message)(scope, receive, send)

    @staticmethod
    def _in_url(scope: Scope) -> str | None:
        if has_unstorable(scope["path"]):
            return "page address"
        # decoded as Starlette decodes it for the routes
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        if any(has_unstorable(name) or has_unstorable(value) for name, value in query):
            return "query string"
        return None

    @staticmethod
    async def _in_form(scope: Scope, receive: Receive) -> str | None:
        # parsed as the route will parse it (FastAPI's form parser), so both see the same text
        try:
            async with Request(scope, receive).form(max_part_size=MAX_BODY) as form:
                for name, value in form.multi_items():
                    text = (value.filename or "") if isinstance(value, UploadFile) else value
                    if has_unstorable(name) or has_unstorable(text):
                        return f"form field “{UNSTORABLE.sub('', name)[:40]}”"
        except Exception:  # noqa: BLE001 (a malformed form is the route's to refuse, with its own message)
            return None
        return None

    @staticmethod
    def _in_json(body: bytes) -> str | None:
        try:
            value = json.loads(body)
        except (ValueError, RecursionError):
            return None  # not JSON: the route answers 422
        return "JSON body" if any(map(has_unstorable, _json_strings(value))) else None
