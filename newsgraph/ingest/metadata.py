"""Header detection for plain-text articles.

Scraped pages and wire copy carry a header above the body: a site name, a crawl date, a section
line, "Comment | Comment", the title, "By <author>", a dateline. This module reads that header,
keeps its facts (title, author, publisher, publication date, dateline place) and returns the body
alone, so that nothing of the header is coded as an event.

The cascade, numbered as the comments below use it:
  1. Cut the header: the lines above the first line that reads as prose.
  2. Classify each header line: crawl date, boiler or breadcrumb, labelled field, kicker,
     byline, section line, publication date; the rest is text.
  3. Title and publisher from the text lines: the title is the first headline-length line,
     the publisher the first short line that is not the title.
  4. A wire dateline opening the body ("MOSCOW, Jan 21 (Steppe Wire) -") gives a place and a
     publisher.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["month", "year"],
}

_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
# A crawl stamp: "Fri Sep 30 2022, 02:32 AM" - weekday first, then a clock time. It tells when
# the page was saved, not when it was published.
_CRAWL = re.compile(
    r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+"
    r"\d{1,2}\s+\d{4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?$"
)
_LABELLED = re.compile(r"^(?P<label>author|writer|source|publisher|site)\s*:\s*(?P<value>.+)$", re.I)
_BREADCRUMB = re.compile(r"\s[>»›]\s")
_DATE_PREFIX = re.compile(
    r"^(?:published|posted|updated|last updated|last modified|modified|first published|date|dated)"
    r"\s*(?:on|:)?\s*",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|written by|words by)\s+(?P<who>.+)$", re.I)
_POSTED_BY = re.compile(r"^(?:posted|published)\s+(?:on\s+)?(?P<when>.+?)\s+by\s+(?P<who>.+)$", re.I)
_BOILER = re.compile(
    r"^(?:comment\s*\|\s*comment|share|print|email|advertisement|menu|home|"
    r"follow us.*|subscribe.*|sign in|log in|\W+)$",
    re.I,
)
_SECTION_WITH_DATE = re.compile(r"^(?P<section>[^()]+)\(\s*(?P<when>[^,()]+),\s*(?P<site>[^()]+)\)$")
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,40}?)(?:,\s*(?P<when>[A-Z][a-z]{2,9}\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\)\s*)?[-—–:]+\s+"
)
_PROSE_WORDS = 25
_MAX_HEADER_LINES = 14
_AUTHOR_TAIL = re.compile(r"\s*(?:[,|]\s*|\s+-\s+).*$")


@dataclass
class Header:
    """What a plain-text header says about its article."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    crawled: dt.date | None = None
    section: str | None = None
    dateline_place: str | None = None


def parse_date(text: str) -> dt.date | None:
    """Parse a header date ("June 23, 2015", "Updated 18 June 2015 14:02 GMT") or return None."""
    cleaned = _DATE_PREFIX.sub("", text.strip()).strip(" ,.|-")
    if not cleaned or not re.search(r"\d{4}|\d{1,2}[/.-]\d{1,2}", cleaned) or len(cleaned) > 60:
        return None
    parsed = dateparser.parse(cleaned, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _PROSE_WORDS


def _clean_author(who: str) -> tuple[str, dt.date | None, str | None]:
    """Split "Jane Doe | 13 Nov 2001" or "Jane Doe, Steppe Wire" into author, date, outlet."""
    when = outlet = None
    if "|" in who:
        who, _, rest = who.partition("|")
        when = parse_date(rest)
    name, comma, tail = who.strip().partition(",")
    if comma and tail.strip() and len(tail.split()) <= 4 and tail.strip()[:1].isupper():
        outlet = tail.strip(" .")
        who = name
    who = _AUTHOR_TAIL.sub("", who.strip())
    return who.strip(" .,"), when, outlet


def split_header(text: str) -> tuple[str, Header]:
    """Separate a plain-text article into its body and the facts of its header.

    Args:
        text: the whole file as read.

    Returns:
        The body (header lines removed, paragraphs kept) and a Header.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = Header()
    # 1. The header is every line above the first prose line, within a small window.
    first_prose = next(
        (i for i, line in enumerate(lines[: _MAX_HEADER_LINES + 1]) if _is_prose(line)), None
    )
    if first_prose is None:
        return text.strip(), header
    head = [line.strip() for line in lines[:first_prose] if line.strip()]
    unclassified: list[str] = []
    site: str | None = None  # the site named in a section line, a fallback publisher
    # 2. Classify each header line.
    for line in head:
        if _CRAWL.match(line):
            header.crawled = parse_date(line)
            continue
        if _BOILER.match(line) or _BREADCRUMB.search(line):
            continue
        if match := _LABELLED.match(line):
            if match["label"].lower() in ("author", "writer"):
                header.author = header.author or _clean_author(match["value"])[0]
            else:
                site = site or match["value"].strip()
            continue
        if line.isupper() and line.replace(" ", "").isalpha() and len(line.split()) <= 4:
            header.section = header.section or line.title()  # a kicker: "AFGHANISTAN"
            continue
        if match := _POSTED_BY.match(line):
            header.published = header.published or parse_date(match["when"])
            header.author = header.author or _clean_author(match["who"])[0]
            continue
        if match := _BYLINE.match(line):
            author, when, outlet = _clean_author(match["who"])
            header.author = header.author or author
            header.published = header.published or when
            site = site or outlet
            continue
        if match := _SECTION_WITH_DATE.match(line):
            header.section = match["section"].strip()
            site = match["site"].strip()
            continue
        when = parse_date(line) if len(line.split()) <= 8 else None
        if when is not None:
            header.published = header.published or when
            continue
        unclassified.append(line)
    # 3. Title: the first headline-length line (site names are short and come first), else the
    # last line left; the publisher: the first short line that is not the title.
    if unclassified:
        header.title = next((t for t in unclassified if len(t.split()) >= 5), unclassified[-1])
        short = [t for t in unclassified if t != header.title and len(t.split()) <= 5]
        header.publisher = short[0] if short else None
    header.publisher = header.publisher or site
    body = "\n".join(lines[first_prose:]).strip()
    # 4. A wire dateline opening the body.
    if match := _WIRE_DATELINE.match(body):
        header.dateline_place = match["place"].strip().title()
        if match["agency"]:
            header.publisher = header.publisher or match["agency"].strip()
    return body, header
