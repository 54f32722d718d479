"""The 报告 menu: handwritten signatures, the signing key, draft, sign & issue, reopen, print,
Excel and verification — each a short recipe over the dialogs that do the work.

Installed by the main window (``ReportMenu(window)``). Actions that need an inspection are
enabled only while one is open; 签名密钥 and 验证报告 work from the inspections list too.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from inspection.model import Inspection
from ui.base.error_reporting import report_error
from ui.base.i18n import tr
from ui.base.preferences import PHOTO_SIZES
from ui.base.tasks import TaskRunnerStopped
from ui.reports.export_dialogs import DraftExport, ExcelExport, finished_message

if TYPE_CHECKING:  # the dialogs are loaded when first opened (cryptography, pyHanko: the start)
    from ui.reports.key_dialog import SigningKeyDialog
    from ui.reports.sign_dialog import IssueDialog
    from ui.reports.signatures_dialog import SignaturesDialog
    from ui.reports.verify_dialog import VerifyFlow


def _readiness(store, inspection_id: str, key_file):
    """What signing still needs (the sign dialog's check, loaded when first needed)."""
    from ui.reports.sign_dialog import check_readiness
    return check_readiness(store, inspection_id, key_file)


class ReportMenu(QObject):
    """Builds the 报告 menu on *window* (a MainWindow) and runs its flows."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.runner, self.prefs, self.data_dir = window.runner, window.prefs, window.data_dir
        self.inspection: Inspection | None = None
        self.dialog = None  # the dialog or flow last opened (kept alive; tests look at it)
        self.issue_dialog: IssueDialog | None = None
        self.message: QMessageBox | None = None

        def action(text: str, slot, shortcut: str = "", tip: str = "") -> QAction:
            act = QAction(text, window)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            if tip:
                act.setToolTip(tip)
            act.triggered.connect(lambda _checked=False: slot())
            return act

        self.signatures_action = action(tr("现场签名…"), self.show_signatures,
                                        tip=tr("检查人员和园区代表在本机上手写签名"))
        self.key_action = action(tr("签名密钥…"), self.show_key,
                                 tip=tr("创建或导入签署报告用的个人签名密钥"))
        self.draft_action = action(tr("生成草稿报告（PDF）…"), self.export_draft,
                                   tip=tr("未签署的报告，供签署前核对"))
        self.sign_action = action(tr("签署报告…"), self.sign_report,
                                  tip=tr("生成报告并加盖数字签名；签署后检查被锁定"))
        self.reopen_action = action(tr("重新打开（新修订版）…"), self.reopen,
                                    tip=tr("已签署的检查重新打开修改；已签署的报告保持不变"))
        self.print_action = action(tr("打印…"), self.print_report, "Ctrl+P",
                                   tip=tr("打印已签署的报告；尚未签署时打印草稿"))
        self.excel_action = action(tr("导出 Excel…"), self.export_excel, "Ctrl+E")
        self.revisions_action = action(tr("修订版本与已签署报告…"), self.show_revisions,
                                       tip=tr("本检查的各个修订版本，打开之前签署的报告"))
        self.verify_action = action(tr("验证报告…"), self.verify,
                                    tip=tr("检查一份 PDF 报告的数字签名：是否被改动、由谁签署"))
        self.inspection_actions = [self.signatures_action, self.draft_action, self.sign_action,
                                   self.reopen_action, self.revisions_action, self.print_action,
                                   self.excel_action]
        separator = [QAction(window) for _ in range(3)]
        for sep in separator:
            sep.setSeparator(True)
        self.menu = window.add_menu(tr("报告(&R)"), [
            self.signatures_action, self.key_action, separator[0], self.draft_action,
            self.sign_action, self.reopen_action, self.revisions_action, separator[1],
            self.print_action,
            self.excel_action, separator[2], self.verify_action], only_with_inspection=False)
        self.menu.aboutToShow.connect(self.refresh)
        window.current_inspection_changed.connect(lambda _iid: self.refresh())
        window.page_built.connect(lambda page: page.inspection_changed.connect(self._status_read))
        if window._page is not None:  # built already
            window._page.inspection_changed.connect(self._status_read)
        self._update_actions()

    # --- which actions apply -----------------------------------------------------------------

    @property
    def photos_per_page(self) -> int:
        """The report's photo appendix as chosen in the settings (大/中/小: 1, 2 or 4 a page)."""
        return PHOTO_SIZES[self.prefs.report_photo_size]

    @property
    def inspection_id(self) -> str | None:
        return self.window.current_inspection_id

    def refresh(self) -> None:
        """Read the open inspection's status again (signed or not) and enable what applies."""
        iid = self.inspection_id
        if iid is None:
            self.inspection = None
            self._update_actions()
            return
        with contextlib.suppress(TaskRunnerStopped):
            self.runner.db(lambda store: store.inspection(iid), self._status_read,
                           lambda _exc: None)

    def _status_read(self, inspection: Inspection) -> None:
        if inspection.id == self.inspection_id:
            self.inspection = inspection
            self._update_actions()

    def _update_actions(self) -> None:
        open_ = self.inspection_id is not None
        for act in self.inspection_actions:
            act.setEnabled(open_)
        locked = open_ and self.inspection is not None and self.inspection.id == \
            self.inspection_id and self.inspection.locked
        self.sign_action.setEnabled(open_ and not locked)
        self.reopen_action.setEnabled(locked)

    def _with_inspection(self, then) -> None:
        """Save what is being typed, read the open inspection, then ``then(inspection)``."""
        iid = self.inspection_id
        if iid is None:
            return
        self.window.page.flush()
        self.runner.db(lambda store: store.inspection(iid), then,
                       lambda exc: report_error(exc, self.window))

    # --- signatures and key ------------------------------------------------------------------

    def show_signatures(self, parent=None) -> SignaturesDialog | None:
        from ui.reports.signatures_dialog import SignaturesDialog
        if self.inspection_id is None:
            return None
        iid = self.inspection_id
        dialog = SignaturesDialog(self.runner, iid, prefs=self.prefs,
                                  parent=parent or self.window)
        dialog.signatures_changed.connect(lambda: self._signatures_changed(iid))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _signatures_changed(self, inspection_id: str) -> None:
        session = self.window.page.session
        if session is not None and session.id == inspection_id:
            session.refresh_signatures()  # and the status: a signature starts a draft

    def show_key(self, parent=None) -> SigningKeyDialog:
        from ui.reports.key_dialog import SigningKeyDialog
        dialog = SigningKeyDialog(self.runner, self.prefs, self.data_dir, parent or self.window)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- signing, reopening --------------------------------------------------------------------

    def sign_report(self) -> None:
        iid = self.inspection_id
        if iid is None:
            return
        self.window.page.flush()
        self.runner.db(lambda store: _readiness(store, iid, self.prefs.signing_key_path),
                       self._ready, lambda exc: report_error(exc, self.window))

    def _ready(self, ready) -> None:
        if ready.inspection.locked:
            self.message = QMessageBox(QMessageBox.Icon.Information, tr("签署报告"), tr(
                "该检查已签署（第 {0} 版）。如需修改后再次签署，请先“重新打开（新修订版）”。")
                .format(ready.inspection.revision), QMessageBox.StandardButton.Ok, self.window)
            self.message.open()
            return
        from ui.reports.sign_dialog import IssueDialog
        dialog = IssueDialog(self.runner, self.prefs, ready, self.window)
        dialog.issued.connect(lambda path: self._issued(ready.inspection, path))
        self._follow_import(dialog)
        dialog.signatures_requested.connect(
            lambda: self._then_recheck(self.show_signatures(dialog), dialog))
        dialog.key_requested.connect(lambda: self._then_recheck(self.show_key(dialog), dialog))
        self.issue_dialog = dialog
        dialog.open()

    def _follow_import(self, dialog: IssueDialog) -> None:
        """Signing waits while photos are imported into the page's inspection; once the import
        ends the checks are read again (the new photos are in them)."""
        page = self.window.page
        if page.current_inspection_id != dialog.ready.inspection.id:
            return
        importer, iid = page.importer, dialog.ready.inspection.id

        def changed(running: bool) -> None:
            dialog.set_importing(running)
            if not running:
                self.runner.db(lambda store: _readiness(store, iid, self.prefs.signing_key_path),
                               dialog.show_readiness, lambda exc: report_error(exc, dialog))

        dialog.set_importing(importer.running)
        importer.running_changed.connect(changed)
        dialog.finished.connect(lambda _result: importer.running_changed.disconnect(changed))

    def _then_recheck(self, child, dialog: IssueDialog) -> None:
        """When the signatures or key dialog closes, the sign dialog's checks are read again."""
        if child is None:
            return
        iid = dialog.ready.inspection.id
        child.finished.connect(lambda _result: self.runner.db(
            lambda store: _readiness(store, iid, self.prefs.signing_key_path),
            dialog.show_readiness, lambda exc: report_error(exc, dialog)))

    def _issued(self, inspection: Inspection, path: Path) -> None:
        if self.window.current_inspection_id == inspection.id:
            self.window.page.load(inspection.id)  # shows the signed, read-only inspection
        self.refresh()
        self.message = finished_message(
            self.window, tr("报告已签署"),
            tr("报告 {0}（第 {1} 版）已签署，检查已锁定。\n\n报告保存在：\n{2}").format(
                inspection.report_number, inspection.revision, path), Path(path),
            extra=[(tr("打印…"), lambda: self._print_pdf(Path(path), inspection))])

    def reopen(self) -> None:
        """The page's own 重新打开 (asks for a reason; earlier signed reports stay as they were)."""
        if self.inspection_id is None:
            return
        page = self.window.page
        page.reopen()  # does nothing unless the page shows a signed inspection
        dialog = getattr(page, "reopen_dialog", None)
        if dialog is not None and dialog.isVisible():
            self.dialog = dialog
            dialog.finished.connect(lambda _result: self.refresh())

    # --- draft, print, Excel, verify ------------------------------------------------------------

    def export_draft(self) -> None:
        def ask(inspection: Inspection) -> None:
            self.dialog = DraftExport(self.window, self.runner, inspection,
                                      photos_per_page=self.photos_per_page)
            self.dialog.ask()
        self._with_inspection(ask)

    def print_report(self) -> None:
        if self.inspection_id is None:
            return
        self.window.page.flush()
        from ui.reports.print_preview import PrintFlow
        self.dialog = PrintFlow(self.window, self.runner, photos_per_page=self.photos_per_page)
        self.dialog.print_inspection(self.inspection_id)

    def _print_pdf(self, path: Path, inspection: Inspection) -> None:
        from ui.reports.print_preview import PrintFlow
        self.dialog = PrintFlow(self.window, self.runner, photos_per_page=self.photos_per_page)
        self.dialog.print_pdf(path, title=tr("{0}（第 {1} 版）已签署").format(
            inspection.report_number, inspection.revision))

    def export_excel(self) -> None:
        def ask(inspection: Inspection) -> None:
            self.dialog = ExcelExport(self.window, self.runner, inspection)
            self.dialog.ask()
        self._with_inspection(ask)

    def show_revisions(self) -> None:
        """Every revision of the open inspection and its signed reports (item 16)."""
        if self.inspection_id is not None:
            from ui.reports.revisions_dialog import open_revisions
            open_revisions(self.runner, self.inspection_id, self.window,
                           lambda dialog: setattr(self, "dialog", dialog))

    def verify(self, path: Path | None = None) -> VerifyFlow:
        from ui.reports.verify_dialog import VerifyFlow
        flow = VerifyFlow(self.window, self.runner, self.data_dir)
        self.dialog = flow
        flow.start(path)
        return flow
