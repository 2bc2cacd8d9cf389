"""Actor-resolution benchmark: NGEC's ``agent_to_code`` tests against ``newsgraph.actors.resolve``.

The file (``benchmarks/ngec_actors/dev.jsonl``) holds one expectation per line::

    {"method": "agent_to_code", "input": [text, context, date], "kwargs": {...},
     "field": "country" | "code_1" | ..., "expected": "MEX", "xfail": false}

Only ``agent_to_code`` records on ``country`` and ``code_1`` (the sector) are scored, records
marked ``xfail`` are skipped, and ``op`` is ``Eq`` (the usual) or ``NotEq``. ``context`` is a
country word ("Mexican", "German"), ``date`` a date in words ("Today" means no date); ``kwargs``
may carry ``known_country`` and ``query_date``.

How NGEC codes compare with ours:
  * country: our ISO alpha-3 code; an IGO with no country is ``IGO``, except the UN family
    (``UNO``) and the EU family (``EUR``), the codes NGEC gives them. ``""`` expects no country.
  * code_1: our sector. ``""``, ``UNK`` (unknown) and ``JNK`` (junk) expect no sector; an expected
    value that is not a three-letter code (``????``) is a placeholder and is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import dateparser

from newsgraph.actors.resolve import resolve_many
from newsgraph.errors import InputError
from newsgraph.eval.jsonl import json_lines
from newsgraph.pipeline import Pipeline

FIELDS = ("country", "code_1")
NO_SECTOR = frozenset({"", "UNK", "JNK"})
_CODE = re.compile(r"^[A-Z]{3}$")
_UNDATED = {"", "today", "now"}
_FAMILIES = {"un": "UNO", "eu": "EUR"}  # NGEC's country codes for the UN and EU families


def parse_when(value: Any) -> dt.date | None:
    """A benchmark date ("2022-01-01", "10 May 2015", "October 1, 2021"); "Today" is no date."""
    if value is None or str(value).strip().lower() in _UNDATED:
        return None
    parsed = dateparser.parse(str(value), settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def ngec_country(result: dict[str, Any] | None) -> str:
    """Our resolution as an NGEC country code ("" for no actor or no country)."""
    if result is None:
        return ""
    if result.get("country"):
        return str(result["country"])
    if result.get("kind") == "igo":
        for key in (result.get("id"), result.get("affiliation")):
            if key in _FAMILIES:
                return _FAMILIES[key]
        return "IGO"
    return ""


def ngec_sector(result: dict[str, Any] | None) -> str:
    """Our resolution as an NGEC code_1 ("" for no actor or no sector)."""
    return str(result.get("sector") or "") if result else ""


def _plausible(field: str, expected: str) -> bool:
    if field == "code_1":
        return expected in NO_SECTOR or bool(_CODE.match(expected))
    return expected == "" or bool(_CODE.match(expected))


def _matches(field: str, expected: str, got: str, op: str = "Eq") -> bool:
    same = got == "" if field == "code_1" and expected in NO_SECTOR else expected == got
    return same if op == "Eq" else not same


def load_records(path: str | Path) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The scored records of a benchmark file, and counts of what was skipped and why.

    Raises:
        InputError: the file is missing or a line is not a JSON object.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such benchmark file")
    kept: list[dict[str, Any]] = []
    skipped: Counter[str] = Counter()
    for _, record in json_lines(path):
        if record.get("method") != "agent_to_code" or record.get("field") not in FIELDS:
            continue
        inputs = list(record.get("input") or [])
        expected = str(record.get("expected") or "")
        if record.get("xfail"):
            skipped["xfail"] += 1
        elif record.get("op", "Eq") not in ("Eq", "NotEq"):
            skipped["unknown op"] += 1
        elif not inputs or not isinstance(inputs[0], str):
            skipped["no input text"] += 1
        elif not _plausible(record["field"], expected):
            skipped["placeholder expected value"] += 1
        else:
            kwargs = record.get("kwargs") or {}
            context = kwargs.get("known_country") or (inputs[1] if len(inputs) > 1 else None)
            when = kwargs.get("query_date") or (inputs[2] if len(inputs) > 2 else None)
            kept.append({
                "test": record.get("test"), "field": record["field"], "expected": expected,
                "op": record.get("op", "Eq"),
                "text": inputs[0], "context": context or None, "date": parse_when(when),
                "date_text": when,
            })  # fmt: skip
    return kept, skipped


def evaluate_actors(path: str | Path, pipeline: Pipeline) -> dict[str, Any]:
    """Score actor resolution on NGEC's ``agent_to_code`` tests (see the module docstring).

    Args:
        path: the benchmark JSONL file.
        pipeline: a loaded pipeline.

    Returns:
        ``{"country": {accuracy, correct, total}, "sector": {...}, "skipped": {reason: n},
        "failures": [{test, field, input, expected, got, actor}], "seconds": float}``.
    """
    started = time.perf_counter()
    records, skipped = load_records(path)
    keys = sorted({(r["text"], r["date"], r["context"]) for r in records}, key=repr)
    queries = [{"text": text, "date": day, "context_country": context} for text, day, context in keys]
    results = dict(zip(keys, resolve_many(queries, pipeline), strict=True))
    score = {"country": Counter[str](), "sector": Counter[str]()}
    failures = []
    for record in records:
        result = results[(record["text"], record["date"], record["context"])]
        name = "country" if record["field"] == "country" else "sector"
        got = ngec_country(result) if name == "country" else ngec_sector(result)
        score[name]["total"] += 1
        if _matches(record["field"], record["expected"], got, record["op"]):
            score[name]["correct"] += 1
            continue
        failures.append({
            "test": record["test"], "field": name,
            "input": [record["text"], record["context"], record["date_text"]],
            "expected": ("not " if record["op"] == "NotEq" else "") + record["expected"], "got": got,
            "actor": None if result is None else f"{result['id']} ({result['kind']})",
        })  # fmt: skip

    def summary(counts: Counter[str]) -> dict[str, Any]:
        total = counts["total"]
        return {"accuracy": round(counts["correct"] / total, 4) if total else 0.0,
                "correct": counts["correct"], "total": total}  # fmt: skip

    return {
        "country": summary(score["country"]),
        "sector": summary(score["sector"]),
        "skipped": dict(skipped),
        "failures": failures,
        "seconds": round(time.perf_counter() - started, 2),
    }
