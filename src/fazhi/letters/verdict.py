"""The verdict of one analysis: shared by the letter and the summary sheet so they never disagree."""

from __future__ import annotations

from collections.abc import Mapping

from fazhi.letters.data import LetterData, VerdictBand
from fazhi.letters.typeset import typeset

UNRATED = "无法评定"  # the analysis failed or has no score
MAX_PROBLEMS = 3  # titles named in the one-sentence summary


def failed_findings(analysis: Mapping) -> list[Mapping]:
    """Failed findings, errors first, in rulebook order otherwise."""
    failed = [f for f in analysis.get("findings") or [] if f.get("status") == "failed"]
    return sorted(failed, key=lambda f: f.get("severity") != "error")


def score_of(analysis: Mapping) -> float | None:
    score = analysis.get("score")
    total = score.get("total") if isinstance(score, Mapping) else score
    return None if total is None else float(total)


def band_of(analysis: Mapping, data: LetterData) -> VerdictBand | None:
    """The band of the verdict the rulebook gave (score and caps), else of the letters' own bands."""
    total = score_of(analysis)
    if total is None or analysis.get("error"):
        return None
    score = analysis.get("score")
    ruled = (score.get("verdict") or {}).get("label") if isinstance(score, Mapping) else None
    if ruled:
        return next((b for b in data.verdicts if b.label == ruled), data.verdicts[-1])
    errors = sum(1 for f in failed_findings(analysis) if f.get("severity") == "error")
    for band in data.verdicts:
        if total >= band.min_score and (band.max_failed_errors is None or errors <= band.max_failed_errors):
            return band
    return data.verdicts[-1]  # unreachable: the file's last band takes every score


def label_of(analysis: Mapping, data: LetterData) -> str:
    band = band_of(analysis, data)
    return UNRATED if band is None else band.label


def summary_of(analysis: Mapping, band: VerdictBand) -> str:
    titles = list(dict.fromkeys(str(f.get("title") or f.get("rule")) for f in failed_findings(analysis)))
    if not titles:
        return typeset(band.summary_clean)
    named = "".join(f"“{t}”" for t in titles[:MAX_PROBLEMS])  # GB/T 15834: no 顿号 between quoted items
    if len(titles) > MAX_PROBLEMS:
        named += "等"
    return typeset(band.summary.format(problems=named))
