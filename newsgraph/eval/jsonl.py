"""Benchmark files in JSON Lines, read the same way by every ``newsgraph eval``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError


def json_lines(path: Path, hint: str = "") -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-empty line of a JSON Lines file.

    Args:
        path: the file.
        hint: what to read when a line is malformed ("see FORMAT.md"), added to the message.

    Raises:
        InputError: the file cannot be read, or a line is not a JSON object (naming the line).
    """
    suffix = f"; {hint}" if hint else ""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read ({getattr(e, 'strerror', None) or e})") from e
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{number}", f"not valid JSON ({e.msg}){suffix}") from e
        if not isinstance(record, dict):
            raise InputError(f"{path}:{number}", f"not a JSON object{suffix}")
        yield number, record
