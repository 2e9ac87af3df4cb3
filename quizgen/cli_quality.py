"""`quizgen quality`: the ratings the quality model learns from, the training, and how well it does.

    quizgen quality collect SHEETS --key KEY --generated GEN --articles ARTICLES --source blind:r1
    quizgen quality features --generated GEN --articles ARTICLES     # recompute features of kept ratings
    quizgen quality train [--ratings MORE.csv] [--out MODEL.json]     # needs the `train` extra
    quizgen quality report                                            # the model's figures
    quizgen quality teacher-ratings -o school.csv                     # the verdicts of this server's teachers
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from quizgen.errors import QuizgenError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Ratings, training and figures of the quality model that decides what is served.")

SHIPPED_RATINGS = Path(__file__).parent / "data" / "ratings.csv"
SHIPPED_MODEL = Path(__file__).parent / "data" / "quality_model.json"


def _generated(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """NAME -> every question (served and suggested) of NAME's generated JSON in the folder."""
    out: dict[str, list[dict[str, Any]]] = {}
    for p in sorted(folder.glob("*.json")):
        name = p.name.split(".")[0]
        d = json.loads(p.read_text(encoding="utf-8"))
        out.setdefault(name, [])
        out[name] += d.get("questions", []) + d.get("suggestions", [])
    return out


def _article_file(folder: Path, name: str) -> Path:
    for suffix in (".txt", ".md", ".html", ".wiki"):
        if (folder / f"{name}{suffix}").exists():
            return folder / f"{name}{suffix}"
    raise QuizgenError(f"no article {name} in {folder}")


def _analyses(folder: Path, names: list[str]) -> Iterator[tuple[str, Any, Any]]:
    from quizgen.extract import analyze
    from quizgen.ingest import load_article

    for name in names:
        (ctx, facts), = analyze([load_article(_article_file(folder, name))])
        yield name, ctx, facts


@app.command()
def collect(
    sheets: Annotated[Path, typer.Argument(help="folder of NAME.sheet.json and ratings-*.json")],
    key: Annotated[Path, typer.Option(help="the key.json the sheet maker wrote")],
    generated: Annotated[Path, typer.Option(help="folder of the NAME.*.json the sheets were made from")],
    articles: Annotated[Path, typer.Option(help="folder of the articles NAME.txt")],
    source: Annotated[str, typer.Option(help="a name for this round, e.g. blind:r1")],
    out: Annotated[Path, typer.Option(help="the ratings file to add to")] = SHIPPED_RATINGS,
) -> None:
    """Add the blind ratings of a round of sheets to the ratings file, with each question's features."""
    from quizgen.questions.ratings import Rating, features_of, prompt_sha, read_ratings, write_ratings

    keys = json.loads(key.read_text(encoding="utf-8"))
    gens = _generated(generated)
    given: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for p in sorted(sheets.glob("ratings-*.json")):
        rater = p.stem.removeprefix("ratings-")
        for r in json.loads(p.read_text(encoding="utf-8")):
            k = keys.get(r["id"])
            if k and k["origin"] == "generated":
                given.setdefault(r["id"].split("#")[0], []).append((rater, r))
    rows = [r for r in (read_ratings(out) if out.exists() else []) if r.source != source]
    added = missing = 0
    for name, ctx, facts in _analyses(articles, sorted(given)):
        by_id = {q["id"]: q for q in gens.get(name, [])}
        for rater, r in given[name]:
            q = by_id.get(keys[r["id"]]["question_id"])
            if q is None:
                missing += 1
                continue
            rows.append(Rating(source, name, q["id"], prompt_sha(q["prompt"]), rater, q["format"], q["topic"],
                               bool(r["acceptable"]), bool(r.get("worth")), features_of(q, ctx, facts)))
            added += 1
    total = write_ratings(rows, out)
    typer.echo(f"{added} ratings added from {source} ({missing} not found in {generated}); {total} in {out}")


