"""Actors of whole sentences, through the real pipeline: who the coded events say acted."""

from __future__ import annotations

import pytest

from newsgraph.models import Article


def _sources(pipeline, text: str) -> list[list[tuple[str, str | None]]]:
    events = pipeline.extract(Article(text=text)).events
    return [[(a.id, a.country) for a in event.source] for event in events]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "military police" is one sector word: the armed forces' police, not a bare "police"
        ("Thai military police detained two protest leaders in May 2014.", ("THA.MIL", "THA")),
        # a rebel movement's leaders act for the rebels, not for a government
        ("Afghan rebel leaders rejected the Geneva accords in April 1988.", ("AFG.REB", "AFG")),
    ],
)
def test_sector_phrases_compose_with_their_country(pipeline, text: str, source: tuple[str, str]) -> None:
    assert _sources(pipeline, text) == [[source]]
