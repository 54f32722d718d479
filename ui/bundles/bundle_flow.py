"""文件 → 导出检查包… / 导入检查包…: moving an inspection to another laptop in a .pib file.

Both run in the background behind a progress dialog that can cancel them (a cancelled import
changes nothing; a cancelled export leaves no file). Exporting a draft signs the bundle when
the key's password is typed, else makes an unsigned draft bundle and says so; a signed
revision is exported from its seal (made when the report was signed) without a password.
Importing first checks the bundle whole; when it is unsigned or signed by someone this laptop
does not know, the window says who and asks before importing. A .pib dropped on the list
imports the same way (:meth:`BundleFlow.import_file`).
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspection.model import Inspection
from ui.base.error_reporting import report_error
from ui.base.file_dialogs import open_file, save_file, start_folder
from ui.base.i18n import status_label, tr
from ui.base.preferences import Preferences
from ui.base.tasks import Progress, TaskRunner
from ui.base.widgets import error_label, grow_to_fit, hide_password, muted_label, with_message
from ui.bundles.files import SUFFIX
from ui.reports.export_dialogs import DbStore, ProgressTask, file_stem
from ui.reports.fingerprint import fingerprint_lines, selectable_message

BUNDLES = "bundles"  # the file dialogs' folder for bundles


class BundleStore(DbStore):
    """The store as background bundle work sees it (every call on the database worker)."""

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.device_id = runner.call(lambda store: store.device_id)


def describe_import(result: Any) -> str:
    """What an import did, in a sentence or two."""
    action = {
        "create": tr("已导入检查（第 {0} 版）。"),
        "nothing": tr("本机已有该检查的第 {0} 版，未作任何改动。"),
        "merge": tr("已把检查包中的修改逐项并入本机的检查（第 {0} 版）。"),
        "replace": tr("检查包中的第 {0} 版已取代本机的版本；原来的版本保留备查。"),
        "archive": tr("这是较早的已签署版本（第 {0} 版），已保留备查；当前版本不变。"),
    }[result.action].format(result.revision)
    lines = [action]
    if result.conflicts:
        lines.append(tr("{0} 个条目两台电脑都改过，已标为“冲突待核”：请在条目中选定保留哪一方，"
                        "之后才能签署。").format(result.conflicts))
    if "set_aside" in result.archived:
        lines.append(tr("本机有签署版本中没有的修改，已另存备查，不会丢失。"))
    if not result.signed:
        lines.append(tr("该检查包未签名（草稿）。"))
    return "\n".join(lines)


class ExportDialog(QDialog):
    """Where to save the bundle, and the key's password when the bundle is to be signed."""

    submitted = Signal()  # 导出 pressed with everything filled in

    def __init__(self, inspection: Inspection, *, sealed: bool, has_key: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        grow_to_fit(self)
        self.setWindowTitle(tr("导出检查包"))
        self.inspection, self.sealed = inspection, sealed
        head = QLabel(tr("<b>{0}（第 {1} 版）</b><br>{2} · {3}").format(
            html.escape(inspection.report_number), inspection.revision,
            html.escape(inspection.park_name), status_label(inspection.status)))
        head.setTextFormat(Qt.TextFormat.RichText)
        default = start_folder(BUNDLES) / (file_stem(inspection, tr("检查包")) + SUFFIX)
        self.path = QLineEdit(str(default))
        choose = QPushButton(tr("选择…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.sign = QCheckBox(tr("用签名密钥签署检查包（推荐）"))
        self.password = QLineEdit()
        hide_password(self.password)
        self.password.setPlaceholderText(tr("签名密钥的密码（不会被保存）"))
        self.password_error = error_label()
        self.password_row = with_message(self.password, self.password_error)
        form = QFormLayout()
        form.addRow(tr("保存到："), row)
        if inspection.locked and sealed:
            note = tr("该版本已签署：检查包在签署报告时已签名，无需密码。")
            self.sign.hide()
            self.password_row.hide()
        elif inspection.locked:
            note = tr("该版本已签署：导出检查包需要签署报告所用密钥的密码。")
            self.sign.setChecked(True)
            self.sign.setEnabled(False)
            form.addRow(tr("密钥密码："), self.password_row)
        else:
            note = tr("不签署时导出的是未签名的草稿检查包：对方导入时需要确认来源，"
                      "且它不能作为已签署的版本。")
            self.sign.setChecked(has_key)
            self.sign.setEnabled(has_key)
            form.addRow("", self.sign)
            form.addRow(tr("密钥密码："), self.password_row)
            self.sign.toggled.connect(self.password.setEnabled)
            self.password.setEnabled(has_key)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("导出"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.password.textChanged.connect(self._update)
        self.password.textChanged.connect(lambda _text: self.password_error.hide())
        self.sign.toggled.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(muted_label(note))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 40)
        self._update()

    def accept(self) -> None:
        """导出: asks the flow to export; the dialog stays open until the bundle is written, so
        a wrong password is said here, under the field, and nothing typed is lost."""
        if self.ok.isEnabled():
            self.submitted.emit()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update()

    def show_password_error(self, text: str) -> None:
        self.password_error.setText(text)
        self.password_error.show()
        self.password.setFocus()
        self.password.selectAll()

    @property
    def wants_signature(self) -> bool:
        return not (self.inspection.locked and self.sealed) and self.sign.isChecked()

    @property
    def target(self) -> Path:
        path = Path(self.path.text().strip()).expanduser()
        return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)

    def _choose(self) -> None:
        out = save_file(self, BUNDLES, tr("导出检查包"), self.target,
                        tr("检查包 (*.pib)"), SUFFIX)
        if out is not None:
            self.path.setText(str(out))

    def _update(self) -> None:
        self.ok.setEnabled(not self.busy and bool(self.path.text().strip())
                           and (not self.wants_signature or bool(self.password.text())))


class BundleFlow(QObject):
    """The export and import flows of the window (one per window)."""

    imported = Signal(object)  # an ImportResult
    open_requested = Signal(str)  # 打开检查 after an import

    def __init__(self, parent: QWidget, runner: TaskRunner, prefs: Preferences) -> None:
        super().__init__(parent)
        self.parent_widget, self.runner, self.prefs = parent, runner, prefs
        self.task: ProgressTask | None = None
        self.dialog: ExportDialog | None = None
        self.question: QMessageBox | None = None
        self.message: QMessageBox | None = None
        self.last_result: Any = None

    # --- export ----------------------------------------------------------------------------

    def export(self, inspection_id: str) -> None:
        """Ask where (and for the password when the bundle is to be signed), then export."""
        def read(store) -> tuple:
            inspection = store.inspection(inspection_id)
            sealed = inspection.locked and store.sealed_revision(
                inspection_id, inspection.revision) is not None
            return inspection, sealed

        self.runner.db(read, self._ask_export, lambda exc: report_error(exc, self.parent_widget))

    def _ask_export(self, found: tuple) -> None:
        inspection, sealed = found
        key = self.prefs.signing_key_path
        dialog = ExportDialog(inspection, sealed=sealed,
                              has_key=key is not None and key.exists(), parent=self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda: self.run_export(
            inspection.id, dialog.target, dialog.password.text() if dialog.wants_signature
            else None, dialog=dialog))
        self.dialog = dialog
        dialog.open()

    def run_export(self, inspection_id: str, out: Path, password: str | None,
                   dialog: ExportDialog | None = None) -> None:
        """Export; with *dialog* (still open) a wrong password is said in it and it stays
        open on any failure, so that nothing typed is lost; it closes once the file is written."""
        from inspection.bundle.export import export_bundle
        from inspection.signing.keys import WrongPassword, load_signing_key

        store = BundleStore(self.runner)
        key_file = self.prefs.signing_key_path

        def work(progress: Progress) -> Any:
            key = load_signing_key(key_file, password) if password and key_file else None
            return export_bundle(store, inspection_id, out, key=key, progress=progress,
                                 should_cancel=progress.should_cancel)

        def done(result: Any) -> None:
            if dialog is not None:
                dialog.set_busy(False)
                dialog.done(QDialog.DialogCode.Accepted)
            self._exported(result)

        def failed(exc: BaseException) -> None:
            if dialog is None:
                self._failed(exc, tr("检查包没有导出"))
                return
            dialog.set_busy(False)
            if isinstance(exc, WrongPassword):
                dialog.show_password_error(tr("密码不正确，检查包没有导出。请重新输入密码。"))
            else:
                self.message = report_error(exc, dialog, title=tr("检查包没有导出"))

        if dialog is not None:
            dialog.set_busy(True)
        self.task = ProgressTask(self.runner, work, parent=dialog or self.parent_widget,
                                 title=tr("导出检查包"), label=tr("正在导出检查包…"),
                                 on_done=done, on_error=failed)

    def _exported(self, result: Any) -> None:
        self.last_result = result
        from ui.reports.export_dialogs import finished_message
        text = tr("检查包已保存到：\n{0}").format(result.path)
        if not result.signed:
            text += "\n\n" + tr("该检查包未签名（草稿）：对方导入时需要确认来源。")
        self.message = finished_message(self.parent_widget, tr("检查包已导出"), text,
                                        Path(result.path))

    # --- import ----------------------------------------------------------------------------

    def ask_import(self) -> None:
        path = open_file(self.parent_widget, BUNDLES, tr("导入检查包"), tr("检查包 (*.pib)"))
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Check the bundle; ask when its signer needs trusting or it is unsigned; import."""
        from inspection.bundle.importer import check_only

        store = BundleStore(self.runner)
        self.task = ProgressTask(self.runner, lambda _progress: check_only(store, path),
                                 parent=self.parent_widget, title=tr("导入检查包"),
                                 label=tr("正在检查检查包…"),
                                 on_done=lambda checked: self._checked(path, checked),
                                 on_error=lambda exc: self._failed(exc, tr("检查包没有导入")))

    def _checked(self, path: Path, checked: Any) -> None:
        manifest = checked.manifest
        what = tr("{0}（第 {1} 版，{2}）").format(
            manifest.report_number, manifest.revision, manifest.park_name)
        if checked.signed and checked.trusted:
            self.run_import(path, trust_signer=False, allow_unsigned=False)
            return
        if checked.signed:
            from inspection.signing.trust import Trust
            signer = checked.signer
            if checked.identity is not None and checked.identity.trust is Trust.IMPERSONATION:
                text = tr("检查包 {0} 的签名证书自称“{1}”，但不是本机已信任的“{1}”的证书："
                          "可能是冒名。").format(what, signer["name"])
                action = tr("仍要信任并导入")
            else:
                text = tr("检查包 {0} 由本机不认识的证书签名。").format(what)
                action = tr("信任并导入")
            info = tr("签名人：{0}（{1}）\n证书指纹（SHA-256）：\n{2}\n\n请通过电话等可靠途径与签名人"
                      "逐组核对全部指纹；信任后，其证书会加入本机已知的证书。").format(
                signer["name"], signer["organisation"] or "—",
                fingerprint_lines(signer["fingerprint"]))
        else:
            text = tr("检查包 {0} 未签名（草稿）。").format(what)
            info = tr("未签名的检查包无法证明来自谁、是否被改动过。只在确认来源可靠时导入；"
                      "它不能作为已签署的版本。")
            action = tr("仍要导入")
        box = QMessageBox(QMessageBox.Icon.Warning, tr("导入检查包"), text,
                          QMessageBox.StandardButton.NoButton, self.parent_widget)
        box.setInformativeText(info)
        selectable_message(box)  # the fingerprint can be copied
        accept = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button) -> None:
            if button is accept:
                self.run_import(path, trust_signer=checked.signed,
                                allow_unsigned=not checked.signed)

        box.buttonClicked.connect(clicked)
        self.question = box
        box.open()

    def run_import(self, path: Path, *, trust_signer: bool, allow_unsigned: bool) -> None:
        from inspection.bundle.importer import import_bundle

        store = BundleStore(self.runner)

        def work(progress: Progress) -> Any:
            return import_bundle(store, path, trust_signer=trust_signer,
                                 allow_unsigned=allow_unsigned, progress=progress,
                                 should_cancel=progress.should_cancel)

        self.task = ProgressTask(self.runner, work, parent=self.parent_widget,
                                 title=tr("导入检查包"), label=tr("正在导入检查包…"),
                                 on_done=self._imported,
                                 on_error=lambda exc: self._failed(exc, tr("检查包没有导入")))

    def _imported(self, result: Any) -> None:
        self.last_result = result
        self.imported.emit(result)
        box = QMessageBox(QMessageBox.Icon.Information, tr("检查包已导入"), describe_import(result),
                          QMessageBox.StandardButton.NoButton, self.parent_widget)
        opener = box.addButton(tr("打开检查"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(opener)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.open_requested.emit(result.inspection_id)
                                  if button is opener else None)
        self.message = box
        box.open()

    def _failed(self, exc: BaseException, title: str) -> None:
        self.message = report_error(exc, self.parent_widget, title=title)
