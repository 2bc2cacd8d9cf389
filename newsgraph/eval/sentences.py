"""Sentence-level benchmarks: PLOVER gold sentences and PETRARCH2's real-sentence suite.

Both are scored twice, micro-averaged over all records:
  * type: the set of PLOVER types predicted for a sentence against the gold types;
  * type + dyad: predicted (type, source country, target country) against the gold triples
    (a gold side with no actor matches any predicted side). PLOVER's gold is one event per
    sentence, so each predicted event counts once (an act both sides do to each other, coded
    once each way, once: PLOVER codes it as one event with both sides as actors); PETRARCH's is
    one record per dyad, so each distinct (type, source, target) of the predicted events counts
    once.
Negated events are not predictions. A political actor's telling of another's act of conflict
("Israel said Hamas fired rockets") is coded twice, the act (reported) and the teller's
accusation (rule ``accusation:<verb>``); each convention scores what its gold codes (see
``scored``). Country codes compare on their first three letters (PETRARCH
actor codes are country + sector: ``USAGOV`` -> ``USA``); an IGO is ``IGO``, a transnational
group ``IMG``, an actor with no known country ``---``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.eval.jsonl import json_lines
from newsgraph.events.accusations import ACCUSATION_RULE
from newsgraph.models import Article, Event
from newsgraph.pipeline import Pipeline

Triple = tuple[str, str, str]


@dataclass
class Counts:
    """True positives, false positives and false negatives, overall and per type."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def report(self) -> dict[str, Any]:
        """Overall and per-type precision, recall, F1."""
        def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                    "tp": tp, "fp": fp, "fn": fn}

        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        overall = prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        return {"overall": overall, "per_type": {t: prf(self.tp[t], self.fp[t], self.fn[t]) for t in types}}


def code_of(ref: Any) -> str:
    """The three-letter code an event actor compares on. A person in an international office
    at the event's date (sector IGO: "Kofi Annan" in 2003) acts for the IGO, as the gold codes it."""
    if ref.country:
        return str(ref.country)[:3]
    if ref.kind == "igo" or ref.sector == "IGO":
        return "IGO"
    if ref.kind == "armed_group":
        return "IMG"
    return "---"


COOPERATIVE_QUADS = {1, 2}
# Material conflict a party can announce against another; a plan to move forces (MOBILIZE) is
# no threat by itself.
THREAT_TYPES = {"PROTEST", "SANCTION", "COERCE", "ASSAULT"}


def plover_type(event: Event) -> str:
    """The type the PLOVER gold convention gives an event: a planned cooperative act ("will
    visit", "pledged aid") is coded AGREE, an intent to cooperate; a planned act of material
    conflict ("will impose martial law", "will boycott the talks") is THREATEN, its negative
    counterpart."""
    if event.modality == "planned" and event.quad_class in COOPERATIVE_QUADS:
        return "AGREE"
    if event.modality == "planned" and event.type in THREAT_TYPES:
        return "THREATEN"
    return event.type


def cameo_type(event: Event) -> str:
    """The type PETRARCH's CAMEO coding gives an event: the act itself whatever its tense ("will
    supply arms" is AID), except an intent to cooperate its actor expresses ("wants to help
    Israel", "pledged aid"), which the pipeline codes CAMEO 03 and CAMEO maps to AGREE, and an
    announced act of material conflict ("wants to attack Georgia", "will impose a curfew"), which
    CAMEO codes as a threat (category 13: the future tense of a conflictual act implies one).
    CAMEO also codes the telling, not what is told: an act a political actor tells of another
    ("the US said ISIL had attacked Iraq") counts as the teller's accusation alone (``scored``
    leaves the act out)."""
    if event.type != "AGREE" and (event.cameo or "").startswith("03"):
        return "AGREE"
    if event.modality == "planned" and event.type in THREAT_TYPES:
        return "THREATEN"
    return event.type


def scored(events: list[Event], convention: Callable[[Event], str]) -> list[Event]:
    """The events of a sentence a convention scores.

    CAMEO (``cameo_type``) codes the speech act, not the clause it tells: "the US claimed that
    ISIL had attacked Iraq" is only the US's accusation of ISIL, so an act told by an accusation
    derived from its telling (same sentence, the accusation's accused being the act's actors) is
    not scored itself. The PLOVER convention scores every event: the act and the accusation.
    """
    if convention is not cameo_type:
        return events

    def sides(event: Event, refs: list[Any]) -> tuple[str, frozenset[str]]:
        return event.evidence.sentence, frozenset(code_of(a) for a in refs)

    charged = {sides(e, e.target) for e in events if e.rule.startswith(ACCUSATION_RULE)}
    return [e for e in events if e.type == "ACCUSE" or sides(e, e.source) not in charged]


def _acts(events: list[Event]) -> list[int]:
    """For each event, the index of the act it codes: an act both sides do to each other, which
    the pipeline codes once each way ("Israel and Hamas fought", "X and Y deepened their ties"),
    is one act, as PLOVER codes it once with both sides as actors (its markup's SRC/TAR)."""
    first: dict[tuple[Any, ...], int] = {}
    acts = []
    for i, event in enumerate(events):
        where = (event.type, event.evidence.start, event.evidence.end, event.evidence.trigger)
        sources, targets = frozenset(a.id for a in event.source), frozenset(a.id for a in event.target)
        acts.append(first.get((*where, targets, sources), i))
        first.setdefault((*where, sources, targets), i)
    return acts


