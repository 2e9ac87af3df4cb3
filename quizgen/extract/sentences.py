"""A spaCy component run before the parser: no sentence starts right after an abbreviation or an
initial ("ca. 300 BC", "Pres. Grant", "Sgt. Maj. T. Hughes"), which the statistical parser sometimes
takes for a full stop, nor after a comma or a bracket. A regnal number ("Edward I.") may still end a
sentence."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

COMPONENT = "quizgen_sentences"

# written in lower case ("ca. 300 BC") or capitalised as a title before a name ("Pres. Grant")
LOWER_ABBREVIATIONS = frozenset("c. ca. cf. fl. approx. viz. vs. e.g. i.e. pp. vol.".split())
TITLE_ABBREVIATIONS = frozenset("""
St. Mt. Ft. Pt. Mr. Mrs. Ms. Dr. Prof. Rev. Fr. Hon. Jr. Sr. Bros. Co. Corp. Inc. Ltd. No. Nos.
Pres. Gov. Sen. Rep. Amb. Gen. Col. Lt. Capt. Cpt. Sgt. Maj. Adm. Cmdr. Cdr. Brig. Pvt. Cpl. Lieut.
Jan. Feb. Mar. Apr. Aug. Sep. Sept. Oct. Nov. Dec.
""".split())
ABBREVIATIONS = LOWER_ABBREVIATIONS | {a.lower() for a in TITLE_ABBREVIATIONS}
_INITIAL = re.compile(r"^[A-Z]\.$")
_ROMAN = {"I.", "V.", "X."}


def add_abbreviations(nlp: Language) -> None:
    """Keep each abbreviation one token with its full stop, as the tokenizer already does for "Gen."."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)  # the model's own, which takes special cases
    for abbr in LOWER_ABBREVIATIONS | TITLE_ABBREVIATIONS:
        if len(tokenizer(abbr)) > 1:
            tokenizer.add_special_case(abbr, [{"ORTH": abbr}])


ENDS = {".", "!", "?", "...", "…"}


@Language.component(COMPONENT)
def keep_abbreviations_together(doc: Doc) -> Doc:
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        regnal = prev.text in _ROMAN and i >= 2 and doc[i - 2].text[:1].isupper()
        if prev.lower_ in ABBREVIATIONS or (_INITIAL.match(prev.text) and not regnal):
            doc[i].is_sent_start = False
        # "The Nika riots (Greek: ...), or Nika revolt ...": no sentence starts after a comma or a bracket,
        # nor with a small letter, unless a full stop came first
        elif prev.text in (",", ";", ":", "(", ")") or (doc[i].text[:1].islower() and prev.text not in ENDS):
            doc[i].is_sent_start = False
    return doc
