"""The `quizgen` command: extract, generate, export, build, serve, init-db, bench."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from quizgen.errors import QuizgenError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Grounded quiz questions and flashcards from encyclopedia-style history articles.")


class OutFormat(StrEnum):
    json = "json"
    text = "text"
    table = "table"


InputFormat = Annotated[str | None, typer.Option("--input-format", help="text, markdown, html or wikitext")]


def fail(message: str) -> NoReturn:
    typer.echo(f"quizgen: error: {message}", err=True)
    raise typer.Exit(2)


def dump_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="an article file")],
    format: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.table,
    input_format: InputFormat = None,
) -> None:
    """Extract dates, people, places, organizations and causal links from an article."""
    from quizgen.ingest import load_article
    from quizgen.pipeline import extract as run_extract

    facts = run_extract(load_article(path, input_format=input_format))
    if format is OutFormat.json:
        typer.echo(dump_json(facts.to_dict()))
    else:
        from quizgen.report import print_facts

        print_facts(facts)


@app.command()
def generate(
    path: Annotated[Path, typer.Argument(help="an article file or a deck folder")],
    format: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.text,
    formats: Annotated[list[str] | None, typer.Option("--formats", help="question formats to keep")] = None,
    topics: Annotated[list[str] | None, typer.Option("--topics", help="topics to keep")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="at most N questions per article")] = None,
    all_: Annotated[bool, typer.Option("--all", help="add the suggestions: candidates not served, each with the "
                                                      "model's estimate and the main reason against it")] = False,
    input_format: InputFormat = None,
) -> None:
    """Generate grounded questions from an article or every article of a deck: the served questions (what a
    quiz and an export get), and with --all the suggestions as well."""
    from quizgen.pipeline import generate as run_generate
    from quizgen.pipeline import load_articles

    sets = run_generate(load_articles(path, input_format=input_format),
                        formats=split_list(formats), topics=split_list(topics), limit=limit)
    if format is OutFormat.json:
        data = sets[0].to_dict(suggestions=all_) if len(sets) == 1 else {
            "decks": [s.to_dict(suggestions=all_) for s in sets]}
        typer.echo(dump_json(data))
    else:
        from quizgen.report import questions_text

        typer.echo("\n\n".join(questions_text(s, suggestions=all_) for s in sets))


def split_list(values: list[str] | None) -> list[str] | None:
    """Accept both `--formats a --formats b` and `--formats a,b`."""
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


@app.command()
def export(
    path: Annotated[Path, typer.Argument(help="an article file or a deck folder")],
    to: Annotated[str, typer.Option("--to", help="anki, csv, kahoot, gift, moodle-xml, qti or json")],
    out: Annotated[Path, typer.Option("-o", "--out", help="the file to write")],
    input_format: InputFormat = None,
) -> None:
    """Export the questions of an article or deck to one format."""
    from quizgen.export import EXPORTERS
    from quizgen.export import export as run_export
    from quizgen.pipeline import generate_path

    if to not in EXPORTERS:
        fail(f"unknown export format {to!r}; choose one of {', '.join(EXPORTERS)}")
    if out.is_dir():
        fail(f"{out}: is a folder; give a file name")
    if not out.parent.exists():
        fail(f"{out.parent}: no such folder")
    sets = generate_path(path, input_format=input_format)
    report = run_export(sets, to, out, parent=deck_parent(path))
    typer.echo(report.summary())


def deck_parent(path: Path) -> str | None:
    """A deck folder gives a parent deck named after it (deck.toml's title if it has one)."""
    if not path.is_dir():
        return None
    from quizgen.decks import deck_title

    return deck_title(path)


@app.command()
def build(deck: Annotated[Path, typer.Argument(help="a deck folder, e.g. decks/kirov-assassination")]) -> None:
    """Write every export format of a deck into DECK/dist/."""
    from quizgen.export import build as run_build
    from quizgen.pipeline import generate_path

    if not deck.is_dir():
        fail(f"{deck}: not a deck folder")
    sets = generate_path(deck)
    for report in run_build(sets, deck / "dist", parent=deck_parent(deck)):
        typer.echo(report.summary())


@app.command()
def bench(
    json_out: Annotated[bool, typer.Option("--json", help="print one JSON object instead of a table")] = False,
    words: Annotated[int, typer.Option("--words", min=1, help="words in the repeated corpus")] = 200_000,
    workers: Annotated[int | None, typer.Option("--workers", min=1,
                                                help="processes for the parallel run (default: CPUs; 1 skips it)")] = None,
    only: Annotated[list[str] | None, typer.Option("--only", help="benchmarks to run: generation, export, web")] = None,
    students: Annotated[int, typer.Option("--students", min=1, help="web: students answering at once")] = 50,
    web_workers: Annotated[int, typer.Option("--web-workers", min=1, help="web: server worker processes")] = 2,
    seconds: Annotated[float, typer.Option("--seconds", min=0.1, help="web: how long the students answer")] = 20.0,
    max_requests: Annotated[int, typer.Option("--max-requests", min=1,
                                              help="web: stop after this many requests")] = 1_000_000,
    web_db: Annotated[list[str] | None, typer.Option("--web-db", help="web: sqlite, postgresql (default both)")] = None,
    think: Annotated[float, typer.Option("--think", min=0,
                                         help="web: mean seconds a student reads each question (0: answer at once)")] = 0.0,
) -> None:
    """Measure generation, export and web serving speed against their targets."""
    from quizgen.bench import Options, default_workers, run_bench, table
    from quizgen.bench.web import DATABASES, WebOptions

    web = WebOptions(students=students, workers=web_workers, seconds=seconds, max_requests=max_requests, think=think,
                     databases=tuple(split_list(web_db) or DATABASES))
    results = run_bench(split_list(only), Options(words=words, workers=workers or default_workers(), web=web))
    if json_out:
        typer.echo(dump_json(results))
    else:
        from rich.console import Console

        Console().print(table(results))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="worker processes")] = 1,
    access_log: Annotated[bool, typer.Option(help="log every request (a reverse proxy usually does)")] = False,
) -> None:
    """Serve the web app (library, quizzes, flashcards, teacher editor)."""
    import uvicorn

    from quizgen.settings import Settings
    from web.secret_key import check_for_host, secret_key

    # before any worker starts: a refused key is one line here, and a new key file is made once
    settings = Settings()
    if settings.secret_key:  # a generated one is strong
        check_for_host(settings.secret_key, host)
    secret_key(settings)
    if workers > 1:
        # import the decks once, here, before the workers start: each would wait for the others' lock
        init_db()
    # proxy headers are the app's to read, from QUIZGEN_FORWARDED_ALLOW_IPS only (uvicorn would trust 127.0.0.1)
    uvicorn.run("web.app:create_app", factory=True, host=host, port=port, workers=workers, access_log=access_log,
                proxy_headers=False)


