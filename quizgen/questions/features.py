"""What the quality model reads of a candidate question: explainable numbers, each a property a
teacher would name ("the blank's word is in the title", "starts with 'However,'", "a copy of a long
sentence").

Every feature is computed from the question as shown (prompt, answer, choices) and from the article
it came from, never from the article's words themselves, so ratings can be kept as numbers.
`FEATURES` lists the names in a fixed order; `REASONS` says what a feature means when it counts
against a question.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from quizgen.extract import lexicon
from quizgen.extract.context import ArticleContext
from quizgen.models import FORMATS, Facts
from quizgen.questions.draft import BLANK, Draft, norm
from quizgen.questions.wording import (
    DEICTIC,
    PERSONAL_PRONOUNS,
    STOPWORDS,
    content_words,
    leading_connective,
    shares_stem,
)
from quizgen.vocabulary import DATE_KINDS, Format

TOPIC_GROUPS = ("date", "person", "place", "organization", "cause_effect", "other")
ODD_CHARACTERS = re.compile(r"[\^{}\[\]|\\<>=_#*~]")
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}

REASONS: dict[str, str] = {
    "answer_in_title": "the answer is a word of the article's title",
    "answer_stem_in_prompt": "a word of the prompt gives the answer away (the same name or its derivative)",
    "answer_repeated_in_prompt": "the answer stands elsewhere in the prompt",
    "option_in_prompt": "an option stands in the prompt",
    "leading_connective": "the sentence opens with a word that points back ('However,', 'As a result,')",
    "deictic": "it leans on the sentence before ('the city', 'that day', 'this')",
    "unresolved_pronoun": "a pronoun with nobody named before it",
    "definite_common": "it speaks of 'the ...' without saying which",
    "fragment": "not a whole sentence (no finite verb, or a heading or list item)",
    "unbalanced": "a bracket or quotation mark is left open",
    "odd_characters": "stray markup or symbols",
    "prompt_words": "a long prompt",
    "copy_ratio": "a long sentence copied word for word",
    "answer_words": "a long answer",
    "answer_in_brackets": "the answer is an aside in brackets (trivia)",
    "answer_rare": "the answer is named once in passing (trivia)",
    "minor_entity": "about someone or something the article names once",
    "lowercase_start": "the prompt starts in lower case",
    "options_nested": "one option contains another, so two may be right",
    "options_outside": "wrong answers from outside the article",
    "options_unlike": "wrong answers unlike the right one in length or form",
    "multi_sentence": "more than one sentence in the prompt",
    "digits_in_prompt": "figures in the prompt",
    "late_position": "a detail far down the article",
    "items_long": "long items to order or match",
    "items_vague": "items that lean on other sentences",
    "answer_pronoun": "the answer is a pronoun, not a name or a fact",
    "prompt_short": "too bare to have one answer ('Who was killed?')",
    "substituted_name": "a name put in that its sentence does not have",
    "reworded": "words run together that the sentence keeps apart (a garbled question)",
    "wh_which_place": "'Which place ...?' asked of a country or a people",
    "wh_which_organization": "'Which organization ...?' asked of a state, a people or a person",
    "date_modifier": "a date used to describe a thing ('a 14th-century novel'), not an event",
    "pronouns": "pronouns that point outside the question ('them', 'its')",
    "subject_unnamed": "its subject is a bare 'the ...' that the question never names",
    "reported_view": "someone's view or a name for something, not an event",
    "aside": "an aside in brackets: another name, a translation",
    "first_sentence": "the article's opening definition",
    "subject_pronoun": "its subject is a pronoun ('He', 'They') with nobody named",
    "subject_common": "its subject ('The crowd', 'Fourteen') is never named",
    "descriptive": "says what something is or is called, not what happened",
    "blank_in_list": "one item of a list, which another item could fill",
    "relative_time": "a time told from another sentence ('twelve years later', 'the next day')",
    "it_subject": "'it' stands for something the question does not name",
    "unnamed_place": "a place it does not name ('the city', 'the country')",
    "main_place": "asks for the place the whole article is set in",
    "no_main_verb": "copies a sentence that has no main verb (a heading, a name given)",
    "hedged": "a guess the article reports ('may have been'), not a fact to test",
    "subject_back": "its subject ('The letter', '13') is one an earlier sentence explains",
    "date_given_away": "the rest of the sentence gives the date away, or many dates fit ('By _____')",
    "points_back": "it takes up what an earlier sentence told ('also', 'then proceeded', 'all three tribes')",
    "unnamed_thing": "it names a place, a plot or a conflict only by its kind ('the place', 'the rebels', 'the case')",
    "answer_abbreviated": "the prompt holds the answer's initials ('the U.S.-Japan Treaty' for 'United States')",
}
# the kind of date a blank asks for, which the template adds after "in _____": no aside of the article's
DATE_HINT = re.compile(r" \((?:" + "|".join({*DATE_KINDS.values(), "years"}) + r")\)")
# words of a lifted sentence that take up what the sentence before told: "also cannot be considered", "then
# proceeded", "all three tribes", "a further five", "reacted by", "the new garment requirements", "The Third was"
POINTS_BACK = re.compile(
    r"\b(?:also|too)\b(?! (?:known|called|named|spelled|spelt|referred|written)\b)"
    r"|\bthen (?!part\b|the\b|a\b|an\b|known\b|called\b|capital\b|still\b)[a-z]+(?:ed|t)\b"
    r"|\bthe (?:new|same|other|remaining|latter|former|further|previous)\b(?! (?:year|day|month|century|decade)s?\b)"
    r"|\ba further\b|\ball (?:two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|\d+) other\b"
    r"|\bboth (?:sides|men|armies|parties|countries|kings|groups)\b"
    r"|\b(?:reacted|responded|retaliated)\b(?! to\b| against\b| for\b)"
    r"|^The (?:First|Second|Third|Fourth|Fifth|Sixth)\b(?!(?-i: [A-Z]))", re.IGNORECASE | re.MULTILINE)
# a place, a gathering, a scheme or a conflict named only by its kind, which the sentence before made clear:
# "rushed to the place", "emerged from among the rebels", "the collapse of the case", "a woman of that era"
UNNAMED_THING = re.compile(
    r"\b(?:[Tt]he|[Tt]hat|[Tt]his|[Tt]hese|[Tt]hose) (town|city|place|meeting|plot|plan|scheme|rebels|accused|case|war|"
    r"era|speech|incident|affair|event|crisis|conflict|revolt|rebellion|uprising|riot|attack|raid|campaign|region|"
    r"area|island|site|fort|fortress|castle|permission|conspirators|plotters|mob|crowd|group|victims)\b(?! of\b)(?! [A-Z])")
# the people an event's name implies: "the rebels" of an article on a revolt are its rebels
IMPLIED_BY = {"rebels": ("revolt", "rebellion", "uprising", "rising", "insurrection", "mutiny", "riots", "riot", "war"),
              "crowd": ("riot", "riots", "massacre", "protest"), "mob": ("riot", "riots", "massacre"),
              "conspirators": ("conspiracy", "plot"), "plotters": ("conspiracy", "plot"), "accused": ("trial", "case")}


def _unnamed_thing(prompt: str, title: str) -> bool:
    """Whether the prompt names a place, a plot or a conflict only by its kind, one the title does not name."""
    title_words = {w.lower().strip("'’s") for w in title.split()}
    for m in UNNAMED_THING.finditer(prompt.replace(BLANK, "X")):
        noun = m.group(1)
        if noun not in title_words and noun.rstrip("s") not in title_words \
                and not title_words & set(IMPLIED_BY.get(noun, ())):
            return True
    return False


# "may have been instigated", "might have known": the article reports a guess; no answer is right for sure
HEDGED = re.compile(r"\b(?:may|might|could|must|would) have (?:been )?\w+(?:ed|en|wn|ne)\b", re.IGNORECASE)
# "The tax proved unpopular", "The letter was said to ...", "13 were arrested": a subject met in an earlier
# sentence, or a bare number, which the question alone leaves unexplained
SUBJECT_BACK = re.compile(r"^(?:The ((?:[a-z]+ )?[a-z]+)(?! of\b)(?= (?:[a-z]+ )?(?:was|were|had|is|are|\w+ed)\b)"
                          r"|(\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|"
                          r"Fifteen|Twenty)(?=,? (?:were|was|had|\w+ed)\b))")
# "the city", "the country": a place the reader must take from the sentence before (not "the city of X", nor a
# name such as "the State Opening")
UNNAMED_PLACE = re.compile(r"\b[Tt]he (?:city|town|village|country|area|territory|region|island|colony|province|"
                           r"capital|fort|fortress|castle|kingdom|empire)\b(?![-\w])(?!\s+of\b)(?!,\s+[A-Z_])")
ANY_PRONOUN = re.compile(r"\b(?:it|its|they|them|their|he|she|his|her|him|itself|themselves)\b", re.IGNORECASE)
SUBJECT_UNNAMED = re.compile(
    r"^(?:(?:When|Where|Why|How|What|Who|Which \w+) (?:did|was|were|is|are|had|has|do|does|could|would) )?"
    r"(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|[Aa]n?|[Mm]any|[Ss]ome|[Mm]ost|[Oo]ther) (?:[a-z][\w-]* ){0,2}?[a-z][\w-]*"
    r"(?: (?:was|were|had|did|is|are|broke|began|came|took|fell|made|left|fled|marched|agreed|refused|escalated|"
    r"ended|rose|attacked|declared|won|lost|became|continued|lasted|failed|succeeded|received|"
    r"\w+ed)\b|\b(?! of\b)(?! [A-Z]))"
    r"|^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Twenty|"
    r"Several|Many|Some|Most|Others?)\b(?! of the [A-Z])")
# "twelve years later", "over the next ten days", "the following month": a time told from another sentence
RELATIVE_TIME = re.compile(
    r"\b(?:[\w-]+ (?:years?|months?|weeks?|days?|decades?) (?:later|earlier|afterwards?)\b)"
    r"|\b(?:over|during|in|within) the (?:next|following|previous|preceding) (?:[\w-]+ )?(?:years?|months?|weeks?|days?|hours?)\b"
    r"|\bthe (?:next|following|previous|same) (?:year|month|week|day|morning|night|evening)\b"
    r"|\bwithin (?:days|weeks|months|hours)\b|\b(?:later|earlier) that (?:year|month|day)\b", re.IGNORECASE)
# "it was around 1295 BC": an "it" that stands for something named elsewhere (not "it is thought that")
IT_SUBJECT = re.compile(r"(?:^|[,;]\s|\b(?:and|but|so|when|after|because)\s)[Ii]t (?!is (?:said|thought|believed|known|likely|unclear)"
                        r"|was (?:said|thought|believed|known|decided|agreed|likely|not until))(?:\w+ ){0,2}?"
                        r"(?:was|is|had|has|became|took|ended|began|lasted|remained|remains|led|caused|saw)\b")
REPORTED = re.compile(r"\b(?:according to|historians?|scholars?|is considered|are considered|was considered|regarded as|"
                      r"described as|known as|referred to as|called|named|means|derived from|translated as|"
                      r"believed|thought to|argued?|claimed?)\b", re.IGNORECASE)

PRONOUN_ANSWERS = frozenset("it its this that these those they them he she him her his their which who".split())
WH_WORDS = ("who", "when", "where", "why", "what", "which place", "which organization", "which", "how")


def _wh(prompt: str) -> str:
    low = prompt.lower()
    return next((w for w in WH_WORDS if low.startswith(w + " ")), "")


def _pairs(text: str) -> set[tuple[str, str]]:
    w = norm(text.replace(BLANK, " ")).split()
    return set(zip(w, w[1:], strict=False))


def _reworded(d: Draft) -> float:
    """Share of the prompt's word pairs that its sentence does not have, beyond the few a question's
    word order makes ("When did X ..."): a prompt cut together from pieces reads garbled."""
    if d.format not in (Format.SHORT_ANSWER, Format.MULTIPLE_CHOICE, Format.CLOZE, Format.TRUE_FALSE) or not d.sentence:
        return 0.0
    pairs = _pairs(d.prompt)
    if not pairs:
        return 0.0
    novel = pairs - _pairs(d.sentence)
    allowance = 3 if _wh(d.prompt) else 0
    return max(0, len(novel) - allowance) / len(pairs)


def _substituted(d: Draft) -> float:
    """Capitalised words of the prompt that its sentence does not have (a pronoun or "the uprising"
    given a name; a false statement's swapped value counts too)."""
    if not d.sentence:
        return 0.0
    sentence = set(norm(d.sentence).split())
    words = CAPITALISED.findall(d.prompt)
    return float(sum(1 for w in words if norm(w) and norm(w) not in sentence and w.lower() not in WH_WORDS))


def _fmt(fmt: str) -> dict[str, float]:
    return {f"fmt_{f}": float(fmt == f) for f in FORMATS}


def _topic_group(topic: str) -> str:
    if topic in ("cause", "effect"):
        return "cause_effect"
    return topic if topic in TOPIC_GROUPS else "other"


def _items(d: Draft) -> list[str]:
    if d.format == Format.TIMELINE:
        return [str(x) for x in d.answer]
    if d.format == Format.MATCHING:
        return [s for pair in d.answer for s in pair if isinstance(pair, tuple)]
    return []


def _balanced(text: str) -> bool:
    pairs = (("(", ")"), ("[", "]"), ("“", "”"))
    if any(text.count(a) != text.count(b) for a, b in pairs):
        return False
    return text.count('"') % 2 == 0


def _log(x: float) -> float:
    return math.log1p(max(0.0, x))


BRACKETS = re.compile(r"\([^)]*\)")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+")
SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
MONTH_LIKE = re.compile(r"[A-Za-z]{3}")
FOREIGN_SCRIPT = re.compile(r"[^\x00-\u024f\u2010-\u2027]")


def _modifies(value: str, sentence: str) -> bool:
    """"the 14th-century novel": the value joined by a hyphen to the word after it."""
    i = sentence.find(value)
    rest = sentence[i + len(value): i + len(value) + 2] if i >= 0 else ""
    return len(rest) == 2 and rest[0] in "-–" and rest[1].isalnum()


def _count_deictic(text: str) -> int:
    return len(DEICTIC.findall(text.lower()))


NOT_NAMES = frozenset(lexicon.MONTHS) | {"bc", "bce", "ad", "ce", "on", "in", "at", "during", "after", "before", "by",
                                         "the", "when", "while", "although", "as", "from", "following"}


def _unresolved_pronoun(text: str) -> bool:
    """A personal pronoun with no name before it ("On 15 October 1934, he was arrested"): a month or
    a sentence's first word is no name; a cloze's gap before it is ("_____, in his 1570 bull, ...")."""
    for m in WORD.finditer(text):
        if m.group().lower() in PERSONAL_PRONOUNS:
            before = text[:m.start()]
            return BLANK not in before and not any(
                x[0].isupper() and x.lower() not in NOT_NAMES for x in WORD.findall(before)[1:])
    return False


_DEFINITE = re.compile(r"\b[Tt]he ((?:[a-z]+ ){0,2})([a-z]+s?)\b(?! of\b)")


def _definite_common(text: str, facts: Facts) -> int:
    """"the conspirators", "the message": a definite common noun with no name or "of" after it that
    does not name the article's own event."""
    event = norm(facts.event)
    n = 0
    for m in _DEFINITE.finditer(text):
        phrase = norm(m.group(0))
        if event and phrase in event:
            continue
        n += 1
    return n


DESCRIPTIVE_VERBS = frozenset("""be call name know refer translate derive mean consist comprise include locate situate
lie contain number describe consider regard spell""".split())


@dataclass
class SentenceSigns:
    no_finite: float = 0.0
    index: float = 0.0  # sentence's place in its paragraph
    paragraph: float = 0.0
    subject_pronoun: float = 0.0  # "He ...", "They ..." left in the prompt
    subject_common: float = 0.0  # "The crowd ...", "Fourteen ..." left in the prompt
    descriptive: float = 0.0  # the clause says what something is or is called, not what happened
    names: float = 0.0  # named people, places and dates in the sentence: context for the reader
    verbless: float = 0.0  # no verb at its root: a heading or a name given ("The traditional name given to ...")


def _sentence_signs(ctx: ArticleContext, d: Draft) -> SentenceSigns:
    tok = ctx.token_at(d.position) if d.position else None
    if tok is None:
        return SentenceSigns()
    key = ("signs", id(tok.doc), tok.sent.start)
    if key not in ctx.memo:
        ctx.memo[key] = _signs_of(ctx, tok)
    signs, subj = ctx.memo[key]
    if subj is None:
        return signs
    # whether the subject is left as the sentence has it depends on the prompt
    text, pos, named = subj
    shown = norm(text) in norm(d.prompt)
    # "Maria Claes was well educated – she read Latin": a pronoun after its person, named in the sentence, is read
    if pos == "PRON" and text.lower() not in ("who", "which", "that") and f" {text.lower()} " in f" {d.prompt.lower()} " \
            and not named:
        return replace(signs, subject_pronoun=1.0)
    if shown and pos in ("NOUN", "NUM") and not named:
        return replace(signs, subject_common=1.0)
    return signs


def _signs_of(ctx: ArticleContext, tok) -> tuple[SentenceSigns, tuple[str, str, bool] | None]:
    sent = tok.sent
    para = ctx.paragraph_of(tok)
    sents = list(para.doc.sents)
    out = SentenceSigns(
        no_finite=float(not any(t.tag_ in FINITE_TAGS for t in sent)),
        index=float(next((i for i, s in enumerate(sents) if s.start == sent.start), 0)),
        paragraph=float(ctx.paragraphs.index(para)),
        descriptive=float(sent.root.lemma_.lower() in DESCRIPTIVE_VERBS),
        names=float(len({e.text for e in sent.ents})),
        verbless=float(sent.root.pos_ not in ("VERB", "AUX")),
    )
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return out, None
    text = subj.text if subj.pos_ == "PRON" else " ".join(t.text for t in subj.subtree)
    if subj.pos_ == "PRON":  # named: its person stands before it in the sentence
        return out, (text, subj.pos_, subj.lower_ in ("he", "she") and ctx.named_before_in_sentence(subj))
    return out, (text, subj.pos_, any(t.pos_ == "PROPN" or t.ent_type_ for t in subj.subtree))


def _topic_overlap(sentence: str, facts: Facts) -> float:
    """How much of the article's subject the sentence speaks of: its share of the title's words and of
    the words the article's opening sentence uses."""
    title = content_words(facts.article.title)
    first = facts.article.blocks[0].paragraph.split(". ")[0] if facts.article.blocks else ""
    key = title | content_words(first)
    words = content_words(sentence)
    return len(words & key) / max(1, len(key))


@lru_cache(maxsize=64)
def _article_words(text: str) -> Counter[str]:
    return Counter(w for w in norm(text).split() if len(w) > 3 and w not in STOPWORDS)


def _centrality(sentence: str, facts: Facts) -> float:
    """How much the sentence shares the words the article keeps coming back to: the cosine between its
    content words and those of the rest of the article (a side detail shares few)."""
    words = Counter(w for w in norm(sentence).split() if len(w) > 3 and w not in STOPWORDS)
    if not words:
        return 0.0
    rest = _article_words(facts.article.text).copy()
    rest.subtract(words)
    dot = sum(n * rest[w] for w, n in words.items() if rest[w] > 0)
    norm_a = math.sqrt(sum(n * n for n in words.values()))
    norm_b = math.sqrt(sum(n * n for n in rest.values() if n > 0))
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0


def _blank_in_list(prompt: str) -> float:
    """"the Blues, the Greens, _____ and the Whites": one of a list, which any of the others could be."""
    i = prompt.find(BLANK)
    if i < 0:
        return 0.0
    around = prompt[max(0, i - 25): i + len(BLANK) + 25]
    return float(around.count(",") + around.count(" and ") >= 2)


def _mentions(text: str, article: str) -> int:
    """How often the normalised text stands as whole words in the normalised article."""
    n = norm(text)
    return f" {article} ".count(f" {n} ") if n else 0


def _option_features(d: Draft, pool_text: str) -> dict[str, float]:
    if d.format != Format.MULTIPLE_CHOICE or not d.choices:
        return {"options_nested": 0.0, "options_outside": 0.0, "options_unlike": 0.0}
    keys = [norm(c) for c in d.choices]
    nested = any(a != b and f" {a} " in f" {b} " for a in keys for b in keys if a and b)
    wrong = [c for c in d.choices if c != d.answer]
    outside = sum(1 for w in wrong if norm(w) not in pool_text) / max(1, len(wrong))
    alen = max(1, len(str(d.answer).split()))
    unlike = sum(abs(len(w.split()) - alen) / max(alen, len(w.split())) for w in wrong) / max(1, len(wrong))
    return {"options_nested": float(nested), "options_outside": outside, "options_unlike": unlike}


def entity_mentions(answer: str, facts: Facts) -> int:
    """How often the article names the person, place or body the answer is (0: not one of them)."""
    key = norm(answer)
    if not key:
        return 0
    for e in facts.entities():
        if key in {norm(n) for n in e.names}:
            return len(e.mentions)
    return 0


ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
DECADE = re.compile(r"\b(\d{2,3})0s\b")
YEAR = re.compile(r"\b(\d{3,4})\b")
# a bound before a blank for a date: "By _____", "until _____" take many right answers
BOUND_WORDS = ("by", "before", "until", "till", "since", "around", "about", "circa")


def _abbreviated(answer: str, prompt: str) -> bool:
    """Whether the prompt holds the answer's initials: "the U.S.-Japan Treaty" for "United States"."""
    words = [w for w in answer.split() if w[:1].isupper()]
    if len(words) < 2:
        return False
    initials = r"\.?".join(re.escape(w[0]) for w in words)
    return re.search(rf"(?<![\w.]){initials}\.?(?![a-z])", prompt.replace(BLANK, " ")) is not None


def _date_given_away(prompt: str, answer: str) -> bool:
    """A date blank the rest of the prompt answers ("after the 1891 civil war ... in the _____" for "the 1890s",
    "in the 17th and _____" for "18th centuries") or that many dates would fill ("By _____, the port ...")."""
    before = prompt.split(BLANK)[0].split()
    if before and before[-1].lower() in BOUND_WORDS:
        return True
    if before == ["The"]:
        return True  # "The _____, spanning from 1045 to 1068, was a period ...": "period" fits as well
    if len(before) >= 2 and before[-1].lower() in ("and", "or", "to") and before[-2].lower() in lexicon.MONTHS:
        return True  # "during July and _____" for "August 1858"
    if len(before) >= 2 and before[-1].lower() in ("and", "or", "to") and ORDINAL.search(before[-2]) \
            and ORDINAL.search(answer):
        return True  # "the 17th and _____" for "18th centuries"
    rest = prompt.replace(BLANK, " ")
    years = [int(y) for y in YEAR.findall(rest)]
    decade = DECADE.search(answer)
    if decade and any(y // 10 == int(decade.group(1)) for y in years):
        return True
    century = ORDINAL.search(answer) if "centur" in answer.lower() else None
    return bool(century and any((y - 1) // 100 + 1 == int(century.group(1)) for y in years))


def _subject_points_back(d: Draft, article: str, title: str) -> bool:
    m = SUBJECT_BACK.match(d.prompt)
    if m is None:
        return False
    if m.group(2):
        return True
    noun = m.group(1).split()[-1]
    if noun in content_words(title):
        return False  # "The first secessio plebis was ...": the article's own subject, as its title names it
    return re.search(rf"\b{re.escape(noun)}\b", article[:d.position], re.IGNORECASE) is not None


def _unnamed_place(prompt: str, facts: Facts) -> bool:
    """"the city", "the colony's" with no place of the article named before it in the prompt."""
    m = UNNAMED_PLACE.search(prompt)
    if m is None:
        return False
    before = f" {norm(prompt[:m.start()])} "
    return not any(f" {norm(n)} " in before for e in facts.places for n in e.names)


def features(d: Draft, ctx: ArticleContext, facts: Facts, pool_text: str = "") -> dict[str, float]:
    """The numbers the quality model weighs, for one candidate question of an article."""
    article = norm(facts.article.text)
    title = facts.article.title
    shown = " ".join([d.prompt, *_items(d)])
    answer = d.answer if isinstance(d.answer, str) else ""
    answer_shown = answer if d.format not in (Format.TRUE_FALSE,) else ""
    prompt_wo_blank = d.prompt.replace(BLANK, " ")
    words = len(d.prompt.split())
    sentence_words = max(1, len(d.sentence.split()))
    signs = _sentence_signs(ctx, d)
    no_finite, sent_index, para_index = signs.no_finite, signs.index, signs.paragraph
    answer_words = content_words(answer_shown)
    group = _topic_group(d.topic)
    mentions = float(entity_mentions(answer_shown, facts))
    items = _items(d)
    f: dict[str, float] = {
        **_fmt(d.format),
        **{f"topic_{g}": float(group == g) for g in TOPIC_GROUPS},
        "wh_question": float(d.format in (Format.SHORT_ANSWER, Format.MULTIPLE_CHOICE) and d.prompt.split()[0].lower()
                             in ("who", "when", "where", "which", "what", "why", "how")),
        "tf_false": float(d.format == Format.TRUE_FALSE and d.answer == "False"),
        "answer_in_title": float(bool(answer_words) and bool(answer_words & content_words(title))),
        "answer_stem_in_prompt": float(bool(answer_shown) and shares_stem(answer_shown, prompt_wo_blank)),
        "answer_repeated_in_prompt": float(bool(answer_shown) and d.format != Format.TRUE_FALSE and len(norm(answer_shown)) > 2
                                           and f" {norm(answer_shown)} " in f" {norm(prompt_wo_blank)} "),
        "option_in_prompt": float(d.format == Format.MULTIPLE_CHOICE and any(
            len(norm(c)) > 3 and f" {norm(c)} " in f" {norm(d.prompt)} " for c in d.choices)),
        # "Nor was peace restored ...": inverted after its connective, so no prompt can drop it
        "leading_connective": float(leading_connective(d.prompt) is not None or d.sentence.startswith("Nor ") or any(
            leading_connective(x) is not None for x in items)),
        "deictic": float(min(3, _count_deictic(shown))),
        "unresolved_pronoun": float(_unresolved_pronoun(d.prompt) or any(_unresolved_pronoun(x) for x in items)),
        "definite_common": float(min(3, _definite_common(d.prompt, facts))),
        "fragment": float(no_finite and d.format in (Format.CLOZE, Format.TRUE_FALSE)),
        "unbalanced": float(not _balanced(shown)),
        "odd_characters": float(bool(ODD_CHARACTERS.search(shown.replace(BLANK, "")))),
        "prompt_words": _log(words),
        "copy_ratio": float(d.format in (Format.CLOZE, Format.TRUE_FALSE)) * min(1.0, words / sentence_words) * _log(sentence_words) / 4,
        "answer_words": _log(len(answer_shown.split())),
        "answer_in_brackets": float(bool(answer_shown) and any(answer_shown in b for b in BRACKETS.findall(d.sentence))),
        "answer_rare": float(bool(answer_shown) and d.topic in ("person", "place", "organization")
                             and _mentions(answer_shown, article) <= 1),
        "minor_entity": float(d.topic in ("person", "place", "organization") and 0 < mentions <= 1),
        "entity_mentions": _log(mentions),
        "lowercase_start": float(d.prompt[:1].islower()),
        "multi_sentence": float(bool(SENTENCE_END.search(d.prompt))),
        "digits_in_prompt": float(any(c.isdigit() for c in prompt_wo_blank)),
        "late_position": min(1.0, para_index / 4) + min(1.0, sent_index / 6),
        "in_lead": float(para_index == 0),
        "items_long": _log(sum(len(x.split()) for x in items) / max(1, len(items))) if items else 0.0,
        "items_vague": float(sum(1 for x in items if _count_deictic(x) or x.split()[:1] and x.split()[0].lower()
                                 in PERSONAL_PRONOUNS | {"it", "this", "these", "but", "and"})) if items else 0.0,
        "date_day": float(d.topic == "date" and any(c.isdigit() for c in answer_shown) and bool(
            MONTH_LIKE.search(answer_shown))),
        "cloze_blank_first": float(d.format == Format.CLOZE and d.prompt.startswith(BLANK)),
        "answer_pronoun": float(bool(answer_shown) and norm(answer_shown) in PRONOUN_ANSWERS),
        "prompt_short": float(d.format in (Format.SHORT_ANSWER, Format.MULTIPLE_CHOICE) and words <= 5),
        "prompt_long": float(words > 30),
        "substituted_name": min(3.0, _substituted(d)),
        "reworded": _reworded(d),
        "wh_who": float(_wh(d.prompt) == "who"),
        "wh_when": float(_wh(d.prompt) == "when"),
        "wh_where": float(_wh(d.prompt) == "where"),
        "wh_why_what": float(_wh(d.prompt) in ("why", "what")),
        "wh_which_place": float(_wh(d.prompt) == "which place"),
        "wh_which_organization": float(_wh(d.prompt) == "which organization"),
        "date_modifier": float(d.topic == "date" and bool(answer_shown) and _modifies(answer_shown, d.sentence)),
        "according_to": float("according to the article" in d.prompt.lower()),
        "pronouns": float(min(3, len(ANY_PRONOUN.findall(shown)))),
        "subject_unnamed": float(bool(SUBJECT_UNNAMED.match(d.prompt.replace(BLANK, "X")))),
        "reported_view": float(bool(REPORTED.search(d.prompt.replace("According to the article", "")))),
        "aside": float("(" in DATE_HINT.sub("", d.prompt) or bool(FOREIGN_SCRIPT.search(d.prompt))),
        "first_sentence": float(para_index == 0 and sent_index == 0),
        "relative_time": float(bool(RELATIVE_TIME.search(shown.replace(BLANK, "X")))),
        "it_subject": float(d.format in (Format.CLOZE, Format.TRUE_FALSE) and bool(IT_SUBJECT.search(d.prompt))),
        # rules from the ratings, not (yet) features of the model: the older ratings were kept without them
        "unnamed_place": float(_unnamed_place(d.prompt, facts)),
        "hedged": float(bool(HEDGED.search(d.prompt))),
        "subject_back": float(_subject_points_back(d, facts.article.text, title)),
        "points_back": float(bool(POINTS_BACK.search(d.prompt.replace(BLANK, "X")))),
        "unnamed_thing": float(_unnamed_thing(d.prompt, title)),
        "answer_abbreviated": float(bool(answer_shown) and _abbreviated(answer_shown, d.prompt)),
        "date_given_away": float(d.format == Format.CLOZE and d.topic == "date" and _date_given_away(d.prompt, answer)),
        "no_main_verb": float(bool(signs.verbless) and d.format in (Format.CLOZE, Format.TRUE_FALSE)),
        # the place the article is set in: guessed without reading ("a revolt in _____" in an article on Egypt)
        "main_place": float(d.topic == "place" and mentions >= 2
                            and mentions >= max((len(p.mentions) for p in facts.places), default=0)),
        "subject_pronoun": signs.subject_pronoun,
        "subject_common": signs.subject_common,
        "descriptive": signs.descriptive,
        "sentence_names": _log(signs.names),
        "topic_overlap": _topic_overlap(d.sentence, facts),
        "blank_in_list": _blank_in_list(d.prompt),
        "centrality": _centrality(d.sentence, facts),
        "framed": float(bool(facts.event) and d.prompt.startswith(f"In {facts.event},")),
        "main_actor": float(mentions > 0 and mentions >= max((len(p.mentions) for p in facts.people), default=0)),
        **_option_features(d, pool_text or article),
    }
    return f


FEATURES: tuple[str, ...] = (
    *(f"fmt_{f}" for f in FORMATS), *(f"topic_{g}" for g in TOPIC_GROUPS),
    "wh_question", "tf_false", "answer_in_title", "answer_stem_in_prompt", "answer_repeated_in_prompt",
    "option_in_prompt", "leading_connective", "deictic", "unresolved_pronoun", "definite_common", "fragment",
    "unbalanced", "odd_characters", "prompt_words", "copy_ratio", "answer_words", "answer_in_brackets",
    "answer_rare", "minor_entity", "entity_mentions", "lowercase_start", "multi_sentence", "digits_in_prompt",
    "late_position", "in_lead", "items_long", "items_vague", "date_day", "cloze_blank_first",
    "options_nested", "options_outside", "options_unlike",
    "answer_pronoun", "prompt_short", "prompt_long", "substituted_name", "reworded", "wh_who", "wh_when",
    "wh_where", "wh_why_what", "wh_which_place", "wh_which_organization", "date_modifier", "according_to",
    "pronouns", "subject_unnamed", "reported_view", "aside", "first_sentence", "subject_pronoun",
    "subject_common", "descriptive", "sentence_names", "topic_overlap", "blank_in_list", "main_actor",
    "centrality", "framed", "relative_time", "it_subject",
)


def as_row(f: dict[str, float], names: Iterable[str] = FEATURES) -> list[float]:
    return [float(f.get(n, 0.0)) for n in names]
