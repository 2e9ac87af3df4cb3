"""wikitext input (being written)."""

from quizgen.errors import InputError
from quizgen.models import Article


def parse(content: str, source: str) -> Article:
    raise InputError(f"{source}: wikitext input is not supported yet")
