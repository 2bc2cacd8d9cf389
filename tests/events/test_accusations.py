"""Accusations told (events/accusations.py): a political actor telling of another's act of
conflict accuses it. Sentences written for the test; real spaCy model, real KB."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.conftest import one

PUBLISHED = dt.date(2015, 6, 23)


def countries(refs) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {a.country for a in refs}


def test_an_alleged_attack_is_also_the_speakers_accusation(code) -> None:
    events = code("Georgia alleged that Russian jets had bombed villages near Gori.")
    accusation = one(events, "ACCUSE")
    assert countries(accusation.source) == {"GEO"} and countries(accusation.target) == {"RUS"}
    assert accusation.rule == "accusation:allege"
    assert countries(one(events, "ASSAULT").source) == {"RUS"}
    # claiming one's own attack is no accusation
    assert "ACCUSE" not in {e.type for e in code("The Taliban claimed that they had attacked the base.")}
    # an allegation whose teller names no actor still tells the act
    attack = one(code("A leaked dossier alleged that Serbian paramilitaries had shelled Vukovar."), "ASSAULT")
    assert attack.modality == "reported"


def test_a_state_telling_of_anothers_attack_accuses_it(code) -> None:
    events = code("Kyiv said on Sunday that Russian troops had shelled Kharkiv on Friday.")
    accusation, attack = one(events, "ACCUSE"), one(events, "ASSAULT")
    assert countries(accusation.source) == {"UKR"} and countries(accusation.target) == {"RUS"}
    assert (accusation.rule, accusation.mode, accusation.modality) == ("accusation:say", "allege", "asserted")
    assert accusation.evidence.sentence == attack.evidence.sentence
    # the accusation is made when it is told; the attack stays reported, on Kyiv's word
    assert (accusation.date.start, attack.date.start) == (dt.date(2015, 6, 21), dt.date(2015, 6, 19))
    assert attack.modality == "reported" and [a.cue for a in attack.attribution] == ["said"]


def test_an_office_holder_or_an_organisation_telling_of_an_attack_accuses(code) -> None:
    events = code("President Zelensky said Russian missiles had struck a shopping centre in Kremenchuk.")
    assert countries(one(events, "ACCUSE").source) == {"UKR"}
    events = code("Amnesty International said Myanmar soldiers had burned Rohingya villages in Rakhine.")
    assert [a.name for a in one(events, "ACCUSE").source] == ["Amnesty International"]
    # the war monitor is an organisation of its own, not the Syrian state nor its host country
    events = code("The Syrian Observatory for Human Rights, which works from Britain, said Russian jets "
                  "bombed Saraqeb.")
    assert [a.id for a in one(events, "ACCUSE").source] == ["syrian-observatory-for-human-rights"]


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        ("A UN report said Sudanese troops had burned villages in North Darfur.", "un"),
        ("A statement issued by the Ethiopian army said Eritrean troops had shelled Adigrat.", "endf"),
        # a seat of government stands for its state
        ("A dossier released in the Cameroonian capital alleged that Nigerian soldiers had raided border "
         "villages.", "CMR"),
    ],
)  # fmt: skip
def test_a_document_tells_in_its_issuers_name(code, text: str, accuser: str) -> None:
    assert [a.id for a in one(code(text), "ACCUSE").source] == [accuser]


@pytest.mark.parametrize(
    "text",
    [
        "A report in the Washington Post said Saudi jets had bombed a school in Saada.",
        "A report released in Geneva said Russian jets had bombed a hospital in Idlib.",
    ],
)
def test_a_document_of_no_political_actor_accuses_no_one(code, text: str) -> None:
    assert "ACCUSE" not in {e.type for e in code(text)}


def test_an_attack_told_according_to_a_political_actor_is_its_accusation(code) -> None:
    events = code("Eritrean troops looted a hospital in Adigrat last month, according to Human Rights Watch.")
    accusation = one(events, "ACCUSE")
    assert [a.name for a in accusation.source] == ["Human Rights Watch"] and countries(accusation.target) == {"ERI"}
    assert accusation.rule == "accusation:according"
    # a news agency's account accuses no one
    events = code("Eritrean troops looted a hospital in Adigrat last month, according to Reuters.")
    assert "ACCUSE" not in {e.type for e in events}


def test_an_accusation_told_by_someone_else_is_reported(code) -> None:
    accusation = one(code("The newspaper wrote that Iran said Israeli jets had bombed its base near Homs."), "ACCUSE")
    assert countries(accusation.source) == {"IRN"} and countries(accusation.target) == {"ISR"}
    assert accusation.modality == "reported" and [a.cue for a in accusation.attribution] == ["wrote"]


@pytest.mark.parametrize(
    "text",
    [
        # a news outlet telling an attack reports it
        "Syrian state television said rebels shelled a school in Damascus.",
        "Reuters reported that Saudi jets bombed a market in Hodeidah.",
        # a bystander is no political actor, nor are people an actor's adjective describes
        "A witness said soldiers fired on the crowd in Cairo.",
        "American witnesses said Israeli bulldozers demolished homes in Rafah.",
        # telling one's own act claims it
        "The Pentagon said American jets struck Islamic State targets near Raqqa.",
        "The Kurdish militia said: \u201cOur fighters stormed the village overnight.\u201d",
        # an act told as not done, as possible or as planned charges no one
        "Iran said Israeli jets had not attacked its bases in Syria.",
        "Iran said Israel might attack its nuclear sites in the spring.",
        "Iran said Israel would attack its nuclear sites in the spring.",
        # a cooperative act, a denial, a background clause
        "Iran said the United States had agreed to hold talks in Geneva.",
        "Russia denied that its jets had bombed the hospital in Idlib.",
        "Uganda said it had compensated families for farms they lost when Idi Amin expelled them.",
        # a verb that grants what it tells charges no one; people are victims, not the accused
        "Pentagon officials confirmed that the two fugitives had been captured by Kurdish fighters.",
        "Amnesty International says hundreds of Yemeni civilians have died in air raids and shelling since January.",
    ],
)
def test_a_telling_that_is_no_accusation(code, text: str) -> None:
    assert "ACCUSE" not in {e.type for e in code(text)}, [(e.type, e.rule) for e in code(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a state telling of a third party's operation reports news: the teller is neither its
        # victim nor a monitor, and "said" charges no one ("alleged" would)
        "The Pentagon said Kurdish-led fighters had seized the town of Tabqa from Isis.",
        "Paris said Malian troops had attacked jihadist camps near Gao.",
        # "its own" is the doers', not the teller's
        "Moscow said the Ukrainian army had shelled its own positions near Avdiivka.",
    ],
)
def test_a_state_telling_of_a_third_partys_act_accuses_no_one(code, text: str) -> None:
    assert "ACCUSE" not in {e.type for e in code(text)}


def test_a_third_party_charging_with_its_own_verb_accuses(code) -> None:
    events = code("Washington alleged that Syrian jets had bombed Douma in April 2018.")
    assert countries(one(events, "ACCUSE").source) == {"USA"}


def test_the_accused_are_placed_as_the_acts_doers_are(code) -> None:
    # the act happened in Cairo: its doers, and so the accused, are Egypt's police
    events = code("Amnesty International said riot police had beaten students in Cairo.")
    assert countries(one(events, "ASSAULT").source) == countries(one(events, "ACCUSE").target) == {"EGY"}
    # unplaced, they are charged as what they are, not as the teller's compatriots
    events = code("Human Rights Watch said soldiers had shot dead five villagers.")
    assert countries(one(events, "ACCUSE").target) == {None}


@pytest.mark.parametrize(
    "text",
    [
        # the accused's denial: no shelling told as done, no one charged
        "Moscow denied that its artillery had shelled the Zaporizhzhia nuclear plant.",
        "The Kremlin denied that it had shelled the Zaporizhzhia nuclear plant.",
    ],
)
def test_a_denied_act_is_told_as_not_done(code, text: str) -> None:
    events = code(text)
    assert one(events, "ASSAULT").modality == "negated" and "ACCUSE" not in {e.type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian Observatory said regime forces had advanced into Palmyra from the west.",
        "The UN said Houthi rebels had seized the port of Hodeidah.",
    ],
)
def test_a_monitor_telling_of_ground_won_reports_the_war(code, text: str) -> None:
    assert "ACCUSE" not in {e.type for e in code(text)}


def test_the_side_that_lost_ground_telling_it_accuses(code) -> None:
    events = code("Georgia said Russian troops had occupied South Ossetia since 2008.")
    assert countries(one(events, "ACCUSE").target) == {"RUS"}


def test_an_act_told_by_a_charge_is_reported_on_the_chargers_word(code) -> None:
    events = code("Turkey charged that Kurdish militants had bombed a police station in Diyarbakir.")
    attack = one(events, "ASSAULT")
    assert attack.modality == "reported" and [a.cue for a in attack.attribution] == ["charged"]
    assert countries(one(events, "ACCUSE").source) == {"TUR"}


def test_of_several_tellers_only_the_victim_charges(code) -> None:
    events = code("Kyiv and Washington said Russian troops had shelled Kharkiv.")
    assert countries(one(events, "ACCUSE").source) == {"UKR"}
    # a verb that itself charges charges for all who tell it
    events = code("Kyiv and Washington alleged that Russian troops had shelled Kharkiv.")
    assert countries(one(events, "ACCUSE").source) == {"UKR", "USA"}
