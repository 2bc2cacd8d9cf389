"""One article that breaks a stage costs only itself: the rest of its batch is stored."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.engines.local import ingest
from newsgraph.models import Article, Extraction
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

POISON = "POISON-PILL"


class BreakingPipeline(Pipeline):
    """The real pipeline, except that any article carrying POISON makes a stage raise."""

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
        for extraction in super().extract_many(articles, batch_size):
            if POISON in extraction.article.text:
                raise RuntimeError("stage exploded")
            yield extraction


def test_a_failing_article_does_not_sink_its_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Russia delivered rifles to the Afghan police in 2010.", encoding="utf-8")
    (folder / "b.txt").write_text(f"Iran attacked Iraq in 1980. {POISON}", encoding="utf-8")
    (folder / "c.txt").write_text("The US and NATO invaded Afghanistan in 2001.", encoding="utf-8")
    errors = []
    with Store(tmp_path / "db.duckdb") as store:
        report = ingest([str(folder)], store, BreakingPipeline(), on_error=errors.append)
        assert report.articles == 2 and len(report.errors) == 1
        assert errors[0].source.endswith("b.txt") and "stage exploded" in errors[0].message
        assert store.counts()["articles"] == 2
        assert store.query("SELECT count(*) AS n FROM ingest_errors")[0]["n"] == 1
