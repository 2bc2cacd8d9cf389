"""The actor stage's phrase patterns: read back from the cache as the tokenizer splits them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from newsgraph.actors.kb import load_kb
from newsgraph.actors.patterns import matchers, terms


def _patterns(matcher: PhraseMatcher) -> dict[str, set[tuple[int, ...]]]:
    """A matcher's patterns, as it pickles them (key -> token attribute arrays)."""
    patterns: dict[str, set[tuple[int, ...]]] = matcher.__reduce__()[1][1]
    return patterns


def test_cached_patterns_are_the_docs_the_tokenizer_makes(  # type: ignore[no-untyped-def]
    pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    nlp, kb = pipeline.nlp, load_kb()
    built = matchers(nlp, kb)  # tokenises the phrases and writes the cache
    assert [p.name.split("-")[1] for p in tmp_path.iterdir()] == ["patterns"]
    read = matchers(nlp, kb)  # reads it
    for found, attr, first, second in zip(terms(kb), ("LOWER", "ORTH"), built, read, strict=True):
        fresh = PhraseMatcher(nlp.vocab, attr=attr)
        for key, texts in found.items():
            fresh.add(key, [nlp.make_doc(text) for text in texts])
        assert _patterns(first) == _patterns(second) == _patterns(fresh)
        assert len(first) == len(second) == len(fresh) > 100


def test_a_new_phrase_is_a_new_key(pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    kb = load_kb()
    matchers(pipeline.nlp, kb)
    grown = dataclasses.replace(kb, agents={**kb.agents, "zz-test-agent": next(iter(kb.agents.values()))})
    lower, _ = matchers(pipeline.nlp, grown)
    assert "agent:zz-test-agent" in lower
    assert len(list(tmp_path.glob("actor-patterns-*.pickle"))) == 2
