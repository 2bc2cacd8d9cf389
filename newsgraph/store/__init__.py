"""Store: the embedded DuckDB database and its read queries."""

from newsgraph.store.duckdb_store import BatchResult, Store
from newsgraph.store.queries import EventFilter, actors, articles, events, summary

__all__ = ["BatchResult", "EventFilter", "Store", "actors", "articles", "events", "summary"]
