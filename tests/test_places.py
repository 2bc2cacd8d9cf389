"""Where events happened: sentences written for these tests, coded by the real pipeline."""

from __future__ import annotations

import datetime as dt

from newsgraph.models import Article, Event


def code(pipeline, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return pipeline.extract(Article(text=text, published=dt.date(2018, 2, 6))).events


def test_the_town_of_a_place_is_that_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = code(pipeline, "Syrian jets shelled the town of Douma in eastern Ghouta.")
    assert event.place is not None and (event.place.name, event.place.country) == ("Dūmā", "SYR")


def test_a_participle_happens_where_its_clause_does(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the bombardment of Idlib" places the clause; "killing four people" has no place of its own
    (event,) = code(pipeline, "Russian jets renewed their bombardment of Idlib on Monday, killing four people.")
    assert event.place is not None and event.place.name == "Idlib"
    # its victims are the place's people, named by the text, not the place's state
    assert [(a.kind, a.country) for a in event.target] == [("population", "SYR")]


def test_a_city_named_city_is_still_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = code(pipeline, "Iraqi troops invaded Kuwait City in August 1990.")
    assert event.place is not None and event.place.name == "Kuwait City"
    assert {a.country for a in event.target} == {"KWT"}


def test_a_name_the_ner_misses_in_a_place_slot_is_looked_up(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the small model does not tag "Aleppo" here as a place, so the rebels had no country and
    # the shelling was dropped
    (event,) = code(pipeline, "Rebels shelled Aleppo overnight.")
    assert event.place is not None and (event.place.name, event.place.country) == ("Aleppo", "SYR")
    assert {a.country for a in event.source} == {"SYR"}


def test_a_month_is_no_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    # March is also a town in England
    (event,) = code(pipeline, "Kurdish fighters attacked Turkish troops in March.")
    assert event.place is None


def test_an_aircraft_downed_over_a_part_of_a_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "over" places what befalls an aircraft; "northern Syria" is a part of Syria
    (event,) = code(pipeline, "A Russian warplane was shot down over Northern Syria by Turkish jets in November 2015.")
    assert event.place is not None and (event.place.country, event.place.feature) == ("SYR", "region")
    # elsewhere "over" names a matter, not a place
    (event,) = code(pipeline, "The European Union imposed sanctions on Russia over Crimea in March 2014.")
    assert event.place is None


def test_an_attack_on_a_held_place_is_against_its_holder(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the text said who holds the city: bombing it with no one else named is against them
    text = ("Baghdad vowed in June to retake the Isis-held city of Mosul. "
            "Iraqi jets bombed Mosul on Wednesday.")
    bombing = next(e for e in code(pipeline, text) if e.evidence.trigger == "bombed")
    assert [a.id for a in bombing.target] == ["islamic-state"]
    # a place nobody is said to hold is still its state's
    (event,) = code(pipeline, "Iraqi jets bombed Mosul on Wednesday.")
    assert [a.id for a in event.target] == ["IRQ"]


def test_a_state_of_a_country_is_placed_in_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = code(pipeline, "Thousands of farmers marched in Texas on Saturday.")
    assert event.place is not None and (event.place.name, event.place.country) == ("Texas", "USA")


def test_a_region_name_two_countries_share_names_neither(pipeline) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.places import load_gazetteer

    assert load_gazetteer().resolve("Punjab") is None  # a province of India and of Pakistan
    # a province named by a common word is not what "the Gulf" or "the East" means
    assert load_gazetteer().resolve("the Gulf") is None and load_gazetteer().resolve("the East") is None
    assert load_gazetteer().resolve("Georgia").country == "GEO"  # the country, not the US state


def test_a_region_named_with_an_article_is_no_province(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the Sahel" spans many states (Burkina Faso's province of that name is not meant), "the
    # Tasman" is a sea (not New Zealand's region): the NER leaves the article out of the name
    events = code(pipeline, "Jihadist fighters ambushed soldiers across the Sahel last year.")
    assert all(a.country != "BFA" for e in events for a in e.source + e.target)
    assert all(e.place is None or e.place.country != "BFA" for e in events)
    (event,) = code(pipeline, "Two Chinese frigates held drills in the Tasman last week.")
    assert event.type == "MOBILIZE" and event.target == []
    assert event.place is None or event.place.country != "NZL"


def test_an_inspection_abroad_looks_into_the_host(pipeline) -> None:  # type: ignore[no-untyped-def]
    # inspectors examining a plant in a state investigate that state (PLOVER ACCUSE, investigate)
    (event,) = code(pipeline, "In 2003 IAEA inspectors examined a uranium plant in Iran.")
    assert (event.type, event.mode) == ("ACCUSE", "investigate") and [a.id for a in event.target] == ["IRN"]
    # a state's own police looking into a crime at home accuse no one by it
    (event,) = code(pipeline, "In 2018 British police investigated the poisoning in Salisbury.")
    assert event.target == []
    # examining a proposal is no investigation
    assert code(pipeline, "In 2015 the committee examined the proposal in Geneva.") == []


def test_a_show_of_force_abroad_is_aimed_at_the_host(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = code(pipeline, "Chinese warships staged naval drills near Taiwan last month.")
    assert event.type == "MOBILIZE" and {a.country for a in event.target} == {"TWN"}
    # drills at home are aimed at no one
    (event,) = code(pipeline, "The Russian army held drills in Kaliningrad last month.")
    assert event.type == "MOBILIZE" and event.target == []
    # drills in an ally's land are held with its leave, not aimed at it
    (event,) = code(pipeline, "American soldiers held military exercises in Lithuania last month.")
    assert event.type == "MOBILIZE" and event.target == []


def test_the_town_a_bombardment_reaches_is_its_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = code(pipeline, "Government jets bombarded the Kurdish town of Kobani on Monday.")
    assert event.place is not None and event.place.country == "SYR"


def test_a_name_in_apposition_to_a_city_is_the_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the small model tags "Aleppo" here as a time
    (event,) = code(pipeline, "Rebels fired mortars at Syria's largest city Aleppo on Friday.")
    assert event.place is not None and (event.place.name, event.place.country) == ("Aleppo", "SYR")


def test_the_outskirts_of_a_town_are_in_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = code(pipeline, "Israeli tanks shelled the outskirts of Rafah on Tuesday.")
    assert event.place is not None and event.place.country == "PSE"
    assert {a.country for a in event.target} == {"PSE"}


def test_the_town_naming_a_gathering_hosts_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = code(pipeline, "Japan's prime minister will attend the Sochi Olympics next week.")
    assert event.type == "CONSULT" and event.place is not None and event.place.country == "RUS"
    assert {a.country for a in event.target} == {"RUS"}


def test_the_town_naming_an_accord_is_not_where_it_is_backed(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "France praised the Minsk agreement on Tuesday.")
    assert events and all(e.place is None or e.place.country != "BLR" for e in events)


def test_the_town_naming_a_gathering_does_not_place_what_is_said_of_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # an opinion of the Geneva talks may be voiced anywhere: only taking part happens there
    events = code(pipeline, "Tehran denounced the Geneva talks on Thursday.")
    assert events and all(e.place is None or e.place.country != "CHE" for e in events)


def test_what_a_journey_is_for_happens_where_it_goes(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Kerry flew to Vienna to sign the deal with Iran.")
    signing = [e for e in events if e.type == "SUPPORT"]
    assert signing and all(e.place is not None and e.place.country == "AUT" for e in signing)


def test_what_a_meeting_is_for_happens_where_it_meets(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Lavrov and Kerry will meet in Geneva to discuss the ceasefire.")
    talks = [e for e in events if e.evidence.trigger == "discuss"]
    assert talks and all(e.place is not None and e.place.country == "CHE" for e in talks)


def test_the_purpose_of_a_gathering_is_not_placed_by_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    # donors gathered in Brussels pledge aid to Jordan: neither Belgian nor placed in Belgium
    events = code(pipeline, "Foreign ministers met in Brussels to pledge aid to Jordan.")
    assert all(e.place is None or e.place.country != "BEL" for e in events)


def test_an_act_a_meeting_plans_is_not_placed_where_it_meets(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the offensive is prepared in Ankara, to be launched in Syria: no Turkish place or target
    events = code(pipeline, "Syrian opposition commanders met in Ankara to prepare an offensive against regime forces.")
    (attack,) = [e for e in events if e.type == "ASSAULT"]
    assert attack.place is None or attack.place.country != "TUR"
    assert all(a.country != "TUR" for a in attack.target)


def test_a_part_of_a_city_is_in_that_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "part", "sector" and "quarter" name a place through their "of" phrase, as "district" does
    (event,) = code(pipeline, "Separatist gunmen shelled an eastern part of Donetsk in January 2015.")
    assert event.place is not None and (event.place.name, event.place.country) == ("Donetsk", "UKR")
    assert {a.country for a in event.target} == {"UKR"}
    # a part of something that is no place is still no place
    assert all(e.place is None for e in code(pipeline, "Norway attacked part of the plan in 1949."))


def test_a_place_keeps_the_name_as_written_without_its_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the article before a name only keeps a province from being looked up; it is no part of the
    # name the place was found by
    (event,) = code(pipeline, "French officials met Chinese diplomats in the Netherlands on Friday.")
    assert event.place is not None and (event.place.name, event.place.text) == ("Netherlands", "Netherlands")


def test_a_province_beats_a_small_foreign_town_known_by_its_name_only_as_an_alias() -> None:
    from newsgraph.places import load_gazetteer

    gazetteer = load_gazetteer()
    # Nigeria's Borno and Imo states, not the German and Central African towns once so called
    assert [(p.feature, p.country) for p in map(gazetteer.resolve, ["Borno", "Imo"]) if p] == [
        ("region", "NGA"), ("region", "NGA")]
    # a big city keeps its alternate name, and a city its own name
    place = gazetteer.resolve("Saint Louis")
    assert place is not None and (place.feature, place.country) == ("city", "USA")
    place = gazetteer.resolve("Kano")
    assert place is not None and (place.feature, place.country) == ("city", "NGA")


def test_an_attack_in_a_province_is_placed_in_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = code(pipeline, "Boko Haram gunmen raided a school in Borno in 2014.")
    assert event.place is not None and event.place.country == "NGA"


def test_an_international_organisations_own_meeting_has_no_host(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the bloc's members gather in Brussels: Belgium is no party to their meeting
    events = code(pipeline, "EU leaders met in Brussels on Thursday to discuss new sanctions.")
    assert not [e for e in events if e.type == "CONSULT" and any(a.country == "BEL" for a in e.target)]
    # a leader meeting in a foreign capital, or an organisation's chief visiting one, is hosted
    (event,) = code(pipeline, "Vladimir Putin met in Beijing on Thursday.")
    assert [a.country for a in event.target] == ["CHN"]
    (event,) = code(pipeline, "The UN secretary general travelled to Doha on Thursday.")
    assert [a.country for a in event.target] == ["QAT"]


def test_a_capital_the_model_takes_for_a_person_is_still_a_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the small model tags "Kyiv" here as a person; a capital the knowledge base knows is a place
    (event,) = code(pipeline, "The UN chief visited Kyiv in April 2022.")
    assert event.place is not None and event.place.country == "UKR"
    assert [a.country for a in event.target] == ["UKR"]
    # a person's name that is no capital stays a person
    assert all(e.place is None for e in code(pipeline, "The UN chief met Zelensky in April 2022."))


def test_victims_of_strikes_on_a_town_are_its_people(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the strikes' "on" phrase is where the killing happened: Yemenis, not the attackers' own people
    (event,) = code(pipeline, "Nine villagers were killed in Saudi-led air strikes on Saada on Monday.")
    assert event.place is not None and event.place.country == "YEM"
    assert [(a.kind, a.country) for a in event.target] == [("population", "YEM")]


def test_strikes_carried_out_on_a_town_fall_there(pipeline) -> None:  # type: ignore[no-untyped-def]
    (event,) = code(pipeline, "Saudi warplanes carried out raids on Saada overnight.")
    assert event.place is not None and event.place.country == "YEM"


def test_sanctions_on_a_capital_are_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "on Moscow" names the sanctioned government, not where anything fell
    (event,) = code(pipeline, "Washington imposed fresh sanctions on Moscow in 2014.")
    assert event.place is None


def test_strikes_a_verb_of_dying_carries_fall_on_the_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the small model hangs "on Rafah" on "died", not on the strikes: still where they fell
    (event,) = code(pipeline, "Five shepherds died in Israeli strikes on Rafah last spring.")
    assert event.place is not None and event.place.country == "PSE"
    # a day after "on" is no place, and a country after it is a party
    assert all(e.place is None for e in code(pipeline, "Two fishermen died in an air strike on Monday."))
    (event,) = code(pipeline, "Two fishermen died in Saudi air strikes on Yemen on Monday.")
    assert event.place is None and [a.country for a in event.target] == ["YEM"]


def test_a_struck_town_the_model_calls_an_organisation_is_still_placed(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the small model tags Kharkiv ORG here; what strikes fall on is a place slot
    (event,) = code(pipeline, "Two soldiers died in a Russian air strike on Kharkiv.")
    assert event.place is not None and event.place.country == "UKR"
    assert [a.country for a in event.target] == ["UKR"]
