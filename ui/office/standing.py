"""Words for where an inspection stands with the office (待上传, 待审核, 已通过, 已退回), shared by
the inspections list, the inspection page's review notice and the office's screens."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.base.i18n import tr

if TYPE_CHECKING:
    from inspection.store import HubStanding, ReviewDecision


def standing_label(state: str) -> str:
    return {"waiting": tr("待上传"), "pushed": tr("待审核"), "approved": tr("已通过"),
            "returned": tr("已退回")}.get(state, "")


def decision_label(decision: str) -> str:
    return {"approved": tr("通过"), "returned": tr("退回")}.get(decision, decision)


def decision_line(decision: ReviewDecision) -> str:
    """One line about a decision: 第 1 版 退回（王审核，2026-03-02 10:15）：照片不清晰"""
    when = decision.decided_at[:16].replace("T", " ")
    line = tr("第 {0} 版 {1}（{2}，{3}）").format(decision.revision, decision_label(decision.decision),
                                              decision.reviewer, when)
    return f"{line}：{decision.comment}" if decision.comment else line


def standing_tooltip(standing: HubStanding) -> str:
    lines = {"waiting": [tr("这次检查的当前内容还没有上传到中心；下次同步时上传。")],
             "pushed": [tr("已上传到中心，等待审核。")],
             "approved": [tr("中心审核通过。")],
             "returned": [tr("中心审核退回：请打开检查，按意见修改后重新完成并同步。")]}[standing.state]
    if standing.decision is not None:
        lines.append(decision_line(standing.decision))
        if standing.decision.item_comments:
            lines.append(tr("{0} 个条目有审核意见").format(len(standing.decision.item_comments)))
    return "\n".join(lines)
