"""The PETRARCH/Phoenix dictionary importer: its syntax on a hand-written file, then the four
shared Phoenix dictionaries, imported and loaded back with ``kb.add_user_file``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from newsgraph.actors.kb import KnowledgeBase, add_user_file, load_kb
from newsgraph.actors.petrarch import (
    code_meaning,
    import_petrarch,
    import_petrarch_agents,
    parse_code,
    read_dictionary,
    write_yaml,
)
from newsgraph.errors import InputError, KnowledgeBaseError
from newsgraph.models import ACTOR_KINDS

SAMPLE = """\
# a comment line
JOHN_SMITH_  # CountryInfo.txt
+JOHNNY_SMITH_
+J._SMITH+_SMITH_JOHN_
\t[USAELI 750101-010120]
\t[USAGOV >010120]
\t[USAELI]
AFGHAN_NATIONAL_ARMY_ [AFGMIL] <!-- inline comment -->
+ANA
U.N._
THE_UNITED_NATIONS_ [IGOUNO]
AFGHANISTAN_ [AFG]
+KABUL_
ACME_WIDGETS_\t[MNCUSA]\tIndustrial Machinery\t$1,000
GREEK_ANARCHISTS_ [GRCREB] # kkl
+ORGANIZATION_
OLD_SOVIET_BODY_ [USRGOV 800101-911225] [RUSGOV >911226]
---STOP---
IGNORED_ [USAGOV]
"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.actors.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def _by_name(entries: list[dict]) -> dict[str, dict]:  # type: ignore[type-arg]
    return {e["name"]: e for e in entries}


@pytest.mark.parametrize(
    ("inside", "code", "start", "end"),
    [
        ("USAGOV", "USAGOV", None, None),
        ("USAGOV 990101-051231", "USAGOV", dt.date(1999, 1, 1), dt.date(2005, 12, 31)),
        ("AFGGOV >011222", "AFGGOV", dt.date(2001, 12, 22), None),
        ("EGYGOV > 140608", "EGYGOV", dt.date(2014, 6, 8), None),
        ("USRARM <900823", "USRARM", None, dt.date(1990, 8, 23)),
        ("AFGELI 320101-331108", "AFGELI", dt.date(1932, 1, 1), dt.date(1933, 11, 8)),  # 31-99: 19YY
        ("DDR 19491007-19901003", "DDR", dt.date(1949, 10, 7), dt.date(1990, 10, 3)),
        ("USAGOV 19820101", "USAGOV", dt.date(1982, 1, 1), None),  # a bare date starts the code
    ],
)
def test_codes_and_date_restrictions(inside: str, code: str, start: dt.date | None, end: dt.date | None) -> None:
    spec = parse_code(inside, "test")
    assert spec is not None and (spec.code, spec.start, spec.end) == (code, start, end)


@pytest.mark.parametrize("inside", ["---", "KORGOVBUS 2004017-20061201", "USAGOV 20100931-20111231", "X 050101-040101"])
def test_malformed_codes_are_skipped(inside: str) -> None:
    assert parse_code(inside, "test") is None


@pytest.mark.parametrize(
    ("code", "country", "sector", "kind"),
    [("AFGMIL", "AFG", "MIL", None), ("USRGOV", "SUN", "GOV", None), ("KSVGOV", "XKX", "GOV", None),
     ("IGOUNO", None, "IGO", "igo"), ("NGOTZA", "TZA", "NGO", "ngo"), ("MNCUSA", "USA", "BUS", "company"),
     ("IMGMUSALQ", None, "REB", "armed_group"), ("USAMED", "USA", "JRN", None),
     ("USAHLH", "USA", "MED", None), ("ELI", None, "ELI", None), ("USAASM", "USA", None, None)],
)  # fmt: skip
def test_code_meanings(code: str, country: str | None, sector: str | None, kind: str | None) -> None:
    meaning = code_meaning(code)
    assert meaning is not None and (meaning.country, meaning.sector, meaning.kind) == (country, sector, kind)


