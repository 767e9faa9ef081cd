"""A season report's letter, rebuilt from its decisions, for the page preview and the downloads."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fazhi.letters import Letter, build_letter, write_letter
from fazhi.store import seasons as ss
from fazhi.store.db import Store
from fazhi.workflow import decided_analysis
from fazhi.workflow.decisions import Decided


def season_letter(store: Store, got: ss.Received, decided: Decided | None = None) -> Letter:
    decided = decided or ss.decided(store, got.id)
    return build_letter(decided_analysis(got.analysis, decided), got.text, reviewer=decided.signed_by,
                        date=decided.signed_on)


def letter_bytes(letter: Letter, fmt: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="fazhi-letter-") as folder:
        return write_letter(letter, Path(folder), "letter")[fmt].read_bytes()
