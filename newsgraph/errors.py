"""Exceptions newsgraph raises, one tree so callers can catch what they mean.

    NewsgraphError
     ├── InputError        an input (file, URL, line of a dump) cannot be read or is empty
     ├── ModelError        the requested spaCy pipeline is not installed
     ├── KnowledgeBaseError a knowledge-base or lexicon file is malformed
     ├── StoreError        the database cannot be opened or written
     └── QueryError        a read query names an unknown actor or asks for something impossible

Every message is one line that names the input and says what to do.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input cannot be read: missing, unreadable, empty or malformed."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class ModelError(NewsgraphError):
    """The spaCy pipeline asked for is not installed."""


class KnowledgeBaseError(NewsgraphError):
    """A knowledge-base, lexicon or user actor file is malformed."""


class StoreError(NewsgraphError):
    """The DuckDB database cannot be opened or written."""


class QueryError(NewsgraphError):
    """A read query (network, REST API, export) names an unknown actor or an impossible option."""
