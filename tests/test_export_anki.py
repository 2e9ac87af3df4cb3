"""Anki export checked with the real `anki` package: every .apkg is imported into a fresh collection."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Iterator
from pathlib import Path

import genanki
import lxml.html
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition
from export_fixtures import (
    ARTICLE,
    CHOICE,
    CLOZE,
    MATCHING,
    QUESTIONS,
    SCRIPT,
    SHORT,
    TIMELINE,
    TRUE_FALSE,
    note_count,
    sample_set,
    second_set,
)

from quizgen.export import anki as anki_export
from quizgen.export import export
from quizgen.models import QuestionSet

ALWAYS = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path, **options: object):  # type: ignore[no-untyped-def]
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions(**options))
    return col.import_anki_package(request).log


def note_of(col: Collection, *guid_parts: str):  # type: ignore[no-untyped-def]
    (nid,) = col.db.list("select id from notes where guid = ?", genanki.guid_for(*guid_parts))
    return col.get_note(nid)


def text_of(rendered_html: str) -> str:
    """What a person sees: the rendered card without its style sheet and markup."""
    doc = lxml.html.fromstring(f"<div>{rendered_html}</div>")
    for style in doc.iter("style"):
        style.drop_tree()
    return " ".join(doc.text_content().split())


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "quill.apkg"
    export([sample_set(), second_set()], "anki", path, parent="Quill Deck")
    return path


def test_every_question_arrives_in_its_section_deck(col: Collection, deck: Path) -> None:
    log = import_apkg(col, deck)
    sets = [sample_set(), second_set()]
    assert len(log.new) == col.note_count() == note_count(sets)
    # a card per note, two per matching pair (one each way)
    assert col.card_count() == note_count(sets) + len(MATCHING.answer)
    names = {d.name for d in col.decks.all_names_and_ids()}
    assert {"Quill Deck::The Quillhaven Charter::Background", "Quill Deck::The Quillhaven Charter::The signing",
            "Quill Deck::The Quillhaven Charter::Aftermath", "Quill Deck::Odo Fenn::Life"} <= names
    for q in QUESTIONS:
        note = note_of(col, q.id) if q.format != "matching" else note_of(col, q.id, q.answer[0][0])
        (deck_id,) = {col.get_card(cid).did for cid in note.card_ids()}
        assert col.decks.name(deck_id) == f"Quill Deck::{ARTICLE}::{q.source.section}"


def test_fixed_ids_for_note_types(col: Collection, deck: Path) -> None:
    import_apkg(col, deck)
    for model in (anki_export.BASIC_MODEL, anki_export.CLOZE_MODEL, anki_export.CHOICE_MODEL, anki_export.PAIR_MODEL):
        assert col.models.by_name(model.name)["id"] == model.model_id


def test_fields_and_tags(col: Collection, deck: Path) -> None:
    import_apkg(col, deck)
    short = note_of(col, SHORT.id)
    assert short.note_type()["name"] == "quizgen Basic"
    assert {k: html.unescape(v) for k, v in short.items()} == {
        "Front": SHORT.prompt, "Back": SHORT.answer, "Source": SHORT.explanation,
        "Section": "The signing", "Article": ARTICLE}
    assert sorted(short.tags) == sorted(["quizgen::topic::person", "quizgen::format::short_answer", "The_signing"])

    choice = note_of(col, CHOICE.id)
    assert choice.note_type()["name"] == "quizgen Multiple choice"
    assert html.unescape(choice["Question"]) == CHOICE.prompt and html.unescape(choice["Answer"]) == CHOICE.answer
    assert [li.text_content() for li in lxml.html.fromstring(choice["Choices"]).iter("li")] == list(CHOICE.choices)

    cloze = note_of(col, CLOZE.id)
    assert cloze.note_type()["name"] == "quizgen Cloze"
    assert "{{c1::Fort Tilde: East}}" in cloze["Text"]
    assert cloze["Source"] == ""  # the filled-in sentence would only repeat the card

    for left, right in MATCHING.answer:
        pair = note_of(col, MATCHING.id, left)
        assert pair.note_type()["name"] == "quizgen Matching pair"
        assert (html.unescape(pair["Left"]), html.unescape(pair["Right"])) == (left, right)
        assert "quizgen::format::matching" in pair.tags


def test_each_card_shows_its_prompt_in_front_and_its_answer_behind(col: Collection, deck: Path) -> None:
    import_apkg(col, deck)

    def sides(*guid_parts: str, ord: int = 0) -> tuple[str, str]:
        card = next(c for c in note_of(col, *guid_parts).cards() if c.ord == ord)
        return text_of(card.question()), text_of(card.answer())

    front, back = sides(SHORT.id)
    assert SHORT.prompt in front and SHORT.answer not in front and SHORT.answer in back

    front, back = sides(TRUE_FALSE.id)
    assert TRUE_FALSE.prompt in front and "True or false?" in front
    assert back.endswith(f"False {TRUE_FALSE.explanation}")

    front, back = sides(CLOZE.id)
    before, after = CLOZE.prompt.split("_____")
    assert f"{before}[...]{after}" in front and CLOZE.answer not in front
    assert f"{before}{CLOZE.answer}{after}" in back

    (card,) = note_of(col, TIMELINE.id).cards()
    assert TIMELINE.prompt in text_of(card.question())
    front = lxml.html.fromstring(f"<div>{card.question()}</div>")
    assert [li.text_content() for li in front.iter("li")] == list(TIMELINE.choices)  # shuffled
    (answer,) = lxml.html.fromstring(f"<div>{card.answer()}</div>").find_class("answer")
    assert [li.text_content() for li in answer.iter("li")] == list(TIMELINE.answer)  # in order

    for left, right in MATCHING.answer:
        front, back = sides(MATCHING.id, left)
        assert left in front and right not in front and right in back
        front, back = sides(MATCHING.id, left, ord=1)
        assert right in front and left not in front and left in back


def test_multiple_choice_answer_is_on_the_back_only(col: Collection, deck: Path) -> None:
    import_apkg(col, deck)
    (card,) = note_of(col, CHOICE.id).cards()
    front = lxml.html.fromstring(f"<div>{card.question()}</div>")
    back = lxml.html.fromstring(f"<div>{card.answer()}</div>")
    assert [li.text_content() for li in front.iter("li")] == list(CHOICE.choices)  # all four, none marked
    assert not front.find_class("answer")
    assert [el.text_content() for el in back.find_class("answer")] == [CHOICE.answer]


def test_script_in_an_article_shows_as_text(col: Collection, deck: Path) -> None:
    import_apkg(col, deck)
    card = note_of(col, SHORT.id).cards()[0]
    for rendered in (card.question(), card.answer()):
        assert SCRIPT not in rendered and "<script" not in rendered
        assert html.escape(SCRIPT, quote=False) in rendered
    assert SCRIPT in text_of(card.question())


def test_importing_the_regenerated_deck_again_adds_nothing(col: Collection, deck: Path, tmp_path: Path) -> None:
    import_apkg(col, deck)
    again = tmp_path / "again.apkg"
    export([sample_set(), second_set()], "anki", again, parent="Quill Deck")
    assert again.read_bytes() == deck.read_bytes()
    notes, cards = col.note_count(), col.card_count()
    log = import_apkg(col, again)
    assert not log.new and not log.updated and len(log.duplicate) == notes
    assert (col.note_count(), col.card_count()) == (notes, cards)


def changed_set() -> QuestionSet:
    """The sample set after the article changed: same question ids, new wording."""
    s = sample_set()
    return dataclasses.replace(s, questions=tuple(
        dataclasses.replace(q, prompt="Who wrote the note in the charter's margin?") if q.id == SHORT.id else q
        for q in s.questions))


def test_a_changed_question_updates_its_note(col: Collection, tmp_path: Path) -> None:
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    export([sample_set()], "anki", first)
    export([changed_set()], "anki", second)
    import_apkg(col, first)
    card_ids = set(col.find_cards(""))

    log = import_apkg(col, second, update_notes=ALWAYS)  # Anki's "Update notes: Always"
    assert not log.new and [html.unescape(n.fields[0]) for n in log.updated] == [changed_set().questions[1].prompt]
    assert col.note_count() == note_count([sample_set()])
    assert html.unescape(note_of(col, SHORT.id)["Front"]) == "Who wrote the note in the charter's margin?"
    assert set(col.find_cards("")) == card_ids  # same cards, so their review history stays


def test_a_later_export_updates_with_default_import_options(
    col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    export([sample_set()], "anki", first)
    monkeypatch.setattr(anki_export, "export_time", lambda: 1_800_000_000.0)
    export([changed_set()], "anki", second)
    import_apkg(col, first)
    log = import_apkg(col, second)  # "Update notes: If newer"
    assert not log.new and col.note_count() == note_count([sample_set()])
    assert html.unescape(note_of(col, SHORT.id)["Front"]) == "Who wrote the note in the charter's margin?"


def test_without_parent_decks_are_article_and_section(col: Collection, tmp_path: Path) -> None:
    path = tmp_path / "q.apkg"
    export([sample_set()], "anki", path)
    import_apkg(col, path)
    names = {d.name for d in col.decks.all_names_and_ids()}
    assert f"{ARTICLE}::Background" in names and not any(n.startswith("Quill Deck") for n in names)


def test_separately_exported_articles_share_one_collection(col: Collection, tmp_path: Path) -> None:
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    export([sample_set()], "anki", a)
    export([second_set()], "anki", b)  # same timestamp, so the same note ids inside both files
    import_apkg(col, a)
    import_apkg(col, b)
    assert col.note_count() == note_count([sample_set(), second_set()])


def test_same_input_gives_a_byte_identical_package(tmp_path: Path) -> None:
    export([sample_set()], "anki", tmp_path / "a.apkg", parent="P")
    export([sample_set()], "anki", tmp_path / "b.apkg", parent="P")
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "b.apkg").read_bytes()
