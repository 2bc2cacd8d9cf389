"""The Ray engine: the local engine's job, with the parse spread over a pool of Ray actors.

  1. The driver reads the sources (``engines.local.new_articles``: the same reading, error
     records and skipping of stored articles as the local engine) and cuts batches.
  2. Each batch goes to a ``PipelineWorker`` actor of an ``ActorPool``; every actor loads one
     ``Pipeline`` at start and keeps it, so the model and knowledge base load once per worker.
     An article that makes a stage raise costs only itself (``extract_safely``, as locally).
  3. Extractions come back in input order and the driver stores each batch in one transaction
     (``Store.add_batch``), so the database is the one the local engine builds for the same input.

Why the driver writes DuckDB rather than workers writing Parquet shards: DuckDB has one writer
per file, coding costs about 0.2 s of CPU per article while storing it costs milliseconds, so a
single writer keeps up with many workers; and one write path (``Store.add_batch``) means one
schema and one de-duplication rule. At most ``2 x workers`` batches are in flight, so a large
corpus never sits whole in the object store.

Ray is an optional extra (``pip install 'newsgraph[ray]'``): this module imports it inside
``ingest_ray`` only, so importing newsgraph never needs it. On a multi-node cluster every node
needs newsgraph, the spaCy model and any ``actors_file`` installed at the same path.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsgraph.engines.local import (
    DEFAULT_BATCH,
    IngestReport,
    batches,
    extract_safely,
    new_articles,
    record_error,
    stage_failure,
)
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import FieldMap
from newsgraph.models import Article, Extraction, IngestError
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store

log = logging.getLogger(__name__)

INFLIGHT_PER_WORKER = 2  # one batch being coded, one queued: workers never wait on the driver


class PipelineWorker:
    """What one Ray actor holds: a loaded Pipeline, and the call that codes a batch with it.

    A plain class, made a Ray actor by ``ingest_ray`` (``ray.remote(PipelineWorker)``), so this
    module imports without Ray and the class can be tested without a cluster.

    Args:
        model: an installed spaCy pipeline name; None picks the default English model.
        actors_file: a user YAML file of extra actors, at the same path on every node.
    """

    def __init__(self, model: str | None = None, actors_file: str | None = None) -> None:
        self.pipeline = Pipeline(model, actors_file)

    def extract(self, articles: list[Article]) -> tuple[list[Extraction], list[IngestError]]:
        """Code a batch of articles, in order, as the local engine does (``extract_safely``).

        Returns:
            The extractions, and an IngestError per article that made a stage raise (the
            driver records them; the rest of the batch is kept).
        """
        failures: list[IngestError] = []

        def failed(article: Article, error: Exception) -> None:
            failures.append(stage_failure(article, error))
            log.exception("extraction failed for %s", failures[-1].source)

        return extract_safely(self.pipeline, articles, failed), failures


def ingest_ray(
    sources: Iterable[str],
    store: Store,
    model: str | None = None,
    actors_file: str | None = None,
    fields: FieldMap | None = None,
    published: object = None,
    batch_size: int = DEFAULT_BATCH,
    workers: int | None = None,
    address: str | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_error: Callable[[IngestError], None] | None = None,
) -> IngestReport:
    """Ingest sources into a store with a pool of Ray actors; same result as the local engine.

    Uses the Ray cluster this process is connected to; else connects to ``address`` (e.g.
    ``"auto"`` for a cluster started with ``ray start``), or starts a local one with ``workers``
    CPUs when ``address`` is None, and shuts down only a cluster it started.

    Args:
        sources: paths, folders, URLs or ``-``, as for the local engine.
        store: the database; only the driver writes to it.
        model: spaCy pipeline each worker loads; None picks the default English model.
        actors_file: a user actors YAML each worker adds to the bundled KB.
        fields: the field names of JSONL/CSV dumps.
        published: a publication date for every article.
        batch_size: articles per task and per transaction.
        workers: actors in the pool; None uses every CPU of the cluster.
        address: a Ray cluster to connect to when this process is not connected yet.
        on_progress: called with the running totals after every stored batch.
        on_error: called with every input that could not be read or article that broke a stage.

    Raises:
        NewsgraphError: Ray is not installed, or a worker died (a stage that raises is only an
            ingest error); batches stored before stay stored, so running the command again resumes.
    """
    try:
        import ray
        from ray.util import ActorPool
    except ImportError as e:
        raise NewsgraphError(
            "the ray engine needs Ray; install it with: pip install 'newsgraph[ray]'"
        ) from e
    if batch_size < 1 or (workers is not None and workers < 1):
        raise NewsgraphError("batch size and workers must be at least 1")

    started = not ray.is_initialized()
    if started:
        ray.init(address=address, num_cpus=workers if address is None else None,
                 include_dashboard=False)  # fmt: skip
    try:
        size = workers or max(1, int(ray.available_resources().get("CPU", 1)))

        def start_pool() -> Any:
            log.info("ray engine: %d workers, batches of %d", size, batch_size)
            worker_class = ray.remote(num_cpus=1)(PipelineWorker)
            return ActorPool([worker_class.remote(model, actors_file) for _ in range(size)])

        return _run(start_pool, sources, store, fields, published, batch_size, size, on_progress,
                    on_error)  # fmt: skip
    finally:
        if started:
            ray.shutdown()


def _run(
    start_pool: Callable[[], Any],
    sources: Iterable[str],
    store: Store,
    fields: FieldMap | None,
    published: object,
    batch_size: int,
    workers: int,
    on_progress: Callable[[IngestReport], None] | None,
    on_error: Callable[[IngestError], None] | None,
) -> IngestReport:
    """Feed the pool, store results in input order, keep the in-flight batches bounded.

    The pool starts with the first batch: a run with nothing new to code loads no worker.
    """
    import ray

    pool: Any = None
    report = IngestReport()
    in_flight: deque[list[Article]] = deque()  # batches submitted, oldest first: get_next's order
    # Ids in flight: a repeat read before its twin is stored is a duplicate now (once stored,
    # new_articles' has_article catches it), so the set stays as small as the in-flight batches.
    shipped: set[str] = set()

    def unshipped(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if article.id in shipped:
                report.duplicates += 1
                continue
            shipped.add(article.id)
            yield article

    def store_next() -> None:
        batch = in_flight.popleft()
        try:
            extractions, failures = pool.get_next()
        except ray.exceptions.RayError as e:
            raise NewsgraphError(
                f"ray worker failed on {len(batch)} articles from {batch[0].source_path}: "
                f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
            ) from e
        for failure in failures:
            record_error(failure, store, report, on_error)
        report.add(store.add_batch(extractions))
        shipped.difference_update(article.id for article in batch)
        if on_progress:
            on_progress(report)

    articles = new_articles(sources, store, report, fields, published, on_error)
    for batch in batches(unshipped(articles), batch_size):
        pool = pool or start_pool()
        pool.submit(lambda actor, items: actor.extract.remote(items), batch)
        in_flight.append(batch)
        if len(in_flight) >= INFLIGHT_PER_WORKER * workers:
            store_next()
    while in_flight:
        store_next()
    if on_progress:
        on_progress(report)
    return report
