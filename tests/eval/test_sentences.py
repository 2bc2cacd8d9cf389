"""The sentence scorers' PLOVER convention on events coded by the real pipeline."""

from __future__ import annotations

from newsgraph.eval.sentences import plover_type
from newsgraph.models import Article


def test_an_announced_act_of_material_conflict_is_a_threat(pipeline) -> None:
    text = "Russia announced in August 2014 that it will ban food imports from the European Union."
    (event,) = pipeline.extract(Article(text=text)).events
    assert (event.type, event.modality) == ("SANCTION", "planned")
    assert plover_type(event) == "THREATEN"


def test_an_announced_cooperative_act_is_an_agreement(pipeline) -> None:
    (event,) = pipeline.extract(Article(text="Japan will give food aid to North Korea next year.")).events
    assert (event.type, event.modality, plover_type(event)) == ("AID", "planned", "AGREE")
