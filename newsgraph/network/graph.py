"""Graph queries over the ties: the drawable graph, ego networks, paths, blocs, centrality.

The algorithms are networkx's; the ties come from ``TieTable`` (``ties.py``), which does the
aggregation in DuckDB, so only the strongest ties (``limit``) ever become Python objects.
"""

from __future__ import annotations

import datetime as dt
from itertools import islice, pairwise
from typing import Any

import networkx as nx

from newsgraph.errors import QueryError
from newsgraph.network.ties import Level, TieTable
from newsgraph.store.queries import EventFilter

DEFAULT_EDGES = 400  # ties drawn by /api/graph unless asked otherwise
MAX_EDGES = 20_000  # ties loaded for ego networks, paths, blocs and centrality


class Network(TieTable):
    """The actor network of a store: ties (``TieTable``) and the graph queries over them.

    Args:
        store: an open store (read-only is enough). The ties are a snapshot: call ``refresh``
            after writing to the store through the same connection.
    """

    # Graphs ---------------------------------------------------------------------------------
    def graph(
        self,
        where: EventFilter | None = None,
        level: Level = "actor",
        min_weight: int = 1,
        limit: int | None = DEFAULT_EDGES,
        activity: bool = True,
    ) -> nx.DiGraph:
        """The directed graph of the strongest ties: nodes carry name, kind, country, events.

        Node ``events`` is the number of matching events the node takes part in (with
        ``activity``; otherwise the events of its drawn ties). Edge attributes are the ``Tie``
        fields; ``graph.graph`` holds the level and the number of ties before the limit.
        """
        ties = self.ties(where, level, "all", min_weight, limit)
        graph = nx.DiGraph(level=level, ties=len(ties))
        ids = {tie.source for tie in ties} | {tie.target for tie in ties}
        nodes = self.nodes(ids, level)
        counts = self._activity(ids, where, level) if activity else {}
        for node_id in sorted(ids):
            node = nodes[node_id]
            node.events = counts.get(node_id, 0)
            graph.add_node(node_id, **{k: v for k, v in node.to_dict().items() if k != "id"})
        for tie in ties:
            graph.add_edge(
                tie.source,
                tie.target,
                **{k: v for k, v in vars(tie).items() if k not in ("source", "target")},
            )
        if not activity:
            for node_id in graph:
                graph.nodes[node_id]["events"] = int(graph.degree(node_id, weight="events"))
        return graph

    def ego(
        self,
        actor: str,
        depth: int = 1,
        where: EventFilter | None = None,
        level: Level = "actor",
        min_weight: int = 1,
        limit: int = MAX_EDGES,
    ) -> nx.DiGraph:
        """The ego network of an actor: nodes within ``depth`` ties of it, either direction.

        The graph is cut from the ``limit`` strongest ties matching the filter.
        """
        if depth < 1:
            raise QueryError(f"depth: {depth} (must be 1 or more)")
        center = self.resolve(actor, level)
        graph = self.graph(where, level, min_weight, limit)
        if center not in graph:
            graph = nx.DiGraph(level=level, ties=0)
            node = self.nodes([center], level)[center]
            graph.add_node(center, **{k: v for k, v in node.to_dict().items() if k != "id"})
            return graph
        ego = nx.ego_graph(graph, center, radius=depth, undirected=True).copy()
        ego.graph["center"] = center
        return ego

    def paths(
        self,
        source: str,
        target: str,
        where: EventFilter | None = None,
        level: Level = "actor",
        max_paths: int = 3,
        max_length: int = 4,
        evidence: int = 5,
        min_weight: int = 1,
    ) -> dict[str, Any]:
        """How two actors are linked: the shortest chains of ties, with the events on each link.

        Links are undirected (a tie either way links two nodes); among paths of equal length
        the ones over stronger ties come first.

        Returns:
            ``source`` and ``target`` nodes and ``paths``: each a list of ``nodes`` and of
            ``edges`` with the ties both ways and their evidence.
        """
        start, end = self.resolve(source, level), self.resolve(target, level)
        names = self.nodes([start, end], level)
        result: dict[str, Any] = {
            "source": names[start].to_dict(),
            "target": names[end].to_dict(),
            "level": level,
            "paths": [],
        }
        if start == end:
            raise QueryError(f"paths: {source!r} and {target!r} are the same node ({start})")
        links = _undirected(self.graph(where, level, min_weight, MAX_EDGES, activity=False))
        if start not in links or end not in links:
            return result
        try:
            found = list(islice(nx.shortest_simple_paths(links, start, end, weight="cost"), max_paths))
        except nx.NetworkXNoPath:
            return result
        found = [p for p in found if len(p) - 1 <= max_length]
        hops = {tuple(sorted(pair)) for p in found for pair in pairwise(p)}
        nodes = self.nodes({n for p in found for n in p}, level)
        ties = {pair: self.ties(where, level, between=(pair[0], pair[1]), evidence=evidence) for pair in hops}
        for path in found:
            edges = []
            for u, v in pairwise(path):
                both = ties[tuple(sorted((u, v)))]
                edges.append(
                    {
                        "source": u,
                        "target": v,
                        "events": sum(t.events for t in both),
                        "ties": [t.to_dict() for t in both],
                    }
                )
            result["paths"].append({"nodes": [nodes[n].to_dict() for n in path], "hops": len(path) - 1, "edges": edges})
        return result

    def blocs(
        self,
        where: EventFilter | None = None,
        level: Level = "country",
        min_weight: int = 1,
        limit: int = MAX_EDGES,
    ) -> list[dict[str, Any]]:
        """Blocs: communities (Louvain, networkx) of the net-cooperative ties.

        A pair of nodes is linked when its cooperative events (QuadClass 1-2, both directions)
        outnumber its conflictual ones; the link weight is the cooperative count. Blocs of one
        node are left out.
        """
        links = _undirected(self.graph(where, level, min_weight, limit, activity=False))
        cooperative = nx.Graph()
        cooperative.add_edges_from(
            (u, v, {"weight": d["cooperation"]})
            for u, v, d in links.edges(data=True)
            if d["cooperation"] > d["conflict"]
        )
        if cooperative.number_of_edges() == 0:
            return []
        communities = nx.community.louvain_communities(cooperative, weight="weight", seed=0)
        members = [sorted(c) for c in communities if len(c) > 1]
        nodes = self.nodes({n for c in members for n in c}, level)
        blocs = []
        for community in members:
            inner = links.subgraph(community)
            blocs.append(
                {
                    "members": [nodes[n].to_dict() for n in community],
                    "cooperation": sum(d["cooperation"] for _, _, d in inner.edges(data=True)),
                    "conflict": sum(d["conflict"] for _, _, d in inner.edges(data=True)),
                }
            )
        blocs.sort(key=lambda b: (-len(b["members"]), -b["cooperation"]))
        for number, bloc in enumerate(blocs, 1):
            bloc["id"] = number
        return blocs

    def centrality(
        self,
        where: EventFilter | None = None,
        level: Level = "actor",
        top: int = 25,
        min_weight: int = 1,
        limit: int = MAX_EDGES,
    ) -> list[dict[str, Any]]:
        """The most central nodes: partners, events in and out, betweenness and eigenvector.

        Betweenness is sampled over 500 pivots on graphs larger than that (seeded, so stable);
        eigenvector centrality is None when it does not converge.
        """
        graph = self.graph(where, level, min_weight, limit, activity=False)
        if graph.number_of_nodes() == 0:
            return []
        links = _undirected(graph)
        sample = 500 if links.number_of_nodes() > 500 else None
        betweenness = nx.betweenness_centrality(links, k=sample, seed=0)
        try:
            eigenvector: dict[str, float] = nx.eigenvector_centrality(links, weight="events", max_iter=1000)
        except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
            eigenvector = {}
        rows = [
            {
                "id": n,
                "name": graph.nodes[n]["name"],
                "kind": graph.nodes[n]["kind"],
                "country": graph.nodes[n]["country"],
                "partners": links.degree(n),
                "events_out": int(graph.out_degree(n, weight="events")),
                "events_in": int(graph.in_degree(n, weight="events")),
                "betweenness": round(betweenness.get(n, 0.0), 4),
                "eigenvector": round(eigenvector[n], 4) if n in eigenvector else None,
            }
            for n in graph
        ]
        rows.sort(key=lambda r: (-r["betweenness"], -(r["events_in"] + r["events_out"]), r["id"]))
        return rows[:top]


