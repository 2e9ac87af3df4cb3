"""The quality model and what it serves: the shipped model is plain data read without scikit-learn,
retraining from the shipped ratings gives it back, the ratings keep no text, and the served questions of
the bundled deck and of the test articles follow the serving rules (never a vetoed question, one per
fact, no two giving each other away)."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter
from importlib import resources

import pytest
from quizgen_runs import kirov_question_sets, own_question_sets

from quizgen.models import QuestionSet
from quizgen.questions.draft import norm
from quizgen.questions.features import FEATURES
from quizgen.questions.quality import BLOCKERS, load_model
from quizgen.questions.ratings import LABEL_COLUMNS, read_ratings
from quizgen.questions.serve import FLOOR, PER_SENTENCE, WHY_FLOOR


@pytest.fixture(scope="module")
def sets() -> list[QuestionSet]:
    return [*kirov_question_sets(), *own_question_sets().values()]


def test_the_model_is_read_and_used_without_scikit_learn() -> None:
    code = (
        "import sys; sys.modules['sklearn'] = None\n"
        "from quizgen.questions.quality import load_model\n"
        "from quizgen.questions.features import FEATURES\n"
        "m = load_model()\n"
        "f = {n: 0.0 for n in FEATURES} | {'fmt_cloze': 1.0, 'topic_date': 1.0}\n"
        "p = m.estimate(f)\n"
        "assert 0.0 < p < 1.0, p\n"
        "assert 'sklearn' not in {k for k, v in sys.modules.items() if v is not None}\n"
        "print(round(p, 6))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 0 < float(out.stdout) < 1


def test_the_model_file_is_plain_json_over_the_features_in_order() -> None:
    data = json.loads(resources.files("quizgen").joinpath("data/quality_model.json").read_text(encoding="utf-8"))
    assert data["names"] == list(FEATURES)
    assert len(data["coef"]) == len(data["mean"]) == len(data["scale"]) == len(FEATURES)
    assert 0 < data["threshold"] < 1
    meta = data["meta"]
    assert meta["ratings"] >= 1500 and meta["articles"] >= 40
    assert 0.5 < meta["cv_auc"] <= 1


def test_retraining_from_the_shipped_ratings_gives_the_shipped_model() -> None:
    pytest.importorskip("sklearn")
    from quizgen.questions.train import train

    shipped = load_model()
    again = train(read_ratings())
    assert again.names == shipped.names
    assert again.threshold == pytest.approx(shipped.threshold, abs=1e-3)
    assert again.intercept == pytest.approx(shipped.intercept, abs=1e-3)
    assert again.coef == pytest.approx(shipped.coef, abs=1e-3)
    assert again.meta["cv_auc"] == shipped.meta["cv_auc"]


@pytest.mark.parametrize(("name", "least_rows", "least_articles"), [
    ("ratings.csv", 1500, 40), ("ratings-heldout.csv", 300, 20), ("ratings-decks.csv", 150, 8)])
def test_the_ratings_keep_ids_labels_and_numbers_only(name: str, least_rows: int, least_articles: int) -> None:
    text = resources.files("quizgen").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) >= least_rows
    assert len({r["article"] for r in rows}) >= least_articles
    for r in rows:
        assert re.fullmatch(r"[\w:.-]+", r["source"]) and re.fullmatch(r"[\w-]+", r["article"])
        assert re.fullmatch(r"[0-9a-f]{16}", r["question_id"]) and re.fullmatch(r"[0-9a-f]{12}", r["prompt_sha"])
        assert r["acceptable"] in ("0", "1") and r["worth"] in ("0", "1")
        for feature in FEATURES:
            float(r[feature])
    assert set(rows[0]) == {*LABEL_COLUMNS, *FEATURES}


def test_a_vetoed_question_is_never_served(sets: list[QuestionSet]) -> None:
    model = load_model()
    reasons = set(BLOCKERS.values())
    assert all(q.served for qs in sets for q in qs.questions)
    assert not [q.prompt for qs in sets for q in qs.questions if q.score < model.threshold * FLOOR
                and not (q.topic in ("cause", "effect") and q.score >= model.threshold * WHY_FLOOR)]
    for qs in sets:  # the one cause-and-effect question let in further down
        assert len([q for q in qs.questions if q.score < model.threshold * FLOOR]) <= 1, qs.title
    vetoed = [q for qs in sets for q in qs.suggestions if q.reason in reasons]
    assert vetoed, "the test articles give some vetoed candidates"
    served = {(qs.title, q.id) for qs in sets for q in qs.questions}
    assert not [q.prompt for q in vetoed if (q.article, q.id) in served]


def test_one_served_question_per_fact_and_none_giving_another_away(sets: list[QuestionSet]) -> None:
    for qs in sets:
        answers = Counter(norm(str(q.answer)) for q in qs.questions if q.format not in ("true_false", "timeline", "matching"))
        assert not [a for a, n in answers.items() if n > 1], qs.title
        by_sentence: dict[str, list] = {}
        for q in qs.questions:
            by_sentence.setdefault(norm(q.source.sentence), []).append(q)
        for same in by_sentence.values():
            assert len(same) <= PER_SENTENCE, [q.prompt for q in same]
            assert len({q.topic for q in same}) == len(same), [q.prompt for q in same]
        for a in qs.questions:  # from any sentence: one fact asked once
            for b in qs.questions:
                if a is not b and isinstance(a.answer, str) and a.format != "true_false" and len(norm(a.answer)) > 2:
                    assert f" {norm(a.answer)} " not in f" {norm(b.prompt)} ", (a.prompt, b.prompt)


def test_suggestions_say_why_they_are_not_served(sets: list[QuestionSet]) -> None:
    for qs in sets:
        assert all(not q.served and q.reason for q in qs.suggestions)
        assert [q.score for q in qs.suggestions] == sorted((q.score for q in qs.suggestions), reverse=True)


def test_true_and_false_statements_come_in_balance(sets: list[QuestionSet]) -> None:
    """A learner must not score by always answering "True": at most two more true statements than false."""
    for qs in sets:
        said = [q.answer for q in qs.questions if q.format == "true_false"]
        assert said.count("True") <= said.count("False") + 2, (qs.title, said)


def test_a_question_kept_out_by_the_serving_rules_says_which(sets: list[QuestionSet]) -> None:
    """A suggestion the model would keep names the rule that kept it out, and the rule holds."""
    over = [(qs, q) for qs in sets for q in qs.suggestions
            if q.reason in ("another served question asks for the same answer", "its sentence is asked about already")]
    assert over, "the test articles give candidates that lose to a better question on the same fact"
    for qs, q in over:
        if q.reason.startswith("another"):
            assert norm(str(q.answer)).split()[-1:] in [norm(str(s.answer)).split()[-1:] for s in qs.questions], q.prompt
        else:
            assert norm(q.source.sentence) in {norm(s.source.sentence) for s in qs.questions}, q.prompt
