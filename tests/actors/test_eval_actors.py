"""Accuracy gate for actor resolution: NGEC's agent_to_code tests must stay at or above the
country and sector floors pinned under "actors" in benchmarks/floors.json."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsgraph.eval.actors import evaluate_actors, ngec_country, ngec_sector, parse_when
from tests.conftest import ROOT

FLOORS = ROOT / "benchmarks" / "floors.json"


def _floors() -> dict[str, float]:
    floors: dict[str, float] = json.loads(FLOORS.read_text(encoding="utf-8"))["actors"]
    return floors


@pytest.mark.slow
def test_ngec_actor_accuracy_stays_above_its_floors(shared: Path, pipeline) -> None:
    path = shared / "benchmarks" / "ngec_actors" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("ngec_actors/dev.jsonl is absent")
    report = evaluate_actors(path, pipeline)
    floors = _floors()
    scores = {name: report[name]["accuracy"] for name in ("country", "sector")}
    assert report["country"]["total"] > 200 and report["sector"]["total"] > 190
    low = {name: (scores[name], floor) for name, floor in floors.items() if scores[name] < floor}
    assert not low, f"below floor (score, floor): {low}; failures: {report['failures']}"


@pytest.mark.parametrize(
    ("text", "day"),
    [("Today", None), ("today", None), ("", None), (None, None), ("2022-01-01", dt.date(2022, 1, 1)),
     ("10 May 2015", dt.date(2015, 5, 10)), ("October 1, 2021", dt.date(2021, 10, 1))],
)  # fmt: skip
def test_benchmark_dates(text: str | None, day: dt.date | None) -> None:
    assert parse_when(text) == day


def test_ngec_codes_of_our_results() -> None:
    igo = {"id": "un-security-council", "kind": "igo", "country": None, "affiliation": "un", "sector": "IGO"}
    assert [ngec_country(r) for r in (None, igo, {**igo, "affiliation": None, "id": "imf"},
                                      {"kind": "state", "country": "MEX"})] == ["", "UNO", "IGO", "MEX"]  # fmt: skip
    assert [ngec_sector(r) for r in (None, {"sector": None}, {"sector": "COP"})] == ["", "", "COP"]
