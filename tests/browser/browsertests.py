"""What the browser tests share with their fixtures."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


@dataclass
class Server:
    url: str
    engine: Engine  # the same database, to look up what the page should show
