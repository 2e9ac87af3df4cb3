"""The app factory: `quizgen serve` runs uvicorn with web.app:create_app (factory=True)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import anyio.to_thread
from argon2 import PasswordHasher
from fastapi import Depends, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from quizgen.settings import Settings
from web import errors, leases, outage
from web.db import make_engine
from web.headers import SecurityHeaders
from web.hygiene import RefuseUnstorableText
from web.jobs import Analyses
from web.prepare import prepare
from web.routes import api, classroom, downloads, editor, flashcards, learner, library, quiz, results, teacher
from web.secret_key import secret_key
from web.security import SESSION_COOKIE, csrf_protect
from web.templating import make_env
from web.throttle import CodeGuesses

STATIC = Path(__file__).resolve().parent / "static"
PAGE_ROUTERS = (library, learner, quiz, flashcards, downloads, teacher, editor, results, classroom)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Migrate the database to the newest schema, import the bundled decks if it is empty, and build the app."""
    settings = settings or Settings()
    # everything that signs reads the key from app.state.settings
    settings = settings.model_copy(update={"secret_key": secret_key(settings)})
    engine = make_engine(settings.database_url)
    prepare(engine, settings.decks_dir)  # one process at a time: workers may start together

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.web_threads
        # builds left "building" by a process that died are marked failed, now and every little while
        sweeper = leases.Sweeper(engine, timedelta(seconds=settings.build_lease_seconds))
        sweeper.start()
        yield
        sweeper.stop()
        engine.dispose()

    app = FastAPI(
        title="quizgen",
        summary="Grounded quiz questions and flashcards from encyclopedia-style history articles.",
        version="0.1.0",
        docs_url=None,  # served below with the vendored Swagger UI instead of a CDN's
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
        # a pasted article may be as large as an uploaded one: a form field is read up to that many bytes of
        # UTF-8 sent URL-encoded (three bytes each at worst), not Starlette's 1 MB
        form_limits={"max_part_size": 3 * settings.max_article_bytes + 64 * 1024},
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.jinja = make_env()
    # argon2id; a stored hash made with other costs is redone at the next log-in
    app.state.hasher = PasswordHasher(time_cost=settings.password_time_cost, memory_cost=settings.password_memory_kib)
    app.state.analyses = Analyses()
    app.state.code_guesses = CodeGuesses(settings.join_misses_per_minute)
    app.state.fetch_transport = None  # tests put an httpx transport here to see that nothing is sent
    # added first, so it runs inside the session middleware, whose session its error page shows
    app.add_middleware(RefuseUnstorableText)
    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key, session_cookie=SESSION_COOKIE,
                       max_age=settings.session_max_age, same_site="lax", https_only=settings.session_https_only)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # first: routes are matched in order, and the API takes the most requests (its route names are its own)
    app.include_router(api.router)
    # every page router refuses a state-changing request without the session's CSRF token
    for module in PAGE_ROUTERS:
        app.include_router(module.router, dependencies=[Depends(csrf_protect)])
    app.add_middleware(SecurityHeaders)
    if settings.forwarded_allow_ips.strip():
        # outermost: the client address and scheme everything inside sees are the proxy's word for them
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.forwarded_allow_ips)
    errors.install(app)
    outage.install(app)

    @app.get("/api/docs", include_in_schema=False, name="api_docs")
    def api_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "", title="quizgen API",
            swagger_js_url=app.url_path_for("static", path="swagger-ui/swagger-ui-bundle.js"),
            swagger_css_url=app.url_path_for("static", path="swagger-ui/swagger-ui.css"),
            swagger_favicon_url=app.url_path_for("static", path="favicon.svg"),
            swagger_ui_parameters={"validatorUrl": None},  # the default validator is another site
        )

    return app
