"""Files the review screen reads from the hub: photos shown as the inspector sees them — with
their annotations drawn (inspection.photos.annotated, the layout of the editor and the report),
their caption and their flags (taken far from the park, on another day) — a photo opened larger
inside the program (:class:`HubPhotoViewer`), and the signed report opened in the system's viewer
(written to a private temporary folder first; said when no viewer opens it)."""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspection.palette import FAIL, PHOTO_BACKDROP, SURFACE_ALT, WHITE
from inspection.photos.location import PhotoFlags, format_position, photo_flags
from ui.base.i18n import tr
from ui.base.widgets import muted_label
from ui.office.hub_tasks import HubRequests
from ui.photos.photo_facts import flag_text

THUMB = 150
VIEW_EDGE = 1600  # the report-size copy's long edge


def open_from_hub(requests: HubRequests, sha256: str, name: str,
                  unopened: Callable[[Path], None] | None = None) -> None:
    """Read the blob *sha256* from the hub and open it as *name* in the system's viewer;
    *unopened(path)* when no program opened it (the file is kept there)."""
    from inspection.hub.office_list import read_blob

    def write(data: bytes) -> None:
        from ui.reports.export_dialogs import open_file

        path = Path(tempfile.mkdtemp(prefix="park-inspector-review-")) / name
        path.write_bytes(data)
        if not open_file(path) and unopened is not None:
            unopened(path)

    requests.run(f"open:{sha256}", lambda session: read_blob(session, sha256), write)


def photo_sha(photo: dict[str, Any]) -> str:
    """The report-size copy when the hub has one, else the original."""
    return str(photo["report_sha256"] or photo["sha256"])


def _rendered(data: bytes, annotations: Any, long_edge: int) -> bytes:
    """The photo's bytes as a PNG of *long_edge* with its annotations drawn (background)."""
    from io import BytesIO

    from inspection.photos.annotated import annotated_image

    out = BytesIO()
    annotated_image(data, annotations or [], long_edge=long_edge).save(out, "PNG")
    return out.getvalue()


