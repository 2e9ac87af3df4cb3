"""One settings object for the library, the CLI and the web app (environment prefix QUIZGEN_)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QUIZGEN_", env_file=".env", extra="ignore")

    spacy_model: str = "en_core_web_sm"
    max_article_bytes: int = 5 * 1024 * 1024
    decks_dir: Path = PROJECT_ROOT / "decks"
    database_url: str = "sqlite:///quizgen.db"
    secret_key: str = "change-me-in-production"
    # a fixed timestamp makes exported files byte-identical across runs
    export_timestamp: float | None = 1_700_000_000.0


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
