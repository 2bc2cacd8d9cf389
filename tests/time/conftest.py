"""The dating tests' shared fixture: the event a trigger word makes in a text published on a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from newsgraph.models import Article, Event


@pytest.fixture(scope="module")
def dated(pipeline) -> Callable[[str, dt.date, str], Event]:  # type: ignore[no-untyped-def]
    """The event of a trigger word; one act, or one per party of a meeting of three or more, or a
    fight both sides wage: several events of one word, all of one date."""

    def run(text: str, published: dt.date, trigger: str) -> Event:
        events = pipeline.extract(Article(text=text, published=published)).events
        found = [e for e in events if e.evidence.trigger == trigger]
        assert found and all((e.type, e.date) == (found[0].type, found[0].date) for e in found), [
            (e.type, e.evidence.trigger) for e in events]
        return found[0]

    return run