def test_syntax_of_an_actor_dictionary(sample: Path) -> None:
    entries = read_dictionary(sample)
    assert [e.phrase for e in entries] == [
        "JOHN SMITH", "AFGHAN NATIONAL ARMY", "THE UNITED NATIONS", "AFGHANISTAN", "ACME WIDGETS",
        "GREEK ANARCHISTS", "OLD SOVIET BODY",
    ]  # the uncoded U.N. joined the next coded entry; nothing after ---STOP---
    assert entries[0].synonyms == ["JOHNNY SMITH", "J. SMITH", "SMITH JOHN"]
    assert entries[2].synonyms == ["U.N."]


def test_import_maps_codes_to_actors(sample: Path) -> None:
    actors = _by_name(import_petrarch(sample))
    assert "Afghanistan" not in actors  # a bare country: newsgraph knows states, Kabul is a place
    smith = actors["John Smith"]
    assert (smith["kind"], smith["country"], smith["sector"]) == ("person", "USA", "ELI")
    assert smith["aliases"] == ["Johnny Smith", "J. Smith", "Smith John"]
    assert [(r["sector"], r["start"], r["end"]) for r in smith["roles"]] == [
        ("ELI", "1975-01-01", "2001-01-20"), ("GOV", "2001-01-20", None)]
    army = actors["Afghan National Army"]
    assert (army["kind"], army["country"], army["sector"], army["aliases"]) == ("military", "AFG", "MIL", ["ANA"])
    un = actors["United Nations"]
    assert (un["kind"], un["country"], un["affiliation"], un["aliases"]) == ("igo", None, "un", ["U.N."])
    assert (actors["Acme Widgets"]["kind"], actors["Acme Widgets"]["country"]) == ("company", "USA")
    assert "aliases" not in actors["Greek Anarchists"]  # "+ORGANIZATION" names no one
    soviet = actors["Old Soviet Body"]
    assert [(r["country"], r["start"]) for r in soviet["roles"]] == [("SUN", "1980-01-01"), ("RUS", "1991-12-26")]
    assert all(e["id"].startswith("petrarch:") for e in actors.values())


