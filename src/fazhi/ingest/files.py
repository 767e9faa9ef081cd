"""Which files a list of paths names: files as given, folders walked."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[str, bool]]:
    """(path, named_explicitly) for files given and files found in folders.

    Folders are walked in sorted order so that a batch is repeatable; hidden
    files and Office lock files (~$报告.docx) are left out.
    """
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith((".", "~$")):
                        yield str(Path(root) / name), False
        else:
            yield str(p), True
