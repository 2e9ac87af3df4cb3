"""Articles a teacher gives are read in a child process (web.reading): the same article as read in this one,
the same refusals, and a read past its deadline is stopped without stopping the next."""

from __future__ import annotations

import os

import pytest
from webtests import ARTICLE

from quizgen.errors import InputError
from quizgen.ingest import parse_article
from web import reading


def test_reading_in_a_child_gives_what_reading_here_gives() -> None:
    assert reading.read_article(ARTICLE, input_format=None, source="pasted text") == parse_article(
        ARTICLE, input_format=None, source="pasted text")
    with pytest.raises(InputError, match="no paragraphs|empty") as refused:
        reading.read_article("   \n\n  ", input_format="text", source="pasted text")
    with pytest.raises(InputError) as here:
        parse_article("   \n\n  ", input_format="text", source="pasted text")
    assert str(refused.value) == str(here.value)
    readers = [p.pid for p in reading._readers()._processes.values()]  # type: ignore[union-attr]
    assert readers and os.getpid() not in readers


def test_a_read_past_its_deadline_is_stopped_and_the_next_one_works() -> None:
    hostile = "Title\n\n== A ==\n" + "<ref>" * 1_000_000
    with pytest.raises(InputError, match="took longer than 0.05 seconds"):
        reading.read_article(hostile, input_format="wikitext", source="hostile.wiki", deadline=0.05)
    assert reading.read_article(ARTICLE, input_format=None, source="pasted text").title == "Siege of Rhodes (1522)"
