"""The derived-data cache: tables read back equal to a fresh build, and never a failed run."""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path

import pytest

from newsgraph import cache
from newsgraph.actors.kb import _bundled_kb, _load_kb
from newsgraph.events.lexicon import _build_lexicon, load_lexicon
from newsgraph.events.modality import load_cues, read_cues
from newsgraph.places import _build_gazetteer, load_gazetteer


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder for one test."""
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_cached_gazetteer_equals_a_fresh_build(folder: Path) -> None:
    stored = load_gazetteer.__wrapped__()  # builds it and writes the file
    assert "gazetteer" in {p.name.split("-")[0] for p in folder.iterdir()}
    read = load_gazetteer.__wrapped__()  # reads the file
    assert read == stored == _build_gazetteer()
    assert read is not stored


def test_a_cached_knowledge_base_equals_a_fresh_build(folder: Path) -> None:
    stored = _load_kb.__wrapped__(None)  # builds the bundled part and writes the file
    assert [p.name.split("-")[0] for p in folder.iterdir()] == ["kb"]
    read = _load_kb.__wrapped__(None)  # reads the file
    assert read == stored
    assert read is not stored and read.actors is not stored.actors
    assert read == _load_kb.__wrapped__(None) == dataclasses.replace(_bundled_kb(), designated=read.designated)


def test_a_cached_lexicon_equals_a_fresh_build(folder: Path) -> None:
    stored = load_lexicon.__wrapped__()
    read = load_lexicon.__wrapped__()
    assert read == stored == _build_lexicon() and read is not stored


def test_cached_cues_equal_a_fresh_read(folder: Path) -> None:
    stored = load_cues.__wrapped__()
    read = load_cues.__wrapped__()
    assert read == stored == read_cues(resources.files("newsgraph.events") / "data" / "cues.yaml")
    assert read is not stored


def test_a_table_is_built_once_then_read(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n")
    build = Builds({"a": (1, 2.5, None)})
    assert cache.derived("words", build, [source]) == {"a": (1, 2.5, None)}
    assert cache.derived("words", build, [source]) == {"a": (1, 2.5, None)}
    assert build.calls == 1


def test_a_changed_source_is_a_new_key(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n")
    cache.derived("words", Builds("old"), [source])
    source.write_text("a: 2\n")
    build = Builds("new")
    assert cache.derived("words", build, [source]) == "new"
    assert build.calls == 1
    assert len(list(folder.glob("words-*.pickle"))) == 2


def test_a_corrupt_file_is_rebuilt(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.yaml"
    source.write_text("a: 1\n")
    cache.derived("words", Builds("first"), [source])
    (path,) = folder.glob("words-*.pickle")
    path.write_bytes(b"\x80\x05truncated")
    build = Builds("rebuilt")
    assert cache.derived("words", build, [source]) == "rebuilt"
    assert build.calls == 1
    assert cache.derived("words", Builds("unused"), [source]) == "rebuilt"  # the rebuilt file


def test_an_unwritable_folder_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(blocker / "cache"))  # a folder under a file
    build = Builds("built")
    assert cache.derived("words", build, []) == "built"
    assert cache.derived("words", build, []) == "built"
    assert build.calls == 2


def test_a_cache_dir_that_is_a_file_is_left_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a user's mistake ("NEWSGRAPH_CACHE_DIR=notes.txt"): the table is built, the file untouched
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(notes))
    assert cache.derived("words", Builds("built"), []) == "built"
    assert notes.read_text() == "keep me" and sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_table_that_will_not_pickle_is_still_returned(folder: Path) -> None:
    table = {"call": lambda: 1}
    assert cache.derived("words", lambda: table, []) is table
    assert not list(folder.glob("*.pickle")) and not list(folder.glob("*.tmp"))


@pytest.mark.parametrize(("name", "value"), [("NEWSGRAPH_NO_CACHE", "1"), ("NEWSGRAPH_CACHE_DIR", "")])
def test_the_cache_can_be_switched_off(name: str, value: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(name, value)
    assert cache.cache_dir() is None
    build = Builds("built")
    cache.derived("words", build, [])
    cache.derived("words", build, [])
    assert build.calls == 2 and not folder.exists()


def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "newsgraph"


def test_no_home_folder_is_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("NEWSGRAPH_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    assert cache.cache_dir() is None
    assert cache.derived("words", Builds("built"), []) == "built"


def test_only_the_newest_files_of_a_table_are_kept(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.yaml"
    for i in range(cache.KEEP + 2):
        source.write_text(f"a: {i}\n")
        cache.derived("words", Builds(i), [source])
    assert len(list(folder.glob("words-*.pickle"))) == cache.KEEP
    assert cache.derived("words", Builds("unused"), [source]) == cache.KEEP + 1
