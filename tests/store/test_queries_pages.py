"""The page and id look-ups the REST API uses agree with ``events()`` record for record."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.store import events
from newsgraph.store.queries import EventQuery, article, count_events, event_page, events_by_id, facets
from tests.corpus import handmade_path, handmade_store

__all__ = ["handmade_path", "handmade_store"]


@pytest.mark.parametrize(
    "where",
    [
        EventQuery(),
        EventQuery(actor="taliban"),
        EventQuery(types=("CONSULT", "AGREE")),
        EventQuery(start=dt.date(2014, 1, 1), publishers=("reuters", "the guardian")),
        EventQuery(modalities=("reported", "planned"), covert=False),
    ],
)
def test_event_page_is_a_page_of_events(handmade_store, where):
    everything = events(handmade_store, where)
    assert count_events(handmade_store, where) == len(everything)
    for limit, offset in ((3, 0), (4, 2), (50, 0), (5, 100)):
        where.limit, where.offset = limit, offset
        total, page = event_page(handmade_store, where)
        assert total == len(everything)
        assert page == everything[offset : offset + limit]


def test_events_by_id_matches_events(handmade_store):
    everything = events(handmade_store)
    ids = [*reversed([e["id"] for e in everything]), "no-such-event"]
    assert events_by_id(handmade_store, ids) == everything
    assert events_by_id(handmade_store, []) == []
    assert events(handmade_store, EventQuery(ids=tuple(ids))) == everything


def test_article_and_facets(handmade_store):
    found = article(handmade_store, events(handmade_store)[0]["doc_id"])
    assert found is not None and found["text"] and found["events"]
    assert article(handmade_store, "missing") is None
    summary = facets(handmade_store)
    assert summary["first"] == dt.date(2001, 10, 9) and summary["events"] == 17
