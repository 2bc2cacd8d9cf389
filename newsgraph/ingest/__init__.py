"""Ingest: files, folders, URLs, dumps and stdin become Articles (or IngestErrors)."""

from newsgraph.ingest.readers import FieldMap, article_from_html, article_from_text, read_sources

__all__ = ["FieldMap", "article_from_html", "article_from_text", "read_sources"]
