"""The 新建检查 dialog: the park (existing or new), the templates, the date and the inspectors."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from checklists.editions import edition_label
from checklists.model import Template, TemplateKind
from inspection.model import Inspection, Park, ParkType
from ui.base.discard import DiscardGuard
from ui.base.error_reporting import report_error
from ui.base.i18n import join_list, park_type_label, split_names, tr
from ui.base.preferences import Preferences
from ui.base.tasks import TaskRunner
from ui.base.widgets import clear_layout, error_label, grow_to_fit, muted_label, with_message
from ui.dialogs.location_fields import LocationFields
from ui.dialogs.template_preview import fill_template_tree
from ui.home.new_inspection_request import NewInspectionRequest


class NewInspectionDialog(QDialog):
    """Creates a park (when new) and a draft inspection through the runner, then accepts."""

    created = Signal(str)

    def __init__(self, runner: TaskRunner, prefs: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.runner = runner
        self.prefs = prefs
        self.parks: list[Park] = []
        self.created_id: str | None = None
        self._touched: set[str] = set()
        self._creating = False
        self.setWindowTitle(tr("新建检查"))
        self.setModal(True)

        # Two columns, so that the dialog fits a 1280×800 laptop screen with room to spare.
        left = QVBoxLayout()
        left.addWidget(self._build_park_group())
        left.addWidget(self._build_visit_group())
        left.addStretch()
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self._build_template_group(), 1)
        column = QVBoxLayout(self)
        column.addLayout(columns)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 70)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("创建并开始检查"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self.missing_label = muted_label()
        bottom = QHBoxLayout()
        bottom.addWidget(self.missing_label, 1)
        bottom.addWidget(self.buttons)
        column.addLayout(bottom)

        self.use_new.setChecked(True)
        self.use_existing.setEnabled(False)
        self._update()
        runner.db(lambda store: store.parks(), self._parks_loaded,
                  lambda exc: report_error(exc, self))
        runner.db(lambda store: store.offered_templates(), self._templates_loaded,
                  lambda exc: report_error(exc, self))
        self.discard = DiscardGuard(self, self._typed, tr("放弃新建检查？"), tr("已经填写的内容不会保存。"))

    def _typed(self) -> bool:
        defaults = (self.prefs.inspector_name, self.prefs.organisation, QDate.currentDate())
        return bool(self.park_name.text().strip() or self.address.text().strip()
                    or self.selected_templates()) or defaults != (
            self.inspectors.text(), self.organisation.text(), self.date_edit.date())

    def reject(self) -> None:
        if self._creating or self.discard.may_close():
            super().reject()

    # --- building ------------------------------------------------------------------------

    def _build_park_group(self) -> QGroupBox:
        group = QGroupBox(tr("园区"))
        self.use_existing = QRadioButton(tr("已检查过的园区"))
        self.use_new = QRadioButton(tr("新园区"))
        self.park_combo = QComboBox()
        self.park_combo.setEditable(True)
        self.park_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.park_combo.lineEdit().setPlaceholderText(tr("输入园区名称搜索"))
        completer = self.park_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.park_combo.currentTextChanged.connect(lambda _t: self._changed("park"))
        self.park_info = muted_label()
        self.park_error = error_label()

        self.park_name = QLineEdit()
        self.park_name.setPlaceholderText(tr("例如：星河智造小微企业园"))
        self.park_name.textChanged.connect(lambda _t: self._changed("name"))
        self.name_error = error_label()
        self.name_error.linkActivated.connect(self._use_existing_park)
        self.address = QLineEdit()
        self.manufacturing = QRadioButton(park_type_label(ParkType.MANUFACTURING))
        self.service = QRadioButton(park_type_label(ParkType.SERVICE))
        self.manufacturing.setChecked(True)
        self.park_types = QButtonGroup(self)
        for button in (self.manufacturing, self.service):
            self.park_types.addButton(button)
            button.toggled.connect(lambda _on: self._update())
        types = QHBoxLayout()
        types.setContentsMargins(0, 0, 0, 0)
        types.addWidget(self.manufacturing)
        types.addWidget(self.service)
        types.addStretch()
        types_box = QWidget()
        types_box.setLayout(types)

        self.new_park_form = QWidget()
        form = QFormLayout(self.new_park_form)
        form.setContentsMargins(self.fontMetrics().height() * 1.5, 0, 0, 0)
        form.addRow(tr("名称"), with_message(self.park_name, self.name_error))
        form.addRow(tr("地址"), self.address)
        form.addRow(tr("类型"), types_box)
        self.location = LocationFields(self)  # optional: 检查 → 园区位置… sets it later too
        self.location.edited.connect(lambda: self._changed("location"))
        self.location_error = error_label()
        self.location.add_rows(form, self.location_error)
        self.existing_box = with_message(self.park_combo, self.park_error)
        self.existing_box.layout().addWidget(self.park_info)
        self.existing_box.setContentsMargins(self.fontMetrics().height() * 1.5, 0, 0, 0)

        self.park_mode = QButtonGroup(self)
        self.park_mode.addButton(self.use_existing)
        self.park_mode.addButton(self.use_new)
        self.use_existing.toggled.connect(lambda _on: self._changed("mode"))
        layout = QVBoxLayout(group)
        layout.addWidget(self.use_existing)
        layout.addWidget(self.existing_box)
        layout.addWidget(self.use_new)
        layout.addWidget(self.new_park_form)
        return group

    def _build_template_group(self) -> QGroupBox:
        group = QGroupBox(tr("检查模板"))
        layout = QVBoxLayout(group)
        self.template_boxes: dict[str, QCheckBox] = {}
        self.templates: dict[str, Template] = {}
        self.star_hint = muted_label()
        self.template_list = QVBoxLayout()
        self.template_list.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.template_list)
        self.template_error = error_label()
        layout.addWidget(self.template_error)
        # A template's tree before it is chosen: 预览 beside each shows it here. The place is
        # kept from the start (with a hint), so that the dialog does not grow when it fills.
        self.preview_title = muted_label(tr("预览"))
        self.preview = QTreeWidget()
        self.preview.setHeaderLabels([tr("编号"), tr("标题")])
        self.preview.setColumnWidth(0, self.fontMetrics().horizontalAdvance("0000.00.00"))
        self.preview.setMinimumHeight(self.fontMetrics().height() * 8)
        hint = muted_label(tr("点击模板旁的“预览”，在这里查看它的条目"))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview_area = QStackedWidget()
        self.preview_area.addWidget(hint)
        self.preview_area.addWidget(self.preview)
        # (at least what the filled tree asks for, so that filling it moves nothing)
        self.preview_area.setMinimumHeight(self.fontMetrics().height() * 12)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview_area, 1)
        return group

    def _templates_loaded(self, templates: list[Template]) -> None:
        """One check box per template offered for new inspections (retired ones are not)."""
        clear_layout(self.template_list)
        self.template_boxes, self.templates = {}, {t.id: t for t in templates}
        indent = self.fontMetrics().height() * 1.6
        for template in templates:
            box = QCheckBox(template.title)
            box.toggled.connect(lambda _on: self._changed("templates"))
            self.template_boxes[template.id] = box
            preview = QLabel(f"<a href=\"{template.id}\">{tr('预览')}</a>")
            preview.setObjectName(f"preview:{template.id}")
            preview.setToolTip(tr("查看这个模板的条目"))
            preview.linkActivated.connect(self.show_preview)
            row = QHBoxLayout()
            row.addWidget(box, 1)
            row.addWidget(preview, 0, Qt.AlignmentFlag.AlignTop)
            count = sum(1 for _ in template.items())
            details = [template.document_number] if template.document_number else []
            edition = edition_label(template)
            if edition and edition not in template.document_number:
                details.append(tr("版本 {0}").format(edition))
            details.append(template.issuer)
            details.append(tr("{0} 项").format(count))
            detail = muted_label(" · ".join(d for d in details if d))
            detail.setContentsMargins(indent, 0, 0, 0)
            self.template_list.addLayout(row)
            self.template_list.addWidget(detail)
            if template.kind is TemplateKind.STAR_RATING:
                self.star_hint = muted_label()
                self.star_hint.setContentsMargins(indent, 0, 0, 0)
                self.template_list.addWidget(self.star_hint)
        self._update()

    def show_preview(self, template_id: str) -> None:
        template = self.templates[template_id]
        self.preview_title.setText(tr("预览：{0}（{1} 项）").format(
            template.title, sum(1 for _ in template.items())))
        fill_template_tree(self.preview, template)
        self.preview_area.setCurrentWidget(self.preview)

    def _build_visit_group(self) -> QGroupBox:
        group = QGroupBox(tr("本次检查"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.inspectors = QLineEdit(self.prefs.inspector_name)
        self.inspectors.setPlaceholderText(tr("多名检查人员用“、”分隔，例如：张三、李四"))
        self.inspectors.textChanged.connect(lambda _t: self._changed("inspectors"))
        self.inspector_error = error_label()
        self.organisation = QLineEdit(self.prefs.organisation)
        form = QFormLayout(group)
        form.addRow(tr("检查日期"), self.date_edit)
        form.addRow(tr("检查人员"), with_message(self.inspectors, self.inspector_error))
        form.addRow(tr("检查单位"), self.organisation)
        return group

    # --- parks -----------------------------------------------------------------------------

    def _parks_loaded(self, parks: list[Park]) -> None:
        self.parks = list(parks)
        self.park_combo.blockSignals(True)
        self.park_combo.clear()
        self.park_combo.addItems([p.name for p in self.parks])
        self.park_combo.setCurrentIndex(-1)
        self.park_combo.blockSignals(False)
        self.use_existing.setEnabled(bool(self.parks))
        if self.parks and "name" not in self._touched:
            self.use_existing.setChecked(True)
        self._update()

    def _find_park(self, name: str) -> Park | None:
        name = name.strip()
        return next((p for p in self.parks if p.name == name), None)

    def _use_existing_park(self, _link: str = "") -> None:
        name = self.park_name.text().strip()
        self.use_existing.setChecked(True)
        self.park_combo.setCurrentText(name)
        self._changed("park")

    def selected_park_type(self) -> ParkType:
        if self.use_existing.isChecked():
            park = self._find_park(self.park_combo.currentText())
            return park.park_type if park else ParkType.MANUFACTURING
        return ParkType.SERVICE if self.service.isChecked() else ParkType.MANUFACTURING

    # --- validation ------------------------------------------------------------------------

    def _changed(self, field: str) -> None:
        if field != "mode":
            self._touched.add(field)
        self._update()

    def errors(self) -> dict[str, str]:
        """Problems that keep OK disabled, by field: park, name, location, templates,
        inspectors."""
        problems: dict[str, str] = {}
        if self.use_existing.isChecked():
            text = self.park_combo.currentText().strip()
            if not text:
                problems["park"] = tr("请选择一个园区")
            elif self._find_park(text) is None:
                problems["park"] = tr("没有名为“{0}”的园区；要新建，请选择“新园区”").format(text)
        else:
            name = self.park_name.text().strip()
            if not name:
                problems["name"] = tr("请填写园区名称")
            elif self._find_park(name) is not None:
                problems["name"] = tr(
                    "已有名为“{0}”的园区。<a href=\"use\">改为选择这个园区</a>").format(name)
            if self.location.problem(optional=True):
                problems["location"] = self.location.problem(optional=True)
        if not self.selected_templates():
            problems["templates"] = tr("请至少选择一个检查模板")
        if not split_names(self.inspectors.text()):
            problems["inspectors"] = tr("请至少填写一名检查人员")
        return problems

    def _update(self) -> None:
        existing = self.use_existing.isChecked()
        self.existing_box.setEnabled(existing)
        self.new_park_form.setEnabled(not existing)
        park = self._find_park(self.park_combo.currentText()) if existing else None
        self.park_info.setText(tr("类型：{0}　地址：{1}").format(
            park_type_label(park.park_type), park.address or "—") if park else "")
        self.park_info.setVisible(park is not None)
        self.star_hint.setText(tr("星级按园区类型评定，本次按“{0}”评定。")
                               .format(park_type_label(self.selected_park_type())))
        problems = self.errors()
        labels = {"park": self.park_error, "name": self.name_error,
                  "location": self.location_error, "templates": self.template_error, "inspectors": self.inspector_error}
        hidden = []
        for field, label in labels.items():
            message = problems.get(field, "")
            visible = bool(message) and field in self._touched
            label.setText(message)
            label.setVisible(visible)
            # A wrapped message in a form row only gets the height it asks for.
            label.setMinimumHeight(0)
            if visible and label.width() > 0:
                label.setMinimumHeight(label.heightForWidth(label.width()))
            if message and not visible:
                hidden.append(field)
        needed = {"park": tr("选择园区"), "name": tr("填写园区名称"), "location": tr("改正园区位置"),
                  "templates": tr("选择检查模板"), "inspectors": tr("填写检查人员")}
        self.missing_label.setText(tr("还需要：{0}").format(
            join_list(needed[f] for f in hidden)) if hidden else "")
        self.ok_button.setEnabled(not problems and not self._creating)

    def selected_templates(self) -> list[str]:
        return [tid for tid, box in self.template_boxes.items() if box.isChecked()]

    def request(self) -> NewInspectionRequest:
        existing = self.use_existing.isChecked()
        name = (self.park_combo.currentText() if existing else self.park_name.text()).strip()
        return NewInspectionRequest(
            park_name=name, new_park=not existing, park_type=self.selected_park_type(),
            address=self.address.text().strip(),
            location=None if existing else self.location.location(),
            template_ids=tuple(self.selected_templates()),
            date=self.date_edit.date().toString("yyyy-MM-dd"),
            inspectors=tuple(split_names(self.inspectors.text())),
            organisation=self.organisation.text().strip())

    # --- creating --------------------------------------------------------------------------

    def create(self) -> None:
        if self.errors() or self._creating:
            self._touched.update({"park", "name", "location", "templates", "inspectors"})
            self._update()
            return
        request = self.request()
        self._creating = True
        self._update()
        self.runner.db(request.create, self._created, self._failed)

    def _created(self, inspection: Inspection) -> None:
        self._creating = False
        self.created_id = inspection.id
        if not self.prefs.inspector_name.strip() and inspection.inspectors:
            # No profile yet: the first inspector typed is who works on this computer, so
            # every edit from now on has an author (设置 changes it).
            self.prefs.inspector_name = inspection.inspectors[0]
            self.runner.set_actor(inspection.inspectors[0])
        self.created.emit(inspection.id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._creating = False
        self._update()
        report_error(exc, self, title=tr("无法创建检查"))
        self.runner.db(lambda store: store.parks(), self._parks_loaded)

