"""From the camera window to the inspection: each photo taken is imported onto the item the
window was opened for, one import after the other (a second photo taken while the first is
being imported waits its turn, and the file is removed once it is stored)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ui.base.i18n import tr
from ui.camera.camera_dialog import CameraDialog
from ui.camera.devices import camera_availability
from ui.photos.import_flow import PagePhotos


class CameraFlow(QObject):
    message = Signal(str)

    def __init__(self, photos: PagePhotos, parent: QWidget) -> None:
        super().__init__(parent)
        self.photos = photos
        self.parent_widget = parent
        self.dialog: CameraDialog | None = None
        self.pending: list[tuple[Path, tuple]] = []
        self.importing: list[Path] = []
        photos.importer.finished.connect(self._imported)

    def open_for(self, key: tuple | None, node) -> CameraDialog | None:
        """The camera window for the item on screen (*key*, *node*), else the inspection."""
        target = key or (None, None)
        text = tr("整体照片") if target == (None, None) else f"{node.code} {node.title}"
        return self.open(target, text)

    def open(self, target: tuple, target_text: str) -> CameraDialog | None:
        """The camera window for *target* (an item key, or (None, None) for the inspection)."""
        availability = camera_availability()
        if not availability.usable:
            self.message.emit(availability.reason)
            return None
        return self.open_dialog(target, target_text, availability.devices)

    def open_dialog(self, target: tuple, target_text: str, devices: tuple = ()) -> CameraDialog:
        if self.dialog is not None:
            self.dialog.close()
        dialog = CameraDialog(target_text, devices, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.captured.connect(lambda path: self._queue(path, target))
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _queue(self, path: Path, target: tuple) -> None:
        self.pending.append((path, target))
        self._next()

    def _next(self) -> None:
        if not self.pending or self.photos.importer.running:
            return
        path, target = self.pending.pop(0)
        self.importing = [path]
        if not self.photos.importer.start([path], self.photos.session.id, tuple(target)):
            self.pending.insert(0, (path, target))

    def _imported(self, _outcome) -> None:
        for path in self.importing:
            path.unlink(missing_ok=True)  # stored by its hash in the data folder by now
        self.importing = []
        self._next()
