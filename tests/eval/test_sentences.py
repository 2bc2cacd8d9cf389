"""The sentence scorers' PLOVER convention on events coded by the real pipeline."""

from __future__ import annotations

from newsgraph.eval.sentences import cameo_type, plover_type, score
from newsgraph.models import Article


def test_an_announced_act_of_material_conflict_is_a_threat(pipeline) -> None:
    text = "Russia announced in August 2014 that it will ban food imports from the European Union."
    (event,) = pipeline.extract(Article(text=text)).events
    assert (event.type, event.modality) == ("SANCTION", "planned")
    assert plover_type(event) == "THREATEN"


def test_an_announced_cooperative_act_is_an_agreement(pipeline) -> None:
    (event,) = pipeline.extract(Article(text="Japan will give food aid to North Korea next year.")).events
    assert (event.type, event.modality, plover_type(event)) == ("AID", "planned", "AGREE")


def test_per_dyad_scoring_counts_each_pair_of_a_compound_event(pipeline) -> None:
    events = pipeline.extract(Article(text="The United States and Britain condemned Iran in 2019.")).events
    assert len(events) == 1 and len(events[0].source) == 2
    gold = [[("ACCUSE", "USAGOV", "IRN"), ("ACCUSE", "GBRGOV", "IRN")]]
    by_event = score(gold, [events])["type_dyad"]["overall"]
    by_dyad = score(gold, [events], per_dyad=True)["type_dyad"]["overall"]
    assert (by_event["tp"], by_event["fn"], by_event["fp"]) == (1, 1, 0)  # one event, one match
    assert (by_dyad["tp"], by_dyad["fn"], by_dyad["fp"]) == (2, 0, 0)
    # a pair the gold does not list is a false positive of its own
    alone = score([[("ACCUSE", "USAGOV", "IRN")]], [events], per_dyad=True)["type_dyad"]["overall"]
    assert (alone["tp"], alone["fp"]) == (1, 1)


def test_cameo_codes_a_wished_attack_as_a_threat(pipeline) -> None:
    text = "Turkey wants to bomb Kurdish militia positions in northern Syria."
    (event,) = pipeline.extract(Article(text=text)).events
    assert (event.type, event.modality, cameo_type(event)) == ("ASSAULT", "planned", "THREATEN")


def test_cameo_codes_an_announced_cooperative_act_as_the_act(pipeline) -> None:
    (event,) = pipeline.extract(Article(text="Saudi Arabia will send food aid to Yemen next month.")).events
    assert (event.type, event.modality, cameo_type(event)) == ("AID", "planned", "AID")


def test_cameo_codes_a_told_attack_as_the_tellers_accusation_alone(pipeline) -> None:
    events = pipeline.extract(Article(text="Kyiv said Russian troops had shelled Kharkiv overnight.")).events
    assert {e.type for e in events} == {"ACCUSE", "ASSAULT"}
    told = [[("ACCUSE", "UKR", "RUS")]]
    cameo = score(told, [events], convention=cameo_type, per_dyad=True)["type_dyad"]["overall"]
    assert (cameo["tp"], cameo["fp"]) == (1, 0)
    # PLOVER's gold codes the telling as the act, with its attribution, and no accusation
    act = [[("ASSAULT", "RUS", "")]]
    plover = score(act, [events])["type_dyad"]["overall"]
    assert (plover["tp"], plover["fp"]) == (1, 0)
    # the teller named after the act
    events = pipeline.extract(Article(text="Russian troops had shelled Kharkiv overnight, Kyiv said.")).events
    assert {e.type for e in events} == {"ACCUSE", "ASSAULT"}
    cameo = score(told, [events], convention=cameo_type, per_dyad=True)["type_dyad"]["overall"]
    assert (cameo["tp"], cameo["fp"]) == (1, 0)


def test_plover_scores_an_accusation_whose_own_verb_charges(pipeline) -> None:
    events = pipeline.extract(Article(text="Georgia alleged that Russian jets had bombed villages near Gori.")).events
    by_type = score([[("ACCUSE", "GEO", "RUS"), ("ASSAULT", "RUS", "")]], [events])["type"]["overall"]
    assert (by_type["tp"], by_type["fp"]) == (2, 0)
