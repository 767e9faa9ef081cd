"""Letters read the JSON contract only, so they can be written for reports loaded from the store."""

from __future__ import annotations

import ast
from pathlib import Path

import fazhi.letters

PACKAGE = Path(fazhi.letters.__file__).parent
# fazhi.corpus: the annual summary lays out corpus results, which are themselves made from stored
# analyses only (the layer order in docs/architecture.md puts corpus below letters).
ALLOWED = ("fazhi.core", "fazhi.letters", "fazhi.corpus")


def test_letters_import_nothing_of_fazhi_but_core() -> None:
    offenders = []
    for module in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{module.name}: {n}" for n in names if n.startswith("fazhi") and not n.startswith(ALLOWED)]
    assert not offenders
