"""Real DuckDB databases for the network, API, export and web tests.

``handmade_db`` stores hand-coded extractions (the records of ``newsgraph.models``, as the
pipeline would return them) of seven short articles about Russia, the Taliban and their
neighbours, so the tests know every expected tie. ``sample_db`` codes bundled sample articles
with the real pipeline, as ``newsgraph demo`` does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsgraph.models import (
    Actor,
    ActorRef,
    Article,
    Attribution,
    Event,
    Evidence,
    Extraction,
    Mention,
    Place,
    Role,
    TimeSpan,
)
from newsgraph.store import Store

ACTORS = {
    a.id: a
    for a in [
        Actor("RUS", "Russia", "state", "RUS", aliases=["Russian Federation", "Moscow"]),
        Actor("USA", "United States", "state", "USA", aliases=["US", "Washington"]),
        Actor("AFG", "Afghanistan", "state", "AFG"),
        Actor("RUS.SPY", "Russian intelligence", "intelligence", "RUS", "SPY"),
        Actor("AFG.COP", "Afghan police", "police", "AFG", "COP"),
        Actor("gru", "GRU", "intelligence", "RUS", "SPY", aliases=["Main Intelligence Directorate"]),
        Actor("taliban", "Taliban", "armed_group", "AFG", "REB", aliases=["Taleban"]),
        Actor("northern-alliance", "Northern Alliance", "armed_group", "AFG", "REB"),
        Actor("eu", "European Union", "igo", None, "IGO", aliases=["EU"]),
        Actor(
            "vladimir-putin",
            "Vladimir Putin",
            "person",
            None,
            None,
            aliases=["Putin"],
            roles=[Role("president", "RUS", "GOV", "2000-05-07", "2008-05-07")],
        ),
        Actor(
            "hamid-karzai",
            "Hamid Karzai",
            "person",
            None,
            None,
            aliases=["Karzai"],
            roles=[Role("president", "AFG", "GOV", "2001-12-22", "2014-09-29")],
        ),
        Actor(
            "dmitry-medvedev",
            "Dmitry Medvedev",
            "person",
            None,
            None,
            aliases=["Medvedev"],
            roles=[Role("president", "RUS", "GOV", "2008-05-07", "2012-05-07")],
        ),
        Actor("zamir-kabulov", "Zamir Kabulov", "person", "RUS", "GOV", aliases=["Kabulov"]),
        Actor("igor-sergun", "Igor Sergun", "person", None, None, "gru", aliases=["Sergun"]),
        Actor(
            "mullah-baradar",
            "Mullah Baradar",
            "person",
            "AFG",
            "REB",
            "taliban",
            aliases=["Baradar"],
        ),
    ]
}

# Words of the texts that name each actor (the mentions).
SURFACES = {
    "RUS": ["Russia", "Moscow", "Kremlin"],
    "USA": ["United States"],
    "AFG": ["Afghan government"],
    "RUS.SPY": ["Russian intelligence"],
    "AFG.COP": ["Afghan police"],
    "gru": ["GRU"],
    "taliban": ["Taliban"],
    "northern-alliance": ["Northern Alliance"],
    "eu": ["European Union"],
    "vladimir-putin": ["Vladimir Putin"],
    "hamid-karzai": ["Hamid Karzai"],
    "dmitry-medvedev": ["Dmitry Medvedev"],
    "zamir-kabulov": ["Zamir Kabulov"],
    "igor-sergun": ["Igor Sergun"],
    "mullah-baradar": ["Mullah Baradar"],
}


@dataclass
class Coded:
    """One hand-coded event: the clause that carries it and who did what to whom."""

    clause: str
    trigger: str
    type: str
    source: list[str]
    target: list[str]
    modality: str = "asserted"
    covert: bool = False
    attribution: list[tuple[str, str]] = field(default_factory=list)
    cameo: str = "01"
    quad: int = 1
    goldstein: float = 0.0
    mode: str | None = None
    place: str | None = None


@dataclass
class Story:
    """One hand-written article and its coded events."""

    slug: str
    title: str
    publisher: str
    published: dt.date
    text: str
    events: list[Coded]


STORIES = [
    Story(
        "moscow-backs-alliance",
        "Moscow backs the Northern Alliance",
        "Pravda",
        dt.date(2001, 10, 9),
        "Russia will send weapons to the Northern Alliance, the Kremlin said on Tuesday. "
        "The Taliban accused Russia of arming its enemies. "
        "Vladimir Putin spoke with Hamid Karzai by telephone.",
        [
            Coded(
                "Russia will send weapons to the Northern Alliance",
                "send",
                "AID",
                ["RUS"],
                ["northern-alliance"],
                "planned",
                cameo="07",
                quad=2,
                goldstein=7.0,
                mode="weapons",
                attribution=[("Kremlin", "said")],
            ),
            Coded(
                "The Taliban accused Russia of arming its enemies",
                "accused",
                "ACCUSE",
                ["taliban"],
                ["RUS"],
                cameo="11",
                quad=3,
                goldstein=-2.0,
            ),
            Coded(
                "Vladimir Putin spoke with Hamid Karzai by telephone",
                "spoke",
                "CONSULT",
                ["vladimir-putin"],
                ["hamid-karzai"],
                cameo="04",
                quad=1,
                goldstein=1.0,
                mode="phone",
            ),
        ],
    ),
    Story(
        "karzai-visits-moscow",
        "Karzai visits Moscow",
        "Pravda",
        dt.date(2011, 1, 22),
        "Hamid Karzai met Dmitry Medvedev in Moscow. Russia agreed to train the Afghan police.",
        [
            Coded(
                "Hamid Karzai met Dmitry Medvedev in Moscow",
                "met",
                "CONSULT",
                ["hamid-karzai"],
                ["dmitry-medvedev"],
                cameo="04",
                quad=1,
                goldstein=1.0,
                mode="visit",
                place="Moscow",
            ),
            Coded(
                "Russia agreed to train the Afghan police",
                "agreed",
                "AGREE",
                ["RUS"],
                ["AFG.COP"],
                cameo="03",
                quad=1,
                goldstein=4.5,
            ),
        ],
    ),
    Story(
        "eu-sanctions-russia",
        "EU sanctions Russia over Crimea",
        "The Guardian",
        dt.date(2014, 3, 17),
        "The European Union imposed sanctions on Russia over Crimea. "
        "Russia threatened to retaliate against the European Union.",
        [
            Coded(
                "The European Union imposed sanctions on Russia",
                "imposed",
                "SANCTION",
                ["eu"],
                ["RUS"],
                cameo="16",
                quad=4,
                goldstein=-8.0,
            ),
            Coded(
                "Russia threatened to retaliate against the European Union",
                "threatened",
                "THREATEN",
                ["RUS"],
                ["eu"],
                cameo="13",
                quad=3,
                goldstein=-6.0,
            ),
        ],
    ),
    Story(
        "russia-taliban-contacts",
        "Russia's quiet contacts with the Taliban",
        "The Guardian",
        dt.date(2015, 12, 24),
        "Russian intelligence has secretly shared information with the Taliban, Afghan "
        "officials said. Zamir Kabulov met Taliban envoys in Moscow. "
        "Igor Sergun of the GRU met Taliban commanders in Tajikistan.",
        [
            Coded(
                "Russian intelligence has secretly shared information with the Taliban",
                "shared",
                "COOPERATE",
                ["RUS.SPY"],
                ["taliban"],
                "reported",
                True,
                [("Afghan officials", "said")],
                cameo="06",
                quad=2,
                goldstein=6.0,
            ),
            Coded(
                "Zamir Kabulov met Taliban envoys in Moscow",
                "met",
                "CONSULT",
                ["zamir-kabulov"],
                ["taliban"],
                cameo="04",
                quad=1,
                goldstein=1.0,
                place="Moscow",
            ),
            Coded(
                "Igor Sergun of the GRU met Taliban commanders in Tajikistan",
                "met",
                "CONSULT",
                ["igor-sergun"],
                ["taliban"],
                cameo="04",
                quad=1,
                goldstein=1.0,
            ),
        ],
    ),
    Story(
        "us-accuses-russia",
        "US accuses Russia of arming the Taliban",
        "Reuters",
        dt.date(2018, 3, 23),
        "The United States accused Russia of supplying arms to the Taliban. "
        "Moscow rejected the claim.\n"
        # Scraped pages carry markup: the page must show it as text and never run it.
        "Reader comment: <img src=x onerror=\"document.body.dataset.pwned='1'\"> "
        "<script>document.body.dataset.pwned='1'</script>",
        [
            Coded(
                "The United States accused Russia",
                "accused",
                "ACCUSE",
                ["USA"],
                ["RUS"],
                cameo="11",
                quad=3,
                goldstein=-2.0,
            ),
            Coded(
                "Russia of supplying arms to the Taliban",
                "supplying",
                "AID",
                ["RUS"],
                ["taliban"],
                "reported",
                attribution=[("United States", "accused")],
                cameo="07",
                quad=2,
                goldstein=7.0,
                mode="weapons",
            ),
            Coded(
                "Moscow rejected the claim",
                "rejected",
                "REJECT",
                ["RUS"],
                ["USA"],
                cameo="12",
                quad=3,
                goldstein=-4.0,
            ),
        ],
    ),
    Story(
        "doha-agreement",
        "US and Taliban sign Doha agreement",
        "Reuters",
        dt.date(2020, 2, 29),
        "The United States and the Taliban signed an agreement in Doha. Mullah Baradar signed for the Taliban.",
        [
            Coded(
                "The United States and the Taliban signed an agreement",
                "signed",
                "AGREE",
                ["USA"],
                ["taliban"],
                cameo="057",
                quad=1,
                goldstein=8.0,
            ),
            Coded(
                "The United States and the Taliban signed an agreement",
                "signed",
                "AGREE",
                ["taliban"],
                ["USA"],
                cameo="057",
                quad=1,
                goldstein=8.0,
            ),
            Coded(
                "Mullah Baradar signed for the Taliban",
                "signed",
                "AGREE",
                ["mullah-baradar"],
                ["USA"],
                cameo="057",
                quad=1,
                goldstein=8.0,
            ),
        ],
    ),
    Story(
        "russia-mobilises",
        "Russia moves troops",
        "Pravda",
        dt.date(2019, 7, 1),
        "Russia mobilised troops near the border.",
        [
            Coded(
                "Russia mobilised troops near the border",
                "mobilised",
                "MOBILIZE",
                ["RUS"],
                [],
                cameo="15",
                quad=4,
                goldstein=-7.0,
                mode="troops",
            )
        ],
    ),
]


def _ref(actor_id: str, day: dt.date) -> ActorRef:
    actor = ACTORS[actor_id]
    country, sector = actor.country, actor.sector
    for role in actor.roles:
        if role.covers(day):
            country, sector = role.country, role.sector
    if country is None and actor.affiliation:
        country = ACTORS[actor.affiliation].country
    return ActorRef(actor.id, actor.name, actor.kind, country, sector, actor.affiliation, actor.name)


def extraction(story: Story) -> Extraction:
    """The records the pipeline would return for one story."""
    article = Article(
        text=story.text,
        title=story.title,
        publisher=story.publisher,
        published=story.published,
        url=f"https://news.example.org/{story.slug}",
        source_path=f"{story.slug}.txt",
    )
    mentions = []
    named: set[str] = set()
    for actor_id, words in SURFACES.items():
        for word in words:
            start = story.text.find(word)
            while start >= 0:
                sentence = story.text[:start].count(". ")
                mentions.append(Mention(actor_id, word, start, start + len(word), sentence, "kb"))
                named.add(actor_id)
                start = story.text.find(word, start + 1)
    found = []
    for number, coded in enumerate(story.events):
        start = story.text.index(coded.clause)
        end = start + len(coded.clause)
        sentence_start = story.text.rfind(". ", 0, start)
        sentence_start = 0 if sentence_start < 0 else sentence_start + 2
        sentence_end = story.text.find(". ", end)
        sentence_end = len(story.text) if sentence_end < 0 else sentence_end + 1
        event_id = hashlib.sha1(f"{article.id}:{number}".encode()).hexdigest()[:16]
        found.append(
            Event(
                id=event_id,
                doc_id=article.id,
                type=coded.type,
                mode=coded.mode,
                source=[_ref(a, story.published) for a in coded.source],
                target=[_ref(a, story.published) for a in coded.target],
                date=TimeSpan(story.published, story.published, "day", None, "publication"),
                place=Place(coded.place, "RUS", 55.75, 37.62, "city", coded.place) if coded.place else None,
                quantity=None,
                modality=coded.modality,
                covert=coded.covert,
                attribution=[Attribution(name, cue) for name, cue in coded.attribution],
                evidence=Evidence(coded.clause, story.text[sentence_start:sentence_end], start, end, coded.trigger),
                cameo=coded.cameo,
                quad_class=coded.quad,
                goldstein=coded.goldstein,
                confidence=0.9,
                rule="handmade",
            )
        )
        named.update(coded.source + coded.target)
    actors = [ACTORS[a] for a in sorted(named)]
    return Extraction(article=article, actors=actors, mentions=mentions, events=found)


def handmade_db(path: Path) -> Path:
    """Store the hand-coded stories in a new DuckDB file and return its path."""
    with Store(path) as store:
        store.add_batch(extraction(story) for story in STORIES)
    return path


SAMPLE_FILES = (
    "01_us_strikes_taliban_moscow_backs_alliance.txt",
    "02_putin_rabbani_dushanbe_talks.txt",
    "04_russia_rifles_afghan_police_2010.txt",
    "12_russia_rifles_afghanistan_2016.txt",
    "13_us_taliban_doha_agreement_2020.txt",
    "17_uk_expels_russian_diplomats_2018.txt",
)


def sample_db(path: Path, pipeline: object, files: tuple[str, ...] | None = SAMPLE_FILES) -> Path:
    """Code bundled sample articles (all of them with ``files=None``) with the real pipeline."""
    from newsgraph.cli import sample_folder
    from newsgraph.engines.local import ingest

    folder = sample_folder()
    sources = [str(folder)] if files is None else [str(folder / name) for name in files]
    with Store(path) as store:
        ingest(sources, store, pipeline)  # type: ignore[arg-type]
    return path


@pytest.fixture(scope="session")
def handmade_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-coded stories in a DuckDB file, built once per session."""
    return handmade_db(tmp_path_factory.mktemp("handmade") / "handmade.duckdb")


@pytest.fixture
def handmade_store(handmade_path: Path):  # type: ignore[no-untyped-def]
    """The hand-coded database, opened read-only."""
    with Store(handmade_path, read_only=True) as store:
        yield store


@pytest.fixture(scope="session")
def samples_path(tmp_path_factory: pytest.TempPathFactory, pipeline: object) -> Path:
    """Every bundled sample coded by the real pipeline (what ``newsgraph demo`` stores)."""
    return sample_db(tmp_path_factory.mktemp("samples") / "samples.duckdb", pipeline, None)
