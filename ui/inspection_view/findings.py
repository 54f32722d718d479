"""Findings (整改项) of one item: list, add, edit, close with a note, reopen, delete.

Every change is an undoable command (ui/session/undo_commands.py). Dialogs are opened without blocking
(``open()``), so saving and the rest of the window keep running while one is shown.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklists.model import TemplateKind
from inspection.model import Finding, FindingStatus
from inspection.palette import (
    ACCENT,
    BORDER,
    MUTED,
    NOTICE_CAUTION,
    OVERDUE,
    PASS,
    SEVERITY_COLORS,
    SURFACE,
    SURFACE_ALT,
)
from ui.base.date_field import DateField
from ui.base.i18n import tr
from ui.base.widgets import badge, clear_layout, grow_to_fit, section_title, submit_on_ctrl_enter
from ui.session.edit_session import EditSession
from ui.session.undo_commands import AddFinding, DeleteFinding, EditFinding


def severity_labels() -> dict[str, str]:
    return {"minor": tr("一般"), "major": tr("较重"), "critical": tr("严重")}


class FindingDialog(QDialog):
    """Add or edit a finding: requirement, severity, deadline (with a calendar), responsible."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None, *, finding: Finding | None = None,
                 default_deadline: date | None = None, item_title: str = "",
                 inspection_date: date | None = None) -> None:
        super().__init__(parent)
        self.inspection_date = inspection_date
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.setWindowTitle(tr("编辑整改项") if finding else tr("添加整改项"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if item_title:
            about = QLabel(item_title, self)
            about.setWordWrap(True)
            about.setStyleSheet(f"color: {MUTED};")
            layout.addWidget(about)
        form = QFormLayout()
        self.requirement = QPlainTextEdit(self)
        self.requirement.setPlaceholderText(tr("需要园区完成的整改内容"))
        self.requirement.setTabChangesFocus(True)
        self.requirement.setFixedHeight(96)
        form.addRow(tr("整改要求"), self.requirement)
        self.severity = QComboBox(self)
        for key, label in severity_labels().items():
            self.severity.addItem(label, key)
        form.addRow(tr("严重程度"), self.severity)
        row = QHBoxLayout()
        self.has_deadline = QCheckBox(tr("期限"), self)
        self.has_deadline.setChecked(True)
        self.deadline = DateField(parent=self)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.has_deadline.toggled.connect(lambda _: self._check_deadline())
        self.deadline.date_changed.connect(lambda _: self._check_deadline())
        row.addWidget(self.has_deadline)
        row.addWidget(self.deadline)
        row.addStretch(1)
        form.addRow(tr("整改期限"), row)
        # The date field is wide enough to show what is typed, and the messages below keep
        # their place while empty: nothing moves under the pointer while a date is typed.
        self.deadline.edit.setMinimumWidth(
            self.deadline.edit.fontMetrics().horizontalAdvance("2026-12-20") * 2)
        self.deadline_warning = QLabel(self)
        self.deadline_warning.setStyleSheet(f"color: {NOTICE_CAUTION[2]};")
        self.deadline_warning.setWordWrap(True)
        # QFormLayout drops the row of a hidden widget: a holder that stays keeps its place.
        holder = QWidget(self)
        holder.setMinimumHeight(self.deadline_warning.fontMetrics().lineSpacing() * 2 + 6)
        in_holder = QVBoxLayout(holder)
        in_holder.setContentsMargins(0, 0, 0, 0)
        self.deadline_warning.setParent(holder)
        in_holder.addWidget(self.deadline_warning)
        self.deadline_warning.hide()
        form.addRow("", holder)
        self.responsible = QLineEdit(self)
        self.responsible.setPlaceholderText(tr("责任部门或责任人"))
        form.addRow(tr("责任人"), self.responsible)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {OVERDUE};")
        self.error.setWordWrap(True)
        self.error.setMinimumHeight(self.error.fontMetrics().lineSpacing() * 2)
        _keep_place(self.error)
        layout.addWidget(self.error)
        self.requirement.textChanged.connect(self._typed)
        # a field changed: the error about it is out of date
        self.deadline.date_changed.connect(lambda _: self._typed())
        self.has_deadline.toggled.connect(lambda _: self._typed())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        deadline = default_deadline or date.today() + timedelta(days=30)
        if finding is not None:
            self.requirement.setPlainText(finding.requirement)
            self.severity.setCurrentIndex(self.severity.findData(finding.severity.value))
            self.responsible.setText(finding.responsible)
            self.has_deadline.setChecked(bool(finding.deadline))
            if finding.deadline:
                deadline = date.fromisoformat(finding.deadline)
        self.deadline.set_date(deadline)
        self.deadline.setEnabled(self.has_deadline.isChecked())
        self._check_deadline()
        submit_on_ctrl_enter(self, self._submit)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(tr("确定（Ctrl+Enter）"))

    def _check_deadline(self) -> None:
        """Say at once when the deadline lies before the visit (a typing slip, most likely)."""
        chosen = self.deadline.date() if self.has_deadline.isChecked() else None
        early = chosen is not None and self.inspection_date is not None \
            and chosen < self.inspection_date
        if early:
            self.deadline_warning.setText(tr("注意：整改期限 {0} 早于检查日期 {1}。").format(
                chosen.isoformat(), self.inspection_date.isoformat()))
        self.deadline_warning.setVisible(early)

    def _typed(self) -> None:
        self.error.hide()

    def values(self) -> dict:
        chosen = self.deadline.date()
        return {
            "requirement": self.requirement.toPlainText().strip(),
            "severity": self.severity.currentData(),
            "deadline": chosen.isoformat() if self.has_deadline.isChecked() and chosen else None,
            "responsible": self.responsible.text().strip(),
        }

    def _submit(self) -> None:
        values = self.values()
        if not values["requirement"]:
            self.error.setText(tr("请填写整改要求。"))
            self.error.show()
            self.requirement.setFocus()
            return
        if self.has_deadline.isChecked() and self.deadline.date() is None:
            self.error.setText(tr("整改期限不是有效日期，请按 2026-12-20 的格式填写，或取消勾选“期限”。"))
            self.error.show()
            self.deadline.setFocus()
            return
        self.accept()
        self.submitted.emit(values)


class CloseFindingDialog(QDialog):
    """Closing a finding asks how it was rectified (整改情况)."""

    submitted = Signal(str)

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.setWindowTitle(tr("整改完成"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        about = QLabel(tr("整改要求：{0}").format(finding.requirement), self)
        about.setWordWrap(True)
        layout.addWidget(about)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(tr("整改情况说明（例如：已于 11 月 25 日更换路灯，现场复核合格）"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(96)
        layout.addWidget(self.note)
        # At a revisit the office wants the item as it is now beside how it was (整改前后对照).
        self.after_photo = QCheckBox(tr("接着添加整改后照片（拍照或选择文件）"), self)
        self.after_photo.setChecked(finding.carried_from is not None)
        layout.addWidget(self.after_photo)
        self.error = QLabel(tr("请填写整改情况说明。"), self)
        self.error.setStyleSheet(f"color: {OVERDUE};")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.note.textChanged.connect(
            lambda: self.error.hide() if self.note.toPlainText().strip() else None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        submit_on_ctrl_enter(self, self._submit)

    def _submit(self) -> None:
        text = self.note.toPlainText().strip()
        if not text:
            self.error.show()
            return
        self.accept()
        self.submitted.emit(text)


class FindingCard(QFrame):
    def __init__(self, finding: Finding, as_of: date, editable: bool, panel: FindingsPanel):
        super().__init__(panel)
        self.finding = finding
        self.setObjectName("finding")
        closed = finding.status is FindingStatus.CLOSED
        self.setStyleSheet(f"QFrame#finding {{ border: 1px solid {BORDER}; border-radius: 4px;"
                           f" background: {SURFACE_ALT if closed else SURFACE}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        text = QLabel(finding.requirement, self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if closed:
            text.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(text)
        meta = QHBoxLayout()
        meta.addWidget(badge(severity_labels()[finding.severity.value],
                             SEVERITY_COLORS[finding.severity.value], self))
        status = badge(tr("已整改") if closed else tr("待整改"),
                       PASS if closed else ACCENT, self)
        meta.addWidget(status)
        details = []
        if finding.deadline:
            details.append(tr("期限 {0}").format(finding.deadline))
        if finding.responsible:
            details.append(tr("责任人 {0}").format(finding.responsible))
        info = QLabel("　".join(details), self)
        info.setWordWrap(True)  # the deadline and the person may take two lines, never the width
        info.setMinimumWidth(info.fontMetrics().horizontalAdvance("期限 2026-12-31"))
        overdue = not closed and finding.deadline and date.fromisoformat(finding.deadline) < as_of
        info.setStyleSheet(f"color: {OVERDUE if overdue else MUTED};")
        meta.addWidget(info, 1)
        if editable:
            for label, handler in ((tr("编辑…"), panel.edit),
                                   ((tr("重新打开") if closed else tr("整改完成…")),
                                    panel.reopen if closed else panel.close_finding),
                                   (tr("删除"), panel.delete)):
                button = QPushButton(label, self)
                button.setFlat(True)
                button.setStyleSheet(f"QPushButton {{ color: {ACCENT}; padding: 2px 6px; }}")
                button.clicked.connect(lambda _=False, h=handler, f=finding: h(f.id))
                meta.addWidget(button)
        layout.addLayout(meta)
        if closed and finding.closing_note:
            note = QLabel(tr("整改情况：{0}").format(finding.closing_note), self)
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {MUTED};")
            layout.addWidget(note)


class FindingsPanel(QWidget):
    """The findings of the item on screen."""

    after_photo_wanted = Signal(object)  # an item key: closed with 接着添加整改后照片 ticked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: EditSession | None = None
        self.key: tuple[str, str] | None = None
        self.item_title = ""
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = section_title(tr("整改项"), self)
        header.addWidget(self.title)
        header.addStretch(1)
        self.add_button = QPushButton(tr("添加整改项…"), self)
        self.add_button.clicked.connect(self.add)
        header.addWidget(self.add_button)
        layout.addLayout(header)
        self.cards = QVBoxLayout()
        self.cards.setSpacing(6)
        layout.addLayout(self.cards)

    def show_item(self, session: EditSession, key: tuple[str, str], item_title: str) -> None:
        self.session, self.key, self.item_title = session, key, item_title
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.cards)
        if self.session is None or self.key is None:
            return
        findings = sorted(self.session.findings_for(*self.key), key=lambda f: f.id)
        editable = not self.session.read_only
        self.add_button.setEnabled(editable)
        self.title.setText(tr("整改项（{0}）").format(len(findings)) if findings else tr("整改项"))
        as_of = date.fromisoformat(self.session.inspection.date)
        for finding in findings:
            self.cards.addWidget(FindingCard(finding, as_of, editable, self))
        if not findings:
            action_plan = self.session.template(self.key[0]).kind is TemplateKind.ACTION_PLAN
            empty = QLabel(tr("无。滞后或未启动的事项可在此记录需要整改的内容。") if action_plan
                           else tr("无。不符合的条目可在此记录需要园区整改的事项。"), self)
            empty.setStyleSheet(f"color: {MUTED};")
            empty.setWordWrap(True)
            self.cards.addWidget(empty)

    # --- actions -------------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_submit) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(on_submit)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def add(self) -> None:
        if self.session is None or self.key is None or self.session.read_only:
            return
        visit = date.fromisoformat(self.session.inspection.date)
        self._open(FindingDialog(self.window(), default_deadline=visit + timedelta(days=30),
                                 item_title=self.item_title, inspection_date=visit),
                   lambda values, key=self.key: self.session.undo_stack.push(
                       AddFinding(self.session, *key, values)))

    def edit(self, finding_id: int) -> None:
        finding = self.session.findings.get(finding_id)
        if finding is None:
            return

        def submitted(values: dict) -> None:
            # Only what was changed in the dialog is written: a field the dialog still shows
            # as it was when opened may have been changed underneath since (an undo, a sync).
            current = self.session.findings.get(finding.id, finding)
            changes = {k: v for k, v in values.items()
                       if v != _finding_field(finding, k) and v != _finding_field(current, k)}
            if changes:
                self.session.undo_stack.push(
                    EditFinding(self.session, current, tr("编辑整改项"), changes))
        self._open(FindingDialog(self.window(), finding=finding, item_title=self.item_title,
                                 inspection_date=date.fromisoformat(self.session.inspection.date)),
                   submitted)

    def close_finding(self, finding_id: int) -> None:
        finding = self.session.findings.get(finding_id)
        if finding is None:
            return
        dialog = CloseFindingDialog(finding, self.window())

        def closed(note: str, key=self.key) -> None:
            self.session.undo_stack.push(EditFinding(
                self.session, self.session.findings.get(finding.id, finding),
                tr("整改完成"), {"status": FindingStatus.CLOSED.value, "note": note}))
            if dialog.after_photo.isChecked():
                self.after_photo_wanted.emit(key)
        self._open(dialog, closed)

    def reopen(self, finding_id: int) -> None:
        finding = self.session.findings.get(finding_id)
        if finding is not None:
            self.session.undo_stack.push(EditFinding(
                self.session, finding, tr("重新打开整改项"),
                {"status": FindingStatus.OPEN.value, "note": ""}))

    def delete(self, finding_id: int) -> None:
        finding = self.session.findings.get(finding_id)
        if finding is not None:
            self.session.undo_stack.push(DeleteFinding(self.session, finding))


def _finding_field(finding: Finding, name: str):
    return finding.severity.value if name == "severity" else getattr(finding, name)


def _keep_place(label: QLabel) -> None:
    """A message that keeps its place while hidden: the rows below never move."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    label.hide()
