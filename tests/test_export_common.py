"""The export registry, reports, `build`, and writes that never leave a half-written file."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from export_fixtures import TIMELINE, sample_set, second_set

from quizgen.errors import QuizgenError
from quizgen.export import EXPORTERS, ExportReport, build, export
from quizgen.export.common import atomic_path, category_path, write_text
from quizgen.models import QuestionSet


def test_registry_names() -> None:
    assert list(EXPORTERS) == ["anki", "csv", "kahoot", "gift", "moodle-xml", "qti", "json"]


def test_unknown_format_names_the_choices(tmp_path: Path) -> None:
    with pytest.raises(QuizgenError, match="unknown export format 'nonsense'; choose one of anki, csv"):
        export([sample_set()], "nonsense", tmp_path / "x")


def test_summary_counts_what_was_left_out_by_kind() -> None:
    report = ExportReport("gift", Path("out.gift"), 41)
    for n in range(3):
        report.leave_out(dataclasses.replace(TIMELINE, id=f"t{n}"), "GIFT has no ordering question")
    assert report.summary() == "gift: 41 questions -> out.gift; left out 3: 3 timeline (GIFT has no ordering question)"
    assert ExportReport("json", Path("q.json"), 1).summary() == "json: 1 question -> q.json"


def test_summary_groups_kinds_left_out_for_the_same_reason() -> None:
    report = ExportReport("kahoot", Path("k.xlsx"), 2)
    for fmt, why in [("cloze", "not a quiz"), ("matching", "not a quiz"), ("cloze", "not a quiz"),
                     ("true_false", "question over 120 characters")]:
        report.leave_out(dataclasses.replace(TIMELINE, format=fmt), why)
    assert report.summary() == ("kahoot: 2 questions -> k.xlsx; left out 4: 2 cloze, 1 matching (not a quiz); "
                                "1 true/false (question over 120 characters)")


def test_malformed_questions_are_reported_not_written(tmp_path: Path) -> None:
    broken = dataclasses.replace(TIMELINE, format="multiple_choice", answer="nowhere")
    report = export([QuestionSet("T", (broken,))], "gift", tmp_path / "q.gift")
    assert report.count == 0
    assert report.left_out == [(broken.id, "multiple choice (its answer is not among its choices)")]


@pytest.mark.parametrize("fmt", list(EXPORTERS))
def test_unwritable_out_raises_a_clear_error_and_writes_nothing(tmp_path: Path, fmt: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(QuizgenError, match=r"cannot write .*a-file/x"):
        export([sample_set()], fmt, blocker / "x")
    with pytest.raises(QuizgenError, match="is a folder"):
        export([sample_set()], fmt, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(out) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("boom")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]


def test_failed_replace_becomes_a_quizgen_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "q.json"

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(QuizgenError, match="cannot write .*q.json: Permission denied"):
        write_text(out, "{}")
    assert list(tmp_path.iterdir()) == []


def test_written_files_are_readable_by_others(tmp_path: Path) -> None:
    export([sample_set()], "json", tmp_path / "q.json")
    assert (tmp_path / "q.json").stat().st_mode & 0o777 == 0o644


def test_build_writes_every_format_into_dist(tmp_path: Path) -> None:
    dist = tmp_path / "deck" / "dist"
    reports = build([sample_set(), second_set()], dist, parent="Quill Deck")
    assert [r.format for r in reports] == list(EXPORTERS)
    assert sorted(p.name for p in dist.iterdir()) == sorted([
        "quill-deck.apkg", "quill-deck.csv", "quill-deck-kahoot.xlsx", "quill-deck.gift.txt",
        "quill-deck-moodle.xml", "quill-deck-qti.zip", "quill-deck.json"])
    assert all(r.path.parent == dist for r in reports)


def test_category_path_drops_an_article_level_that_repeats_the_parent() -> None:
    assert category_path("Kirov Assassination", "Kirov Assassination", "Background") == [
        "Kirov Assassination", "Background"]
    assert category_path("Soviet History", "Kirov Assassination", "Background") == [
        "Soviet History", "Kirov Assassination", "Background"]
    assert category_path(None, "Kirov  Assassination", "Back\nground") == ["Kirov Assassination", "Back ground"]


def test_one_slug_for_exports_and_the_web_app() -> None:
    """Exports and the web app name a title alike, with accents folded rather than dropped."""
    from quizgen.vocabulary import slugify
    from web.convert import slugify as web_slugify

    for title in ("Révolution française", "Kirov Assassination", "Xi'an Incident", "Hōgen Rebellion"):
        assert slugify(title) == web_slugify(title)
    assert slugify("Révolution française") == "revolution-francaise"
    assert slugify("Hōgen Rebellion") == "hogen-rebellion"
