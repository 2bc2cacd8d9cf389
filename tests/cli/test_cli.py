"""The `newsgraph` command, run in-process with Typer's runner and once as a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
SAMPLE = SAMPLES / "04_russia_rifles_afghan_police_2010.txt"


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args], input=stdin)


def test_extract_json_one_document(seed_path: Path) -> None:
    result = invoke("extract", seed_path, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["article"]["published"] == "2015-06-23"
    assert data["article"]["author"] == "Musa Khan Jalalzai"
    assert data["article"]["title"] == "Taliban, Russia and the Northern Alliance"
    assert {"id", "name", "kind", "country", "sector", "aliases"} <= set(data["actors"][0])
    putin = next(a for a in data["actors"] if a["id"] == "vladimir-putin")
    assert "Mr Putin" in " ".join(putin["aliases"]) or "Putin" in putin["aliases"]
    event = data["events"][0]
    for key in ("type", "mode", "source", "target", "date", "place", "quantity", "modality", "covert",
                "attribution", "evidence", "cameo", "quad_class", "goldstein", "confidence", "rule"):
        assert key in event


def test_extract_several_documents_in_input_order(tmp_path: Path) -> None:
    dump = tmp_path / "wire.jsonl"
    dump.write_text(
        json.dumps({"id": "w-1", "text": "Iran will send 3,000 troops to Syria next month, officials said.",
                    "published": "2015-06-23"}) + "\n"
        + json.dumps({"id": "w-2", "text": "The US and NATO invaded Afghanistan in 2001."}) + "\n",
        encoding="utf-8",
    )
    result = invoke("extract", dump, SAMPLE)
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert [d["article"]["external_id"] for d in docs] == ["w-1", "w-2", None]
    assert docs[0]["events"][0]["type"] == "MOBILIZE"


def test_extract_published_override_and_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Saudi Arabia's defence minister met Putin in Moscow last week.", encoding="utf-8")
    result = invoke("extract", path, "--published", "2015-06-23", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    [line] = result.stdout.strip().splitlines()
    event = json.loads(line)
    assert event["date"]["start"] == "2015-06-15" and event["date"]["basis"] == "relative"


def test_extract_table_for_people() -> None:
    result = invoke("extract", SAMPLE, "--format", "table")
    assert result.exit_code == 0, result.output
    assert "Russia completes delivery" in result.stdout and "AID" in result.stdout


def test_extract_bad_inputs(tmp_path: Path) -> None:
    result = invoke("extract", tmp_path / "missing.txt", SAMPLE)
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(result.stdout)["article"]["title"].startswith("Russia completes")
    assert invoke("extract", SAMPLE, "--published", "June 5").exit_code == 2


def test_extract_stdin() -> None:
    result = invoke("extract", "-", stdin="Hamas fired rockets at Israel on Saturday.")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"][0]["type"] == "ASSAULT"


def test_ingest_query_and_idempotence(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    first = invoke("ingest", SAMPLES, bad, "--db", db)
    assert first.exit_code == 1  # one input failed, the rest were stored
    assert "empty.txt: empty text" in first.stderr
    assert "24 new articles" in first.stderr
    again = invoke("ingest", SAMPLES, "--db", db)
    assert again.exit_code == 0 and "0 new articles, 24 already stored" in again.stderr

    rows = json.loads(invoke("events", "--db", db, "--actor", "RUS", "--type", "AID", "--format", "json").stdout)
    assert rows and all(r["type"] == "AID" for r in rows)
    assert all("RUS" in {a["country"] for a in r["source"] + r["target"]} for r in rows)
    dated = json.loads(invoke("events", "--db", db, "--from", "2001-01-01", "--to", "2001-12-31",
                              "--format", "json", "--limit", "500").stdout)
    assert dated and all(r["date"]["start"].year <= 2001 <= r["date"]["end"].year
                         if hasattr(r["date"]["start"], "year") else "2001" in str(r["date"]) for r in dated)
    table = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").stdout)))
    assert table and {"id", "date", "type", "source", "target", "evidence"} <= set(table[0])
    actors = json.loads(invoke("actors", "--db", db, "--kind", "armed_group", "--format", "json").stdout)
    assert any(a["id"] == "taliban" for a in actors)
    articles = json.loads(invoke("articles", "--db", db, "--format", "json").stdout)
    assert len(articles) == 24
    errors = subprocess.run(
        [sys.executable, "-c", f"import duckdb; print(duckdb.connect({str(db)!r}).execute("
         "'select count(*) from ingest_errors').fetchone()[0])"],
        capture_output=True, text=True, check=True,
    )
    assert errors.stdout.strip() == "1"


def test_query_a_missing_database(tmp_path: Path) -> None:
    result = invoke("events", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 2 and "no such database" in result.stderr


@pytest.mark.slow
def test_demo_and_the_real_entry_point(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", "demo", "--db", str(db), "--no-serve"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "newsgraph demo" in result.stdout and "strongest ties" in result.stdout
    assert "Taliban" in result.stdout


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"doc": "x", "path": "seed/a.txt"'], "a.jsonl:1: not valid JSON"),
        (['{"doc": "x"}'], 'first line must describe the document with "doc" and "path"'),
        (['{"doc": "x", "path": "seed/missing.txt"}'], "seed/missing.txt is missing"),
        (['{"doc": "x", "path": "t.csv", "row": "99"}'], "no row '99'"),
        (['{"doc": "x", "path": "seed/a.txt"}', '{"source": ["RUS"]}'], 'a.jsonl:2: an event line has no "type"'),
        (['{"doc": "x", "path": "seed/a.txt", "published": "June 2015"}'], "is no YYYY-MM-DD date"),
    ],
)
def test_eval_articles_names_a_bad_gold_file_in_one_line(tmp_path: Path, lines: list[str], message: str) -> None:
    shared = tmp_path / "shared"
    (shared / "seed").mkdir(parents=True)
    (shared / "seed" / "a.txt").write_text("Russia sent aid to Syria.", encoding="utf-8")
    (shared / "t.csv").write_text(",text\n1,Russia sent aid to Syria.\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("eval", "articles", gold, "--shared", shared)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("command", "lines", "message"),
    [
        ("plover", ['{"id": "a", "text": "Russia sent aid to Syria.", "event": "AID"}', '{"id": "b",'],
         "bench.jsonl:2: not valid JSON"),
        ("plover", ['{"id": "a", "text": "Russia sent aid to Syria."}'],
         "bench.jsonl:1: a record needs a text field 'event'"),
        ("plover", ['["not", "an", "object"]'], "bench.jsonl:1: not a JSON object"),
        ("petrarch", ['{"id": "r1", "text": "Russia sent aid to Syria.", "expected": [{"code": "070"}]}'],
         'record r1: an expected event needs "code", "source" and "target"'),
        ("petrarch", ['{"id": "r1"}'], "bench.jsonl:1: a record needs a text field 'text'"),
        ("actors", ['{"method": "agent_to_code"', ""], "bench.jsonl:1: not valid JSON"),
    ],
)
def test_eval_names_a_bad_benchmark_line_in_one_line(tmp_path: Path, command: str, lines: list[str],
                                                     message: str) -> None:  # fmt: skip
    bench = tmp_path / "bench.jsonl"
    bench.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = tmp_path / "table.txt"
    table.write_text("070: AID, ...\n", encoding="utf-8")
    extra = ["--table", table] if command == "petrarch" else []
    result = invoke("eval", command, bench, *extra)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_help_tells_where_the_cache_is_and_how_to_switch_it_off() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "~/.cache/newsgraph" in text and "NEWSGRAPH_CACHE_DIR" in text and "NEWSGRAPH_NO_CACHE=1" in text
