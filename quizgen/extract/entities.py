"""People, places and organizations: spaCy's entity mentions merged into one record per referent.

The statistical model labels each mention on its own and often disagrees with itself ("Kirov" as
ORG, "Leningrad" as PERSON). We decide per name over all its mentions: a short name that ends a
person's full name is that person; names of events, section headings and see-also topics that are
events are nobody; buildings that things happen "at" are places.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from quizgen.extract import cues, lexicon
from quizgen.extract.context import ArticleContext
from quizgen.models import Entity, Provenance

LABELS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization",
          "NORP": "group", "EVENT": "event", "PRODUCT": "other", "WORK_OF_ART": "other", "LAW": "other"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
ROMAN = cues.ROMAN
TITLE_WORDS = cues.TITLE_WORDS
# words of a title without a name: "the Viceroy", "Prime Minister", "Grand Vizier"
OFFICE_WORDS = TITLE_WORDS | lexicon.OFFICE_TITLES | lexicon.ROLE_NOUNS | {"prime", "grand", "deputy", "vice", "high", "royal"}
# last words of names of realms and lands, whose first word alone is the same place
REALM_HEADS = lexicon.PLACE_NOUNS | lexicon.POLITY_NOUNS | lexicon.PLACE_HEAD_NOUNS
# nouns a person's name may qualify: "the Kirov murder", "the Nixon administration"
OWNED_NOUNS = lexicon.EVENT_NOUNS | lexicon.EVENT_ANAPHORA | lexicon.ORGANIZATION_NOUNS | frozenset(
    "administration dynasty era family government regime reign rule".split())
# endings of words made from names, which qualify a name rather than begin it: "Unionist", "Ottoman"
ADJECTIVE_ENDINGS = ("ist", "ian", "an", "ese", "ish", "ic")
# particles after which comes a father's or forebear's name, not the person's own
PATRONYMIC = frozenset("ibn bin ben bint bat bar ap".split())
# the article of an Arabic name, joined to it by a hyphen: "al-Tabari"
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|d|l|bi)[-'’]", re.IGNORECASE)
ARTICLE_WORDS = frozenset("al el ad an ar as ash at az ud ul d l bi".split())  # ("bi-": "al-Qa'im bi-Amr Allah")
PLACE_PREPOSITIONS = lexicon.LOCATIVE_PREPOSITIONS | lexicon.MORE_PLACE_PREPOSITIONS
# words of a body's name, wherever they stand in it: "the Dutch States General"
BODY_WORDS = lexicon.BODY_FIRST_WORDS | lexicon.ORGANIZATION_NOUNS


@dataclass
class Name:
    """One surface form ("Sergei Kirov", "Kirov") and what its mentions were labelled."""

    text: str
    labels: Counter = field(default_factory=Counter)
    locative: int = 0  # mentions after "at", "in", ...
    modifier: int = 0  # mentions used as an adjective ("a Bolshevik organizer")
    definite: int = 0  # mentions after "the": "the Midlands" is no person
    describes: int = 0  # mentions qualifying a common noun that is not a person's ("the Sikh festival")
    kin: int = 0  # mentions set beside a word for a person ("his wife, Sophie")
    plural: int = 0  # "enslaved Africans": a people, not a person
    site: int = 0  # set beside a word for a place ("Bengal, the largest province")
    thing: int = 0  # said to be a document or other made thing ("Magna Carta is a royal charter")
    unlike: int = 0  # said to be something no person is ("Gettysburg was the turning point")
    acts: int = 0  # the subject of what people do ("Genoa refused"), where the model also calls it a place
    pro: int = 0  # mentions the text marks as a person's (cues.person_cue)
    placed: int = 0  # "in present-day ...", "the city of ...": a place
    grouped: int = 0  # "the Chauhan clan", "four divisions: ...": a body or one of a set of them
    work: int = 0  # "the novel ...": a made thing
    gloss: int = 0  # "(Turkish: ...)": another language's name for what the sentence is about
    anchors: Counter = field(default_factory=Counter)  # names a parenthesis around this one follows
    partners: Counter = field(default_factory=Counter)  # names joined to this one by "and", "or"
    loose_anchors: set[str] = field(default_factory=set)  # anchors with other words between
    spans: list[tuple[object, Span]] = field(default_factory=list)

    @property
    def against(self) -> int:
        # "the Spaniards": a lone word after "the" is no one's name
        definite = self.definite if len(self.text.split()) == 1 else 0
        return self.placed + self.grouped + self.work + self.gloss + self.site + self.unlike + definite


def clean_name(span: Span) -> str:
    toks = list(span)
    while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].tag_ == "POS" or toks[-1].text in ("'s", "’s")
                    or toks[-1].lower_ in ("of", "the", "and", "de", "in")):
        toks = toks[:-1]
    text = "".join(t.text_with_ws for t in toks).strip()
    text = _POSSESSIVE.sub("", text).strip()
    last = text.split()[-1] if text else ""
    if text.endswith(".") and (len(last) > 2 or ROMAN.match(last[:-1]) and len(text.split()) > 1) \
            and last.lower() not in lexicon.GENERATION_SUFFIXES:
        text = text[:-1]  # "Emperor Charles V." at the end of a sentence: the full stop is the sentence's
    return text


def without_affiliation(name: str) -> str:
    """"Protestant Elizabeth" -> "Elizabeth"; "Roman Catholic" -> "": a faith or party is no part of a name."""
    words = name.split()
    while words and (words[0].lower() in lexicon.AFFILIATIONS
                     or words[0] == "Roman" and len(words) > 1 and words[1].lower() in lexicon.AFFILIATIONS):
        words = words[1:]
    return " ".join(words)


def bare(name: str) -> str:
    """The name without titles of rank: "Major Vojislav Tankosić" -> "Vojislav Tankosić"."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in OFFICE_WORDS:
        words = words[1:]
    if ARTICLE_PREFIX.match(words[0]) and words[0][:1].isupper():
        words[0] = words[0][:1].lower() + words[0][1:]  # "Al-Amin" opening a sentence is "al-Amin"
    return " ".join(words)


def own_words(name: str) -> list[str]:
    """The words of a name that belong to the person: no title, regnal number, epithet ("the Great"),
    "of" and a domain ("Charles I of Anjou"), nor a father's name ("Ali ibn Muhammad")."""
    words = bare(name).split()
    if any(w in lexicon.CLAN_PARTICLES for w in words[1:-1]):
        words = words[words.index(next(w for w in words[1:-1] if w in lexicon.CLAN_PARTICLES), 1) + 1:]  # "Yoritomo"
    for i, w in enumerate(words):
        if i and (w.lower() in ("of", "the") or w.lower() in PATRONYMIC or w.lower().startswith("bi-")):
            words = words[:i]
            break
    while len(words) > 1 and words[-1].lower() in cues.TRAILING_TITLES | lexicon.GENERATION_SUFFIXES:
        words = words[:-1]  # "Ibrahim Pasha" is no Mr Pasha
    return [w for w in words if not ROMAN.match(w)]


