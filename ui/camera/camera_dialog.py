"""The camera window: a live picture, 拍照 (Space) takes the frame on screen, each photo taken is
imported at once onto the item the window was opened for.

Frames reach the window through :meth:`CameraDialog.show_frame` — from the camera's video sink
here, from a test's images in the tests — and :meth:`CameraDialog.take` writes the frame shown
as a JPEG with its capture time (inspection.photos.capture) and hands the file to the same
import as a photo from a folder. So everything after the lens is tested without a camera.
"""
from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspection.palette import PHOTO_BACKDROP
from inspection.photos.capture import write_capture
from ui.base.i18n import tr
from ui.base.widgets import muted_label


class CameraDialog(QDialog):
    """``captured(path)`` for each photo taken (a JPEG file to import)."""

    captured = Signal(object)

    def __init__(self, target_text: str, devices: tuple[Any, ...] = (),
                 parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("拍照"))
        self.folder = folder or Path(tempfile.mkdtemp(prefix="park-inspector-camera-"))
        self.frame: QImage | None = None
        self.count = 0
        self.camera: Any = None
        self._session: Any = None
        self._sink: Any = None
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(tr("照片将添加到：{0}").format(target_text)))
        self.view = QLabel(tr("正在打开摄像头…"))
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setMinimumSize(320, 240)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setStyleSheet(f"background: {PHOTO_BACKDROP}; color: white;")
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.device_box = QComboBox()
        for device in devices:
            self.device_box.addItem(device.description(), device)
        self.device_box.setVisible(len(devices) > 1)
        self.device_box.currentIndexChanged.connect(lambda _i: self._open(self.device_box.currentData()))
        row.addWidget(self.device_box)
        self.status = muted_label("", wrap=False)
        row.addWidget(self.status, 1)
        self.take_button = QPushButton(tr("拍照（空格）"))
        self.take_button.setEnabled(False)
        self.take_button.clicked.connect(self.take)
        row.addWidget(self.take_button)
        done = QPushButton(tr("完成"))
        done.clicked.connect(self.accept)
        row.addWidget(done)
        layout.addLayout(row)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.take)
        screen = QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(800, int(room.width() * 0.9)) if room else 800,
                    min(640, int(room.height() * 0.88)) if room else 640)
        if devices:
            self._open(devices[0])

    # --- the camera ----------------------------------------------------------------------------

    def _open(self, device: Any) -> None:
        """Start *device*, its frames going to :meth:`show_frame` (no camera: nothing starts)."""
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoSink

        self._stop()
        self.camera = QCamera(device, self)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setCamera(self.camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(lambda frame: self.show_frame(frame.toImage()))
        self.camera.errorOccurred.connect(
            lambda _error, text: self.status.setText(tr("摄像头出错：{0}").format(text)))
        self.camera.start()

    def _stop(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.camera = None

    # --- frames and taking them -----------------------------------------------------------------

    def show_frame(self, image: QImage) -> None:
        """The newest frame: shown, and the one :meth:`take` takes."""
        if image.isNull():
            return
        self.frame = image
        self.take_button.setEnabled(True)
        self.view.setPixmap(QPixmap.fromImage(image).scaled(
            self.view.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation))

    def take(self, *, taken_at: datetime | None = None) -> Path | None:
        """Write the frame on screen as a JPEG with its capture time; ``captured`` it."""
        if self.frame is None:
            return None
        rgb = self.frame.convertToFormat(QImage.Format.Format_RGB888)
        width, height = rgb.width(), rgb.height()
        stride = rgb.bytesPerLine()
        raw = bytes(rgb.constBits())
        pixels = b"".join(raw[y * stride:y * stride + width * 3] for y in range(height))
        path = write_capture(width, height, pixels, self.folder,
                             taken_at=taken_at or datetime.now().replace(microsecond=0))
        self.count += 1
        self.status.setText(tr("已拍 {0} 张").format(self.count))
        self.captured.emit(path)
        return path

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)
