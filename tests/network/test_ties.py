"""Ties from a real DuckDB store: roll-up levels, counts, balance, windows, filters, evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.errors import QueryError
from newsgraph.network import Network, Tie
from newsgraph.store.queries import EventQuery


@pytest.fixture
def network(handmade_store):
    return Network(handmade_store)


def tie(ties: list[Tie], source: str, target: str) -> Tie:
    found = [t for t in ties if (t.source, t.target) == (source, target)]
    assert len(found) == 1, f"{source} -> {target} not among {[(t.source, t.target) for t in ties]}"
    return found[0]


def test_country_level_rolls_state_organs_and_officials_up_to_their_state(network):
    rus_taliban = tie(network.ties(level="country"), "RUS", "taliban")
    # Russian intelligence, Zamir Kabulov (RUS GOV), Igor Sergun (of the GRU) and Russia itself
    assert rus_taliban.events == 4
    assert rus_taliban.by_type == {"AID": 1, "CONSULT": 2, "COOPERATE": 1}
    assert rus_taliban.by_quad == {"1": 2, "2": 2}
    assert (rus_taliban.first, rus_taliban.last) == (dt.date(2015, 12, 24), dt.date(2018, 3, 23))
    assert (rus_taliban.articles, rus_taliban.publishers) == (2, 2)
    assert (rus_taliban.source_name, rus_taliban.target_name) == ("Russia", "Taliban")


def test_actor_level_keeps_each_actor(network):
    ties = network.ties(level="actor")
    assert tie(ties, "RUS", "taliban").by_type == {"AID": 1}
    assert tie(ties, "igor-sergun", "taliban").by_type == {"CONSULT": 1}
    assert tie(ties, "RUS.SPY", "taliban").by_type == {"COOPERATE": 1}


def test_person_acting_for_an_organisation_rolls_up_to_it(network):
    taliban_usa = tie(network.ties(level="country"), "taliban", "USA")
    assert taliban_usa.events == 2  # the Taliban's and Mullah Baradar's signatures
    assert not [t for t in network.ties(level="country") if "mullah-baradar" in (t.source, t.target)]


def test_person_rolls_up_only_while_in_office(network):
    ties = network.ties(level="country")
    assert tie(ties, "RUS", "hamid-karzai").events == 1  # 2001: Karzai not yet president
    assert tie(ties, "AFG", "RUS").by_type == {"CONSULT": 1}  # 2011: Karzai meets Medvedev


def test_no_tie_of_a_node_with_itself(network):
    for level in ("actor", "country"):
        assert all(t.source != t.target for t in network.ties(level=level))


def test_cooperation_and_conflict_balance(network):
    ties = network.ties(level="country")
    threat = tie(ties, "RUS", "eu")
    assert (threat.cooperation, threat.conflict) == (0, 1)
    assert (threat.goldstein_sum, threat.goldstein_mean) == (-6.0, -6.0)
    rus_taliban = tie(ties, "RUS", "taliban")
    assert (rus_taliban.cooperation, rus_taliban.conflict) == (4, 0)
    assert rus_taliban.goldstein_sum == 15.0
    assert rus_taliban.goldstein_mean == 3.75


def test_time_windows_split_a_tie_by_period(network):
    by_year = [t for t in network.ties(level="country", window="year") if (t.source, t.target) == ("RUS", "taliban")]
    assert {(t.period, t.events) for t in by_year} == {("2015", 3), ("2018", 1)}
    by_month = network.ties(level="country", window="month", between=("RUS", "taliban"))
    assert {t.period for t in by_month} == {"2001-10", "2015-12", "2018-03"}


def test_filters_apply_to_ties(network):
    asserted = network.ties(EventQuery(modalities=("asserted",)), "country")
    assert tie(asserted, "RUS", "taliban").by_type == {"CONSULT": 2}
    covert = network.ties(EventQuery(covert=True), "country")
    assert [(t.source, t.target, t.events) for t in covert] == [("RUS", "taliban", 1)]
    window = network.ties(EventQuery(start=dt.date(2019, 1, 1)), "country")
    assert {(t.source, t.target) for t in window} == {("USA", "taliban"), ("taliban", "USA")}
    guardian = network.ties(EventQuery(publishers=("the guardian",)), "actor")
    assert {t.publishers for t in guardian} == {1}
    assert len(guardian) == 5


def test_min_weight_limit_and_order(network):
    ties = network.ties(level="country", min_weight=2)
    assert [(t.source, t.target) for t in ties] == [("RUS", "taliban"), ("taliban", "USA")]
    assert len(network.ties(level="actor", limit=3)) == 3


def test_evidence_is_the_tie_s_events_earliest_first(network):
    rus_taliban = tie(network.ties(level="country", evidence=2), "RUS", "taliban")
    assert len(rus_taliban.evidence) == 2
    assert all(e["date"]["start"] == dt.date(2015, 12, 24) for e in rus_taliban.evidence)
    sentences = {e["evidence"]["sentence"] for e in rus_taliban.evidence}
    assert sentences <= {
        "Russian intelligence has secretly shared information with the Taliban, Afghan officials said.",
        "Zamir Kabulov met Taliban envoys in Moscow.",
        "Igor Sergun of the GRU met Taliban commanders in Tajikistan.",
    }


def test_touching_and_between(network):
    touching = network.ties(level="actor", touching=["taliban"])
    assert all("taliban" in (t.source, t.target) for t in touching)
    assert len(touching) == 7
    both = network.ties(level="country", between=("taliban", "RUS"))
    assert {(t.source, t.target) for t in both} == {("RUS", "taliban"), ("taliban", "RUS")}


def test_edge_events_page_through_one_tie(network):
    total, page = network.edge_events("RUS", "taliban", level="country", limit=3)
    assert total == 4
    assert [e["date"]["start"] for e in page] == [dt.date(2018, 3, 23)] + [dt.date(2015, 12, 24)] * 2
    total, both = network.edge_events("RUS", "taliban", level="country", both=True)
    assert total == 5 and {e["type"] for e in both} == {"AID", "CONSULT", "COOPERATE", "ACCUSE"}


@pytest.mark.parametrize(
    ("text", "level", "node"),
    [
        ("Russia", "actor", "RUS"),
        ("rus", "actor", "RUS"),
        ("Taleban", "actor", "taliban"),
        ("Putin", "country", "RUS"),
        ("Igor Sergun", "country", "RUS"),
        ("Baradar", "country", "taliban"),
        ("Kabulov", "actor", "zamir-kabulov"),
    ],
)
def test_resolve_names_ids_aliases_and_roll_ups(network, text, level, node):
    assert network.resolve(text, level) == node


def test_resolve_rejects_unknown_actors(network):
    with pytest.raises(QueryError, match="no actor matches 'Atlantis'"):
        network.resolve("Atlantis")
    with pytest.raises(QueryError, match="level"):
        network.resolve("Russia", "planet")  # type: ignore[arg-type]


def test_timeline_of_a_dyad_by_year(network):
    timeline = network.timeline("Russia", "Taliban", level="country", by="year")
    assert [n["id"] for n in timeline["nodes"]] == ["RUS", "taliban"]
    series = {p["period"]: p for p in timeline["series"]}
    assert list(series) == [str(y) for y in range(2001, 2019)]  # gaps filled with zeros
    assert series["2001"]["by_quad"] == {"3": 1}
    assert series["2015"]["by_quad"] == {"1": 2, "2": 1}
    assert series["2018"]["events"] == 1 and series["2010"]["events"] == 0


def test_timeline_of_everything_and_of_one_actor_by_month(network):
    everything = network.timeline(by="month")["series"]
    assert everything[0]["period"] == "2001-10" and everything[-1]["period"] == "2020-02"
    assert sum(p["events"] for p in everything) == 17
    russia = network.timeline("RUS", level="actor", by="month")["series"]
    assert sum(p["events"] for p in russia) == 9  # mobilising without a target counts too
    with pytest.raises(QueryError, match="by"):
        network.timeline(by="week")  # type: ignore[arg-type]
