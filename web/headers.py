"""Security headers on every response, and cookies marked Secure when the request came over HTTPS.

No page may be framed by another site (clickjacking: a teacher tricked into clicking "Publish" or "Delete"
through an invisible frame), no response is sniffed as another type, and the address of a page is not sent to
other sites. A private page (a teacher's, a student's attempt) is not kept in any cache, so the back button
on a shared classroom computer cannot bring it back for the next person.

Whether the request came over HTTPS is read from the request's scheme; behind a reverse proxy that scheme is the
proxy's X-Forwarded-Proto, believed only from the addresses in settings.forwarded_allow_ips (web/app.py puts
uvicorn's ProxyHeadersMiddleware outside this one for them; the server itself trusts no proxy).
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALWAYS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# pages that show one teacher's or one student's own work
PRIVATE_PREFIXES = ("/teach", "/class/", "/attempts/", "/join/", "/learner", "/api/attempts", "/api/learners")
FLASHCARDS = "/flashcards"  # a learner's review queue: /decks/<slug>/flashcards...


def is_private(path: str) -> bool:
    return path.startswith(PRIVATE_PREFIXES) or (path.startswith("/decks/") and FLASHCARDS in path)


class SecurityHeaders:
    """ASGI middleware: the headers above on every response, Secure on every cookie set over HTTPS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        private = is_private(scope["path"])
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in ALWAYS.items():
                    headers.setdefault(name, value)
                if private:
                    headers["Cache-Control"] = "no-store"
                if https:
                    secure_cookies(headers)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def secure_cookies(headers: MutableHeaders) -> None:
    cookies = headers.getlist("set-cookie")
    if not cookies:
        return
    del headers["set-cookie"]
    for cookie in cookies:
        flags = {part.strip().lower() for part in cookie.split(";")[1:]}
        headers.append("set-cookie", cookie if "secure" in flags else f"{cookie}; Secure")

