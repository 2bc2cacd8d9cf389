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
