"""Readers: every kind of input becomes Articles, or one IngestError per bad input.

A reader never raises for bad input: it yields an ``IngestError`` naming the input and the problem,
so one broken file or line never stops the others.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.metadata import parse_date, split_header
from newsgraph.models import Article, IngestError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
URL_TIMEOUT_S = 20.0
_MAX_CSV_FIELD = 50_000_000

Item = Article | IngestError


@dataclass
class FieldMap:
    """Which column or key of a JSONL/CSV dump holds which article field.

    Each attribute lists candidate names, first found wins; the defaults read most dumps,
    including the Guardian sample (``"", date, text, source``).
    """

    text: list[str] = field(default_factory=lambda: ["text", "body", "content", "article"])
    id: list[str] = field(default_factory=lambda: ["id", "doc_id", "article_id", ""])
    title: list[str] = field(default_factory=lambda: ["title", "headline"])
    url: list[str] = field(default_factory=lambda: ["url", "link"])
    published: list[str] = field(
        default_factory=lambda: ["published", "date", "publication_date", "pubdate"]
    )
    author: list[str] = field(default_factory=lambda: ["author", "byline", "authors"])
    source: list[str] = field(default_factory=lambda: ["source", "publisher", "site_name"])

    def pick(self, record: dict[str, Any], name: str) -> str | None:
        """The first non-empty value among the candidate keys of ``name``."""
        for key in getattr(self, name):
            value = record.get(key)
            if value not in (None, ""):
                return str(value)
        return None


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            source, f"not UTF-8 text (byte {e.start}); convert it to UTF-8 first"
        ) from e


def _published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return parse_date(value)


def article_from_text(
    text: str, source: str, published: dt.date | None = None, **meta: Any
) -> Article:
    """Build an Article from plain text: the header's facts move into metadata.

    Raises:
        InputError: the text holds no body to code.
    """
    body, header = split_header(text)
    if not body.strip():
        raise InputError(source, "empty text: nothing to code")
    return Article(
        text=body,
        title=meta.get("title") or header.title,
        author=meta.get("author") or header.author,
        publisher=meta.get("publisher") or header.publisher,
        published=published or header.published,
        url=meta.get("url"),
        source_path=source,
        external_id=meta.get("external_id"),
        dateline_place=header.dateline_place,
    )


def article_from_html(html: str, source: str, url: str | None = None) -> Article:
    """Extract body and metadata (title, author, date, site name) of a web page with trafilatura.

    Raises:
        InputError: trafilatura finds no main text.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        raise InputError(source, "no article text found in the HTML page")
    published = _published(getattr(document, "date", None))
    article = article_from_text(
        body,
        source,
        published=published,
        title=getattr(document, "title", None),
        author=getattr(document, "author", None),
        publisher=getattr(document, "sitename", None),
        url=url or getattr(document, "url", None),
    )
    return article


def _record_article(record: dict[str, Any], source: str, fields: FieldMap) -> Article:
    text = fields.pick(record, "text")
    if text is None:
        raise InputError(source, f"no text field (looked for {', '.join(fields.text)})")
    return article_from_text(
        text,
        source,
        published=_published(fields.pick(record, "published")),
        title=fields.pick(record, "title"),
        author=fields.pick(record, "author"),
        publisher=fields.pick(record, "source"),
        url=fields.pick(record, "url"),
        external_id=fields.pick(record, "id"),
    )


def read_jsonl(lines: Iterable[str], source: str, fields: FieldMap, start: int = 1) -> Iterator[Item]:
    """One article per JSON object line; a malformed line is one error, the rest go on."""
    for number, line in enumerate(lines, start):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError(where, "a JSONL line must be a JSON object")
            yield _record_article(record, where, fields)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"malformed JSON ({e.msg} at column {e.colno})")
        except InputError as e:
            yield IngestError(e.source, e.message)


