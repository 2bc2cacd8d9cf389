"""The bundled table of conflicts: every side names an actor the knowledge base knows."""

from __future__ import annotations

import pycountry
import pytest

from newsgraph.actors.kb import load_kb
from newsgraph.errors import KnowledgeBaseError
from newsgraph.time.conflicts import _conflict, conflict_between, load_conflicts


def test_every_side_is_a_known_actor_or_state() -> None:
    kb = load_kb()
    for conflict in load_conflicts():
        for side in conflict.sides:
            for name in side:
                known = name in kb.actors if name.islower() else pycountry.countries.get(alpha_3=name) is not None
                assert known, (conflict.name, name)
        assert conflict.end is None or conflict.start < conflict.end, conflict.name


def test_sides_match_either_way_round_and_by_state_organ() -> None:
    kb = load_kb()
    pkk, army = kb.actors["pkk"], kb.agent_actor("TUR", kb.agents["military"])
    assert conflict_between([pkk], [army]) is conflict_between([army], [pkk]) is not None
    assert conflict_between([pkk], [kb.actors["farc"]]) is None


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "X", "sides": [["pkk"]], "start": 1984}, "X: sides must be two non-empty lists of actors"),
        ({"name": "X", "sides": [["pkk"], []], "start": 1984}, "X: sides must be two non-empty lists of actors"),
        ({"name": "X", "sides": [["pkk"], ["TUR"]], "start": "the eighties"}, "X: start 'the eighties' is neither"),
        ({"name": "X", "sides": [["pkk"], ["TUR"]], "start": 1984, "end": "soon"}, "X: end 'soon' is neither"),
    ],
)
def test_a_malformed_conflict_is_one_line_naming_the_file_and_entry(entry: dict, message: str) -> None:
    with pytest.raises(KnowledgeBaseError) as error:
        _conflict(entry)
    text = str(error.value)
    assert text.startswith("conflicts.yaml: ") and message in text and "\n" not in text
