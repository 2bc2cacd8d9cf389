"""Fixtures: real DuckDB databases built from hand-coded and pipeline-coded articles."""

from tests.corpus import handmade_path, handmade_store, samples_path

__all__ = ["handmade_path", "handmade_store", "samples_path"]
