"""Deck folders: decks/<slug>/ with article files and an optional deck.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

from quizgen.errors import InputError


def read_deck_toml(folder: Path) -> dict:
    f = folder / "deck.toml"
    if not f.exists():
        return {}
    try:
        return tomllib.loads(f.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{f}: not valid TOML ({exc})") from None


def deck_title(folder: Path) -> str:
    """deck.toml's title, else the folder name in title case ("kirov-assassination" -> "Kirov Assassination")."""
    meta = read_deck_toml(folder)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    return title or folder.resolve().name.replace("-", " ").replace("_", " ").title()
