"""What the article says a proper name stands for, one mention at a time.

The statistical model labels a name from the name itself and a few words around it, and it often
takes an unfamiliar name ("Artaphernes", "Prithviraj III", "al-Masudi") for a body or a place. The
text usually says more: a title or a role before the name ("the satrap Megabates"), a regnal number
after it, an apposition (", the tyrant of Miletus"), "the reign of ...", "his" after it as its
subject, "historians such as ..."; or the opposite: "in present-day ...", "the city of ...", "the
novel ...", a gloss in another language. Each function here reads one mention in its parse.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.pipeline import Lemmatizer
from spacy.tokens import Span, Token

from quizgen.extract import lexicon
from quizgen.nlp import get_nlp

ROMAN = re.compile(r"^[IVX]{1,5}$")
PEOPLE_NOUNS = lexicon.PERSON_NOUNS | lexicon.KIN_NOUNS | lexicon.ROLE_NOUNS | lexicon.MORE_ROLE_NOUNS
TITLE_WORDS = lexicon.HONORIFICS | lexicon.TITLES | lexicon.MORE_TITLES
TRAILING_TITLES = lexicon.TRAILING_TITLES | lexicon.MORE_TRAILING_TITLES | {"emperor", "empress"}
PERSON_OF_NOUNS = lexicon.PERSON_OF_NOUNS | lexicon.KIN_NOUNS | lexicon.MORE_PERSON_OF_NOUNS
PERSON_OBJECT_VERBS = lexicon.PERSON_OBJECT_VERBS | lexicon.MORE_PERSON_OBJECT_VERBS
PERSONAL_NOUNS = lexicon.PERSONAL_NOUNS | lexicon.MORE_PERSONAL_NOUNS
PLACE_OBJECT_VERBS = lexicon.PLACE_OBJECT_VERBS | lexicon.MORE_PLACE_OBJECT_VERBS
# "battle of X", "siege of X": an event that happens at a place; "the murder of X" names a person
PLACE_EVENT_NOUNS = frozenset("battle blockade invasion occupation partition sack siege".split())
PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")
PLACE_OF_NOUNS = lexicon.PLACE_NOUNS | lexicon.POLITY_NOUNS | lexicon.DIRECTIONS | PLACE_EVENT_NOUNS | {"part"}
BODY_WORDS = lexicon.ORGANIZATION_NOUNS | lexicon.POLITY_NOUNS


ACTS = "subject of what people do"  # person_cue's weaker sign (entities.Name.acts)


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """The nouns of the model's lemmatizer index (a word list from WordNet: common nouns, and some famous
    names), to tell "Legend" and "Fate" opening a sentence from "Ctesias"; empty where the model has none."""
    try:
        pipe = get_nlp().get_pipe("lemmatizer")
        if not isinstance(pipe, Lemmatizer):
            return frozenset()
        table = pipe.lookups.get_table("lemma_index")
        return frozenset(table.get("noun", []))
    except (KeyError, ValueError, AttributeError):
        return frozenset()


def first_conjunct(tok: Token) -> Token:
    """"Spendius and Matho" under "the leadership of": Matho stands where Spendius stands."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def list_of(tok: Token) -> list[Token]:
    """The other members of the list tok stands in: "Mito, Hizen, Owari and Tosa"."""
    first = first_conjunct(tok)
    members, todo = [], [first]
    while todo:
        t = todo.pop()
        members.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return [t for t in members if t.i != tok.i]


def is_role_noun(tok: Token, capitals: bool = False) -> bool:
    """A common noun for a person: "satrap", "warlord", "historians", "his brother"; with capitals,
    also "the Governor of Cuba"."""
    # the model tags a role before a name as an adjective or a proper noun at times ("the Persian
    # admiral Megabates")
    if tok.pos_ not in ("NOUN", "ADJ", "PROPN") or tok.text[:1].isupper() and tok.i > tok.sent.start and not capitals:
        return False
    lemma = tok.lemma_.lower()
    return lemma in PEOPLE_NOUNS or tok.lower_ in PEOPLE_NOUNS or lemma.endswith(("ist", "ian")) and len(lemma) > 5


