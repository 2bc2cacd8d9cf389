"""Exports: the network for Gephi/Cytoscape, events as tables, GDELT-style rows, FtM entities.

One module per format family; ``export`` is the single entry point the CLI calls::

    with Store("events.duckdb", read_only=True) as store:
        export(store, "graphml", "network.graphml", level="country")
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

from newsgraph.errors import QueryError
from newsgraph.network import Level, Network
from newsgraph.store.duckdb_store import Store
from newsgraph.store.queries import EventFilter

GRAPH_FORMATS = ("graphml", "gexf", "cytoscape")
EVENT_FORMATS = ("csv", "jsonl", "parquet", "gdelt", "ftm")
FORMATS = GRAPH_FORMATS + EVENT_FORMATS
# Formats that can be written to standard output (``-``); the others need a file.
STREAMABLE = ("jsonl", "gdelt", "ftm")


def export(
    store: Store,
    fmt: str,
    out: str | Path,
    where: EventFilter | None = None,
    level: Level = "actor",
    min_weight: int = 1,
    limit: int | None = None,
    header: bool = False,
) -> int:
    """Write one export; returns how many edges, events, rows or entities it wrote.

    Args:
        store: an open store.
        fmt: one of ``FORMATS``.
        out: the file to write, or ``-`` for standard output (``STREAMABLE`` formats).
        where: the events to export (network formats: the events the ties count).
        level: ``actor`` or ``country`` (network formats).
        min_weight: leave out ties with fewer events (network formats).
        limit: at most this many ties, the strongest (network formats); None for all.
        header: write the column names first (``gdelt``).

    Raises:
        QueryError: unknown format, or a file format asked for on standard output.
    """
    from newsgraph.export import events, ftm, gdelt, graph

    if fmt not in FORMATS:
        raise QueryError(f"format: {fmt!r} is not an export format ({', '.join(FORMATS)})")
    if str(out) == "-" and fmt not in STREAMABLE:
        raise QueryError(f"{fmt}: cannot write to standard output, give a file (--out FILE)")
    target: str | Path | IO[str] = sys.stdout if str(out) == "-" else out
    if fmt in GRAPH_FORMATS:
        writer = {
            "graphml": graph.write_graphml,
            "gexf": graph.write_gexf,
            "cytoscape": graph.write_cytoscape,
        }[fmt]
        return writer(Network(store), out, where, level, min_weight, limit)
    if fmt == "csv":
        return events.write_csv(store, out, where)
    if fmt == "parquet":
        return events.write_parquet(store, out, where)
    if fmt == "jsonl":
        return events.write_jsonl(store, target, where)
    if fmt == "gdelt":
        return gdelt.write_gdelt(store, target, where, header)
    return ftm.write_ftm(store, target, where)


__all__ = ["EVENT_FORMATS", "FORMATS", "GRAPH_FORMATS", "STREAMABLE", "export"]
