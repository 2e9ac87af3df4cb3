"""A published set's results: each student's score and time, each question's share of right answers, each
student's answer to each question, the bar charts that draw them (geometry only; the template writes the SVG),
and the CSV download."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field

from sqlmodel import Session

from quizgen.export.common import spreadsheet_cell
from web import crud
from web.models import ClassAnswer, ClassAttempt, ClassSet, SetQuestion, row_id
from web.quiz import answer_lines
from web.templating import percent


@dataclass(frozen=True)
class StudentRow:
    attempt: ClassAttempt
    number: int  # this student's 1st, 2nd ... attempt
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return percent(self.attempt.correct, self.total)

    @property
    def finished(self) -> bool:
        return self.attempt.finished_at is not None

    @property
    def seconds(self) -> int | None:
        if self.attempt.finished_at is None:
            return None
        return max(0, round((self.attempt.finished_at - self.attempt.started_at).total_seconds()))

    @property
    def time(self) -> str:
        s = self.seconds
        if s is None:
            return "in progress"
        return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


@dataclass(frozen=True)
class QuestionRow:
    number: int
    question: SetQuestion
    answered: int
    right: int

    @property
    def percent(self) -> int | None:
        return percent(self.right, self.answered) if self.answered else None


@dataclass(frozen=True)
class Bar:
    label: str  # shortened to fit; `title` holds it whole
    title: str
    value: str  # shown at the end of the bar
    percent: int
    y: int
    width: int


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart, 0-100 %."""

    bars: list[Bar]
    width: int = 640
    label_width: int = 180
    bar_area: int = 380
    row: int = 30
    top: int = 26

    @property
    def height(self) -> int:
        return self.top + self.row * len(self.bars) + 8

    @property
    def ticks(self) -> list[tuple[int, int]]:
        """(x, percent) of the grid lines."""
        return [(self.label_width + self.bar_area * p // 100, p) for p in (0, 25, 50, 75, 100)]


def _short(text: str, n: int = 34) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def chart(items: list[tuple[str, str, int, str]]) -> Chart:
    """Bars from (label, full title, percent, value text)."""
    base = Chart(bars=[])
    bars = [Bar(_short(label, 22), title, value, p, base.top + i * base.row, round(base.bar_area * p / 100))
            for i, (label, title, p, value) in enumerate(items)]
    return Chart(bars=bars)


@dataclass(frozen=True)
class Claim:
    """A student's "I was right", waiting for the teacher."""

    answer: ClassAnswer
    attempt: ClassAttempt
    question: SetQuestion


@dataclass(frozen=True)
class GivenAnswer:
    """One student's answer to one question, as the results page shows it."""

    number: int  # the question's number in the results ("Q3")
    question: SetQuestion
    given: list[str]
    expected: list[str]
    correct: bool


@dataclass(frozen=True)
class AnswerSheet:
    student: StudentRow
    answers: list[GivenAnswer]


def answer_sheets(students: list[StudentRow], questions: list[QuestionRow],
                  answers: list[ClassAnswer]) -> list[AnswerSheet]:
    """Each attempt's answers, in the order they were given."""
    rows = {row.question.id: row for row in questions}
    by_attempt: dict[int, list[GivenAnswer]] = defaultdict(list)
    for a in answers:
        row = rows.get(a.question_id)
        if row is not None:
            q = row.question
            by_attempt[a.attempt_id].append(GivenAnswer(row.number, q, answer_lines(q.format, a.response),
                                                        answer_lines(q.format, q.answer), a.correct))
    return [AnswerSheet(s, by_attempt.get(row_id(s.attempt), [])) for s in students]


@dataclass(frozen=True)
class Results:
    students: list[StudentRow]
    questions: list[QuestionRow]
    scores: Chart
    per_question: Chart
    claims: list[Claim]
    sheets: list[AnswerSheet] = field(default_factory=list)

    @property
    def finished(self) -> list[StudentRow]:
        return [s for s in self.students if s.finished]

    @property
    def average(self) -> int | None:
        done = self.finished
        return round(sum(s.percent for s in done) / len(done)) if done else None


def results(session: Session, class_set: ClassSet) -> Results:
    attempts = crud.list_class_attempts(session=session, set_id=row_id(class_set))
    answers = crud.list_set_answers(session=session, set_id=row_id(class_set))
    answered: dict[int, int] = defaultdict(int)
    for a in answers:
        answered[a.attempt_id] += 1
    counts: dict[int, int] = defaultdict(int)
    students = []
    for attempt in attempts:
        counts[attempt.learner_id] += 1
        students.append(StudentRow(attempt, counts[attempt.learner_id], answered[row_id(attempt)],
                                   len(attempt.question_ids)))
    stats = crud.question_results(session=session, set_id=row_id(class_set))
    asked = {qid for attempt in attempts for qid in attempt.question_ids}
    ordered = [q for q in crud.list_set_questions(session=session, set_id=row_id(class_set))
               if q.id in asked]
    questions = [QuestionRow(i, q, *stats.get(row_id(q), (0, 0))) for i, q in enumerate(ordered, 1)]
    scores = chart([(f"{s.attempt.name}" + (f" ({s.number})" if s.number > 1 else ""), s.attempt.name, s.percent,
                     f"{s.attempt.correct}/{s.total}" + ("" if s.finished else " so far"))
                    for s in students])
    per_question = chart([(f"Q{r.number}", r.question.prompt, r.percent or 0,
                           f"{r.percent}% of {r.answered}")
                          for r in questions if r.answered])
    by_id = {row_id(q): q for q in crud.list_set_questions(session=session, set_id=row_id(class_set))}
    claims = [Claim(answer, attempt, by_id[answer.question_id])
              for answer, attempt in crud.list_claims(session=session, set_id=row_id(class_set))]
    return Results(students, questions, scores, per_question, claims, answer_sheets(students, questions, answers))


def csv_rows(r: Results, marks: dict[int, dict[int, bool]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["student", "attempt", "started (UTC)", "finished (UTC)", "seconds", "correct", "questions",
                     "percent", *[spreadsheet_cell(f"Q{q.number}: {_short(q.question.prompt, 60)}") for q in r.questions]])
    for s in r.students:
        a = s.attempt
        mine = marks.get(row_id(a), {})
        cells = ["" if q.question.id not in mine else int(mine[q.question.id]) for q in r.questions]
        writer.writerow([spreadsheet_cell(a.name), s.number, a.started_at.strftime("%Y-%m-%d %H:%M:%S"),
                         a.finished_at.strftime("%Y-%m-%d %H:%M:%S") if a.finished_at else "",
                         "" if s.seconds is None else s.seconds, a.correct, s.total, s.percent, *cells])
    return out.getvalue()


def csv_text(session: Session, class_set: ClassSet) -> str:
    r = results(session, class_set)
    marks: dict[int, dict[int, bool]] = defaultdict(dict)
    for answer in crud.list_set_answers(session=session, set_id=row_id(class_set)):
        marks[answer.attempt_id][answer.question_id] = answer.correct
    return csv_rows(r, marks)