def has_regnal_number(span: Span) -> bool:
    """"Sixtus IV", "Ramses II", "Abd al-Rahman III", "Romanos IV Diogenes"; not "World War II" (an event)."""
    words = [t for t in span if not t.is_punct]
    at = next((i for i in (len(words) - 1, len(words) - 2) if i >= 1 and ROMAN.match(words[i].text)), None)
    if at is None:
        return False
    before = words[at - 1]
    if words[at].text == "I" and (words[at].tag_ == "PRP" or at + 1 < len(words) and words[at + 1].pos_ in ("VERB", "AUX")):
        return False  # "the Articles I wish to be posted": the pronoun
    return (before.text[:1].isupper() and all(w.text[:1].isupper() for w in words[at:])
            and not any(w.lower_ in lexicon.EVENT_NOUNS for w in words)
            and before.lower_ not in lexicon.ORGANIZATION_NOUNS | lexicon.POLITY_NOUNS)


def is_epithet(the: Token) -> bool:
    """Whether "the" and the word after it are a byname after a name: "the Great", "the Deacon", "the
    Slav"; not "the Sinai" or "the Templo Mayor" (a place given or shown to someone)."""
    doc, i = the.doc, the.i
    if the.lower_ != "the" or i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper() or i == 0:
        return False
    word = doc[i + 1]
    if word.lower_ in lexicon.EPITHET_WORDS:
        return True
    if word.lower_ in TITLE_WORDS | lexicon.OFFICE_TITLES or i + 2 < len(doc) and doc[i + 2].lower_ == "of":
        return False  # "At Doncaster the Duke of Norfolk": a title, another person
    return (word.is_alpha and word.ent_type_ not in PLACE_LABELS and doc[i - 1].text[:1].isupper()
            and word.lower_ not in BODY_WORDS | lexicon.PLACE_NOUNS | lexicon.PLACE_HEAD_NOUNS | lexicon.FACILITY_NOUNS
            and not (i + 2 < len(doc) and doc[i + 2].text[:1].isupper()))


def has_epithet(span: Span) -> bool:
    """"Ashoka the Great", "Abbas the Great", "Leo the Deacon"."""
    return len(span) >= 3 and is_epithet(span[-2]) and span[-1].i == span[-2].i + 1


def word_before(span: Span) -> Token | None:
    """The word before the name, past an opening quote: 'the term "King Mob"'."""
    i = span.start - 1
    while i >= 0 and span.doc[i].text in ('"', "“", "'", "‘"):
        i -= 1
    return span.doc[i] if i >= 0 else None


def subject_owner(tok: Token) -> Token | None:
    """The subject of the nearest clause above tok: whose "his" or "himself" it is."""
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def is_people(span: Span) -> bool:
    """"Africans", "Hittites", "the Dutch": a people, which may do and suffer all a person does."""
    root = span.root
    if root.tag_ in ("NNPS", "NNS") and root.lower_.endswith(lexicon.DEMONYM_SUFFIXES):
        return True
    if root.ent_type_ != "NORP" or root.dep_ == "poss" and root.head.tag_ == "NN" and root.head.lemma_ in lexicon.KIN_NOUNS:
        return False  # "Vespasian's brother": a people has no brother
    # "Itzcoatl", "Bardiya", "Adrian": a lone unfamiliar name the model took for a people; a people's name
    # comes after an article, qualifies a noun, has a people's ending ("Dutch", "Iraqi", "Hittites"), or
    # names a language after "in" ("written in Persian")
    prev = word_before(span)
    return not (len(span) == 1 and root.pos_ == "PROPN" and root.dep_ not in ("amod", "compound")
                and not root.lower_.endswith(("ese", "ish", "ic", "i", "ch", "s"))
                and (prev is None or prev.lower_ not in ("the", "a", "an", "in", "into", "from")))


