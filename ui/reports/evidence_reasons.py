"""Before signing: the items that break an evidence rule (不符合 without a photo …), each with
the inspector's reason, which the report prints beside the item (inspection/evidence_rules.py)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspection.evidence_rules import Breach
from ui.base.i18n import result_label, tr
from ui.base.widgets import error_label, grow_to_fit, muted_label, submit_on_ctrl_enter


class EvidenceReasonsDialog(QDialog):
    """One reason per item; OK only when every item has one."""

    submitted = Signal(object)  # {(template id, code): reason}

    def __init__(self, breaches: list[Breach] | tuple[Breach, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)
        self.setWindowTitle(tr("证据不全的条目"))
        self.breaches = list(breaches)
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(tr(
            "以下条目的检查结果缺少证据要求的内容。可以先补充照片、整改项或备注；"
            "如确实无法提供，请逐条说明理由，理由将写入报告。")))
        body = QWidget()
        form = QFormLayout(body)
        self.fields: dict[tuple[str, str], QLineEdit] = {}
        for breach in self.breaches:
            label = QLabel(tr("<b>{0} {1}</b>（{2}）<br>缺少：{3}").format(
                breach.code, _esc(breach.title), result_label(breach.result),
                _esc(breach.missing_text)))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            field = QLineEdit()
            field.setPlaceholderText(tr("理由，例如：现场不允许拍照"))
            field.textChanged.connect(lambda _t: self.error.hide())
            form.addRow(label)
            form.addRow(field)
            self.fields[breach.key] = field
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        submit_on_ctrl_enter(self, self.submit)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 40)

    def reasons(self) -> dict[tuple[str, str], str]:
        return {key: field.text().strip() for key, field in self.fields.items()}

    def submit(self) -> None:
        empty = [key for key, text in self.reasons().items() if not text]
        if empty:
            self.error.setText(tr("还有 {0} 个条目没有填写理由。").format(len(empty)))
            self.error.show()
            self.fields[empty[0]].setFocus()
            return
        self.accept()
        self.submitted.emit(self.reasons())


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
