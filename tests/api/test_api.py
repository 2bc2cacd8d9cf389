"""The REST API through the real FastAPI app over a real DuckDB file (TestClient, real HTTP)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.api.app import SECURITY_HEADERS, create_app
from newsgraph.errors import StoreError


@pytest.fixture(scope="module")
def client(handmade_path):
    with TestClient(create_app(handmade_path)) as client:
        yield client


def ok(client: TestClient, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_meta_lists_what_filters_can_choose(client):
    meta = ok(client, "/api/meta")
    assert (meta["first"], meta["last"], meta["events"]) == ("2001-10-09", "2020-02-29", 17)
    assert {p["publisher"] for p in meta["publishers"]} == {"Pravda", "The Guardian", "Reuters"}
    assert meta["levels"] == ["actor", "country"] and "ASSAULT" in meta["event_types"]
    assert meta["counts"]["articles"] == 7


def test_events_page_and_total(client):
    first = ok(client, "/api/events?limit=5")
    assert (first["total"], first["limit"], first["offset"], len(first["events"])) == (17, 5, 0, 5)
    rest = ok(client, "/api/events?limit=5&offset=15")
    assert len(rest["events"]) == 2
    ids = {e["id"] for e in first["events"]} | {e["id"] for e in rest["events"]}
    assert len(ids) == 7
    assert ok(client, "/api/events?offset=100")["events"] == []
    event = first["events"][0]
    assert {
        "id",
        "doc_id",
        "type",
        "source",
        "target",
        "date",
        "modality",
        "covert",
        "attribution",
        "evidence",
        "cameo",
        "quad_class",
        "goldstein",
        "article",
    } <= set(event)


@pytest.mark.parametrize(
    ("query", "total"),
    [
        ("actor=taliban", 7),
        ("source=RUS&target=taliban", 4),  # RUS matches Russian organs and officials too
        ("type=CONSULT", 4),
        ("type=consult,AGREE&type=AID", 10),
        ("from=2015-01-01&to=2018-12-31", 6),
        ("modality=reported", 2),
        ("modality=reported&modality=planned", 3),
        ("covert=true", 1),
        ("covert=false", 16),
        ("publisher=Reuters", 6),
        ("publisher=reuters,pravda", 12),
    ],
)
def test_event_filters(client, query, total):
    assert ok(client, f"/api/events?{query}")["total"] == total


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/events?type=FOO", "type: 'FOO' is not a PLOVER event type (AGREE, CONSULT"),
        (
            "/api/events?modality=alleged",
            "modality: 'alleged' is not a modality (asserted, reported",
        ),
        ("/api/events?from=yesterday", "from: Input should be a valid date"),
        ("/api/events?from=2020-01-01&to=2019-01-01", "from: 2020-01-01 is after to 2019-01-01"),
        ("/api/events?limit=0", "limit: Input should be greater than or equal to 1"),
        ("/api/events?covert=maybe", "covert: Input should be a valid boolean"),
        ("/api/graph?level=planet", "level: 'planet' is not a level (actor, country)"),
        ("/api/ties?window=week", "window: 'week' is not a time window (all, year, month)"),
        ("/api/paths?from=Atlantis&to=Taliban", "actor: no actor matches 'Atlantis'"),
        ("/api/paths?from=Russia", "to: Field required"),
        ("/api/timeline?by=week", "by: Input should be 'month' or 'year'"),
    ],
)
def test_bad_parameters_get_one_clear_line(client, url, message):
    response = client.get(url)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail.startswith(message), detail


def test_articles_list_and_text_with_spans(client):
    listed = ok(client, "/api/articles")["articles"]
    assert len(listed) == 7 and "text" not in listed[0]
    found = ok(client, "/api/articles?search=Doha")["articles"]
    assert [a["title"] for a in found] == ["US and Taliban sign Doha agreement"]
    article = ok(client, f"/api/articles/{found[0]['id']}")
    text = article["text"]
    assert article["mentions"] and all(text[m["start"] : m["end"]] == m["text"] for m in article["mentions"])
    assert [e["type"] for e in article["events"]] == ["AGREE", "AGREE", "AGREE"]
    for event in article["events"]:
        span = event["evidence"]
        assert text[span["start"] : span["end"]] == span["text"]


def test_unknown_ids_are_404(client):
    assert client.get("/api/articles/0000").json() == {"detail": "article: no article with id '0000'"}
    assert client.get("/api/articles/0000").status_code == 404
    assert client.get("/api/actors/nobody").status_code == 404


def test_actor_search_and_profile(client):
    found = ok(client, "/api/actors?search=tali")["actors"]
    assert [a["id"] for a in found] == ["taliban"]
    profile = ok(client, "/api/actors/taliban?by=year")
    assert profile["name"] == "Taliban" and profile["events"] == 7 and profile["articles"] == 4
    assert all("taliban" in (t["source"], t["target"]) for t in profile["ties"])
    series = {p["period"]: p["events"] for p in profile["timeline"]["series"]}
    assert series["2015"] == 3 and series["2020"] == 2


def test_ties_with_evidence_and_windows(client):
    ties = ok(client, "/api/ties?level=country&evidence=5&min_weight=2")["ties"]
    assert [(t["source"], t["target"], t["events"]) for t in ties] == [
        ("RUS", "taliban", 4),
        ("taliban", "USA", 2),
    ]
    assert len(ties[0]["evidence"]) == 4 and ties[0]["first"] == "2015-12-24"
    yearly = ok(client, "/api/ties?level=country&window=year&actor=taliban&limit=100")["ties"]
    assert ("RUS", "taliban", "2015", 3) in [(t["source"], t["target"], t["period"], t["events"]) for t in yearly]


def test_graph_ready_to_draw(client):
    graph = ok(client, "/api/graph?level=country")
    edges = {e["data"]["id"]: e["data"] for e in graph["edges"]}
    assert edges["RUS->taliban"]["events"] == 4 and edges["RUS->taliban"]["cooperation"] == 4
    assert {n["data"]["kind"] for n in graph["nodes"]} >= {"state", "armed_group", "igo", "person"}
    window = ok(client, "/api/graph?level=country&from=2019-01-01")
    assert {e["data"]["id"] for e in window["edges"]} == {"USA->taliban", "taliban->USA"}
    assert len(ok(client, "/api/graph?limit=3")["edges"]) == 3
    assert ok(client, "/api/graph?modality=negated")["edges"] == []


def test_edge_lists_its_events_with_evidence(client):
    edge = ok(client, "/api/edge?source=RUS&target=taliban&level=country")
    assert edge["total"] == 4
    sentences = [e["evidence"]["sentence"] for e in edge["events"]]
    assert "Zamir Kabulov met Taliban envoys in Moscow." in sentences
    assert ok(client, "/api/edge?source=RUS&target=taliban&level=country&modality=asserted")["total"] == 2


def test_paths_answer_how_russia_is_linked_to_the_taliban(client):
    found = ok(client, "/api/paths?from=Russia&to=Taliban&level=country&evidence=2")
    assert [n["id"] for n in found["paths"][0]["nodes"]] == ["RUS", "taliban"]
    dated = ok(client, "/api/paths?from=Russia&to=Taliban&level=country&start=2019-01-01")
    assert dated["paths"] == []  # no Russian tie in that window


def test_timeline_ego_blocs_centrality(client):
    timeline = ok(client, "/api/timeline?actor=Russia&other=Taliban&level=country&by=year")
    assert sum(p["events"] for p in timeline["series"]) == 5
    ego = ok(client, "/api/ego?actor=Taliban&level=country")
    assert {n["data"]["id"] for n in ego["nodes"]} == {"taliban", "RUS", "USA"}
    blocs = ok(client, "/api/blocs?level=country")["blocs"]
    assert any({m["id"] for m in b["members"]} == {"USA", "taliban"} for b in blocs)
    assert ok(client, "/api/centrality?level=country&top=1")["nodes"][0]["id"] == "RUS"


def test_read_only_and_security_headers(client):
    assert client.post("/api/events").status_code == 405
    assert client.delete("/api/articles/x").status_code == 405
    response = client.get("/api/meta")
    for header, value in SECURITY_HEADERS.items():
        assert response.headers[header] == value


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/events",
        "/api/ties",
        "/api/graph",
        "/api/paths",
        "/api/timeline",
    } <= set(paths)


def test_missing_database_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match=r"no such database \(create it with: newsgraph ingest"):
        create_app(tmp_path / "missing.duckdb")


@pytest.mark.slow
def test_api_over_the_real_pipeline_samples(samples_path):
    """Every sample coded by the real pipeline is served: events, spans, both graph levels."""
    with TestClient(create_app(samples_path)) as client:
        meta = ok(client, "/api/meta")
        events = ok(client, "/api/events?limit=1000")
        assert events["total"] == meta["events"] == len(events["events"]) > 50
        for article in ok(client, "/api/articles?limit=500")["articles"]:
            full = ok(client, f"/api/articles/{article['id']}")
            for event in full["events"]:
                span = event["evidence"]
                assert full["text"][span["start"] : span["end"]] == span["text"]
        for level in ("actor", "country"):
            graph = ok(client, f"/api/graph?level={level}")
            assert graph["nodes"] and graph["edges"]
        found = ok(client, "/api/paths?from=Russia&to=Taliban&level=country")
        assert found["paths"], "the samples link Russia to the Taliban"