def may_be_place_or_body(span: Span) -> bool:
    """What a weaker cue needs ruled out: a name the model took for a place or a people, one after "the",
    a body's own word ("Parliament", "the Senate"), an acronym."""
    doc = span.doc
    return (span.label_ in PLACE_LABELS or span[0].lower_ == "the" or span.start > 0 and doc[span.start - 1].lower_ == "the"
            or any(t.lower_ in BODY_WORDS for t in span) or span.text.isupper())


def has_patronymic(span: Span) -> bool:
    """"Harthama ibn A'yan", "Simon bar Kokhba", "Minamoto no Yoritomo": a forebear's or a clan's name
    inside the name is a person's."""
    return any((t.lower_ in lexicon.PATRONYMIC_PARTICLES or t.text in lexicon.CLAN_PARTICLES) and span[k - 1].text[:1].isupper() and span[k + 1].text[:1].isupper()
               for k, t in enumerate(span) if 0 < k < len(span) - 1)


def role_before(tok: Token) -> bool:
    """Whether a word for a person stands just before the name whose first word is tok: "the satrap X",
    "the general X"."""
    prev = word_before(tok.doc[tok.i:tok.i + 1])
    return prev is not None and (is_role_noun(prev) or prev.lower_ in TITLE_WORDS and prev.text.islower())


def named_to_a_role(r: Token) -> bool:
    """"chose X as their ruler", "proclaimed X caliph", "X was crowned emperor": named to a role."""
    verb = r.head
    if r.dep_ not in ("dobj", "nsubjpass"):
        return False
    for c in verb.children:
        # (any verb: "left X as regent", "regarded X as a traitor")
        if c.dep_ == "prep" and c.lower_ == "as" and c.i > r.i:
            if any(g.dep_ == "pobj" and is_role_noun(g, capitals=True) for g in c.children):
                return True
        elif c.dep_ in ("oprd", "xcomp", "ccomp", "attr") and c.i > r.i and is_role_noun(c, capitals=True) \
                and verb.lemma_ in lexicon.APPOINT_VERBS:
            return True
    return False


def apposed_role(span: Span) -> bool:
    """"X, paramount chief of the ...", "X, the tyrant of ...", by the words: a word for a person set off
    after the name, where the parse hung the name elsewhere. Not after a preposition ("In Spain, the
    king of ..." puts the king in Spain)."""
    doc = span.doc
    prev = word_before(span)
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or prev is not None and prev.pos_ == "ADP":
        return False
    i = span.end + 1
    while i < len(doc) - 1 and (doc[i].pos_ in ("DET", "ADJ") or doc[i].tag_ == "PRP$") and doc[i].text.islower():
        i += 1
    return is_role_noun(doc[i], capitals=True) and doc[i + 1].lower_ in ("of", ",")


def role_apposed_before(span: Span) -> bool:
    """"killed the viceroy, Dalmau de Queralt, in ...": a word for a person with its article, a comma and
    the name, set off, by the words where the parse hangs the name elsewhere."""
    doc, s = span.doc, span.start
    return (s >= 3 and doc[s - 1].text == "," and is_role_noun(doc[s - 2]) and doc[s - 2].tag_ in ("NN", "JJ")
            and doc[s - 3].lower_ in ("the", "his", "her", "their", "its") and span.end < len(doc)
            and doc[span.end].text in (",", ".", ";"))


def as_role_after(span: Span) -> bool:
    """"left Adrian of Utrecht as regent": "as" and a word for a person after the name (and its land), by
    the words, where the parse hangs "as" elsewhere."""
    doc, j = span.doc, span.end
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].text[:1].isupper():
        j += 2
        while j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN":
            j += 1
    if j >= len(doc) - 1 or doc[j].lower_ != "as":
        return False
    j += 1
    while j < len(doc) - 1 and (doc[j].pos_ in ("DET", "ADJ") or doc[j].tag_ == "PRP$") and doc[j].text.islower() \
            and not is_role_noun(doc[j]):
        j += 1
    return is_role_noun(doc[j])


