"""Teachers teach the quality model: a teacher's approvals, rejections and edits in the editor are kept as
ratings in the format of the blind ones, written by `quizgen quality teacher-ratings`, and one command
retrains the model from the shipped ratings plus the school's own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session
from webtests import Db, edit_form, set_from_deck, set_questions, sign_up

from quizgen.questions.features import FEATURES
from quizgen.questions.ratings import read_ratings
from web.teacher_ratings import teacher_ratings


def test_approvals_rejections_and_edits_become_ratings(client: TestClient, db: Db, tmp_path: Path) -> None:
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    made = set_questions(db, set_id)
    served = [q for q in made if q.status == "approved"]
    suggested = [q for q in made if q.status == "suggested"]
    assert served and suggested and all(q.features for q in made)
    with Session(db.engine) as session:
        assert teacher_ratings(session) == []  # the model's own picks are no teacher's verdict

    picked, dropped, fixed = suggested[0], served[0], served[1]
    teacher.post(f"/teach/sets/{set_id}/questions/{picked.id}/status", data={"action": "approve"})
    teacher.post(f"/teach/sets/{set_id}/questions/status", data={"action": "reject", "ids": [str(dropped.id)]})
    teacher.post(f"/teach/sets/{set_id}/questions/{fixed.id}", data=edit_form(fixed, prompt=fixed.prompt + " (as edited)"))

    with Session(db.engine) as session:
        rows = {r.question_id: r for r in teacher_ratings(session)}
    assert set(rows) == {picked.uid, dropped.uid, fixed.uid}
    assert (rows[picked.uid].acceptable, rows[picked.uid].worth) == (True, True)
    assert (rows[dropped.uid].acceptable, rows[dropped.uid].worth) == (False, False)
    assert (rows[fixed.uid].acceptable, rows[fixed.uid].worth) == (False, True)
    assert rows[picked.uid].features == picked.features and set(FEATURES) <= set(picked.features)


def test_the_command_writes_them_and_a_model_is_retrained_with_them(client: TestClient, db: Db,
                                                                    tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    teacher = sign_up(client)
    set_id = set_from_deck(teacher)
    made = set_questions(db, set_id)
    teacher.post(f"/teach/sets/{set_id}/questions/status",
                 data={"action": "reject", "ids": [str(q.id) for q in made if q.status == "approved"][:3]})
    teacher.post(f"/teach/sets/{set_id}/questions/status",
                 data={"action": "approve", "ids": [str(q.id) for q in made if q.status == "suggested"][:3]})
    school, model = tmp_path / "school.csv", tmp_path / "model.json"
    env = {"QUIZGEN_DATABASE_URL": db.url, "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-m", "quizgen.cli", "quality", "teacher-ratings", "-o", str(school)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "6 teacher verdicts" in run.stdout and len(read_ratings(school)) == 6
    run = subprocess.run([sys.executable, "-m", "quizgen.cli", "quality", "train", "--ratings", str(school),
                          "--out", str(model)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "teacher" in run.stdout and model.exists()
    shipped = len(read_ratings())
    assert f"ratings: {shipped + 6} " in run.stdout