def surname_of(name: str) -> str:
    """"Sergei Kirov" -> "Kirov"; "King Richard II" -> "Richard" (a regnal number is no surname)."""
    words = own_words(name)
    return words[-1] if words else name


def family_name(name: str, text: str) -> str:
    """The word of a name that stands for the person on its own: the last ("Sergei Kirov" -> "Kirov"),
    or the first where the article uses that one alone ("Saigō Takamori" ... "Saigō resigned")."""
    words = own_words(name)
    last = surname_of(name)
    if len(words) < 2:
        return last
    rest = text.replace(" ".join(words), " ")

    def alone(word: str) -> int:
        # not where another name goes on after it: "Gaius" of "Gaius Manlius" is no one's short name
        return len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])(?!\s+[A-Z])", rest))

    return words[0] if alone(words[0]) > alone(last) else last


def short_name(name: str, text: str) -> str:
    """How the article calls the person on their own: the family name where the article uses it alone,
    else the whole name without titles ("Hulegu Khan" stays whole when "Khan" never stands alone)."""
    words = own_words(name)
    if len(words) < 2:
        return surname_of(name)
    fam = family_name(name, text)
    whole = len(re.findall(re.escape(" ".join(words)), text))
    alone = len(re.findall(rf"(?<![\w-]){re.escape(fam)}(?![\w-])", text)) - whole
    return fam if alone > 0 else bare(name)


