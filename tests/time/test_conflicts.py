"""The bundled table of conflicts: every side names an actor the knowledge base knows."""

from __future__ import annotations

import pycountry

from newsgraph.actors.kb import load_kb
from newsgraph.time.conflicts import conflict_between, load_conflicts


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
