"""Words that make a lifted sentence lean on its neighbours, and tests for a prompt that gives its
answer away. Shared by the templates (which drop or refuse such wording) and the quality model's
features (which weigh what is left)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from quizgen.questions.draft import norm

# Discourse connectives that open a sentence and point back at the one before (PDTB 3.0 explicit
# connectives of every sense, as they open a sentence), longest first so "As a result" wins over "As"
CONNECTIVES: tuple[str, ...] = tuple(sorted("""
additionally|afterwards|afterward|after that|after this|again|also|and|as a consequence|as a result|as such|
at the same time|at this time|at that time|besides|but|by contrast|by then|consequently|despite this|
even so|eventually|finally|first|firstly|for this reason|furthermore|hence|however|in addition|in contrast|
in fact|in response|in return|in spite of this|in the end|in the meantime|in turn|indeed|instead|lastly|
later|likewise|meanwhile|moreover|nevertheless|nonetheless|not long afterward|not long afterwards|notably|
on the other hand|otherwise|secondly|shortly afterwards|shortly after|similarly|soon after|soon afterwards|
still|subsequently|then|therefore|thereafter|thus|ultimately|yet|because of this|as a consequence of this|
in the aftermath|in retaliation|accordingly|to this end|later that year|that year|the next year|
the following year|the next day|the following day|at first|at last|above all|by doing so|in doing so|
by so doing|as such|in this way|in that way|to that end|as a result of this|as a result of that|upon this|
following this|in response to this|owing to this|due to this|with this|on this|at this|more significantly|
most significantly|more importantly|most importantly|significantly|importantly|crucially|ironically|
interestingly|in particular|specifically|more specifically|worse still|even worse|even more|what is more|
in other words|that is|put simply|in short|in sum|to sum up|in summary
""".replace("\n", "").split("|"), key=len, reverse=True))
# these open a sentence only as connectives, so no comma is needed to tell ("But by 1891 ...");
# the others ("Later", "Still", "First") may begin a noun phrase and count only before a comma
BARE_CONNECTIVES = frozenset("""and but however moreover furthermore nevertheless nonetheless consequently
meanwhile thus hence therefore subsequently eventually finally ultimately instead also likewise similarly
additionally thereafter accordingly""".split())
_LEADING = re.compile(
    r"^(?:(?:" + "|".join(re.escape(c) for c in CONNECTIVES) + r")\s*,\s*"
    r"|(?:" + "|".join(sorted(BARE_CONNECTIVES)) + r")\b\s*(?!,))", re.IGNORECASE)
_ASIDE = re.compile(r",\s*(?:however|therefore|moreover|furthermore|though|nevertheless|nonetheless|in turn|"
                    r"in fact|indeed|too|also|thus|then|consequently|meanwhile|instead),(?=\s)", re.IGNORECASE)

PERSONAL_PRONOUNS = frozenset("he she his her him they them their".split())

# References that need the sentence before them: "that day", "the city", "these measures"
DEICTIC = re.compile(
    r"\b(?:that|this|these|those)\s+(?!is\b|was\b|are\b|were\b|had\b|has\b|of\b|which\b|who\b)[a-z]+"
    r"|\bsuch\s+(?!as\b)[a-z]+"
    r"|\bthe\s+(?:city|town|village|fort|fortress|castle|incident|episode|event|affair|period|time|same|former|"
    r"latter|following|next|previous|above|campaigns?|region|area|island|site|building|document|message|letter|"
    r"group|men|pair|couple|two|three|four|plan|scheme|plot|move|attempt|decision|matter|case|situation|"
    r"measures?|policy|idea|proposal|request|demands?|order|instructions|text|speech|news|report|deal|"
    r"agreement|accusations?|charges?|attack|raid|killing|murder|death|crisis|dispute|conflict|war|revolt|"
    r"rebellion|uprising|riot|protest|strike|leaders?|rebels|conspirators|plotters|authorities)\b(?!\s+of\b)"
    r"|\b(?:there|thereafter|thereby|herein|therein)\b(?!\s+(?:was|were|is|are|had|have|has|would|will|could)\b)"
    r"|^(?:it|they|this|these|those)\b",
    re.IGNORECASE | re.MULTILINE,
)

WORD = re.compile(r"[^\W\d_][\w'’-]*")
STOPWORDS = frozenset("""
a an the of in on at to for from by with and or but as into onto over under after before during
is was were be been being are his her its their he she they it this that these those which who whom
""".split())

# endings that make a name into its people or adjective: Chile/Chilean, Rome/Roman, Japan/Japanese
DERIVATIONS = ("ians", "ian", "ans", "an", "ese", "ish", "ic", "ics", "ites", "ite", "ists", "ist", "is", "i", "s",
               "es", "ern", "ers", "er", "ean", "eans", "ine", "ines")


def content_words(text: str) -> set[str]:
    """The words that carry meaning, a possessive's ending dropped ("Kett's Rebellion" has "kett")."""
    return {w.removesuffix("'s") for w in norm(text).split() if len(w) > 2 and w not in STOPWORDS}


def leading_connective(text: str) -> str | None:
    """The connective a sentence opens with ("However,", "As a result,"), or None."""
    m = _LEADING.match(text.strip())
    return m.group(0) if m else None


def drop_leading_connective(text: str) -> str:
    """"However, the army withdrew." -> "The army withdrew."; "It was, however, too late." -> "It was
    too late.": the claim without its link to the sentence before."""
    text = _ASIDE.sub("", text)
    m = _LEADING.match(text)
    while m and m.end() < len(text):
        text = text[m.end():]
        text = text[:1].upper() + text[1:]
        m = _LEADING.match(text)
    return text


def _related(a: str, b: str) -> bool:
    """Two words that are one name and its derivative ("Chile"/"Chilean", "Spain"/"Spanish")."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4 or a[:2] != b[:2]:
        return False
    short, long_ = sorted((a, b), key=len)
    k = 0
    while k < len(short) and short[k] == long_[k]:
        k += 1
    if k >= 4 and (long_[k:] in DERIVATIONS or short[k:] in ("", "e", "y", "a", "o")):
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.66


def shares_stem(answer: str, prompt: str) -> bool:
    """Whether the prompt names the answer again, or a word made from it: any word of the answer
    written again, or a capitalised word of the prompt derived from a word of the answer."""
    words = [w for w in WORD.findall(answer) if w.lower() not in STOPWORDS and len(w) > 2]
    prompt_words = WORD.findall(prompt)
    for w in words:
        for p in prompt_words:
            if p.lower() == w.lower() and (w[:1].isupper() or len(w) > 4):
                return True
            if p[:1].isupper() and w[:1].isupper() and _related(w, p):
                return True
    return False
