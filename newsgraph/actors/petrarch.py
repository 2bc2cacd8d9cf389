"""Import PETRARCH/Phoenix (TABARI-format) dictionaries into newsgraph's YAML formats.

Actor dictionaries (``*.actors.txt``) become user actor files (``actors/data/README.md``) that
``kb.add_user_file`` loads; agent dictionaries (``*.agents.txt``) become ``agents.yaml``-style
lists. The syntax read, as PETRARCH's own reader does:

  * ``#`` starts a comment anywhere on a line; ``<!-- ... -->`` on one line is a comment;
    ``---STOP---`` ends the file.
  * A line at the margin is a new entry: ``JOHN_SMITH_ [USAGOV]``; words are joined by ``_``.
    The code may be missing, then it comes from the indented lines below; an entry with no code
    at all shares the codes of the next entry that has one (PETRARCH files its phrases under
    the next code it stores).
  * ``+JOHNNY_SMITH_`` adds a synonym; ``A+_B_`` on one line holds two.
  * An indented ``[CODE]`` replaces the default code; ``[CODE 990101-051231]``, ``[CODE >990101]``
    and ``[CODE <051231]`` hold in a date range; several ``[...]`` may share a line. Dates are
    ``YYMMDD`` (years 00-30 are 20YY, the rest 19YY) or ``YYYYMMDD``.

Codes map as: first three letters = country (ISO alpha-3; CAMEO's own codes such as ``USR`` and
``KSV`` are translated), the next three = sector. ``IGO``, ``NGO``, ``IMG``, ``MNC``, ``INT`` and
regional codes have no country of their own (an NGO or company code that goes on with a state, as
``MNCUSA``, takes that state). CAMEO's ``MED`` (media) and ``HLH`` (health) become newsgraph's
``JRN`` and ``MED``. Dated codes become roles; an entry with dated codes, or coded ``ELI``, is a
person. Entries whose only code is a bare country are the state itself, which newsgraph already
knows with its cities kept apart as places, so they are skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import pycountry
import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.actors.kb import KIND_OF_SECTOR, KnowledgeBase
from newsgraph.errors import InputError, KnowledgeBaseError

log = logging.getLogger(__name__)

ISO3 = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX", "SUN", "YUG", "CSK", "DDR", "SCG", "YMD"}
CAMEO_COUNTRIES = {"USR": "SUN", "KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD", "FRY": "YUG"}
REGIONS = frozenset({
    "AFR", "ASA", "BLK", "BAL", "CAF", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EUR", "LAM",
    "MDT", "MEA", "NAF", "NAM", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST",
})  # fmt: skip
# Prefixes of actors that belong to no state: kind and default sector.
NON_STATE = {
    "IGO": ("igo", "IGO"), "NGO": ("ngo", "NGO"), "IMG": ("armed_group", "REB"),
    "MNC": ("company", "BUS"), "INT": ("other", None), "UIS": ("other", None),
}  # fmt: skip
SECTORS = {"MED": "JRN", "HLH": "MED", "PPL": "CVL"}  # CAMEO sector -> newsgraph sector
RELIGIONS = frozenset({"MUS", "CHR", "JEW", "HIN", "BUD", "SHI", "SUN", "CTH", "PRO", "ORT", "SIK"})
KIND = {
    **KIND_OF_SECTOR, "OPP": "party", "UAF": "armed_group", "IGO": "igo", "NGO": "ngo",
    "ELI": "person", "CVL": "population", "REF": "population", "LAB": "population",
    "EDU": "population", "AGR": "population", "MED": "population",
}  # fmt: skip
AFFILIATIONS = {"UNO": "un"}  # IGO second chunk -> bundled actor id
# Bare sector codes ("[ELI]" as a person's default) name a sector and no country.
BARE_SECTORS = frozenset(KIND) | frozenset(SECTORS) | {"CRM", "REL", "HRI", "ENV", "DEV", "RAD"}
# Single words never kept as aliases: they name a kind of thing, not one actor ("+ORGANIZATION").
GENERIC = frozenset({
    "organization", "organisation", "group", "movement", "front", "army", "party", "council",
    "committee", "union", "league", "government", "ministry", "forces", "force", "brigade",
    "brigades", "network", "alliance", "state", "republic", "people", "agency", "company",
})  # fmt: skip
# Words that make a dated entry an institution rather than a person ("Volkskammer" has none, so
# it reads as a person; "Kosovo Assembly" does).
ORGANISATION_WORDS = GENERIC | {
    "assembly", "authority", "congress", "parliament", "soviet", "bureau", "service", "office",
    "directorate", "court", "commission", "palace", "house", "fleet", "guard", "police",
    "council", "cabinet", "administration", "senate", "chamber", "corps", "regime", "junta",
}  # fmt: skip
_BRACKET = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"<!--.*?-->")


@dataclass
class CodeSpec:
    """One code of an entry, with its date range (None = open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        """True when the code holds only in a date range."""
        return self.start is not None or self.end is not None


@dataclass
class DictionaryEntry:
    """An entry of a PETRARCH actor dictionary as written: phrases and codes."""

    phrase: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[CodeSpec] = field(default_factory=list)
    comment: str = ""
    line: int = 0


# Reading ----------------------------------------------------------------------------------


def _read_lines(path: str | Path) -> tuple[Path, list[str]]:
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such dictionary file")
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise InputError(str(path), f"cannot read ({e.strerror or e})") from e
    return path, text.splitlines()


def _date(text: str, source: str) -> dt.date | None:
    """A PETRARCH date: ``YYMMDD`` (00-30 -> 20YY) or ``YYYYMMDD``; None when malformed."""
    digits = text.strip()
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{2000 + year if year <= 30 else 1900 + year}{digits[2:]}"
    if len(digits) != 8 or not digits.isdigit():
        log.warning("%s: date %r is neither YYMMDD nor YYYYMMDD; code skipped", source, text)
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        log.warning("%s: %r is not a calendar date; code skipped", source, text)
        return None


def parse_code(inside: str, source: str) -> CodeSpec | None:
    """One bracket's content: ``USAGOV``, ``USAGOV 990101-051231``, ``USAGOV >990101``."""
    code, _, rest = inside.strip().partition(" ")
    rest = rest.strip().replace(" ", "")
    if not code or code.startswith("---"):
        return None
    if not rest:
        return CodeSpec(code)
    if rest[0] in "<>":
        day = _date(rest[1:], source)
        if day is None:
            return None
        return CodeSpec(code, end=day) if rest[0] == "<" else CodeSpec(code, start=day)
    first, dash, second = rest.partition("-")
    start = _date(first, source)
    end = _date(second, source) if dash else None
    if start is None or (dash and end is None):
        return None
    if end is not None and end < start:
        log.warning("%s: date range %s ends before it starts; code skipped", source, rest)
        return None
    # a bare date ("[USAGOV 19820101]") is read as the day the code starts to hold
    return CodeSpec(code, start=start, end=end)


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def read_dictionary(path: str | Path) -> list[DictionaryEntry]:
    """Parse a PETRARCH actor dictionary into its entries, in file order.

    Raises:
        InputError: the file is missing or unreadable.
        KnowledgeBaseError: the file has no entries (it is not an actor dictionary).
    """
    path, lines = _read_lines(path)
    entries: list[DictionaryEntry] = []
    uncoded: list[DictionaryEntry] = []  # entries waiting for the codes of the next one
    current: DictionaryEntry | None = None

    def close(entry: DictionaryEntry | None) -> None:
        if entry is None:
            return
        if not entry.codes:
            uncoded.append(entry)
            return
        for waiting in uncoded:  # PETRARCH files them under the same codes
            entry.synonyms.extend([waiting.phrase, *waiting.synonyms])
        uncoded.clear()
        entries.append(entry)

    for number, raw in enumerate(lines, start=1):
        if "---STOP---" in raw:
            break
        source = f"{path.name}:{number}"
        line, _, comment = _COMMENT.sub("", raw).partition("#")
        if not line.strip():
            continue
        stripped = line.strip()
        codes = [c for c in (parse_code(m, source) for m in _BRACKET.findall(line)) if c]
        head = stripped.split("[", 1)[0].strip()
        if stripped.startswith("["):  # an indented code line
            if current is None:
                log.warning("%s: code line before any entry; skipped", source)
            else:
                current.codes.extend(codes)
        elif stripped.startswith("+"):
            if current is None:
                log.warning("%s: synonym before any entry; skipped", source)
                continue
            current.synonyms.extend(p for part in head[1:].split("+") if (p := _phrase(part)))
            current.codes.extend(codes)
        else:
            close(current)
            parts = [p for part in head.split("+") if (p := _phrase(part))]
            if not parts:
                current = None
                continue
            current = DictionaryEntry(parts[0], parts[1:], codes, comment.strip(), number)
    close(current)
    if not entries and not uncoded:
        raise KnowledgeBaseError(f"{path}: no actor entries found (is it a PETRARCH .actors file?)")
    return entries


# Mapping ----------------------------------------------------------------------------------


@dataclass
class CodeMeaning:
    """What a CAMEO actor code says: country, sector, kind hint and organisation."""

    country: str | None
    sector: str | None
    kind: str | None
    affiliation: str | None = None


def _sector(chunk: str | None) -> str | None:
    if not chunk or not chunk.isalpha():
        return None
    return SECTORS.get(chunk, chunk)


def code_meaning(code: str) -> CodeMeaning | None:
    """Read a CAMEO actor code ("AFGMIL", "IGOUNO", "MNCUSA"); None for an unknown prefix."""
    code = code.strip().lstrip("~").upper()
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    first = chunks[0] if chunks else ""
    second = chunks[1] if len(chunks) > 1 else None
    if first in CAMEO_COUNTRIES or first in ISO3:
        country = CAMEO_COUNTRIES.get(first, first)
        if second in RELIGIONS:
            return CodeMeaning(country, None, "population")
        if second in ISO3:  # "USAASM": a dependent territory, a place like the state itself
            return CodeMeaning(country, None, None)
        return CodeMeaning(country, _sector(second), None)
    if first in NON_STATE:
        kind, default = NON_STATE[first]
        if first == "IGO":
            return CodeMeaning(None, default, kind, AFFILIATIONS.get(second or ""))
        # "MNCUSA", "NGOTZA": based in a state; "IMGMUS" is Muslim, not Mauritius
        if (second in ISO3 or second in CAMEO_COUNTRIES) and second not in RELIGIONS:
            return CodeMeaning(CAMEO_COUNTRIES.get(second, second), default, kind)
        sector = _sector(second) if second not in RELIGIONS else None
        return CodeMeaning(None, sector or default, kind if not sector or kind != "other" else None)
    if first in REGIONS:
        return CodeMeaning(None, _sector(second) if second not in RELIGIONS else None, None)
    if first in BARE_SECTORS:
        return CodeMeaning(None, _sector(first), None)
    return None


def _title(phrase: str) -> str:
    """ "THE_AFGHAN_NATIONAL_ARMY" -> "Afghan National Army"; a lone word of up to four letters
    ("ANSF", "UN") is an acronym and stays in capitals, so it is matched case-sensitively."""
    words = phrase.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]  # the matcher makes a leading "the" optional
    if len(words) == 1 and len(words[0].strip(".")) <= 4:
        return words[0]
    small = {"of", "the", "and", "for", "in", "on", "de", "la", "du", "des", "al", "el", "to"}
    out = []
    for i, word in enumerate(words):
        if word.startswith("("):
            out.append(word)  # "(AAIA)", an acronym after a name
        elif i > 0 and word.lower() in small:
            out.append(word.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "actor"


def _known_alias(alias: str, known: KnowledgeBase | None) -> bool:
    if known is None:
        return False
    return alias in known.aliases or alias.lower() in _lower_aliases(known)


_LOWER: dict[int, tuple[KnowledgeBase, set[str]]] = {}


def _lower_aliases(kb: KnowledgeBase) -> set[str]:
    cached = _LOWER.get(id(kb))
    if cached is None or cached[0] is not kb:
        cached = _LOWER[id(kb)] = (kb, {a.lower() for a in kb.aliases})
    return cached[1]


def _aliases(entry: DictionaryEntry, name: str, known: KnowledgeBase | None) -> list[str]:
    out: dict[str, str] = {}
    for phrase in [entry.phrase, *entry.synonyms]:
        alias = _title(phrase)
        lower = alias.lower()
        if len(alias) < 2 or lower in out or lower == name.lower():
            continue
        if " " not in alias and (lower in STOP_WORDS or lower in GENERIC):
            continue  # "+US" stays (it is in capitals and matched as such); "+ORGANIZATION" goes
        if known is not None and (lower in known.agents or _known_alias(alias, known)):
            continue
        out[lower] = alias
    return list(out.values())


def _is_person(entry: DictionaryEntry, meanings: list[CodeMeaning | None]) -> bool:
    """PETRARCH does not say what a name is: a leader of CountryInfo.txt, a name coded ELI (an
    elite) or holding dated codes is taken for a person, unless it has an institution's word."""
    if set(entry.phrase.lower().split()) & ORGANISATION_WORDS:
        return False
    if "countryinfo" in entry.comment.lower():
        return True
    if any(m is not None and m.sector == "ELI" for m in meanings):
        return True
    return any(code.dated for code in entry.codes)


def entry_to_actor(entry: DictionaryEntry, source: str, known: KnowledgeBase | None = None) -> dict[str, Any] | None:
    """One dictionary entry as a user-actors YAML entry; None when there is nothing to import
    (a bare country, an unknown code, or every name already known)."""
    meanings = [code_meaning(c.code) for c in entry.codes]
    if not any(meanings):
        log.info("%s:%d: %s has no code newsgraph can read (%s); skipped", source, entry.line,
                 entry.phrase, " ".join(c.code for c in entry.codes))  # fmt: skip
        return None
    person = _is_person(entry, meanings)
    usable = [(c, m) for c, m in zip(entry.codes, meanings, strict=True) if m is not None]
    if not person and all(m.sector is None and m.kind is None for _, m in usable):
        return None  # the state itself, or its cities and provinces: newsgraph knows states
    default = next((m for c, m in usable if not c.dated), usable[0][1])
    name = _title(entry.phrase)
    if known is not None and _known_alias(name, known):
        return None
    kind = "person" if person else default.kind or KIND.get(default.sector or "", "other")
    actor: dict[str, Any] = {
        "id": f"petrarch:{_slug(entry.phrase)}",
        "name": name,
        "kind": kind,
        "country": default.country,
        "sector": default.sector,
    }
    if aliases := _aliases(entry, name, known):
        actor["aliases"] = aliases
    roles = [
        {"title": code.code, "country": meaning.country, "sector": meaning.sector,
         "start": code.start.isoformat() if code.start else None,
         "end": code.end.isoformat() if code.end else None,
         **({"organisation": meaning.affiliation} if meaning.affiliation else {})}
        for code, meaning in usable if code.dated
    ]  # fmt: skip
    if roles:
        actor["roles"] = sorted(roles, key=lambda r: r["start"] or "")
    if default.affiliation and not roles:
        actor["affiliation"] = default.affiliation
    actor["note"] = f"PETRARCH {Path(source).name}:{entry.line} " + " ".join(c.code for c in entry.codes)
    return actor


def import_petrarch(path: str | Path, known: KnowledgeBase | None = None) -> list[dict[str, Any]]:
    """Convert a PETRARCH/Phoenix actor dictionary into user-actors YAML entries.

    Args:
        path: a ``*.actors.txt`` dictionary.
        known: a knowledge base whose names are left out, so the import adds only what newsgraph
            does not know (None keeps every entry).

    Returns:
        Entries in the ``actors/data/README.md`` format, ids prefixed ``petrarch:``; entries that
        share an id (the same phrase twice) are merged.

    Raises:
        InputError: the file is missing or unreadable.
        KnowledgeBaseError: the file holds no actor entries.
    """
    path = Path(path)
    merged: dict[str, dict[str, Any]] = {}
    for entry in read_dictionary(path):
        actor = entry_to_actor(entry, str(path), known)
        if actor is None:
            continue
        seen = merged.get(actor["id"])
        if seen is None:
            merged[actor["id"]] = actor
            continue
        lower = {a.lower() for a in seen.get("aliases", [])} | {seen["name"].lower()}
        extra = [a for a in actor.get("aliases", []) if a.lower() not in lower]
        if extra:
            seen["aliases"] = [*seen.get("aliases", []), *extra]
    return list(merged.values())


# Agents -----------------------------------------------------------------------------------


def _plural(word: str) -> str:
    """PETRARCH's regular plural: -Y -> -IES, -S -> -SES, else -S."""
    if word.endswith("Y"):
        return word[:-1] + "IES"
    return word + ("ES" if word.endswith("S") else "S")


def import_petrarch_agents(path: str | Path, known: KnowledgeBase | None = None) -> list[dict[str, Any]]:
    """Convert a PETRARCH agents dictionary into ``agents.yaml`` entries (words, kind, sector).

    ``!SET! = A, B`` substitution sets are expanded, ``{PLURAL}`` braces honoured (``{}`` = no
    plural) and regular plurals added. Words newsgraph already knows are left out when ``known``
    is given.

    Raises:
        InputError: the file is missing or unreadable.
        KnowledgeBaseError: the file holds no agent entries.
    """
    path, lines = _read_lines(path)
    sets: dict[str, list[str]] = {}
    words: dict[str, dict[str, None]] = {}  # sector -> ordered words
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "!" in line and "=" in line and "[" not in line:
            marker, _, items = line.partition("=")
            sets[marker.strip().strip("!")] = [i.strip() for i in items.split(",") if i.strip()]
            continue
        match = _BRACKET.search(line)
        if match is None:
            log.info("%s:%d: agent without a code; skipped", path.name, number)
            continue
        code = match.group(1).strip().replace("~", "")
        meaning = code_meaning(code)
        sector = meaning.sector if meaning is not None else None
        if not sector:
            # religion codes ("[~MUS]") describe people, not a sector newsgraph codes
            log.info("%s:%d: agent code %s has no sector; skipped", path.name, number, code)
            continue
        phrase = line[: match.start()].strip()
        plural = None
        if "{" in phrase and "}" in phrase:
            plural = phrase[phrase.index("{") + 1 : phrase.index("}")].strip()
            phrase = phrase[: phrase.index("{")].strip()
        variants = [phrase]
        if "!" in phrase:
            # a set lists its own plurals (MAN, MEN), so its variants get no regular plural
            name = phrase.split("!")[1]
            variants = [phrase.replace(f"!{name}!", sub) for sub in sets.get(name, [])]
            plural = ""
        for variant in variants:
            forms = [variant, plural if plural is not None else _plural(variant.rstrip("_"))]
            for form in forms:
                word = _phrase(form).lower()
                if word and not (known is not None and word in known.agents):
                    words.setdefault(sector, {})[word] = None
    if not words:
        raise KnowledgeBaseError(f"{path}: no agent entries found (is it a PETRARCH .agents file?)")
    return [
        {"words": list(found), "kind": KIND.get(sector, "other"), "sector": sector}
        for sector, found in words.items()
    ]


# Writing ----------------------------------------------------------------------------------


# libyaml's emitter is some twenty times faster on a 50,000-line dictionary; PyYAML's is the fallback.
if TYPE_CHECKING:
    _BaseDumper = yaml.SafeDumper
else:
    _BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):
    """Block style for entries, flow style for lists of words and for roles (as the bundled files)."""


