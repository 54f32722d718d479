"""The settings dialog: every preference is saved on OK and read back by a fresh Preferences."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from ui.base.preferences import Preferences
from ui.dialogs.settings_dialog import SettingsDialog


def ok(dialog: SettingsDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_settings_are_saved_and_read_back(qtbot, prefs, data_dir, tmp_path):
    dialog = SettingsDialog(prefs, data_dir_in_use=data_dir)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "张三"
    assert dialog.organisation.text() == "金山区经委"
    assert dialog.photo_size.currentData() == "medium"
    assert dialog.language.currentData() == "zh_CN"
    assert dialog.auto_advance.isChecked()
    assert not dialog.language_note.isVisibleTo(dialog)

    dialog.name.setText("李四")
    dialog.organisation.setText("嘉定区经委")
    dialog.title.setText("高级检查员")
    elsewhere = tmp_path / "elsewhere"
    dialog.data_dir.setText(str(elsewhere))
    assert "重新启动" in dialog.data_note.text()
    dialog.photo_size.setCurrentIndex(dialog.photo_size.findData("small"))
    assert dialog.photo_size.currentText() == "小（每页 4 张照片）"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.language_note.isVisibleTo(dialog)
    assert "重新启动" in dialog.language_note.text()
    dialog.auto_advance.setChecked(False)
    ok(dialog)

    again = Preferences(QSettings(prefs.qsettings.fileName(), QSettings.Format.IniFormat))
    assert again.inspector_name == "李四"
    assert again.organisation == "嘉定区经委"
    assert again.title == "高级检查员"
    assert again.data_dir == elsewhere
    assert again.report_photo_size == "small"
    assert again.language == "en"
    assert again.auto_advance is False
    # the inspection page reads the same key
    assert again.qsettings.value("ui/auto_advance", True, type=bool) is False


def test_cancel_changes_nothing(qtbot, prefs, data_dir):
    dialog = SettingsDialog(prefs, data_dir_in_use=data_dir)
    qtbot.addWidget(dialog)
    dialog.name.setText("王五")
    dialog.auto_advance.setChecked(False)
    dialog.reject()
    assert prefs.inspector_name == "张三"
    assert prefs.auto_advance is True


def test_browse_chooses_the_data_folder(qtbot, prefs, data_dir, tmp_path, monkeypatch):
    dialog = SettingsDialog(prefs, data_dir_in_use=data_dir)
    qtbot.addWidget(dialog)
    assert str(data_dir) in dialog.data_note.text()  # what is in use now
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory",
                        lambda *args: str(tmp_path / "chosen"))
    dialog.browse_data_dir()
    assert dialog.data_dir.text() == str(tmp_path / "chosen")
    assert "重新启动" in dialog.data_note.text()


def test_settings_fit_a_700_pixel_screen_with_every_note_shown(qtbot, prefs, data_dir,
                                                               tmp_path):
    """Changing the language shows the restart note: the dialog grew to 725 px once, taller
    than a 1024×700 screen (its title bar needs about 30 px more)."""
    dialog = SettingsDialog(prefs, data_dir_in_use=tmp_path / "another")  # a second note
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.hub_note.setText("rev@/tmp/trial3/hub-data/socket:54357/park_hub")
    assert dialog.language_note.isVisibleTo(dialog) and dialog.data_note.isVisibleTo(dialog)
    qtbot.wait(50)
    assert dialog.height() <= 660 and dialog.sizeHint().height() <= 660
    assert dialog.width() <= 1000