def is_event_name(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    last = words[-1].lower()
    # "Coalfield Strikes", "Freedom Day"
    return (last in lexicon.EVENT_NOUNS or last.removesuffix("s") in lexicon.EVENT_NOUNS or len(words) > 1 and (
        last in lexicon.OCCASION_NOUNS or words[0].lower() in lexicon.EVENT_NOUNS))


def is_document_name(name: str) -> bool:
    """"Behistun Inscription", "Five Articles of Remonstrance", "Codex Xolotl": the name of a writing,
    by its head noun (the word before "of", else the last) or a first word that heads such names."""
    words = name.split()
    if len(words) < 2:
        return False
    of = next((i for i, w in enumerate(words) if w == "of" and i), len(words))
    head = words[of - 1]
    return head[:1].isupper() and head.lower() in lexicon.DOCUMENT_NOUNS or words[0].lower() in lexicon.DOCUMENT_FIRST_WORDS


def looks_like_name(name: str) -> bool:
    words = name.split()
    if all(ROMAN.match(w) or w.upper() in ("BC", "BCE", "AD", "CE") for w in words):
        return False  # "II", "BC": pieces of a name or a date, never a name
    if not words:
        return False
    words = [ARTICLE_PREFIX.sub("", w) for w in words]  # "al-Tabari", "Yusuf ibn Tashfin al-Qadiri"
    while len(words) > 1 and words[0].lower() in lexicon.NAME_PARTICLES:
        words = words[1:]  # "van Oosten", "de Gaulle"
    return all(w[:1].isupper() or w.lower() in lexicon.NAME_PARTICLES | lexicon.CLAN_PARTICLES or w.lower() in ("of", "and", "the")
               or w[:1].isdigit() or re.fullmatch(r"[IVX]+", w) for w in words) and words[0][:1].isupper()


def is_name_word(t: Token) -> bool:
    return t.text[:1].isupper() and t.pos_ == "PROPN" and not t.ent_type_ and any(c.isalpha() for c in t.text)


def glued(doc: Doc, i: int) -> bool:
    """Whether token i is a hyphen or apostrophe joining the words either side: "Govinda-raja",
    "Shuja-ud-daula", "Kapp–Lüttwitz"; not "Rockefeller-owned"."""
    return (0 < i < len(doc) - 1 and doc[i].text in ("-", "'", "’", "–") and not doc[i - 1].whitespace_
            and not doc[i].whitespace_ and doc[i + 1].is_alpha and doc[i + 1].pos_ not in ("VERB", "ADJ", "ADV", "ADP")
            and (doc[i].text != "–" or doc[i + 1].text[:1].isupper()))


NAME_ENT_TYPES = ("", "PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "WORK_OF_ART")


def extend(doc: Doc, start: int, end: int, label: str, taken: set[int]) -> tuple[int, int, str]:
    """A name's span with the pieces the model leaves out: titles before it ("Sultan", "Infante Dom"),
    an Arabic article ("al-"), particles and the words after them ("de' Medici", "ibn Muhammad"),
    a hyphenated part ("-raja"), a regnal number ("II"), an epithet ("the Great")."""
    def free(i: int) -> bool:
        return 0 <= i < len(doc) and i not in taken and doc[i].ent_type_ in NAME_ENT_TYPES

    if doc[start].lower_ in lexicon.KUNYA_WORDS and start + 1 < len(doc) and doc[start + 1].text[:1].isupper() \
            and doc[start + 1].pos_ == "PROPN" and (end == start + 1 and free(start + 1) or label not in ("GPE", "LOC", "FAC")):
        # "Abu Yazid Makhlad ibn Kaydad", which the model cut after "Abu" or "Abu Yazid"; not "Abu Dhabi"
        end, label = max(end, start + 2), "PERSON"
    while free(start - 1) and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_.rstrip(".") in TITLE_WORDS:
        start, label = start - 1, "PERSON"  # "Lord Curzon", whatever the model took "Curzon" for
    while label == "PERSON" and free(start - 1) and is_name_word(doc[start - 1]) and not doc[start - 1].is_sent_start \
            and not doc[start - 1].lower_.endswith(ADJECTIVE_ENDINGS):
        start -= 1  # "Pargalı Ibrahim Pasha": a first name the model left out; not "Unionist"
    while free(start - 2) and doc[start - 1].lower_ in PATRONYMIC and doc[start - 2].text[:1].isupper() \
            and doc[start - 2].pos_ == "PROPN":
        start, label = start - 2, "PERSON"  # "Ziri ibn Manad" where the model labelled "Manad" alone
    if free(start - 2) and doc[start - 1].text == "-" and ARTICLE_PREFIX.match(doc[start - 2].text + "-") \
            and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2
    elif label in ("", "PERSON") and free(start - 2) and doc[start - 1].text == "-" and doc[start - 2].text[:1].isupper() \
            and doc[start - 2].is_alpha and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2  # "Go-Toba": the model read the first part of the name as another word
    while end < len(doc):
        t = doc[end]
        after = end
        while after < len(doc) and (doc[after].lower_ in lexicon.NAME_PARTICLES or doc[after].text in ("'", "’")
                                    or doc[after].text == "-" and doc[after - 1].lower_ in ARTICLE_WORDS and glued(doc, after)):
            after += 1  # "van der", "de la", "de'", "ibn al-"
        if after > end and after < len(doc) and free(after) and doc[after].text[:1].isupper() and (
                after - end <= 2 or after - end == 3 and doc[after - 1].text in ("'", "’", "-")):
            end = after + 1  # "de' Medici", "van der Straaten"
        elif t.text in lexicon.CLAN_PARTICLES and end + 1 < len(doc) and free(end + 1) and doc[end + 1].pos_ == "PROPN" \
                and doc[end + 1].text[:1].isupper() and doc[end - 1].pos_ == "PROPN" and doc[end - 1].text[:1].isupper():
            end, label = end + 2, "PERSON"  # "Minamoto no Sanetomo", whatever the model took either half for
        elif doc[end - 1].lower_ in lexicon.NAME_PARTICLES and free(end) and t.text[:1].isupper():
            end += 1  # the model stopped at "Willem van der" and took "Straaten" for another name
        elif glued(doc, end + 1) and free(end + 2) and ARTICLE_PREFIX.match(t.text + "-") and end + 2 < len(doc) \
                and doc[end + 2].text[:1].isupper():
            end += 3  # "... al-Qadiri"
            while t.lower_ == "bi" and end < len(doc) and free(end) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                end += 1  # "bi-Amr Allah": a regnal name runs on past what the model took for the name
        elif t.text in ("'", "’") and doc[end - 1].lower_ in lexicon.NAME_PARTICLES and free(end + 1) \
                and doc[end + 1].text[:1].isupper():
            end += 2  # the model stopped at "Lorenzo de'"
        elif glued(doc, end) and free(end + 1) and doc[start].text[:1].isupper():
            end += 2
        elif (is_name_word(t) or t.ent_iob_ == "B" and t.text[:1].isupper() and t.pos_ == "PROPN" and (
                t.ent_type_ == "PERSON" or end + 1 < len(doc) and doc[end + 1].lower_ in PATRONYMIC)) and free(end) \
                and label in ("", "PERSON"):
            end += 1  # (names the model labelled apart with nothing between are one: "Abu Yazid" "Makhlad ibn ...")
        else:
            break
    if end < len(doc) and ROMAN.match(doc[end].text) and (label == "PERSON" or end - start <= 2):
        end += 1
    # "John of Austria the Younger": a name, its land and a byname
    if end + 3 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper() and free(end + 1) \
            and doc[end + 2].lower_ == "the" and doc[end + 3].lower_ in lexicon.EPITHET_WORDS and label in ("", "PERSON"):
        end += 1
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN" and free(end):
            end += 1
    if end + 1 < len(doc) and cues.is_epithet(doc[end]) and free(end + 1) and (
            label in ("", "PERSON") or doc[end + 1].lower_ in lexicon.EPITHET_WORDS):
        end, label = end + 2, "PERSON"
    return start, end, label


def candidates(doc: Doc) -> list[Span]:
    """The model's names, made whole, and the runs of proper nouns it gave no label (label "")."""
    taken: set[int] = set()
    spans = []
    for ent in split_office_holders(doc.ents):
        if ent.label_ not in LABELS or ent.start in taken:
            continue
        if len(ent) == 1 and ent.start >= 2 and cues.is_epithet(doc[ent.start - 1]) and doc[ent.start - 2].text[:1].isupper() \
                or len(ent) == 2 and ent.start >= 1 and cues.is_epithet(ent[0]) and doc[ent.start - 1].text[:1].isupper():
            continue  # "(the) Elder" of "Pliny the Elder": the name it ends takes it
        end = ent.end
        while end > ent.start + 1 and (doc[end - 1].pos_ in ("CCONJ", "PUNCT", "ADP") or doc[end - 1].lower_ == "the"):
            end -= 1  # "Ashoka the Great and": the model ran on into the next words
        start, end, label = extend(doc, ent.start, end, ent.label_, taken)
        taken.update(range(start, end))
        spans.append(Span(doc, start, end, label=label))
    for ent in doc.ents:
        if not (ent.label_ in LABELS and ent[-1].lower_ in lexicon.EPITHET_WORDS and ent.start >= 1
                and cues.is_epithet(doc[ent.end - 2])):
            taken.update(range(ent.start, ent.end))  # dates, numbers: no names in them (a byname is left to its name)
    end = 0
    for t in doc:
        i = t.i
        if i < end or i in taken:
            continue
        # a proper noun with a capital, or "al-" before one, or a capitalised word the model tagged as
        # another part of speech that has a word for a person in apposition ("X, paramount chief of ...")
        if not (t.pos_ == "PROPN" and is_name_word(t) or t.lower_ in ARTICLE_WORDS and glued(doc, i + 1)
                and i + 2 < len(doc) and is_name_word(doc[i + 2])
                or t.text[:1].isupper() and t.is_alpha and not t.is_stop and not t.ent_type_ and t.pos_ != "PRON"
                and (any(c.dep_ == "appos" and c.i > i and cues.is_role_noun(c) for c in t.children)
                     or t.pos_ == "NOUN" and not t.is_sent_start and doc[i - 1].is_alpha
                     or t.is_sent_start and not t.lower_.endswith("ly") and cues.apposed_role(doc[i:i + 1])
                     or bare_subject(t)
                     or i + 2 < len(doc) and cues.is_epithet(doc[i + 1]) and doc[i + 2].lower_ in lexicon.EPITHET_WORDS)):
            continue  # (a capital inside a sentence, tagged a common noun: "the magus Sphendadates")
        if t.is_sent_start and t.is_stop:
            continue  # "Few answered."
        start, end, label = extend(doc, i, i + 1, "", taken)
        spans.append(Span(doc, start, end, label=label))
        taken.update(range(start, end))
    return sorted(spans, key=lambda sp: sp.start)


# what a person does and a sentence's abstract first word ("Tradition says", "Fate decided", "History
# teaches") does not
ACTING_VERBS = lexicon.PERSON_SUBJECT_VERBS - {"describe", "mention", "note", "suggest"} | frozenset(
    "betray conspire escape flee oppose plot quarrel refuse resign return travel".split())


def bare_subject(t: Token) -> bool:
    """"Coriolanus opposed ...": a word opening a sentence that the model tagged a common noun, singular
    with no article (which a common noun of that kind would need), the subject of what a person does,
    and never written in small letters in the paragraph."""
    return bool(t.is_sent_start and t.pos_ == "NOUN" and t.tag_ == "NN" and t.dep_ == "nsubj" and t.head.lemma_ in ACTING_VERBS
            and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in t.children)
            and not re.search(rf"\b{re.escape(t.lower_)}\b", t.doc.text))


def part_of_event_name(ent: Span) -> bool:
    """"Peasants" in "the Peasants' Revolt": the name of an event, not a body of people."""
    doc, i = ent.doc, ent.end
    while i < len(doc) and doc[i].tag_ == "POS" or i < len(doc) and doc[i].text in ("'", "’"):
        i += 1
    return i < len(doc) and doc[i].text[:1].isupper() and doc[i].lower_ in lexicon.EVENT_NOUNS | lexicon.OCCASION_NOUNS


def part_of_possessive_name(ent: Span) -> bool:
    """"Rorke" in "Rorke's Drift", "St Scholastica" in "St Scholastica's Day": a name before "'s" and a
    capitalised word that no other name of the model's begins is the first part of a place's or a day's name."""
    doc, i = ent.doc, ent.end
    if i + 1 >= len(doc) or doc[i].tag_ != "POS" or i + 1 == len(doc) or doc[i + 1].is_sent_start:
        return False
    nxt = doc[i + 1]
    return nxt.text[:1].isupper() and nxt.is_alpha and nxt.pos_ in ("PROPN", "NOUN") and (
        nxt.ent_type_ in ("", ent.label_) and (nxt.ent_iob_ != "B" or nxt.ent_type_ == "")
        or nxt.lower_ in lexicon.PLACE_HEAD_NOUNS) and not (i + 2 < len(doc) and doc[i + 2].text[:1].isupper())


def split_lists(ents: Iterable[Span]) -> Iterator[Span]:
    """"Aske, Darcy", "Doncaster the Duke of Norfolk": what the model took for one person's name is a
    list of names, or a name and then a title of another."""
    for ent in ents:
        doc = ent.doc
        cuts = [t.i for t in ent[1:-1] if t.text == "," and doc[t.i + 1].dep_ == "conj"]
        cuts += [t.i for t in ent[1:-1] if t.lower_ == "the" and doc[t.i + 1].lower_ in TITLE_WORDS]
        start = ent.start
        for cut in sorted(cuts):
            if cut > start:
                yield Span(doc, start, cut, label=ent.label_)
            start = cut + 1 if doc[cut].text == "," else cut
        yield Span(doc, start, ent.end, label=ent.label_) if start > ent.start else ent


def split_office_holders(ents: Iterable[Span]) -> Iterator[Span]:
    """"Chief of Serbian Military Intelligence Dragutin Dimitrijević": what the model took for one
    organization is the body of an office and, after it, the name of its holder."""
    for ent in split_lists(ents):
        doc = ent.doc
        if (ent.label_ == "ORG" and len(ent) >= 4 and ent.start >= 2 and doc[ent.start - 1].lower_ == "of"
                and doc[ent.start - 2].lower_ in lexicon.OFFICE_TITLES
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent[-2:])
                and not any(t.lower_ in lexicon.ORGANIZATION_NOUNS for t in ent[-2:])):
            yield Span(doc, ent.start, ent.end - 2, label="ORG")
            yield Span(doc, ent.end - 2, ent.end, label="PERSON")
        elif ent.label_ in ("ORG", "GPE", "NORP", "FAC") and (k := title_inside(ent)) is not None:
            # "the United States Consul Townsend Harris": a body or a land, then a title and its holder
            if any(t.lower_ != "the" for t in doc[ent.start:k]):
                yield Span(doc, ent.start, k, label=ent.label_)
            yield Span(doc, k, ent.end, label="PERSON")
        else:
            yield ent


