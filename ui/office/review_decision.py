"""The review screen's words: the history of revisions, signatures and decisions, and what the
reviewer is about to record, said before it is recorded: 通过 names the revision, how
much of each checklist was checked (已检查 N/M, 未检查 K) and the open findings; 退回 shows the
comments the inspector will receive. The question is a window-modal box the page keeps
(``page.confirmation``), so nothing blocks while it is open."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from checklists.stars import level_label
from inspection.office.measures import Coverage
from inspection.office.ranking import INCOMPLETE, MIN_COVERAGE, RANKED, outcome
from inspection.palette import FAIL, MUTED
from ui.base.i18n import status_label, tr
from ui.office.standing import decision_label


def value_text(value: Any) -> str:
    """Measured values (a star rating's inputs) in one line."""
    if not value:
        return ""
    if isinstance(value, dict):
        return "；".join(f"{k}：{'、'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in value.items())
    return str(value)


def finding_text(finding: dict[str, Any]) -> str:
    state = tr("已整改") if finding["status"] == "closed" else tr("待整改")
    text = f"{finding['requirement']}（{state}；" + tr("期限 {0}").format(finding["deadline"] or "—") \
        + "；" + tr("责任单位 {0}").format(finding["responsible"] or "—") + "）"
    if finding["closing_note"]:
        text += tr("整改情况：{0}").format(finding["closing_note"])
    return text


def coverage_lines(found: Sequence[Coverage]) -> list[str]:
    """已检查 N/M（未检查 K 项） per template."""
    lines = []
    for item in found:
        name = item.template.short_title or item.template.title
        text = tr("{0}：已检查 {1}/{2}").format(name, item.answered, item.total)
        if item.unchecked:
            text += tr("（未检查 {0} 项）").format(item.unchecked)
        lines.append(text)
    return lines


def ranking_lines(found: Sequence[Coverage]) -> list[tuple[str, bool]]:
    """Per template, what the ranking will do with this inspection once approved (the ranking's
    own rule, ``inspection.office.ranking.outcome``): (the sentence, whether it is ranked)."""
    lines = []
    for item in found:
        name = item.template.short_title or item.template.title
        measured = item.measured
        if measured is None:
            continue
        kind = outcome(measured)
        if kind == RANKED:
            value = level_label(measured.stars) if measured.stars is not None else \
                tr("{0} 分").format(f"{measured.percent:.1f}")
            lines.append((tr("{0}：通过后参与园区排名（{1}）").format(name, value), True))
        elif kind == INCOMPLETE:
            lines.append((tr("{0}：检查不完整（已检查 {1}，不足 {2}%），通过后在园区排名中列为“检查不完整”，"
                             "不参与排名").format(name, measured.coverage_text, round(MIN_COVERAGE * 100)),
                          False))
        else:
            lines.append((tr("{0}：通过后列为“未排名”：{1}").format(name, measured.problem), False))
    return lines


def incomplete(found: Sequence[Coverage]) -> bool:
    """Whether any template of the inspection will not be ranked once approved."""
    return any(item.measured is not None and outcome(item.measured) != RANKED for item in found)


def open_findings(detail: dict[str, Any]) -> int:
    return sum(1 for f in detail["findings"] if f["status"] != "closed")


def show_checked(label: QLabel, detail: dict[str, Any]) -> list[Coverage]:
    """Say on *label* how much of each checklist was checked and the open findings (red when the
    inspection is too incomplete to rank); returns the coverage."""
    from inspection.office.measures import coverage

    found = coverage(detail["templates"], detail["answers"], park_type=detail.get("park_type") or "manufacturing",
                     on=detail.get("date") or None)
    label.setText("\n".join([*coverage_lines(found), tr("未完成整改 {0} 项").format(open_findings(detail))]))
    short = incomplete(found)
    label.setStyleSheet(f"color: {FAIL};" if short else "")
    label.setToolTip("\n".join(text for text, _ranked in ranking_lines(found)))
    return found


def ask(parent: QWidget, decision: str, detail: dict[str, Any], found: Sequence[Coverage], comment: str,
        items: Sequence[tuple[str, str]], record: Callable[[], None]) -> QMessageBox:
    """The question before *decision* (approve / return) is recorded; *record* runs on yes."""
    revision = tr("报告编号 {0}，第 {1} 版").format(detail["report_number"] or "—", detail["revision"])
    if decision == "approve":
        title, action = tr("通过这次检查？"), tr("通过")
        lines = [revision, *coverage_lines(found),
                 tr("不符合 {0} 项；未完成整改 {1} 项").format(
                     sum(1 for a in detail["answers"] if a["result"] in ("fail", "delayed")), open_findings(detail)),
                 tr("总体意见：{0}").format(comment) if comment else tr("总体意见：（无）")]
        body = [escape(line) for line in lines]
        body += [escape(text) if ranked else f"<b style='color:{FAIL}'>{escape(text)}</b>"
                 for text, ranked in ranking_lines(found)]
    else:
        title, action = tr("退回这次检查？"), tr("退回")
        body = [escape(revision), escape(tr("上传者 {0} 下次同步后将看到：").format(detail["owner"])),
                escape(tr("总体意见：{0}").format(comment) if comment else tr("总体意见：（无）"))]
        body += [escape(tr("条目 {0}：{1}").format(code.split(":", 1)[-1], text)) for code, text in items]
    box = QMessageBox(QMessageBox.Icon.Question, title, "<br/>".join(body), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.yes = yes  # type: ignore[attr-defined] - the tests press it

    def finished(_result: int) -> None:
        if box.clickedButton() is yes:
            record()

    box.finished.connect(finished)
    box.open()
    return box


def history_html(history: dict[str, Any]) -> str:
    """Every revision pushed, every signed revision (also one reopened before its push) and every
    decision, oldest first, as the page's rich text. An approval the hub carried over to a
    revision with the approved results (hub schema 0008) names the review it carries, and its
    comments are not repeated."""
    # "← 当前" glued to its line with no-break spaces (it wrapped onto a line of its own).
    current = "\u00a0" + tr("　← 当前").strip().replace(" ", "\u00a0")
    events = [(r["pushed_at"], escape(tr("第 {0} 版上传（{1}）").format(r["revision"], r["pushed_by"])
                                      + (current if r["current"] else ""))) for r in history["revisions"]]
    for review in history["reviews"]:
        if review.get("carried_from"):
            earlier = review["carried_from_status"]
            text = escape(tr("第 {0} 版（{1}）通过（沿用第 {2} 版{3}时 {4} 的审核：结果相同）").format(
                review["revision"], status_label(review["status"]), review["carried_from_revision"],
                status_label(earlier) if earlier else "", review["reviewer"]))
            events.append((review["decided_at"], text))
            continue
        text = escape(tr("第 {0} 版 {1}（{2}）").format(review["revision"], decision_label(review["decision"]),
                                                      review["reviewer"]))
        if review["comment"]:
            text += "：" + escape(review["comment"])
        for item in review["item_comments"]:
            text += f"<br/>　{escape(item['item_code'])}：{escape(item['comment'])}"
        events.append((review["decided_at"], text))
    for signed in history.get("signed", []):
        text = tr("第 {0} 版已签署（{1}）").format(signed["revision"], signed["signer"] or "—")
        if not signed["pushed"]:
            text += tr("：签署后在上传前已重新打开，中心只有其签署 PDF")
        events.append((signed["signed_at"] or "", escape(text)))
    return "<br/>".join(f"<span style='color:{MUTED}'>{when[:16].replace('T', ' ')}</span>　{text}"
                        for when, text in sorted(events, key=lambda e: e[0]))
