"""Engines: the job behind ``newsgraph ingest``, run in this process (``local``) or on a Ray pool.

Both read through ``engines.local.new_articles`` and store through ``Store.add_batch``, so the
same input gives the same database whichever engine codes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from newsgraph.errors import NewsgraphError

if TYPE_CHECKING:
    from newsgraph.engines.local import IngestReport
    from newsgraph.ingest import FieldMap
    from newsgraph.models import IngestError
    from newsgraph.store import Store

ENGINES = ("local", "ray")


def ingest_with(
    engine: str,
    sources: Iterable[str],
    store: Store,
    model: str | None = None,
    actors_file: str | None = None,
    fields: FieldMap | None = None,
    published: object = None,
    batch_size: int = 32,
    workers: int | None = None,
    address: str | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    on_error: Callable[[IngestError], None] | None = None,
) -> IngestReport:
    """Ingest sources into a store with the named engine: the call behind ``--engine``.

    Args:
        engine: ``local`` (one pipeline in this process) or ``ray`` (one per Ray worker; the
            driver loads none).
        sources: paths, folders, URLs or ``-``.
        store: the database.
        model: an installed spaCy pipeline; None picks the default English model.
        actors_file: a user actors YAML added to the bundled KB.
        fields: the field names of JSONL/CSV dumps.
        published: a publication date for every article.
        batch_size: articles per transaction (and per Ray task).
        workers: ray only: workers in the pool; None uses every CPU of the cluster.
        address: ray only: a running cluster to join (e.g. ``"auto"``); None starts a local one.
        on_progress: called with the running totals after every stored batch.
        on_error: called with every input or article that failed.

    Raises:
        NewsgraphError: an unknown engine, a Ray option given to the local engine, Ray missing,
            a model missing.
    """
    if engine == "ray":
        from newsgraph.engines.ray_engine import ingest_ray

        return ingest_ray(sources, store, model, actors_file, fields, published, batch_size, workers, address,
                          on_progress, on_error)  # fmt: skip
    if engine != "local":
        raise NewsgraphError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if workers is not None or address is not None:
        raise NewsgraphError("--workers and --ray-address apply to --engine ray only")
    from newsgraph.engines.local import ingest
    from newsgraph.pipeline import Pipeline

    return ingest(sources, store, Pipeline(model, actors_file), fields, published, batch_size, on_progress, on_error)