@app.command("features")
def rebuild_features(
    generated: Annotated[list[Path], typer.Option(help="folders of the NAME.*.json the rated questions came from")],
    articles: Annotated[Path, typer.Option(help="folder of the articles NAME.txt")],
    ratings: Annotated[Path, typer.Option(help="the ratings file to update")] = SHIPPED_RATINGS,
) -> None:
    """Recompute the features of kept ratings (after a change to what the features measure)."""
    from quizgen.questions.ratings import features_of, prompt_sha, read_ratings, write_ratings

    rows = read_ratings(ratings)
    gens: dict[str, list[dict[str, Any]]] = {}
    for folder in generated:
        for name, qs in _generated(folder).items():
            gens.setdefault(name, []).extend(qs)
    names = sorted({r.article for r in rows if r.article in gens})
    fresh = {}
    for name, ctx, facts in _analyses(articles, names):
        for q in gens[name]:
            fresh[(name, q["id"], prompt_sha(q["prompt"]))] = features_of(q, ctx, facts)
    updated = [replace(r, features=fresh[(r.article, r.question_id, r.prompt_sha)])
               if (r.article, r.question_id, r.prompt_sha) in fresh else r for r in rows]
    n = sum(1 for r in rows if (r.article, r.question_id, r.prompt_sha) in fresh)
    write_ratings(updated, ratings)
    typer.echo(f"features recomputed for {n} of {len(rows)} ratings in {ratings}")


@app.command()
def train(
    ratings: Annotated[list[Path] | None, typer.Option("--ratings", help="more ratings (a school's own)")] = None,
    out: Annotated[Path, typer.Option(help="where to write the model")] = SHIPPED_MODEL,
    shipped: Annotated[bool, typer.Option(help="include the shipped ratings")] = True,
) -> None:
    """Learn the quality model from the shipped ratings (and a school's own) and write it as JSON."""
    from quizgen.questions.ratings import read_ratings
    from quizgen.questions.train import train as fit

    rows = (read_ratings() if shipped else []) + [r for p in ratings or [] for r in read_ratings(p)]
    model = fit(rows)
    out.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    _print_report(model.meta, model.threshold)
    typer.echo(f"model written to {out}")


def _print_report(meta: dict[str, Any], threshold: float) -> None:
    typer.echo(f"ratings: {meta.get('ratings')} on {meta.get('articles')} articles "
               f"({meta.get('positives')} acceptable and worth asking); sources: {', '.join(meta.get('sources', []))}")
    typer.echo(f"cross-validated by article: AUC {meta.get('cv_auc')}; served threshold {threshold:.3f} gives "
               f"precision {meta.get('cv_precision_at_threshold')} on {meta.get('cv_served_share', 0):.0%} of the rated")
    for fmt, v in meta.get("cv_by_format", {}).items():
        typer.echo(f"  {fmt:16} rated {v['rated']:5}  served {v['served']:5}  precision {v['precision']}")


@app.command("teacher-ratings")
def teacher_ratings(
    out: Annotated[Path, typer.Option("-o", "--out", help="the ratings file to write")],
) -> None:
    """Write the verdicts of this server's teachers (QUIZGEN_DATABASE_URL) as ratings: approved, rejected and
    edited generated questions, with the features the model read of them. Retrain with
    `quizgen quality train --ratings FILE --out MODEL.json` and serve it with QUIZGEN_QUALITY_MODEL=MODEL.json."""
    from sqlmodel import Session

    from quizgen.questions.ratings import write_ratings
    from quizgen.settings import Settings
    from web.db import make_engine
    from web.teacher_ratings import teacher_ratings as collect_ratings

    engine = make_engine(Settings().database_url)
    try:
        with Session(engine) as session:
            rows = collect_ratings(session)
    finally:
        engine.dispose()
    n = write_ratings(rows, out)
    typer.echo(f"{n} teacher verdicts written to {out}")


@app.command()
def report(model: Annotated[Path | None, typer.Option(help="a model file (default: the shipped one)")] = None) -> None:
    """How the quality model was measured: cross-validated AUC, precision at the served threshold, the
    size of the rating set."""
    from quizgen.questions.quality import load_model

    m = load_model(str(model) if model else None)
    _print_report(m.meta, m.threshold)