def person_cue(span: Span) -> str:
    """The first sign, if any, that this mention is of a person; "" when there is none."""
    if has_regnal_number(span):
        return "regnal number"
    if has_epithet(span):
        return "epithet"
    # a saint's title the model took in with a place is part of the place's name: "Saint Petersburg"
    if len(span) > 1 and span[0].lower_.rstrip(".") in TITLE_WORDS and span[0].text[:1].isupper() \
            and not (span[0].lower_.rstrip(".") in ("saint", "st") and (span.label_ in ("GPE", "LOC", "FAC") or place_cue(span))):
        return "title"
    words = [t.lower_ for t in span if not t.is_punct and t.lower_ != "the"]
    if len(words) > 1 and words[-1] in TRAILING_TITLES:
        return "title after"  # "the Tianqi Emperor", "Ibrahim Pasha"
    if has_patronymic(span):
        return "patronymic"
    if len(span) > 1 and span[0].lower_ in lexicon.KUNYA_WORDS and span[1].text[:1].isupper() \
            and span.label_ not in ("GPE", "LOC", "FAC") and ((before := word_before(span)) is None or before.pos_ != "ADP"):
        return "kunya"  # "Abu Yazid"; not "in Abu Dhabi"
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].text.islower() \
            and doc[span.start - 2].lemma_ in lexicon.RULER_OF_NOUNS:
        return ""  # "heir and governor of Khurasan": the land the office is of
    root = span.root
    if root.dep_ in ("amod", "compound", "nmod") and root.head.i >= span.end and root.head.pos_ == "NOUN":
        return ""  # "a veteran Bolshevik organizer": the name qualifies the noun after it
    if role_before(span[0]):
        return "role before"  # "the Mongol prince Hulegu", "his father-in-law Histiaeus"
    plural = is_people(span)
    for c in root.children:
        if c.dep_ == "appos" and c.i > root.i and any(is_role_noun(x, capitals=True) for x in (c, *c.conjuncts)):
            return "apposition"  # "Aristagoras, the tyrant of Miletus", "La Malinche, his interpreter and companion"
        if c.dep_ == "relcl" and c.left_edge.lower_ == "who" and not plural and c.left_edge.i >= span.end:
            return "who"
    if (apposed_role(span) or role_apposed_before(span)) and not plural:
        return "apposition"
    r = first_conjunct(root)
    # "his sons Tsuchimikado and Juntoku": what is said of the first of a list is said of the others
    for x in (root, r):
        if x.dep_ == "appos" and is_role_noun(x.head, capitals=True) and x.head.i < x.i:
            return "apposition"
    if r.i != root.i and r.left_edge.lower_ != "the" and role_before(r.left_edge):
        return "role before"
    if root.dep_ == "poss" and (is_role_noun(root.head) or root.head.lemma_.lower() in PERSONAL_NOUNS) \
            and not (span.label_ in ("GPE", "LOC") and root.head.lemma_.lower() in lexicon.ENVOY_NOUNS):
        return "possessor of a person"  # "Abu Abdallah's uncle", "Prithviraj's vassal", "Whitcombe's account"
    if any(c.dep_ == "conj" and any(g.dep_ == "poss" and g.lower_ in ("his", "her") for g in c.children)
           for c in root.children):
        return "and his"  # "Lorenzo de' Medici and his brother"
    if plural:
        return ""
    if any(is_role_noun(t) and any(c.lower_ == "other" for c in t.children) for t in list_of(root)):
        return "in a list of people"  # "joined by X, Y and other officers"
    if named_to_a_role(r) or r.dep_ == "dobj" and as_role_after(span):
        return "named to a role"
    head = r.head
    weak = may_be_place_or_body(span)
    if r.dep_ == "nsubj" and head.lemma_ in ("be", "become") and not weak and any(
            c.dep_ == "attr" and is_role_noun(c, capitals=True) for c in head.children):
        return "is a person noun"  # "Darius became king", "Jien was a monk"
    if r.dep_ in ("attr", "nsubj") and head.lemma_ == "be" and not span[0].lower_ == "the":
        # "Other conspirators were X, Y and Z", "Among the plotters were X and Y", "The ringleader was X"
        said = [c for c in head.children if c.dep_ in ("nsubj", "attr") and c.i != r.i and c.i < r.i]
        said += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "among" for g in c.children if g.dep_ == "pobj"]
        if any(is_role_noun(c) and not (span.label_ in PLACE_LABELS and c.lower_ in lexicon.STATE_ROLE_NOUNS) for c in said):
            return "named among people"
    if r.dep_ == "pobj":
        noun = head.head
        if head.lower_ == "of" and (noun.lemma_.lower() in lexicon.PERSON_OF_NOUNS | lexicon.KIN_NOUNS or (
                noun.text.islower() and (noun.lemma_.lower() in PERSON_OF_NOUNS or noun.lower_ in PERSON_OF_NOUNS))):
            return "of a person noun"  # "the reign of ...", "under the generalship of ...", "the arrest of ..."
        if head.lower_ == "of" and noun.text.islower() and noun.lower_ in lexicon.BIDDING_NOUNS | lexicon.COMMANDED_NOUNS \
                and not weak:
            return "bidding"  # "on the orders of X", "on the advice of X", "the army of X"
        if head.lower_ == "of" and noun.text.islower() and noun.lemma_ in lexicon.LED_EVENT_NOUNS and not weak:
            return "leader of a rising"  # "the revolt of Gaius Julius Vindex"
        if head.lower_ == "under" and not weak and (noun.lemma_ in lexicon.COMMANDED_NOUNS or noun.lemma_ == "serve"):
            return "under"  # "an army under X and Y", "had served under X"
        if head.lower_ == "to" and head.head.lower_ == "according":
            return "according to"
        if head.lower_ == "to" and head.head.lemma_ in lexicon.ADDRESS_WORDS and not weak:
            return "spoken to"  # "Henry Knox wrote to George Washington", "a letter to X"
        if head.dep_ == "agent" and head.head.lemma_ in lexicon.PERSON_AGENT_VERBS and span.label_ not in PLACE_LABELS \
                and r.tag_ != "NNPS" and not r.left_edge.lower_ == "the" and span.doc[span.start - 1].lower_ != "the":
            return "agent"  # "led by Philip Cunningham", "commanded by Tiberius and Germanicus"
        doc, i = span.doc, r.left_edge.i
        if i >= 3 and doc[i - 1].lower_ == "as" and doc[i - 2].lower_ == "such":
            noun = doc[i - 4] if doc[i - 3].is_punct and i >= 4 else doc[i - 3]
            if is_role_noun(noun):
                return "such as"  # "historians, such as ..."
    verb = r.head
    if r.dep_ == "nsubj" and verb.lemma_ in lexicon.PERSON_SUBJECT_VERBS:
        return "subject of a person's verb"  # "X died", "X wrote"
    # a lone word opening a sentence that the model gave no label may be a capitalised common noun:
    # "Legend tells of ...", "Fate decided otherwise. He ..."
    opening = len(span) == 1 and not span.label_ and span.start == span.sent.start and span.root.lower_ in common_nouns()
    if r.dep_ == "nsubj" and not weak and not opening and (verb.lemma_ in lexicon.SPEECH_VERBS or verb.lemma_ in lexicon.DEED_VERBS and (
            span.label_ == "PERSON" or span.label_ == "ORG" and len(span) == 1)):
        # "Herodotus tells", "Maxtla fled", "Melanchthon corresponded": a weaker sign, which a city may give
        # too ("Genoa refused"); a deed's subject the model gave no label is as often a city or an
        # abstraction ("Carthage refused", "Providence decided")
        return ACTS
    if (r.dep_ == "dobj" or r.dep_ == "nsubjpass") and (verb.lemma_ in lexicon.PERSON_OBJECT_VERBS or (
            verb.lemma_ in PERSON_OBJECT_VERBS and not weak)) or (r.dep_ == "nsubjpass" and verb.lemma_ == "bear"):
        return "object of a person's verb"  # "excommunicated X", "denounced X", "X was arrested"
    if r.dep_ == "dobj" and verb.lemma_ in lexicon.INCLUDE_VERBS and any(
            c.dep_ == "nsubj" and is_role_noun(c) and c.tag_ == "NNS" for c in verb.children):
        return "in a list of people"  # "The conspirators included X, Y and Z"
    if r.dep_ in ("nsubj", "nsubjpass") and not plural:
        for t in verb.subtree:
            owner = subject_owner(t)  # (spaCy makes a new Token at each access: compare positions)
            if t.i > span.end and t.lower_ in ("his", "himself") and owner is not None and owner.i == r.i:
                return "his"  # "Muwatallish, the Hittite king, gathered his allies"
        sent = span.sent
        if not opening and verb.i == sent.root.i and sent.end < len(span.doc) and span.doc[sent.end].lower_ in ("he", "she") \
                and span.doc[sent.end].dep_ in ("nsubj", "nsubjpass"):
            return "he next"  # "Hanno sailed south. He founded ..."
    return ""


