"""Well-known events a text dates by without a date ("after the failed coup", "since 9/11"):
sentences written for these tests, coded by the real pipeline, and the bundled table itself."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.errors import KnowledgeBaseError
from newsgraph.time.named_events import _event, load_named_events

D = dt.date


@pytest.mark.parametrize(
    ("text", "trigger", "start", "end"),
    [
        pytest.param("Trump praised Erdogan after the suppression of the failed putsch.", "praised",
                     D(2016, 7, 15), D(2016, 7, 15), id="a generic name in a text about its country"),
        pytest.param("After the failed coup, Erdogan's government arrested thousands of soldiers.", "arrested",
                     D(2016, 7, 15), D(2016, 7, 15), id="opening the sentence"),
        pytest.param("Cameron resigned after the Brexit referendum.", "resigned",
                     D(2016, 6, 23), D(2016, 6, 23), id="a name of one event only"),
        pytest.param("The United States has deployed troops in Afghanistan since 9/11.", "deployed",
                     D(2001, 9, 11), D(2019, 3, 1), id="since runs up to publication, and 9/11 is no date"),
    ],
)
def test_a_phrase_of_time_naming_a_known_event_takes_its_date(
    dated, text: str, trigger: str, start: dt.date, end: dt.date
) -> None:
    event = dated(text, D(2019, 3, 1), trigger)
    assert (event.date.start, event.date.end, event.date.basis) == (start, end, "background")


@pytest.mark.parametrize(
    ("text", "trigger", "published"),
    [
        pytest.param("Maduro's government arrested dozens of officers after the failed coup.", "arrested",
                     D(2019, 5, 10), id="a coup in a text about another country"),
        pytest.param("Erdogan's police arrested dozens of officers after the failed coup in Venezuela.",
                     "arrested", D(2019, 5, 10), id="a coup the phrase places in another country"),
        pytest.param("The US sanctioned two al-Qaida leaders after the death of Bin Laden's son Hamza.",
                     "sanctioned", D(2020, 5, 10), id="a name that possesses another noun"),
        pytest.param("Bolivia expelled three Turkish diplomats after the failed coup in La Paz.", "expelled",
                     D(2019, 5, 10), id="a coup the phrase places in a town of another country"),
        pytest.param("Erdogan praised the soldiers on the second anniversary of the failed coup.", "praised",
                     D(2018, 7, 16), id="an anniversary is years later"),
        pytest.param("Cameron resigned after the Brexit referendum.", "resigned", D(2015, 6, 1),
                     id="an event after publication is not the one meant"),
    ],
)
def test_a_phrase_that_names_no_known_event_dates_nothing(
    dated, text: str, trigger: str, published: dt.date
) -> None:
    assert dated(text, published, trigger).date.basis != "background"


def test_a_year_the_phrase_states_wins(dated) -> None:
    event = dated("Erdogan's police arrested hundreds of officers after the failed coup of 1971.", D(2019, 3, 1),
                  "arrested")
    assert event.date.basis != "background" and event.date.start != D(2016, 7, 15)


def test_a_date_of_the_clause_wins(dated) -> None:
    event = dated("In March 2017, Erdogan's police detained dozens of teachers after the failed coup.",
                  D(2019, 3, 1), "detained")
    assert event.date.start == D(2017, 3, 1)


def test_the_table_loads_and_every_generic_phrase_has_a_country() -> None:
    table = load_named_events()
    assert table.events and "since" in table.preps and "anniversary" not in table.around
    for event in table.events:
        assert event.start <= event.end, event.name
        assert event.phrases is None or event.country, event.name


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "X", "start": 2016}, "X: give names or phrases"),
        ({"name": "X", "start": 2016, "phrases": ["coup"]}, "X: phrases need a country"),
        ({"name": "X", "start": "soon", "names": ["coup"]}, "X: start 'soon' is neither"),
        ({"name": "X", "start": 2016, "end": 2015, "names": ["coup"]}, "X: end 2015-12-31 is before start"),
        ({"name": "X", "start": 2016, "names": ["(coup"]}, "X: names: not a valid expression"),
        ({"name": "X", "start": 2016, "names": "coup"}, "X: names must be a non-empty list"),
    ],
)
def test_a_malformed_entry_is_one_line_naming_the_file_and_entry(entry: dict, message: str) -> None:
    with pytest.raises(KnowledgeBaseError) as error:
        _event(entry)
    text = str(error.value)
    assert text.startswith("named_events.yaml: ") and message in text and "\n" not in text


@pytest.mark.parametrize(
    ("text", "trigger", "start"),
    [
        pytest.param("Paris says it can show that Syrian forces were behind the Douma attack.", "attack",
                     D(2018, 4, 7), id="an event noun naming a known event"),
        pytest.param("Paris says Russian forces were behind the annexation of Crimea.", "annexation",
                     D(2014, 3, 18), id="a known event named by an of-phrase"),
        pytest.param("Paris says it can show that Syrian forces were behind the Douma attack of 2016.", "attack",
                     D(2016, 1, 1), id="a year of its own wins"),
        pytest.param("Paris says it can show that Syrian forces were behind the Douma attack last month.", "attack",
                     D(2018, 5, 1), id="a date right after it wins"),
    ],
)
def test_an_event_noun_that_names_a_known_event_takes_its_date(
    dated, text: str, trigger: str, start: dt.date
) -> None:
    assert dated(text, D(2018, 6, 1), trigger).date.start == start