def read_csv(stream: Iterable[str], source: str, fields: FieldMap, delimiter: str = ",") -> Iterator[Item]:
    """One article per row of a CSV/TSV dump with a header row, read as a stream."""
    csv.field_size_limit(_MAX_CSV_FIELD)
    reader = csv.DictReader(stream, delimiter=delimiter, strict=True)
    try:
        names = reader.fieldnames
    except csv.Error as e:
        yield IngestError(source, f"malformed CSV header ({e})")
        return
    if not names or not any(name in names for name in fields.text):
        yield IngestError(source, f"no text column (looked for {', '.join(fields.text)})")
        return
    number = 1
    while True:
        number += 1
        where = f"{source}:{number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield IngestError(where, f"malformed CSV row ({e}); the rest of the file is skipped")
            return
        try:
            yield _record_article(row, where, fields)
        except InputError as e:
            yield IngestError(e.source, e.message)


def _read_dump(path: Path, source: str, fields: FieldMap) -> Iterator[Item]:
    """JSONL and CSV dumps are streamed, so a large dump never sits in memory whole."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        # line by line in bytes: a line that is not UTF-8 is one error, the others go on
        with path.open("rb") as binary:
            for number, raw in enumerate(binary, 1):
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as e:
                    yield IngestError(f"{source}:{number}", f"not UTF-8 text (byte {e.start}); convert it to UTF-8")
                    continue
                yield from read_jsonl([line], source, fields, start=number)
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        try:
            yield from read_csv(handle, source, fields, "\t" if suffix == ".tsv" else ",")
        except UnicodeDecodeError as e:
            yield IngestError(source, f"not UTF-8 text (byte {e.start} of a block); convert it to UTF-8 first")


def read_file(path: Path, fields: FieldMap) -> Iterator[Item]:
    """Read one file by its suffix (plain text when the suffix is unknown)."""
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES | CSV_SUFFIXES:
            yield from _read_dump(path, source, fields)
            return
        text = _decode(path.read_bytes(), source)
        if suffix in HTML_SUFFIXES:
            yield article_from_html(text, source)
        else:
            yield article_from_text(text, source)
    except FileNotFoundError:
        yield IngestError(source, "no such file")
    except IsADirectoryError:
        yield IngestError(source, "is a directory")
    except PermissionError:
        yield IngestError(source, "permission denied")
    except InputError as e:
        yield IngestError(e.source, e.message)


def read_url(url: str) -> Iterator[Item]:
    """Fetch a page over http(s) with a timeout; HTML goes through trafilatura."""
    import httpx

    try:
        response = httpx.get(url, timeout=URL_TIMEOUT_S, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPStatusError as e:
        yield IngestError(url, f"HTTP {e.response.status_code} from server")
        return
    except httpx.HTTPError as e:
        yield IngestError(url, f"unreachable ({type(e).__name__}: {e})")
        return
    content_type = response.headers.get("content-type", "")
    try:
        if "html" in content_type or response.text.lstrip().startswith("<"):
            yield article_from_html(response.text, url, url=url)
        else:
            yield article_from_text(response.text, url, url=url)
    except InputError as e:
        yield IngestError(e.source, e.message)


def read_stdin(fields: FieldMap, stream: io.TextIOBase | None = None) -> Iterator[Item]:
    """Standard input: JSONL when every line is an object, else one plain-text article."""
    text = (stream or sys.stdin).read()
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        yield from read_jsonl(lines, "<stdin>", fields)
        return
    try:
        yield article_from_text(text, "<stdin>")
    except InputError as e:
        yield IngestError(e.source, e.message)


def read_sources(sources: Iterable[str], fields: FieldMap | None = None) -> Iterator[Item]:
    """Every article of every source, in order: files, folders (recursively), URLs, ``-``.

    Args:
        sources: paths, folders, http(s) URLs, or ``-`` for standard input.
        fields: the field names of JSONL/CSV dumps.

    Yields:
        An Article per document read, an IngestError per input (or line) that failed.
    """
    fields = fields or FieldMap()
    for source in sources:
        if source == "-":
            yield from read_stdin(fields)
        elif source.startswith(("http://", "https://")):
            yield from read_url(source)
        else:
            path = Path(source)
            if path.is_dir():
                files = sorted(
                    p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                )
                if not files:
                    yield IngestError(source, "folder holds no .txt, .html, .jsonl or .csv files")
                for file in files:
                    yield from read_file(file, fields)
            else:
                yield from read_file(path, fields)
