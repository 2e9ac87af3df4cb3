"""What one teacher's hostile input costs everyone else: nothing measurable. While a 5 MB upload of hostile
wikitext is read and while slow servers trickle their headers to the URL fetcher, a student's answers are served
within their usual latency, measured idle at the start of the same test (a generous ratio: the machine is shared
and busy)."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable

from fastapi import FastAPI
from live_server import live
from webtests import Db, LivePageClient, SlowServer, answer_form, sign_up, sqlite_only, start_quiz

from web import crud

DECK_QUIZ = "/decks/kirov-assassination/quiz"
HOSTILE = "The Siege of Rhodes began on June 26, 1522.\n\n== Afterwards ==\n" + "<ref>" * (5 * 1024 * 1024 // 5 - 20)
RATIO = 3.0  # the median answer while the others work, against the median idle one
SLACK = 0.1  # seconds: a 5 ms baseline doubles whenever the reader takes a core of two; a stall is seconds


class Student:
    """A student answering a quiz over HTTP, one timed request an answer, starting new attempts as needed."""

    def __init__(self, base: str, db: Db) -> None:
        self.client, self.db = LivePageClient(base), db
        assert self.client.post("/learner", data={"name": "Ada"}).status_code == 303
        with db.session() as session:
            self.count = len(crud.list_questions(session=session))
        self.attempt, self.position = 0, self.count

    def answer(self) -> float:
        if self.position == self.count:
            self.attempt, self.position = start_quiz(self.client, DECK_QUIZ, count=self.count), 0  # type: ignore[arg-type]
        form = answer_form(self.db, self.attempt, self.position, right=True)
        start = time.perf_counter()
        r = self.client.post(f"/attempts/{self.attempt}/answers", data=form)
        took = time.perf_counter() - start
        assert r.status_code == 303, r.text
        self.position += 1
        return took

    def answers(self, n: int) -> list[float]:
        return [self.answer() for _ in range(n)]

    def answers_while(self, busy: Callable[[], bool], at_least: int) -> list[float]:
        out: list[float] = []
        while busy() or len(out) < at_least:
            out.append(self.answer())
        return out


def in_background(work: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


@sqlite_only
def test_a_hostile_upload_and_slow_servers_cost_a_student_nothing(app: FastAPI, db: Db, slow_server: SlowServer) -> None:
    app.state.settings = app.state.settings.model_copy(update={"allow_loopback_urls": True, "fetch_timeout": 8})
    with live(app) as base:
        student = Student(base, db)
        student.answers(5)  # warm up
        idle = statistics.median(student.answers(20))
        bound = max(RATIO * idle, idle + SLACK)

        # a 5 MB upload of unclosed <ref> tags: read (linearly) while the student answers
        uploader = LivePageClient(base)
        uploader.timeout = 120  # type: ignore[assignment]
        sign_up(uploader, email="upload@school.org")  # type: ignore[arg-type]
        status: list[int] = []
        upload = in_background(lambda: status.append(uploader.post(
            "/teach/sets/from-article", data={"how": "upload"},
            files={"file": ("hostile.wiki", HOSTILE.encode(), "text/plain")}).status_code))
        during_upload = student.answers_while(upload.is_alive, at_least=10)
        assert status and status[0] in (303, 422), status

        # three slow servers' headers, a byte a second, held for the whole fetch deadline
        fetcher = LivePageClient(base)
        sign_up(fetcher, email="fetch@school.org")  # type: ignore[arg-type]
        for _ in range(3):
            r = fetcher.post("/teach/sets/from-article", data={"how": "url", "url": f"{slow_server.url}/trickle"})
            assert r.status_code == 303, r.text
        deadline = time.monotonic() + 5
        while len(slow_server.connections) < 3:
            assert time.monotonic() < deadline, "the fetches did not start"
            time.sleep(0.05)
        during_fetch = student.answers_while(lambda: all(c.closed is None for c in slow_server.connections), at_least=10)

    for name, times in (("the upload", during_upload), ("the slow fetches", during_fetch)):
        assert statistics.median(times) < bound, (name, f"idle {idle:.3f} s", sorted(round(t, 3) for t in times))
