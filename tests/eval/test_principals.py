"""How coded actors compare with gold annotations: states by code, organisations by name."""

from __future__ import annotations

from newsgraph.actors.kb import load_kb
from newsgraph.eval.principals import matches, principals


def _ref(actor_id: str) -> dict:
    actor = load_kb().actors[actor_id]
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
            "affiliation": actor.affiliation}


def test_a_state_organ_is_its_state_and_an_igo_organ_its_organisation() -> None:
    kb = load_kb()
    assert principals(_ref("un-security-council"), kb) >= {"un", "united nations", "un security council"}
    assert matches(["un"], [principals(_ref("un-security-council"), kb)])
    assert not matches(["nato"], [principals(_ref("un-security-council"), kb)])
    assert principals({"id": "RUS.MIL", "name": "Russian military", "kind": "military", "country": "RUS"}, kb) == {
        "RUS"
    }


def test_a_population_is_its_state_or_its_generic_name() -> None:
    kb = load_kb()
    civilians = kb.agent_actor("SYR", kb.agents["civilians"])
    ref = {"id": civilians.id, "name": civilians.name, "kind": civilians.kind, "country": "SYR",
           "sector": civilians.sector}
    assert {"SYR", "civilians", "syrian civilians"} <= principals(ref, kb)
    assert not matches(["refugees"], [principals(ref, kb)])
