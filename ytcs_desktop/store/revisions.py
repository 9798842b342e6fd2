"""The revisions a folder of Alembic scripts names, read from the scripts' text without importing Alembic
(its environment takes a good part of a cold start): enough to tell whether a database is at head."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

_REVISION = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


@cache
def script_revisions(versions: Path) -> tuple[frozenset[str], frozenset[str]]:
    """Every revision the scripts in `versions` name, and those another script revises."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in versions.glob("*.py"):
        found = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        revisions.add(str(ast.literal_eval(found["revision"])))
        down = ast.literal_eval(found.get("down_revision", "None"))
        revised.update(down if isinstance(down, tuple | list) else [down] if down else [])
    return frozenset(revisions), frozenset(revised)


def script_heads(versions: Path) -> frozenset[str]:
    """The head revisions: those no other script revises. Empty if the scripts cannot be read (then the
    caller migrates, which is always safe)."""
    revisions, revised = script_revisions(versions)
    return revisions - revised
