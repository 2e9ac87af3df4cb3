"""Reading articles: the four input formats, format choice, and bad input (library and CLI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.errors import InputError
from quizgen.ingest import PARSERS, load_article, parse_article, sniff_format
from quizgen.models import Article

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).parent / "data" / "articles"
KIROV = ROOT / "decks" / "kirov-assassination" / "article.txt"
QUIZGEN = Path(sys.executable).parent / "quizgen"


def headings(article: Article) -> list[str]:
    return [s.heading for s in article.sections]


def paragraphs(article: Article) -> list[str]:
    return [p for s in article.sections for p in s.paragraphs]


def see_also(article: Article) -> dict[str, str]:
    return {s.title: s.description for s in article.see_also}


def assert_no_leaks(article: Article) -> None:
    """Test pages mark every piece of non-prose with "must not leak"; none of it, nor a marker, may get through."""
    text = article.text
    assert "must not leak" not in text
    for marker in ("[1]", "[2]", "[4]", "[citation needed]", "[edit]", "{{", "}}", "[[", "]]", "<ref", "'''"):
        assert marker not in text
    for s in article.see_also:
        assert "must not leak" not in s.title + s.description


# plain text: the Kirov deck ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kirov() -> Article:
    return load_article(KIROV)


def test_text_title_drops_glued_edit_link(kirov: Article) -> None:
    assert kirov.title == "Kirov Assassination"


def test_text_sections(kirov: Article) -> None:
    assert headings(kirov) == ["", "Background", "The assassination", "Aftermath and consequences",
                               "Historiography and controversy"]
    assert kirov.sections[0].paragraphs[0].startswith("On December 1, 1934, Sergei Kirov")


def test_text_see_also_from_inline_sentences(kirov: Article) -> None:
    refs = see_also(kirov)
    for title in ("Sergei Kirov", "NKVD", "Great Purge", "Kirov assassination", "Leningrad Affair",
                  "Nikolai Yezhov", "Joseph Stalin"):
        assert title in refs
    assert refs["Nikolai Yezhov"] == "the figure who led the security apparatus through the height of these measures"
    assert not any("See also" in p for p in paragraphs(kirov))


# markdown ---------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def meiji() -> Article:
    return load_article(ARTICLES / "meiji-restoration.md")


def test_markdown_title_and_sections(meiji: Article) -> None:
    assert meiji.title == "Meiji Restoration"
    assert headings(meiji) == ["", "Background", "The fall of the shogunate", "Reforms"]


def test_markdown_inline_markup_and_links_become_text(meiji: Article) -> None:
    lead = meiji.sections[0].paragraphs[0]
    assert lead.startswith("The Meiji Restoration was the political revolution")
    assert "ended the Tokugawa shogunate." in lead
    assert "under Emperor Meiji, whose reign lasted until 1912." in lead
    assert not any(c in meiji.text for c in "*_`#|") and "https://" not in meiji.text


def test_markdown_soft_line_breaks_join_one_paragraph(meiji: Article) -> None:
    fall = meiji.sections[2].paragraphs
    assert len(fall) == 1 and fall[0].startswith("In late 1867") and fall[0].endswith("in Hokkaido.")


def test_markdown_list_items_kept_only_when_sentences(meiji: Article) -> None:
    reforms = meiji.sections[3].paragraphs
    assert "Conscription, introduced in 1873, created a national army drawn from every class." in reforms
    assert "Land tax reform" not in reforms and "Railways" not in reforms
    assert any(p.startswith("Contemporaries described") for p in reforms)  # a block quote is prose


def test_markdown_drops_code_html_tables_references_and_footnotes(meiji: Article) -> None:
    text = meiji.text
    for gone in ("print(", "banner", "Abolition of the han system", "Beasley", "enlightened rule", "[^1]"):
        assert gone not in text


def test_markdown_see_also(meiji: Article) -> None:
    assert see_also(meiji) == {
        "Boshin War": "the civil war of 1868–1869",
        "Satsuma Rebellion": "the last samurai revolt, in 1877",
        "Iwakura Mission": "",
    }


def test_markdown_without_h1_takes_the_first_line_as_title() -> None:
    article = parse_article(
        "Siege of Orléans\n\nJoan of Arc helped lift the siege of Orléans in May 1429.\n\n## Aftermath\n\n"
        "The French victory restored hope to the cause of Charles VII.\n",
        input_format="markdown",
    )
    assert article.title == "Siege of Orléans"
    assert headings(article) == ["", "Aftermath"]
    assert article.sections[0].paragraphs == ("Joan of Arc helped lift the siege of Orléans in May 1429.",)


def test_markdown_front_matter_title() -> None:
    article = parse_article(
        "---\ntitle: Congress of Vienna\nauthor: someone\n---\n\nThe Congress of Vienna of 1814 and 1815 redrew "
        "the map of Europe after the Napoleonic Wars.\n",
        input_format="markdown",
    )
    assert article.title == "Congress of Vienna"
    assert paragraphs(article) == ["The Congress of Vienna of 1814 and 1815 redrew the map of Europe after the "
                                   "Napoleonic Wars."]


# HTML -------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hastings() -> Article:
    return load_article(ARTICLES / "battle-of-hastings.html")


@pytest.fixture(scope="module")
def tordesillas() -> Article:
    return load_article(ARTICLES / "treaty-of-tordesillas.html")


def test_html_title_and_sections(hastings: Article) -> None:
    assert hastings.title == "Battle of Hastings"
    assert headings(hastings) == ["", "Background", "Shield wall", "Death of Harold", "Aftermath"]


def test_html_paragraphs(hastings: Article) -> None:
    lead = hastings.sections[0].paragraphs
    assert lead[0].startswith("The Battle of Hastings was fought on 14 October 1066 between the Norman army of "
                              "William, Duke of Normandy, and the English army of King Harold Godwinson.")
    assert lead[1] == "The Norman victory ended Anglo-Saxon rule and began the Norman conquest of England."
    assert "The Domesday Book of 1086 recorded the land and wealth of the conquered kingdom." in paragraphs(hastings)
    assert "Normans" not in paragraphs(hastings)


def test_html_drops_page_furniture(hastings: Article) -> None:
    assert_no_leaks(hastings)
    for gone in ("Medieval History Notes", "Bayeux Tapestry", "tracking", "Copyright"):
        assert gone not in hastings.text


def test_html_see_also(hastings: Article) -> None:
    assert see_also(hastings) == {
        "Battle of Stamford Bridge": "Harold's victory over the Norwegians",
        "Bayeux Tapestry": "",
        "Norman conquest of England": "",
    }


def test_wikipedia_page_title_and_sections(tordesillas: Article) -> None:
    assert tordesillas.title == "Treaty of Tordesillas"
    # "Terms" holds only its subsection, so it has no paragraphs of its own
    assert headings(tordesillas) == ["", "Background", "The line of demarcation", "Consequences"]


def test_wikipedia_page_paragraphs_without_markers(tordesillas: Article) -> None:
    lead = tordesillas.sections[0].paragraphs
    assert lead[0] == (
        "The Treaty of Tordesillas, signed in Tordesillas on 7 June 1494, divided the newly found lands outside "
        "Europe between the Kingdom of Portugal and the Crown of Castile. The dividing line ran from pole to pole "
        "370 leagues west of the Cape Verde islands."
    )
    assert lead[1] == ("Lands to the east of the line were to belong to Portugal and lands to the west to Castile. "
                       "The treaty was ratified by Castile on 2 July 1494 and by Portugal on 5 September 1494.")
    assert "Pope Julius II confirmed the treaty in 1506." in tordesillas.sections[3].paragraphs


def test_wikipedia_page_drops_infobox_toc_edit_links_navigation_and_references(tordesillas: Article) -> None:
    assert_no_leaks(tordesillas)
    text = tordesillas.text
    for gone in ("Jump to content", "Main page", "Contents", "From Wikipedia", "For the town in Spain",
                 "Signed", "Crown of Castile; Kingdom", "edit", "Retrieved", "Categories", "1494 treaties",
                 "Davenport", "Treaty of Alcáçovas", "last edited", "^"):
        assert gone not in text
    assert not any(h.lower().endswith("edit") for h in headings(tordesillas))


def test_wikipedia_page_see_also(tordesillas: Article) -> None:
    assert see_also(tordesillas) == {
        "Treaty of Zaragoza": "the 1529 agreement that fixed the line in Asia",
        "Inter caetera": "",
        "Age of Discovery": "the period of European overseas exploration",
    }


def test_html_title_from_title_element_without_wikipedia_suffix() -> None:
    article = parse_article(
        "<html><head><title>Siege of Vienna - Wikipedia</title></head>"
        "<body><p>The Ottoman army besieged Vienna in 1683 and was defeated by a relief force.</p></body></html>"
    )
    assert article.title == "Siege of Vienna"


def test_html_keeps_ordinal_superscripts_and_drops_leftover_markers() -> None:
    article = parse_article(
        "<html><body><h1>Taiping Rebellion</h1><p>The Taiping Rebellion shook China in the 19<sup>th</sup> "
        "century.<sup>[3]</sup> It began in 1850 in Guangxi.[12] Its death toll is uncertain.[citation needed]</p>"
        "<h2>Origins [edit]</h2><p>Hong Xiuquan founded the movement.[a][b]</p></body></html>"
    )
    assert paragraphs(article) == ["The Taiping Rebellion shook China in the 19th century. It began in 1850 in "
                                   "Guangxi. Its death toll is uncertain.", "Hong Xiuquan founded the movement."]
    assert headings(article) == ["", "Origins"]


def test_html_without_paragraphs_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no paragraphs"):
        parse_article("<html><body><h1>Peasants' Revolt</h1><table><tr><td>1381</td></tr></table></body></html>",
                      input_format="html", source="revolt.html")


def test_html_nested_thousands_deep() -> None:
    page = "<html><body>" + "<div>" * 5000 + "<p>The Hanseatic League traded across the Baltic Sea.</p>" + \
        "</div>" * 5000 + "</body></html>"
    try:
        article = parse_article(page, input_format="html")
    except InputError:
        return
    assert paragraphs(article) == ["The Hanseatic League traded across the Baltic Sea."]


# wikitext ---------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def haiti() -> Article:
    return load_article(ARTICLES / "haitian-revolution.wiki")


def test_wikitext_title_from_file_name_and_sections(haiti: Article) -> None:
    assert haiti.title == "Haitian Revolution"
    assert headings(haiti) == ["", "Background", "The uprising of 1791", "Toussaint Louverture", "Independence"]


def test_wikitext_paragraphs(haiti: Article) -> None:
    lead = haiti.sections[0].paragraphs[0]
    assert lead.startswith("The Haitian Revolution (Révolution haïtienne) was a successful uprising")
    assert "French colonial rule in Saint-Domingue, the colony that became the independent state of Haiti." in lead
    assert haiti.sections[1].paragraphs == (
        "By the 1780s Saint-Domingue produced much of the world's sugar and coffee on plantations worked by about "
        "half a million enslaved Africans. The French Revolution of 1789 raised demands for rights among free "
        "people of colour, and colonial society split over who would hold power.",
    )
    assert "On the night of 22 August 1791, enslaved workers" in haiti.sections[2].paragraphs[0]
    assert "he fought for the French Republic and drove out" in haiti.sections[3].paragraphs[0]
    independence = haiti.sections[4].paragraphs
    assert "Haiti became the second independent republic in the Americas, after the United States." in independence
    assert "Gonaïves" not in independence


def test_wikitext_drops_templates_refs_files_tables_comments_and_back_matter(haiti: Article) -> None:
    assert_no_leaks(haiti)
    for gone in ("Infobox", "Black Jacobins", "Caption", "Palm Tree Hill", "thumb", "Category", "Slave rebellions",
                 "Avengers of the New World", "archive", "Editors", "wikitable", "Reflist"):
        assert gone not in haiti.text


def test_wikitext_see_also(haiti: Article) -> None:
    assert see_also(haiti) == {
        "Toussaint Louverture": "the general who led the revolution from 1793",
        "Saint-Domingue expedition": "",
        "Slavery in the Americas": "the wider system the revolt challenged",
    }


@pytest.mark.parametrize("head", ["= Siege of Malta =\n", "{{DISPLAYTITLE:''Siege of Malta''}}\n"])
def test_wikitext_title_line_or_displaytitle(head: str) -> None:
    article = parse_article(head + "The '''Great Siege''' of [[Malta]] took place in 1565.\n", input_format="wikitext",
                            source="malta-1565.wiki")
    assert article.title == "Siege of Malta"
    assert paragraphs(article) == ["The Great Siege of Malta took place in 1565."]


def test_wikitext_bold_lead_name_is_not_the_title() -> None:
    article = parse_article("The '''Glorious Revolution''' deposed James II in 1688.\n", input_format="wikitext",
                            source="decks/england/glorious_revolution.wiki")
    assert article.title == "Glorious Revolution"


@pytest.mark.parametrize("wikitext, expected", [
    ("The ''Bismarck'''s crew sank in 1941.", "The Bismarck's crew sank in 1941."),
    ("The '''Saladin''''s army won in 1187.", "The Saladin's army won in 1187."),
    ("He said ''''peace'''' in 1648.", "He said 'peace' in 1648."),
    ("A ''b'' c '''d''' e '''''f''''' g in 1900.", "A b c d e f g in 1900."),
    ("Bold then O'Brien's ''own'' in 1900.", "Bold then O'Brien's own in 1900."),
])
def test_wikitext_bold_and_italic_go_and_the_apostrophes_among_them_stay(wikitext: str, expected: str) -> None:
    assert paragraphs(parse_article(wikitext, input_format="wikitext")) == [expected]


@pytest.mark.parametrize("wikitext, expected", [
    ("The city {{fell in 1453.", "The city {{fell in 1453."),
    ("The city <ref>fell in 1453.", "The city fell in 1453."),
    ("The [[city fell in 1453.", "The [[city fell in 1453."),
    ("The city fell in 1453.<!-- unclosed", "The city fell in 1453.<!-- unclosed"),
    ("The city {{a|[[b}}]] fell in 1453.", "The city ]] fell in 1453."),
    ("The [http://x.org city fell in 1453.", "The [ city fell in 1453."),
    ("a <b c in 1453.", "a <b c in 1453."),
    ("The city fell in 1453.{{a|{{b|{{c|x}}}}}}", "The city fell in 1453."),
    ("The city fell<ref>{{cite|title=''X''}}</ref> in 1453.", "The city fell in 1453."),
    ("The city fell in {{nowrap|May 1453}}.", "The city fell in May 1453."),
])
def test_wikitext_markup_left_open_or_crossed_reads_as_text(wikitext: str, expected: str) -> None:
    # as mwparserfromhell reads it after trying to close the markup, which it no longer has to try
    assert paragraphs(parse_article(wikitext, input_format="wikitext")) == [expected]


# format choice ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("content", "fmt"), [
    ("<!DOCTYPE html><html><body><p>Text.</p></body></html>", "html"),
    ("<div><p>The Mughal emperor Akbar ruled from 1556.</p></div>", "html"),
    ("The '''Mughal Empire''' was founded by [[Babur]] in 1526.", "wikitext"),
    ("Intro\n\n== History ==\nText.", "wikitext"),
    ("# Mughal Empire\n\nThe empire was founded in 1526.", "markdown"),
    ("Mughal Empire\n\nThe empire was founded in 1526 by Babur.", "text"),
])
def test_sniff_format(content: str, fmt: str) -> None:
    assert sniff_format(content) == fmt


@pytest.mark.parametrize(("name", "title"), [
    ("meiji-restoration.md", "Meiji Restoration"),
    ("battle-of-hastings.html", "Battle of Hastings"),
    ("haitian-revolution.wiki", "Haitian Revolution"),
])
def test_format_by_extension_and_by_content(tmp_path: Path, name: str, title: str) -> None:
    by_extension = load_article(ARTICLES / name)
    unnamed = tmp_path / Path(name).stem  # no extension: the content decides
    unnamed.write_bytes((ARTICLES / name).read_bytes())
    by_content = load_article(unnamed)
    assert by_extension.title == by_content.title == title
    assert by_extension.sections == by_content.sections and by_extension.see_also == by_content.see_also


def test_input_format_overrides_extension(tmp_path: Path) -> None:
    path = tmp_path / "meiji.txt"
    path.write_bytes((ARTICLES / "meiji-restoration.md").read_bytes())
    assert load_article(path).title == "# Meiji Restoration"  # read as plain text
    assert load_article(path, input_format="markdown").title == "Meiji Restoration"
    assert parse_article(path.read_text(), input_format="markdown").title == "Meiji Restoration"


def test_unknown_input_format() -> None:
    with pytest.raises(InputError, match="unknown input format"):
        parse_article("Some text.", input_format="docx")


# bad input --------------------------------------------------------------------------------------------------------

BAD_FILES: dict[str, bytes | None] = {
    "empty.txt": b"",
    "blank.txt": b"  \n\t\n   \n",
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00",
    "latin1.txt": "Révolution française\n\nLa prise de la Bastille eut lieu en 1789.\n".encode("latin-1"),
    "huge.txt": b"The Hundred Years' War.\n\n" + b"word " * (5 * 1024 * 1024 // 5 + 1),
    "title-only.md": b"# The Hundred Years' War\n\n## Background\n\n## See also\n\n- Joan of Arc\n",
    "title-only.txt": b"The Hundred Years' War\n\nBackground\n",
    "title-only.html": b"<html><head><title>War</title></head><body><h1>War</h1><h2>Background</h2></body></html>",
    "title-only.wiki": b"= War =\n== Background ==\n{{Infobox war}}\n[[Category:Wars]]\n",
    "missing.txt": None,
    "folder": None,
}
BAD_MESSAGES = {
    "empty.txt": "empty", "blank.txt": "empty", "image.png": "binary", "latin1.txt": "not UTF-8",
    "huge.txt": "too large", "missing.txt": "no such file", "folder": "not a file",
}


def make_bad(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    data = BAD_FILES[name]
    if name == "folder":
        path.mkdir()
    elif data is not None:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_input_is_an_input_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match=BAD_MESSAGES.get(name, "no paragraphs")):
        load_article(make_bad(tmp_path, name))


@pytest.mark.parametrize("name", BAD_FILES)
def test_cli_bad_input_exits_2_with_one_line(tmp_path: Path, name: str) -> None:
    path = make_bad(tmp_path, name)
    result = subprocess.run([str(QUIZGEN), "extract", str(path), "--format", "json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    assert result.stdout == ""


# robustness -------------------------------------------------------------------------------------------------------

NESTED = {
    "markdown": ">" * 5000 + " The Ming dynasty ruled China from 1368.",
    "wikitext": "{{" * 5000 + "x" + "}}" * 5000 + "\n[[" * 3000 + "\n<div>" * 5000 + "Some text.",
    "html": "<ul><li>" * 3000 + "<p>The Ming dynasty ruled China from 1368.</p>",
    "text": "(" * 50000,
}


@pytest.mark.parametrize("fmt", PARSERS)
def test_deep_nesting_never_crashes(fmt: str) -> None:
    try:
        parse_article(NESTED[fmt], input_format=fmt, source="nested")
    except InputError:
        pass


PIECES = [*"ab Z.\n=*#-[]{}|<>/'!:;&p1", "<p>", "</p>", "[[", "]]", "{{", "}}", "== ", "# ", "<ref>", "See also",
          "The war ended in 1453. ", "\u00a0", "é", "\u200b"]


@pytest.mark.parametrize("fmt", PARSERS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=120))
def test_any_text_gives_an_article_or_an_input_error(fmt: str, pieces: list[str]) -> None:
    try:
        article = parse_article("".join(pieces), input_format=fmt, source="fuzz")
    except InputError:
        return
    assert article.title and paragraphs(article)