def _triples(events: list[Event], convention: Callable[[Event], str] = plover_type) -> list[tuple[int, Triple]]:
    """(act index, triple) for every source x target pair of every non-negated event the
    convention scores (``scored``); the two directions of an act both sides do share the index
    of the first (see _acts)."""
    out: list[tuple[int, Triple]] = []
    events = scored(events, convention)
    for i, event in zip(_acts(events), events, strict=True):
        if event.modality == "negated":
            continue
        sources = [code_of(a) for a in event.source] or ["---"]
        targets = [code_of(a) for a in event.target] or [""]
        kind = convention(event)
        out.extend((i, (kind, s, t)) for s in sources for t in targets)
    return out


def _match(gold: Triple, predicted: Triple) -> bool:
    return (
        gold[0] == predicted[0]
        and (not gold[1] or gold[1][:3] == predicted[1])
        and (not gold[2] or gold[2][:3] == predicted[2])
    )


def score(
    golds: list[list[Triple]],
    predictions: list[list[Event]],
    convention: Callable[[Event], str] = plover_type,
    per_dyad: bool = False,
) -> dict[str, Any]:
    """Score per-sentence gold triples against predicted events, typed by ``convention``.

    The type + dyad unit is an event (it matches at most one gold triple, and counts once as a
    false positive; the two directions of an act both sides do are one), or with ``per_dyad`` each
    distinct (type, source, target) of the sentence's
    events, as CAMEO coders record them: "the US and Britain condemned Iran" is two records.
    """
    by_type, by_dyad = Counts(), Counts()
    for gold, events in zip(golds, predictions, strict=True):
        predicted = _triples(events, convention)
        if per_dyad:
            predicted = list(enumerate(dict.fromkeys(triple for _, triple in predicted)))
        gold_types = {g[0] for g in gold}
        predicted_types = {triple[0] for _, triple in predicted}
        for kind in gold_types & predicted_types:
            by_type.tp[kind] += 1
        for kind in predicted_types - gold_types:
            by_type.fp[kind] += 1
        for kind in gold_types - predicted_types:
            by_type.fn[kind] += 1
        used: set[int] = set()  # events that matched a gold triple
        for triple in gold:
            hit = next((i for i, p in predicted if i not in used and _match(triple, p)), None)
            if hit is None:
                by_dyad.fn[triple[0]] += 1
            else:
                used.add(hit)
                by_dyad.tp[triple[0]] += 1
        for i, triple in dict(predicted).items():
            if i not in used:
                by_dyad.fp[triple[0]] += 1
    return {"type": by_type.report(), "type_dyad": by_dyad.report(), "sentences": len(golds)}


def _extract(pipeline: Pipeline, texts: list[tuple[str, str | None]]) -> list[list[Event]]:
    import datetime as dt

    articles = [
        Article(text=text, published=dt.date.fromisoformat(day) if day else None) for text, day in texts
    ]
    return [x.events for x in pipeline.extract_many(articles)]


def _records(path: Path, needed: tuple[str, ...]) -> list[dict[str, Any]]:
    """The records of a sentence benchmark, each with the fields it needs.

    Raises:
        InputError: the file cannot be read, or a line is not a JSON object or lacks a field.
    """
    records = []
    for number, record in json_lines(path):
        if missing := [name for name in needed if not isinstance(record.get(name), str)]:
            raise InputError(f"{path}:{number}", f"a record needs a text field {missing[0]!r}")
        records.append(record)
    return records


def evaluate_plover(path: Path, pipeline: Pipeline) -> dict[str, Any]:
    """``newsgraph eval plover``: the PLOVER gold sentences (one gold event per record).

    Raises:
        InputError: a line of the file is malformed (see ``_records``).
    """
    records = _records(path, ("text", "event"))
    golds: list[list[Triple]] = []
    for record in records:
        sources = [a.get("code") or "" for a in record.get("actor") or []] or [""]
        targets = [a.get("code") or "" for a in record.get("recipient") or []] or [""]
        golds.append([(record["event"], s, t) for s in sources[:1] for t in targets[:1]])
    predictions = _extract(pipeline, [(r["text"], None) for r in records])
    return score(golds, predictions)


def cameo_to_plover(table: Path) -> dict[str, str]:
    """Read the shared CAMEO -> PLOVER table (``CODE: TYPE, ...`` lines)."""
    mapping = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^(\d{2,4}):\s*([A-Z]+)", line):
            mapping[match[1]] = match[2]
    return mapping


def _iso(day: str | None) -> str | None:
    """PETRARCH's YYYYMMDD as an ISO date."""
    return f"{day[:4]}-{day[4:6]}-{day[6:8]}" if day and len(day) == 8 else None


def evaluate_petrarch(path: Path, table: Path, pipeline: Pipeline) -> dict[str, Any]:
    """``newsgraph eval petrarch``: PETRARCH2's validation sentences, CAMEO mapped to PLOVER.

    Raises:
        InputError: a line of the file is malformed (see ``_records``).
    """
    mapping = cameo_to_plover(table)
    records = [r for r in _records(path, ("text",)) if r.get("evaluate", True)]
    golds: list[list[Triple]] = []
    for record in records:
        triples = []
        for expected in [] if record.get("noevents") else record.get("expected") or []:
            if not isinstance(expected, dict) or not all(
                isinstance(expected.get(name), str) for name in ("source", "target")
            ) or "code" not in expected:
                raise InputError(str(path), f"record {record.get('id', '?')}: an expected event needs "
                                            "\"code\", \"source\" and \"target\"")
            code = str(expected["code"])
            kind = mapping.get(code) or mapping.get(code[:3]) or mapping.get(code[:2])
            if kind:
                source = "" if expected["source"].startswith("---") else expected["source"]
                target = "" if expected["target"].startswith("---") else expected["target"]
                triples.append((kind, source, target))
        golds.append(triples)
    texts = [(r["text"], _iso(r.get("date"))) for r in records]
    return score(golds, _extract(pipeline, texts), convention=cameo_type, per_dyad=True)
