"""Each export opens in its consumer's parser: networkx, csv, pyarrow, GDELT layout, FtM."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import QueryError
from newsgraph.export import FORMATS, export
from newsgraph.export.gdelt import GDELT_COLUMNS
from newsgraph.store.queries import EventQuery


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path


def test_graphml_opens_in_networkx(handmade_store, out):
    path = out / "network.graphml"
    assert export(handmade_store, "graphml", path, level="country") == 12
    graph = nx.read_graphml(path)
    assert graph.is_directed() and graph.number_of_edges() == 12
    assert graph.nodes["RUS"]["label"] == "Russia" and graph.nodes["taliban"]["kind"] == "armed_group"
    edge = graph.edges["RUS", "taliban"]
    assert (edge["events"], edge["weight"], edge["cooperation"], edge["conflict"]) == (4, 4.0, 4, 0)
    assert edge["types"] == "AID=1; CONSULT=2; COOPERATE=1"
    assert (edge["quad1"], edge["quad2"], edge["first"], edge["last"]) == (
        2,
        2,
        "2015-12-24",
        "2018-03-23",
    )


def test_gexf_opens_in_networkx_with_dated_edges(handmade_store, out):
    path = out / "network.gexf"
    assert export(handmade_store, "gexf", path, level="actor", min_weight=1) == 16
    graph = nx.read_gexf(path)
    edge = graph.edges["RUS.SPY", "taliban"]
    assert (edge["start"], edge["end"], edge["events"]) == ("2015-12-24", "2015-12-24", 1)
    assert graph.nodes["RUS.SPY"]["label"] == "Russian intelligence"
    assert 'timeformat="date"' in path.read_text(encoding="utf-8")


def test_cytoscape_json_opens_in_networkx(handmade_store, out):
    path = out / "network.cyjs"
    export(handmade_store, "cytoscape", path, level="country")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert set(document["elements"]) == {"nodes", "edges"}
    graph = nx.cytoscape_graph(document)
    assert graph.is_directed() and graph.has_edge("RUS", "taliban")
    assert graph.edges["RUS", "taliban"]["events"] == 4


def test_csv_has_one_flat_row_per_event(handmade_store, out):
    path = out / "events.csv"
    assert export(handmade_store, "csv", path) == 17
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 17
    aid = next(r for r in rows if r["type"] == "AID" and r["target_ids"] == "taliban")
    assert (aid["source_names"], aid["modality"], aid["attribution"]) == (
        "Russia",
        "reported",
        "United States (accused)",
    )
    assert aid["evidence_sentence"] == "The United States accused Russia of supplying arms to the Taliban."
    assert aid["url"] == "https://news.example.org/us-accuses-russia"


def test_parquet_opens_in_pyarrow(handmade_store, out):
    pq = pytest.importorskip("pyarrow.parquet")
    path = out / "events.parquet"
    assert export(handmade_store, "parquet", path, EventQuery(types=("CONSULT",))) == 4
    table = pq.read_table(path)
    assert table.num_rows == 4
    assert {
        "id",
        "type",
        "source_ids",
        "target_ids",
        "date_start",
        "evidence_sentence",
        "goldstein",
        "publisher",
        "url",
    } <= set(table.column_names)
    assert set(table.column("type").to_pylist()) == {"CONSULT"}


def test_jsonl_lines_are_the_event_records(handmade_store, out):
    path = out / "events.jsonl"
    assert export(handmade_store, "jsonl", path, EventQuery(actor="taliban")) == 7
    events = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(events) == 7
    assert all(e["source"] and "evidence" in e and "attribution" in e for e in events)
    dates = [e["date"]["start"] for e in events]
    assert dates == sorted(dates, reverse=True)


def test_gdelt_table_has_the_gdelt_2_layout(handmade_store, out):
    path = out / "events.gdelt.tsv"
    rows_written = export(handmade_store, "gdelt", path, header=True)
    lines = path.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0].split("\t"), [line.split("\t") for line in lines[1:]]
    assert len(GDELT_COLUMNS) == 61 and header == list(GDELT_COLUMNS)
    # Positions of the GDELT 2.0 event codebook (0-based).
    for index, name in {
        0: "GLOBALEVENTID",
        1: "SQLDATE",
        5: "Actor1Code",
        15: "Actor2Code",
        25: "IsRootEvent",
        26: "EventCode",
        28: "EventRootCode",
        29: "QuadClass",
        30: "GoldsteinScale",
        34: "AvgTone",
        51: "ActionGeo_Type",
        59: "DATEADDED",
        60: "SOURCEURL",
    }.items():
        assert header[index] == name
    assert rows_written == len(rows) == 17 and all(len(r) == 61 for r in rows)
    cooperate = next(r for r in rows if r[26] == "06")
    assert cooperate[1] == "20151224" and cooperate[2] == "201512" and cooperate[3] == "2015"
    assert (cooperate[5], cooperate[7], cooperate[12]) == ("RUSSPY", "RUS", "SPY")
    assert (cooperate[15], cooperate[16], cooperate[17]) == ("AFGREB", "TALIBAN", "AFG")
    assert (cooperate[29], cooperate[30]) == ("2", "6")
    assert cooperate[60] == "https://news.example.org/russia-taliban-contacts"
    assert len(set(r[0] for r in rows)) == 17 and all(r[0].isdigit() for r in rows)
    consult = next(r for r in rows if r[16] == "DMITRY MEDVEDEV")
    assert (consult[51], consult[52], consult[53]) == ("4", "Moscow", "RUS")  # a world city
    mobilise = next(r for r in rows if r[26] == "15")
    assert mobilise[15] == mobilise[16] == ""  # no target: empty Actor2


def test_followthemoney_entities_validate(handmade_store, out):
    model = pytest.importorskip("followthemoney").model
    path = out / "entities.ftm.json"
    count = export(handmade_store, "ftm", path)
    entities = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert count == len(entities)
    ids = {e["id"] for e in entities}
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None, entity["schema"]
        schema.validate(entity)  # raises InvalidData on a bad or missing property
        proxy = model.get_proxy(entity)
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, f"{entity['schema']}.{prop.name} dangles"
    by_schema: dict[str, list[dict]] = {}
    for entity in entities:
        by_schema.setdefault(entity["schema"], []).append(entity)
    assert {"Person", "Organization", "PublicBody", "UnknownLink", "Membership", "Event"} <= set(by_schema)
    taliban = next(e for e in by_schema["Organization"] if e["properties"]["name"] == ["Taliban"])
    assert taliban["properties"]["country"] == ["af"]
    link = next(e for e in by_schema["UnknownLink"] if e["properties"]["role"] == ["COOPERATE"])
    assert link["properties"]["object"] == [taliban["id"]]
    assert link["properties"]["startDate"] == ["2015-12-24"]
    assert link["properties"]["sourceUrl"] == ["https://news.example.org/russia-taliban-contacts"]
    assert "covert" in link["properties"]["description"][0]
    member = by_schema["Membership"][0]["properties"]
    assert member["organization"] == [taliban["id"]] or member["organization"]


def test_unknown_format_and_stdout_rules(handmade_store):
    with pytest.raises(QueryError, match="is not an export format"):
        export(handmade_store, "pdf", "x.pdf")
    with pytest.raises(QueryError, match="cannot write to standard output"):
        export(handmade_store, "parquet", "-")
    assert set(FORMATS) == {
        "graphml",
        "gexf",
        "cytoscape",
        "csv",
        "jsonl",
        "parquet",
        "gdelt",
        "ftm",
    }


def test_cli_export(handmade_path, out):
    runner = CliRunner()
    path = out / "country.graphml"
    result = runner.invoke(
        app,
        [
            "export",
            "graphml",
            "--db",
            str(handmade_path),
            "--out",
            str(path),
            "--level",
            "country",
            "--from",
            "2015-01-01",
        ],
    )
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(path).has_edge("RUS", "taliban")
    result = runner.invoke(app, ["export", "gdelt", "--db", str(handmade_path), "--type", "AID"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2
    missing = runner.invoke(app, ["export", "csv", "--db", str(out / "none.duckdb"), "-o", "x.csv"])
    # rich wraps long lines at the terminal width: compare the words
    assert missing.exit_code == 2 and "none.duckdb: no such database" in " ".join(missing.output.split())