def said_to_be_a_thing(span: Span) -> bool:
    """"Gettysburg was the turning point": the name is said to be something no person is (a word for a
    person, an agent's "-er", "-or", "-ist", "-ian", "-ant", "-ent" or "-ess" would be one)."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return False
    attrs = [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    return bool(attrs) and all(
        not is_role_noun(c) and c.lemma_.lower() not in lexicon.PERSON_ATTR_NOUNS | TITLE_WORDS | lexicon.OFFICE_TITLES
        and not c.lower_.endswith(("er", "or", "ist", "ian", "ant", "ent", "ess", "ee", "ers", "ors"))
        and not any(g.dep_ == "prep" and g.lower_ == "of" and any(x.lemma_ in lexicon.KIN_NOUNS for x in g.children)
                    for g in c.children) for c in attrs)


def place_cue(span: Span) -> bool:
    """"in present-day Haryana", "the city of Basra", "the battle of Mbanda", "north of Delhi", "the
    army took Luanda"."""
    doc = span.doc
    before = "".join(t.text for t in doc[max(0, span.start - 3):span.start]).lower()
    if any(before.endswith(q) for q in lexicon.PLACE_QUALIFIERS):
        return True
    # by the words, not the parse, which often hangs a name after "of" elsewhere
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and (doc[span.start - 2].lemma_.lower() in PLACE_OF_NOUNS or (
            doc[span.start - 2].text.islower() and doc[span.start - 2].lemma_ in lexicon.RULER_OF_NOUNS)):
        return True  # "the city of Basra", "governor of Khurasan"; not "Duke of Wellington", a title
    r = first_conjunct(span.root)
    if r.dep_ == "pobj" and r.head.lower_ == "of":
        return r.head.head.lemma_.lower() in PLACE_OF_NOUNS
    # "Padua, ruled by Francesco da Carrara": a realm (by the parse or the words)
    if any(c.dep_ == "acl" and c.lemma_ in ("rule", "govern") and c.tag_ == "VBN" for c in r.children) or (
            span.end + 2 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lemma_ in ("rule", "govern")
            and doc[span.end + 1].tag_ == "VBN" and doc[span.end + 2].lower_ == "by"):
        return True
    verb = r.head
    if r.dep_ == "nsubjpass" and verb.lemma_ in lexicon.PLACE_OBJECT_VERBS and verb.lemma_ not in ("take", "enter") \
            and not any(c.dep_ in ("oprd", "xcomp", "attr") for c in verb.children):
        return True  # "Nineveh was sacked", "X was besieged"; not "X was taken prisoner"
    if r.dep_ == "dobj" and verb.lemma_ in PLACE_OBJECT_VERBS:
        # "took Luanda", but not "took him prisoner", "took her as his wife"
        return not any(c.dep_ in ("oprd", "xcomp", "ccomp", "npadvmod") or c.lower_ == "as" and c.i > r.i
                       for c in verb.children)
    return False


