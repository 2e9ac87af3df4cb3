"""Jinja2 set-up: `url_for` gives paths, and a page's named block can be rendered alone for htmx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context

from web.security import CSRF_HEADER, csrf_input, csrf_value
from web.teachers import NAME_KEY as TEACHER_NAME_KEY

TEMPLATES = Path(__file__).resolve().parent / "templates"
HTMX_VERSION = "2.0.4"


@pass_context
def url_for(context: Context, name: str, /, **params: Any) -> str:
    """The path of a named route (relative to the site, so it works behind any host name)."""
    request: Request = context["request"]
    return str(request.app.url_path_for(name, **{k: str(v) for k, v in params.items()}))


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def make_env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(url_for=url_for, percent=percent, htmx_version=HTMX_VERSION, csrf_input=csrf_input,
                       csrf_value=csrf_value, csrf_header=CSRF_HEADER,
                       teacher_name_key=TEACHER_NAME_KEY)
    return env


def is_htmx(request: Request) -> bool:
    """An htmx request that wants a fragment (a boosted link, or a page restored from the history, wants the whole page)."""
    return (request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"
            and request.headers.get("HX-History-Restore-Request") != "true")


def render(request: Request, name: str, context: dict[str, Any], *, block: str | None = None,
           status_code: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    """The whole page, or only `block` of it when htmx asked for a fragment."""
    env: Environment = request.app.state.jinja
    template = env.get_template(name)
    values = {"request": request, "learner": getattr(request.state, "learner", None),
              "teacher": getattr(request.state, "teacher", None), **context}
    if block is not None and is_htmx(request):
        ctx = template.new_context(values)
        html = "".join(template.blocks[block](ctx))
    else:
        html = template.render(values)
    return HTMLResponse(html, status_code=status_code, headers=headers)
