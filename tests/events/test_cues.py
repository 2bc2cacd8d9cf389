"""The cue lists a domain expert edits: a broken file is one clear error, not a KeyError."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import KnowledgeBaseError
from newsgraph.events.modality import load_cues, read_cues


def test_the_bundled_cues_load() -> None:
    assert "say" in load_cues().reporting


def test_a_missing_or_malformed_list_is_named(tmp_path: Path) -> None:
    bundled = Path(__file__).parents[2] / "newsgraph" / "events" / "data" / "cues.yaml"
    text = bundled.read_text(encoding="utf-8")
    broken = tmp_path / "cues.yaml"
    broken.write_text(text.replace("\nspeaking:", "\nspeakin:"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"cues\.yaml: missing or not a list of words: speaking$"):
        read_cues(broken)
    broken.write_text("reporting: [say\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"cues\.yaml: not valid YAML \(\S[^\n]*\)$"):
        read_cues(broken)


def test_a_broken_intent_entry_is_named() -> None:
    from newsgraph.events.lexicon import intents, load_lexicon

    assert load_lexicon().intent("0732") == ("0333", 5.2)  # the bundled table, longest prefix
    assert intents({"07": {"cameo": "033", "goldstein": "5.2"}}) == {"07": ("033", 5.2)}
    for broken in ({"07": {"cameo": "033"}}, {"07": {"cameo": "033", "goldstein": "high"}}, {"07": "033"}):
        with pytest.raises(KnowledgeBaseError, match=r"^ontology\.yaml: intent '07' needs a cameo code"):
            intents(broken)
