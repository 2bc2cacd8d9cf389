"""Who backs, fights and answers whom in a war: recipients and types of events between the sides
of a conflict. Sentences written for the test; real spaCy model, real KB."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.models import Event
from tests.events.conftest import one

PUBLISHED = dt.date(2016, 3, 2)


def types(events: list[Event]) -> set[str]:
    return {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Saudi Arabia has been backing the Free Syrian Army since 2013.", "free-syrian-army"),
        ("Iran was supporting the Houthi rebels in Yemen in 2015.", "houthis"),
    ],
)
def test_backing_an_armed_side_is_military_aid(code, text: str, target: str) -> None:
    events = code(text)
    assert types(events) == {"AID"}, [(e.type, e.rule) for e in events]
    assert events[0].mode == "military" and [a.id for a in events[0].target] == [target]


def test_backing_a_government_stays_support(code) -> None:
    assert types(code("Germany backed the Greek government in 2015.")) == {"SUPPORT"}


def test_the_author_of_a_rejected_thing_is_the_recipient(code) -> None:
    event = one(code("Moscow rejected the plan that Washington had put forward."), "REJECT")
    assert [a.country for a in event.target] == ["USA"]


def test_a_un_envoy_acts_for_the_un_while_in_office(code) -> None:
    event = one(code("Moscow rejected the names that Staffan de Mistura wanted to add."), "REJECT")
    assert [(a.id, a.affiliation) for a in event.target] == [("staffan-de-mistura", "un")]


def test_an_object_that_is_the_fought_side(code) -> None:
    text = "Washington gave weapons to Kurdish militia in northern Syria that Ankara is fighting."
    event = one(code(text), "ASSAULT")
    assert [a.country for a in event.source] == ["TUR"] and [a.id for a in event.target] == ["ypg"]


def test_persuading_is_a_request(code) -> None:
    event = one(code("Turkey persuaded Russia to delay its offensive."), "REQUEST")
    assert [a.country for a in event.source] == ["TUR"] and [a.country for a in event.target] == ["RUS"]


def test_a_subject_read_with_a_fronted_month(code) -> None:
    event = one(code("In September Turkey persuaded Russia to delay its offensive."), "REQUEST")
    assert [a.country for a in event.source] == ["TUR"]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("The Saudi-led coalition has repeatedly launched airstrikes that have killed many civilians.", "population"),
        ("Turkey launched a military operation targeting Kurdish militias in Syria.", "armed_group"),
    ],
)
def test_an_attack_is_against_whom_its_describing_clause_strikes(code, text: str, victims: str) -> None:
    event = one(code(text), "ASSAULT")
    assert [a.kind for a in event.target] == [victims]


def test_an_infinitive_on_a_noun_of_planning_is_planned(code) -> None:
    event = one(code("Ankara's plans to launch a military operation against Kurdish militias in Syria worried "
                     "Washington."), "ASSAULT")
    assert event.modality == "planned"


def test_a_bombardment_by_planes_is_the_air_force_s(code) -> None:
    text = "The bombardment of the last rebel-held town by Russian and Syrian planes intensified."
    event = one(code(text), "ASSAULT")
    assert {a.country for a in event.source} == {"RUS", "SYR"}


def test_unplaced_rebels_belong_to_the_theatre_the_sources_fight_in(code) -> None:
    text = ("Syria's civil war entered its eighth year. The Syrian army lost Raqqa long ago. "
            "Syrian and Russian warplanes have bombed rebel-held positions.")
    event = one(code(text), "ASSAULT")
    assert [(a.kind, a.country) for a in event.target] == [("armed_group", "SYR")]
    # Russian jets alone over a Syrian story give the rebels no country
    alone = one(code("Syria's civil war entered its eighth year. Russian warplanes have bombed rebel-held positions."),
                "ASSAULT")
    assert [a.country for a in alone.target] == [None]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Kurdish officials asked the Syrian government to send troops to Afrin.", "pyd"),
        ("Iraq is holding elections. Kurdish officials asked Baghdad to pay the salaries of the Peshmerga.",
         "kurdistan-regional-government"),
        # the sentence's state before the article's: the story is about Iraq, this sentence about Syria
        ("Iraq is holding elections. Iraq's parliament met in Baghdad. Iraqi officials voted. In Syria, Kurdish "
         "officials asked the Syrian government to send troops to Afrin.", "pyd"),
    ],
)
def test_kurdish_officials_are_those_of_the_state_in_question(code, text: str, actor: str) -> None:
    event = one(code(text), "REQUEST")
    assert [a.id for a in event.source] == [actor]


def test_the_opposition_negotiators_are_one_body(code) -> None:
    event = one(code("Turkey urged the SNC to attend the talks in Geneva."), "REQUEST")
    assert [a.id for a in event.target] == ["syrian-opposition"]


def test_what_one_is_persuaded_to_hold_off_from_is_no_attack(code) -> None:
    events = code("In September 2018 Turkey persuaded Moscow to hold off from an attack on Idlib.")
    assert not [e for e in events if e.type == "ASSAULT" and e.modality != "negated"]


@pytest.mark.parametrize(
    "text",
    [
        "Colombia fought a long war with the FARC.",
        "The FARC, with whom Bogota fought a five-decade war, laid down its arms in 2017.",
        "Israeli troops clashed with Hezbollah fighters near the border.",
    ],
)
def test_a_fight_held_with_a_side_is_waged_by_both(code, text: str) -> None:
    events = [e for e in code(text) if e.type == "ASSAULT"]
    sides = {(tuple(a.id for a in e.source), tuple(a.id for a in e.target)) for e in events}
    assert len(sides) == 2 and {(t, s) for s, t in sides} == sides, [(e.rule, sides) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Protesters clashed with police in Nairobi.",  # rioters against the police: no war of two sides
        "Kurdish fighters fought with the US-led coalition against Isis.",  # an ally, not a foe
        "The Ethiopian army fought the TPLF in Tigray.",  # no "with": one side's attack
        "The rebels, who have fought with Isis in the past, were defeated.",  # maybe at its side
    ],
)
def test_a_fight_not_held_between_two_armed_sides_is_coded_once(code, text: str) -> None:
    assert len([e for e in code(text) if e.type == "ASSAULT"]) <= 1


def test_a_side_fought_with_against_a_third_is_an_ally(code) -> None:
    event = one(code("Peshmerga units that fought with the US against Isis in 2016 were disbanded."), "ASSAULT")
    assert [a.name for a in event.target] == ["Islamic State"]


def test_a_state_acting_against_an_armed_group_acts_with_its_forces(code) -> None:
    event = one(code("Turkey said it had neutralised 300 PKK militants."), "ASSAULT")
    assert [a.country for a in event.source] == ["TUR"] and [a.kind for a in event.target] == ["armed_group"]


@pytest.mark.parametrize(
    "text",
    [
        "Villagers drove out the Taliban fighters.",  # no state, no army: not an armed act
        "A Turkish suspect entered Syria in 2014.",  # a person entering a state
    ],
)
def test_an_act_only_forces_make_needs_forces_or_a_state_against_armed_men(code, text: str) -> None:
    assert "ASSAULT" not in types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Peshmerga fighters repelled an attack by Isis near Kirkuk.",
        "The Afghan army is fighting against an offensive by the Taliban in Kunduz.",
    ],
)
def test_an_attack_answered_by_force_is_coded_too(code, text: str) -> None:
    events = [e for e in code(text) if e.type == "ASSAULT"]
    sides = {(tuple(a.id for a in e.source), tuple(a.id for a in e.target)) for e in events}
    assert len(sides) == 2 and {(t, s) for s, t in sides} == sides, [(e.rule, sides) for e in events]


def test_condemning_an_attack_is_no_attack_on_the_condemner(code) -> None:
    assert types(code("The UN condemned an attack by Isis on Kirkuk.")) == {"ACCUSE"}


def test_unnamed_members_after_a_group_split_by_a_gloss_act_for_it(code) -> None:
    # "Daesh [Isis] militants": the bracketed gloss splits the name from the fighters, who are
    # still the group's, not rebels of the story's country
    event = one(code("Turkish troops killed dozens of Daesh [Isis] militants near al-Bab in 2017."), "ASSAULT")
    assert [a.id for a in event.target] == ["islamic-state"]
    # a state's adjective before them is no armed group: they stay that country's fighters
    event = one(code("Turkish troops killed dozens of Syrian militants near al-Bab in 2017."), "ASSAULT")
    assert [(a.kind, a.country) for a in event.target] == [("armed_group", "SYR")]


def test_a_state_officials_own_act_against_an_armed_group_is_the_states(code) -> None:
    # the president's "we" resolves to him, a person: his office makes it the state's act
    text = ("Turkish president Recep Tayyip Erdoğan spoke in Ankara on Tuesday. He accused Washington of "
            "arming Kurdish militias. “We neutralised hundreds of PKK militants in the mountains. We will "
            "go on.” Erdoğan also said he wanted talks with Moscow.")
    event = one(code(text), "ASSAULT")
    assert [a.id for a in event.target] == ["pkk"]
    # a citizen holding no office is no state
    assert "ASSAULT" not in types(code("A Turkish shepherd, Ahmet Demir, said he had neutralised two PKK militants."))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A delegation from Qatar arrived in Kabul for talks with the Taliban.", "QAT"),
        ("Envoys from the European Union met Georgian opposition leaders in Tbilisi.", "eu"),
        ("Inspectors from the IAEA visited the Natanz plant in Iran.", "iaea"),
    ],
)
def test_people_a_body_sends_act_for_it(code, text: str, source: str) -> None:
    events = code(text)
    assert events, text
    assert {a.country or a.id for e in events for a in e.source} == {source}, [(e.type, e.source) for e in events]


def test_defectors_from_a_group_do_not_act_for_it(code) -> None:
    assert not code("Defectors from the Taliban met Afghan officials in Kabul.")


def test_a_reported_gerund_is_done_by_its_by_phrase(code) -> None:
    # Kyiv reports the shelling; the forces of the "by" phrase shell
    event = one(code("Ukraine reported shelling by Russian forces."), "ASSAULT")
    assert [a.country for a in event.source] == ["RUS"] and not event.target
    assert event.modality == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "Monitors from the OSCE recorded heavy shelling around Avdiivka overnight.",
        "Villagers heard shooting near the Turkish border town of Akcakale.",
    ],
)
def test_a_witnessed_gerund_is_not_the_witness_s_act(code, text: str) -> None:
    # the monitors and the villagers report the act; they do not do it
    assert "ASSAULT" not in types(code(text)), text


def test_a_reported_gerund_with_its_own_object_is_the_reporter_s(code) -> None:
    event = one(code("The Nigerian army reported killing 30 Boko Haram fighters near Maiduguri."), "ASSAULT")
    assert [a.country for a in event.source] == ["NGA"]


def test_a_gerund_of_the_subject_keeps_it(code) -> None:
    event = one(code("Russia kept shelling Ukrainian positions near Bakhmut by night."), "ASSAULT")
    assert [a.country for a in event.source] == ["RUS"]


def test_victims_of_a_foreign_air_war_are_the_story_state_people(code) -> None:
    text = (
        "Syria's government lost control of much of Syria after 2011. Aid groups in Syria count the "
        "dead every week. On Monday twelve civilians were killed by Russian air strikes."
    )
    event = one(code(text), "ASSAULT")
    assert [a.country for a in event.source] == ["RUS"]
    assert [(a.kind, a.country) for a in event.target] == [("population", "SYR")]


def test_victims_of_a_state_at_home_are_its_people(code) -> None:
    text = "Russia fought two wars in Chechnya. Russian troops killed hundreds of civilians in 1995."
    (event,) = [e for e in code(text) if e.evidence.trigger == "killed"]
    assert [(a.kind, a.country) for a in event.target] == [("population", "RUS")]


def test_troops_at_home_kill_their_own_people_whoever_the_story_names_most(code) -> None:
    # Russia is named most, but the story's events happen in Syria: Syrian troops kill Syrians
    text = (
        "Russian jets have flown for Moscow since 2015, and Russia says Russian advisers train Russian "
        "allies. Putin toured a Russian base in Syria last year. On Sunday Syrian troops shot dead nine civilians."
    )
    (event,) = [e for e in code(text) if e.evidence.trigger == "shot"]
    assert [(a.kind, a.country) for a in event.target] == [("population", "SYR")]


def test_police_act_at_home_whatever_the_story(code) -> None:
    text = (
        "Egyptian police beat protesters on Friday. The United States criticised the crackdown, and "
        "American senators asked the US State Department to review American aid."
    )
    event = one(code(text), "ASSAULT")
    assert [(a.kind, a.country) for a in event.target] == [("population", "EGY")]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Four Afghan policemen died in a Taliban ambush near Kunduz on Sunday.", "taliban", "AFG"),
        ("Three Iraqi soldiers perished during an Islamic State raid on their base.", "islamic-state", "IRQ"),
        ("Several Wagner contractors are reported to have died in a US drone strike near Palmyra.", "USA", "RUS"),
    ],
)
def test_dying_in_a_lethal_act_is_the_doer_s_attack(code, text: str, source: str, target: str) -> None:
    event = one(code(text), "ASSAULT")
    assert [a.country if a.kind == "state" else a.id for a in event.source] == [source]
    assert [a.country for a in event.target] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "The former king died of cancer in a Geneva clinic in 2005.",
        "Two Iranian generals died in a helicopter crash in 2021.",
        "Two detainees died in Egyptian custody last year.",
        "Thousands of Iraqis died in Syria during the war.",
    ],
)
def test_dying_of_illness_in_a_crash_or_in_a_place_is_no_attack(code, text: str) -> None:
    assert "ASSAULT" not in types(code(text)), text


def test_a_clause_under_dying_keeps_the_subject(code) -> None:
    text = "Two Danish volunteers died in Syria while working with the YPG in 2017."
    event = one(code(text), "COOPERATE")
    assert [a.country for a in event.source] == ["DNK"]


def test_welcoming_visitors_is_hosting_them(code) -> None:
    event = one(code("Erdogan welcomed the Iranian delegation in Ankara in 2019."), "CONSULT")
    assert event.mode == "visit" and [a.country for a in event.target] == ["IRN"]


@pytest.mark.parametrize(
    "text",
    [
        "Biden welcomed the Saudi crown prince to the White House in 2022.",
        "Sunak received the emir of Qatar in Downing Street in 2023.",
    ],
)
def test_welcoming_a_royal_visitor_is_hosting_him(code, text: str) -> None:
    event = one(code(text), "CONSULT")
    assert event.mode == "visit", text


def test_welcoming_a_decision_stays_support(code) -> None:
    assert types(code("Germany welcomed the Iranian decision in 2015.")) == {"SUPPORT"}


def test_an_ambassador_recalled_from_a_capital_is_not_its_envoy(code) -> None:
    # "from Moscow" is where the envoy leaves, not whose envoy
    for event in code("Britain recalled the ambassador from Moscow in 2018."):
        assert "RUS" not in {a.country for a in event.source}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Erdogan vowed in 2018 to crush the YPG.", "ypg"),
        ("The YPG, which Erdogan has pledged to destroy, held the town in 2016.", "ypg"),
    ],
)
def test_a_promise_of_harm_to_no_one_is_a_threat(code, text: str, target: str) -> None:
    event = one(code(text), "THREATEN")
    assert [a.country for a in event.source] == ["TUR"] and [a.id for a in event.target] == [target]
    assert types(code(text)) == {"THREATEN"}  # no promise, and the act itself is only vowed


def test_a_promise_to_someone_to_fight_a_third_stays_a_promise(code) -> None:
    assert "AGREE" in types(code("Turkey pledged to Iraq in 2014 to fight the Islamic State."))


def test_crushing_a_hope_is_no_attack(code) -> None:
    text = "The Saudi prince moved to crush hopes of reform backed by the Qatari government in 2017."
    assert "ASSAULT" not in types(code(text))


@pytest.mark.parametrize(
    ("text", "side", "country"),
    [
        ("Syrian Kurds asked Washington for more weapons in 2015.", "source", "SYR"),
        ("Iraq's Kurds asked Baghdad for a share of oil revenue in 2017.", "source", "IRQ"),
        ("Turkish police detained dozens of British Kurds at the border in 2016.", "target", "GBR"),
    ],
)
def test_a_stateless_people_of_a_state_is_not_the_state(code, text: str, side: str, country: str) -> None:
    (event,) = [e for e in code(text) if e.type in ("REQUEST", "COERCE")]
    (people,) = getattr(event, side)
    assert (people.kind, people.country) == ("population", country), text


def test_a_state_adjective_before_other_nouns_is_still_the_state(code) -> None:
    event = one(code("Syrian troops shelled Daraa in 2011."), "ASSAULT")
    assert [a.kind for a in event.source] != ["population"]


@pytest.mark.parametrize(
    "text",
    [
        "Spain crushed Italy 4-0 in the Euro 2012 final in Kyiv.",
        "The ANC crushed the Democratic Alliance in South Africa's 2019 election.",
    ],
)
def test_crushing_a_rival_in_a_match_or_a_vote_is_no_attack(code, text: str) -> None:
    assert "ASSAULT" not in types(code(text)), text


def test_an_army_crushing_an_armed_group_attacks_it(code) -> None:
    event = one(code("The Sri Lankan army crushed the Tamil Tigers in 2009."), "ASSAULT")
    assert [a.country for a in event.source] == ["LKA"]


@pytest.mark.parametrize(
    "text",
    [
        "The Saudi-led coalition denied that any children died in its air raid on the market in Saada.",
        "Moscow denied that civilians were killed in its strikes on the town of Maarat al-Numan.",
    ],
)
def test_a_denied_death_in_the_denier_s_own_attack_is_negated(code, text: str) -> None:
    assert one(code(text), "ASSAULT").modality == "negated", text


def test_a_death_in_another_s_attack_denied_is_still_told(code) -> None:
    # the denier gainsays someone else's act: others tell it as done
    event = one(code("The UN denied that refugees died in Turkish shelling near Idlib in 2020."), "ASSAULT")
    assert event.modality != "negated"


def test_a_second_vowed_verb_is_vowed_too(code) -> None:
    text = "Obama vowed in 2014 to degrade and ultimately destroy the Islamic State."
    assert types(code(text)) == {"THREATEN"}


def test_a_reported_noun_act_is_not_the_reporter_s(code) -> None:
    # the separatists fight; Kyiv only reports it
    for event in code("Kyiv reported heavy fighting by pro-Russian separatists near Luhansk in 2014."):
        assert "UKR" not in {a.country for a in event.source}, event


def test_an_ordered_move_of_unnamed_troops_is_the_orderer_s(code) -> None:
    event = one(code("Paris ordered the deployment of troops to Mali in 2013."), "MOBILIZE")
    assert [a.country for a in event.source] == ["FRA"]


def test_a_backer_in_an_aside_is_no_target(code) -> None:
    event = one(code("Syrian troops shelled the town, backed by Russian aircraft."), "ASSAULT")
    assert "RUS" not in {a.country for a in event.target}


def test_a_thing_made_by_someone_is_theirs(code) -> None:
    event = one(code("Israel shot down a drone launched by Hezbollah in 2019."), "ASSAULT")
    assert "hezbollah" in {a.id for a in event.source} | {a.id for a in event.target}


def test_an_unnamed_addressee_is_not_replaced_by_the_asked_act_s_parties(code) -> None:
    # the force asks its allies; the Turkish army is what they should defend it from
    text = "The Kurdish-led force implored its allies to defend it from the Turkish military."
    event = one(code(text), "REQUEST")
    assert "TUR" not in {a.country for a in event.target}


def test_a_named_addressee_of_a_request_stays(code) -> None:
    event = one(code("The Kurdish-led force implored Washington in 2019 to defend it."), "REQUEST")
    assert [a.country for a in event.target] == ["USA"]


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("Putin ordered troops to pull out of Syria in March 2016.", "RETREAT", "RUS"),
        ("Erdogan ordered the army to enter Syria in 2016.", "ASSAULT", "TUR"),
    ],
)
def test_unnamed_forces_a_leader_orders_are_his_country_s(code, text: str, kind: str, country: str) -> None:
    event = one(code(text), kind)
    assert [a.country for a in event.source] == [country]


def test_unnamed_fighters_urged_by_a_body_stay_unnamed(code) -> None:
    # the UN has no army of its own: urging is no command
    for event in code("The UN urged rebels to leave Aleppo in 2016."):
        assert event.type != "RETREAT" or all(a.kind != "igo" for a in event.source)
