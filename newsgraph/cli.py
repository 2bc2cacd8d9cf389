"""The ``newsgraph`` command: a thin Typer shell over the Python API."""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph.errors import NewsgraphError

app = typer.Typer(
    help="News articles in, a sourced, time-aware network of political actors out.",
    epilog="Tables derived from installed data are cached in ~/.cache/newsgraph: NEWSGRAPH_CACHE_DIR "
    "moves the cache, NEWSGRAPH_NO_CACHE=1 switches it off.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
actors_app = typer.Typer(help="List, resolve, import, merge and rename actors.")
app.add_typer(actors_app, name="actors")
eval_app = typer.Typer(help="Score the coder on gold benchmarks.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
# Piped output (files, CI logs) gets wide tables instead of Rich's 80-column default.
out = Console() if sys.stdout.isatty() else Console(width=200)
err = Console(stderr=True, soft_wrap=True)  # an error stays one line, however long

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
ModelOption = Annotated[
    str | None, typer.Option("--model", help="Installed spaCy pipeline (default: en_core_web_sm).")
]
ActorsOption = Annotated[
    Path | None, typer.Option("--actors", help="Your own actors YAML, added to the bundled KB.")
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json, jsonl or csv.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{name}: {value!r} is not a date (use YYYY-MM-DD)") from None


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _print_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str) -> None:
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, default=_json_default, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            print(_dump(row))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(row.get(k)) for k in columns})
    elif fmt == "table":
        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_flat(row.get(c)) for c in columns))
        out.print(table)
    else:
        raise _fail(f"--format: unknown format {fmt!r} (table, json, jsonl, csv)")


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        if "name" in value:
            return str(value["name"])
        if "start" in value and "end" in value and "precision" in value:
            return _span_text(value)
        return _dump(value)
    return str(value)


def _span_text(date: dict[str, Any]) -> str:
    start, end = date.get("start"), date.get("end")
    if not start:
        return ""
    start, end = str(start), str(end or start)
    precision = date.get("precision")
    if precision in ("year", "decade") or (precision == "season"):
        return start[:4] if start[:4] == end[:4] else f"{start[:4]}–{end[:4]}"
    if precision == "month":
        return start[:7] if start[:7] == end[:7] else f"{start[:7]}–{end[:7]}"
    return start if start == end else f"{start}–{end}"


def _event_row(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": _span_text(event["date"] or {}),
        "type": event["type"] + (f"/{event['mode']}" if event.get("mode") else ""),
        "source": event["source"],
        "target": event["target"],
        "modality": event["modality"] + (" covert" if event.get("covert") else ""),
        "according to": [a["name"] for a in event.get("attribution") or []],
        "evidence": (event.get("evidence") or {}).get("text"),
        "rule": event.get("rule"),
    }


EVENT_COLUMNS = ["date", "type", "source", "target", "modality", "according to", "evidence"]