def test_written_yaml_loads_into_the_knowledge_base(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "imported.yaml"
    entries = import_petrarch(sample)
    write_yaml(entries, out, sample.name)
    kb = KnowledgeBase()
    assert add_user_file(kb, out) == len(entries)
    assert kb.actors["petrarch:john-smith"].roles[-1].sector == "GOV"
    assert "petrarch:john-smith" in kb.aliases["Johnny Smith"]


def test_known_names_are_left_out(sample: Path) -> None:
    kb = KnowledgeBase()
    kb.aliases["Afghan National Army"] = {"ana"}
    names = {e["name"] for e in import_petrarch(sample, kb)}
    assert "Afghan National Army" not in names and "John Smith" in names


def test_bad_files_fail_with_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such dictionary file"):
        import_petrarch(tmp_path / "missing.actors.txt")
    empty = tmp_path / "empty.actors.txt"
    empty.write_text("# only a comment\n\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"empty\.actors\.txt: no actor entries"):
        import_petrarch(empty)


# The shared Phoenix dictionaries -----------------------------------------------------------

FILES = {  # file: (entries read, actors imported)
    "Phoenix.Countries.actors.txt": (18350, 18122),
    "Phoenix.International.actors.txt": (7838, 6643),
    "Phoenix.MilNonState.actors.txt": (1021, 986),
}


def _dictionary(shared: Path, name: str) -> Path:
    path = shared / "benchmarks" / "petrarch_dictionaries" / name
    if not path.is_file():
        pytest.skip(f"{name} is absent")
    return path


@pytest.mark.parametrize("name", sorted(FILES))
def test_shared_dictionaries_import(shared: Path, name: str) -> None:
    path = _dictionary(shared, name)
    entries = import_petrarch(path)
    assert (len(read_dictionary(path)), len(entries)) == FILES[name]
    assert len({e["id"] for e in entries}) == len(entries)
    assert {e["kind"] for e in entries} <= set(ACTOR_KINDS)


def test_known_phoenix_entries(shared: Path) -> None:
    countries = _by_name(import_petrarch(_dictionary(shared, "Phoenix.Countries.actors.txt")))
    karzai = countries["Hamid Karzai"]
    assert karzai["kind"] == "person" and "Karzai" in karzai["aliases"]
    assert {"country": "AFG", "sector": "GOV", "start": "2001-12-22"}.items() <= karzai["roles"][-1].items()
    ansf = countries["Afghan National Security Forces"]
    assert (ansf["kind"], ansf["country"], ansf["sector"]) == ("military", "AFG", "MIL") and "ANSF" in ansf["aliases"]
    assert "Afghanistan" not in countries
    international = _by_name(import_petrarch(_dictionary(shared, "Phoenix.International.actors.txt")))
    annan = international["Kofi Annan"]
    assert annan["kind"] == "person"
    assert [(r["sector"], r["organisation"], r["start"], r["end"]) for r in annan["roles"]] == [
        ("IGO", "un", "1997-01-01", "2006-12-31")]
    assert (international["A123 Systems"]["kind"], international["A123 Systems"]["country"]) == ("company", "USA")
    groups = _by_name(import_petrarch(_dictionary(shared, "Phoenix.MilNonState.actors.txt")))
    assert {k: groups["Taliban"][k] for k in ("kind", "country", "sector", "aliases")} == {
        "kind": "armed_group", "country": "AFG", "sector": "REB", "aliases": ["Taleban"]}


def test_import_against_the_bundled_kb_adds_only_new_names(shared: Path) -> None:
    names = {e["name"] for e in import_petrarch(_dictionary(shared, "Phoenix.MilNonState.actors.txt"), load_kb())}
    assert "Taliban" not in names and "Tanzim" in names
    assert len(names) < FILES["Phoenix.MilNonState.actors.txt"][1]


@pytest.mark.parametrize("name", ["Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt"])
def test_shared_dictionaries_load_with_add_user_file(shared: Path, tmp_path: Path, name: str) -> None:
    entries = import_petrarch(_dictionary(shared, name))
    out = tmp_path / "imported.yaml"
    write_yaml(entries, out, name)
    kb = KnowledgeBase()
    assert add_user_file(kb, out) == FILES[name][1]


@pytest.mark.slow
def test_the_countries_dictionary_loads_with_add_user_file(shared: Path, tmp_path: Path) -> None:
    name = "Phoenix.Countries.actors.txt"
    out = tmp_path / "countries.yaml"
    write_yaml(import_petrarch(_dictionary(shared, name)), out, name)
    kb = KnowledgeBase()
    assert add_user_file(kb, out) == FILES[name][1]
    assert kb.actors["petrarch:hamid-karzai"].kind == "person"


def test_the_agents_dictionary(shared: Path, tmp_path: Path) -> None:
    path = _dictionary(shared, "Phoenix.agents.txt")
    agents = {a["sector"]: a for a in import_petrarch_agents(path)}
    assert {"farmer", "farmers", "dairyman", "dairymen"} <= set(agents["AGR"]["words"])  # !PERSON! expanded
    assert {"doctor", "doctors", "doc"} <= set(agents["MED"]["words"])  # CAMEO HLH is our MED
    assert "docs" not in agents["MED"]["words"]  # "DOC {}": no plural
    assert {"gunman", "gunmen", "mercenary"} <= set(agents["UAF"]["words"])
    assert agents["JRN"]["kind"] == "media" and "MUS" not in agents  # religions are not sectors
    assert {a["kind"] for a in agents.values()} <= set(ACTOR_KINDS)
    out = tmp_path / "agents.yaml"
    write_yaml(list(agents.values()), out, path.name)
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["agents"]) == len(agents)
    new = {a["sector"]: a for a in import_petrarch_agents(path, load_kb())}
    assert "police" not in new["COP"]["words"]  # already a bundled agent word
