"""Review letters and summary sheets, written from the analysis JSON alone.

Depends only on ``fazhi.core`` and the JSON contract of ``fazhi analyze --json``,
so a letter can be written for a report just analysed or loaded from the store.
"""

from fazhi.letters.build import build_letter
from fazhi.letters.model import Letter
from fazhi.letters.summary import write_summary
from fazhi.letters.write import write_letter

__all__ = ["Letter", "build_letter", "write_letter", "write_summary"]
