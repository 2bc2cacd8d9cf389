"""The agents file's member roles: read from the bundled file and from a user's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.actors.kb import KnowledgeBase, add_user_file, load_kb
from newsgraph.errors import KnowledgeBaseError


def test_the_bundled_member_roles_name_a_place_in_a_group() -> None:
    roles = load_kb().member_roles
    assert {"commander", "recruiter", "spokesman"} <= roles and "hostage" not in roles


def test_a_user_file_adds_member_roles(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("version: 1\nagents: []\nmember_roles: [quartermaster]\n", encoding="utf-8")
    kb = KnowledgeBase()
    add_user_file(kb, path)
    assert kb.member_roles == {"quartermaster"}


def test_member_roles_that_are_no_list_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("version: 1\nagents: []\nmember_roles: quartermaster\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"bad\.yaml"):
        add_user_file(kb=KnowledgeBase(), path=path)


def test_terror_words_that_are_no_list_name_the_file(tmp_path: Path) -> None:
    # a bare word would be read as its letters, each then a "word of terror"
    path = tmp_path / "bad.yaml"
    path.write_text("version: 1\nagents: []\nterror_words: extremist\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"bad\.yaml: 'terror_words' must be a list of words$"):
        add_user_file(kb=KnowledgeBase(), path=path)


def test_a_designated_group_the_kb_does_not_know_is_named(tmp_path: Path) -> None:
    from newsgraph.actors.kb import _with_affiliates

    kb = load_kb()
    assert "islamic-state" in kb.designated and "ypg" not in kb.designated
    with pytest.raises(KnowledgeBaseError, match=r"designated groups not in the knowledge base: no-such-group$"):
        _with_affiliates(kb, frozenset({"no-such-group"}))