def _undirected(graph: nx.DiGraph) -> nx.Graph:
    """Both directions of every pair as one link: events, cooperation and conflict summed."""
    links = nx.Graph()
    links.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        link = links.get_edge_data(u, v) or {"events": 0, "cooperation": 0, "conflict": 0}
        links.add_edge(u, v, **{k: link[k] + data[k] for k in ("events", "cooperation", "conflict")})
    for _, _, data in links.edges(data=True):
        data["cost"] = 1 + 1 / (1 + data["events"])  # fewest hops first, then stronger ties
    return links


def drawable(graph: nx.DiGraph) -> dict[str, Any]:
    """A graph as Cytoscape.js elements: ``{"nodes": [{"data": ...}], "edges": [...]}``.

    The shape ``/api/graph`` serves and the Cytoscape JSON export writes; dates become ISO
    strings, each edge gets the id ``source->target``.
    """
    nodes = [{"data": {"id": n, "label": d.get("name", n), **_plain(d)}} for n, d in graph.nodes(data=True)]
    edges = [{"data": {"id": f"{u}->{v}", "source": u, "target": v, **_plain(d)}} for u, v, d in graph.edges(data=True)]
    return {
        "nodes": nodes,
        "edges": edges,
        "level": graph.graph.get("level"),
        "ties": graph.graph.get("ties", len(edges)),
    }


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items() if k != "evidence"}
