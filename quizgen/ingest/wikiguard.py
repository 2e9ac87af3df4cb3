"""One linear pass over wikitext before mwparserfromhell reads it, so that reading takes time in proportion
to the text.

When mwparserfromhell meets an opener it cannot close (`<ref>`, `{{`, `[[`, `{|`, `<!--`, a tag whose `>`
never comes, `[http://...` without its `]` on the line, `''` inside a template) it reads on to where the
attempt fails, often the end of the text, then takes the opener for text and goes on after it: n such
openers cost n² (`"<ref>" * 20000`, 100 KB, took 17 s). Openers that close across each other
(`{{a|[[b}}]]`) and deep nesting do the same.

`prepare` pairs openers and closers as mwparserfromhell would, with one stack: a closer closes the nearest
open construct of its kind, and whatever was opened above that and is still open stays unclosed, as does
whatever is open at the end. Every unclosed opener, and every opener nested deeper than MAX_NESTING, has
its first characters swapped for private-use stand-ins, which mwparserfromhell reads as plain text and
`restore` turns back: the text reads as mwparserfromhell would have read it after its failed attempt,
without the attempt. Comments and the bodies of tags it does not parse (<nowiki>, <math>, ...) are passed
over whole.

Bold and italic quotes are sorted out here too, line by line as MediaWiki does, and the caller has
mwparserfromhell leave quotes alone (skip_style_tags): the quotes that are markup become a stand-in that
`restore` deletes (the reader shows no bold or italic), the apostrophes among them stay ("''Bismarck'''s
crew", "'''Saladin''''s army").

mwparserfromhell also builds an object for every template, parameter, tag and link, at tens of microseconds
each, so what the reader drops anyway is dropped here, whole, once closed: templates but the few whose text
is read, the tags it drops (<ref>, ...), comments, tables and links to files and categories. Each is
replaced by one stand-in that `restore` deletes, so that what follows does not start a line it did not
start. What is left is weighed as it is met, and a text that would still give mwparserfromhell more than
MAX_MARKUP to build, some seconds of work, is refused: the test article on the Haitian Revolution, dense with
markup, weighs 41 a kilobyte, 205,000 for 5 MB of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from mwparserfromhell.definitions import PARSER_BLACKLIST, SINGLE_ONLY, is_scheme

MAX_NESTING = 20  # constructs inside one another; real articles use a handful
MAX_MARKUP = 300_000
# what mwparserfromhell and the reader spend on a piece that is left, in units of about 5-15 µs
TEMPLATE, LINK, EXTERNAL, TAG = 6, 3, 2, 5
COUNTED = {"entity": 1, "list": 3, "heading": 3, "rule": 3, "free": 3}  # per character for "list"
BRACKETS = ("{{", "[[")
STAND_INS = {"<": "\ue000", "{": "\ue001", "}": "\ue002", "[": "\ue003", "]": "\ue004", "'": "\ue005"}
DROPPED = "\ue006"
_SWAP = str.maketrans(STAND_INS)
_RESTORE = str.maketrans({v: k for k, v in STAND_INS.items()} | {"\ue005": None, DROPPED: None})
_OWN_STAND_INS = re.compile("[\ue000-\ue006]")
_OPAQUE = frozenset(PARSER_BLACKLIST)  # their bodies are not parsed
_VOID = frozenset(SINGLE_ONLY)  # <br>, <hr>, ...: never closed
_TOKENS = re.compile(
    r"""
      ^[ \t]*+(?P<table_open>\{)\|
    | ^[ \t]*+\|\}(?P<table_close>)(?!\})
    | (?P<comment><!--)
    | (?P<tag><(?P<slash>/?)(?P<name>[^\s<>/]++)
          (?P<attrs>(?:[^<>"'=]++|=\s*+"[^"<]*+"|=\s*+'[^'<]*+'|=\s*+(?!["'])|["'])*+)>)
    | (?P<lt><)(?=[^\s<>])
    | (?P<simple>(?<!\{)\{\{[^{}\[\]<>\n]*+\}\}(?!\}))
    | (?P<open_braces>\{\{++)
    | (?P<close_braces>\}\}++)
    | (?P<open_brackets>\[\[++)
    | (?P<close_brackets>\]\]++)
    | (?P<external>\[)(?=//|[A-Za-z][A-Za-z0-9+.\-]*+:)
    | (?P<quotes>''++)
    | (?P<entity>&\#?\w++;)
    | ^(?P<list>[*\#:;]++)
    | ^(?P<heading>=)
    | ^(?P<rule>-{4})
    | (?<![\w+.\-/])(?P<free>[A-Za-z][A-Za-z0-9+.\-]*+):
    """,
    re.VERBOSE | re.MULTILINE,
)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*+):(//)?")
_NAME_END = re.compile(r"[|{}\[\]<\n]")


class TooMuchMarkup(ValueError):
    """More markup than any article has."""


def prepare(text: str, *, dropped_tags: Collection[str], dropped_links: tuple[str, ...],
            read_template: Callable[[str], bool]) -> str:
    """The text for mwparserfromhell: openers that would not close swapped for stand-ins, markup quotes taken
    out, and what the reader drops dropped: tags named in `dropped_tags`, links whose target starts with one of
    `dropped_links` (lower case), templates but those whose name (lower case) `read_template` accepts.
    TooMuchMarkup if more than MAX_MARKUP would be left."""
    text = _OWN_STAND_INS.sub("\ufffd", text)  # a stand-in already there must not turn into markup
    out = list(text)  # the result, one string per character of the text ("" once dropped)
    stack: list[list] = []  # [kind, start, count]: kind "{{" or "[[" (count: brackets left), "{|" or a tag name
    open_kinds: dict[str, int] = {}
    depth = weight = 0
    ahead: dict[str, int] = {}  # where the next closer of a comment or opaque tag starts (-1: none)
    next_newline = next_bracket = external_end = -1
    quotes: list[tuple[int, int]] = []  # (start, end) of every run of two or more apostrophes

    def swap(start: int, end: int) -> None:
        out[start:end] = text[start:end].translate(_SWAP)

    def drop(start: int, end: int) -> None:
        out[start:end] = [DROPPED] + [""] * (end - start - 1)

    def unclosed(entry: list) -> None:
        kind, start, count = entry
        swap(start, start + (count if kind in BRACKETS else 1))

    def units(entry: list) -> int:
        return entry[2] // 2 if entry[0] in BRACKETS else 1

    def push(kind: str, start: int, count: int = 1) -> None:
        nonlocal depth
        wanted = units([kind, start, count])
        room = min(wanted, MAX_NESTING - depth)
        if room < wanted:  # the innermost are read as text
            kept = 2 * room if kind in BRACKETS else 0
            swap(start + kept, start + count)
            count = kept
        if room > 0:
            stack.append([kind, start, count])
            open_kinds[kind] = open_kinds.get(kind, 0) + 1
            depth += room

    def pop() -> None:
        nonlocal depth
        entry = stack.pop()
        open_kinds[entry[0]] -= 1
        depth -= units(entry)

    def close_up_to(kind: str) -> list:
        """The nearest open `kind`, taken off the stack; what was opened above it stays unclosed."""
        while stack[-1][0] != kind:
            unclosed(stack[-1])
            pop()
        entry = stack[-1]
        pop()
        return entry

    def close_brackets(kind: str, at: int, count: int) -> None:
        """Close what a run of `count` closing braces or brackets at `at` closes: the innermost first, three
        braces an argument and two a template, two brackets a link (MediaWiki's preprocessor)."""
        nonlocal weight, depth
        used = 0
        while count - used >= 2 and open_kinds.get(kind):
            if stack[-1][0] != kind:
                unclosed(stack[-1])
                pop()
                continue
            entry = stack[-1]
            size = 3 if kind == "{{" and min(entry[2], count - used) >= 3 else 2
            start, end = entry[1] + entry[2] - size, at + used + size
            used += size
            before = units(entry)
            entry[2] -= size
            depth -= before - units(entry)
            if entry[2] < 2:  # a brace or bracket left over is text
                pop()
            name_end = _NAME_END.search(text, start + size, end - size)
            name = text[start + size:name_end.start() if name_end else end - size].strip().lower()
            if kind == "[[":
                if name.lstrip(":").strip().startswith(dropped_links):
                    drop(start, end)
                else:
                    weight += LINK
            elif size == 3 or not read_template(name):
                drop(start, end)  # an argument, or a template whose text is not read
            else:
                weight += TEMPLATE

    pos = 0
    search = _TOKENS.search
    while weight <= MAX_MARKUP:
        m = search(text, pos)
        if m is None:
            break
        kind, pos = m.lastgroup or "", m.end()  # every alternative of the pattern is a named group
        if kind == "lt":
            out[pos - 1] = STAND_INS["<"]  # a tag that never ends
        elif kind == "tag":
            name = m["name"].lower()
            if m["slash"]:
                if open_kinds.get(name):  # else a closer of nothing: text, and cheap
                    start = close_up_to(name)[1]
                    if name in dropped_tags:
                        drop(start, pos)
                    else:
                        weight += TAG
            elif name in _VOID or m["attrs"].rstrip().endswith("/"):
                if name in dropped_tags:
                    drop(m.start(), pos)
                else:
                    weight += TAG
            elif name in _OPAQUE:
                closer = _next(ahead, f"</{name}", text, pos)
                end = text.find(">", closer) if closer >= 0 else -1
                if end < 0:
                    out[m.start()] = STAND_INS["<"]
                else:
                    if name in dropped_tags:
                        drop(m.start(), end + 1)
                    else:
                        weight += TAG
                    pos = end + 1
            elif depth >= MAX_NESTING:
                out[m.start()] = STAND_INS["<"]  # nested too deep: read as text
            else:
                push(name, m.start())
        elif kind == "comment":
            end = _next(ahead, "-->", text, pos)
            if end < 0:
                out[m.start()] = STAND_INS["<"]
            else:
                drop(m.start(), end + 3)
                pos = end + 3
        elif kind == "simple":  # a template with no markup in it, as one token: most are
            start = m.start()
            name_end = _NAME_END.search(text, start + 2, pos - 2)
            if read_template(text[start + 2:name_end.start() if name_end else pos - 2].strip().lower()):
                push("{{", start, 2)  # read the usual way
                pos = start + 2
            else:
                drop(start, pos)
        elif kind == "open_braces" or kind == "open_brackets":
            start = m.start()
            if kind == "open_brackets" and (pos - start) % 2:
                pos -= 1  # the last "[" may open an external link
            if depth >= MAX_NESTING:
                out[start:pos] = text[start:pos].translate(_SWAP)  # nested too deep: read as text
            else:
                push("{{" if kind == "open_braces" else "[[", start, pos - start)
        elif kind == "close_braces":
            close_brackets("{{", m.start(), pos - m.start())
        elif kind == "close_brackets":
            at = m.start() + (m.start() == external_end)  # the first "]" may close an external link
            close_brackets("[[", at, pos - at)
        elif kind == "table_open":
            push("{|", m.start("table_open"))
        elif kind == "table_close":
            if open_kinds.get("{|"):
                drop(close_up_to("{|")[1], pos)
        elif kind == "external":
            scheme = _SCHEME.match(text, pos)
            if scheme is None or is_scheme(scheme[1], slashes=scheme[2] is not None):
                # mwparserfromhell reads an external link to its "]", which must come before the line ends
                if next_newline < pos:
                    next_newline = text.find("\n", pos) % (len(text) + 1)
                if next_bracket < pos:
                    next_bracket = text.find("]", pos) % (len(text) + 1)
                if next_bracket >= next_newline:
                    out[m.start()] = STAND_INS["["]
                else:
                    weight += EXTERNAL
                    external_end = next_bracket
        elif kind == "quotes":
            quotes.append((m.start(), pos))
        elif kind == "free":
            if is_scheme(m["free"], slashes=text.startswith("//", pos)):
                weight += COUNTED["free"]
        else:
            weight += COUNTED[kind] * (pos - m.start() if kind == "list" else 1)
    if weight > MAX_MARKUP:
        raise TooMuchMarkup(f"more than {MAX_MARKUP:,} pieces of markup (links, tags, lists, ...)")
    for entry in stack:
        unclosed(entry)
    _take_out_quotes(text, quotes, out)
    return "".join(out)


def _next(ahead: dict[str, int], closer: str, text: str, pos: int) -> int:
    """Where `closer` next starts at or after `pos` (-1: nowhere), remembered so that the text is searched
    once per closer, not once per opener."""
    found = ahead.get(closer)
    if found is None or 0 <= found < pos:
        if closer == "-->":
            found = text.find("-->", pos)
        else:
            m = re.compile(re.escape(closer) + r"\s*>", re.IGNORECASE).search(text, pos)
            found = m.start() if m else -1
        ahead[closer] = found
    return found


def _take_out_quotes(text: str, quotes: list[tuple[int, int]], out: list[str]) -> None:
    line: list[tuple[int, int]] = []
    for run in quotes:
        if out[run[0]] == "":
            continue  # inside something dropped: neither markup nor text
        if line and "\n" in text[line[-1][1]:run[0]]:
            _bold_and_italic(text, line, out)
            line = []
        line.append(run)
    _bold_and_italic(text, line, out)


def _bold_and_italic(text: str, runs: list[tuple[int, int]], out: list[str]) -> None:
    """Take out the quotes of one line's runs that are bold or italic markup; the rest are apostrophes
    (MediaWiki's Parser::doQuotes): of four, the first; of more than five, all but the last five; and when the
    line has an odd number of both bold and italic runs, the first of one bold run, which then opens or closes
    italics."""
    markup = []  # (start, end) of the markup part of each run
    bold = italic = 0
    for start, end in runs:
        n = end - start
        start += 1 if n == 4 else n - 5 if n > 5 else 0
        markup.append((start, end))
        bold += end - start in (3, 5)
        italic += end - start in (2, 5)
    if bold % 2 and italic % 2:
        single_letter = multi_letter = space = None
        for i, (start, end) in enumerate(markup):
            if end - start != 3:
                continue
            before, before2 = text[start - 1:start], text[max(start - 2, 0):start - 1]
            if before == " ":
                space = i if space is None else space
            elif before2 == " ":
                single_letter = i
                break
            elif multi_letter is None:
                multi_letter = i
        chosen = next((i for i in (single_letter, multi_letter, space) if i is not None), None)
        if chosen is not None:
            start, end = markup[chosen]
            markup[chosen] = (start + 1, end)
    for start, end in markup:  # a stand-in that restore deletes: what follows stays where it was in its line
        out[start:end] = [STAND_INS["'"]] + [""] * (end - start - 1)


def restore(text: str) -> str:
    """Turn the stand-ins back into the characters they stand for; what was dropped goes."""
    return text.translate(_RESTORE)
