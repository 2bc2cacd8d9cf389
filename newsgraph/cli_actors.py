"""The actor commands of ``newsgraph``: thin Typer shells over ``actors.resolve``,
``actors.petrarch`` and ``eval.actors``.

``cli.py`` wires them in with::

    from newsgraph.cli_actors import register
    register(app, actors_app, eval_app)

which adds ``newsgraph resolve``, ``newsgraph actors import-petrarch`` and
``newsgraph eval actors``. The shared helpers (``_fail``, ``_date``, ``_dump``, ``_print_rows``)
are read from ``newsgraph.cli`` when a command runs, so the two modules import in either order.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from newsgraph.errors import NewsgraphError

ModelOption = Annotated[
    str | None, typer.Option("--model", help="Installed spaCy pipeline (default: en_core_web_sm).")
]
ActorsOption = Annotated[
    Path | None, typer.Option("--actors", help="Your own actors YAML, added to the bundled KB.")
]


def _cli() -> Any:
    from newsgraph import cli

    return cli


def _pipeline(model: str | None, actors: Path | None) -> Any:
    from newsgraph.pipeline import Pipeline

    try:
        return Pipeline(model, str(actors) if actors else None)
    except NewsgraphError as e:
        raise _cli()._fail(str(e)) from None


def _stdin_records() -> Iterator[dict[str, Any]]:
    """JSONL records from stdin; blank lines are skipped, a bad line stops with its number."""
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise _cli()._fail(f"stdin:{number}: not JSON ({e.msg})") from None
        yield record if isinstance(record, dict) else {"text": record}


def resolve(
    phrase: Annotated[str, typer.Argument(help='A phrase ("the Afghan police"), or - for JSONL on stdin.')],
    date: Annotated[str | None, typer.Option(help="The day the phrase speaks of, YYYY-MM-DD.")] = None,
    context_country: Annotated[
        str | None, typer.Option(help="Country that places bare agents and breaks ties: MEX, Mexico, Mexican.")
    ] = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
) -> None:
    """Resolve a phrase to one actor and print it as JSON (null when it names none).

    With -, read JSONL records {"text", "date", "context_country"} from stdin and print one
    result per record, in order.
    """
    from newsgraph.actors.resolve import resolve as resolve_phrase
    from newsgraph.actors.resolve import resolve_many

    cli = _cli()
    pipeline = _pipeline(model, actors)
    try:
        if phrase == "-":
            for result in resolve_many(_stdin_records(), pipeline):
                print(cli._dump(result), flush=True)
            return
        print(cli._dump(resolve_phrase(phrase, cli._date(date, "--date"), context_country, pipeline)))
    except NewsgraphError as e:
        raise cli._fail(str(e)) from None


def import_petrarch(
    path: Annotated[Path, typer.Argument(help="A PETRARCH/Phoenix .actors.txt (or .agents.txt) dictionary.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="YAML file to write (default: stdout).")] = None,
    keep_known: Annotated[
        bool, typer.Option(help="Also keep names the bundled knowledge base already has.")
    ] = False,
) -> None:
    """Convert a PETRARCH/Phoenix dictionary into a newsgraph actors YAML (use it with --actors)."""
    from newsgraph.actors.kb import load_kb
    from newsgraph.actors.petrarch import import_petrarch as convert
    from newsgraph.actors.petrarch import import_petrarch_agents, write_yaml

    cli = _cli()
    known = None if keep_known else load_kb()
    agents = path.name.lower().endswith("agents.txt")
    try:
        entries = import_petrarch_agents(path, known) if agents else convert(path, known)
        write_yaml(entries, out if out is not None else sys.stdout, path.name)
    except NewsgraphError as e:
        raise cli._fail(str(e)) from None
    if out is not None:
        what = "agent sectors" if agents else "actors"
        cli.err.print(f"wrote {len(entries)} {what} from {path} to {out}", highlight=False)


def eval_actors(
    path: Annotated[Path, typer.Argument(help="NGEC actor tests (ngec_actors/dev.jsonl).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    model: ModelOption = None,
) -> None:
    """Country and sector accuracy of actor resolution on NGEC's agent_to_code tests."""
    from newsgraph.eval.actors import evaluate_actors

    cli = _cli()
    if not path.is_file():
        raise cli._fail(f"{path}: no such file")
    try:
        report = evaluate_actors(path, _pipeline(model, None))
    except NewsgraphError as e:
        raise cli._fail(str(e)) from None
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2, default=cli._json_default))
        return
    failures = [{**f, "input": " | ".join(str(x) for x in f["input"] if x)} for f in report["failures"]]
    cli._print_rows(failures, "table", ["test", "field", "input", "expected", "got", "actor"],
                    f"{len(failures)} failures")  # fmt: skip
    rows = [{"field": name, **report[name]} for name in ("country", "sector")]
    cli._print_rows(rows, "table", ["field", "accuracy", "correct", "total"],
                    f"NGEC actors ({report['seconds']}s)")  # fmt: skip


def register(app: typer.Typer, actors_app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add the actor commands to the ``newsgraph`` command and its actors/eval groups."""
    app.command("resolve")(resolve)
    actors_app.command("import-petrarch")(import_petrarch)
    eval_app.command("actors")(eval_actors)
