"""The Ray engine on a real local Ray cluster: the same database as the local engine builds.

The cluster test starts Ray with two CPUs listening on 127.0.0.1 only, without the dashboard or
usage reporting, and is skipped when Ray (the ``ray`` extra) is not installed. The worker class
is plain Python and is tested without Ray.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.engines.local import IngestReport, ingest
from newsgraph.engines.ray_engine import PipelineWorker
from newsgraph.models import Article
from newsgraph.store import Store
from tests.conftest import SAMPLES
from tests.engines.test_failures import POISON, BreakingPipeline

NAMES = (
    "02_putin_rabbani_dushanbe_talks.txt",
    "06_pentagon_mi17_helicopters_2013.txt",
    "13_us_taliban_doha_agreement_2020.txt",
    "19_abqaiq_drone_attack_2019.txt",
    "22_sri_lanka_protesters_storm_residence_2022.txt",
)


# Read by Ray at import and inherited by the processes it starts: no usage report over the
# network, and a single-node cluster whose servers listen on 127.0.0.1 only (on Linux Ray
# otherwise swaps a loopback node address for the machine's external one and binds 0.0.0.0).
RAY_LOOPBACK_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}


@pytest.fixture(scope="module")
def ray() -> Iterator[Any]:
    """A real two-CPU Ray cluster on this machine, on loopback only, shut down after the module."""
    saved = {name: os.environ.get(name) for name in RAY_LOOPBACK_ENV}
    os.environ.update(RAY_LOOPBACK_ENV)
    ray = pytest.importorskip("ray", reason="the ray extra is not installed")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Five sample articles and one empty file."""
    target = tmp_path / "in"
    target.mkdir()
    for name in NAMES:
        shutil.copy(SAMPLES / name, target / name)
    (target / "00_empty.txt").write_text("\n", encoding="utf-8")
    return target


def _contents(store: Store) -> dict[str, Any]:
    articles = store.query("SELECT id, source_path FROM articles")
    events = store.query("SELECT article_id, id, type FROM events")
    return {
        "articles": {r["id"]: r["source_path"] for r in articles},
        "events": sorted((r["article_id"], r["id"], r["type"]) for r in events),
        "errors": [r["source"] for r in store.query("SELECT source FROM ingest_errors")],
        "counts": store.counts(),
    }


@pytest.mark.ray
def test_ray_engine_builds_the_local_engines_database(ray: Any, folder: Path, tmp_path: Path, pipeline) -> None:
    from newsgraph.engines.ray_engine import ingest_ray

    with Store(tmp_path / "local.duckdb") as store:
        local = ingest([str(folder)], store, pipeline, batch_size=2)
        expected = _contents(store)
    with Store(tmp_path / "ray.duckdb") as store:
        progress: list[IngestReport] = []
        report = ingest_ray([str(folder)], store, batch_size=2, workers=2, on_progress=progress.append)
        got = _contents(store)
        again = ingest_ray([str(folder)], store, batch_size=2, workers=2)
        assert store.counts()["articles"] == len(NAMES)
    assert got == expected
    assert len(got["articles"]) == len(NAMES) and got["counts"]["events"] > 0
    assert (report.articles, report.events, len(report.errors)) == (local.articles, local.events, 1)
    assert progress[-1] is report
    assert (again.articles, again.duplicates) == (0, len(NAMES))
    assert ray.is_initialized()  # a cluster the engine did not start is left running


def test_a_worker_returns_the_articles_that_broke_a_stage_as_errors() -> None:
    worker = PipelineWorker()
    worker.pipeline = BreakingPipeline()
    good = Article(text="Russia delivered rifles to the Afghan police in 2010.", source_path="a.txt")
    bad = Article(text=f"Iran attacked Iraq in 1980. {POISON}", source_path="b.txt")
    extractions, failures = worker.extract([good, bad])
    assert [x.article.source_path for x in extractions] == ["a.txt"]
    assert [f.source for f in failures] == ["b.txt"] and "stage exploded" in failures[0].message
