"""Records for the corpus tests, made by the real pipeline from real text (no stored database needed)."""

from __future__ import annotations

from pathlib import Path

from fazhi.core.settings import Settings
from fazhi.corpus.model import ReportRecord
from fazhi.pipeline import Analysis, analyze_bytes, analyze_path

DATA = Path(__file__).parent / "data"
SEED_000 = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_7dcfd6d23ada2a9f.txt"


def record(text: str, report_id: int, source: str = "test.txt", year: int | None = None) -> ReportRecord:
    return as_record(analyze_bytes(text.encode("utf-8"), source, Settings()), report_id, year)


def record_from_path(path: Path, report_id: int) -> ReportRecord:
    return as_record(analyze_path(path, Settings()), report_id)


def as_record(result: Analysis, report_id: int, year: int | None = None) -> ReportRecord:
    """What the store would hand fazhi.corpus for this analysis (text, metadata, analysis JSON)."""
    analysis, text = result.to_json(), result.document.text
    j = analysis.get("jurisdiction") or {}
    return ReportRecord(
        id=report_id, jurisdiction=j.get("name"), level=j.get("level"), province=j.get("province"),
        city=j.get("city"), report_year=year or analysis.get("report_year"), published=None,
        score=(analysis.get("score") or {}).get("total"), title=analysis.get("title"), issuer=None,
        text=text, analysis=analysis,
    )


def planted_copy_text() -> tuple[str, str]:
    """A fictional report that opens with the seed's stock preamble and pastes one of its paragraphs.

    Returns the text and the pasted paragraph.
    """
    seed = SEED_000.read_text(encoding="utf-8")
    preamble = seed.split("\n")[0].replace("孝义市", "示例乙县")
    pasted = next(p for p in seed.split("\n") if p.startswith("一是完善重大行政决策工作机制"))
    text = "\n".join([
        "示例乙县2024年度法治政府建设情况报告",
        "(虚构的示例报告,供 fazhi 测试使用)",
        preamble,
        "一、主要举措和成效",
        "(一)优化法治化营商环境。",
        "全县新登记经营主体2816户,涉企审批事项平均办理时间压缩至3个工作日,清理妨碍统一市场和公平竞争的政策文件12件。",
        "(二)健全行政决策制度体系。",
        pasted,
        "(三)推进乡村法治建设。",
        "培育农村学法用法示范户420户,建成民主法治示范村15个,每个村配备一名法律顾问,乡村法治文化阵地实现全覆盖。",
        "二、党政主要负责人履行推进法治建设第一责任人职责情况",
        "县委、县政府主要负责人专题研究法治政府建设工作3次。",
        "三、存在的不足和原因",
        "乡镇执法力量薄弱,专业人才缺乏。",
        "四、2025年工作安排",
        "(一)加强乡镇综合执法队伍建设。",
    ]) + "\n"
    return text, pasted
