"""Letters read the JSON contract only, so they can be written for reports loaded from the store."""

from __future__ import annotations

import ast
from pathlib import Path

import fazhi.letters

PACKAGE = Path(fazhi.letters.__file__).parent
# fazhi.workflow: the season summary lays out the workflow's records (pure, no store); fazhi.corpus:
# the annual summary lays out corpus results, made from stored analyses only. docs/architecture.md
# puts letters above both. A report's letter still reads the JSON alone.
ALLOWED = ("fazhi.core", "fazhi.letters", "fazhi.workflow", "fazhi.corpus")


def test_letters_import_nothing_of_fazhi_but_core() -> None:
    offenders = []
    for module in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{module.name}: {n}" for n in names if n.startswith("fazhi") and not n.startswith(ALLOWED)]
    assert not offenders
