"""What a service refuses, said without HTTP: the services raise these, and web/errors.py alone decides
which response each becomes."""

from __future__ import annotations


class Problem(Exception):
    """A request the service cannot carry out, with a message for the person who made it."""


class NotFound(Problem):
    """What was asked for does not exist, or is not the asker's."""


class OutOfOrder(Problem):
    """Asked at the wrong moment: already done, or not yet possible."""


class Invalid(Problem):
    """The request names something that cannot be."""


class TooManyTries(Problem):
    """Tried too often lately; `retry_after` seconds until the next try counts."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
