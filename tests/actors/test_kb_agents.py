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
