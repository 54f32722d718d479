"""Files the review screen reads from the hub: photo thumbnails (read in the background, kept
for the screen's life) and a photo or the signed report opened in the system's viewer (written
to a private temporary folder first)."""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from inspection.palette import SURFACE_ALT
from ui.base.i18n import tr
from ui.office.hub_tasks import HubRequests

THUMB = 150


def open_from_hub(requests: HubRequests, sha256: str, name: str) -> None:
    """Read the blob *sha256* from the hub and open it as *name* in the system's viewer."""
    from inspection.hub.office_list import read_blob

    def write(data: bytes) -> None:
        from ui.reports.export_dialogs import open_file

        path = Path(tempfile.mkdtemp(prefix="park-inspector-review-")) / name
        path.write_bytes(data)
        open_file(path)

    requests.run(f"open:{sha256}", lambda session: read_blob(session, sha256), write)


def photo_sha(photo: dict[str, Any]) -> str:
    """The report-size copy when the hub has one, else the original."""
    return str(photo["report_sha256"] or photo["sha256"])


def open_photo(requests: HubRequests, photo: dict[str, Any]) -> None:
    sha = photo_sha(photo)
    open_from_hub(requests, sha, f"{sha[:12]}.jpg")


class Thumbnail(QLabel):
    """A photo of an item; double-click opens it larger in the system's viewer."""

    def __init__(self, requests: HubRequests, photo: dict[str, Any], parent: QWidget) -> None:
        super().__init__(parent)
        self.requests, self.photo = requests, photo
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedSize(QSize(THUMB, THUMB))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setToolTip("\n".join(filter(None, [photo["caption"], tr("双击查看大图")])))
        self.setStyleSheet(f"background: {SURFACE_ALT};")

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        open_photo(self.requests, self.photo)


class Thumbnails:
    """Thumbnails of hub photos, each read once: a label shows 正在读取… until its photo arrives,
    then *arrived* is called (the screen shows the item again if it is still the current one)."""

    def __init__(self, requests: HubRequests) -> None:
        self.requests = requests
        self.pixmaps: dict[str, QPixmap] = {}

    def label(self, photo: dict[str, Any], parent: QWidget, arrived: Callable[[], None]) -> QLabel:
        from inspection.hub.office_list import read_blob

        label = Thumbnail(self.requests, photo, parent)
        sha = photo_sha(photo)
        if sha in self.pixmaps:
            label.setPixmap(self.pixmaps[sha])
            return label
        label.setText(tr("正在读取…"))

        def read(data: bytes) -> None:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            if pixmap.isNull():
                return
            self.pixmaps[sha] = pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)
            arrived()

        self.requests.run(f"photo:{sha}", lambda session: read_blob(session, sha), read)
        return label
