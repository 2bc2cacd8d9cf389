"""Whole-article evaluation against gold in the format of ``benchmarks/articles/FORMAT.md``.

A predicted event matches a gold event when
  1. it stands in the text the gold event points at (its sentence overlaps the gold evidence),
  2. its type is the gold type or one of the gold ``alt_types``,
  3. its sources share a principal with the gold sources, and its targets with the gold targets
     (or both have none).
Matching is one to one, nearest first. Negated and hypothetical events ("did not attack", "would
face consequences if it struck a deal") are not predictions: the gold annotates what happened,
was reported or was announced, never what did not or only might happen (FORMAT.md).

Scores: recall of key events, recall of all events, precision, event-year accuracy (the matched
event's start year is the gold year, and its end year the gold ``year_end`` when there is one).
Precision counts events as the gold does, one per type, source principals, target principals and
time: a story that names the same meeting three times has one gold event, so three predicted
mentions of it are one right event, not one right and two spurious (mentions that each matched
a gold event of their own still count one each). ``mentions`` gives the count before that
grouping.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.eval.jsonl import json_lines
from newsgraph.eval.principals import matches, principals
from newsgraph.eval.sentences import plover_type
from newsgraph.ingest import article_from_text
from newsgraph.models import Article, Event
from newsgraph.pipeline import Pipeline

UNSCORED_MODALITIES = {"negated", "hypothetical"}


@dataclass
class GoldDocument:
    """One gold file: the article and its annotated events."""

    name: str
    article: Article
    events: list[dict[str, Any]]
    shift: int = 0  # gold offsets minus article offsets (the header cut away)


@dataclass
class ArticleScores:
    """Counts behind the scores, per document and summed."""

    key: int = 0
    key_found: int = 0
    gold: int = 0
    gold_found: int = 0
    predicted: int = 0  # distinct predicted events (mentions of one event counted once)
    predicted_right: int = 0
    mentions: int = 0  # predicted event mentions, before that grouping
    years_right: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    wrong_years: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: ArticleScores) -> None:
        """Sum another document's counts into this one."""
        counts = ("key", "key_found", "gold", "gold_found", "predicted", "predicted_right", "mentions", "years_right")
        for name in counts:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.spurious += other.spurious
        self.wrong_years += other.wrong_years

    def scores(self) -> dict[str, float]:
        """Key recall, recall, precision, F1 and event-year accuracy."""
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        precision, recall = ratio(self.predicted_right, self.predicted), ratio(self.gold_found, self.gold)
        f1 = round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0
        return {
            "key_recall": ratio(self.key_found, self.key),
            "recall": recall,
            "precision": precision,
            "f1": f1,
            "year_accuracy": ratio(self.years_right, self.gold_found),
            "gold": self.gold,
            "key": self.key,
            "predicted": self.predicted,
            "mentions": self.mentions,
        }


