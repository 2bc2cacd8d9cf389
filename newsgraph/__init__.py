"""newsgraph: news articles in, a sourced, time-aware network of political actors out.

Public API::

    import newsgraph
    extraction = newsgraph.extract(text, published="2015-06-23")
    with newsgraph.Store("events.duckdb") as store:
        store.add(extraction)
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from newsgraph.models import Actor, Article, Event, Extraction, IngestError

if TYPE_CHECKING:
    from newsgraph.pipeline import Pipeline
    from newsgraph.store import Store

__version__ = "0.1.0"
__all__ = [
    "Actor", "Article", "Event", "Extraction", "IngestError", "Pipeline", "Store", "extract",
]  # fmt: skip

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(
    text: str, published: dt.date | str | None = None, model: str | None = None
) -> Extraction:
    """Code one article's text into actors and events.

    Args:
        text: the article, optionally with a scraped header (title, byline, dateline) above it.
        published: publication date (date or ISO string); overrides a dateline in the header.
        model: an installed spaCy pipeline; None picks the default English model.

    Raises:
        newsgraph.errors.InputError: the text is empty.
    """
    from newsgraph.ingest import article_from_text
    from newsgraph.pipeline import Pipeline

    day = dt.date.fromisoformat(published) if isinstance(published, str) else published
    article = article_from_text(text, "<text>", published=day)
    return Pipeline(model).extract(article)


def __getattr__(name: str) -> Any:
    # Heavy modules load on first use, so `import newsgraph` stays cheap.
    if name == "Pipeline":
        from newsgraph.pipeline import Pipeline

        return Pipeline
    if name == "Store":
        from newsgraph.store import Store

        return Store
    raise AttributeError(name)
