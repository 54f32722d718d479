"""Where a park is: latitude and longitude, typed or taken from the photos already taken there.

Photos whose GPS lies far from it are then flagged (ui/photos/photo_facts.py); nothing is
refused. The middle of the inspection's photo positions is offered, since the inspector is
usually standing in the park when the question comes up.
"""
from __future__ import annotations

import statistics
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspection.model import Park, Photo
from inspection.photos.location import FAR_METRES, format_distance, format_position
from ui.base.error_reporting import report_error
from ui.base.i18n import tr
from ui.base.widgets import grow_to_fit, muted_label
from ui.home.new_inspection import error_label
from ui.session.edit_session import EditSession


def middle_of(photos: Iterable[Photo]) -> tuple[float, float] | None:
    """The median position of the photos that have one (a stray photo does not move it)."""
    points = [p.gps for p in photos if p.gps]
    if not points:
        return None
    return (round(statistics.median(p[0] for p in points), 6),
            round(statistics.median(p[1] for p in points), 6))


class ParkLocationDialog(QDialog):
    """``chosen`` gives (latitude, longitude), or None to forget the location."""

    chosen = Signal(object)

    def __init__(self, park: Park, photos: Iterable[Photo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)
        self.setWindowTitle(tr("园区位置 — {0}").format(park.name))
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(tr(
            "记录园区的位置后，距园区超过 {0} 的照片会被标出（不会被拒绝）。").format(
            format_distance(FAR_METRES))))
        self.latitude = QLineEdit()
        self.longitude = QLineEdit()
        self.latitude.setPlaceholderText(tr("纬度，例如 30.8201"))
        self.longitude.setPlaceholderText(tr("经度，例如 121.2532"))
        if park.location:
            self.latitude.setText(str(park.location[0]))
            self.longitude.setText(str(park.location[1]))
        form = QFormLayout()
        form.addRow(tr("纬度（北纬为正）"), self.latitude)
        form.addRow(tr("经度（东经为正）"), self.longitude)
        layout.addLayout(form)
        self.from_photos = QPushButton()
        self.middle = middle_of(photos)
        if self.middle is not None:
            self.from_photos.setText(tr("使用照片的位置（{0}）").format(format_position(self.middle)))
            self.from_photos.clicked.connect(self._use_photos)
        else:
            self.from_photos.setText(tr("本次检查的照片没有位置信息"))
            self.from_photos.setEnabled(False)
        layout.addWidget(self.from_photos)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.clear_button = buttons.addButton(tr("清除位置"), QDialogButtonBox.ButtonRole.ResetRole)
        self.clear_button.setEnabled(park.location is not None)
        self.clear_button.clicked.connect(lambda: self._done(None))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for field in (self.latitude, self.longitude):
            field.textChanged.connect(lambda _t: self.error.hide())

    def _use_photos(self) -> None:
        self.latitude.setText(str(self.middle[0]))
        self.longitude.setText(str(self.middle[1]))

    def submit(self) -> None:
        try:
            latitude = float(self.latitude.text().strip())
            longitude = float(self.longitude.text().strip())
        except ValueError:
            latitude = longitude = float("nan")
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            self.error.setText(tr("请填写十进制的经纬度：纬度 -90～90，经度 -180～180。"))
            self.error.show()
            return
        self._done((latitude, longitude))

    def _done(self, location: tuple[float, float] | None) -> None:
        self.accept()
        self.chosen.emit(location)


def ask_park_location(session: EditSession, parent: QWidget, on_saved) -> ParkLocationDialog:
    """Open the dialog for the session's park; the location chosen is stored (one edit) and
    *on_saved* called once the session knows it."""
    dialog = ParkLocationDialog(session.park, session.photos.values(), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    park_id = session.park.id

    def saved(park: Park) -> None:
        session.park = park
        on_saved()
    dialog.chosen.connect(lambda location: session.runner.db(
        lambda store: store.set_park_location(park_id, location), saved,
        lambda exc: report_error(exc, parent)))
    dialog.open()
    return dialog
