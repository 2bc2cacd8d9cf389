"""Which date each event takes: sentences written for these tests, about real events, coded by the
real pipeline. Each case names the publication day it is read against."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.models import Article, Event

D = dt.date


@pytest.fixture(scope="module")
def dated(pipeline):  # type: ignore[no-untyped-def]
    def run(text: str, published: dt.date, trigger: str) -> Event:
        events = pipeline.extract(Article(text=text, published=published)).events
        found = [e for e in events if e.evidence.trigger == trigger]
        assert len(found) == 1, [(e.type, e.evidence.trigger) for e in events]
        return found[0]

    return run


def test_the_weekday_of_publication_is_that_day(dated) -> None:
    # a Thursday paper's "on Thursday" is that Thursday, not the one a week before
    event = dated("The British cabinet met on Thursday to discuss a military response to the attack in Douma.",
                  D(2018, 4, 12), "met")
    assert (event.date.start, event.date.basis) == (D(2018, 4, 12), "relative")
