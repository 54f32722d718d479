"""签署报告: check what is missing, ask for the key's password, build + sign + lock in the background.

The dialog says first what is not ready (unanswered items, missing handwritten signatures, photos
whose files are missing, no signing key) and lets the inspector continue once they confirm.
While photos are still being imported into the inspection, signing waits: the report would
leave them out and the store would refuse to lock edits the report does not contain. The
password is read from the field, handed to ``issue_report`` and cleared; it is never stored. A wrong password, a missing
key or a cancel leave everything as it was (``issue_report`` is all or nothing).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklists.errors import language
from inspection.palette import RESULT_COLORS
from inspection.report.errors import Cancelled
from inspection.signing.keys import BadKeyFile, KeyFileMissing, WrongPassword
from inspection.store import InspectionChanged
from ui.base.error_reporting import report_error, user_message
from ui.base.file_dialogs import REPORTS, remember_folder, save_file, start_folder
from ui.base.i18n import tr
from ui.base.preferences import PHOTO_SIZES, Preferences
from ui.base.tasks import TaskRunner
from ui.base.widgets import error_label, grow_to_fit, hide_password, muted_label
from ui.reports.evidence_reasons import EvidenceReasonsDialog
from ui.reports.export_dialogs import REPORT_LANE, DbStore, ProgressTask, file_stem
from ui.reports.key_dialog import expired
from ui.reports.readiness import Readiness, check_readiness
from ui.reports.signatures_dialog import Signer, local_time


def free_name(path: Path) -> Path:
    """*path*, or *path* with (2), (3) … added: a default never overwrites a file silently."""
    candidate, number = Path(path), 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}({number}){path.suffix}")
        number += 1
    return candidate


def _set_line(label: QLabel, ok: bool, text: str) -> None:
    """✓ or ! before *text* (already escaped), in green or amber."""
    mark, color = ("✓", RESULT_COLORS["pass"]) if ok else ("!", RESULT_COLORS["partial"])
    label.setText(f"<span style='color:{color}; font-weight:bold'>{mark}</span>&nbsp; {text}")
    label.setProperty("ok", ok)


def _line() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class IssueDialog(QDialog):
    """Checks, password, where to save a copy; then signs through the runner."""

    issued = Signal(object)  # the signed PDF: the copy saved for the user, else the stored one
    signatures_requested = Signal()
    key_requested = Signal()

    def __init__(self, runner: TaskRunner, prefs: Preferences, ready: Readiness,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.runner, self.prefs, self.ready = runner, prefs, ready
        self.task: ProgressTask | None = None
        self.busy = False
        self.importing = False  # photos are being imported into this inspection
        self.notice: QMessageBox | None = None
        inspection = ready.inspection
        self.setWindowTitle(tr("签署报告"))
        head = QLabel(tr("<b>报告编号 {0}（第 {1} 版）</b><br>{2} · 检查日期 {3}").format(
            inspection.report_number, inspection.revision, _esc(inspection.park_name),
            inspection.date))
        head.setTextFormat(Qt.TextFormat.RichText)

        checks = QGroupBox(tr("签署前检查"))
        self.items_line, self.signatures_line, self.key_line = _line(), _line(), _line()
        self.photos_line, self.evidence_line = _line(), _line()
        self.conflicts_line, self.flagged_line = _line(), _line()
        self.carried_line = _line()  # signatures carried from an earlier revision, or lapsed
        self.reasons_button = QPushButton(tr("填写理由…"))
        self.reasons_button.clicked.connect(self.ask_reasons)
        self.reasons_dialog: EvidenceReasonsDialog | None = None
        self.signatures_button = QPushButton(tr("现场签名…"))
        self.signatures_button.clicked.connect(self.signatures_requested)
        self.key_button = QPushButton(tr("签名密钥…"))
        self.key_button.clicked.connect(self.key_requested)
        self.confirm = QCheckBox(tr("我已知悉上述问题，仍要签署"))
        column = QVBoxLayout(checks)
        column.addWidget(self.items_line)
        column.addWidget(self.conflicts_line)
        column.addWidget(self.photos_line)
        column.addWidget(self.flagged_line)
        for line, button in ((self.evidence_line, self.reasons_button),
                             (self.signatures_line, self.signatures_button),
                             (self.key_line, self.key_button)):
            row = QHBoxLayout()
            row.addWidget(line, 1)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            column.addLayout(row)
            if line is self.signatures_line:
                column.addWidget(self.carried_line)
        column.addWidget(self.confirm)

        self.password = QLineEdit()
        hide_password(self.password)
        self.password.setPlaceholderText(tr("签名密钥的密码（不会被保存）"))
        self.password_error = error_label()
        self.save_copy = QCheckBox(tr("同时保存一份到："))
        self.save_copy.setChecked(True)
        default = start_folder(REPORTS) / (file_stem(inspection, tr("检查报告")) + ".pdf")
        self.copy_path = QLineEdit(str(free_name(default)))  # a path can be typed, or chosen
        self.copy_path.setToolTip(tr("可直接输入路径，或点击“选择…”"))
        self.copy_error = error_label()
        self.copy_path.textChanged.connect(lambda _t: self.copy_error.hide())
        self.choose_button = QPushButton(tr("选择…"))
        self.choose_button.clicked.connect(self.choose_copy)
        self.save_copy.toggled.connect(self.copy_path.setEnabled)
        self.save_copy.toggled.connect(self.choose_button.setEnabled)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_path, 1)
        copy_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(tr("密钥密码："), self.password)
        form.addRow("", self.password_error)
        form.addRow(self.save_copy, copy_row)
        form.addRow("", self.copy_error)
        note = muted_label(tr("签署后检查被锁定，不能再修改；如需修改，需重新打开并生成新的修订版。"
                              "签署的报告同时保存在数据文件夹中。"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_button.setText(tr("签署并生成报告"))
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(checks)
        layout.addLayout(form)
        layout.addWidget(note)
        # Said when the inspection changed while the report was built: nothing was signed.
        self.changed_notice = error_label()
        layout.addWidget(self.changed_notice)
        layout.addWidget(self.buttons)
        self.password.textChanged.connect(self._update)
        self.password.textChanged.connect(lambda _t: self.password_error.hide())
        self.confirm.toggled.connect(self._update)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 46)
        self.show_readiness(ready)
        self.password.setFocus()

    def show_readiness(self, ready: Readiness) -> None:
        """The checks, again (after signatures were added or a key was set)."""
        self.ready = ready
        if ready.unanswered:
            _set_line(self.items_line, False, tr("还有 {0} 个条目未检查（共 {1} 个）；报告中显示为“未检查”。")
                      .format(ready.unanswered, ready.total))
        else:
            _set_line(self.items_line, True, tr("全部 {0} 个条目已检查。").format(ready.total))
        self._show_photos()
        if ready.conflicts:
            names = "、".join(ready.conflicts[:5]) + ("…" if len(ready.conflicts) > 5 else "")
            _set_line(self.conflicts_line, False, tr(
                "{0} 个条目冲突待核（{1}）：两台电脑都改过，请先在条目中选定保留哪一方，之后才能签署。")
                .format(len(ready.conflicts), _esc(names)))
        self.conflicts_line.setVisible(bool(ready.conflicts))
        if ready.breaches:
            _set_line(self.evidence_line, False, tr(
                "{0} 个条目缺少证据要求的内容（如不符合却没有照片）：请补充，或填写理由。")
                .format(len(ready.breaches)))
        else:
            _set_line(self.evidence_line, True, tr("证据要求已满足（或已说明理由）。"))
        self.reasons_button.setVisible(bool(ready.breaches))
        if ready.missing_signatures:
            _set_line(self.signatures_line, False, tr("缺少手写签名：{0}").format(
                _esc("、".join(ready.missing_signatures))))
        else:
            _set_line(self.signatures_line, True, tr("手写签名已齐全。"))
        self._show_carried()
        if ready.key is not None:
            key = ready.key
            text = tr("签名密钥：{0}（{1}），有效期至 {2}").format(
                _esc(key.name), _esc(key.organisation or "—"),
                f"{key.not_after.astimezone():%Y-%m-%d}")
            problems = ready.key_problems
            if expired(key):
                text += tr("（已过期）")
            if problems:  # refused at signing: said now, with every reason
                text += "<br>" + tr("这个密钥不能用于签署：{0}。请在“签名密钥”中创建或导入新密钥。").format(
                    _esc(tr("；").join(p.text(language()) for p in problems)))
            _set_line(self.key_line, not problems, text)
        elif ready.has_key:
            _set_line(self.key_line, True, tr("签名密钥：{0}").format(_esc(ready.key_path.name)))
        else:
            _set_line(self.key_line, False, tr("还没有签名密钥：请先创建或导入。"))
        self.confirm.setChecked(False)
        self.confirm.setVisible(ready.needs_confirmation)
        self._update()

    def _show_carried(self) -> None:
        """Which handwritten signatures come from an earlier revision, and which lapsed there
        because a result or finding they confirmed changed (each signer, with what changed)."""
        ready, parts = self.ready, []
        if ready.carried:
            names = "、".join(tr("{0}（第 {1} 版，{2}）").format(
                _esc(Signer(s.role, s.name).label), s.carried_from, local_time(s.signed_at))
                for s in ready.carried)
            parts.append(tr("沿用之前版本的手写签名（所确认的检查结果和整改项未改动）：{0}").format(names))
        for gone in ready.lapsed:
            sig = gone.signature
            parts.append(tr("{0} 在第 {1} 版的签名已失效，需重新签名：{2}").format(
                _esc(Signer(sig.role, sig.name).label), sig.carried_from,
                _esc(gone.reason().text(language()))))
        if parts:
            _set_line(self.carried_line, not ready.lapsed, "<br>".join(parts))
        self.carried_line.setVisible(bool(parts))

    def _show_photos(self) -> None:
        ready = self.ready
        if self.importing:
            _set_line(self.photos_line, False, tr(
                "正在导入照片：导入完成后才能签署（报告要包含这些照片）。"))
        elif ready.missing_photos:
            names = "、".join(ready.missing_photos[:5]) + ("…" if len(ready.missing_photos) > 5
                                                          else "")
            _set_line(self.photos_line, False, tr(
                "{0} 张照片的文件缺失（{1}）；报告中显示为“照片文件缺失”。").format(
                len(ready.missing_photos), _esc(names)))
        else:
            _set_line(self.photos_line, True, tr("照片文件齐全（{0} 张）。").format(ready.photos))
        if ready.flagged_photos:  # perhaps another visit's card: said, not refused
            shown = tr("；").join(tr("{0}（{1}）").format(name, why) for name, why in ready.flagged_photos[:3])
            more = "…" if len(ready.flagged_photos) > 3 else ""
            _set_line(self.flagged_line, False, tr(
                "{0} 张照片需要核对：{1}{2}。报告中会注明；确认无误再签署。").format(
                len(ready.flagged_photos), _esc(shown), more))
        self.flagged_line.setVisible(bool(ready.flagged_photos))

    def set_importing(self, importing: bool) -> None:
        """A photo import into this inspection started or ended: signing waits for it."""
        self.importing = importing
        self._show_photos()
        self._update()

    def ask_reasons(self) -> None:
        """One reason for each item breaking an evidence rule; recorded, then checked again."""
        dialog = EvidenceReasonsDialog(self.ready.breaches, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        iid, key_file = self.ready.inspection.id, self.ready.key_path

        def record(reasons: dict) -> None:
            self.runner.db(lambda store: (store.record_evidence_reasons(iid, reasons),
                                          check_readiness(store, iid, key_file))[1],
                           self.show_readiness, lambda exc: report_error(exc, self))
        dialog.submitted.connect(record)
        self.reasons_dialog = dialog
        dialog.open()

    def _update(self) -> None:
        ok = (self.ready.has_key and not self.ready.key_problems and bool(self.password.text())
              and not self.ready.breaches
              and (self.confirm.isChecked() or not self.ready.needs_confirmation)
              and not self.busy and not self.importing and not self.ready.conflicts)
        self.sign_button.setEnabled(ok)

    def choose_copy(self) -> None:
        typed = Path(self.copy_path.text().strip() or "report.pdf").expanduser()
        out = save_file(self, REPORTS, tr("签署的报告另存为"), typed, tr("PDF 文件 (*.pdf)"),
                        ".pdf")
        if out is not None:
            self.copy_path.setText(str(out))

    @property
    def copy_target(self) -> Path | None:
        """Where the copy goes (a typed name gets .pdf), or None when no copy is wanted."""
        if not self.save_copy.isChecked():
            return None
        path = Path(self.copy_path.text().strip()).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def _copy_problem(self) -> str | None:
        if not self.save_copy.isChecked():
            return None
        text = self.copy_path.text().strip()
        if not text:
            return tr("请填写副本的保存位置，或取消“同时保存一份到”。")
        path = self.copy_target
        if not path.is_absolute():
            return tr("请填写完整路径（包括文件夹），或点击“选择…”。")
        if not path.parent.is_dir():
            return tr("文件夹不存在：{0}").format(path.parent)
        return None

    # --- signing ----------------------------------------------------------------------------

    def sign(self) -> None:
        """Build, sign, store and lock in the background (the password leaves the field)."""
        if not self.sign_button.isEnabled():
            return
        problem = self._copy_problem()
        if problem is not None:
            self.copy_error.setText(problem)
            self.copy_error.show()
            self.copy_path.setFocus()
            return
        from inspection.signing.issue import issue_report

        password = self.password.text()
        self.password.clear()
        self.changed_notice.hide()
        store, iid = DbStore(self.runner), self.ready.inspection.id
        key, out = self.ready.key_path, self.copy_target
        per_page = PHOTO_SIZES[self.prefs.report_photo_size]
        self._set_busy(True)
        self.task = ProgressTask(
            self.runner, lambda progress: issue_report(
                store, iid, key_path=key, password=password, out=out, progress=progress,
                should_cancel=progress.should_cancel, photos_per_page=per_page),
            parent=self, title=tr("签署报告"), label=tr("正在生成并签署报告…"),
            on_done=self._signed, on_error=self._failed, delay_ms=0, serial=REPORT_LANE)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.password, self.save_copy, self.choose_button, self.confirm,
                       self.signatures_button, self.key_button):
            widget.setEnabled(not busy)
        self.copy_path.setEnabled(not busy and self.save_copy.isChecked())
        self.choose_button.setEnabled(not busy and self.save_copy.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        self._update()

    def _signed(self, path: Path) -> None:
        self.busy = False
        if self.copy_target is not None:
            remember_folder(REPORTS, self.copy_target.parent)
        self.accept()
        self.issued.emit(Path(path))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassword):
            self.password_error.setText(tr("密码不正确，报告没有签署。请重新输入密码。"))
            self.password_error.show()
            self.password.setFocus()
            return
        if isinstance(exc, InspectionChanged):
            self._changed_meanwhile(exc)
            return
        if isinstance(exc, Cancelled):
            text = tr("已取消签署：没有生成报告，检查也没有锁定。")
        elif isinstance(exc, KeyFileMissing):
            text = tr("找不到签名密钥文件：{0}\n请在“签名密钥”中重新创建或导入。").format(self.ready.key_path)
        elif isinstance(exc, BadKeyFile):
            text = tr("签名密钥文件无法使用（不是有效的 .p12 文件）。请在“签名密钥”中重新创建或导入。")
        else:
            report_error(exc, self, title=tr("报告没有签署"))
            return
        self.notice = QMessageBox(QMessageBox.Icon.Information, tr("报告没有签署"), text,
                                  QMessageBox.StandardButton.Ok, self)
        self.notice.open()

    def _changed_meanwhile(self, exc: BaseException) -> None:
        """The inspection was edited while its report was built, so nothing was signed: say
        so, read the checks again and offer to sign again (the password is typed again)."""
        self.changed_notice.setText(user_message(exc) + "\n" + tr(
            "签署前检查已按最新内容更新；请再次输入密码，点击“重新签署”。"))
        self.changed_notice.show()
        self.sign_button.setText(tr("重新签署"))
        self.password.setFocus()
        iid, key_file = self.ready.inspection.id, self.ready.key_path
        self.runner.db(lambda store: check_readiness(store, iid, key_file), self.show_readiness,
                       lambda error: report_error(error, self))


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
