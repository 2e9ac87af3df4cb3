"""Teachers teach the quality model: every generated question a teacher approved, rejected or edited in the
editor becomes a rating in the format of quizgen's blind ratings, with the features the model read of it.

Approved as made: acceptable and worth asking. Edited (then kept): worth asking, but not acceptable as it
was made. Rejected: neither.
"""

from __future__ import annotations

from sqlmodel import Session

from quizgen.questions.ratings import Rating, prompt_sha
from web import crud


def teacher_ratings(session: Session) -> list[Rating]:
    out = []
    for q, article in crud.reviewed_questions(session=session):
        if not q.features or q.status not in ("approved", "rejected"):
            continue
        kept = q.status == "approved"
        out.append(Rating(source="teacher", article=f"set{q.set_id}-article{article.id}", question_id=q.uid,
                          prompt_sha=prompt_sha(q.prompt), rater=f"set{q.set_id}", format=q.format, topic=q.topic,
                          acceptable=kept and not q.edited, worth=kept, features=dict(q.features)))
    return out
