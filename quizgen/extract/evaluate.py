"""Extraction scored against gold annotations: recall and precision of dates, people and causal links.

A gold file names the facts of one article (dates as written, people with their aliases, names that are
not people, causal links as short cause and effect phrases) and points at the sentence that states each
link by its character offsets in the article (`evidence_at`), so the file copies no sentence. A gold file
may carry the sentence itself (`evidence`) instead, as the shared corpus's files do.

The matching follows the shared scorer (eval_extract.py): a person is found when a name of theirs stands
whole inside an extracted name or the other way round (titles of rank aside); a causal link is found when
an extracted link comes from its sentence, names a piece of the gold cause, and overlaps the gold effect;
an extracted link from a sentence no gold link comes from counts against precision.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HONORIFICS = {"sir", "king", "queen", "father", "major", "princess", "prince", "archduke", "duke", "duchess",
              "president", "general", "lord", "lady", "saint", "st", "emperor", "tsar", "czar", "pope", "dr", "mr",
              "mrs", "sultan", "caliph", "shah", "khan", "pharaoh", "chief", "captain", "colonel", "governor"}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    s = s.replace("\u2019", "'").replace("\u2014", " ").replace("\u2013", "-")
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    return " ".join(re.sub(r"[^\w' -]+", " ", s).split())


def words(s: str) -> set[str]:
    return {w for w in norm(s).split() if len(w) > 3}


def bare(name: str) -> str:
    return " ".join(t for t in norm(name).split() if t not in HONORIFICS)


def same_person(a: str, b: str) -> bool:
    x, y = bare(a), bare(b)
    if not x or not y:
        return False
    return bool(re.search(rf"\b{re.escape(x)}\b", y) or re.search(rf"\b{re.escape(y)}\b", x))


@dataclass
class Tally:
    found: int = 0
    total: int = 0
    right: int = 0
    extracted: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return round(self.found / self.total, 3) if self.total else None

    @property
    def precision(self) -> float | None:
        return round(self.right / self.extracted, 3) if self.extracted else None

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.total += other.total
        self.right += other.right
        self.extracted += other.extracted
        self.missed += other.missed
        self.wrong += other.wrong


def evidence_sentence(link: dict[str, Any], text: str) -> str:
    if "evidence" in link:
        return link["evidence"]
    start, end = link["evidence_at"]
    return text[start:end]


def score_dates(got: dict[str, Any], gold: dict[str, Any]) -> Tally:
    t = Tally()
    got_dates = [norm(d["text"]) for d in got.get("dates", [])]
    gold_dates = [norm(d["text"]) for d in gold.get("dates", [])]
    for g in gold_dates:
        t.total += 1
        if any(g in x or (x and x in g) for x in got_dates):
            t.found += 1
        else:
            t.missed.append(g)
    for x in got_dates:
        t.extracted += 1
        if any(g in x or x in g for g in gold_dates):
            t.right += 1
        else:
            t.wrong.append(x)
    return t


def score_people(got: dict[str, Any], gold: dict[str, Any]) -> Tally:
    t = Tally()
    got_names = [[p["name"], *p.get("aliases", [])] for p in got.get("people", [])]
    for p in gold.get("people", []):
        if not p.get("required", True):
            continue
        t.total += 1
        names = [p["name"], *p.get("aliases", [])]
        if any(same_person(g, n) for g in names for ns in got_names for n in ns):
            t.found += 1
        else:
            t.missed.append(p["name"])
    gold_all = [n for p in gold.get("people", []) for n in [p["name"], *p.get("aliases", [])]]
    for p in got.get("people", []):
        t.extracted += 1
        if any(same_person(g, p["name"]) for g in gold_all):
            t.right += 1
        else:
            t.wrong.append(p["name"])
    return t


def score_causal(got: dict[str, Any], gold: dict[str, Any], text: str) -> Tally:
    t = Tally()
    links = got.get("causal_links", [])
    title_words = words(gold.get("title", got.get("title", "")))

    def linked(c: dict[str, Any]) -> bool:
        ev = words(evidence_sentence(c, text))
        for link in links:
            s = words(link.get("sentence", ""))
            if not ev or len(ev & s) / len(ev) < 0.8:
                continue
            cw, ew = words(link.get("cause", "")), words(link.get("effect", ""))
            if not cw or not ew or len(ew) > 0.9 * len(s) or len(cw) > 0.9 * len(s):
                continue
            eff, cause = words(c["effect"]), words(c["cause"])
            if eff and len(eff & ew) / len(eff) < 0.4:
                continue
            if cause and not (cause & cw) and not (cause & title_words and cw & title_words):
                continue
            return True
        return False

    gold_links = gold.get("causal_links", [])
    for c in gold_links:
        if not c.get("required", True):
            continue
        t.total += 1
        if linked(c):
            t.found += 1
        else:
            t.missed.append(f"{c['cause']} -> {c['effect']}")
    evidence = [words(evidence_sentence(c, text)) for c in gold_links]
    for link in links:
        t.extracted += 1
        s = words(link.get("sentence", ""))
        if any(ev and len(ev & s) / len(ev) >= 0.8 for ev in evidence):
            t.right += 1
        else:
            t.wrong.append(f"{link.get('cause')} -> {link.get('effect')}")
    return t


KINDS = ("dates", "people", "causal_links")


def score(got: dict[str, Any], gold: dict[str, Any], text: str) -> dict[str, Tally]:
    return {"dates": score_dates(got, gold), "people": score_people(got, gold),
            "causal_links": score_causal(got, gold, text)}


def gold_files(folder: Path) -> Iterable[Path]:
    return sorted(folder.glob("*.gold.json"))


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