@app.callback()
def main_callback(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
) -> None:
    """newsgraph: who did what to whom, when, where, and according to whom."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides the header).")
    ] = None,
    fmt: FormatOption = "json",
    model: ModelOption = None,
    actors: ActorsOption = None,
) -> None:
    """Code articles and print their events, without a database."""
    from newsgraph.ingest import read_sources
    from newsgraph.models import IngestError
    from newsgraph.pipeline import Pipeline

    day = _date(published, "--published")
    try:
        pipeline = Pipeline(model, str(actors) if actors else None)
    except NewsgraphError as e:
        raise _fail(str(e)) from None
    failed = False
    documents = []
    for item in read_sources(paths):
        if isinstance(item, IngestError):
            err.print(f"[red]error:[/red] {item}", highlight=False)
            failed = True
            continue
        if day is not None:
            item.published = day
        extraction = pipeline.extract(item)
        data = extraction.to_dict()
        if fmt == "json":
            documents.append(data)
        elif fmt == "jsonl":
            for event in data["events"]:
                print(_dump(event))
        elif fmt == "table":
            article = data["article"]
            out.print(f"[bold]{article.get('title') or article.get('source_path')}[/bold] "
                      f"({article.get('publisher') or '?'}, {article.get('published') or 'undated'}, "
                      f"by {article.get('author') or '?'})")
            _print_rows([_event_row(e) for e in data["events"]], "table", EVENT_COLUMNS, "events")
        else:
            raise _fail(f"--format: unknown format {fmt!r} (json, jsonl, table)")
    if fmt == "json" and documents:
        print(json.dumps(documents[0] if len(documents) == 1 else documents, ensure_ascii=False,
                         default=_json_default, indent=2))
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for stdin.")],
    db: DbOption = Path("newsgraph.duckdb"),
    published: Annotated[str | None, typer.Option(help="Publication date for every input.")] = None,
    text_field: Annotated[str | None, typer.Option(help="JSONL/CSV field holding the text.")] = None,
    date_field: Annotated[str | None, typer.Option(help="JSONL/CSV field holding the date.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 32,
    model: ModelOption = None,
    actors: ActorsOption = None,
    engine: Annotated[str, typer.Option(help="local (this process) or ray (a pool of Ray workers).")] = "local",
    workers: Annotated[int | None, typer.Option(help="ray: workers in the pool (default: every CPU).")] = None,
    ray_address: Annotated[str | None, typer.Option(help="ray: a running cluster, e.g. auto.")] = None,
) -> None:
    """Code articles into a DuckDB database, with a progress bar."""
    from newsgraph.engines import ENGINES, ingest_with
    from newsgraph.engines.local import IngestReport
    from newsgraph.ingest import FieldMap
    from newsgraph.store import Store

    if engine not in ENGINES:
        raise _fail(f"--engine {engine!r}: use one of {', '.join(ENGINES)}")
    day = _date(published, "--published")
    fields = FieldMap()
    if text_field:
        fields.text = [text_field]
    if date_field:
        fields.published = [date_field]
    try:
        store = Store(db)
    except NewsgraphError as e:
        raise _fail(str(e)) from None
    with store, Progress(
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
        TextColumn("{task.fields[articles]} articles · {task.fields[rate]:.1f}/s · "
                   "{task.fields[events]} events · {task.fields[errors]} errors"),
        TimeElapsedColumn(), console=err, transient=False,
    ) as progress:
        task = progress.add_task("ingesting", total=None, articles=0, rate=0.0, events=0, errors=0)

        def on_progress(report: IngestReport) -> None:
            progress.update(task, articles=report.articles, rate=report.rate,
                            events=report.events, errors=len(report.errors))

        def on_error(error: Any) -> None:
            progress.console.print(f"[red]error:[/red] {error}", highlight=False)

        try:
            report = ingest_with(
                engine, paths, store, model, str(actors) if actors else None, fields, day, batch_size,
                workers, ray_address, on_progress, on_error,
            )
        except NewsgraphError as e:
            raise _fail(str(e)) from None
        progress.update(task, total=1, completed=1, description="done")
        counts = store.counts()
    err.print(
        f"{report.articles} new articles, {report.duplicates} already stored, "
        f"{report.events} events, {len(report.errors)} errors in {report.seconds:.1f}s "
        f"({report.rate:.1f} articles/s). Database {db}: {counts['articles']} articles, "
        f"{counts['events']} events, {counts['actors']} actors.",
        highlight=False,
    )
    if report.errors:
        raise typer.Exit(1)


def _open(db: Path) -> Any:
    from newsgraph.store import Store

    if not db.exists():
        raise _fail(f"{db}: no such database (create it with: newsgraph ingest PATH --db {db})")
    try:
        return Store(db, read_only=True)
    except NewsgraphError as e:
        raise _fail(str(e)) from None


@app.command()
def events(
    db: DbOption = Path("newsgraph.duckdb"),
    actor: Annotated[str | None, typer.Option(help="Actor id, name or country code (either side).")] = None,
    source: Annotated[str | None, typer.Option(help="Source actor id, name or country.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor id, name or country.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. AID.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Event date from YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Event date to YYYY-MM-DD.")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, reported, planned, ...")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 100,
    fmt: FormatOption = "table",
) -> None:
    """List stored events, filtered."""
    from newsgraph.store import EventFilter
    from newsgraph.store import events as query_events

    where = EventFilter(actor=actor, source=source, target=target, type=event_type,
                        start=_date(date_from, "--from"), end=_date(date_to, "--to"),
                        modality=modality, limit=limit)
    with _open(db) as store:
        rows = query_events(store, where)
    if fmt == "table":
        _print_rows([_event_row(e) for e in rows], "table", EVENT_COLUMNS, f"{len(rows)} events")
    elif fmt == "csv":
        _print_rows([_event_row(e) | {"id": e["id"]} for e in rows], "csv", ["id", *EVENT_COLUMNS, "rule"], "")
    else:
        _print_rows(rows, fmt, [], "")


@actors_app.callback(invoke_without_command=True)
def actors_list(
    ctx: typer.Context,
    db: DbOption = Path("newsgraph.duckdb"),
    search: Annotated[str | None, typer.Option(help="Part of the actor's name.")] = None,
    kind: Annotated[str | None, typer.Option(help="state, person, armed_group, ...")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 country code.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many actors.")] = 50,
    fmt: FormatOption = "table",
) -> None:
    """List stored actors, most active first."""
    if ctx.invoked_subcommand is not None:
        return
    from newsgraph.store import actors as query_actors

    with _open(db) as store:
        rows = query_actors(store, search, kind, country, limit)
    columns = ["id", "name", "kind", "country", "sector", "provisional", "events", "mentions"]
    _print_rows(rows, fmt, columns, f"{len(rows)} actors")


@actors_app.command("rename")
def actors_rename(
    actor_id: Annotated[str, typer.Argument(help="Id of the actor.")],
    name: Annotated[str, typer.Argument(help="Its new name.")],
    db: DbOption = Path("newsgraph.duckdb"),
) -> None:
    """Rename an actor (e.g. a provisional one) everywhere in the database."""
    from newsgraph.store import Store

    try:
        with Store(db) as store:
            store.rename_actor(actor_id, name)
    except NewsgraphError as e:
        raise _fail(str(e)) from None


@actors_app.command("merge")
def actors_merge(
    duplicate: Annotated[str, typer.Argument(help="Id of the actor to merge away.")],
    into: Annotated[str, typer.Argument(help="Id of the actor that stays.")],
    db: DbOption = Path("newsgraph.duckdb"),
) -> None:
    """Merge one actor into another: mentions and events move to the one that stays."""
    from newsgraph.store import Store

    try:
        with Store(db) as store:
            store.merge_actor(duplicate, into)
    except NewsgraphError as e:
        raise _fail(str(e)) from None


@app.command()
def articles(
    db: DbOption = Path("newsgraph.duckdb"),
    search: Annotated[str | None, typer.Option(help="Words in the title or text.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many articles.")] = 50,
    fmt: FormatOption = "table",
) -> None:
    """List stored articles."""
    from newsgraph.store import articles as query_articles

    with _open(db) as store:
        rows = query_articles(store, search, limit)
    columns = ["id", "published", "publisher", "title", "author", "events"]
    _print_rows(rows, fmt, columns, f"{len(rows)} articles")


def sample_folder() -> Path:
    """The bundled sample corpus."""
    return Path(str(resources.files("newsgraph") / "samples"))


@app.command()
def demo(
    db: DbOption = Path("newsgraph-demo.duckdb"),
    model: ModelOption = None,
    serve: Annotated[bool, typer.Option(help="Serve the web page over the demo database at the end.")] = True,
    host: Annotated[str, typer.Option(help="Address to serve on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to serve on.")] = 8765,
) -> None:
    """Build a database from the bundled sample articles, print what it found, serve it."""
    from newsgraph.engines.local import ingest as run_ingest
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import Store, summary

    folder = sample_folder()
    try:
        pipeline = Pipeline(model)
        with Store(db) as store:
            with err.status(f"coding the sample articles in {folder} ..."):
                report = run_ingest([str(folder)], store, pipeline)
            facts = summary(store)
    except NewsgraphError as e:
        raise _fail(str(e)) from None
    counts = facts["counts"]
    out.print(f"[bold]newsgraph demo[/bold]: {counts['articles']} articles, {counts['events']} events, "
              f"{counts['actors']} actors in {db} ({report.articles} coded now in {report.seconds:.1f}s)")
    _print_rows(facts["top_actors"], "table", ["name", "kind", "country", "sector", "events"], "top actors")
    _print_rows(facts["ties"], "table", ["source", "target", "events", "goldstein", "first_year", "last_year"],
                "strongest ties")
    _print_rows(facts["by_type"], "table", ["type", "events"], "events by type")
    out.print(
        "Explore it:\n"
        f"  newsgraph events --db {db} --actor RUS --type AID\n"
        f"  newsgraph events --db {db} --actor taliban --format json\n"
        f"  newsgraph actors --db {db}\n"
        f"  newsgraph articles --db {db}\n"
        f"  newsgraph serve --db {db}"
    )
    if serve:
        _serve(db, host, port)


def _serve(db: Path, host: str, port: int, open_browser: bool = False) -> None:
    """Serve a database until Ctrl-C: the end of ``demo`` and the whole of ``serve``."""
    try:
        from newsgraph.api import serve as run_server
    except ImportError as e:
        raise _fail(f"serve needs the 'serve' extra ({e.name} is missing): "
                    "pip install 'newsgraph[serve]'") from None
    err.print(f"newsgraph: serving {db} on http://{host}:{port}/ (Ctrl-C stops)", highlight=False)
    try:
        run_server(db, host, port, open_browser)
    except NewsgraphError as e:
        raise _fail(str(e)) from None


# --- Serving and exporting (issue 6): thin shells over newsgraph.api and newsgraph.export -------

GRAPH_EXPORTS = ("graphml", "gexf", "cytoscape")
HostOption = Annotated[str, typer.Option(help="Address to bind (loopback unless told otherwise).")]
OpenOption = Annotated[bool, typer.Option("--open", help="Open the page in a browser.")]


@app.command()
def serve(
    db: DbOption = Path("newsgraph.duckdb"),
    host: HostOption = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8765,
    open_browser: OpenOption = False,
) -> None:
    """Serve the web page and the read-only REST API (OpenAPI at /docs) over a database."""
    if not db.exists():
        raise _fail(f"{db}: no such database (create it with: newsgraph ingest PATH --db {db})")
    _serve(db, host, port, open_browser)


@app.command()
def export(
    fmt: Annotated[str, typer.Argument(
        help="graphml, gexf, cytoscape, csv, jsonl, parquet, gdelt or ftm.")],
    db: DbOption = Path("newsgraph.duckdb"),
    out: Annotated[str, typer.Option(
        "--out", "-o", help="File to write; - for stdout (jsonl, gdelt, ftm).")] = "-",
    level: Annotated[str, typer.Option(help="Network formats: actor or country.")] = "actor",
    min_weight: Annotated[int, typer.Option(help="Network formats: ties of N+ events.")] = 1,
    actor: Annotated[str | None, typer.Option(help="Actor id, name or country.")] = None,
    source: Annotated[str | None, typer.Option(help="Source actor id, name or country.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor id, name or country.")] = None,
    event_type: Annotated[str | None, typer.Option(
        "--type", help="PLOVER type(s), comma-separated.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Events from YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Events to YYYY-MM-DD.")] = None,
    modality: Annotated[str | None, typer.Option(help="Modalities, comma-separated.")] = None,
    covert: Annotated[bool | None, typer.Option(
        "--covert/--overt", help="Only covert or overt events.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher(s), comma-separated.")] = None,
    header: Annotated[bool, typer.Option(help="gdelt: write the column names first.")] = False,
) -> None:
    """Export the network (GraphML, GEXF, Cytoscape JSON) or the events (CSV, JSONL, Parquet,
    a GDELT-style table, FollowTheMoney entities)."""
    from newsgraph.export import export as run_export
    from newsgraph.network import check_level
    from newsgraph.store.queries import EventQuery

    def listed(value: str | None) -> tuple[str, ...]:
        return tuple(v.strip() for v in (value or "").split(",") if v.strip())

    where = EventQuery(actor=actor, source=source, target=target, start=_date(date_from, "--from"),
                       end=_date(date_to, "--to"), covert=covert, types=listed(event_type),
                       modalities=listed(modality), publishers=listed(publisher))
    with _open(db) as store:
        try:
            count = run_export(store, fmt, out, where, check_level(level), min_weight, None, header)
        except NewsgraphError as e:
            raise _fail(str(e)) from None
        except OSError as e:
            raise _fail(f"{out}: cannot write ({e.strerror or e})") from None
    if out != "-":
        what = "ties" if fmt in GRAPH_EXPORTS else "records"
        err.print(f"wrote {count} {what} to {out}", highlight=False)


def _shared_folder(path: Path) -> Path:
    """The shared folder a benchmark file lives in (the parent of ``benchmarks/``)."""
    for parent in path.resolve().parents:
        if parent.name == "benchmarks":
            return parent.parent
    return path.resolve().parent


def _print_scores(name: str, report: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2, default=_json_default))
        return
    for level in ("type", "type_dyad"):
        section = report[level]
        rows = [{"type": t, **v} for t, v in section["per_type"].items()]
        rows.append({"type": "OVERALL", **section["overall"]})
        _print_rows(rows, "table", ["type", "precision", "recall", "f1", "tp", "fp", "fn"],
                    f"{name}: {level.replace('_', ' + ')} ({report['sentences']} sentences)")


@eval_app.command("plover")
def eval_plover(
    path: Annotated[Path, typer.Argument(help="PLOVER gold JSONL (plover_gold/dev.jsonl).")],
    fmt: FormatOption = "table",
    model: ModelOption = None,
) -> None:
    """Precision, recall and F1 per PLOVER type, alone and with source and target country."""
    from newsgraph.eval.sentences import evaluate_plover
    from newsgraph.pipeline import Pipeline

    if not path.is_file():
        raise _fail(f"{path}: no such file")
    try:
        report = evaluate_plover(path, Pipeline(model))
    except NewsgraphError as e:
        raise _fail(str(e)) from None
    _print_scores("PLOVER gold", report, fmt)


@eval_app.command("petrarch")
def eval_petrarch(
    path: Annotated[Path, typer.Argument(help="PETRARCH2 records (petrarch_gsr/records.jsonl).")],
    table: Annotated[Path | None, typer.Option(help="CAMEO-to-PLOVER table (default: beside it).")] = None,
    fmt: FormatOption = "table",
    model: ModelOption = None,
) -> None:
    """PETRARCH2's real-sentence suite, CAMEO codes mapped to PLOVER types, scored per dyad.

    An announced act of material conflict is a threat, as CAMEO codes it.

    An intent to cooperate that the actor expresses (CAMEO 03x) is AGREE.

    An act a political actor tells of another is scored as its accusation alone.
    """
    from newsgraph.eval.sentences import evaluate_petrarch
    from newsgraph.pipeline import Pipeline

    table = table or _shared_folder(path) / "benchmarks" / "plover" / "CAMEO2PLOVER-2021.txt"
    for needed in (path, table):
        if not needed.is_file():
            raise _fail(f"{needed}: no such file")
    try:
        report = evaluate_petrarch(path, table, Pipeline(model))
    except NewsgraphError as e:
        raise _fail(str(e)) from None
    _print_scores("PETRARCH2 GSR", report, fmt)


@eval_app.command("articles")
def eval_articles(
    path: Annotated[Path, typer.Argument(help="A folder of article gold files (or one file).")],
    shared: Annotated[Path | None, typer.Option(help="The shared folder the gold paths are relative to.")] = None,
    fmt: FormatOption = "table",
    errors: Annotated[bool, typer.Option(help="Also list missed and spurious events and wrong event years.")] = False,
    model: ModelOption = None,
) -> None:
    """Whole-article gold: key recall, recall, precision, event-year accuracy.

    Negated and hypothetical events are not scored as predictions (FORMAT.md).

    Precision counts events as the gold does: once per type, sides and time.

    "mentions" counts the predicted event mentions before that grouping.
    """
    from newsgraph.eval.articles import evaluate
    from newsgraph.pipeline import Pipeline

    shared = shared or _default_shared(path)
    if not path.exists():
        raise _fail(f"{path}: no such file or folder")
    if shared is None or not shared.is_dir():
        raise _fail(f"{path}: the shared folder with the articles is absent (pass --shared)")
    try:
        report = evaluate(path, shared, Pipeline(model))
    except NewsgraphError as e:
        raise _fail(str(e)) from e
    if fmt == "json":
        print(json.dumps(report if errors else {k: report[k] for k in ("overall", "documents")},
                         ensure_ascii=False, indent=2, default=_json_default))
        return
    rows = [{"document": d, **v} for d, v in report["documents"].items()]
    rows.append({"document": "OVERALL", **report["overall"]})
    columns = ["document", "key_recall", "recall", "precision", "f1", "year_accuracy", "gold", "predicted", "mentions"]
    _print_rows(rows, "table", columns, f"article gold: {path}")
    if errors:
        _print_rows(report["misses"], "table", ["doc", "id", "type", "source", "target", "level"], "missed")
        _print_rows(report["spurious"], "table", ["doc", "type", "source", "target", "rule", "evidence"], "spurious")
        _print_rows(
            report["wrong_years"], "table",
            ["doc", "id", "gold", "predicted", "basis", "date_text", "evidence"], "wrong event year",
        )


def _default_shared(path: Path) -> Path | None:
    """Gold under ``shared/benchmarks`` names its shared folder; the project's own gold
    (``benchmarks/gold``) reads its stories from the ``shared`` folder beside the project."""
    resolved = path.resolve()
    for parent in resolved.parents:
        if parent.name == "benchmarks" and (parent.parent / "seed").is_dir():
            return parent.parent
    project = Path(__file__).resolve().parents[1]
    candidate = project.parent / "shared"
    return candidate if candidate.is_dir() else None


def _register_actor_commands() -> None:
    # resolve, actors import-petrarch and eval actors live in their own module
    from newsgraph.cli_actors import register

    register(app, actors_app, eval_app)


_register_actor_commands()


def main() -> None:
    """Entry point of the ``newsgraph`` command."""
    try:
        app()
    except NewsgraphError as e:
        err.print(f"[red]error:[/red] {e}", highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
