"""Reading an article a teacher gave (pasted, uploaded or fetched) in a child process. Megabytes of hostile
markup take seconds to read even linearly; read in the server's own process they would hold its interpreter,
and every student's request would wait its turn. A read that runs past its deadline is stopped by ending the
child."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from quizgen import models as qm
from quizgen.errors import InputError
from quizgen.ingest import parse_article

WORKERS = 2  # reads at once per server process; more wait their turn
DEADLINE = 60.0  # seconds; 5 MB of the worst markup known reads in 2 to 5

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def _readers() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            # forkserver: a child forked from this threaded server could inherit a lock held by another thread;
            # the readers it forks have the reading code loaded already
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["quizgen.ingest"])
            _pool = ProcessPoolExecutor(WORKERS, mp_context=context)
        return _pool


def _discard(pool: ProcessPoolExecutor) -> None:
    """End the pool's children (one is stuck, or died); the next read starts a new pool."""
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    for process in list((pool._processes or {}).values()):  # Python 3.14 has pool.kill_workers() for this
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def read_article(content: str, *, input_format: str | None, source: str, deadline: float = DEADLINE) -> qm.Article:
    """quizgen.ingest.parse_article, in a child process; InputError when the article cannot be read, or when
    reading it takes longer than `deadline` seconds."""
    pool = _readers()
    try:
        return pool.submit(parse_article, content, input_format=input_format, source=source).result(timeout=deadline)
    except FutureTimeout:
        _discard(pool)
        raise InputError(f"{source}: reading it took longer than {deadline:g} seconds; is it an article?") from None
    except BrokenProcessPool:
        _discard(pool)
        raise InputError(f"{source}: it could not be read (the reader stopped); is it an article?") from None
