"""The whole Guardian sample codes without a crash, and every event points at its own text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import read_sources
from newsgraph.models import DATE_BASES, EVENT_TYPES, MODALITIES, PRECISIONS, Article


@pytest.mark.slow
def test_every_story_codes(shared: Path, pipeline) -> None:
    path = shared / "benchmarks" / "corpora" / "guardian_sdf" / "Guardian_SDF_sample.csv"
    articles = [a for a in read_sources([str(path)]) if isinstance(a, Article)]
    assert len(articles) == 249
    extractions = list(pipeline.extract_many(articles))
    assert [x.article.id for x in extractions] == [a.id for a in articles]
    assert sum(len(x.events) for x in extractions) > 1000
    for extraction in extractions:
        text = extraction.article.text
        for event in extraction.events:
            assert text[event.evidence.start : event.evidence.end] == event.evidence.text
            assert event.source, event.rule
            assert event.type in EVENT_TYPES and event.modality in MODALITIES
            assert event.date.precision in PRECISIONS and event.date.basis in DATE_BASES
