"""Resolving phrases to actors through the real pipeline (real spaCy model, bundled KB)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.actors.resolve import RESULT_KEYS, context_code, resolve, resolve_many
from newsgraph.errors import InputError
from newsgraph.eval.sentences import code_of
from newsgraph.models import Article


@pytest.mark.parametrize(
    ("phrase", "actor_id", "kind", "country", "sector"),
    [
        ("GRU", "gru", "intelligence", "RUS", "SPY"),
        ("FSB", "fsb", "intelligence", "RUS", "SPY"),
        ("FSK", "fsk", "intelligence", "RUS", "SPY"),
        ("KGB", "kgb", "intelligence", "SUN", "SPY"),  # the historic Soviet Union
        ("ISI", "isi", "intelligence", "PAK", "SPY"),
        ("RAW", "raw", "intelligence", "IND", "SPY"),
        ("CIA", "cia", "intelligence", "USA", "SPY"),
        ("MI6", "mi6", "intelligence", "GBR", "SPY"),
        ("Home Office", "uk-home-office", "government", "GBR", "GOV"),
        ("Bashar Jaafari", "bashar-jaafari", "person", "SYR", "GOV"),
        ("NATO", "nato", "igo", None, "IGO"),
        ("SCO", "sco", "igo", None, "IGO"),
        ("the European Community", "european-community", "igo", None, "IGO"),
        ("European Economic Community", "european-community", "igo", None, "IGO"),
        ("the Palestine Liberation Organization", "plo", "government", "PSE", "GOV"),
        ("Fatah", "fatah", "party", "PSE", "PTY"),
        ("Pravda", "pravda", "media", "RUS", "JRN"),
        ("Debka", "debka", "media", "ISR", "JRN"),
        ("Russia", "RUS", "state", "RUS", None),
        ("Pakistan", "PAK", "state", "PAK", None),
        ("Saudi Arabia", "SAU", "state", "SAU", None),
    ],
)
def test_named_actors(pipeline, phrase: str, actor_id: str, kind: str, country: str | None,
                      sector: str | None) -> None:  # fmt: skip
    result = resolve(phrase, pipeline=pipeline)
    assert result is not None, phrase
    assert set(result) == set(RESULT_KEYS)
    assert (result["id"], result["kind"], result["country"], result["sector"]) == (actor_id, kind, country, sector)
    assert result["provisional"] is False


@pytest.mark.parametrize(
    ("phrase", "country"), [("UNITA", "AGO"), ("Revolutionary United Front", "SLE"), ("Khmer Rouge", "KHM")]
)
def test_historic_rebel_movements(pipeline, phrase: str, country: str) -> None:
    result = resolve(phrase, dt.date(1995, 1, 1), pipeline=pipeline)
    assert result is not None
    assert (result["kind"], result["country"], result["sector"]) == ("armed_group", country, "REB")


def test_a_rebel_movement_that_came_to_power(pipeline) -> None:
    before, after = (resolve("CNDD-FDD", dt.date(year, 1, 1), pipeline=pipeline) for year in (2000, 2010))
    assert before is not None and after is not None
    assert (before["country"], before["sector"], after["sector"]) == ("BDI", "REB", "GOV")


@pytest.mark.parametrize("phrase", ["Taliban", "Northern Alliance", "Islamic State"])
def test_armed_groups(pipeline, phrase: str) -> None:
    result = resolve(phrase, pipeline=pipeline)
    assert result is not None and result["kind"] == "armed_group"


def test_a_group_that_came_to_power_changes_sector_with_the_date(pipeline) -> None:
    before = resolve("Taliban", dt.date(2002, 5, 1), pipeline=pipeline)
    after = resolve("Taliban", dt.date(2022, 5, 1), pipeline=pipeline)
    assert before is not None and after is not None
    assert (before["country"], before["sector"]) == ("AFG", "REB")
    assert (after["country"], after["sector"]) == ("AFG", "GOV")


@pytest.mark.parametrize(
    ("day", "title"), [(dt.date(2001, 6, 1), "president"), (dt.date(2010, 6, 1), "prime minister")]
)
def test_putin_holds_the_office_of_the_date(pipeline, day: dt.date, title: str) -> None:
    result = resolve("Putin", day, pipeline=pipeline)
    assert result is not None
    assert (result["id"], result["kind"], result["country"]) == ("vladimir-putin", "person", "RUS")
    assert result["sector"] == "GOV"
    held = [role.title for role in pipeline.kb.actors["vladimir-putin"].roles if role.covers(day)]
    assert held[-1] == title


@pytest.mark.parametrize(
    ("phrase", "actor_id", "country"),
    [("former President Yeltsin", "boris-yeltsin", "RUS"), ("Bush", "george-w-bush", "USA"),
     ("Karzai", "hamid-karzai", "AFG")],
)  # fmt: skip
def test_persons(pipeline, phrase: str, actor_id: str, country: str) -> None:
    result = resolve(phrase, pipeline=pipeline)
    assert result is not None
    assert (result["id"], result["kind"], result["country"]) == (actor_id, "person", country)


@pytest.mark.parametrize(
    ("phrase", "day", "country", "sector"),
    [("Carlos Menem", dt.date(1994, 8, 22), "ARG", "GOV"),  # the constitutional reform of 1994
     ("King Hassan", dt.date(1975, 11, 6), "MAR", "GOV"),  # the Green March
     ("Desmond Tutu", dt.date(1989, 9, 13), "ZAF", "REL"),  # the Cape Town peace march
     ("Moody Awori", dt.date(2005, 11, 21), "KEN", "GOV"),  # the constitutional referendum
     ("Aftab Ahmad Khan Sherpao", dt.date(2007, 7, 10), "PAK", "GOV"),  # the Red Mosque siege
     ("Prosper Avril", dt.date(1989, 4, 2), "HTI", "GOV")],  # the April 1989 mutinies
)  # fmt: skip
def test_office_holders_of_the_eighties_to_the_noughties(pipeline, phrase: str, day: dt.date, country: str,
                                                         sector: str) -> None:  # fmt: skip
    result = resolve(phrase, day, pipeline=pipeline)
    assert result is not None and result["provisional"] is False
    assert (result["kind"], result["country"], result["sector"]) == ("person", country, sector)


def test_undated_former_office_holder_is_an_elite(pipeline) -> None:
    result = resolve("former President Yeltsin", pipeline=pipeline)
    assert result is not None and result["sector"] == "ELI"
    dated = resolve("President Yeltsin", dt.date(1995, 1, 1), pipeline=pipeline)
    assert dated is not None and dated["sector"] == "GOV"


def test_a_person_acts_for_an_organisation(pipeline) -> None:
    result = resolve("Igor Sergun", pipeline=pipeline)
    assert result is not None
    assert (result["country"], result["sector"], result["affiliation"]) == ("RUS", "SPY", "gru")


def test_an_organisations_office_before_a_name_makes_the_person_act_for_it(pipeline) -> None:
    text = "OPEC Secretary-General Mohammed Barkindo met Iraqi oil officials in Baghdad in 2017."
    (event,) = pipeline.extract(Article(text=text)).events
    (person,) = event.source
    assert (person.name, person.sector, person.affiliation) == ("Mohammed Barkindo", "IGO", "opec")
    assert code_of(person) == "IGO"  # scored as the IGO it acts for


@pytest.mark.parametrize(
    ("phrase", "actor_id", "country", "sector"),
    [
        ("the Afghan police", "AFG.COP", "AFG", "COP"),
        ("Russian intelligence", "RUS.SPY", "RUS", "SPY"),
        ("Pakistan's army chief", "PAK.MIL", "PAK", "MIL"),
        ("Saudi Defence Minister", "SAU.GOV", "SAU", "GOV"),
        ("Moscow said", "RUS.GOV", "RUS", "GOV"),  # a sentence: its subject is the actor
        ("Beijing", "CHN.GOV", "CHN", "GOV"),  # a bare capital given as an actor is its government
        ("people in the UK", "GBR.CVL", "GBR", "CVL"),
        ("Shanghai police", "CHN.COP", "CHN", "COP"),
        ("Colombian negotiators", "COL.GOV", "COL", "GOV"),
        ("Karen guerrillas", "karen-national-union", "MMR", "REB"),
    ],
)
def test_composed_agents(pipeline, phrase: str, actor_id: str, country: str, sector: str) -> None:
    result = resolve(phrase, pipeline=pipeline)
    assert result is not None
    assert (result["id"], result["country"], result["sector"]) == (actor_id, country, sector)


@pytest.mark.parametrize("phrase", ["Sovietised", "Kazakh", "Comment", "NewAgeIslam", "", "   "])
def test_junk_is_not_an_actor(pipeline, phrase: str) -> None:
    assert resolve(phrase, pipeline=pipeline) is None


@pytest.mark.parametrize("context", ["Mexico", "MEX", "Mexican", "the Mexican"])
def test_context_country_places_a_bare_agent(pipeline, context: str) -> None:
    result = resolve("the police", context_country=context, pipeline=pipeline)
    assert result is not None
    assert (result["id"], result["kind"], result["country"], result["sector"]) == ("MEX.COP", "police", "MEX", "COP")


def test_bare_agent_without_context_has_no_country(pipeline) -> None:
    result = resolve("the police", pipeline=pipeline)
    assert result is not None and (result["country"], result["sector"]) == (None, "COP")
    office = resolve("Defense Minister", context_country="German", pipeline=pipeline)
    assert office is not None and (office["country"], office["sector"]) == ("DEU", "GOV")


@pytest.mark.parametrize(
    ("context", "actor_id"), [("India", "ib-india"), ("Pakistan", "ib-pakistan"), ("PAK", "ib-pakistan")]
)
def test_context_country_breaks_ties_between_shared_aliases(pipeline, context: str, actor_id: str) -> None:
    result = resolve("the Intelligence Bureau", context_country=context, pipeline=pipeline)
    assert result is not None and result["id"] == actor_id


def test_context_code_reads_codes_names_and_adjectives(pipeline) -> None:
    kb = pipeline.kb
    assert [context_code(c, kb) for c in ("MEX", "Mexico", "mexican", "Colombian defense", "", None, "Atlantis")] == [
        "MEX", "MEX", "MEX", "COL", None, None, None,
    ]


def test_resolve_many_keeps_order_and_gives_none_for_junk(pipeline) -> None:
    records = [
        {"text": "Putin", "date": "2010-06-01"},
        {"text": "Comment"},
        {"text": "the police", "context_country": "Mexico"},
        {"text": ""},
        {"text": "GRU", "date": dt.date(2001, 1, 1)},
    ]
    results = list(resolve_many(records, pipeline, batch_size=2))
    assert [r["id"] if r else None for r in results] == ["vladimir-putin", None, "MEX.COP", None, "gru"]
    assert results == [resolve(r["text"], None, r.get("context_country"), pipeline) if r["text"] != "Putin"
                       else resolve("Putin", dt.date(2010, 6, 1), None, pipeline) for r in records]  # fmt: skip


@pytest.mark.parametrize(
    ("record", "message"),
    [({"text": "Putin", "date": "June 2010"}, "record 1: date 'June 2010' is not YYYY-MM-DD"),
     ({"date": "2010-06-01"}, "record 1: missing 'text'"),
     ("Putin", "record 1: expected a JSON object")],
)  # fmt: skip
def test_resolve_many_rejects_bad_records(pipeline, record: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(resolve_many([record], pipeline))  # type: ignore[list-item]


def test_an_untitled_office_is_of_the_one_country_its_sentence_names(pipeline) -> None:
    text = "Prime Minister Mahendra Chaudhry was taken hostage by Fijian rebels in May 2000."
    (event,) = pipeline.extract(Article(text=text)).events
    assert [(a.name, a.country) for a in event.target] == [("Mahendra Chaudhry", "FJI")]
    text = "Prime Minister Mahendra Chaudhry met Australian and Indian envoys in 1999."
    (event,) = pipeline.extract(Article(text=text)).events
    assert [a.country for a in event.source] == [None]  # two countries: no telling which


def test_an_acronym_with_small_letters_inside_is_no_everyday_word(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "LeT" (Lashkar-e-Taiba) and "HuM" are acronyms only as written: "let" and "hum" are words
    for text in ("Ankara would not let the envoy land in Cyprus.", "The hum of drones kept Gaza awake."):
        doc = pipeline.nlp(text)
        assert not any(doc._.ng_actors[m.actor_id].kind == "armed_group" for m in doc._.ng_mentions), text
    doc = pipeline.nlp("Indian police blamed LeT for the raid.")
    assert "lashkar-e-taiba" in {m.actor_id for m in doc._.ng_mentions}


def test_a_coalition_named_by_its_leader_is_told_by_the_foe_the_article_names(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "the US-led coalition" in a story about the war on Isis is the coalition against it
    doc = pipeline.nlp("Jets of the US-led coalition struck Isis fighters near Deir ez-Zor in 2017.")
    assert "anti-isis-coalition" in {m.actor_id for m in doc._.ng_mentions}
    # not without that foe named, nor in a sentence about the invasion of Iraq, nor another leader
    for text in (
        "The US-led coalition withdrew its last tanks from Basra in 2009.",
        "Isis grew from groups that fought the US-led coalition after its invasion of Iraq in 2003.",
        "A Saudi-led coalition bombed Houthi camps as Isis gained ground in 2015.",
    ):
        doc = pipeline.nlp(text)
        assert "anti-isis-coalition" not in {m.actor_id for m in doc._.ng_mentions}, text
