"""The DuckDB store: schema mirrors the models, batches are atomic, ingest is idempotent."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import StoreError
from newsgraph.models import (
    Actor,
    ActorRef,
    Article,
    Attribution,
    Event,
    Evidence,
    Extraction,
    IngestError,
    Mention,
    Place,
    Quantity,
    TimeSpan,
)
from newsgraph.store import EventFilter, Store, actors, articles, events, summary

TEXT = "Pravda reported that in 2010 the Russian army had delivered 20,000 rifles to the Afghan police."


def make_extraction(text: str = TEXT, published: dt.date = dt.date(2010, 11, 13)) -> Extraction:
    article = Article(text=text, title="Rifles", author="N. Sultani", publisher="Ledger", published=published)
    army = Actor(id="RUS.MIL", name="Russia military", kind="military", country="RUS", sector="MIL")
    police = Actor(id="AFG.COP", name="Afghanistan police", kind="police", country="AFG", sector="COP")
    start = text.index("the Russian army")
    end = text.index(".")
    event = Event(
        id=f"{article.id}-1", doc_id=article.id, type="AID", mode=None,
        source=[ActorRef("RUS.MIL", army.name, army.kind, "RUS", "MIL", None, "the Russian army")],
        target=[ActorRef("AFG.COP", police.name, police.kind, "AFG", "COP", None, "the Afghan police")],
        date=TimeSpan(dt.date(2010, 1, 1), dt.date(2010, 12, 31), "year", "in 2010", "explicit"),
        place=Place("Kabul", "AFG", 34.5, 69.2, "city", "Kabul"),
        quantity=Quantity(20000, "rifles", "20,000"),
        modality="reported", covert=False,
        attribution=[Attribution("Pravda", "reported")],
        evidence=Evidence(text[start:end], text, start, end, "delivered"),
        cameo="070", quad_class=2, goldstein=7.0, confidence=0.8, rule="verb:deliver",
    )
    mentions = [
        Mention("RUS.MIL", "the Russian army", start, start + 16, 0, "agent"),
        Mention("AFG.COP", "Afghan police", text.index("Afghan police"), text.index("Afghan police") + 13, 0, "agent"),
    ]
    return Extraction(article=article, actors=[army, police], mentions=mentions, events=[event])


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}


def test_schema_mirrors_the_models(tmp_path: Path) -> None:
    with Store(tmp_path / "db.duckdb") as store:
        article_cols = _columns(store.con, "articles")
        assert {f.name for f in dataclasses.fields(Article)} <= article_cols
        actor_cols = _columns(store.con, "actors")
        assert {f.name for f in dataclasses.fields(Actor)} - {"roles"} <= actor_cols
        event_cols = _columns(store.con, "events")
        for name, cls in (("date", TimeSpan), ("place", Place), ("quantity", Quantity), ("evidence", Evidence)):
            assert {f"{name}_{f.name}" for f in dataclasses.fields(cls)} <= event_cols
        flat = {f.name for f in dataclasses.fields(Event)} - {"date", "place", "quantity", "evidence",
                                                              "source", "target", "attribution", "doc_id"}
        assert flat <= event_cols
        assert {f.name for f in dataclasses.fields(ActorRef)} - {"id"} <= _columns(store.con, "event_actors")
        assert {f.name for f in dataclasses.fields(Attribution)} <= _columns(store.con, "attributions")


def test_roundtrip_and_filters(tmp_path: Path) -> None:
    path = tmp_path / "db.duckdb"
    extraction = make_extraction()
    with Store(path) as store:
        result = store.add(extraction)
        assert (result.articles, result.events, result.duplicates) == (1, 1, 0)
    with Store(path, read_only=True) as store:
        [event] = events(store)
        assert event["type"] == "AID"
        assert event["source"][0]["country"] == "RUS" and event["target"][0]["sector"] == "COP"
        assert event["date"]["start"] == dt.date(2010, 1, 1) and event["date"]["basis"] == "explicit"
        assert event["quantity"]["value"] == 20000
        assert event["attribution"] == [{"name": "Pravda", "cue": "reported"}]
        start, end = event["evidence"]["start"], event["evidence"]["end"]
        assert TEXT[start:end] == event["evidence"]["text"]
        assert len(events(store, EventFilter(actor="RUS"))) == 1
        assert len(events(store, EventFilter(source="AFG"))) == 0
        assert len(events(store, EventFilter(target="afg.cop", type="aid"))) == 1
        assert len(events(store, EventFilter(start=dt.date(2011, 1, 1)))) == 0
        assert len(events(store, EventFilter(end=dt.date(2010, 6, 1)))) == 1
        assert len(events(store, EventFilter(modality="asserted"))) == 0
        assert len(events(store, EventFilter(publisher="ledger"))) == 1
        assert [a["id"] for a in actors(store)][:2] == ["AFG.COP", "RUS.MIL"]
        assert articles(store)[0]["events"] == 1
        facts = summary(store)
        assert facts["ties"][0]["source"] == "Russia military"
        assert facts["by_type"] == [{"type": "AID", "events": 1}]


def test_same_article_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "db.duckdb") as store:
        store.add(make_extraction())
        again = store.add_batch([make_extraction(), make_extraction()])
        assert (again.articles, again.duplicates) == (0, 2)
        assert store.counts()["articles"] == 1 and store.counts()["events"] == 1


def test_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    good = make_extraction()
    broken = make_extraction(TEXT + " More.")
    broken.events[0].id = good.events[0].id  # duplicate primary key: the batch must fail whole
    with Store(tmp_path / "db.duckdb") as store:
        store.add(good)
        with pytest.raises(StoreError, match="batch not stored"):
            store.add_batch([broken])
        assert store.counts()["articles"] == 1
        assert store.query("SELECT count(*) AS n FROM mentions")[0]["n"] == 2
        # The connection is still usable after the rollback.
        store.add(make_extraction(TEXT + " Other."))
        assert store.counts()["articles"] == 2


def test_errors_are_recorded(tmp_path: Path) -> None:
    with Store(tmp_path / "db.duckdb") as store:
        store.add_error(IngestError("a.txt", "no such file"))
        assert store.query("SELECT source, message FROM ingest_errors") == [
            {"source": "a.txt", "message": "no such file"}
        ]


def test_rename_and_merge_actors(tmp_path: Path) -> None:
    with Store(tmp_path / "db.duckdb") as store:
        store.add(make_extraction())
        store.rename_actor("AFG.COP", "Afghan National Police")
        assert events(store)[0]["target"][0]["name"] == "Afghan National Police"
        store.merge_actor("AFG.COP", "RUS.MIL")
        assert {a["id"] for a in actors(store)} == {"RUS.MIL"}
        with pytest.raises(StoreError, match="no actor"):
            store.merge_actor("nobody", "RUS.MIL")


def test_unopenable_file(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_text("this is not a database")
    with pytest.raises(StoreError, match="cannot open"):
        Store(bad)
