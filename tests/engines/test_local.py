"""The local engine on bundled sample articles: stores what it reads, once; bad inputs are recorded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsgraph.engines.local import IngestReport, ingest
from newsgraph.models import IngestError
from newsgraph.store import Store
from tests.conftest import SAMPLES

NAMES = (
    "04_russia_rifles_afghan_police_2010.txt",
    "07_eu_us_sanctions_crimea_2014.txt",
    "09_raheel_sharif_moscow_2015.txt",
    "17_uk_expels_russian_diplomats_2018.txt",
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of four sample articles."""
    target = tmp_path / "in"
    target.mkdir()
    for name in NAMES:
        shutil.copy(SAMPLES / name, target / name)
    return target


def test_ingest_stores_every_article_with_its_events(folder: Path, tmp_path: Path, pipeline) -> None:
    seen: list[IngestReport] = []
    with Store(tmp_path / "db.duckdb") as store:
        report = ingest([str(folder)], store, pipeline, batch_size=3, on_progress=seen.append)
        counts = store.counts()
        stored = {row["source_path"] for row in store.query("SELECT source_path FROM articles")}
    assert (report.articles, report.duplicates, report.errors) == (4, 0, [])
    assert counts["articles"] == 4 and counts["ingest_errors"] == 0
    assert stored == {str(folder / name) for name in NAMES}
    assert report.events == counts["events"] > 0
    assert seen and seen[-1] is report  # a progress call per batch and one at the end


def test_ingesting_twice_stores_once(folder: Path, tmp_path: Path, pipeline) -> None:
    with Store(tmp_path / "db.duckdb") as store:
        first = ingest([str(folder)], store, pipeline)
        before = store.counts()
        second = ingest([str(folder)], store, pipeline)
        after = store.counts()
    assert (first.articles, first.duplicates) == (4, 0)
    assert (second.articles, second.duplicates, second.events) == (0, 4, 0)
    assert after == before


def test_the_same_text_twice_in_one_run_is_stored_once(folder: Path, tmp_path: Path, pipeline) -> None:
    shutil.copy(folder / NAMES[0], folder / "zz_copy_of_the_first.txt")
    with Store(tmp_path / "db.duckdb") as store:
        report = ingest([str(folder)], store, pipeline, batch_size=2)
        assert store.counts()["articles"] == 4
    assert (report.articles, report.duplicates) == (4, 1)


def test_a_bad_input_is_recorded_and_the_others_are_stored(folder: Path, tmp_path: Path, pipeline) -> None:
    (folder / "00_empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "05_latin1.txt").write_bytes("Caf\xe9 owners protested in Bogot\xe1.".encode("latin-1"))
    (folder / "dump.jsonl").write_text('{"text": "The UN condemned the attack."}\n{not json\n',
                                       encoding="utf-8")  # fmt: skip
    missing = tmp_path / "no-such-file.txt"
    errors: list[IngestError] = []
    with Store(tmp_path / "db.duckdb") as store:
        report = ingest([str(folder), str(missing)], store, pipeline, on_error=errors.append)
        recorded = store.query("SELECT source, message FROM ingest_errors ORDER BY source")
        articles = store.counts()["articles"]
    sources = {row["source"] for row in recorded}
    assert sources == {str(folder / "00_empty.txt"), str(folder / "05_latin1.txt"),
                       f"{folder / 'dump.jsonl'}:2", str(missing)}  # fmt: skip
    assert [str(e) for e in errors] == [str(e) for e in report.errors] and len(errors) == 4
    assert all(row["message"] for row in recorded)
    assert articles == report.articles == 5  # the four samples and the good JSONL line
