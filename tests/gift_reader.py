"""A small GIFT reader for the export tests, following Moodle's own importer
(question/format/gift/format.php): blank lines separate questions, // starts a comment line,
escapes are swapped for placeholders before parsing and restored after, the first {...} holds
the answers and a question that goes on after it is a missing-word question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ESCAPES = {":": "\x01", "#": "\x02", "=": "\x03", "{": "\x04", "}": "\x05", "~": "\x06", "n": "\x07"}
BACKSLASH = "\x08"
WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")


@dataclass
class GiftQuestion:
    qtype: str  # category, description, essay, multichoice, truefalse, shortanswer, match
    name: str | None = None
    text: str = ""
    text_format: str = "moodle"
    category: str | None = None
    answers: list[tuple[str, float]] = field(default_factory=list)  # multichoice and shortanswer
    pairs: list[tuple[str, str]] = field(default_factory=list)  # match
    truth: bool | None = None  # truefalse
    general_feedback: str = ""


def protect(text: str) -> str:
    text = text.replace("\\\\", BACKSLASH)
    for char, placeholder in ESCAPES.items():
        text = text.replace("\\" + char, placeholder)
    return text.replace(BACKSLASH, "\\")


def restore(text: str) -> str:
    for char, placeholder in ESCAPES.items():
        text = text.replace(placeholder, "\n" if char == "n" else char)
    return text


def with_format(text: str) -> tuple[str, str | None]:
    """Split a leading [format] marker off, as Moodle does."""
    m = re.match(r"\[(moodle|html|plain|markdown)\]", text)
    if m:
        return restore(text[m.end():]).strip(), m.group(1)
    return restore(text).strip(), None


def blocks(source: str) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for line in source.splitlines():
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def read_question(lines: list[str]) -> GiftQuestion | None:
    lines = [" " if line.strip().startswith("//") else line for line in lines]
    text = "\n".join(lines).strip()
    if not text:
        return None
    text = protect(text)
    if text.startswith("$CATEGORY:"):
        return GiftQuestion("category", category=restore(text[10:].strip()))
    name = None
    if text.startswith("::"):
        end = text.find("::", 2)
        if end != -1:
            name = restore(text[2:end])
            text = text[end + 2:].strip()
    start, finish = text.find("{"), text.find("}")
    if start == -1 and finish == -1:
        body, fmt = with_format(text)
        return GiftQuestion("description", name=name, text=body, text_format=fmt or "moodle")
    if start == -1 or finish == -1:
        raise ValueError(f"unbalanced braces in {text!r}")
    answer = text[start + 1:finish].strip()
    if text.endswith("}"):
        question_text = text[:start] + text[finish + 1:]
    else:
        question_text = text[:start] + "_____" + text[finish + 1:]
    feedback = ""
    if "####" in answer:
        cut = answer.rfind("####")
        feedback, answer = answer[cut + 4:], answer[:cut].strip()
    body, fmt = with_format(question_text.strip())
    q = GiftQuestion("", name=name, text=body, text_format=fmt or "moodle",
                     general_feedback=with_format(feedback.strip())[0])

    if not answer:
        q.qtype = "essay"
    elif "~" in answer:
        q.qtype = "multichoice"
        for part in filter(None, (p.strip() for p in answer.replace("=", "~=").split("~"))):
            if part.startswith("="):
                q.answers.append((with_format(part[1:].split("#", 1)[0])[0], 1.0))
            else:
                q.answers.append((with_format(part.split("#", 1)[0])[0], 0.0))
    elif "=" in answer and "->" in answer:
        q.qtype = "match"
        for part in filter(None, (p.strip() for p in answer.split("="))):
            left, right = part.split("->", 1)
            q.pairs.append((with_format(left)[0], restore(right).strip()))
    elif answer.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
        q.qtype = "truefalse"
        q.truth = answer.split("#", 1)[0].strip() in ("T", "TRUE")
    else:
        q.qtype = "shortanswer"
        for part in filter(None, (p.strip() for p in answer.split("="))):
            weight = 1.0
            m = WEIGHT.match(part)
            if m:
                weight, part = float(m.group(1)) / 100, part[m.end():]
            q.answers.append((restore(part.split("#", 1)[0]).strip(), weight))
    return q


def read(source: str) -> list[GiftQuestion]:
    """Every question (and category switch) in a GIFT file."""
    return [q for q in (read_question(b) for b in blocks(source)) if q is not None]
