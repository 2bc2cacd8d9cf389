"""The sentence scorers' PLOVER convention on events coded by the real pipeline."""

from __future__ import annotations

import pytest

from newsgraph.eval.sentences import cameo_type, plover_type, score
from newsgraph.events.lexicon import load_lexicon
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


@pytest.mark.parametrize(
    ("text", "kind", "cameo"),
    [
        ("Germany wants to send humanitarian aid to Sudan.", "AID", "033"),
        ("India offered military support to Sri Lanka.", "AID", "0332"),
        ("Norway is willing to send peacekeepers to Mali.", "AID", "0334"),
        ("Sweden is seeking to strengthen its ties with Finland.", "SUPPORT", "032"),
        # a wish told by an adjective is no act done
        ("China is keen to deepen its ties with Pakistan.", "SUPPORT", "032"),
        ("Cuba is eager to restore diplomatic relations with the United States.", "SUPPORT", "032"),
        # (the small model lemmatises "hoped" as "hop")
        ("Macron hoped to meet Putin in Paris.", "CONSULT", "036"),
        # a future told in the actor's own voice is a commitment
        ("Turkey said it would release the detained Greek soldiers.", "RETREAT", "0353"),
    ],
)
def test_cameo_codes_an_expressed_intent_to_cooperate_as_an_agreement(pipeline, text, kind, cameo) -> None:
    (event,) = pipeline.extract(Article(text=text)).events
    assert (event.type, event.modality, event.cameo, event.quad_class) == (kind, "planned", cameo, 1)
    assert cameo_type(event) == "AGREE" and plover_type(event) == "AGREE"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Modi will visit Nepal next week.", "CONSULT"),
        ("Putin is scheduled to meet Erdogan in Ankara on Monday.", "CONSULT"),
        ("Merkel is expected to visit China next month.", "CONSULT"),
        ("The United States plans to supply rockets to Ukraine.", "AID"),
        ("Iran decided to free the British tanker.", "RETREAT"),
        # someone else's word on the actor's plan, or wish for the actor's act, is no intent the
        # actor expressed
        ("The Kremlin said Putin would visit Turkey in March.", "CONSULT"),
        ("Iraq wants military support from the United States.", "AID"),
        ("Iraq is seeking to win the support of Iran.", "SUPPORT"),
    ],
)
def test_cameo_codes_a_scheduled_or_foretold_cooperative_act_as_the_act(pipeline, text, kind) -> None:
    (event,) = pipeline.extract(Article(text=text)).events
    assert (event.type, event.modality, cameo_type(event)) == (kind, "planned", kind)
    assert not (event.cameo or "").startswith("03")


def test_the_intent_code_of_an_act_is_that_of_its_longest_listed_prefix() -> None:
    lexicon = load_lexicon()
    assert lexicon.intent("0841") == ("0353", 7.0)  # release -> intent to release
    assert lexicon.intent("072") == ("0332", 5.2)
    assert lexicon.intent("07") == ("033", 5.2)
    assert lexicon.intent("18") is None and lexicon.intent("030") is None and lexicon.intent(None) is None


def test_an_act_both_sides_do_is_one_event_of_the_plover_unit(pipeline) -> None:
    # PLOVER codes a fight once, with both sides as actors; the pipeline codes it each way
    events = pipeline.extract(Article(text="Armenia and Azerbaijan fought a war in 2020.")).events
    assert sorted((e.source[0].country, e.target[0].country) for e in events) == [("ARM", "AZE"), ("AZE", "ARM")]
    by_event = score([[("ASSAULT", "ARM", "")]], [events])["type_dyad"]["overall"]
    assert (by_event["tp"], by_event["fp"], by_event["fn"]) == (1, 0, 0)
    # each direction is a record of its own for CAMEO coders
    gold = [[("ASSAULT", "ARM", "AZE"), ("ASSAULT", "AZE", "ARM")]]
    by_dyad = score(gold, [events], per_dyad=True)["type_dyad"]["overall"]
    assert (by_dyad["tp"], by_dyad["fp"], by_dyad["fn"]) == (2, 0, 0)


def test_cameo_codes_a_told_attack_as_the_tellers_accusation_alone(pipeline) -> None:
    events = pipeline.extract(Article(text="Kyiv said Russian troops had shelled Kharkiv overnight.")).events
    assert {e.type for e in events} == {"ACCUSE", "ASSAULT"}
    told = [[("ACCUSE", "UKR", "RUS")]]
    cameo = score(told, [events], convention=cameo_type, per_dyad=True)["type_dyad"]["overall"]
    assert (cameo["tp"], cameo["fp"]) == (1, 0)
    # the PLOVER convention scores both events: an accusation its gold does not code is a false
    # positive, not left out of the count
    act = [[("ASSAULT", "RUS", "")]]
    plover = score(act, [events])["type_dyad"]["overall"]
    assert (plover["tp"], plover["fp"]) == (1, 1)
    # the teller named after the act
    events = pipeline.extract(Article(text="Russian troops had shelled Kharkiv overnight, Kyiv said.")).events
    assert {e.type for e in events} == {"ACCUSE", "ASSAULT"}
    cameo = score(told, [events], convention=cameo_type, per_dyad=True)["type_dyad"]["overall"]
    assert (cameo["tp"], cameo["fp"]) == (1, 0)


def test_plover_scores_an_accusation_whose_own_verb_charges(pipeline) -> None:
    events = pipeline.extract(Article(text="Georgia alleged that Russian jets had bombed villages near Gori.")).events
    by_type = score([[("ACCUSE", "GEO", "RUS"), ("ASSAULT", "RUS", "")]], [events])["type"]["overall"]
    assert (by_type["tp"], by_type["fp"]) == (2, 0)
