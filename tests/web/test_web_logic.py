"""The web app's pure parts: answer normalising and checking, highlighting, first-start import."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from sqlmodel import Session

from web import crud
from web.db import make_engine, upgrade
from web.grading import Decision, grade
from web.highlight import mark_up
from web.models import ArticleFact, Question
from web.quiz import BadAnswer, read_response, view
from web.seed import DeckBuild, seed_if_empty


def question(fmt: str, answer, choices=(), topic: str = "person") -> Question:  # type: ignore[no-untyped-def]
    return Question(id=7, question_set_id=1, uid="u", position=0, format=fmt, topic=topic, prompt="?", answer=answer,
                    choices=list(choices), explanation="", source_sentence="", source_section="", tags=[])


def test_timeline_is_shown_shuffled_and_read_back_in_order() -> None:
    events = ["first", "second", "third", "fourth"]
    q = question("timeline", events)
    for seed in range(20):
        shown = view(q, seed=str(seed))
        assert shown.events != events and sorted(shown.events) == sorted(events)
        form = {f"position-{i}": str(events.index(e) + 1) for i, e in enumerate(shown.events)}
        response = read_response(shown, form)
        assert response == events and grade(q, response).correct


def test_timeline_orders_are_every_other_order_alike() -> None:
    """Over many quizzes each order but the true one turns up about as often: no event keeps its place, and no
    one move (a swap, a rotation) tells the answer."""
    from collections import Counter
    from itertools import permutations

    from web.quiz import shuffled

    for n in (3, 4):
        events = [f"event {i}" for i in range(n)]
        seen = Counter(tuple(shuffled(events, f"{attempt}:{question}")) for attempt in range(300) for question in range(4))
        others = [p for p in permutations(events) if list(p) != events]
        assert tuple(events) not in seen and set(seen) == set(others)
        expected = 1200 / len(others)
        assert all(0.6 * expected < seen[p] < 1.4 * expected for p in others), seen
        for position in range(n):
            assert len({order[position] for order in seen}) == n  # every event is shown in every place
    assert shuffled(["a", "b", "c"], "7") == shuffled(["a", "b", "c"], "7")  # the same seed, the same order
    assert shuffled(["a", "a"], "1") == ["a", "a"]


def test_matching_choices_and_checking() -> None:
    q = question("matching", [["Kirov", "Leningrad"], ["Stalin", "Moscow"]])
    shown = view(q, seed="1")
    assert shown.lefts == ["Kirov", "Stalin"] and shown.rights == ["Moscow", "Leningrad"]
    right = read_response(shown, {"match-0": "Leningrad", "match-1": "Moscow"})
    wrong = read_response(shown, {"match-0": "Moscow", "match-1": "Leningrad"})
    assert grade(q, right).correct and not grade(q, wrong).correct
    with pytest.raises(BadAnswer):
        read_response(shown, {"match-0": "Leningrad"})


def test_true_false_without_stored_choices() -> None:
    q = question("true_false", "False")
    shown = view(q, seed="x")
    assert shown.options == ["True", "False"]
    assert grade(q, read_response(shown, {"choice": "False"})) == Decision(True, "exact")
    assert grade(q, read_response(shown, {"choice": "True"})) == Decision(False, "wrong")


def fact(kind: str, start: int, end: int) -> ArticleFact:
    return ArticleFact(article_id=1, kind=kind, key="k", label="L", detail="d", start=start, end=end, sentence="",
                       section="")


def test_overlapping_highlights_nest_properly() -> None:
    text = "On 1 May, Kirov & co left."
    html = str(mark_up(text, 100, [fact("date", 103, 108), fact("cause", 100, 116), fact("person", 110, 115)]))
    assert html.count("<mark") == html.count("</mark>") == 2
    assert html.count("<span") == html.count("</span>") == 5  # the cause, cut at each edge of the marks
    assert "Kirov" in html and "&amp; co" in html
    assert html.index('hl-date') < html.index('1 May') < html.index('hl-person') < html.index('Kirov')


def test_highlights_outside_the_paragraph_are_ignored() -> None:
    assert str(mark_up("<b>plain</b>", 50, [fact("date", 0, 10), fact("date", 70, 80)])) == "&lt;b&gt;plain&lt;/b&gt;"


def test_first_start_imports_the_deck_folders_with_progress(tmp_path: Path, deck_build: DeckBuild) -> None:
    decks = tmp_path / "decks"
    (decks / "kirov-assassination").mkdir(parents=True)
    (decks / "kirov-assassination" / "article.txt").write_text("x")
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade(engine)
    out = io.StringIO()
    console = Console(file=out, width=100, force_terminal=False)
    calls = []

    def build(folder: Path, step) -> DeckBuild:  # type: ignore[no-untyped-def]
        calls.append(folder.name)
        step("reading")
        return deck_build

    assert seed_if_empty(engine, decks, console=console, build=build) == ["kirov-assassination"]
    assert "kirov-assassination: imported" in out.getvalue()
    with Session(engine) as session:
        assert [d.slug for d in crud.list_decks(session=session)] == ["kirov-assassination"]
        assert crud.list_questions(session=session)
    # a second start finds the deck and imports nothing
    assert seed_if_empty(engine, decks, console=console, build=build) == []
    assert calls == ["kirov-assassination"]
    engine.dispose()


def test_first_start_on_an_empty_database_imports_the_bundled_decks(tmp_path: Path,
                                                                    capfd: pytest.CaptureFixture[str]) -> None:
    import shutil

    from fastapi.testclient import TestClient

    from quizgen.settings import PROJECT_ROOT, Settings
    from web.app import create_app

    decks = tmp_path / "decks"
    shutil.copytree(PROJECT_ROOT / "decks" / "kirov-assassination", decks / "kirov-assassination",
                    ignore=shutil.ignore_patterns("dist"))
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'new.db'}", decks_dir=decks))
    assert "kirov-assassination: imported" in capfd.readouterr().err  # the console progress bar
    with TestClient(app) as client:
        page = client.get("/").text
    assert "Kirov Assassination" in page and "Take a quiz" in page
    app.state.engine.dispose()


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_colours_have_sufficient_contrast() -> None:
    """WCAG AA: 4.5:1 for text, on every background that text is drawn on."""
    import re

    from quizgen.settings import PROJECT_ROOT

    css = (PROJECT_ROOT / "web" / "static" / "style.css").read_text()
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    pairs = [("ink", "card"), ("ink", "paper"), ("muted", "card"), ("muted", "paper"), ("accent", "card"),
             ("accent", "paper"), ("accent-ink", "accent"), ("right", "right-soft"), ("wrong", "wrong-soft"),
             ("right", "card"), ("wrong", "card"), ("accent", "accent-soft"), ("ink", "date"), ("ink", "person"),
             ("ink", "place"), ("ink", "org"), ("muted", "accent-soft")]
    for fg, bg in pairs:
        assert contrast(var[fg], var[bg]) >= 4.5, (fg, bg, round(contrast(var[fg], var[bg]), 2))
    # the rating buttons: white on their own colours
    for button in ("#a3261b", "#7a5200", "#1d6b35", "#1f5fa8"):
        assert contrast("#ffffff", button) >= 4.5
