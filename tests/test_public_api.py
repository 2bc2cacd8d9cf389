"""The public Python API: a small, deliberate set of names that works as documented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import InputError


def test_exported_names() -> None:
    assert set(newsgraph.__all__) == {
        "Actor", "Article", "Event", "Extraction", "IngestError", "Pipeline", "Store", "extract",
    }
    for name in newsgraph.__all__:
        assert getattr(newsgraph, name) is not None


def test_extract_and_store(tmp_path: Path) -> None:
    text = "Pravda reported that in 2010 the Russian army had delivered 20,000 rifles to the Afghan police."
    extraction = newsgraph.extract(text, published="2015-06-23")
    assert extraction.article.published == dt.date(2015, 6, 23)
    [event] = extraction.events
    assert event.type == "AID" and event.date.start == dt.date(2010, 1, 1)
    with newsgraph.Store(tmp_path / "news.duckdb") as store:
        assert store.add(extraction).events == 1
        assert store.counts()["events"] == 1


def test_empty_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty text"):
        newsgraph.extract("   ")