@app.command("init-db")
def init_db() -> None:
    """Migrate the database (QUIZGEN_DATABASE_URL) and import the bundled decks if it has none."""
    from quizgen.settings import Settings
    from web.db import make_engine
    from web.prepare import prepare

    settings = Settings()
    engine = make_engine(settings.database_url)
    try:
        prepare(engine, settings.decks_dir)
    finally:
        engine.dispose()


@app.command("score-extraction")
def score_extraction(
    gold: Annotated[Path, typer.Argument(help="a folder of NAME.gold.json files")],
    articles: Annotated[Path, typer.Argument(help="the folder of the articles NAME.txt (or .md, .html, .wiki)")],
    details: Annotated[bool, typer.Option(help="list what was missed and what was wrong")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
) -> None:
    """Score extraction against gold annotations: recall and precision of dates, people and causal links,
    per article and over the folder."""
    from quizgen.extract.evaluate import KINDS, Tally, gold_files, load_gold, score
    from quizgen.ingest import load_article
    from quizgen.pipeline import extract as run_extract

    files = list(gold_files(gold))
    if not files:
        fail(f"{gold}: no *.gold.json files")
    totals = {k: Tally() for k in KINDS}
    per_article = {}
    for g in files:
        name = g.name.removesuffix(".gold.json")
        path = next((articles / f"{name}{s}" for s in (".txt", ".md", ".html", ".wiki")
                     if (articles / f"{name}{s}").exists()), None)
        if path is None:
            fail(f"{articles}: no article for {g.name}")
        article = load_article(path)
        tallies = score(run_extract(article).to_dict(), load_gold(g), article.text)
        per_article[name] = tallies
        for k in KINDS:
            totals[k].add(tallies[k])

    def row(t: Tally) -> dict[str, object]:
        return {"recall": t.recall, "precision": t.precision, "found": t.found, "gold": t.total,
                "right": t.right, "extracted": t.extracted}

    if json_out:
        typer.echo(dump_json({"articles": len(files), "total": {k: row(t) for k, t in totals.items()},
                              "per_article": {n: {k: row(t) for k, t in ts.items()} for n, ts in per_article.items()}}))
        return
    for name, ts in per_article.items():
        typer.echo(name + ": " + "; ".join(f"{k} R {ts[k].found}/{ts[k].total} P {ts[k].right}/{ts[k].extracted}"
                                            for k in KINDS))
        if details:
            for k in KINDS:
                for m in ts[k].missed:
                    typer.echo(f"    missed {k}: {m}")
                for w in ts[k].wrong:
                    typer.echo(f"    wrong {k}: {w}")
    typer.echo(f"over {len(files)} articles:")
    for k, t in totals.items():
        typer.echo(f"  {k:13} recall {t.recall} ({t.found}/{t.total})   precision {t.precision} ({t.right}/{t.extracted})")


def _add_groups() -> None:
    from quizgen.cli_quality import app as quality

    app.add_typer(quality, name="quality")


_add_groups()


def main() -> None:
    try:
        app()
    except QuizgenError as exc:
        typer.echo(f"quizgen: error: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(1)


if __name__ == "__main__":
    main()
