"""Benchmark: what newsgraph's stages cost on top of the bare spaCy parse.

One run measures, on the same articles (the Guardian sample read through
``newsgraph.ingest.read_sources``):

  1. baseline: the bare spaCy model newsgraph loads (same name, same excluded components), no
     newsgraph stages, over ``nlp.pipe`` with the pipeline's batch size;
  2. full: ``Pipeline().extract_many``, the whole job from Article to Extraction records; each
     newsgraph stage is timed inside these same runs (see ``StageClock``), so the stage split
     and the full time come from one measurement;
  3. ingest: the ``newsgraph ingest`` command into a fresh DuckDB file, end to end (process start,
     model load, parse, stages, store);
  4. startup: from a fresh process to a ready ``Pipeline()`` (imports included), against the same
     for the bare model, with the derived-data cache (``newsgraph.cache``) in a temporary folder,
     warm (filled by an untimed run) and cold (the first run, which fills it). Reported, not gated.

Each measurement runs in a fresh child process, so peak RSS is that measurement's own and no
cache warmed by one flatters another. Every measurement first makes one untimed pass (the full
pipeline's is the engines' ``extract_safely``: an article that makes a stage raise is named and
left out of every measurement), then reports the median of ``--repeat`` runs. Run by hand or
from CI, never from the unit tests (no timed assertions there)::

    .venv/bin/python benchmarks/speed.py                      # 249 articles, 3 repeats
    .venv/bin/python benchmarks/speed.py --articles 40 --repeat 2 --no-ingest
    .venv/bin/python benchmarks/speed.py --check              # exit 1 when over the ceiling
    .venv/bin/python benchmarks/speed.py --set-ceiling        # ceiling = measured ratio x 1.5

The ceiling is ``benchmarks/floors.json`` -> ``speed.max_ratio_full_vs_parse``: a ratio of two
wall times measured on the same machine in the same run, so it holds across machines where an
absolute articles/s would not.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import csv
import datetime as dt
import json
import math
import multiprocessing
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "benchmarks" / "corpora" / "guardian_sdf" / "Guardian_SDF_sample.csv"
FLOORS = ROOT / "benchmarks" / "floors.json"
RESULTS = ROOT / "benchmarks" / "results"
WARMUP = 8  # articles of the untimed warm-up ingest: pyc files, the model in the page cache
CEILING_MARGIN = 1.5  # ceiling = measured ratio x this, so machine noise never fails the gate


# Articles -------------------------------------------------------------------------------------
def load_articles(path: Path, limit: int | None, skip: Iterable[str] = ()) -> tuple[list[Any], int]:
    """The first ``limit`` articles of a source less those whose id is in ``skip``, and how many
    inputs failed to read."""
    from newsgraph.ingest import read_sources
    from newsgraph.models import Article

    articles: list[Article] = []
    read = errors = 0
    for item in read_sources([str(path)]):
        if not isinstance(item, Article):
            errors += 1
            continue
        read += 1
        if item.id not in skip:
            articles.append(item)
        if limit is not None and read >= limit:
            break
    return articles, errors


def _peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux and bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _clear_text_caches() -> None:
    # Repeats re-read the same texts: a date-phrase cache warmed by the previous repeat would make
    # repeats 2+ faster than any real single pass over new articles.
    from newsgraph import time as ng_time

    clear = getattr(ng_time.normalise, "cache_clear", None)
    if clear is not None:
        clear()


def _timed_runs(run: Callable[[], int], repeat: int) -> tuple[list[float], int]:
    """Wall seconds of ``repeat`` calls of ``run`` (which returns a count to check)."""
    seconds = []
    count = 0
    for _ in range(repeat):
        _clear_text_caches()
        start = time.perf_counter()
        count = run()
        seconds.append(time.perf_counter() - start)
    return seconds, count


# Per-stage timing -----------------------------------------------------------------------------
class _Meter:
    """An iterator that adds up the time spent pulling each item from its source."""

    def __init__(self, source: Iterable[Any]) -> None:
        self.source = iter(source)
        self.seconds = 0.0

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        start = time.perf_counter()
        try:
            return next(self.source)
        finally:
            self.seconds += time.perf_counter() - start


class StageClock:
    """Own time of chosen pipeline components, measured inside a normal ``nlp.pipe`` run.

    spaCy's ``nlp.pipe`` calls ``component.pipe(docs)`` when a component has one, so giving a
    component an instance attribute ``pipe`` puts a timer around it without changing what runs.
    A stage's own time is the time spent in it minus the time spent pulling its input; the input
    time of the first timed stage is everything upstream of it (tokenizer and statistical parse).
    Overhead: three ``perf_counter`` calls per doc and stage.
    """

    def __init__(self, nlp: Any, names: Iterable[str]) -> None:
        self.nlp = nlp
        self.names = [n for n in names if n in nlp.pipe_names]
        self.seconds: dict[str, float] = defaultdict(float)
        self.upstream: dict[str, float] = defaultdict(float)

    def _wrapped(self, name: str, component: Any) -> Callable[..., Iterator[Any]]:
        inner = getattr(component, "pipe", None)

        def pipe(docs: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
            source = _Meter(docs)
            # Without a pipe of its own a component is called per doc, as spaCy's _pipe does.
            calls = (component(doc) for doc in source)
            out = iter(inner(source, **kwargs)) if inner is not None else calls
            while True:
                start, pulled = time.perf_counter(), source.seconds
                try:
                    doc = next(out)
                except StopIteration:
                    break
                finally:
                    spent = time.perf_counter() - start
                    self.seconds[name] += spent - (source.seconds - pulled)
                yield doc
            self.upstream[name] += source.seconds

        return pipe

    @contextlib.contextmanager
    def installed(self) -> Iterator[StageClock]:
        """Time the components while the block runs; restore them after."""
        components = dict(self.nlp.pipeline)
        for name in self.names:
            components[name].pipe = self._wrapped(name, components[name])
        try:
            yield self
        finally:
            for name in self.names:
                del components[name].pipe

    def split(self, total: float) -> dict[str, float]:
        """Seconds per part of a run of ``total`` wall seconds: parse, each stage, records.

        ``records`` is what remains: turning Docs into Extraction records and the driver loop.
        """
        parts = {"parse": self.upstream[self.names[0]] if self.names else total}
        parts.update((name, self.seconds[name]) for name in self.names)
        parts["records"] = max(0.0, total - sum(parts.values()))
        return parts


# Child jobs (each in a fresh process) ---------------------------------------------------------
def baseline_job(path: str, limit: int | None, skip: list[str], repeat: int, batch_size: int) -> dict[str, Any]:
    """The bare spaCy model over ``nlp.pipe``: load time, run times, peak RSS."""
    start = time.perf_counter()
    from newsgraph.nlp import _load_model, available_model

    model = available_model()
    # The very loader newsgraph uses (same name resolution, same excluded components).
    nlp = _load_model(model)
    load_s = time.perf_counter() - start
    rss_loaded = _peak_rss_mb()
    articles, _ = load_articles(Path(path), limit, set(skip))
    texts = [article.text for article in articles]

    def run(items: list[str]) -> int:
        return sum(1 for _ in nlp.pipe(items, batch_size=batch_size))

    run(texts)  # warm-up: the same untimed pass over every text as the full pipeline gets
    seconds, count = _timed_runs(lambda: run(texts), repeat)
    return {
        "model": model, "components": list(nlp.pipe_names), "load_s": load_s, "seconds": seconds,
        "docs": count, "rss_after_load_mb": rss_loaded, "peak_rss_mb": _peak_rss_mb(),
    }  # fmt: skip


def full_job(path: str, limit: int | None, repeat: int, batch_size: int) -> dict[str, Any]:
    """``Pipeline().extract_many``: load time, run times, per-stage split, peak RSS.

    The warm-up codes every article the way the engines do (``extract_safely``); an article that
    makes a stage raise is left out of the timed runs and named in ``excluded``.
    """
    start = time.perf_counter()
    from newsgraph.engines.local import batches, extract_safely
    from newsgraph.nlp import STAGES
    from newsgraph.pipeline import Pipeline

    import_s = time.perf_counter() - start
    pipeline = Pipeline()
    load_s = time.perf_counter() - start
    rss_loaded = _peak_rss_mb()
    articles, _ = load_articles(Path(path), limit)
    excluded: list[dict[str, str]] = []

    def failed(article: Any, error: Exception) -> None:
        excluded.append({"id": article.id, "source": article.source_path or "",
                         "error": f"{type(error).__name__}: {str(error)[:200]}"})  # fmt: skip

    for batch in batches(articles, batch_size):
        extract_safely(pipeline, batch, failed)
    dropped = {e["id"] for e in excluded}
    articles = [article for article in articles if article.id not in dropped]
    clocks: list[StageClock] = []

    def run(items: list[Any]) -> int:
        clock = StageClock(pipeline.nlp, STAGES)
        with clock.installed():
            events = sum(len(x.events) for x in pipeline.extract_many(items, batch_size=batch_size))
        clocks.append(clock)
        return events

    seconds, events = _timed_runs(lambda: run(articles), repeat)
    splits = [clock.split(total) for clock, total in zip(clocks, seconds, strict=True)]
    stages = {part: statistics.median(s[part] for s in splits) for part in splits[0]}
    return {
        "components": list(pipeline.nlp.pipe_names), "import_s": import_s, "load_s": load_s,
        "seconds": seconds, "events": events, "stages_s": stages, "excluded": excluded,
        "rss_after_load_mb": rss_loaded, "peak_rss_mb": _peak_rss_mb(),
    }  # fmt: skip


def startup_job(what: str, cache: str) -> dict[str, Any]:
    """Seconds from the start of a fresh process to a ready ``Pipeline()`` (``what`` = "pipeline")
    or to the bare model newsgraph loads ("model"), imports included, with the derived-data cache
    in the folder ``cache``."""
    os.environ["NEWSGRAPH_CACHE_DIR"] = cache
    os.environ.pop("NEWSGRAPH_NO_CACHE", None)
    start = time.perf_counter()
    if what == "pipeline":
        from newsgraph.pipeline import Pipeline

        Pipeline()
    else:
        from newsgraph.nlp import _load_model, available_model

        _load_model(available_model())
    return {"seconds": time.perf_counter() - start, "peak_rss_mb": _peak_rss_mb()}


def startup(repeat: int) -> dict[str, Any]:
    """``repeat`` fresh processes each: the bare model, ``Pipeline()`` with a warm cache, and
    ``Pipeline()`` with an empty one (the first run, which fills it)."""
    runs: dict[str, list[dict[str, Any]]] = {"model": [], "pipeline": [], "pipeline_cold": []}
    with tempfile.TemporaryDirectory(prefix="ng-speed-cache-") as tmp:
        warm = str(Path(tmp) / "warm")
        _in_child(startup_job, "pipeline", warm)  # untimed: fills the warm cache, pyc files
        for i in range(repeat):
            runs["model"].append(_in_child(startup_job, "model", warm))
            runs["pipeline"].append(_in_child(startup_job, "pipeline", warm))
            runs["pipeline_cold"].append(_in_child(startup_job, "pipeline", str(Path(tmp) / f"cold-{i}")))
    result: dict[str, Any] = {f"{name}_s": [r["seconds"] for r in found] for name, found in runs.items()}
    result.update({f"{name}_peak_rss_mb": max(r["peak_rss_mb"] for r in found) for name, found in runs.items()})
    model = _median(result["model_s"])
    result["ratio_pipeline_vs_model"] = _median(result["pipeline_s"]) / model
    result["ratio_cold_vs_model"] = _median(result["pipeline_cold_s"]) / model
    return result


def _in_child(job: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(job, *args).result()


# End-to-end ingest ----------------------------------------------------------------------------
def _cli() -> list[str]:
    script = Path(sys.executable).with_name("newsgraph")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from newsgraph.cli import main; main()"]


def _subset_csv(path: Path, rows: set[int], out: Path) -> Path:
    """The header and the chosen rows of a CSV dump, so the CLI reads the same articles.

    Rows are numbered as ``newsgraph.ingest`` names them in ``source_path`` (``dump.csv:17``):
    the header is row 1.
    """
    with path.open(newline="", encoding="utf-8-sig") as src, out.open("w", newline="", encoding="utf-8") as dst:
        reader = csv.reader(src)
        writer = csv.writer(dst)
        writer.writerow(next(reader))
        for number, row in enumerate(reader, 2):
            if number in rows:
                writer.writerow(row)
    return out


def _row(article_source: str) -> int | None:
    _, _, number = article_source.rpartition(":")
    return int(number) if number.isdigit() else None


_REPORTED = re.compile(r"(\d+) new articles.*?(\d+) events.*?(\d+) errors in ([\d.]+)s", re.S)


def ingest_once(source: Path, db: Path) -> dict[str, Any]:
    """Run ``newsgraph ingest SOURCE --db DB`` in a child; wall time, its peak RSS, its summary."""
    command = [*_cli(), "ingest", str(source), "--db", str(db)]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
        # wait4, not wait: it returns the child's own resource usage (its peak RSS).
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    match = _REPORTED.search(output)
    # Exit 1 with a summary means "done, some inputs recorded in ingest_errors": still a timing.
    if match is None or child.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {child.returncode}:\n{output[-2000:]}")
    peak = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return {
        "seconds": seconds, "peak_rss_mb": peak, "articles": int(match[1]), "events": int(match[2]),
        "errors": int(match[3]), "reported_s": float(match[4]),
    }  # fmt: skip


def ingest_job(path: Path, sources: list[str], total: int, repeat: int) -> dict[str, Any]:
    """End-to-end ``newsgraph ingest`` into a fresh DuckDB file, ``repeat`` times after a warm-up.

    ``sources`` are the ``source_path`` of the articles timed elsewhere: when they are rows of one
    CSV dump and not all of it, the CLI reads a copy holding just those rows.
    """
    rows = {row for source in sources if (row := _row(source)) is not None}
    subset = path.suffix.lower() == ".csv" and len(rows) == len(sources)
    with tempfile.TemporaryDirectory(prefix="ng-speed-") as tmp:
        folder = Path(tmp)
        source = _subset_csv(path, rows, folder / "timed.csv") if subset and len(rows) < total else path
        if subset:  # a warm-up: pyc files, the model in the page cache
            ingest_once(_subset_csv(path, set(sorted(rows)[:WARMUP]), folder / "warmup.csv"), folder / "w.duckdb")
        runs = [ingest_once(source, folder / f"run-{i}.duckdb") for i in range(repeat)]
        command = [Path(_cli()[0]).name, "ingest", str(source), "--db", "fresh.duckdb"]
    return {
        "command": " ".join(command), "same_articles": subset or len(sources) == total, "runs": runs,
        "seconds": [r["seconds"] for r in runs],
        "reported_s": [r["reported_s"] for r in runs],
        "articles": runs[-1]["articles"], "events": runs[-1]["events"], "errors": runs[-1]["errors"],
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
    }  # fmt: skip


# Ceiling --------------------------------------------------------------------------------------
def read_floors(path: Path = FLOORS) -> dict[str, Any]:
    """The floors file (other gates keep their keys in it too); empty when absent."""
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def ceiling_for(ratio: float) -> float:
    """The ratio ceiling to pin: the measured ratio x 1.5, rounded up to one decimal."""
    return math.ceil(ratio * CEILING_MARGIN * 10 - 1e-9) / 10


def write_ceiling(result: dict[str, Any], path: Path = FLOORS) -> float:
    """Pin the ceiling from a result, keeping every other key of the floors file."""
    floors = read_floors(path)
    ceiling = ceiling_for(result["ratio_full_vs_parse"])
    excluded = len(result["full"]["excluded"])
    floors["speed"] = {
        "max_ratio_full_vs_parse": ceiling,
        "note": (
            f"{CEILING_MARGIN} x the median full/parse wall-time ratio "
            f"{result['ratio_full_vs_parse']:.3f} measured {result['date'][:10]} by benchmarks/speed.py "
            f"on {result['articles']} articles of {Path(result['corpus']).name}"
            + (f" ({excluded} left out: a stage raised)" if excluded else "")
            + f", median of {result['repeat']} after a warm-up pass, {result['machine']['cpus']} CPUs: "
            f"full = Pipeline().extract_many, parse = the bare {result['baseline']['model']} nlp.pipe, "
            f"batch {result['batch_size']}, each in a fresh process, same texts"
        ),
    }
    path.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return ceiling


# Report ---------------------------------------------------------------------------------------
def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Run every measurement and put them together."""
    import spacy

    from newsgraph.pipeline import DEFAULT_BATCH

    articles, errors = load_articles(args.corpus, args.articles)
    if not articles:
        raise SystemExit(f"{args.corpus}: no articles read")
    print(f"speed: {len(articles)} articles from {args.corpus}, {args.repeat} repeats", file=sys.stderr)
    # The full pipeline first: the articles it cannot code are left out of every measurement.
    print("speed: full pipeline ...", file=sys.stderr)
    full = _in_child(full_job, str(args.corpus), len(articles), args.repeat, DEFAULT_BATCH)
    skip = [e["id"] for e in full["excluded"]]
    for item in full["excluded"]:
        print(f"speed: EXCLUDED {item['source']}: a stage raised {item['error']}", file=sys.stderr)
    articles = [a for a in articles if a.id not in set(skip)]
    n = len(articles)
    chars = sum(len(a.text) for a in articles)
    print("speed: baseline (bare spaCy parse) ...", file=sys.stderr)
    baseline = _in_child(baseline_job, str(args.corpus), args.articles, skip, args.repeat, DEFAULT_BATCH)
    if baseline["docs"] != n:
        raise SystemExit(f"baseline parsed {baseline['docs']} texts, the pipeline {n}: not the same texts")
    for part in (baseline, full):
        part["median_s"] = _median(part["seconds"])
        part["articles_per_s"] = n / part["median_s"]
    stages = full["stages_s"]
    machine = {"python": platform.python_version(), "platform": platform.platform(),
               "cpus": os.cpu_count(), "spacy": spacy.__version__}  # fmt: skip
    result: dict[str, Any] = {
        "date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine,
        "corpus": str(args.corpus), "articles": n, "read_errors": errors, "characters": chars,
        "repeat": args.repeat, "batch_size": DEFAULT_BATCH,
        "warmup": f"one untimed pass over every text (parse, full); one ingest of {WARMUP} articles",
        "baseline": baseline, "full": full,
        "ratio_full_vs_parse": full["median_s"] / baseline["median_s"],
        # The actor stage against the parse of the same runs (both from StageClock).
        "ratio_actors_vs_parse": stages.get("newsgraph_actors", 0.0) / stages["parse"],
    }  # fmt: skip
    if not args.no_ingest:
        print("speed: newsgraph ingest end to end ...", file=sys.stderr)
        total = len(load_articles(args.corpus, None)[0])
        try:
            ingest = ingest_job(args.corpus, [a.source_path or "" for a in articles], total, args.repeat)
        except RuntimeError as e:  # keep the parse and pipeline numbers; say what broke
            print(f"speed: ingest failed: {e}", file=sys.stderr)
            result["ingest"] = {"failed": str(e)[-2000:]}
        else:
            ingest["median_s"] = _median(ingest["seconds"])
            ingest["articles_per_s"] = n / ingest["median_s"]
            ingest["reported_articles_per_s"] = n / _median(ingest["reported_s"])
            result["ingest"] = ingest
    print("speed: startup (fresh processes) ...", file=sys.stderr)
    result["startup"] = startup(args.repeat)
    ceiling = read_floors().get("speed", {}).get("max_ratio_full_vs_parse")
    result["ceiling"] = ceiling
    result["within_ceiling"] = None if ceiling is None else result["ratio_full_vs_parse"] <= ceiling
    return result


