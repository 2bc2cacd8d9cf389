"""Readers: text, HTML, JSONL, CSV, folders, stdin, URLs, and one clear error per bad input."""

from __future__ import annotations

import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.ingest import FieldMap, read_sources
from newsgraph.ingest.readers import read_stdin
from newsgraph.models import Article, IngestError, content_id

BODY = (
    "Russia delivered 20,000 rifles to the Afghan police in Kabul on Saturday, officials said, "
    "in the largest single transfer of small arms since the fall of the Taliban in 2001."
)
HTML = f"""<html><head><title>Russia arms Afghan police</title>
<meta name="author" content="Nadia Sultani"><meta property="og:site_name" content="The Kabul Ledger">
<meta property="article:published_time" content="2010-11-13T21:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Russia arms Afghan police</h1><p>{BODY}</p>
<p>{BODY.replace("Saturday", "Sunday")}</p></article><footer>Copyright</footer></body></html>"""


def _all(sources: list[str], fields: FieldMap | None = None) -> list[Article | IngestError]:
    return list(read_sources(sources, fields))


def test_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    [article] = _all([str(path)])
    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.id == content_id(BODY)
    assert article.source_path == str(path)


def test_same_text_same_id_whatever_the_whitespace() -> None:
    assert content_id(BODY) == content_id("  " + BODY.replace(" ", "\n", 3) + "\n")


def test_html_with_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [article] = _all([str(path)])
    assert isinstance(article, Article)
    assert article.title == "Russia arms Afghan police"
    assert article.author == "Nadia Sultani"
    assert article.publisher == "The Kabul Ledger"
    assert article.published is not None and article.published.isoformat() == "2010-11-13"
    assert "20,000 rifles" in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text


def test_jsonl_keeps_id_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "wire-1", "text": BODY, "title": "T1", "published": "2010-11-13",
                    "author": "A", "source": "Steppe Wire", "url": "https://example.org/1"}),
        "{not json",
        json.dumps({"id": "wire-2", "headline": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "wire-3", "text": "   "}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _all([str(path)])
    assert isinstance(items[0], Article)
    assert items[0].external_id == "wire-1"
    assert items[0].publisher == "Steppe Wire"
    assert items[0].published.isoformat() == "2010-11-13"  # type: ignore[union-attr]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "malformed JSON" in errors[0].message
    assert "no text field" in errors[1].message
    assert "JSON object" in errors[2].message
    assert "empty text" in errors[3].message


def test_csv_with_configured_fields(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text(f'story,day\n"{BODY}",2010-11-13\n', encoding="utf-8")
    fields = FieldMap(text=["story"], published=["day"])
    [article] = _all([str(path)], fields)
    assert isinstance(article, Article)
    assert article.published.isoformat() == "2010-11-13"  # type: ignore[union-attr]
    [error] = _all([str(path)])
    assert isinstance(error, IngestError) and "no text column" in error.message


def test_guardian_csv_ingests_as_is(shared: Path) -> None:
    path = shared / "benchmarks" / "corpora" / "guardian_sdf" / "Guardian_SDF_sample.csv"
    items = _all([str(path)])
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 249
    assert not [i for i in items if isinstance(i, IngestError)]
    first = articles[0]
    assert first.external_id == "3"  # the unnamed row-id column
    assert first.published.isoformat() == "2019-04-10"  # type: ignore[union-attr]
    assert first.publisher == "Guardian"


def test_folder_recursion_and_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(BODY + " More.", encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("not an article", encoding="utf-8")
    items = _all([str(tmp_path)])
    assert [Path(i.source_path).name for i in items if isinstance(i, Article)] == ["a.txt", "c.txt"]


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    [error] = _all([str(tmp_path)])
    assert isinstance(error, IngestError) and "holds no" in error.message


def test_bad_inputs_do_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 au lait, said the minister.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    items = _all([str(tmp_path / "missing.txt"), str(latin), str(empty), str(good)])
    assert [type(i).__name__ for i in items] == ["IngestError", "IngestError", "IngestError", "Article"]
    assert str(items[0]).endswith("missing.txt: no such file")
    assert "not UTF-8" in str(items[1])
    assert "empty text" in str(items[2])


def test_stdin_text_and_jsonl() -> None:
    [article] = list(read_stdin(FieldMap(), io.StringIO(BODY)))
    assert isinstance(article, Article) and article.source_path == "<stdin>"
    jsonl = io.StringIO(json.dumps({"id": "x", "text": BODY}) + "\n" + json.dumps({"id": "y", "text": BODY + " B"}))
    items = list(read_stdin(FieldMap(), jsonl))
    assert [i.external_id for i in items if isinstance(i, Article)] == ["x", "y"]


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/article.html":
            payload, kind, status = HTML.encode(), "text/html; charset=utf-8", 200
        elif self.path == "/plain.txt":
            payload, kind, status = BODY.encode(), "text/plain; charset=utf-8", 200
        else:
            payload, kind, status = b"gone", "text/plain", 404
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_over_real_http(server: str) -> None:
    items = _all([f"{server}/article.html", f"{server}/plain.txt", f"{server}/missing"])
    assert isinstance(items[0], Article) and items[0].title == "Russia arms Afghan police"
    assert items[0].url == f"{server}/article.html"
    assert isinstance(items[1], Article) and items[1].text == BODY
    assert isinstance(items[2], IngestError) and "HTTP 404" in items[2].message


def test_unreachable_url() -> None:
    # Port 9 on loopback: nothing listens, the connection is refused at once.
    [error] = _all(["http://127.0.0.1:9/nothing"])
    assert isinstance(error, IngestError) and "unreachable" in error.message


def test_dumps_stream_and_keep_what_came_before_a_bad_block(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    good = json.dumps({"id": "ok", "text": BODY}).encode() + b"\n"
    dump.write_bytes(good + b'{"id": "bad", "text": "caf\xe9 ' + b"x" * 10 + b'"}\n')
    items = _all([str(dump)])
    assert isinstance(items[0], Article) and items[0].external_id == "ok"
    assert isinstance(items[-1], IngestError) and "not UTF-8" in items[-1].message
    assert items[-1].source.endswith("dump.jsonl:2")


def test_malformed_csv_row_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text(f'text,date\n"{BODY}",2010-11-13\n"broken"row,2010-11-14\n', encoding="utf-8")
    items = _all([str(path)])
    assert isinstance(items[0], Article)
    assert isinstance(items[1], IngestError) and "malformed CSV row" in items[1].message