def title_inside(ent: Span) -> int | None:
    """Where a title of rank starts the last words of what the model took for one body's name, with
    only names after it: "United States Consul Townsend Harris" -> at "Consul"."""
    doc = ent.doc
    for k in range(ent.start + 1, ent.end - 1):
        t = doc[k]
        if t.text[:1].isupper() and t.lower_.rstrip(".") in TITLE_WORDS | lexicon.OFFICE_TITLES \
                and doc[k - 1].lower_.rstrip(".") not in OFFICE_WORDS:
            rest = doc[k + 1:ent.end]
            if 1 <= len(rest) <= 3 and all(
                    x.pos_ == "PROPN" and x.text[:1].isupper() and x.lower_ not in lexicon.ORGANIZATION_NOUNS | REALM_HEADS
                    | lexicon.FACILITY_NOUNS | OFFICE_WORDS for x in rest):
                return k
            return None
    return None


def gather(ctx: ArticleContext) -> dict[str, Name]:
    names: dict[str, Name] = {}
    for para in ctx.paragraphs:
        at: dict[int, str] = {}  # token -> the name it is part of, for what a parenthesis follows
        found: list[tuple[Name, Span]] = []
        for ent in candidates(para.doc):
            if ent.label_ and part_of_event_name(ent) or part_of_possessive_name(ent):
                continue
            text = without_affiliation(clean_name(ent))
            if not text or not looks_like_name(text) or all(w.lower().rstrip(".") in OFFICE_WORDS | cues.PEOPLE_NOUNS
                                                            for w in text.split()):
                continue  # "the Viceroy", "Chief Minister": a rank, not a name
            if bare(text).split()[0] == "of":
                continue  # "the King of Chu": a title alone, no one's name
            if text.lower() in lexicon.MONTHS:
                continue  # "June 68", a date the model did not see
            n = names.setdefault(text, Name(text))
            if ent.label_:
                n.labels[LABELS[ent.label_]] += 1
            n.spans.append((para, ent))
            for i in range(ent.start, ent.end):
                at[i] = text
            prev = ent.doc[ent.start - 1] if ent.start > 0 else None
            # "sent to William Parker": "to" points at people too, so only a lone name counts it
            preps = PLACE_PREPOSITIONS | (lexicon.DIRECTIONAL_PREPOSITIONS if len(ent) == 1 else set())
            possessor = ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS"  # "to Eden's resignation"
            # "in Ottoman Rumeli", "in northeast Roman Gaul": past the words that qualify the place
            lead = ent.start - 1
            while lead > 0 and ent.start - lead <= 2 and (ent.doc[lead].ent_type_ == "NORP" or ent.doc[lead].lower_ in
                                                           lexicon.DIRECTIONS or ent.doc[lead].lower_ == "the"):
                lead -= 1
            if not possessor and (prev is not None and prev.lower_ in preps or (
                    ent[0].lower_ == "the" and ent.start > 1 and ent.doc[ent.start - 1].lower_ in preps)
                    or lead >= 0 and ent.doc[lead].lower_ in PLACE_PREPOSITIONS):
                n.locative += 1
            if len(ent) == 1 and ent.root.dep_ in ("amod", "compound") and ent.root.head.pos_ == "NOUN" or ent.root.pos_ == "ADJ":
                n.modifier += 1
            first = cues.first_conjunct(ent.root)
            if first.dep_ in ("amod", "compound", "nmod") and first.head.pos_ == "NOUN" and first.head.lemma_.lower() not in \
                    OWNED_NOUNS and not cues.is_role_noun(first.head):
                n.describes += 1  # "the Hindu and Sikh festival": a word for a kind of thing
            if ent[0].lower_ == "the" or (prev is not None and prev.lower_ == "the") or len(ent) == 1 and (
                    common_use(ent) or in_longer_name(ent)):
                n.definite += 1
            if len(ent) == 1 and any(c.dep_ in ("nummod", "quantmod") and c.like_num and c.ent_type_ not in ("DATE", "TIME")
                                     for c in ent.root.children):
                n.plural += 2  # "20 unarmed Conestoga": no one person is counted
            elif len(ent) == 1 and ent.root.text.endswith("s") and any(
                    c.dep_ in ("amod", "nummod", "quantmod") or c.lower_ in ("many", "some", "most") for c in ent.root.children):
                n.plural += 1  # "enslaved Africans", "many Catholics": a people, not a person
            elif len(ent) == 1 and cues.is_people(ent):
                n.plural += 1
            people_nouns = lexicon.PERSON_NOUNS | lexicon.KIN_NOUNS
            if ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in people_nouns or any(
                    c.dep_ == "appos" and c.lemma_.lower() in people_nouns for c in ent.root.children):
                n.kin += 1  # "his wife, Sophie", "Saigō Takamori, a former leader of ...": said to be a person
            if ent[0].lower_.rstrip(".") in TITLE_WORDS and ent.label_ == "PERSON" and not cues.place_cue(ent):
                n.kin += 1  # "King George V", "Lord Curzon": a title of rank names a person
            if any(c.dep_ == "appos" and c.lemma_.lower() in lexicon.PLACE_NOUNS for c in ent.root.children) or (
                    ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in lexicon.PLACE_NOUNS) or (
                    ent.root.dep_ == "nsubj" and ent.root.head.lemma_ == "be" and any(
                        c.dep_ == "attr" and c.lemma_.lower() in lexicon.PLACE_NOUNS for c in ent.root.head.children)):
                n.site += 1  # "Bengal, the largest province ...", "Bengal was the largest province ..."
            # "four cities, Blois, Rouen and Tours": a list that goes on from a plural word for places; "the
            # military commander and Landdrost (magistrate)": a capitalised word joined to a word for a person
            # and glossed is a rank
            listed_after = first.i != ent.root.i and first.pos_ == "NOUN" and first.text.islower() and first.tag_ == "NNS"
            if listed_after and first.lemma_.lower() in lexicon.PLACE_NOUNS:
                n.site += 1
            elif listed_after and cues.is_role_noun(first):
                n.kin += 1  # "three convicted smugglers, Jan Kruk, Piotr Hall and Adam Sowa": people
            elif len(ent) == 1 and ent.start >= 2 and ent.doc[ent.start - 1].lower_ in ("and", "or") \
                    and ent.doc[ent.start - 2].text.islower() and cues.is_role_noun(ent.doc[ent.start - 2]) \
                    and ent.doc[ent.start - 2].tag_ == "NN" and ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text == "(" \
                    and ent.doc[ent.end + 1].text.islower():
                n.definite += 1  # glossed in brackets, as a foreign rank is; by the words, as the parse varies
            if ent.root.dep_ == "nsubj" and ent.root.head.lemma_ == "be" and any(
                    c.dep_ == "attr" and c.lemma_.lower() in lexicon.THING_NOUNS for c in ent.root.head.children):
                n.thing += 1
            elif cues.said_to_be_a_thing(ent):
                n.unlike += 1            # what the text says the name is as a word comes first: 'the term "King Mob"'
            if cues.work_cue(ent):
                n.work += 1
            elif cues.gloss_cue(ent):
                n.gloss += 1
            elif cue := cues.person_cue(ent):
                if cue == cues.ACTS:
                    n.acts += 1
                else:
                    n.pro += 1
            elif cues.place_cue(ent):
                n.placed += 1
            elif cues.group_cue(ent):
                n.grouped += 1
            anchor, tight = cues.anchor_of(ent)
            if anchor is not None and anchor.i in at and at[anchor.i] != text:
                n.anchors[at[anchor.i]] += 1
                if not tight:
                    n.loose_anchors.add(at[anchor.i])
            found.append((n, ent))
        for n, ent in found:
            for t in cues.list_of(ent.root):
                if t.i in at and at[t.i] != n.text:
                    n.partners[at[t.i]] += 1
            if any(t.text[:1].isupper() and t.lower_.endswith("ism") for t in list_neighbours(ent)):
                n.work += 1  # "Buddhism, Jainism, Ajivika": a teaching like the others
    for n in names.values():
        if not n.labels["place"] and not n.locative:
            n.pro, n.acts = n.pro + n.acts, 0  # what people do, said of what nothing calls a place
    return names