def _flow_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(not isinstance(v, (dict, list)) for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


def _mapping(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    flow = "title" in data  # a role
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_Dumper.add_representer(list, _flow_list)
_Dumper.add_representer(dict, _mapping)


def write_yaml(entries: list[dict[str, Any]], out: str | Path | TextIO, source: str | None = None) -> None:
    """Write imported entries as a newsgraph YAML file: ``actors:`` (actor entries) or
    ``agents:`` (entries with ``words``), under ``version: 1``.

    Args:
        entries: from ``import_petrarch`` or ``import_petrarch_agents``.
        out: a path or an open text stream.
        source: the dictionary they came from, named in the header comment.

    Raises:
        KnowledgeBaseError: the file cannot be written.
    """
    key = "agents" if entries and "words" in entries[0] else "actors"
    header = (f"# Imported from the PETRARCH dictionary {source or 'file'} by newsgraph.\n"
              "# Review before use: PETRARCH codes a name, newsgraph an actor.\n")  # fmt: skip
    body = yaml.dump({"version": 1, key: entries}, Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, width=100)  # fmt: skip
    if not isinstance(out, (str, Path)):
        out.write(header + body)
        return
    try:
        Path(out).write_text(header + body, encoding="utf-8")
    except OSError as e:
        raise KnowledgeBaseError(f"{out}: cannot write ({e.strerror or e})") from e
