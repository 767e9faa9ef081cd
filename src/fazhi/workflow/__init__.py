"""The reviewing season: roster, statuses from dates, a person's decisions on findings.

Pure functions over records (no store, no web): the store persists seasons,
roster units and the append-only decision log; the web and CLI call in here
to turn them into statuses, decided findings, statistics and summaries.
"""

from fazhi.workflow.decisions import Decision, apply_decisions, carry_over, decided_analysis
from fazhi.workflow.matching import Match, match_unit
from fazhi.workflow.model import Season, Unit
from fazhi.workflow.roster import Roster, RosterProblem, parse_roster, read_roster
from fazhi.workflow.stats import RuleStat, rule_stats
from fazhi.workflow.status import Submission, UnitStatus, season_rates, unit_status

__all__ = [
    "Decision", "Match", "Roster", "RosterProblem", "RuleStat", "Season", "Submission", "Unit", "UnitStatus",
    "apply_decisions", "carry_over", "decided_analysis", "match_unit", "parse_roster", "read_roster",
    "rule_stats", "season_rates", "unit_status",
]
