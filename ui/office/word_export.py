"""报告 → 导出 Word…: the report as an editable Word copy (.docx), never the record.

The same work as ``report ID --docx FILE.docx`` (inspection.report.word.build_docx), in the
background behind a progress dialog; the copy names the signed PDF and its SHA-256 when the
inspection has one. The action sits in the 报告 menu and works on the open inspection, or on the
one selected in the list.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from inspection.model import Inspection
from ui.base.error_reporting import report_error
from ui.base.file_dialogs import REPORTS, save_file
from ui.base.i18n import tr
from ui.base.tasks import Progress
from ui.reports.export_dialogs import REPORT_LANE, DbStore, ProgressTask, file_stem, finished_message


def write_word_copy(store: Any, inspection_id: str, out: Path) -> tuple[Path, str | None]:
    """The Word copy of *inspection_id* at *out*; returns its path and the signed report's
    SHA-256 (None when nothing is signed). *store* is a Store or the DbStore of background work."""
    from inspection.report.word import build_docx

    snapshot = store.snapshot(inspection_id)
    records = store.reports(inspection_id)
    target = store.check_output(out, kind="zip")  # never into the data folder, a signed report, a device
    path = build_docx(snapshot, target, data_dir=store.data_dir,
                      signed_report=records[-1] if records else None)
    return Path(path), (records[-1].sha256 if records else None)


class WordExport(QObject):
    """One 导出 Word run: ask where, build in the background, say where it went."""

    def __init__(self, window: Any, inspection: Inspection) -> None:
        super().__init__(window)
        self.window, self.runner, self.inspection = window, window.runner, inspection
        self.task: ProgressTask | None = None
        self.message: QMessageBox | None = None
        self.result: Path | None = None

    def ask(self) -> None:
        out = save_file(self.window, REPORTS, tr("导出 Word"),
                        file_stem(self.inspection, tr("检查报告（Word 副本）")) + ".docx",
                        tr("Word 文档 (*.docx)"), ".docx")
        if out is not None:
            self.run(out)

    def run(self, out: Path) -> None:
        store, iid = DbStore(self.runner), self.inspection.id

        def build(_progress: Progress) -> tuple[Path, str | None]:
            return write_word_copy(store, iid, out)

        self.task = ProgressTask(self.runner, build, parent=self.window, title=tr("导出 Word"),
                                 label=tr("正在生成 Word 副本…"), on_done=self._done,
                                 on_error=self._failed, cancellable=False, serial=REPORT_LANE)

    def _done(self, result: tuple[Path, str | None]) -> None:
        path, sha256 = result
        self.result = path
        text = tr("Word 副本已保存到：\n{0}\n\n副本可以编辑，但不是正式记录：每页都标有“未签署”。").format(path)
        if sha256:
            text += "\n\n" + tr("正式记录是已签署的 PDF 报告（SHA-256 {0}），副本首页写明了它。").format(sha256)
        self.message = finished_message(self.window, tr("已导出 Word"), text, path)

    def _failed(self, exc: BaseException) -> None:
        report_error(exc, self.window, title=tr("Word 副本没有生成"))


class WordMenu(QObject):
    """报告 → 导出 Word…, enabled while an inspection is open or selected in the list."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.export: WordExport | None = None
        self.action = QAction(tr("导出 Word…"), window)
        self.action.setObjectName("exportWord")
        self.action.setToolTip(tr("报告的可编辑 Word 副本（未签署，不作为正式记录）"))
        self.action.triggered.connect(self.run)
        menu = window.add_menu(tr("报告(&R)"), only_with_inspection=False)
        excel = getattr(getattr(window, "report_menu", None), "excel_action", None)
        actions = menu.actions()
        after = actions.index(excel) + 1 if excel in actions else len(actions)
        menu.insertAction(actions[after] if after < len(actions) else None, self.action)

    def run(self) -> None:
        inspection_id = self.window.current_inspection_id or self.window.home.selected_inspection_id()
        if inspection_id is None:
            self.window.statusBar().showMessage(tr("请先打开或选择要导出的检查"), 8000)
            return
        if self.window.current_inspection_id is not None:  # the inspection view shows: save what is typed
            self.window.page.flush()

        def start(inspection: Inspection) -> None:
            self.export = WordExport(self.window, inspection)
            self.export.ask()

        self.window.runner.db(lambda store: store.inspection(inspection_id), start,
                              lambda exc: report_error(exc, self.window))
