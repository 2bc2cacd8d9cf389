"""Shared fixtures: the real spaCy pipeline, the shared benchmark folder, sample articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "newsgraph" / "samples"
SEED = SHARED / "seed" / "000_681f3b9f914a6327.txt"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The derived-data cache of the session lives in a temporary folder, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("NEWSGRAPH_NO_CACHE", raising=False)
        yield


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared benchmark folder; tests that need it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    """The seed article."""
    if not SEED.is_file():
        pytest.skip("the seed article is absent")
    return SEED


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline (spaCy model + newsgraph stages), loaded once."""
    from newsgraph.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_extraction(pipeline, seed_path):
    """The seed article, ingested and coded once for the whole session."""
    from newsgraph.ingest import read_sources

    article = next(read_sources([str(seed_path)]))
    return pipeline.extract(article)
