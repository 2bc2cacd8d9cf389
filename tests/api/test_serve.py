"""``newsgraph serve`` and the benchmark script, at toy size."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.api.server import is_loopback
from newsgraph.cli import app

ROOT = Path(__file__).resolve().parents[2]


def test_serve_without_database_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    words = " ".join(result.output.split())
    assert words.startswith("error:") and "none.duckdb: no such database" in words


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_benchmark_runs_on_a_small_synthetic_database(tmp_path, capsys):
    """The 1,000,000-event benchmark, shrunk to 2,000 events: it builds, serves and reports."""
    spec = importlib.util.spec_from_file_location("api_bench", ROOT / "benchmarks" / "api_bench.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    sys.modules["api_bench"] = bench
    spec.loader.exec_module(bench)
    db = tmp_path / "bench.duckdb"
    assert bench.main(["--events", "2000", "--repeat", "1", "--db", str(db)]) == 0
    printed = capsys.readouterr().out
    assert "2,000 events" in printed
    for endpoint in ("/api/graph", "/api/events"):
        assert f"{endpoint} (all queries)" in printed and "p95" in printed
