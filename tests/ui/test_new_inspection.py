"""The 新建检查 dialog on its own: defaults, inline validation, and creating through the runner."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from ui.home.new_inspection import NewInspectionDialog


@pytest.fixture
def dialog(qtbot, inline_runner, prefs):
    def make():
        made = NewInspectionDialog(inline_runner, prefs)
        qtbot.addWidget(made)
        made.show()
        return made
    return make


def test_first_park_defaults_and_nothing_red_before_typing(dialog):
    d = dialog()
    assert d.use_new.isChecked() and not d.use_existing.isEnabled()  # no parks yet
    assert d.inspectors.text() == "张三"
    assert d.organisation.text() == "金山区经委"
    assert d.date_edit.date() == QDate.currentDate()
    assert d.date_edit.calendarPopup()
    assert not any(label.isVisible() for label in
                   (d.name_error, d.park_error, d.template_error, d.inspector_error))
    assert not d.ok_button.isEnabled()
    assert d.missing_label.text() == "还需要：填写园区名称、选择检查模板"


def test_templates_show_document_number_and_item_count(dialog):
    d = dialog()
    assert d.template_boxes["002"].text() == "金山区聚焦“三个服务”全面推进一流营商环境建设行动方案"
    texts = [label.text() for label in d.findChildren(type(d.missing_label))]
    assert "金府办发〔2022〕7号 · 上海市金山区人民政府办公室 · 100 项" in texts
    assert "星级按园区类型评定，本次按“生产制造类”评定。" in texts


def test_existing_park_must_be_one_of_the_list(dialog, inline_runner):
    inline_runner.call(lambda store: store.add_park("金山工业园", "service", address="金山大道 1 号"))
    d = dialog()
    assert d.use_existing.isChecked()
    d.park_combo.setCurrentText("金山")
    assert d.park_error.text() == "没有名为“金山”的园区；要新建，请选择“新园区”"
    d.park_combo.setCurrentText("金山工业园")
    assert not d.park_error.isVisible()
    assert d.park_info.text() == "类型：生产性服务类等其他类　地址：金山大道 1 号"
    assert d.selected_park_type().value == "service"
    assert not d.new_park_form.isEnabled()


def test_names_date_and_organisation_go_into_the_inspection(dialog, inline_runner):
    d = dialog()
    created = []
    d.created.connect(created.append)
    d.park_name.setText("星河智造园")
    d.address.setText("星河路 88 号")
    d.template_boxes["003"].setChecked(True)
    d.inspectors.setText("张三, 李四；王五")
    d.organisation.setText("嘉定区经委")
    d.date_edit.setDate(QDate(2025, 4, 1))
    assert d.request().inspectors == ("张三", "李四", "王五")
    d.ok_button.click()
    assert d.result() == d.DialogCode.Accepted
    inspection = inline_runner.call(lambda store: store.inspection(created[0]))
    assert inspection.date == "2025-04-01"
    assert inspection.inspectors == ("张三", "李四", "王五")
    assert inspection.organisation == "嘉定区经委"
    park = inline_runner.call(lambda store: store.find_park("星河智造园"))
    assert park.address == "星河路 88 号" and park.park_type.value == "manufacturing"


def test_a_refused_creation_keeps_the_dialog_open(dialog, inline_runner, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.home.new_inspection.report_error", lambda exc, *a, **k: shown.append(exc))
    d = dialog()
    d.park_name.setText("同时新建的园区")
    d.template_boxes["000"].setChecked(True)
    # Someone else (the command line) adds the same park while the dialog is open.
    inline_runner.call(lambda store: store.add_park("同时新建的园区", "manufacturing"))
    d.ok_button.click()
    assert d.isVisible() and d.created_id is None
    assert "已存在" in str(shown[0])
    assert "已有名为“同时新建的园区”的园区" in d.name_error.text()  # parks were reloaded
    assert not d.ok_button.isEnabled()


def test_today_is_the_default_date(dialog):
    assert dialog().request().date == date.today().isoformat()


def test_a_new_park_can_be_given_its_location(dialog, inline_runner):
    d = dialog()
    d.park_name.setText("星河智造园")
    d.template_boxes["003"].setChecked(True)
    assert d.ok_button.isEnabled()  # the location is optional
    assert d.request().location is None
    d.location.latitude.setText("30.8201")  # the same fields as 检查 → 园区位置…
    assert d.location_error.isVisible() and not d.ok_button.isEnabled()  # the longitude?
    assert d.location_error.text() == "请填写十进制的经纬度：纬度 -90～90，经度 -180～180。"
    d.location.longitude.setText("190")
    assert d.location_error.isVisible() and not d.ok_button.isEnabled()
    d.location.longitude.setText(" 121.2532 ")
    assert not d.location_error.isVisible() and d.ok_button.isEnabled()
    d.ok_button.click()
    assert d.result() == d.DialogCode.Accepted
    park = inline_runner.call(lambda store: store.find_park("星河智造园"))
    assert park.location == (30.8201, 121.2532)


def test_a_wrong_location_waits_for_a_fix_and_an_existing_park_ignores_it(dialog, inline_runner):
    inline_runner.call(lambda store: store.add_park("已有园区", "service"))
    d = dialog()
    d.use_new.setChecked(True)
    d.park_name.setText("新园区")
    d.template_boxes["003"].setChecked(True)
    d.location.latitude.blockSignals(True)
    d.location.latitude.setText("北纬30度")  # typed before the form looked: said on 创建
    d.location.latitude.blockSignals(False)
    d._update()
    assert d.missing_label.text() == "还需要：改正园区位置"
    d.create()
    assert d.location_error.isVisible() and d.isVisible()
    assert inline_runner.call(lambda store: store.find_park("新园区")) is None
    d.use_existing.setChecked(True)  # another park: the new park's fields do not count
    d.park_combo.setCurrentText("已有园区")
    assert d.ok_button.isEnabled() and d.request().location is None
