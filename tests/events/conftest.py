"""The event tests' shared fixture: code a text with the session's pipeline.

Each test module may set ``PUBLISHED``, the publication date its sentences are read against;
relative dates and the leaders in office depend on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from newsgraph.models import Article, Event

DEFAULT_PUBLISHED = dt.date(2015, 6, 23)


@pytest.fixture(scope="module")
def code(pipeline, request) -> Callable[[str], list[Event]]:  # type: ignore[no-untyped-def]
    """The events of a text published on the module's ``PUBLISHED`` date."""
    published = getattr(request.module, "PUBLISHED", DEFAULT_PUBLISHED)

    def run(text: str) -> list[Event]:
        return pipeline.extract(Article(text=text, published=published)).events

    return run


def one(events: list[Event], kind: str) -> Event:
    """The only event of a type; the assertion lists every event's type and rule when not."""
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, [(e.type, e.rule) for e in events]
    return found[0]
