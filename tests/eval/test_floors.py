"""Accuracy gates: the scores of `newsgraph eval` on the shared benchmarks and the project's own
gold must not fall below the floors pinned in benchmarks/floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.eval.articles import evaluate
from newsgraph.eval.sentences import evaluate_petrarch, evaluate_plover
from tests.conftest import ROOT

FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
pytestmark = pytest.mark.slow


def _check(scores: dict[str, float], floors: dict[str, float]) -> None:
    low = {name: (scores[name], floor) for name, floor in floors.items() if scores[name] < floor}
    assert not low, f"below floor (score, floor): {low}"


def test_seed_article(shared: Path, pipeline) -> None:
    report = evaluate(shared / "benchmarks" / "articles", shared, pipeline)
    _check(report["overall"], FLOORS["articles_seed"])


def test_guardian_development_set(shared: Path, pipeline) -> None:
    gold = ROOT / "benchmarks" / "gold"
    assert len(list(gold.glob("*.jsonl"))) >= 15
    report = evaluate(gold, shared, pipeline)
    _check(report["overall"], FLOORS["articles_guardian_dev"])


def test_plover_gold(shared: Path, pipeline) -> None:
    report = evaluate_plover(shared / "benchmarks" / "plover_gold" / "dev.jsonl", pipeline)
    scores = {"type_f1": report["type"]["overall"]["f1"], "type_dyad_f1": report["type_dyad"]["overall"]["f1"]}
    _check(scores, FLOORS["plover"])


def test_petrarch_suite(shared: Path, pipeline) -> None:
    bench = shared / "benchmarks"
    table = bench / "plover" / "CAMEO2PLOVER-2021.txt"
    report = evaluate_petrarch(bench / "petrarch_gsr" / "records.jsonl", table, pipeline)
    scores = {
        f"{level}_{name}": report[level]["overall"][name]
        for level in ("type", "type_dyad") for name in ("precision", "recall")
    }
    _check(scores, FLOORS["petrarch"])
