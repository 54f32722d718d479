"""The evidence rule of the item on screen (不符合需要照片和整改项) and what it still lacks."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from checklists.model import Node, Template
from inspection.evidence_rules import NEED_LABELS, missing_evidence, rule_for
from inspection.palette import NOTICE_CAUTION, NOTICE_GOOD
from ui.base.i18n import result_label, tr
from ui.session.edit_session import EditSession


class EvidenceNotice(QLabel):
    """Hidden while the item's result asks for nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceNotice")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.missing: tuple[str, ...] = ()
        self.hide()

    def show_for(self, session: EditSession, template: Template, node: Node) -> None:
        answer = session.answer(template.id, node.code)
        result = answer.result if answer else None
        rule = rule_for(node, result)
        if rule is None or result is None:
            self.missing = ()
            self.hide()
            return
        self.missing = missing_evidence(
            rule, photos=len(session.photos_for(template.id, node.code)),
            findings=len(session.findings_for(template.id, node.code)),
            note=answer.note if answer else "")
        things = tr("和").join(tr(NEED_LABELS[n]) for n in rule.needs)
        said = tr("证据要求：{0}需要{1}").format(result_label(result), things)
        if self.missing:
            lacking = tr("、").join(tr(NEED_LABELS[n]) for n in self.missing)
            self.setText(said + tr("——尚缺：{0}（签署时需补充或说明理由）").format(lacking))
            colors = NOTICE_CAUTION
        else:
            self.setText("✓ " + said + tr("——已齐全"))
            colors = NOTICE_GOOD
        self.setStyleSheet(f"QLabel#evidenceNotice {{ background: {colors[0]}; border: 1px solid"
                           f" {colors[1]}; color: {colors[2]}; border-radius: 3px;"
                           " padding: 4px 8px; }")
        self.show()
