"""Many learners at once against a real uvicorn, with few worker threads: every request is answered.

A sync route runs in a worker thread and FastAPI takes another one to serialise its reply; a route that
kept its database connection across that wait could leave every thread waiting for a connection and
every connection waiting for a thread. Two threads and more learners than the connection pool holds
(15) make that wait certain if it can happen at all.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx
from fastapi import FastAPI
from live_server import live

from quizgen.bench.web import reply as reply_to
from quizgen.settings import Settings
from web.app import create_app

LEARNERS = 40


async def take_a_quiz(base: str, n: int) -> int:
    """A learner names itself, reads the library, starts a quiz and answers it; the number of answers."""
    async with httpx.AsyncClient(base_url=base, timeout=20, trust_env=False) as client:
        (await client.post("/api/learners", json={"name": f"Learner {n}"})).raise_for_status()
        (await client.get("/")).raise_for_status()  # a page: the learner is read by a sync dependency
        state = (await client.post("/api/attempts", json={"deck": "kirov-assassination", "count": 3})).json()
        answered = 0
        current = state["current"]
        while current is not None:
            reply = await client.post(f"/api/attempts/{state['id']}/answers",
                                      json={"position": current["position"], "response": reply_to(current)})
            reply.raise_for_status()
            answered += 1
            current = reply.json()["next"]
        attempt = (await client.get(f"/api/attempts/{state['id']}")).json()
        assert attempt["finished"] and attempt["answered"] == answered
        return answered


def test_many_learners_with_two_threads(settings: Settings) -> None:
    app: FastAPI = create_app(settings.model_copy(update={"web_threads": 2}))
    try:
        with live(app) as base:
            async def everyone() -> list[int]:
                return await asyncio.gather(*(take_a_quiz(base, n) for n in range(LEARNERS)))

            # in a thread of its own: in a test run that drives a browser, Playwright's sync API keeps an
            # event loop running in this thread, where asyncio.run refuses to start another
            with ThreadPoolExecutor(max_workers=1) as thread:
                assert thread.submit(asyncio.run, everyone()).result() == [3] * LEARNERS
    finally:
        app.state.engine.dispose()
