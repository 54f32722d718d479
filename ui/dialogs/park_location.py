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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspection.model import Park, Photo
from inspection.photos.location import format_position
from ui.base.error_reporting import report_error
from ui.base.i18n import tr
from ui.base.widgets import error_label, grow_to_fit, muted_label
from ui.dialogs.location_fields import LocationFields, location_purpose
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
        layout.addWidget(muted_label(location_purpose()))
        self.fields = LocationFields(self)
        self.latitude, self.longitude = self.fields.latitude, self.fields.longitude
        self.fields.set_location(park.location)
        form = QFormLayout()
        self.fields.add_rows(form)
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
        self.fields.edited.connect(self.error.hide)

    def _use_photos(self) -> None:
        self.latitude.setText(str(self.middle[0]))
        self.longitude.setText(str(self.middle[1]))

    def submit(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self._done(self.fields.location())

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
