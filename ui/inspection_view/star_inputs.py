"""The form of one 001 star indicator (小微企业园星级评定): measured inputs and the judged level.

Numbers are typed with their units (亩, 平方米, 家, %), the service functions are eight
checkboxes (项), the grade is A–D. Judged indicators list every level with its criterion so
the inspector picks the highest level met. The indicator's resulting level is shown live,
computed by ``checklists.stars`` from what is on screen.

A number is saved when its field loses focus or Enter is pressed: an emptied field saves the
removal; a number the field does not accept (150 %, more than the field allows) is not saved
and a message under the fields says why. The form disabled (a signed inspection) still shows
what is stored and the level it gives, never defaults.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from checklists.model import Node
from checklists.star_inputs import GRADES
from inspection.palette import BORDER, MUTED, OVERDUE, STAR, SURFACE_FORM
from inspection.star_levels import reached_level
from ui.base.i18n import star_glyphs, tr
from ui.base.i18n import star_level_label as level_label
from ui.base.widgets import muted_label, section_title
from ui.inspection_view.star_measurements import (
    PERCENT_UNITS,
    number_text,
    read_measurement,
    reading_hints,
    shown_text,
    stored_number,
    units_tip,
    why_refused,
)
from ui.inspection_view.star_parts import LevelRow


class StarIndicatorForm(QWidget):
    """Inputs and judged level of one star indicator."""

    value_edited = Signal(dict)  # this indicator's measured values (only its keys)
    level_chosen = Signal(object)  # the judged level 0–5, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node: Node | None = None
        self.park_type = "manufacturing"
        self.fields: dict[str, QWidget] = {}
        self.specs: dict[str, Mapping[str, Any]] = {}
        self._shown: dict[str, Any] = {}  # the value as last set or committed
        self.level_rows: dict[int, LevelRow] = {}
        self.levels = QButtonGroup(self)
        self.levels.setExclusive(True)
        self.levels.idClicked.connect(self._level_clicked)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.input_error = QLabel(self)  # a number the field does not accept: why, not saved
        self.input_error.setWordWrap(True)
        self.input_error.setStyleSheet(f"color: {OVERDUE};")
        self.input_error.hide()
        # what a typed unit was read as (4.8万 → 48000 平方米), and 0.62 in a % field questioned
        self.input_hint = QLabel(self)
        self.input_hint.setWordWrap(True)
        self.input_hint.setTextFormat(Qt.TextFormat.RichText)
        self.input_hint.setStyleSheet(f"color: {MUTED};")
        self.input_hint.linkActivated.connect(self._hint_link)
        self.input_hint.hide()
        self.reason_label = QLabel(self)  # why the indicator is at its level
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet(f"color: {MUTED};")
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._refused: dict[str, str] = {}  # field key → message, while its text is refused

    # --- building ------------------------------------------------------------------------

    def set_indicator(self, node: Node, park_type: str) -> None:
        self.node, self.park_type = node, park_type
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None and item.widget() not in (
                    self.result_label, self.input_error, self.input_hint, self.reason_label):
                item.widget().hide()
                item.widget().deleteLater()
        self.fields, self.specs, self.level_rows = {}, {}, {}
        self._refused = {}
        self.input_error.hide()
        self.input_hint.hide()
        for button in self.levels.buttons():
            self.levels.removeButton(button)
        inputs = list(node.attrs.get("inputs", ()))
        if inputs:
            self._layout.addWidget(section_title(tr("测量值"), self))
            grid_host = QWidget(self)
            grid = QGridLayout(grid_host)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(10)
            for row, spec in enumerate(inputs):
                self._add_input(grid, row, spec)
            grid.setColumnStretch(3, 1)
            self._layout.addWidget(grid_host)
            self._layout.addWidget(self.input_error)
            self._layout.addWidget(self.input_hint)
        judged = bool(node.attrs.get("judged"))
        criteria = node.attrs.get("criteria", {})
        self._layout.addWidget(section_title(
            tr("评定等级（选择达到的最高等级）") if judged else tr("各等级要求"), self))
        box = QFrame(self)
        box.setObjectName("levels")
        box.setStyleSheet(f"QFrame#levels {{ border: 1px solid {BORDER}; border-radius: 4px;"
                          f" background: {SURFACE_FORM}; }}")
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(4, 4, 4, 4)
        box_layout.setSpacing(0)
        for level in range(5, -1 if judged else 0, -1):
            row = LevelRow(level, criteria.get(str(level), ""), box)
            if judged:
                self.levels.addButton(row.radio, level)
            else:
                row.radio.hide()
                row.name.show()
            box_layout.addWidget(row)
            self.level_rows[level] = row
        self._layout.addWidget(box)
        self._layout.addWidget(self.result_label)
        self._layout.addWidget(self.reason_label)

    def _add_input(self, grid: QGridLayout, row: int, spec: Mapping[str, Any]) -> None:
        key, kind, unit = spec["key"], spec["type"], spec.get("unit", "")
        grid.addWidget(QLabel(spec["label"], self), row, 0, Qt.AlignmentFlag.AlignTop)
        self.specs[key] = spec
        if kind == "grade":
            widget = QComboBox(self)
            widget.addItem(tr("请选择"), None)
            for grade in spec.get("choices", GRADES):
                widget.addItem(tr("{0} 档").format(grade), grade)
            widget.currentIndexChanged.connect(lambda _=0: self.commit())
            grid.addWidget(widget, row, 1)
        elif kind == "choices":
            widget = QWidget(self)
            boxes = QGridLayout(widget)
            boxes.setContentsMargins(0, 0, 0, 0)
            for i, choice in enumerate(spec["choices"]):
                check = QCheckBox(choice, widget)
                check.toggled.connect(lambda _=False: self.commit())
                boxes.addWidget(check, i // 4, i % 4)
            if spec.get("other"):
                # "…等方面 N 项以上": functions beyond the named ones count too.
                other = QLineEdit(widget)
                other.setObjectName("otherChoices")
                other.setPlaceholderText(tr("{0}：其他公共服务功能，多项用“、”分隔").format(
                    spec["other"]))
                other.editingFinished.connect(self.commit)
                boxes.addWidget(other, (len(spec["choices"]) + 3) // 4, 0, 1, 4)
            grid.addWidget(widget, row, 1, 1, 3)
            self.count_label = muted_label("", self)
            grid.addWidget(self.count_label, row + 1, 1, 1, 3)
        else:
            widget = QLineEdit(self)
            widget.setMaximumWidth(160)
            widget.setAlignment(Qt.AlignmentFlag.AlignRight)
            # No validator: it silently dropped what it did not take ("4.8万" became 4.8).
            # The text is read with its unit (star_numbers.py) or refused with the reason.
            widget.setPlaceholderText(tr("未填写"))
            widget.setToolTip(units_tip(unit))
            # Not editingFinished: an emptied field (or 150 %) must be committed too.
            widget.installEventFilter(self)
            widget.textEdited.connect(lambda _="", key=key: self._edited(key))
            grid.addWidget(widget, row, 1)
            grid.addWidget(QLabel("%" if unit in PERCENT_UNITS else unit, self), row, 2)
            if key == "land_area_mu" and self.park_type == "service":
                widget.setEnabled(False)
                widget.setPlaceholderText(tr("服务类园区不需填写"))
        self.fields[key] = widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and watched in self.fields.values() and (
                event.type() == QEvent.Type.FocusOut
                or (event.type() == QEvent.Type.KeyPress
                    and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))):
            self.commit()
        return super().eventFilter(watched, event)

    # --- values --------------------------------------------------------------------------

    def applies(self, key: str) -> bool:
        """Whether the field counts for this park (服务类园区 have no land area)."""
        return not (key == "land_area_mu" and self.park_type == "service")

    def refusal(self, key: str) -> str | None:
        """Why the text typed in a number field cannot be saved; None when it can (or is empty)."""
        widget = self.fields.get(key)
        if not isinstance(widget, QLineEdit) or not self.applies(key):
            return None
        return why_refused(self.specs[key], widget.text())

    def hints(self) -> list[str]:
        """What typed units were read as, and a share below 1 % questioned (rich text)."""
        return [line for key, widget in self.fields.items()
                if isinstance(widget, QLineEdit) and self.applies(key)
                for line in reading_hints(key, self.specs[key], widget.text())]

    def _show_hints(self) -> None:
        lines = self.hints()
        self.input_hint.setText("<br>".join(lines))
        self.input_hint.setVisible(bool(lines))

    def _hint_link(self, link: str) -> None:
        kind, _, key = link.partition(":")
        widget = self.fields.get(key)
        if kind == "percent" and isinstance(widget, QLineEdit) and widget.isEnabled():
            number, _converted = read_measurement(self.specs[key], widget.text())
            widget.setText(number_text(number * 100))
            self.commit()

    def read_value(self) -> dict[str, Any]:
        """What the form shows, in the stored form (fractions, lists); empty fields left out.

        A number field whose text cannot be saved keeps the stored value."""
        value: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                if widget.currentData() is not None:
                    value[key] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                if self.refusal(key) is not None:
                    if self._shown.get(key) is not None:
                        value[key] = self._shown[key]
                    continue
                number = self._number(key, widget)
                if number is not None:
                    value[key] = number
            else:
                chosen = [c.text() for c in widget.findChildren(QCheckBox) if c.isChecked()]
                other = widget.findChild(QLineEdit, "otherChoices")
                if other is not None:
                    chosen += [name for name in dict.fromkeys(
                        part.strip() for part in re.split(r"[、，,；;\n]", other.text()))
                        if name and name not in chosen]
                if chosen or key in self._shown:
                    value[key] = chosen
        return value

    def _number(self, key: str, widget: QLineEdit) -> float | int | None:
        return stored_number(self.specs[key], widget.text()) if self.applies(key) else None

    def set_answer(self, value: Mapping[str, Any] | None, result: str | None) -> None:
        """Show a stored answer (without emitting edits)."""
        value = dict(value or {})
        for key, widget in self.fields.items():
            spec = self.specs[key]
            current = value.get(key)
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(current)) if current else 0)
            elif isinstance(widget, QLineEdit):
                # A number being typed right now stays; committed, it is saved over this one.
                typing = widget.hasFocus() and self._number(key, widget) != self._shown.get(key)
                if not typing and self._number(key, widget) != current:
                    widget.setText(shown_text(spec, current))
            else:
                for check in widget.findChildren(QCheckBox):
                    check.blockSignals(True)
                    check.setChecked(check.text() in (current or ()))
                    check.blockSignals(False)
                other = widget.findChild(QLineEdit, "otherChoices")
                if other is not None:
                    named = set(spec.get("choices", ()))
                    other.setText("、".join(v for v in (current or ()) if v not in named))
            widget.blockSignals(False)
        self._shown = {k: v for k, v in value.items() if k in self.fields}
        self._refused = {}
        self._show_refusals()
        self._show_hints()
        level = int(result) if result is not None and result.isdigit() else None
        self.levels.setExclusive(False)
        for level_value, row in self.level_rows.items():
            row.radio.setChecked(level_value == level)
        self.levels.setExclusive(True)
        self._update_result()

    def commit(self) -> None:
        """Emit the values if they differ from the stored ones (on focus-out, Enter, a click);
        a number the field refuses is not emitted and the message says why."""
        self._refused = {key: why for key in self.fields if (why := self.refusal(key))}
        self._show_refusals()
        self._show_hints()
        value = self.read_value()
        if value != self._shown:
            self._shown = dict(value)
            self.value_edited.emit(value)
        self._update_result()

    def _edited(self, key: str) -> None:
        if key in self._refused and self.refusal(key) is None:  # put right: the message goes
            del self._refused[key]
            self._show_refusals()
        self._show_hints()
        self._update_result()

    def _show_refusals(self) -> None:
        if self._refused:
            self.input_error.setText("\n".join(self._refused.values()) + tr("（未保存）"))
        self.input_error.setVisible(bool(self._refused))

    def judged_level(self) -> int | None:
        checked = self.levels.checkedId()
        return None if checked < 0 else checked

    def _level_clicked(self, level: int) -> None:
        self._update_result()
        self.level_chosen.emit(level)

    # --- the live level ------------------------------------------------------------------

    def missing(self) -> list[str]:
        value = self.read_value()
        labels = [self.specs[k]["label"] for k in self.fields
                  if self.applies(k) and k not in value]
        if self.node is not None and self.node.attrs.get("judged") and self.judged_level() is None:
            labels.append(tr("评定等级"))
        return labels

    def indicator_level(self):
        """The level computed from the form, or None while something is missing."""
        if self.node is None or self.missing():
            return None
        return reached_level(self.node, self.read_value(), self.judged_level(),
                             park_type=self.park_type, fields=self.fields)

    def _update_result(self) -> None:
        if "service_functions" in self.fields:
            count = len(self.read_value().get("service_functions", ()))
            self.count_label.setText(tr("已具备 {0} 项").format(count))
        missing = self.missing()
        for row in self.level_rows.values():
            row.set_reached(False)
        self.reason_label.setText("")
        self.reason_label.hide()
        if missing:
            self.result_label.setText(
                f"<span style='color:{MUTED}'>" + tr("本指标等级：尚缺 {0}").format(
                    tr("、").join(missing)) + "</span>")
            return
        level = self.indicator_level()
        if level is None:
            self.result_label.setText("")
            return
        for value, row in self.level_rows.items():
            row.set_reached(value == level.level)
        reason = level.reason
        judged = self.judged_level() if self.node.attrs.get("judged") else None
        if judged is not None and judged > level.level:  # why the judged level is not reached
            reason = tr("评定为{0}，但测量值只达到{1}：{2}").format(
                level_label(judged), level_label(level.level), level.reason)
        self.result_label.setText(
            tr("本指标等级：") + f"<b style='color:{STAR}'>{star_glyphs(level.level)} "
            f"{level_label(level.level)}</b>")
        self.reason_label.setText(tr("原因：{0}").format(reason))
        self.reason_label.show()
