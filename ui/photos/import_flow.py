"""Importing photo files into an inspection: a cancellable progress dialog, then the refusals.

The files are checked and stored by ``inspection.photos.importer.prepare_photos`` on the background
pool (cancel really stops it: its ``should_cancel`` is the dialog's Cancel button), and each
photo is recorded with ``Store.add_photo`` (on the database worker) as soon as it is stored,
so closing the window or a failure half-way loses none of the photos already done; each one
shows on the page as it is recorded. Bad files are listed with their reasons in a dialog
afterwards — never skipped silently.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checklists.errors import language
from inspection.changes import Change
from inspection.model import Photo, PreparedPhoto
from inspection.photos.importer import Rejected, collect_image_files, prepare_photos
from ui.base.error_reporting import report_error
from ui.base.file_dialogs import PHOTOS, open_files
from ui.base.i18n import tr
from ui.base.tasks import Progress, TaskHandle, TaskRunner
from ui.photos.photo_viewer import ItemChooser, PhotoViewer
from ui.session.edit_session import EditSession
from ui.session.undo_commands import MovePhoto, RemovePhoto


@dataclass
class ImportOutcome:
    """What one import did, for the page and the inspector."""

    added: list[Photo] = field(default_factory=list)
    already_there: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    not_done: int = 0  # files not reached because the inspector cancelled (or it failed)
    failure: BaseException | None = None  # recording stopped half-way; the rest not_done

    def message(self) -> str:
        parts = [tr("已导入 {0} 张照片").format(len(self.added))]
        if self.already_there:
            parts.append(tr("{0} 张已在本检查中").format(self.already_there))
        if self.rejected:
            parts.append(tr("{0} 个文件未导入").format(len(self.rejected)))
        if self.not_done and self.failure is not None:
            parts.append(tr("出错后停止，{0} 个文件未处理").format(self.not_done))
        elif self.not_done:
            parts.append(tr("已取消，{0} 个文件未处理").format(self.not_done))
        return "；".join(parts)


def import_files(runner: TaskRunner, paths: Sequence[Path], inspection_id: str,
                 target: tuple[str | None, str | None], progress: Progress) -> ImportOutcome:
    """The background part: expand folders, check and store the files, and record each photo
    through the database worker as soon as it is stored (``progress.send`` hands it to the
    page). Stops between files when cancelled; stops at the first photo the store refuses."""
    progress(0, 0, tr("正在查找照片…"))
    files = collect_image_files(paths)
    template_id, code = target
    outcome = ImportOutcome()

    def record(_index: int, prepared: PreparedPhoto | Rejected) -> None:
        if isinstance(prepared, Rejected) or outcome.failure is not None:
            return  # refusals are listed from the result; after a failure nothing is recorded
        try:
            change = runner.call(lambda store: store.add_photo(
                inspection_id, prepared, template_id=template_id, item_code=code))
        except Exception as exc:
            outcome.failure = exc  # no file is started after this (should_cancel below)
            return
        if change.wrote:
            outcome.added.append(change.photo)
            progress.send(change)
        else:
            outcome.already_there += 1

    result = prepare_photos(
        files, runner.data_dir, progress=progress, on_outcome=record,
        should_cancel=lambda: outcome.failure is not None or progress.should_cancel())
    outcome.rejected = list(result.rejected)
    outcome.not_done = len(files) - len(outcome.added) - outcome.already_there \
        - len(outcome.rejected)
    return outcome


def choose_photo_files(parent: QWidget) -> None | list[Path]:
    """Ask for photo files (multi-select, in the folder photos came from last time); None when
    the inspector cancels."""
    patterns = "*.jpg *.jpeg *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC *.HEIF"
    file_filter = tr("照片 ({0});;所有文件 (*)").format(patterns)
    return open_files(parent, PHOTOS, tr("添加照片"), file_filter) or None


class RejectedDialog(QDialog):
    """The files that were not imported, each with its reason."""

    def __init__(self, outcome: ImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("部分文件未导入"))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        summary = QLabel(outcome.message() + tr("。以下文件未导入，原件未作任何改动："), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels([tr("文件"), tr("原因")])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        for rejected in outcome.rejected:
            reason = rejected.reason.text(language())
            row = QTreeWidgetItem([rejected.path.name, reason])
            row.setToolTip(0, str(rejected.path))
            row.setToolTip(1, reason)
            self.list.addTopLevelItem(row)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.list.topLevelItem(i).text(0), self.list.topLevelItem(i).text(1))
                for i in range(self.list.topLevelItemCount())]


class PhotoImport(QObject):
    """One import at a time: progress, cancel, each photo recorded as it is stored, report."""

    finished = Signal(object)  # ImportOutcome
    recorded = Signal(object)  # a Change holding the photo, as soon as the store has it
    running_changed = Signal(bool)

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.parent_widget = parent_widget
        self.dialog: QProgressDialog | None = None
        self.rejected_dialog: RejectedDialog | None = None
        self.handle: TaskHandle | None = None
        self.last: ImportOutcome | None = None
        self._recorded: list[Photo] = []  # this import's photos so far (for a failure's report)

    @property
    def running(self) -> bool:
        return self.handle is not None

    def start(self, paths: Sequence[Path], inspection_id: str,
              target: tuple[str | None, str | None] = (None, None)) -> bool:
        """Import *paths* (files and folders) into the inspection, attached to *target*."""
        if self.running or not paths:
            return False
        dialog = QProgressDialog(tr("正在查找照片…"), tr("取消"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(tr("导入照片"))
        # Not modal: a modal progress dialog runs a nested event loop on every update.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        self.dialog = dialog
        runner, paths, target = self.runner, [Path(p) for p in paths], tuple(target)
        self._recorded = []
        self.running_changed.emit(True)
        self.handle = self.runner.background(
            lambda progress: import_files(runner, paths, inspection_id, target, progress),
            self._done, self._failed, self._progress, on_item=self._photo_recorded)
        dialog.canceled.connect(self.cancel)
        return True

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            if self.dialog is not None:
                self.dialog.setLabelText(tr("正在取消…（正在处理的照片完成后停止）"))

    def _progress(self, done: int, total: int, name: str) -> None:
        if self.dialog is None or (self.handle is not None and self.handle.cancelled):
            return
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(tr("正在导入 {0}/{1}：{2}").format(done, total, name))
        else:
            self.dialog.setLabelText(name)

    def _photo_recorded(self, change: Change) -> None:
        self._recorded.append(change.photo)
        self.recorded.emit(change)

    def _done(self, outcome: ImportOutcome) -> None:
        self._finish(outcome)
        if outcome.failure is not None:
            report_error(outcome.failure, self.parent_widget, title=tr("照片没有全部导入"),
                         context=outcome.message() + tr("。已导入的照片已保存。"))
        if outcome.rejected:
            self.rejected_dialog = RejectedDialog(outcome, self.parent_widget)
            self.rejected_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.rejected_dialog.destroyed.connect(lambda *_: setattr(self, "rejected_dialog", None))
            self.rejected_dialog.open()

    def _failed(self, exc: BaseException) -> None:
        # The photos recorded before the failure are saved and already on the page.
        outcome = ImportOutcome(added=list(self._recorded), failure=exc)
        self._finish(outcome)
        report_error(exc, self.parent_widget, title=tr("照片没有全部导入"),
                     context=outcome.message() + tr("。已导入的照片已保存。"))

    def _finish(self, outcome: ImportOutcome) -> None:
        self.handle = None
        self._recorded = []
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.last = outcome
        self.running_changed.emit(False)
        self.finished.emit(outcome)


class PagePhotos(QObject):
    """The page's photo operations: import into an item or the inspection, view, move, remove."""

    message = Signal(str)  # for the page header

    def __init__(self, runner: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.session: EditSession | None = None
        self.importer = PhotoImport(runner, parent_widget)
        self.importer.recorded.connect(self._recorded)
        self.importer.finished.connect(self._imported)
        self.viewer: PhotoViewer | None = None
        self.chooser: ItemChooser | None = None

    def attach(self, strip, target) -> None:
        """Wire a PhotoStrip: *target()* says which item (or (None, None)) it shows."""
        strip.add_requested.connect(lambda: self.import_photos(None, target()))
        strip.files_dropped.connect(lambda paths: self.import_photos(paths, target()))
        strip.open_requested.connect(
            lambda pid: self.open_viewer([p.id for p in strip.model.photos], pid))
        strip.move_requested.connect(self.choose_move_target)
        strip.remove_requested.connect(self.remove_photo)

    def import_photos(self, paths: Sequence[Path] | None, target) -> None:
        """Import *paths* (None: ask with a file dialog) into *target* (item key or (None, None))."""
        if self.session is None or target is None:
            return
        if self.session.read_only:
            self.message.emit(tr("该检查已签署，只读；不能添加照片"))
            return
        if paths is None:
            paths = choose_photo_files(self.parent_widget)
            if not paths:
                return
        if not self.importer.start(paths, self.session.id, tuple(target)):
            self.message.emit(tr("上一批照片还在导入，请稍候"))

    def _recorded(self, change: Change) -> None:
        if self.session is not None and change.photo.inspection_id == self.session.id:
            self.session.apply(change)  # the photo, and a draft now 检查中

    def _imported(self, outcome: ImportOutcome) -> None:
        self.message.emit(outcome.message())

    def open_viewer(self, photo_ids: list, photo_id: int) -> None:
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = PhotoViewer(self.session, list(photo_ids), photo_id, self.parent_widget)
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.deleted.connect(self.message)
        self.viewer.destroyed.connect(lambda *_: setattr(self, "viewer", None))
        self.viewer.show()

    def choose_move_target(self, photo_id: int) -> None:
        photo = self.session.photos.get(photo_id) if self.session else None
        if photo is None or self.session.read_only:
            return
        self.chooser = ItemChooser(self.session, (photo.template_id, photo.item_code),
                                   self.parent_widget)
        self.chooser.chosen.connect(lambda tid, code: self.move_photo(photo_id, tid, code))
        self.chooser.open()

    def move_photo(self, photo_id: int, template_id: str | None, code: str | None) -> None:
        photo = self.session.photos.get(photo_id)
        if photo is not None and (photo.template_id, photo.item_code) != (template_id, code):
            self.session.undo_stack.push(MovePhoto(self.session, photo, template_id, code))

    def remove_photo(self, photo_id: int) -> None:
        photo = self.session.photos.get(photo_id) if self.session else None
        if photo is not None and not self.session.read_only:
            self.session.undo_stack.push(RemovePhoto(self.session, photo))
            self.message.emit(tr("照片已删除（可撤销：Ctrl+Z）"))

    def flush(self) -> None:
        if self.viewer is not None:
            self.viewer.save_annotations()
            self.viewer.commit_caption()
