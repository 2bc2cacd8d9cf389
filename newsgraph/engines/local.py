"""The local engine: read sources, code them in batches, store each batch in one transaction."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from newsgraph.ingest import FieldMap, read_sources
from newsgraph.models import Article, Extraction, IngestError
from newsgraph.pipeline import Pipeline
from newsgraph.store import BatchResult, Store

log = logging.getLogger(__name__)

DEFAULT_BATCH = 32


@dataclass
class IngestReport:
    """Running totals of an ingest, passed to the progress callback after every batch."""

    articles: int = 0
    duplicates: int = 0
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        """Wall time since the ingest started."""
        return time.perf_counter() - self.started

    def add(self, result: BatchResult) -> None:
        """Count what one ``Store.add_batch`` wrote."""
        self.articles += result.articles
        self.duplicates += result.duplicates
        self.events += result.events

    @property
    def rate(self) -> float:
        """Articles coded per second."""
        return (self.articles + self.duplicates) / self.seconds if self.seconds > 0 else 0.0


def batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` articles (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def record_error(
    error: IngestError,
    store: Store,
    report: IngestReport,
    on_error: Callable[[IngestError], None] | None = None,
) -> None:
    """Count an input or article that failed, store it in ``ingest_errors``, tell ``on_error``."""
    report.errors.append(error)
    store.add_error(error)
    if on_error:
        on_error(error)


def stage_failure(article: Article, error: Exception) -> IngestError:
    """The ingest error of an article that made a stage raise."""
    return IngestError(article.source_path or article.external_id or article.id,
                       f"extraction failed ({type(error).__name__}: {error})")  # fmt: skip


def new_articles(
    sources: Iterable[str],
    store: Store,
    report: IngestReport,
    fields: FieldMap | None = None,
    published: object = None,
    on_error: Callable[[IngestError], None] | None = None,
) -> Iterator[Article]:
    """The articles of the sources that the store does not hold yet, read lazily.

    Every engine reads through this one generator: bad inputs go to ``ingest_errors``,
    ``report.errors`` and ``on_error``; stored articles only count in ``report.duplicates``.
    """
    for item in read_sources(sources, fields):
        if isinstance(item, IngestError):
            record_error(item, store, report, on_error)
            continue
        if published is not None:
            item.published = published  # type: ignore[assignment]
        if store.has_article(item.id):
            report.duplicates += 1
            continue
        yield item


def extract_safely(
    pipeline: Pipeline, batch: list[Article], on_failure: Callable[[Article, Exception], None]
) -> list[Extraction]:
    """Code a batch; if the batch fails, code its articles one by one so that one bad article
    costs only itself (reported through ``on_failure``), never its neighbours."""
    try:
        return list(pipeline.extract_many(batch))
    except Exception:  # any failure of a stage must not stop the ingest
        extractions = []
        for article in batch:
            try:
                extractions.append(pipeline.extract(article))
            except Exception as e:  # reported and recorded, then skipped
                on_failure(article, e)
        return extractions


def ingest(
    sources: Iterable[str],
    store: Store,
    pipeline: Pipeline,
    fields: FieldMap | None = None,
    published: object = None,
    batch_size: int = DEFAULT_BATCH,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_error: Callable[[IngestError], None] | None = None,
) -> IngestReport:
    """Ingest sources into a store: the whole job behind ``newsgraph ingest``.

    Bad inputs are recorded in ``ingest_errors`` and reported through ``on_error``; they never
    stop the others. Articles already stored are skipped before the parse.
    """
    report = IngestReport()
    articles = new_articles(sources, store, report, fields, published, on_error)

    def failed(article: Article, error: Exception) -> None:
        item = stage_failure(article, error)
        log.exception("extraction failed for %s", item.source)
        record_error(item, store, report, on_error)

    for batch in batches(articles, batch_size):
        report.add(store.add_batch(extract_safely(pipeline, batch, failed)))
        if on_progress:
            on_progress(report)
    if on_progress:
        on_progress(report)
    return report
