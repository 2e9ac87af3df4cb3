"""Documentation that the tests keep true: the README names every setting, export format and command,
and no docstring points at a file the project does not have."""

from __future__ import annotations

import ast
import re

import pytest

from quizgen.export import EXPORTERS
from quizgen.settings import PROJECT_ROOT, Settings

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
SOURCES = sorted(p for d in ("quizgen", "web") for p in (PROJECT_ROOT / d).rglob("*.py"))


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_the_readme_documents_every_setting(name: str) -> None:
    assert re.search(rf"`QUIZGEN_{name.upper()}\b", README), f"QUIZGEN_{name.upper()} is not in the README"


def test_the_readme_names_no_setting_that_is_gone() -> None:
    known = {f"QUIZGEN_{name.upper()}" for name in Settings.model_fields} | {"QUIZGEN_DOC_SCREENSHOTS"}
    assert set(re.findall(r"QUIZGEN_[A-Z_]+[A-Z]", README)) <= known


def test_the_settings_table_lists_every_setting() -> None:
    table = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    missing = [n for n in Settings.model_fields if f"`QUIZGEN_{n.upper()}`" not in table]
    assert not missing, missing


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_the_readme_lists_every_export_format(name: str) -> None:
    assert f"`{name}`" in README


def test_the_readme_lists_every_command() -> None:
    from typer.main import get_command

    from quizgen.cli import app

    commands = get_command(app).commands  # type: ignore[attr-defined]  # a Typer app with commands is a group
    assert commands
    missing = [c for c in commands if f"quizgen {c}" not in README]
    assert not missing, f"commands not in the README: {missing}"


def docstrings(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = ast.get_docstring(node)
            if doc:
                yield doc


def test_no_docstring_names_a_file_the_project_does_not_have() -> None:
    named = re.compile(r"\b([\w./-]+\.(?:md|toml|py|txt))\b")
    missing = []
    for path in SOURCES:
        for doc in docstrings(path):
            for name in named.findall(doc):
                if "/" not in name and not name.isupper() and name.split(".")[0] not in ("README", "DESIGN"):
                    continue  # a bare module or file name in prose ("deck.toml", "cli.py") is not a path
                if not any((base / name).exists() for base in (PROJECT_ROOT, path.parent)):
                    missing.append(f"{path.relative_to(PROJECT_ROOT)}: {name}")
    assert not missing, missing
