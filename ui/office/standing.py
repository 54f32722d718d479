"""Words for where an inspection stands with the office (待上传, 待审核, 已通过, 已退回), shared by
the inspections list, the inspection page's review notice and the office's screens.

An approval is said only of the results the office reviewed: an approved inspection taken back
to 检查中, or signed or edited since and not uploaded yet, is 待上传 with the approval named as
the earlier one (kept when the results are unchanged, else reviewed again) — the list's badge
says 曾通过 while it is in progress, 待上传 once completed; one the hub did not carry the
approval to is 待审核 because its results changed after it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ui.base.i18n import tr

if TYPE_CHECKING:
    from inspection.store import HubStanding, ReviewDecision


def standing_badge(standing: HubStanding) -> str:
    """The list's badge (a key of ``standing_label`` and the palette's HUB_BADGES): the state, but
    曾通过 for an approved inspection taken back to 检查中 (待上传 would promise an upload that
    waits for it to be completed)."""
    return "approved_before" if standing.approval_pending and standing.editing else standing.state


def standing_label(state: str) -> str:
    return {"waiting": tr("待上传"), "pushed": tr("待审核"), "approved": tr("已通过"),
            "returned": tr("已退回"), "approved_before": tr("曾通过")}.get(state, "")


def decision_label(decision: str) -> str:
    return {"approved": tr("通过"), "returned": tr("退回")}.get(decision, decision)


def decision_line(decision: ReviewDecision) -> str:
    """One line about a decision: 第 1 版 退回（王审核，2026-03-02 10:15）：照片不清晰; an approval
    the hub carried over says so: 第 1 版 通过（沿用第 1 版的审核：结果未变；王审核，…）"""
    when = decision.decided_at[:16].replace("T", " ")
    if decision.carried:
        earlier = tr("沿用第 {0} 版的审核：结果未变").format(decision.carried_from_revision) \
            if decision.carried_from_revision is not None else tr("沿用此前的审核：结果未变")
        line = tr("第 {0} 版 {1}（{2}；{3}，{4}）").format(decision.revision, decision_label(decision.decision),
                                                      earlier, decision.reviewer, when)
    else:
        line = tr("第 {0} 版 {1}（{2}，{3}）").format(decision.revision, decision_label(decision.decision),
                                                  decision.reviewer, when)
    return f"{line}：{decision.comment}" if decision.comment else line


def approval_note(standing: HubStanding) -> str:
    """Why an approved inspection is not 已通过 now ("" when it is, or was never approved)."""
    if standing.approval_lapsed:
        return tr("中心审核通过后，这次检查的结果有改动，已重新上传，需重新审核。")
    if not standing.approval_pending:
        return ""
    if standing.editing:
        return tr("中心审核通过的是重新打开前的结果；正在修改。完成并同步后，结果未变则沿用通过，有改动则需重新审核。")
    return tr("中心审核通过的是此前的结果；这次的内容还没有上传。同步后，结果未变则沿用通过，有改动则需重新审核。")


def standing_tooltip(standing: HubStanding) -> str:
    note = approval_note(standing)
    if note:
        lines = [note]
    elif standing.state == "waiting" and standing.editing:
        lines = [tr("正在修改；完成后下次同步时上传到中心。")]
    else:
        lines = {"waiting": [tr("这次检查的当前内容还没有上传到中心；下次同步时上传。")],
                 "pushed": [tr("已上传到中心，等待审核。")],
                 "approved": [tr("中心审核通过。")],
                 "returned": [tr("中心审核退回：请打开检查，按意见修改后重新完成并同步。")]}[standing.state]
    if standing.decision is not None:
        lines.append(decision_line(standing.decision))
        if standing.decision.item_comments:
            lines.append(tr("{0} 个条目有审核意见").format(len(standing.decision.item_comments)))
    return "\n".join(lines)
