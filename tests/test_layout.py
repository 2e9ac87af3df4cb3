"""The seams the layout promises: the web app reaches the library through quizgen.pipeline (and the shared names
of quizgen.models, quizgen.vocabulary, settings and errors), no route module imports another, and services say
what they refuse with domain errors that web/errors.py alone turns into responses."""

from __future__ import annotations

import ast
from pathlib import Path

from quizgen.settings import PROJECT_ROOT

WEB = PROJECT_ROOT / "web"
# library modules the web app may name: the one way in, and the records, names and errors it shares
PUBLIC = ("quizgen.pipeline", "quizgen.models", "quizgen.vocabulary", "quizgen.settings", "quizgen.errors",
          "quizgen.titles", "quizgen.export", "quizgen.ingest", "quizgen.decks", "quizgen.questions.ratings",
          "quizgen.questions.draft", "quizgen.export.common")
# stages a web module must not drive itself: parsing, extraction, question making, wrong answers
STAGES = ("quizgen.extract", "quizgen.nlp", "quizgen.questions.distractors", "quizgen.questions.templates",
          "quizgen.questions.rank", "quizgen.questions.serve")


def imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names]
    return names


def web_modules() -> list[Path]:
    return sorted(p for p in WEB.rglob("*.py") if "migrations" not in p.parts)


def test_the_web_app_does_not_drive_the_library_stages_itself() -> None:
    reached = {f"{p.relative_to(PROJECT_ROOT)}: {name}" for p in web_modules() for name in imports(p)
               if name.startswith(STAGES) and not name.startswith(PUBLIC)}
    assert not reached, sorted(reached)


def test_the_web_app_parses_through_the_pipeline() -> None:
    users = [p.name for p in web_modules() if any(n.startswith("quizgen.pipeline") for n in imports(p))]
    assert "jobs.py" in users and "seed.py" in users


def test_no_route_module_imports_another() -> None:
    crossing = {f"{p.name}: {name}" for p in (WEB / "routes").glob("*.py") for name in imports(p)
                if name.startswith("web.routes")}
    assert not crossing, sorted(crossing)


def test_services_raise_domain_errors_not_http_ones() -> None:
    # dependencies (deps.py) and the error handlers are the web edge; everything else below web/ is a service
    edge = {"deps.py", "errors.py"}
    http = {p.name for p in WEB.glob("*.py") if p.name not in edge
            and any(n.endswith("HTTPException") for n in imports(p))}
    assert not http, sorted(http)
