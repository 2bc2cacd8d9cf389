"""The seed article end to end: metadata, the key events with their own years, evidence offsets."""

from __future__ import annotations

import datetime as dt

import pytest


def _find(extraction, kind, source, target, year):  # type: ignore[no-untyped-def]
    for event in extraction.events:
        sources = {a.country for a in event.source} | {a.id for a in event.source}
        targets = {a.country for a in event.target} | {a.id for a in event.target}
        if event.type == kind and source in sources and target in targets and event.date.start.year == year:
            return event
    pytest.fail(f"no {kind} {source} -> {target} in {year}: " + "; ".join(
        f"{e.type} {[a.id for a in e.source]}->{[a.id for a in e.target]} {e.date.start}" for e in extraction.events))


def test_article_metadata(seed_extraction) -> None:
    article = seed_extraction.article
    assert article.published == dt.date(2015, 6, 23)
    assert article.author == "Musa Khan Jalalzai"
    assert article.title == "Taliban, Russia and the Northern Alliance"


def test_key_events_with_their_own_years(seed_extraction) -> None:
    aid = _find(seed_extraction, "AID", "RUS", "AFG", 2002)
    assert aid.date.end.year == 2005 and aid.date.basis == "explicit"
    rifles = _find(seed_extraction, "AID", "russian-armed-forces", "AFG", 2010)
    assert rifles.quantity is not None and rifles.quantity.value == 20000
    assert rifles.target[0].sector == "COP"
    visit = _find(seed_extraction, "CONSULT", "hamid-karzai", "RUS", 2011)
    assert visit.mode == "visit" and visit.place is not None and visit.place.name == "Moscow"
    call = _find(seed_extraction, "CONSULT", "vladimir-putin", "george-w-bush", 2001)
    assert call.mode == "phone"
    invasion = _find(seed_extraction, "ASSAULT", "USA", "AFG", 2001)
    assert {a.id for a in invasion.source} == {"USA", "nato"}


def test_the_alliance_enters_kabul(seed_extraction) -> None:
    entry = next(e for e in seed_extraction.events if e.rule == "verb:enter")
    assert entry.source[0].id == "northern-alliance" and entry.date.start.year == 2001
    assert entry.place is not None and entry.place.name == "Kabul" and entry.place.country == "AFG"


def test_reported_chain_and_covert(seed_extraction) -> None:
    contact = next(e for e in seed_extraction.events if e.rule == "phrase:make contact with")
    assert contact.modality == "reported"
    assert [(a.name, a.cue) for a in contact.attribution][:2] == [("Pravda", "quoted"), ("DEBKAfile", "saying")]
    assert contact.source[0].country == "RUS" and contact.date.start.year == 2001
    arrival = next(e for e in seed_extraction.events if e.evidence.trigger == "arrival")
    assert arrival.covert and arrival.date.basis == "relative"
    assert arrival.date.start == dt.date(2015, 6, 15) and arrival.date.end == dt.date(2015, 6, 21)


def test_undated_present_events_take_the_publication_date(seed_extraction) -> None:
    help_event = next(e for e in seed_extraction.events if e.evidence.trigger == "helping")
    assert help_event.date.basis == "publication" and help_event.date.start == dt.date(2015, 6, 23)


def test_evidence_offsets_point_at_the_text(seed_extraction) -> None:
    text = seed_extraction.article.text
    assert seed_extraction.events
    for event in seed_extraction.events:
        ev = event.evidence
        assert text[ev.start : ev.end] == ev.text
        assert ev.trigger in ev.text or ev.trigger in ev.sentence
        assert ev.sentence in text


def test_actors_resolve(seed_extraction) -> None:
    actors = {a.id: a for a in seed_extraction.actors}
    for actor_id, kind, country in [
        ("gru", "intelligence", "RUS"), ("fsb", "intelligence", "RUS"), ("fsk", "intelligence", "RUS"),
        ("isi", "intelligence", "PAK"), ("raw", "intelligence", "IND"), ("cia", "intelligence", "USA"),
        ("mi6", "intelligence", "GBR"), ("taliban", "armed_group", "AFG"),
        ("northern-alliance", "armed_group", "AFG"), ("islamic-state", "armed_group", None),
        ("nato", "igo", None), ("sco", "igo", None), ("pravda", "media", "RUS"),
        ("vladimir-putin", "person", "RUS"), ("boris-yeltsin", "person", "RUS"),
        ("igor-sergun", "person", "RUS"), ("hamid-karzai", "person", "AFG"),
        ("RUS", "state", "RUS"), ("PAK", "state", "PAK"), ("SAU", "state", "SAU"),
    ]:
        assert actor_id in actors, actor_id
        assert (actors[actor_id].kind, actors[actor_id].country) == (kind, country), actor_id
    names = {a.name for a in seed_extraction.actors}
    assert not names & {"Sovietised", "Kazakh", "Comment", "NewAgeIslam"}