def in_longer_name(span: Span) -> bool:
    """"the Pilgrimage of Grace": a word after a capitalised noun and "of" inside a sentence ends a longer
    name; "the Duke of Norfolk" is a land, whatever the model makes of it."""
    doc, s = span.doc, span.start
    return s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].text[:1].isupper() and not doc[s - 2].is_sent_start \
        and doc[s - 2].pos_ in ("PROPN", "NOUN") and not doc[s - 2].ent_type_ and doc[s - 3].lower_ == "the"


def common_use(span: Span) -> bool:
    """"a wealthy Coloradan", "the wealthiest Coloradan": a name after an article and adjectives is a
    word for a kind of person, not someone's name ("the young Louis" keeps his: no superlative)."""
    doc, i = span.doc, span.start - 1
    superlative = False
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].text.islower():
        superlative = superlative or doc[i].tag_ == "JJS"
        i -= 1
    return i < span.start - 1 and i >= 0 and (doc[i].lower_ in ("a", "an") or doc[i].lower_ == "the" and superlative)


def list_neighbours(span: Span) -> list[Token]:
    """The words either side of a name in a list, past a comma or "and": "Jainism, X and Brahmanism"."""
    doc = span.doc
    out = []
    i = span.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].lower_ in ("and", "or")) and doc[i].text not in "()":
        i -= 1
    if i >= 0 and i < span.start - 1:
        out.append(doc[i])
    j = span.end
    while j < len(doc) and (doc[j].is_punct or doc[j].lower_ in ("and", "or")) and doc[j].text not in "()":
        j += 1
    if j < len(doc) and j > span.end:
        out.append(doc[j])
    return out