def group_cue(span: Span) -> bool:
    """"four divisions: Ptah, Suteh, ...", "the Chauhan clan": a member of a set of bodies, or a body."""
    r = first_conjunct(span.root)
    if r.dep_ == "appos" and r.head.lemma_.lower() in lexicon.COLLECTIVE_NOUNS and r.head.pos_ == "NOUN":
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in lexicon.COLLECTIVE_NOUNS for c in r.children):
        return True
    return r.dep_ == "compound" and r.head.pos_ == "NOUN" and r.head.lemma_.lower() in lexicon.COLLECTIVE_NOUNS


def work_cue(span: Span) -> bool:
    """"the novel Romance of the Three Kingdoms", "the ship Bounty", "the god Amun", "Amun, the god of"."""
    prev = word_before(span)
    if prev is not None and prev.text.islower() and prev.lower_ in lexicon.WORK_NOUNS | lexicon.DEITY_NOUNS:
        return True
    root = span.root
    r = first_conjunct(root)
    if r.dep_ in ("dobj", "nsubjpass") and r.head.lemma_ in lexicon.DOCUMENT_VERBS and r.head.pos_ == "VERB":
        return True  # "ratified the X", "Magna Carta was reissued": a writing
    # "refused to profess Islam", "converted to Islam": a teaching (by the words: the parse of such a
    # sentence often goes astray)
    doc = span.doc
    if prev is not None and (prev.lemma_ in lexicon.BELIEF_VERBS or prev.lower_ == "to" and prev.i > 0
                             and doc[prev.i - 1].lemma_ == "convert"):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in lexicon.DEITY_NOUNS for c in root.children) or (
        root.dep_ == "appos" and root.head.lemma_.lower() in lexicon.DEITY_NOUNS)


