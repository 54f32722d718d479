"""Shared by the report flows: a cancellable progress dialog over background work, the store as
seen from that work, "open / show in folder", and the two unsigned exports (draft PDF, Excel).
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from inspection.model import Inspection
from inspection.paths import DataDir
from ui.base.error_reporting import report_error
from ui.base.file_dialogs import EXCEL, REPORTS, save_file
from ui.base.i18n import tr
from ui.base.system_open import open_file, show_in_folder
from ui.base.tasks import Progress, TaskHandle, TaskRunner

_open_boxes: list[QMessageBox] = []
# what the system is expected to have a program for (others are only shown in their folder)
SYSTEM_OPENS = (".pdf", ".docx", ".xlsx", ".csv", ".png", ".jpg")




class DbStore:
    """The store as background work sees it: every method call runs on the database worker.

    Report building and signing take seconds and run on the background pool; the few reads
    and the one write they make (``mark_signed``) still go through the single database thread,
    so the UI never waits and writes never race.
    """

    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self.data_dir = DataDir(Path(runner.data_dir))

    def __getattr__(self, name: str) -> Callable[..., Any]:
        def call(*args, **kwargs):
            return self._runner.call(lambda store: getattr(store, name)(*args, **kwargs))
        return call


def chinese_ui() -> bool:
    """Whether the windows speak Chinese (the domain's progress messages are in Chinese)."""
    return QLocale().language() == QLocale.Language.Chinese


REPORT_LANE = "report"  # report builds run one at a time: each holds every photo in memory


class ProgressTask(QObject):
    """Runs ``fn(progress)`` in the background behind a progress dialog that can cancel it.

    Work in the same *serial* lane (report builds: :data:`REPORT_LANE`) waits for the one
    running before it."""

    def __init__(self, runner: TaskRunner, fn: Callable[[Progress], Any], *, parent: QWidget,
                 title: str, label: str, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None], cancellable: bool = True,
                 delay_ms: int = 300, serial: str | None = None) -> None:
        super().__init__(parent)
        self._on_done, self._on_error = on_done, on_error
        self.finished = False
        self.dialog = QProgressDialog(label, tr("取消"), 0, 100, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(parent.fontMetrics().horizontalAdvance("中") * 28)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.setMinimumDuration(delay_ms)
        self.dialog.setValue(0)
        self.handle: TaskHandle | None = None
        self.handle = runner.background(fn, self._done, self._failed, self._progress,
                                        serial=serial)

    def cancel(self) -> None:
        if self.handle is not None and not self.finished:
            self.handle.cancel()
            self.dialog.setLabelText(tr("正在取消…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        if self.finished:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        if message and chinese_ui() and not (self.handle and self.handle.cancelled):
            self.dialog.setLabelText(message)

    def _close(self) -> None:
        self.finished = True
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()

    def _done(self, result: Any) -> None:
        self._close()
        self._on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        self._on_error(exc)


# --- files the user gets --------------------------------------------------------------------

def file_stem(inspection: Inspection, kind: str) -> str:
    """检查报告-YQJC-2026-0001-第1版 (a name that sorts and says what it is)."""
    return f"{kind}-{inspection.file_safe_number}-" + tr("第{0}版").format(inspection.revision)


def finished_message(parent: QWidget, title: str, text: str, path: Path,
                     extra: list[tuple[str, Callable[[], None]]] = ()) -> QMessageBox:
    """A non-blocking message with 打开 / (extra) / 打开所在文件夹 / 关闭 for *path*. Files
    the system has no program for (a .pib bundle is read by this program only) get no 打开:
    打开所在文件夹 is then the default."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    actions: dict[object, Callable[[], None]] = {}
    opener = None
    if path.suffix.lower() in SYSTEM_OPENS:
        opener = box.addButton(tr("打开报告") if path.suffix.lower() == ".pdf" else tr("打开"),
                               QMessageBox.ButtonRole.AcceptRole)
        actions[opener] = lambda: open_file(path, parent)
    for label, action in extra:
        actions[box.addButton(label, QMessageBox.ButtonRole.ActionRole)] = action
    folder = box.addButton(tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
    actions[folder] = lambda: show_in_folder(path, parent)
    box.addButton(tr("关闭"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(opener or folder)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button) -> None:
        action = actions.get(button)
        if action is not None:
            action()

    box.buttonClicked.connect(clicked)
    _open_boxes.append(box)
    box.finished.connect(lambda *_: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()
    return box


# --- the two unsigned exports ---------------------------------------------------------------

class DraftExport(QObject):
    """生成草稿报告: the unsigned PDF, to read through before signing; nothing is locked."""

    def __init__(self, parent: QWidget, runner: TaskRunner, inspection: Inspection, *,
                 photos_per_page: int = 2) -> None:
        super().__init__(parent)
        self.parent_widget, self.runner, self.inspection = parent, runner, inspection
        self.photos_per_page = photos_per_page
        self.task: ProgressTask | None = None
        self.message: QMessageBox | None = None
        self.result: Path | None = None

    def ask(self) -> None:
        out = save_file(self.parent_widget, REPORTS, tr("保存草稿报告"),
                        file_stem(self.inspection, tr("检查报告草稿")) + ".pdf",
                        tr("PDF 文件 (*.pdf)"), ".pdf")
        if out is not None:
            self.run(out)

    def run(self, out: Path) -> None:
        from inspection.signing.issue import export_report

        store, iid, per_page = DbStore(self.runner), self.inspection.id, self.photos_per_page
        self.task = ProgressTask(
            self.runner, lambda progress: export_report(
                store, iid, out=out, progress=progress, should_cancel=progress.should_cancel,
                photos_per_page=per_page),
            parent=self.parent_widget, title=tr("生成草稿报告"), label=tr("正在生成草稿报告…"),
            on_done=self._done, on_error=self._failed, serial=REPORT_LANE)

    def _done(self, path: Path) -> None:
        self.result = Path(path)
        self.message = finished_message(
            self.parent_widget, tr("草稿报告已生成"),
            tr("草稿报告（未签署）已保存到：\n{0}\n\n草稿供核对内容；正式报告请用“签署报告”生成。")
            .format(path), self.result)

    def _failed(self, exc: BaseException) -> None:
        report_error(exc, self.parent_widget, title=tr("草稿报告没有生成"))


class ExcelExport(QObject):
    """导出 Excel: a summary sheet and one sheet per standard, for the office's own tables."""

    def __init__(self, parent: QWidget, runner: TaskRunner, inspection: Inspection) -> None:
        super().__init__(parent)
        self.parent_widget, self.runner, self.inspection = parent, runner, inspection
        self.task: ProgressTask | None = None
        self.message: QMessageBox | None = None
        self.result: Path | None = None
        self.notices: list = []

    def ask(self) -> None:
        out = save_file(self.parent_widget, EXCEL, tr("导出 Excel"),
                        file_stem(self.inspection, tr("检查结果")) + ".xlsx",
                        tr("Excel 工作簿 (*.xlsx)"), ".xlsx")
        if out is not None:
            self.run(out)

    def run(self, out: Path) -> None:
        store, iid = DbStore(self.runner), self.inspection.id

        def export(progress: Progress) -> Path:
            from inspection.excel import export_xlsx
            from inspection.results import inspection_results

            snapshot = store.snapshot(iid)
            # what Excel could not hold as it was (control characters, over-long text)
            self.notices = []
            return export_xlsx(snapshot, inspection_results(snapshot), store.check_output(out, kind="zip"),
                               notices=self.notices)

        self.task = ProgressTask(self.runner, export, parent=self.parent_widget,
                                 title=tr("导出 Excel"), label=tr("正在导出 Excel…"),
                                 on_done=self._done, on_error=self._failed, cancellable=False)

    def _done(self, path: Path) -> None:
        self.result = Path(path)
        text = tr("检查结果已导出到：\n{0}").format(path)
        if self.notices:
            text += "\n\n" + "\n".join(str(notice) for notice in self.notices)
        self.message = finished_message(self.parent_widget, tr("已导出 Excel"), text, self.result)

    def _failed(self, exc: BaseException) -> None:
        report_error(exc, self.parent_widget, title=tr("Excel 没有导出"))


def temporary_pdf(stem: str) -> Path:
    """A path for a throwaway PDF (a draft built for printing) in its own temporary folder."""
    return Path(tempfile.mkdtemp(prefix="park-inspector-print-")) / f"{stem}.pdf"
