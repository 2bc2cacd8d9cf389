"""The actor commands (``newsgraph.cli_actors``), registered on a Typer app of their own and run
in-process with Typer's runner: resolve one phrase or JSONL on stdin, import a dictionary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsgraph.cli_actors import register

runner = CliRunner()


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    root = typer.Typer()
    actors, evals = typer.Typer(), typer.Typer()
    root.add_typer(actors, name="actors")
    root.add_typer(evals, name="eval")

    @root.callback()
    def main() -> None:
        """Test root."""

    register(root, actors, evals)
    return root


def invoke(app: typer.Typer, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args], input=stdin)


def test_resolve_one_phrase(app: typer.Typer) -> None:
    result = invoke(app, "resolve", "the police", "--context-country", "Mexico")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "MEX.COP"
    dated = invoke(app, "resolve", "Taliban", "--date", "2022-05-01")
    assert json.loads(dated.stdout)["sector"] == "GOV"
    assert invoke(app, "resolve", "Comment").stdout.strip() == "null"


def test_resolve_jsonl_from_stdin_keeps_order(app: typer.Typer) -> None:
    lines = ['{"text": "Putin", "date": "2010-06-01"}', "", '{"text": "Comment"}',
             '{"text": "the police", "context_country": "MEX"}']  # fmt: skip
    result = invoke(app, "resolve", "-", stdin="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] if r else None for r in out] == ["vladimir-putin", None, "MEX.COP"]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [(["resolve", "Putin", "--date", "2010-13-01"], None, "--date: '2010-13-01' is not a date"),
     (["resolve", "-"], '{"text": "Putin", "date": "June"}\n', "record 1: date 'June' is not YYYY-MM-DD"),
     (["resolve", "-"], "not json\n", "stdin:1: not JSON"),
     (["actors", "import-petrarch", "missing.actors.txt"], None, "missing.actors.txt: no such dictionary file")],
)  # fmt: skip
def test_errors_are_one_line(app: typer.Typer, args: list[str], stdin: str | None, message: str) -> None:
    result = invoke(app, *args, stdin=stdin)
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_import_petrarch_writes_a_loadable_file(app: typer.Typer, tmp_path: Path) -> None:
    source = tmp_path / "tiny.actors.txt"
    source.write_text("GREEK_ANARCHISTS_ [GRCREB]\n+ANARCHIST_FRONT_\nTALIBAN_ [AFGREB]\n", encoding="utf-8")
    out = tmp_path / "tiny.yaml"
    result = invoke(app, "actors", "import-petrarch", source, "-o", out)
    assert result.exit_code == 0, result.output
    from newsgraph.actors.kb import KnowledgeBase, add_user_file

    kb = KnowledgeBase()
    assert add_user_file(kb, out) == 1  # the Taliban are already in the bundled knowledge base
    assert kb.actors["petrarch:greek-anarchists"].country == "GRC"
    everything = invoke(app, "actors", "import-petrarch", source, "--keep-known")
    assert "petrarch:taliban" in everything.stdout


def test_eval_actors_command(app: typer.Typer, shared: Path) -> None:
    path = shared / "benchmarks" / "ngec_actors" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("ngec_actors/dev.jsonl is absent")
    result = invoke(app, "eval", "actors", path, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {"country", "sector", "skipped", "failures", "seconds"} <= set(report)
    table = invoke(app, "eval", "actors", path)
    assert table.exit_code == 0 and "NGEC actors" in table.stdout