def classify(ctx: ArticleContext, names: dict[str, Name]) -> dict[str, str]:
    """The kind of each surface form: person, place, organization, group, event, other, or none."""
    excluded = {h.lower() for s in ctx.article.sections for h in [s.heading] if h}
    excluded |= {s.title.lower() for s in ctx.article.see_also if is_event_name(s.title)}

    def kind_of(n: Name) -> str:
        total = len(n.spans)
        # "Freedom Day" is a day, "Luke Day" whom the model calls a person a man
        day_man = n.text.split()[-1].lower() in lexicon.OCCASION_NOUNS and n.labels["person"] * 2 > total and (
            n.pro or n.kin or n.partners) and n.text.split()[0].lower().rstrip(".") not in ("st", "saint")  # a feast
        # a heading names what its section is about, which may be someone ("Ramesses III" above his life)
        heading = n.text.lower() in excluded and not n.pro and not n.kin
        if heading or is_event_name(n.text) and not day_man or (n.thing and not n.kin):
            return "event"  # an event, a heading, a document: none of people, places, bodies
        last = n.text.split()[-1].lower()
        if is_document_name(n.text):
            return "other"  # "the Behistun Inscription", whatever "according to" says of it
        if n.unlike and not n.pro and not n.kin and n.unlike * 2 >= total:
            return "other"  # "Gettysburg was the turning point", whatever the model's label
        # "William Hall" among "Andrew Wilson, William Hall and George Robertson": a person the model calls one,
        # in a list of others it calls people, whatever the last word means as a common noun
        listed = bool(n.labels["person"] or n.pro or n.kin) and any(
            names[p].labels["person"] or names[p].pro for p in n.partners if p in names)
        if (last in lexicon.FACILITY_NOUNS | lexicon.MORE_FACILITY_NOUNS or (last in lexicon.SITE_NOUNS and n.locative)) \
                and not listed:
            return "place"
        words = n.text.split()
        if len(words) > 1 and words[0].lower() in lexicon.SHIP_PREFIXES:
            return "other"  # "USS Baltimore": a ship
        if re.search(r"\w['’]s [A-Z]", n.text):
            return "place" if n.locative or n.placed else "other"  # "Rorke's Drift": no person's name has "'s" inside
        if len(n.text.split()) > 1 and last in lexicon.PLACE_HEAD_NOUNS and not n.pro and not n.kin:
            return "place"  # "Teutoburg Forest", "Vinegar Hill"
        if len(n.text.split()) > 1 and last in lexicon.ORGANIZATION_NOUNS and not n.kin:
            return "organization"  # "the British East India Company", whoever it was "ruled by"
        if len(n.text.split()) > 1 and last in lexicon.POLITY_NOUNS | {"dynasty"} and not n.kin:
            return "place"  # "the Umayyad Caliphate", whatever "its ruler" made of it
        if len(n.text.split()) == 1 and n.text.endswith("s") and n.text[:-1].lower() in cues.common_nouns() \
                and not n.kin and not any(len(x.split()) > 1 and x.split()[-1] == n.text for x in names):
            return "group"  # "Colonists", "Settlers": a word for people, capitalised
        if n.modifier and n.modifier == total and not n.pro and not n.kin and len(n.text.split()) == 1:
            return "group"  # "the Norman army": a people's adjective
        first = n.text.split()[0].lower()
        if len(n.text.split()) > 1 and first in lexicon.BODY_FIRST_WORDS and not n.pro:
            return "organization"  # "the States General", "Council of Ten"
        if len(n.text.split()) > 1 and first in lexicon.PLACE_FIRST_WORDS and not n.pro and not n.kin:
            return "place"  # "Mons Albanus", "Lake Texcoco", "Great Britain", "New Spain"
        if n.pro and n.pro > n.against and n.plural * 2 <= total:
            return "person"  # the text says so, whatever the model's label
        if (n.work or n.gloss) and not n.pro and n.work + n.gloss >= n.placed + n.grouped:
            return "other"  # "the novel ...", "(Turkish: ...)"
        votes = n.labels.copy()
        votes["person"] += 2 * n.kin + n.acts
        votes["place"] += 3 * n.site + 3 * n.placed
        votes["group"] += 2 * n.grouped
        votes = +votes
        if not votes:
            return "none"  # a proper noun nobody, model or text, says anything about
        if votes.most_common(1)[0][0] == "organization" and n.locative * 2 >= total \
                and last not in lexicon.ORGANIZATION_NOUNS:
            return "place"  # "in Calcutta", "from Fobbing": towns the model took for bodies
        top = votes.most_common(1)[0][0]
        if top == "person" and votes["place"] == votes["person"] and not n.pro and not n.kin:
            top = "place"  # "Austria" called a person once and a place once
        if top == "person" and (n.plural * 2 > total or n.plural * 2 == total and not n.kin or n.describes == total and not n.kin and len(n.text.split()) == 1):
            return "group"
        place_like = max(n.locative, n.definite)
        if top == "person" and place_like * 2 >= total and not n.kin and not n.pro and (
                len(bare(n.text).split()) == 1 or n.locative * 2 > total or n.definite * 2 >= total):
            return "place"  # "in the Midlands", "at Smolny", "a ceremony at Bois Caïman"
        return top

    kinds = {t: kind_of(n) for t, n in names.items()}
    for t, n in names.items():
        # "Tarain (Taraori)", "the Battle of X (Turkish: ...)": the name in brackets is another name
        # of what it follows, of the same kind
        anchor = n.anchors.most_common(1)[0][0] if n.anchors else None
        if anchor is not None and kinds[t] == "person" and not n.pro and kinds.get(anchor) not in (None, "person", "none") \
                and (anchor not in n.loose_anchors or kinds[anchor] == "event"):
            kinds[t] = kinds[anchor]

    def known_person(p: str) -> bool:
        m = names[p]
        # "Jacobus Arminius" where "the followers of Arminius" says Arminius is someone
        short = [names[w] for w in {*own_words(p)[:1], *own_words(p)[-1:]} - {p} if w in names]
        return kinds.get(p) == "person" and (m.pro > 0 or m.kin > 0 or m.labels["person"] >= 2
                                             or m.labels["person"] and len(p.split()) > 1
                                             or any(x.pro and kinds.get(x.text) == "person" for x in short))

    # "Publius Quinctilius Varus", which the model took for a body, is the Varus who "led" the legions
    for t, n in names.items():
        words = own_words(t)
        headed = kinds[t] == "event" and t.lower() in excluded and not is_event_name(t)  # a section about someone
        if (kinds[t] in ("organization", "other", "none") or headed) and len(words) > 1 and not n.against and not n.definite \
                and any(kinds.get(w) == "person" and (names[w].pro or names[w].labels["person"]) for w in (words[0], words[-1])):
            kinds[t] = "person"
    # "Appius Claudius", which the model took for a body, opens "Appius Claudius Crassus"
    full_people = [p for p in names if kinds[p] == "person" and len(p.split()) > 2]
    for t, n in names.items():
        if kinds[t] in ("organization", "other", "none") and not n.against and any(same_stem(bare(p), bare(t)) for p in full_people):
            kinds[t] = "person"
    # "Vijayanagara" where the article says "the Vijayanagara Empire", "Mito" beside "the Mito Domain"
    realms = {t.split()[0]: kinds[t] for t in names if len(t.split()) > 1 and kinds[t] in ("place", "organization")
              and t.split()[-1].lower() in REALM_HEADS}
    for t, n in names.items():
        if kinds[t] == "person" and not n.pro and not n.kin and t in realms:
            kinds[t] = realms[t]
    for t in names:
        # "Mohegan" beside "the Mohegans"; "Meiji Japan" where Japan is a place: a people's word, a place in an age
        words, theirs = t.split(), kinds.get(t + "s") == "group"
        if kinds[t] == "person" and not names[t].pro and not names[t].kin and (
                theirs or len(words) > 1 and "of" not in words
                and kinds.get(words[-1]) == "place" and words[0].lower() not in TITLE_WORDS):
            kinds[t] = "group" if theirs else "place"
    changed = {}
    for t, n in names.items():
        # "the forces of Sun Quan, Liu Bei, and Liu Qi": one of a list of people, where nothing says it
        # is a place or a people
        if kinds[t] in ("organization", "other", "none") and not n.against and not n.plural and any(
                known_person(p) for p in n.partners) and not BODY_WORDS & {w.lower() for w in t.split()}:
            changed[t] = "person"
        # "X, Y and Z were hanged": a lone name the model took for a people or a place, among two people or
        # more, with nothing that puts anything in it
        elif kinds[t] in ("group", "place") and len(t.split()) == 1 and not n.against and not n.definite \
                and not n.locative and not (kinds[t] == "group" and t.endswith("s")) \
                and sum(known_person(p) for p in n.partners) >= 2:
            changed[t] = "person"
        # "the retainers of Mito, Hizen, Owari, Tosa, Satsuma and Uwajima": one of a list of domains
        # "between Venice and Genoa": joined to a name that is surely a place, and to no person
        if kinds[t] == "person" and not n.pro and not n.kin and n.partners and all(kinds.get(p) != "person" for p in n.partners) \
                and any(kinds.get(p) == "place" and (names[p].labels["place"] >= 2 or names[p].locative) for p in n.partners):
            changed[t] = "place"
        # "the Lenape and Shawnee": one word joined only to a people's name, which the text shows as one
        if kinds[t] == "person" and not n.kin and len(t.split()) == 1 and n.partners \
                and all(kinds.get(p) != "person" and names[p].plural for p in n.partners):
            changed[t] = "group"
        others = Counter(kinds[p] for p in n.partners if kinds.get(p) not in (None, "none"))
        if kinds[t] == "person" and not n.pro and not n.kin and others.total() >= 2 and others["person"] * 2 < others.total():
            changed[t] = others.most_common(1)[0][0]
    kinds.update(changed)
    return kinds