def read_annotated(requests: HubRequests, kind: str, photo: dict[str, Any], long_edge: int,
                   done: Callable[[QPixmap], None]) -> None:
    """Read *photo* from the hub and draw its annotations in the background; *done(pixmap)*."""
    from inspection.hub.office_list import read_blob

    sha, annotations = photo_sha(photo), photo.get("annotations") or []

    def show(data: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        if not pixmap.isNull():
            done(pixmap)

    requests.run(kind, lambda session: _rendered(read_blob(session, sha), annotations, long_edge), show)


def park_location(detail: dict[str, Any]) -> tuple[float, float] | None:
    """The park's recorded location from a review detail (None when not recorded)."""
    if detail.get("latitude") is None or detail.get("longitude") is None:
        return None
    return float(detail["latitude"]), float(detail["longitude"])


def local_time(value: Any) -> str:
    """An ISO time from the hub in this computer's time zone (the hub hands out UTC; a photo
    taken at 08:30 in 上海 is shown 08:30, and its day is the day it was taken there)."""
    from datetime import datetime

    text = str(value or "")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return moment.astimezone().isoformat() if moment.tzinfo is not None else text


def flags_of(photo: dict[str, Any], visit_date: str, park_location: tuple[float, float] | None) -> PhotoFlags:
    gps = (photo["gps_lat"], photo["gps_lon"]) if photo.get("gps_lat") is not None else None
    return photo_flags(gps=gps, taken_at=local_time(photo.get("taken_at")) or None, park_location=park_location,
                       visit_date=visit_date)


def facts_text(photo: dict[str, Any], visit_date: str, park_location: tuple[float, float] | None) -> str:
    """When and where it was taken, in words, for the viewer."""
    taken = local_time(photo.get("taken_at"))[:16].replace("T", " ")
    parts = [tr("拍摄于 {0}").format(taken) if taken else tr("拍摄时间未知")]
    if photo.get("gps_lat") is not None:
        parts.append(tr("位置 {0}").format(format_position((photo["gps_lat"], photo["gps_lon"]))))
    return "　".join(parts)


class Thumbnail(QFrame):
    """A photo of an item as the inspector's strip shows it: the picture with its annotations,
    the caption, the flags; a click opens it larger (:class:`HubPhotoViewer`)."""

    def __init__(self, requests: HubRequests, photo: dict[str, Any], parent: QWidget, *,
                 visit_date: str = "", park_location: tuple[float, float] | None = None) -> None:
        super().__init__(parent)
        self.requests, self.photo = requests, photo
        self.visit_date, self.park_location = visit_date, park_location
        self.viewer: HubPhotoViewer | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedWidth(THUMB + 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        self.image = QLabel(self)
        self.image.setFixedSize(QSize(THUMB, THUMB))
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet(f"background: {SURFACE_ALT};")
        layout.addWidget(self.image)
        self.caption = muted_label(photo.get("caption") or "", self)
        self.caption.setVisible(bool(photo.get("caption")))
        layout.addWidget(self.caption)
        flags = flags_of(photo, visit_date, park_location)
        self.flags = QLabel("⚠ " + flag_text(flags, visit_date) if flags.any else "", self)
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet(f"color: {FAIL};")
        self.flags.setVisible(flags.any)
        layout.addWidget(self.flags)
        layout.addStretch(1)
        self.setToolTip("\n".join(filter(None, [photo.get("caption"), self.flags.text(), tr("单击查看大图")])))

    def pixmap(self) -> QPixmap:
        return self.image.pixmap()

    def setPixmap(self, pixmap: QPixmap) -> None:
        self.image.setPixmap(pixmap)

    def setText(self, text: str) -> None:
        self.image.setText(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_viewer()

    def open_viewer(self) -> HubPhotoViewer:
        self.viewer = HubPhotoViewer(self.requests, self.photo, self.window(), visit_date=self.visit_date,
                                     park_location=self.park_location)
        self.viewer.show()
        return self.viewer


class HubPhotoViewer(QDialog):
    """One hub photo larger, with its annotations, caption, flags and when/where it was taken
    (read from the hub in the background; the system's viewer is one button away)."""

    def __init__(self, requests: HubRequests, photo: dict[str, Any], parent: QWidget | None, *,
                 visit_date: str = "", park_location: tuple[float, float] | None = None) -> None:
        super().__init__(parent)
        self.requests, self.photo = requests, photo
        self.setWindowTitle(tr("照片：{0}").format(photo.get("caption") or photo_sha(photo)[:12]))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.full: QPixmap | None = None
        layout = QVBoxLayout(self)
        self.picture = QLabel(tr("正在读取…"), self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 240)
        self.picture.setStyleSheet(f"background: {PHOTO_BACKDROP}; color: {WHITE};")
        layout.addWidget(self.picture, 1)
        self.caption = QLabel(photo.get("caption") or tr("（无说明）"), self)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        flags = flags_of(photo, visit_date, park_location)
        self.flags = QLabel("⚠ " + flag_text(flags, visit_date) if flags.any else "", self)
        self.flags.setStyleSheet(f"color: {FAIL};")
        self.flags.setVisible(flags.any)
        layout.addWidget(self.flags)
        self.facts = muted_label(facts_text(photo, visit_date, park_location), self)
        layout.addWidget(self.facts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.external = QPushButton(tr("用系统查看器打开原图"), self)
        self.external.clicked.connect(self.open_external)
        buttons.addButton(self.external, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1100, int(screen.width() * 0.85)), min(820, int(screen.height() * 0.85)))
        read_annotated(requests, f"view:{photo['id']}", photo, VIEW_EDGE, self._arrived)

    def _arrived(self, pixmap: QPixmap) -> None:
        self.full = pixmap
        self._fit()

    def _fit(self) -> None:
        if self.full is not None:
            self.picture.setPixmap(self.full.scaled(self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def open_external(self) -> None:
        sha = str(self.photo["sha256"])
        ext = str(self.photo.get("ext") or "jpg").lstrip(".")

        def unopened(path: Path) -> None:
            self.facts.setText(tr("这台电脑没有可打开照片的程序；文件已保存在：{0}").format(path))

        open_from_hub(self.requests, sha, f"{sha[:12]}.{ext}", unopened)


class Thumbnails:
    """Thumbnails of hub photos, each read and drawn once: a card shows 正在读取… until its photo
    arrives, then *arrived* is called (the screen shows the item again if it is still current)."""

    def __init__(self, requests: HubRequests) -> None:
        self.requests = requests
        self.pixmaps: dict[str, QPixmap] = {}  # by photo id

    def label(self, photo: dict[str, Any], parent: QWidget, arrived: Callable[[], None], *,
              visit_date: str = "", park_location: tuple[float, float] | None = None) -> Thumbnail:
        card = Thumbnail(self.requests, photo, parent, visit_date=visit_date, park_location=park_location)
        key = str(photo["id"])
        if key in self.pixmaps:
            card.setPixmap(self.pixmaps[key])
            return card
        card.setText(tr("正在读取…"))

        def read(pixmap: QPixmap) -> None:
            self.pixmaps[key] = pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)
            arrived()

        read_annotated(self.requests, f"photo:{key}", photo, THUMB * 2, read)
        return card
