"""Who is building a set's questions, and until when. The build holds a lease that a heartbeat renews while it
works; a build whose process died stops renewing, and once its lease has run out the set is marked failed (at
start-up, every little while, and when its page is loaded), so it never stays stuck. Every change is one
conditional UPDATE, so two threads, processes or servers never both hold a set, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import logging
import secrets
import threading
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Engine, and_, func, or_, update
from sqlmodel import Session, col, select

from web.crud import held
from web.models import ClassSet, utcnow

log = logging.getLogger("quizgen.web")
STOPPED = "Generating the questions stopped before it finished (the server restarted). Please try again."


def _expired(now: datetime, lease: timedelta) -> ColumnElement[bool]:
    """A build whose holder stopped renewing (or that no build ever took up, the request that made it gone)."""
    return and_(col(ClassSet.status) == "building",
                or_(col(ClassSet.lease_until) < now,
                    and_(col(ClassSet.lease_until).is_(None), col(ClassSet.updated_at) < now - lease)))


def is_live(class_set: ClassSet, lease: timedelta) -> bool:
    """Whether the set's build is (as far as anyone can tell) still running somewhere."""
    if class_set.status != "building":
        return False
    now = utcnow()
    if class_set.lease_until is None:
        return class_set.updated_at >= now - lease
    return class_set.lease_until >= now


def claim(engine: Engine, set_id: int, lease: timedelta) -> str | None:
    """Take up the set's build: its owner token, or None when another build holds a live lease (or the set is
    ready or gone). Claimable: a failed set, a new one not yet taken up, one whose lease ran out."""
    owner, now = secrets.token_hex(16), utcnow()
    claimable = or_(col(ClassSet.status) == "failed",
                    and_(col(ClassSet.status) == "building",
                         or_(col(ClassSet.lease_until).is_(None), col(ClassSet.lease_until) < now)))
    with Session(engine) as session:
        done = session.exec(update(ClassSet).where(col(ClassSet.id) == set_id, claimable).values(
            status="building", error="", lease_owner=owner, lease_until=now + lease,
            progress_step="Waiting to start", progress_done=0, updated_at=now))
        session.commit()
    return owner if done.rowcount == 1 else None


def renew(engine: Engine, set_id: int, owner: str, lease: timedelta) -> bool:
    """Push the lease on; False if the build lost it (the set was deleted, or taken up after it ran out)."""
    with Session(engine) as session:
        done = session.exec(update(ClassSet).where(*held(set_id, owner)).values(
            lease_until=utcnow() + lease))
        session.commit()
    return done.rowcount == 1


def sweep(engine: Engine, lease: timedelta, set_id: int | None = None) -> int:
    """Mark failed every build (or the one of `set_id`) whose lease ran out; how many."""
    now = utcnow()
    where = [_expired(now, lease)] + ([col(ClassSet.id) == set_id] if set_id is not None else [])
    with Session(engine) as session:
        done = session.exec(update(ClassSet).where(*where).values(
            status="failed", error=STOPPED, lease_owner="", lease_until=None, updated_at=now))
        session.commit()
    return int(done.rowcount)


def running(session: Session, teacher_id: int, lease: timedelta) -> int:
    """How many of the teacher's builds are running (their leases live)."""
    now = utcnow()
    return session.exec(select(func.count()).select_from(ClassSet).where(
        col(ClassSet.teacher_id) == teacher_id, col(ClassSet.status) == "building",
        ~_expired(now, lease))).one()


class Heartbeat:
    """Renews a build's lease every third of it, from a thread of its own, until stopped; `lost` is set when the
    lease could not be renewed, and the build gives up at its next step."""

    def __init__(self, engine: Engine, set_id: int, owner: str, lease: timedelta) -> None:
        self.engine, self.set_id, self.owner, self.lease = engine, set_id, owner, lease
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"quizgen-lease-{set_id}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.lease.total_seconds() / 3):
            try:
                alive = renew(self.engine, self.set_id, self.owner, self.lease)
            except Exception:  # the database away for a moment: the next beat tries again
                log.warning("renewing the lease of set %s failed", self.set_id, exc_info=True)
                continue
            if not alive:
                self.lost.set()
                return


class Sweeper:
    """Sweeps expired builds at start-up and then every half lease (at most every 30 s), from a thread."""

    def __init__(self, engine: Engine, lease: timedelta) -> None:
        self.engine, self.lease = engine, lease
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="quizgen-sweeper", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        period = min(self.lease.total_seconds() / 2, 30.0)
        while True:
            try:
                sweep(self.engine, self.lease)
            except Exception:  # the database away for a moment: the next round tries again
                log.warning("sweeping expired builds failed", exc_info=True)
            if self._stop.wait(period):
                return
