"""Header detection: every sample's header gives the title, author, publisher and date of MANIFEST.md."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.ingest import read_sources
from newsgraph.ingest.metadata import parse_date, split_header
from tests.conftest import SAMPLES


def _manifest() -> dict[str, list[str]]:
    rows = {}
    for line in (SAMPLES / "MANIFEST.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| ") and ".txt |" in line:
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            rows[cells[0]] = [None if c.startswith("(") else c for c in cells]
    return rows


MANIFEST = _manifest()


def test_manifest_lists_every_sample() -> None:
    files = {p.name for p in SAMPLES.glob("*.txt")}
    assert len(files) >= 15
    assert files == set(MANIFEST)


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_sample_header(name: str) -> None:
    _, title, author, publisher, published, *_ = MANIFEST[name]
    article = next(read_sources([str(SAMPLES / name)]))
    assert article.title == title
    assert article.author == author
    assert article.publisher == publisher
    assert (article.published.isoformat() if article.published else None) == published
    # Nothing of the header is left in the body that is coded.
    first_line = article.text.splitlines()[0]
    assert len(first_line.split()) >= 20
    if title:
        assert title not in article.text.splitlines()[0]


def test_seed_header(seed_path) -> None:
    body, header = split_header(seed_path.read_text(encoding="utf-8"))
    assert header.title == "Taliban, Russia and the Northern Alliance"
    assert header.author == "Musa Khan Jalalzai"
    assert header.publisher == "New Age Islam"
    # The dateline, not the crawl stamp "Fri Sep 30 2022" nor the section line's 22 Jun 2015.
    assert header.published == dt.date(2015, 6, 23)
    assert header.crawled == dt.date(2022, 9, 30)
    assert body.startswith("Secret links between the Taliban")
    assert "Comment | Comment" not in body and "NewAgeIslam" not in body


def test_wire_dateline_gives_place_and_agency() -> None:
    text = "Title of the piece here\n\nMOSCOW, Jan 21 (Steppe Wire) - " + "word " * 40
    _, header = split_header(text)
    assert header.dateline_place == "Moscow"
    assert header.publisher == "Steppe Wire"


def test_text_without_header_keeps_everything() -> None:
    text = "The army said on Monday that it had withdrawn from the town. " * 5
    body, header = split_header(text)
    assert body == text.strip()
    assert header.title is None and header.published is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("June 23, 2015", dt.date(2015, 6, 23)),
        ("Updated 18 June 2015 14:02 GMT", dt.date(2015, 6, 18)),
        ("Published: 2015-06-18", dt.date(2015, 6, 18)),
        ("25.02.2016 08:14", dt.date(2016, 2, 25)),
        ("Oct. 3, 2016", dt.date(2016, 10, 3)),
        ("Comment | Comment", None),
        ("Islam and Politics", None),
    ],
)
def test_parse_date(line: str, expected: dt.date | None) -> None:
    assert parse_date(line) == expected
