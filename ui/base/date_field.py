"""A date field that takes a typed date as typed, with a calendar beside it.

QDateEdit edits one section at a time: typing "2026-12-20" into it overwrites whichever section
the cursor was in, and the result depends on where the click landed (2026-12-12, the old date
kept, or a year off). Inspectors type deadlines. This field reads the whole text: 2026-12-20,
2026/12/20, 2026.12.20, 20261220 and 2026年12月20日 all mean the same day; anything else is
shown as not a date, never silently turned into another one.
"""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from inspection.palette import FAIL
from ui.base.i18n import tr

_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))\s*$")


def parse_typed_date(text: str) -> date | None:
    """The day *text* names (see the module's note), or None when it names none."""
    match = _DATE.match(text)
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2) or match.group(4), match.group(3) or match.group(5)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:  # 2026-02-30
        return None


class DateField(QWidget):
    """A ``yyyy-MM-dd`` text field and a calendar button; ``date()`` is None while the text
    is not a date (the field then shows a red frame and says so in its tooltip)."""

    date_changed = Signal(object)  # a datetime.date, or None when the text is no date

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("2026-12-20")
        self.edit.setMaxLength(16)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("2026-12-20 ") + 16)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._tidy)
        layout.addWidget(self.edit)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText(tr("日历"))
        self.calendar_button.setToolTip(tr("从日历中选择"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self.calendar_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._before_calendar)
        self.calendar_button.setMenu(menu)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.edit)
        self._value: date | None = None
        self.set_date(value)

    def date(self) -> date | None:
        return self._value

    def set_date(self, value: date | None) -> None:
        self.edit.setText(value.isoformat() if value else "")
        self._set_value(value, valid=True)

    def is_valid(self) -> bool:
        """Whether the text is empty or a date (not some other text)."""
        return self._value is not None or not self.edit.text().strip()

    def _typed(self, text: str) -> None:
        value = parse_typed_date(text)
        self._set_value(value, valid=value is not None or not text.strip())

    def _tidy(self) -> None:
        """Show a date typed another way (2026/12/20) in the one way dates are written."""
        if self._value is not None and self.edit.text() != self._value.isoformat():
            self.edit.setText(self._value.isoformat())

    def _before_calendar(self) -> None:
        shown = self._value or date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))

    def _picked(self, chosen: QDate) -> None:
        self.set_date(date(chosen.year(), chosen.month(), chosen.day()))
        self.calendar_button.menu().close()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _set_value(self, value: date | None, *, valid: bool) -> None:
        self.edit.setStyleSheet("" if valid else f"QLineEdit {{ border: 2px solid {FAIL}; }}")
        self.edit.setToolTip("" if valid else tr("不是有效日期，请按 2026-12-20 的格式填写"))
        if value != self._value:
            self._value = value
            self.date_changed.emit(value)
