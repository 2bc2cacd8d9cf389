"""Scoring one article against its gold: matches, misses, spurious events and wrong years."""

from __future__ import annotations

import datetime as dt

from newsgraph.eval.articles import GoldDocument, score_document
from newsgraph.models import Article

TEXT = "In 2009, Russia delivered 20,000 rifles to the Afghan police. Iran condemned Israel on Monday."


def _gold(**fields):
    base = {"source": ["RUS"], "target": ["AFG"], "type": "AID", "level": "key", "start": 9, "end": 61}
    return {**base, **fields}


def test_a_matched_event_with_the_gold_year_counts_as_right(pipeline) -> None:
    article = Article(text=TEXT, published=dt.date(2015, 6, 23))
    events = pipeline.extract(article).events
    doc = GoldDocument("doc", article, [_gold(id="aid", year=2009)])
    scores = score_document(doc, events, pipeline.kb)
    assert (scores.gold_found, scores.years_right, scores.wrong_years) == (1, 1, [])
    assert [s["type"] for s in scores.spurious] == ["ACCUSE"]


def test_a_wrong_year_is_listed_with_the_date_the_pipeline_gave(pipeline) -> None:
    article = Article(text=TEXT, published=dt.date(2015, 6, 23))
    events = pipeline.extract(article).events
    gold = [_gold(id="aid", year=2010), _gold(id="ghost", type="ASSAULT", year=2009)]
    scores = score_document(GoldDocument("doc", article, gold), events, pipeline.kb)
    assert scores.gold_found == 1 and scores.years_right == 0
    assert [m["id"] for m in scores.misses] == ["ghost"]
    (wrong,) = scores.wrong_years
    assert (wrong["id"], wrong["gold"], wrong["predicted"], wrong["basis"]) == ("aid", "2010", "2009", "explicit")
    assert wrong["date_text"] == "2009"


def test_a_hypothetical_event_is_not_a_prediction(pipeline) -> None:
    text = "Turkey said Syria would pay a heavy price if it struck any deal with the YPG."
    article = Article(text=text, published=dt.date(2018, 2, 19))
    events = pipeline.extract(article).events
    assert [e.modality for e in events if e.type == "AGREE"] == ["hypothetical"]
    scores = score_document(GoldDocument("doc", article, []), events, pipeline.kb)
    assert "AGREE" not in {s["type"] for s in scores.spurious}


REPEATED = (
    "On Tuesday, Iran condemned Israel over the raid. Oil prices rose sharply. "
    "On Tuesday Iran also condemned Israel in a letter to the UN."
)


def test_mentions_of_one_event_are_one_prediction(pipeline) -> None:
    """The gold lists one event per type, sides and time, so a repeated condemnation is
    one predicted event: right when one mention matched, spurious once when none did."""
    article = Article(text=REPEATED, published=dt.date(2019, 3, 7))
    events = pipeline.extract(article).events
    condemnations = [e for e in events if e.type == "ACCUSE" and e.evidence.text.startswith(("Iran", "On"))]
    assert len(condemnations) >= 2
    gold = {"id": "c", "type": "ACCUSE", "source": ["IRN"], "target": ["ISR"], "level": "key",
            "year": 2019, "start": 0, "end": 49}
    found = score_document(GoldDocument("doc", article, [gold]), events, pipeline.kb)
    assert found.gold_found == 1 and found.mentions == len(events)
    assert "ACCUSE" not in {s["type"] for s in found.spurious}
    assert found.predicted == found.predicted_right + len(found.spurious) < found.mentions
    unmatched = score_document(GoldDocument("doc", article, []), events, pipeline.kb)
    assert [s["mentions"] for s in unmatched.spurious if s["type"] == "ACCUSE"] == [len(condemnations)]


def test_mentions_that_match_two_gold_events_count_twice(pipeline) -> None:
    """Two mentions with the same sides and year that the gold keeps apart (two deliveries
    the gold lists separately) are two right predictions, not one."""
    text = (
        "In 2009, Russia delivered rifles to the Afghan police. "
        "In 2009 Russia delivered trucks to the Afghan police."
    )
    article = Article(text=text, published=dt.date(2015, 6, 23))
    events = pipeline.extract(article).events
    gold = [_gold(id="a", year=2009, start=9, end=53), _gold(id="b", year=2009, start=63, end=108)]
    scores = score_document(GoldDocument("doc", article, gold), events, pipeline.kb)
    assert (scores.gold_found, scores.predicted_right) == (2, 2)