def same_stem(longer: str, shorter: str) -> bool:
    """"Abu Yazid Makhlad ibn Kaydad" and "Abu Yazid": a name of two words or more that opens a longer one
    is the same person, unless what follows tells two apart: a regnal number or a byname ("Bardas Phokas
    the Younger" is not his father "Bardas Phokas")."""
    if len(shorter.split()) < 2 or not longer.startswith(shorter + " "):
        return False
    rest = longer[len(shorter) + 1:].split()
    return not any(ROMAN.match(w) or w.lower() in ("the", "of", "jr.", "jr", "sr.", "sr") for w in rest)


def build_entities(ctx: ArticleContext) -> tuple[list[Entity], list[Entity], list[Entity]]:
    names = gather(ctx)
    kinds = classify(ctx, names)
    # full names of people: two words or more, labelled a person most of the time
    full = sorted((t for t, k in kinds.items() if k == "person" and len(bare(t).split()) > 1),
                  key=lambda t: (-len(t), t))
    groups: dict[str, list[str]] = defaultdict(list)  # canonical -> forms
    owner: dict[str, str] = {}
    for t in full:
        key = next((o for o in groups if bare(t) == bare(o) or bare(o).endswith(" " + bare(t)) or same_stem(bare(o), bare(t))),
                   None)
        canon = key or t
        groups[canon].append(t)
        owner[t] = canon
    surnames: dict[str, set[str]] = defaultdict(set)
    for canon, forms in groups.items():
        for f in forms:
            surnames[surname_of(f)].add(canon)
            # family name first ("Saigō Takamori" ... "Saigō"): the first word alone names the person too
            words = [w for w in bare(f).split() if not ROMAN.match(w)]
            if len(words) > 1 and words[0].lower() not in lexicon.KUNYA_WORDS:  # "Abu" alone is no one
                surnames[words[0]].add(canon)
    for t, k in sorted(kinds.items()):
        if t in owner or k in ("event", "place") and len(t.split()) > 1:
            continue
        key = bare(t)
        # the surname of one person, unless the text clearly puts something in it ("in Eden", "Eden, a town")
        placed = k == "place" and (names[t].locative or names[t].site or names[t].placed)  # "parts of Wu"
        if len(key.split()) == 1 and key in surnames and not placed:
            if len(surnames[key]) == 1:  # an ambiguous surname belongs to nobody
                canon = next(iter(surnames[key]))
                groups[canon].append(t)
                owner[t] = canon
            else:
                owner[t] = ""
    people_canon = list(groups)
    for t, k in sorted(kinds.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        if t in owner or k != "person":
            continue
        # a lone name: with a title of rank ("King James") or not, the same person when the bare names match
        canon = next((c for c in people_canon if bare(c) == bare(t)), t)
        if canon == t:
            people_canon.append(t)
        groups[canon].append(t)
        owner[t] = canon
    # places and organizations: the longest form first; a lone first word joins it ("Smolny")
    others: dict[str, dict[str, list[str]]] = {"place": {}, "organization": {}}
    for t in sorted((t for t in kinds if t not in owner), key=lambda t: (-len(t.split()), t)):
        k = kinds[t]
        if names[t].modifier >= len(names[t].spans) / 2 and len(t.split()) == 1:
            continue  # "a Bolshevik organizer", "Indigenous": a description, not a name
        if k not in others:
            continue
        target = next((c for c in others[k] if c.split()[0] == t and len(t.split()) == 1), None)
        others[k].setdefault(target or t, []).append(t)

    def entity(kind: str, canon: str, forms: list[str]) -> Entity:
        name = max(forms, key=lambda f: (len(f.split()), names[f].labels.total(), -forms.index(f)))
        if kind == "person":
            # "Royal Governor Thomas Hutchinson" is "Thomas Hutchinson" too, with whatever title
            forms = [*forms, *(b for f in forms for b in [bare(f)] if b != f and len(b.split()) > 1 and b not in forms)]
        mentions = find_mentions(ctx, forms)
        # the family name alone is how the article (and a learner) may refer to the person
        surname = [family_name(name, ctx.article.text)] if kind == "person" and len(bare(name).split()) > 1 else []
        # "Wu" of "Liu Wu" where the article's Wu is a kingdom: no short name of the person
        surname = [s for s in surname if kinds.get(s, "person") in ("person", "none") and s.lower() not in lexicon.KUNYA_WORDS]
        aliases = sorted({f for f in [*forms, *surname] if f != name})
        return Entity(kind, name, tuple(aliases), "", tuple(mentions))  # type: ignore[arg-type]  # kind: an entity kind, str in the tables above

    place_words = {w for forms in others["place"].values() for f in forms for w in [f] if len(f.split()) == 1}
    # "Young Bosnia", "Greater Serbia": a name that ends in a place of the article is not a person;
    # "Constance of Sicily" is, and so is a name the text marks as a person's
    people_canon = [c for c in people_canon if not (
        len(c.split()) > 1 and c.split()[-1] in place_words and c.split()[-2] != "of"
        and not any(names[f].pro for f in groups[c]))]
    people = [entity("person", c, groups[c]) for c in people_canon]
    # "Hōjō" of "Hōjō Masako" and "Hōjō Yasutoki": a family name two people share names neither alone
    shared = Counter(a for p in people for a in set(p.aliases) if " " not in a)
    people = [replace(p, aliases=tuple(a for a in p.aliases if shared[a] < 2 or a in groups[owner.get(p.name, p.name)]))
              if any(shared[a] > 1 for a in p.aliases) else p for p in people]
    people += see_also_people(ctx, people, set(kinds))
    places = [entity("place", c, f) for c, f in others["place"].items()]
    orgs = [entity("organization", c, f) for c, f in others["organization"].items()]

    def order(es: list[Entity]) -> list[Entity]:
        return sorted((e for e in es if e.mentions), key=lambda e: e.mentions[0].start)

    return order(people) + [p for p in people if not p.mentions], order(places), order(orgs)


def see_also_people(ctx: ArticleContext, people: list[Entity], known: set[str]) -> list[Entity]:
    """People the article only points to ("See also Nikolai Yezhov for the figure who led ...")."""
    taken = {bare(n).lower() for p in people for n in p.names} | {n.lower() for n in known}
    out = []
    for ref, doc in ctx.see_also_docs:
        title = ref.title
        if bare(title).lower() in taken or is_event_name(title) or not looks_like_name(title):
            continue
        words = bare(title).split()
        if words[-1].lower() in lexicon.ORGANIZATION_NOUNS | lexicon.FACILITY_NOUNS | lexicon.MORE_FACILITY_NOUNS | REALM_HEADS \
                or words[0].lower() in lexicon.PLACE_FIRST_WORDS | lexicon.SHIP_PREFIXES or is_document_name(title):
            continue  # "Iwakura Mission", "Winter Palace", "Sacred Mount", "Lex Hortensia": whatever the model says
        lone = next((p for p in people if len(p.names) and len(p.name.split()) == 1
                     and p.name in (bare(title).split()[0], bare(title).split()[-1])), None)
        if lone is not None:  # "Toussaint" in the text, "Toussaint Louverture" in See also
            people[people.index(lone)] = Entity("person", title, tuple(sorted({lone.name, *lone.aliases})),
                                                lone.description or ref.description, lone.mentions)
            taken.add(bare(title).lower())
            continue
        named = any(e.label_ == "PERSON" and clean_name(e) == title for e in doc.ents)
        described = bool(ref.description) and any(w in lexicon.PERSON_NOUNS for w in ref.description.lower().split()[:3])
        if named or described:
            words = bare(title).split()
            aliases = (words[-1],) if len(words) > 1 else ()
            out.append(Entity("person", title, aliases, ref.description, ()))
            taken.add(bare(title).lower())
    return out


def opens_sentence(text: str, at: int) -> bool:
    return not text[:at].strip() or bool(re.search(r"[.!?][\"'’”)\]]?\s+$", text[:at]))


def is_word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


def occurrences(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Where the forms stand whole in text, longest first where two start together, no overlaps; not
    inside a longer word or name: "Leningrad" in "the Leningrad Affair" is another thing."""
    found = []
    for f in set(forms):
        at = text.find(f)
        while at >= 0:
            end = at + len(f)
            if not (at and is_word_char(text[at - 1]) or end < len(text) and is_word_char(text[end])
                    or text[end:end + 1].isspace() and "A" <= text[end + 1:end + 2] <= "Z"):
                found.append((at, end))
            at = text.find(f, at + 1)
    out: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda se: (se[0], -se[1])):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def find_mentions(ctx: ArticleContext, forms: list[str]) -> list[Provenance]:
    """Every place the article names the referent, longest form first, no overlaps."""
    out: list[Provenance] = []
    for para in ctx.paragraphs:
        text = para.block.paragraph  # the doc's own text, without rebuilding it from its tokens
        for start, end in occurrences(text, forms):
            before = re.search(r"(\S+)\s$", text[max(0, start - 30): start])
            if before and before.group(1)[:1].isupper() and before.group(1).lower().rstrip(".") not in OFFICE_WORDS \
                    and not re.search(r"[.!?:;,)]$", before.group(1)) \
                    and before.group(1).lower() not in ("the", "in", "on", "at", *lexicon.MONTHS) \
                    and not opens_sentence(text, start - len(before.group(0))):
                continue  # part of a longer name; but "After John died": a sentence's first word has a capital anyway
            span = para.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.append(ctx.where(span, para))
    return out