def gloss_cue(span: Span) -> bool:
    """"(Turkish: Çaldıran Savaşı)": the name in another language, of whatever the sentence is about."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ":":
        return False
    lang = doc[span.start - 2]
    return lang.text[:1].isupper() and (lang.ent_type_ in ("NORP", "LANGUAGE") or lang.lower_.endswith(("ish", "ese", "ic", "ian")))


# words that may stand between a bracket and a name in it that is another name of what the bracket
# follows: "(also known as ...)", "(variant spellings: ...)", "(Arabic: ...)"
GLOSS_WORDS = frozenset("also known as called or spelled spelt written variant spelling spellings formerly".split())


def anchor_of(span: Span) -> tuple[Token | None, bool]:
    """The word a bracket around the name follows, and whether only other names, glosses and dates stand
    between: "Tarain (Taraori)" -> ("Tarain", True); "Sicily (and father of Hannibal Barca)" -> ("Sicily",
    False). A name anywhere in brackets after an event's name is another name of the event."""
    doc = span.doc
    sent = span.sent
    if not any(t.text == "(" for t in doc[sent.start:span.start]):  # not doc.text: rebuilt on every call
        return None, False
    sent_start = sent.start
    tight = True
    for i in range(span.start - 1, sent_start, -1):
        t = doc[i]
        if t.text == "(":
            return doc[i - 1], tight
        if t.text == ")":
            return None, False
        if not (t.is_punct or t.lower_ in GLOSS_WORDS or t.text[:1].isupper() or t.pos_ == "PROPN" or t.like_num
                or t.ent_type_ == "DATE"):
            tight = False
    return None, False
