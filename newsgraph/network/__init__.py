"""The network stage: ties between actors and the graph queries an analyst asks of them.

``TieTable`` (``ties.py``) aggregates events into ties in DuckDB; ``Network`` (``graph.py``)
adds the networkx queries. Typical use::

    from newsgraph.network import Network
    with Store("events.duckdb", read_only=True) as store:
        network = Network(store)
        network.paths("Russia", "Taliban", level="country")
"""

from newsgraph.network.graph import DEFAULT_EDGES, MAX_EDGES, Network, drawable
from newsgraph.network.ties import LEVELS, WINDOWS, Level, Node, Tie, TieTable, Window, check_level

__all__ = [
    "DEFAULT_EDGES",
    "LEVELS",
    "MAX_EDGES",
    "WINDOWS",
    "Level",
    "Network",
    "Node",
    "Tie",
    "TieTable",
    "Window",
    "check_level",
    "drawable",
]
