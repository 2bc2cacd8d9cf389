"""Which date each event takes: sentences written for these tests, about real events, coded by the
real pipeline. Each case names the publication day it is read against."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.models import Article

D = dt.date


def test_the_weekday_of_publication_is_that_day(dated) -> None:
    # a Thursday paper's "on Thursday" is that Thursday, not the one a week before
    # (the cabinet meets an envoy: a body meeting alone is no consultation)
    event = dated("The British cabinet met the French envoy on Thursday to discuss a military response to "
                  "the attack in Douma.", D(2018, 4, 12), "met")
    assert (event.date.start, event.date.basis) == (D(2018, 4, 12), "relative")


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        ("Russia, Turkey and Iran will hold a summit in Tehran on Friday.", "hold", D(2018, 9, 7)),
        ("A summit of Turkey, Iran and Russia, to be held on Friday in Tehran, is seen as the last chance "
         "for Idlib.", "summit", D(2018, 9, 7)),
    ],
)
def test_a_weekday_in_a_future_clause_is_the_next_one(dated, text: str, trigger: str, day: dt.date) -> None:
    event = dated(text, D(2018, 9, 5), trigger)  # a Wednesday
    assert event.date.start == day


def test_a_day_a_plan_is_to_take_is_the_next_one(dated) -> None:
    # "the plan is to meet on 20 September", read on 4 September: this September, not last
    event = dated("De Mistura's plan is to meet Lavrov in Moscow on 20 September.", D(2018, 9, 4), "meet")
    assert event.date.start == D(2018, 9, 20)


def test_a_weekday_a_plan_expects_is_the_next_one(dated) -> None:
    event = dated("Inspectors of the chemical weapons watchdog are expected to begin their investigation in "
                  "Douma on Saturday.", D(2018, 4, 12), "investigation")
    assert event.date.start == D(2018, 4, 14)


@pytest.mark.parametrize(
    ("text", "published", "trigger"),
    [
        pytest.param(
            "“The regime used chlorine in Douma last week,” Macron told French television. France then "
            "urged the United States to act together with its allies.", D(2018, 4, 12), "urged",
            id="a date inside a quotation stays there",
        ),
        pytest.param(
            "Jaish al-Islam had controlled Douma since 2012. Its leaders rejected a Russian offer to "
            "evacuate the fighters to the north.", D(2018, 4, 1), "rejected",
            id="a stretch since a year",
        ),
        pytest.param(
            "Yildirim denounced the migration deal signed last year with the EU. He accused the EU of "
            "breaking its side of the bargain.", D(2017, 11, 27), "accused",
            id="a date describing a noun",
        ),
        pytest.param(
            "The chlorine attack on Douma last Saturday was a war crime. Britain's ambassador said London "
            "had played no part in it, rejecting a Russian proposal for a joint inquiry.", D(2018, 4, 13), "rejecting",
            id="a statement does not take the date of what it is about",
        ),
    ],
)
def test_dates_that_do_not_carry_over(dated, text: str, published: dt.date, trigger: str) -> None:
    assert dated(text, published, trigger).date.basis == "publication"


def test_a_statement_takes_the_date_of_the_statement_before(dated) -> None:
    event = dated("On Monday, the Russian envoy said the attack had been staged. He added that Moscow would veto "
                  "any resolution.", D(2018, 4, 13), "veto")
    assert (event.date.start, event.date.basis) == (D(2018, 4, 9), "inherited")


def test_the_date_of_an_object_noun_is_not_the_clause_date(dated) -> None:
    event = dated("Washington praised Oman's welcome for Netanyahu during his visit last October.",
                  D(2019, 1, 10), "praised")
    assert event.date.basis == "publication"
    text = ("The US is negotiating with Baghdad over moving troops to Iraq, following Trump's decision last "
            "December to withdraw from Syria.")
    assert dated(text, D(2019, 2, 4), "withdraw").date.start == D(2018, 12, 1)


@pytest.mark.parametrize(
    ("text", "published", "trigger", "start"),
    [
        ("Last year, Trump was so upset by images of the victims, he ordered a missile strike.",
         D(2018, 4, 9), "ordered", D(2017, 1, 1)),
        ("In September Turkey persuaded Moscow to hold off from an assault on Idlib.",
         D(2019, 3, 14), "persuaded", D(2018, 9, 1)),
    ],
)
def test_a_date_opening_the_sentence_dates_all_of_it(
    dated, text: str, published: dt.date, trigger: str, start: dt.date
) -> None:
    assert dated(text, published, trigger).date.start == start


def test_a_date_named_by_including(dated) -> None:
    event = dated("Russia has made such warnings before, including last September as US-backed fighters clashed "
                  "with government troops near Deir ez-Zor.", D(2018, 4, 10), "clashed")
    assert (event.date.start, event.date.end) == (D(2017, 9, 1), D(2017, 9, 30))


def test_since_runs_up_to_publication(dated) -> None:
    event = dated("The US and the EU have supported the Kurdish militia since 2014.", D(2018, 4, 10), "supported")
    assert (event.date.start, event.date.end) == (D(2014, 1, 1), D(2018, 4, 10))


def test_a_since_clause_runs_its_perfect_clause_up_to_publication(dated) -> None:
    # the parser hangs the since-clause on "to free", not on the pressing it measures
    event = dated("Washington had been pressing Ankara to free the American pastor Andrew Brunson since he was "
                  "arrested in October 2016.", D(2018, 8, 2), "pressing")
    assert (event.date.start, event.date.end, event.date.precision) == (D(2016, 10, 1), D(2018, 8, 2), "month")


def test_a_stretch_up_to_publication_dates_a_nominal_event(dated) -> None:
    event = dated("The border town of Arsal had been a base for attacks by the Nusra Front on Hezbollah over the "
                  "past 18 months.", D(2017, 8, 3), "attacks")
    assert (event.date.start, event.date.end, event.date.basis) == (D(2016, 2, 1), D(2017, 8, 3), "relative")


def test_a_date_of_the_main_clause_does_not_date_a_relative_clause(dated) -> None:
    event = dated("Erdoğan on Tuesday named the PKK, which has carried out bombings in Turkish cities, as "
                  "the real enemy.", D(2019, 1, 8), "carried")
    assert event.date.basis == "publication"


def test_a_relative_phrase_the_ner_cuts_short(dated) -> None:
    # the small model tags only "the week" of "earlier in the week"
    event = dated("Velayati, an adviser to Ayatollah Khamenei, toured the Ghouta region earlier in the week and "
                  "flatly rejected the demand that Damascus open the Douma district to outside inspectors.",
                  D(2018, 4, 12), "rejected")
    assert (event.date.start, event.date.end, event.date.text) == (D(2018, 4, 9), D(2018, 4, 15), "earlier in the week")


def test_a_when_clause_after_a_date_takes_that_date(dated) -> None:
    text = ("That would alarm Turkish officials, whose campaign against the Kurds escalated 11 months ago, when "
            "the Turkish army invaded the Afrin enclave and drove out the YPG.")
    for trigger in ("invaded", "drove"):
        event = dated(text, D(2019, 1, 8), trigger)
        assert (event.date.start, event.date.end, event.date.precision) == (D(2018, 2, 1), D(2018, 2, 28), "month")


def test_the_event_of_a_since_clause_keeps_its_own_date(dated) -> None:
    event = dated("Relations have moved far since the Soviet army withdrew from Afghanistan in 1989.",
                  D(2011, 1, 21), "withdrew")
    assert (event.date.start, event.date.end) == (D(1989, 1, 1), D(1989, 12, 31))


@pytest.mark.parametrize(
    ("text", "trigger", "start", "end"),
    [
        # the war had lasted seven years at publication: it began in 2011
        ("Early in Syria's seven-year civil war, Iran sent military advisers to the Syrian government.", "sent",
         D(2011, 1, 1), D(2012, 12, 31)),
        ("Russia has backed Assad throughout the seven-year war.", "backed", D(2011, 1, 1), D(2018, 3, 15)),
    ],
)
def test_a_conflicts_length_at_publication_dates_what_happened_in_it(
    dated, text: str, trigger: str, start: dt.date, end: dt.date
) -> None:
    event = dated(text, D(2018, 3, 15), trigger)
    assert (event.date.start, event.date.end, event.date.basis) == (start, end, "relative")


@pytest.mark.parametrize(
    ("text", "trigger", "start", "end"),
    [
        # measured, in a relative clause: the conflicts table gives the PKK's first attacks, 1984
        ("Turkish officials describe the YPG as a branch of the PKK, which has been waging an insurgency "
         "against Ankara for more than thirty years.", "waging", D(1984, 8, 15), D(2018, 2, 25)),
        # the length as a modifier of the war, "four-decade", is rounded: the table is not
        ("Turkey has been fighting a four-decade war against the PKK, Erdogan told reporters.",
         "fighting", D(1984, 8, 15), D(2018, 2, 25)),
        # present perfect with a conflict noun, unmeasured
        ("The New People's Army has waged a communist insurgency against Manila.", "waged",
         D(1969, 3, 29), D(2018, 2, 25)),
        # a conflict that ended before publication ends there
        ("The FARC has fought a long war against the Colombian state.", "fought", D(1964, 1, 1), D(2016, 11, 24)),
    ],
)
def test_a_lasting_fight_between_the_sides_of_a_known_conflict_spans_it(
    dated, text: str, trigger: str, start: dt.date, end: dt.date
) -> None:
    event = dated(text, D(2018, 2, 25), trigger)
    assert (event.date.start, event.date.end, event.date.basis) == (start, end, "background")


def test_a_measured_fight_outside_the_table_runs_back_from_publication(dated) -> None:
    event = dated("The Colombian army has fought the rebels for 12 years.", D(2015, 6, 23), "fought")
    assert (event.date.start, event.date.end, event.date.basis) == (D(2003, 1, 1), D(2015, 6, 23), "relative")


@pytest.mark.parametrize(
    ("text", "trigger", "basis"),
    [
        # a dated fight between the sides keeps its date
        ("In 2010 the FARC fought the Colombian army near the Venezuelan border.", "fought", "explicit"),
        # a present perfect strike is a recent act, not the whole conflict
        ("Turkish jets have bombed PKK positions in northern Iraq.", "bombed", "publication"),
    ],
)
def test_other_fights_between_the_sides_keep_their_own_date(dated, text: str, trigger: str, basis: str) -> None:
    assert dated(text, D(2018, 2, 25), trigger).date.basis == basis


@pytest.mark.parametrize(
    ("text", "trigger", "start", "end"),
    [
        ("Washington helped arm Saddam Hussein in Iraq's 1980-88 war with Iran.", "arm",
         D(1980, 1, 1), D(1988, 12, 31)),
        ("Hezbollah fought Israel during the 2006 war.", "fought", D(2006, 1, 1), D(2006, 12, 31)),
    ],
)
def test_a_war_named_by_its_years_dates_what_happens_in_it(
    dated, text: str, trigger: str, start: dt.date, end: dt.date
) -> None:
    event = dated(text, D(2018, 5, 9), trigger)
    assert (event.date.start, event.date.end, event.date.basis) == (start, end, "explicit")


def test_a_date_inside_a_clause_describing_a_noun_does_not_carry_over(dated) -> None:
    # 2014 is when the territory was taken, told inside the clause describing it: the bombing
    # in the next sentence is not of 2014
    event = dated("The territory Isis held when it swept through Iraq in 2014 has shrunk to a few villages. "
                  "Turkish jets bombed Kurdish positions near Manbij.", D(2019, 2, 10), "bombed")
    assert event.date.basis == "publication"


def test_a_subjectless_participle_on_the_event_verb_gives_its_date(dated) -> None:
    # the small model hangs "spearheaded ... on Saturday" on "launched" as a clause of its own
    event = dated("Ankara launched a ground offensive into Afrin spearheaded by allied Syrian rebel groups on "
                  "Saturday.", D(2018, 1, 25), "launched")
    assert (event.date.start, event.date.basis) == (D(2018, 1, 20), "relative")


def test_a_participle_describing_the_object_keeps_its_date_to_itself(dated) -> None:
    event = dated("Erdogan denounced the migrant deal signed last year with Brussels.", D(2017, 11, 27), "denounced")
    assert event.date.basis == "publication"


@pytest.mark.parametrize(
    "text",
    [
        "The PKK has fought Turkey for 5000 years.",
        "The PKK has fought Turkey for 10000000000000000000000 years.",
        "Syrian rebels have fought the army for 10000000000000000000000 days.",
        "Ankara says the 300-decade war with the PKK must end.",
    ],
)
def test_an_absurd_length_of_time_dates_nothing_and_breaks_nothing(pipeline, text: str) -> None:
    for event in pipeline.extract(Article(text=text, published=D(2015, 6, 23))).events:
        assert event.date.basis in ("publication", "inherited")


def test_a_short_measured_fight_is_not_the_whole_conflict(dated) -> None:
    event = dated("FARC rebels have attacked Colombian police stations for two days.", D(2015, 6, 23), "attacked")
    assert (event.date.start, event.date.basis) == (D(2015, 6, 21), "relative")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # a length the perfect has taken up to now: the last ten days, not the war it is part of
        ("Ethiopian jets have bombed Tigrayan towns in ten days of raids during the two-year war.", D(2022, 11, 8)),
        # a past act told with the war it happened in keeps the war's time
        ("Ethiopian jets bombed Tigrayan towns in ten days of raids during the two-year war.", D(2020, 1, 1)),
    ],
)
def test_a_length_in_which_a_perfect_act_happened_runs_up_to_now(dated, text: str, start: dt.date) -> None:
    assert dated(text, D(2022, 11, 18), "bombed").date.start == start


def test_a_conflicts_length_does_not_carry_over_to_the_next_sentence(dated) -> None:
    event = dated("The PKK has fought Turkish forces for three decades. Its fighters killed two Turkish soldiers "
                  "in Diyarbakir.", D(2015, 6, 23), "killed")
    assert event.date.basis == "publication"


@pytest.mark.parametrize(
    ("pointer", "basis"),
    [
        ("that attack", "inherited"),  # points back to the strike, dated a year ago
        ("an attack on Iran", "publication"),  # no pointing word: nothing to take a date from
    ],
)
def test_an_act_pointed_back_to_gives_its_date(dated, pointer: str, basis: str) -> None:
    # the year is in a clause describing the nerve agent strike, so no narrative carries it over
    text = ("The raid followed a nerve agent strike which left scores of villagers dead in Khan Sheikhun a year "
            "ago, when the US president ordered a missile strike on the Shayrat base. Washington gave Moscow "
            f"advance notice of {pointer}.")
    event = dated(text, D(2018, 4, 10), "notice")
    assert event.date.basis == basis
    if basis == "inherited":
        assert event.date.start.year == 2017


@pytest.mark.parametrize(
    ("text", "published", "trigger", "start", "end"),
    [
        pytest.param("Turkish troops entered Afrin in January. Six months later, the Turkish army shelled villages "
                     "near Tal Rifaat.", D(2018, 6, 7), "shelled", D(2018, 6, 1), D(2018, 6, 7),
                     id="later, and never past publication"),
        pytest.param("Obama backed away from air strikes on 31 August 2013. Ten days earlier, Assad's forces had "
                     "attacked Ghouta with sarin.", D(2018, 2, 10), "attacked", D(2013, 8, 21), D(2013, 8, 21),
                     id="earlier"),
        pytest.param("In 2016, the EU paid Turkey three billion euros. The previous year, Germany had welcomed "
                     "nearly a million refugees.", D(2018, 6, 7), "welcomed", D(2015, 1, 1), D(2015, 12, 31),
                     id="the previous year"),
        pytest.param("Modi will visit Washington on Friday. Four days later, he will travel to Ottawa.",
                     D(2016, 2, 10), "travel", D(2016, 2, 16), D(2016, 2, 16),
                     id="later than a time to come is to come too"),
    ],
)
def test_a_shift_counts_from_the_date_told_before(
    dated, text: str, published: dt.date, trigger: str, start: dt.date, end: dt.date
) -> None:
    event = dated(text, published, trigger)
    assert (event.date.start, event.date.end) == (start, end)


def test_a_shift_later_than_nothing_told_dates_nothing(dated) -> None:
    # six months after publication is no time an act reported as done can take
    event = dated("Six months later, the Turkish army shelled villages near Tal Rifaat.", D(2018, 6, 7), "shelled")
    assert event.date.basis == "publication"


@pytest.mark.parametrize(
    ("text", "trigger", "basis"),
    [
        pytest.param("Theresa May met Macron in London. Erdogan held talks with May in Downing Street.", "held",
                     "publication", id="a surname is no month"),
        pytest.param("Theresa May met Macron in London. Cameron resigned in May.", "resigned", "relative",
                     id="in May stays a month"),
        pytest.param("Theresa May met Macron in London. Paris police detained 40 rioters over May.", "detained",
                     "relative", id="over May stays a month"),
        pytest.param("The EU signed a deal with Turkey. Erdogan held talks with Merkel in May in Berlin.", "held",
                     "relative", id="no one of that name"),
    ],
)
def test_a_month_that_names_a_person_of_the_story_is_no_date(dated, text: str, trigger: str, basis: str) -> None:
    assert dated(text, D(2018, 4, 13), trigger).date.basis == basis


@pytest.mark.parametrize(
    ("text", "trigger", "start"),
    [
        pytest.param("Turkish aides are expected to meet John Bolton on Tuesday, after Erdogan rejected his demands.",
                     "rejected", D(2019, 1, 7), id="a past clause under a planned one is not on its day"),
        pytest.param("Turkish aides are expected to meet John Bolton on Tuesday, after Erdogan rejected his demands.",
                     "meet", D(2019, 1, 8), id="the planned clause keeps its day"),
        pytest.param("Merkel will visit Ankara on Friday to sign a trade deal.", "sign", D(2019, 1, 11),
                     id="a planned clause under a planned one takes its day"),
    ],
)
def test_a_past_clause_does_not_take_the_day_of_a_planned_one(dated, text: str, trigger: str, start: dt.date) -> None:
    assert dated(text, D(2019, 1, 7), trigger).date.start == start


@pytest.mark.parametrize(
    ("text", "start", "basis"),
    [
        pytest.param("Senators questioned Trump's decision to withdraw the troops from Syria. Aides tried to soften "
                     "Trump's December announcement.", D(2018, 12, 1), "inherited",
                     id="the same decision named again with its month"),
        pytest.param("Senators questioned Trump's decision to withdraw the troops from Syria. Trump's May "
                     "announcement on tariffs angered Beijing.", D(2019, 1, 10), "publication",
                     id="a decision about something else"),
        pytest.param("Senators questioned Trump's decision to withdraw the troops from Syria. Merkel's December "
                     "announcement surprised Paris.", D(2019, 1, 10), "publication", id="another person's decision"),
    ],
)
def test_a_decision_named_again_in_the_next_sentence_gives_its_date(dated, text: str, start: dt.date,
                                                                    basis: str) -> None:  # fmt: skip
    date = dated(text, D(2019, 1, 10), "withdraw").date
    assert (date.start, date.basis) == (start, basis)
