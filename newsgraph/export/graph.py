"""Network exports: GraphML and GEXF (Gephi, yEd, networkx) and Cytoscape JSON.

All three write the graph of ``Network.graph``: nodes are actors (or countries at the country
level) and each directed edge is one tie. GraphML and GEXF hold only plain values, so the tie's
counts by type become a ``types`` text ("AID=2; CONSULT=1") and its QuadClass counts become
``quad1`` .. ``quad4``; GEXF edges also carry ``start``/``end`` (first and last event date) so
Gephi's timeline can play the network over time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.network import Level, Network, drawable
from newsgraph.store.queries import EventFilter


def plain_graph(graph: nx.DiGraph, dynamic: bool = False) -> nx.DiGraph:
    """A copy of a network graph whose attributes are str, int, float or bool only.

    Args:
        graph: a graph from ``Network.graph``.
        dynamic: add GEXF ``start``/``end`` attributes (ISO dates) to the edges.
    """
    flat = nx.DiGraph(level=str(graph.graph.get("level", "")))
    for node, data in graph.nodes(data=True):
        flat.add_node(
            node,
            label=data["name"],
            kind=data["kind"],
            country=data["country"] or "",
            events=int(data["events"]),
        )
    for source, target, data in graph.edges(data=True):
        attributes: dict[str, Any] = {
            "label": f"{data['source_name']} -> {data['target_name']}",
            "weight": float(data["events"]),
            "events": data["events"],
            "cooperation": data["cooperation"],
            "conflict": data["conflict"],
            "goldstein_sum": float(data["goldstein_sum"]),
            "articles": data["articles"],
            "publishers": data["publishers"],
            "types": "; ".join(f"{k}={v}" for k, v in data["by_type"].items()),
        }
        for quad in ("1", "2", "3", "4"):
            attributes[f"quad{quad}"] = int(data["by_quad"].get(quad, 0))
        if data["goldstein_mean"] is not None:
            attributes["goldstein_mean"] = float(data["goldstein_mean"])
        for key in ("first", "last"):
            if data[key] is not None:
                attributes[key] = data[key].isoformat()
        if dynamic and data["first"] is not None:
            attributes["start"] = data["first"].isoformat()
            attributes["end"] = (data["last"] or data["first"]).isoformat()
        flat.add_edge(source, target, **attributes)
    return flat


def write_graphml(
    network: Network,
    path: str | Path,
    where: EventFilter | None = None,
    level: Level = "actor",
    min_weight: int = 1,
    limit: int | None = None,
) -> int:
    """Write the network as GraphML; returns the number of edges written."""
    graph = plain_graph(network.graph(where, level, min_weight, limit))
    nx.write_graphml(graph, str(path), encoding="utf-8", prettyprint=True)
    return graph.number_of_edges()


def write_gexf(
    network: Network,
    path: str | Path,
    where: EventFilter | None = None,
    level: Level = "actor",
    min_weight: int = 1,
    limit: int | None = None,
) -> int:
    """Write the network as GEXF 1.2 (Gephi), edges dated; returns the number of edges."""
    graph = plain_graph(network.graph(where, level, min_weight, limit), dynamic=True)
    nx.write_gexf(graph, str(path), encoding="utf-8", prettyprint=True)
    return graph.number_of_edges()


def write_cytoscape(
    network: Network,
    path: str | Path,
    where: EventFilter | None = None,
    level: Level = "actor",
    min_weight: int = 1,
    limit: int | None = None,
) -> int:
    """Write Cytoscape JSON (``{"elements": {"nodes": [...], "edges": [...]}}``).

    The elements are those ``/api/graph`` serves, so Cytoscape desktop (File > Import > Network
    from file) and Cytoscape.js read the same drawing; ``networkx.cytoscape_graph`` reads it too.
    """
    drawn = drawable(network.graph(where, level, min_weight, limit))
    for node in drawn["nodes"]:
        node["data"]["value"] = node["data"]["id"]  # the node key networkx's reader expects
    document = {
        "format_version": "1.0",
        "directed": True,
        "multigraph": False,
        "generated_by": "newsgraph",
        "target_cytoscapejs_version": "~3.0",
        "data": {"name": f"newsgraph {drawn['level']} network", "level": drawn["level"]},
        "elements": {"nodes": drawn["nodes"], "edges": drawn["edges"]},
    }
    Path(path).write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(drawn["edges"])
