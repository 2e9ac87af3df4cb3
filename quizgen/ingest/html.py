"""html input (being written)."""

from quizgen.errors import InputError
from quizgen.models import Article


def parse(content: str, source: str) -> Article:
    raise InputError(f"{source}: html input is not supported yet")