def _csv_row(path: Path, row: str) -> dict[str, str]:
    csv.field_size_limit(50_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            if record.get("") == row or record.get("id") == row:
                return record
    raise InputError(str(path), f"no row {row!r} (the gold's \"row\" must be a row id of this CSV)")


def _gold_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a gold file, one per non-empty line; a bad line names itself."""
    records = []
    for number, record in json_lines(path, "see FORMAT.md"):
        if number > 1 and "type" not in record:
            raise InputError(f"{path}:{number}", "an event line has no \"type\"; see FORMAT.md")
        records.append(record)
    if not records or "doc" not in records[0] or "path" not in records[0]:
        raise InputError(str(path), "the first line must describe the document with \"doc\" and \"path\"")
    return records


def load_gold(path: Path, shared: Path) -> GoldDocument:
    """Read one gold JSONL file and the article it annotates (from the shared folder).

    Raises:
        InputError: the gold file or the article it points at is missing or malformed.
    """
    lines = _gold_lines(path)
    head, events = lines[0], lines[1:]
    source = shared / head["path"]
    if not source.is_file():
        raise InputError(str(path), f"the article {source} is missing (is --shared the right folder?)")
    published = head.get("published")
    if head.get("row") is not None:
        raw = _csv_row(source, str(head["row"]))["text"]
    else:
        raw = source.read_text(encoding="utf-8")
    try:
        day = dt.date.fromisoformat(published) if published else None
    except (TypeError, ValueError) as e:
        raise InputError(str(path), f"published {published!r} is no YYYY-MM-DD date") from e
    article = article_from_text(raw, str(source), published=day)
    shift = raw.replace("\r\n", "\n").find(article.text)
    return GoldDocument(head["doc"], article, events, max(shift, 0))


def _plain(text: str) -> str:
    """Typographic quotes as straight ones (same length), so quoted gold finds its text."""
    return text.translate(str.maketrans("‘’“”", "''\"\""))


def _gold_range(gold: dict[str, Any], doc: GoldDocument) -> tuple[int, int] | None:
    if "start" in gold and "end" in gold:
        return gold["start"] - doc.shift, gold["end"] - doc.shift
    quote = _plain(str(gold.get("text") or "").split("...")[0].strip())
    position = _plain(doc.article.text).find(quote) if quote else -1
    return (position, position + len(quote)) if position >= 0 else None


def _sentence_range(event: Event, text: str) -> tuple[int, int]:
    sentence = event.evidence.sentence
    start = text.rfind(sentence, 0, event.evidence.start + len(sentence))
    if start < 0 or start > event.evidence.start:
        return event.evidence.start, event.evidence.end
    return start, start + len(sentence)


def score_document(doc: GoldDocument, events: list[Event], kb: Any) -> ArticleScores:
    """Match one document's predicted events to its gold events."""
    scores = ArticleScores()
    predicted = [e for e in events if e.modality not in UNSCORED_MODALITIES]
    # each side's principals, worked out once for the matching and for the grouping
    sides = [([principals(a, kb) for a in e.source], [principals(a, kb) for a in e.target]) for e in predicted]
    used: set[int] = set()
    ordered = sorted(doc.events, key=lambda g: g.get("level") != "key")
    for gold in ordered:
        scores.gold += 1
        key = gold.get("level") == "key"
        scores.key += key
        where = _gold_range(gold, doc)
        types = {gold["type"], *(gold.get("alt_types") or [])}
        best: tuple[int, int] | None = None
        for i, event in enumerate(predicted):
            if i in used or not ({event.type, plover_type(event)} & types):
                continue
            start, end = _sentence_range(event, doc.article.text)
            if where is not None and (end <= where[0] or start >= where[1]):
                continue
            sources, targets = sides[i]
            if not matches(gold.get("source") or [], sources) or not matches(gold.get("target") or [], targets):
                continue
            distance = abs(event.evidence.start - where[0]) if where else 0
            if best is None or distance < best[0]:
                best = (distance, i)
        if best is None:
            fields = ("id", "type", "source", "target", "level")
            scores.misses.append({"doc": doc.name, **{k: gold.get(k) for k in fields}})
            continue
        used.add(best[1])
        event = predicted[best[1]]
        scores.gold_found += 1
        scores.key_found += key
        start_year = event.date.start.year if event.date.start else None
        end_year = event.date.end.year if event.date.end else None
        if start_year == gold.get("year") and (gold.get("year_end") is None or end_year == gold["year_end"]):
            scores.years_right += 1
        else:
            scores.wrong_years.append({
                "doc": doc.name, "id": gold.get("id"), "gold": _years(gold.get("year"), gold.get("year_end")),
                "predicted": _years(start_year, end_year),
                "basis": event.date.basis, "date_text": event.date.text, "evidence": event.evidence.text,
            })
    groups: dict[tuple[Any, ...], list[int]] = {}
    for i, event in enumerate(predicted):
        groups.setdefault(_event_key(event, *sides[i]), []).append(i)
    scores.mentions = len(predicted)
    for members in groups.values():
        right = sum(i in used for i in members)  # each matched a gold event of its own
        scores.predicted += max(right, 1)
        scores.predicted_right += right
        if right:
            continue
        event = predicted[members[0]]
        scores.spurious.append({
            "doc": doc.name, "type": event.type, "rule": event.rule,
            "source": [a.name for a in event.source], "target": [a.name for a in event.target],
            "evidence": event.evidence.text, "mentions": len(members),
        })
    return scores


def _event_key(event: Event, sources: list[set[str]], targets: list[set[str]]) -> tuple[Any, ...]:
    """What the gold counts once: type, source and target principals, and time (FORMAT.md: one
    event per type, source set, target set and time). Mentions of one event share a key, so a
    story that repeats a meeting is scored for one predicted event, as its gold lists one."""
    start = event.date.start
    month = start.month if start and event.date.precision in ("day", "week", "month") else None
    return (
        plover_type(event),
        frozenset(frozenset(side) for side in sources),
        frozenset(frozenset(side) for side in targets),
        start.year if start else None, month,
    )


def _years(start: int | None, end: int | None) -> str:
    """A year or a span of years as the error listing shows it: "2016", "2011-2016"."""
    return f"{start}-{end}" if end and end != start else str(start)


def evaluate(folder: Path, shared: Path, pipeline: Pipeline) -> dict[str, Any]:
    """Score every gold file of a folder; per document and overall."""
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else [folder]
    docs = [load_gold(path, shared) for path in files]
    total = ArticleScores()
    per_doc = {}
    for doc, extraction in zip(docs, pipeline.extract_many([d.article for d in docs]), strict=True):
        scores = score_document(doc, extraction.events, pipeline.kb)
        per_doc[doc.name] = scores.scores()
        total.add(scores)
    return {
        "overall": total.scores(), "documents": per_doc,
        "misses": total.misses, "spurious": total.spurious, "wrong_years": total.wrong_years,
    }
