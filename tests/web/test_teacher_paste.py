"""A set from a pasted article: a one-sentence article is an article (its title typed or taken from its opening
words, never its only sentence); pasted HTML is read as HTML; a refused paste keeps what was typed and puts the
problem by the field, which takes the focus."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from webtests import Db, set_questions, sign_up, sqlite_only, wait_until_built

from quizgen.errors import InputError
from web import crud
from web.paste import read_pasted

SENTENCE = "The Siege of Rhodes began on June 26, 1522, when the Ottoman army of Suleiman landed on the island of Rhodes."


def paragraphs(article) -> list[str]:  # type: ignore[no-untyped-def]
    return [p for s in article.sections for p in s.paragraphs]


@pytest.mark.parametrize(("text", "title", "want_title"), [
    (SENTENCE, "", "The Siege of Rhodes began on June 26…"),
    (SENTENCE, "Siege of Rhodes", "Siege of Rhodes"),
    (f"{SENTENCE}\nThe knights surrendered on December 20, 1522.", "", "The Siege of Rhodes began on June 26…"),
    (f"Siege of Rhodes\n\n{SENTENCE}", "", "Siege of Rhodes"),
    (f"Siege of Rhodes\n\n{SENTENCE}", "Siege of Rhodes", "Siege of Rhodes"),
])
def test_plain_text_keeps_its_only_sentence_and_takes_a_title(text: str, title: str, want_title: str) -> None:
    article = read_pasted(text, title=title)
    assert article.title == want_title
    assert " ".join(paragraphs(article)).startswith(SENTENCE)


@pytest.mark.parametrize("html", [
    f"<h1>Siege of Rhodes</h1>\n<p>{SENTENCE}</p>",
    f"<p>{SENTENCE}</p>",
    f"<html><head><title>Siege of Rhodes</title></head><body><h1>Siege of Rhodes</h1><p>{SENTENCE}</p></body></html>",
    f"  <H1>Siege of Rhodes</H1><P>{SENTENCE}</P>",
    # a page's source whose first paragraph comes after a long head: its opening tag says HTML
    f"<head><meta charset='utf-8'><style>{'p {}' * 800}</style></head><h1>Siege of Rhodes</h1><p>{SENTENCE}</p>",
])
def test_pasted_html_is_read_as_html(html: str) -> None:
    article = read_pasted(html, title="Siege of Rhodes")
    assert article.title == "Siege of Rhodes"
    assert paragraphs(article) == [SENTENCE]  # no tags left in the text


def test_nothing_but_a_title_is_still_refused() -> None:
    with pytest.raises(InputError, match="no paragraphs"):
        read_pasted("<h1>Siege of Rhodes</h1>")


@sqlite_only
def test_a_one_sentence_article_makes_a_set(client: TestClient, db: Db) -> None:
    sign_up(client)
    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": SENTENCE, "title": "Siege of Rhodes"})
    assert r.status_code == 303, r.text
    set_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert wait_until_built(client, set_id) == "ready"
    with db.session() as session:
        assert crud.get_class_set(session=session, set_id=set_id).title == "Siege of Rhodes"
    assert set_questions(db, set_id)


@sqlite_only
def test_a_refused_paste_keeps_the_text_and_puts_the_problem_by_the_field(client: TestClient) -> None:
    sign_up(client)
    typed = "Siege of Rhodes\n\n<ref>"  # a title and nothing an article holds
    r = client.post("/teach/sets/from-article", data={"how": "paste", "text": typed, "title": "My title"})
    assert r.status_code == 422
    page = r.text
    error = re.search(r'<p id="paste-error" class="form-error" role="alert">([^<]+)</p>', page)
    assert error and "no paragraphs" in error.group(1)
    textarea = re.search(r'<textarea id="text"[^>]*>', page).group(0)
    assert "autofocus" in textarea and 'aria-describedby="paste-error"' in textarea
    assert page.index("paste-error") < page.index('<textarea id="text"')  # above the field, under its label
    assert "Siege of Rhodes\n\n&lt;ref&gt;</textarea>" in page
    assert 'value="My title"' in page
