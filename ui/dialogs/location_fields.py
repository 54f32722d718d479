"""Where a park is, as typed: the latitude and longitude fields of 检查 → 园区位置… and of the
new park in 新建检查 — the same two fields, read and checked the same way, in either form."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from inspection.photos.location import FAR_METRES, format_distance
from ui.base.i18n import tr
from ui.base.widgets import with_message


def location_purpose() -> str:
    """Why a park's location is worth giving."""
    return tr("记录园区的位置后，距园区超过 {0} 的照片会被标出（不会被拒绝）。").format(
        format_distance(FAR_METRES))


class LocationFields(QObject):
    """纬度 and 经度 as decimal degrees; ``edited`` when either changes."""

    edited = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.latitude = QLineEdit(parent)
        self.longitude = QLineEdit(parent)
        self.latitude.setPlaceholderText(tr("纬度，例如 30.8201"))
        self.longitude.setPlaceholderText(tr("经度，例如 121.2532"))
        for field in (self.latitude, self.longitude):
            field.setToolTip(location_purpose())
            field.textChanged.connect(lambda _text: self.edited.emit())

    def add_rows(self, form: QFormLayout, message: QLabel | None = None) -> None:
        """The two rows, with *message* (what is wrong) under them when given."""
        form.addRow(tr("纬度（北纬为正）"), self.latitude)
        form.addRow(tr("经度（东经为正）"), self.longitude if message is None
                    else with_message(self.longitude, message))

    def set_location(self, location: tuple[float, float] | None) -> None:
        self.latitude.setText(str(location[0]) if location else "")
        self.longitude.setText(str(location[1]) if location else "")

    def is_empty(self) -> bool:
        return not self.latitude.text().strip() and not self.longitude.text().strip()

    def location(self) -> tuple[float, float] | None:
        """What is typed, or None when it is not a position (see :meth:`problem`)."""
        try:
            latitude = float(self.latitude.text().strip())
            longitude = float(self.longitude.text().strip())
        except ValueError:
            return None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):  # NaN fails too
            return None
        return latitude, longitude

    def problem(self, *, optional: bool = False) -> str:
        """Why what is typed is not a position ("" when it is, or when both fields are empty
        and the location is *optional*)."""
        if (optional and self.is_empty()) or self.location() is not None:
            return ""
        return tr("请填写十进制的经纬度：纬度 -90～90，经度 -180～180。")
