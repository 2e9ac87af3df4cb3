"""How fast one client may guess join codes: wrong codes per client address per minute, in a moving window.

Only codes that name no quiz count, so a class behind one school address joining with the right code is never
held up, while trying codes in bulk (hundreds a second without a limit) gets a 429 after a few. The count is
kept in each server process's memory (the `limits` library); with N worker processes a client gets at most N
times the limit.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from web.problems import TooManyTries


class CodeGuesses:
    def __init__(self, per_minute: int) -> None:
        self.item = RateLimitItemPerMinute(per_minute)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def check(self, client: str) -> None:
        """TooManyTries when this client has tried too many wrong codes lately."""
        if self.limiter.test(self.item, "join", client):
            return
        reset = self.limiter.get_window_stats(self.item, "join", client).reset_time
        wait = max(1, math.ceil(reset - time.time()))
        raise TooManyTries(f"Too many codes that name no quiz were tried from here. Check the code with your "
                           f"teacher and try again in {wait} second{'s' if wait != 1 else ''}.", retry_after=wait)

    def missed(self, client: str) -> None:
        self.limiter.hit(self.item, "join", client)
