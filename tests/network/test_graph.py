"""Graph queries over the ties: drawable graph, ego network, paths, blocs, centrality."""

from __future__ import annotations

import pytest

from newsgraph.errors import QueryError
from newsgraph.network import Network, drawable
from newsgraph.store.queries import EventQuery


@pytest.fixture
def network(handmade_store):
    return Network(handmade_store)


def test_graph_nodes_carry_kind_and_activity(network):
    graph = network.graph(level="country")
    assert set(graph) == {"RUS", "USA", "AFG", "taliban", "northern-alliance", "eu", "hamid-karzai"}
    assert graph.nodes["RUS"] == {"name": "Russia", "kind": "state", "country": "RUS", "events": 14}
    assert graph.nodes["taliban"]["kind"] == "armed_group"
    assert graph.edges["RUS", "taliban"]["events"] == 4
    assert graph.graph == {"level": "country", "ties": 12}


def test_drawable_is_cytoscape_elements(network):
    drawn = drawable(network.graph(level="country", limit=2))
    assert drawn["level"] == "country" and drawn["ties"] == 2
    edge = drawn["edges"][0]["data"]
    assert edge["id"] == "RUS->taliban" and edge["source"] == "RUS" and edge["target"] == "taliban"
    assert edge["first"] == "2015-12-24"  # dates as ISO strings, ready for JSON
    assert {n["data"]["id"] for n in drawn["nodes"]} == {"RUS", "taliban", "USA"}
    assert all(n["data"]["label"] for n in drawn["nodes"])


def test_paths_between_russia_and_the_taliban(network):
    found = network.paths("Russia", "Taliban", level="actor", max_paths=3, evidence=5)
    assert found["source"]["id"] == "RUS" and found["target"]["id"] == "taliban"
    first = found["paths"][0]
    assert [n["id"] for n in first["nodes"]] == ["RUS", "taliban"] and first["hops"] == 1
    ties = first["edges"][0]["ties"]
    assert {(t["source"], t["target"]) for t in ties} == {("RUS", "taliban"), ("taliban", "RUS")}
    sentences = [e["evidence"]["sentence"] for t in ties for e in t["evidence"]]
    assert "The Taliban accused Russia of arming its enemies." in sentences
    assert [[n["id"] for n in p["nodes"]] for p in found["paths"]] == [
        ["RUS", "taliban"],
        ["RUS", "USA", "taliban"],
    ]  # only two chains exist: shortest first


def test_indirect_path_goes_through_intermediaries(network):
    found = network.paths("European Union", "Northern Alliance", level="country", evidence=1)
    assert [n["id"] for n in found["paths"][0]["nodes"]] == ["eu", "RUS", "northern-alliance"]
    hop = found["paths"][0]["edges"][1]
    assert hop["ties"][0]["evidence"][0]["type"] == "AID"


def test_paths_respect_filters_and_length(network):
    none = network.paths("European Union", "Northern Alliance", EventQuery(types=("SANCTION",)), level="country")
    assert none["paths"] == []
    short = network.paths("European Union", "Taliban", level="country", max_length=1)
    assert short["paths"] == []
    with pytest.raises(QueryError, match="same node"):
        network.paths("Russia", "Putin", level="country")


def test_ego_network(network):
    one = network.ego("Taliban", depth=1, level="country")
    assert set(one) == {"taliban", "RUS", "USA"}
    two = network.ego("Taliban", depth=2, level="country")
    assert {"eu", "northern-alliance", "AFG"} <= set(two)
    with pytest.raises(QueryError):
        network.ego("Taliban", depth=0)


def test_blocs_are_communities_of_cooperative_ties(network):
    blocs = network.blocs(level="country")
    members = [{m["id"] for m in b["members"]} for b in blocs]
    assert {"USA", "taliban"} in members
    assert any({"RUS", "northern-alliance"} <= m for m in members)
    assert not any({"RUS", "eu"} <= m for m in members)  # sanctions and threats: rivals
    assert [b["id"] for b in blocs] == list(range(1, len(blocs) + 1))


def test_centrality_puts_the_broker_first(network):
    rows = network.centrality(level="country")
    assert rows[0]["id"] == "RUS"
    assert rows[0]["partners"] == 6 and rows[0]["betweenness"] > 0
    assert {"events_in", "events_out", "eigenvector"} <= set(rows[0])
    assert network.centrality(EventQuery(types=("PROTEST",))) == []