def table(result: dict[str, Any]) -> str:
    """A short human table of a result."""
    n = result["articles"]
    base, full = result["baseline"], result["full"]
    excluded = full["excluded"]
    lines = [
        f"newsgraph speed, {n} articles, median of {result['repeat']} "
        f"({result['machine']['cpus']} CPUs, spaCy {result['machine']['spacy']}, {base['model']})",
        f"{'':28} {'load s':>7} {'run s':>8} {'art/s':>7} {'peak RSS MB':>12}",
        f"{'baseline: bare spaCy parse':28} {base['load_s']:7.2f} {base['median_s']:8.2f} "
        f"{base['articles_per_s']:7.2f} {base['peak_rss_mb']:12.0f}",
        f"{'full: Pipeline.extract_many':28} {full['load_s']:7.2f} {full['median_s']:8.2f} "
        f"{full['articles_per_s']:7.2f} {full['peak_rss_mb']:12.0f}",
    ]
    ingest = result.get("ingest") or {}
    if "failed" in ingest:
        lines.append(f"{'ingest: end to end (CLI)':28} FAILED (see the JSON)")
    elif ingest:
        lines.append(
            f"{'ingest: end to end (CLI)':28} {'':>7} {ingest['median_s']:8.2f} "
            f"{ingest['articles_per_s']:7.2f} {ingest['peak_rss_mb']:12.0f}"
            f"   (CLI's own rate, load excluded: {ingest['reported_articles_per_s']:.2f}/s; "
            f"{ingest['errors']} errors)"
        )
    lines.append("stages inside the full runs (median s, share of full):")
    for part, seconds in full["stages_s"].items():
        lines.append(f"  {part:26} {seconds:8.2f} {seconds / full['median_s']:7.1%}")
    if excluded:
        lines.append(f"EXCLUDED {len(excluded)} articles that made a stage raise (see the JSON): "
                     + ", ".join(e["source"].rpartition("/")[2] for e in excluded))  # fmt: skip
    ceiling = result["ceiling"]
    verdict = "no ceiling pinned" if ceiling is None else (
        f"ceiling {ceiling}: {'ok' if result['within_ceiling'] else 'OVER'}"
    )  # fmt: skip
    lines += [
        f"ratio full / parse      {result['ratio_full_vs_parse']:.3f}   ({verdict})",
        f"ratio actors / parse    {result['ratio_actors_vs_parse']:.3f}",
        f"events {full['events']}; Pipeline() load {full['load_s']:.2f} s "
        f"(imports {full['import_s']:.2f} s) vs bare model {base['load_s']:.2f} s",
    ]
    if start := result.get("startup"):
        lines.append(
            f"startup (fresh process, median s): bare model {_median(start['model_s']):.2f}, "
            f"Pipeline() {_median(start['pipeline_s']):.2f} (x{start['ratio_pipeline_vs_model']:.2f}), "
            f"first run, filling the cache, {_median(start['pipeline_cold_s']):.2f} "
            f"(x{start['ratio_cold_vs_model']:.2f}); not gated"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, measure, write the JSON, print the table; 1 when over the ceiling."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=None, help="first N articles (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement")
    parser.add_argument("--json", type=Path, default=None, help="result file")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a CSV/JSONL dump or folder")
    parser.add_argument("--no-ingest", action="store_true", help="skip the end-to-end ingest")
    parser.add_argument("--check", action="store_true", help="exit 1 when over the pinned ceiling")
    parser.add_argument("--set-ceiling", action="store_true",
                        help=f"pin the ceiling in {FLOORS.name} at the measured ratio x {CEILING_MARGIN}")  # fmt: skip
    args = parser.parse_args(argv)
    if args.repeat < 1 or (args.articles is not None and args.articles < 1):
        parser.error("--repeat and --articles must be at least 1")
    if not args.corpus.exists():
        parser.error(f"{args.corpus}: no such corpus (the shared benchmark folder is absent?)")
    result = measure(args)
    path = args.json or RESULTS / f"speed-{dt.date.today().isoformat()}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table(result))
    print(f"result: {path}")
    if args.set_ceiling:
        print(f"ceiling pinned in {FLOORS}: {write_ceiling(result)}")
    if "failed" in result.get("ingest", {}):
        return 1
    if args.check:
        if result["ceiling"] is None:
            print(f"check: no speed ceiling in {FLOORS}", file=sys.stderr)
            return 1
        if not result["within_ceiling"]:
            print(f"check: ratio {result['ratio_full_vs_parse']:.2f} is over the ceiling "
                  f"{result['ceiling']}", file=sys.stderr)  # fmt: skip
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
