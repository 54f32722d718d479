"""Translations: every tr() string of the windows has an English translation, the compiled
.qm matches the .ts, and choosing English really shows English."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from resources import resource_path
from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture
from ui.app import configure_application
from ui.base.i18n import park_type_label, split_names, star_glyphs, star_level_label, status_label

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("i18n", "park_inspector_en.ts")
BIN = Path(sys.executable).parent


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(c.findtext("name") or "", m.findtext("source"), m.find("translation"))
            for c in root.iter("context") for m in c.iter("message")]


def test_every_string_has_a_finished_english_translation():
    found = messages(TS)
    assert len(found) > 100
    unfinished = [f"{ctx}: {src}" for ctx, src, tr in found
                  if tr is None or tr.get("type") or not (tr.text or "").strip()]
    assert not unfinished, "\n".join(unfinished)
    # an English translation has no Chinese left in it (except the 、 it tells people to type)
    chinese = [f"{ctx}: {tr.text}" for ctx, src, tr in found
               if any("\u4e00" <= ch <= "\u9fff" for ch in tr.text)]
    assert not chinese, "\n".join(chinese)


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="pyside6-lupdate missing")
def test_the_ts_holds_every_string_of_the_windows(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), *sorted(str(p) for p in ROOT.glob("ui/**/*.py")),
                    "-ts", str(fresh)], check=True, capture_output=True)
    committed = {src for _ctx, src, _tr in messages(TS)}
    missing = sorted({src for _ctx, src, _tr in messages(fresh)} - committed)
    assert not missing, "run scripts/update_translations.sh:\n" + "\n".join(missing)


@pytest.mark.skipif(not (BIN / "pyside6-lrelease").exists(), reason="pyside6-lrelease missing")
def test_the_committed_qm_is_compiled_from_the_ts(tmp_path):
    shutil.copy(TS, tmp_path / "en.ts")
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(tmp_path / "en.ts"),
                    "-qm", str(tmp_path / "en.qm")], check=True)
    assert (tmp_path / "en.qm").read_bytes() == resource_path(
        "i18n", "park_inspector_en.qm").read_bytes()


def test_english_shows_in_the_main_window(qapp, prefs, make_window, inline_runner):
    prefs.language = "en"
    configure_application(qapp, prefs)
    try:
        window = make_window(inline_runner)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles == ["&File", "&Edit", "&Inspection", "&Photos", "&Report", "&Office", "&View", "&Tools",
                          "&Help"]
        assert window.windowTitle() == "Park Inspector"
        assert window.new_action.text() == "New inspection…"
        assert window.home.welcome.new_button.text().startswith("New inspection\n")
        assert window.home.model.headerData(0, Qt.Orientation.Horizontal) == "Park"
        assert status_label("draft") == "Draft"
        assert park_type_label("service") == "Producer services and other"
        assert star_level_label(3) == "Three stars"
        box = QMessageBox()
        assert box.addButton(QMessageBox.StandardButton.Cancel).text() == "Cancel"
    finally:
        prefs.language = "zh_CN"
        configure_application(qapp, prefs)


def test_chinese_is_the_default_including_qt_own_buttons(qapp, prefs):
    assert prefs.language == "zh_CN"
    assert status_label("in_progress") == "检查中"
    box = QMessageBox()
    assert box.addButton(QMessageBox.StandardButton.Cancel).text() == "取消"


def test_names_and_stars():
    assert split_names("张三、李四, 王五；赵六\n") == ["张三", "李四", "王五", "赵六"]
    assert split_names(" 、 ") == []
    assert star_glyphs(3) == "★★★☆☆"


def test_qts_own_file_dialog_speaks_chinese_in_the_chinese_window(qapp, prefs, tmp_path):
    """Qt 6's file dialog labels are missing from Qt's zh_CN catalogue: ui/base/qt_gaps.py."""
    import re

    from PySide6.QtWidgets import QFileDialog, QLabel

    (tmp_path / "照片").mkdir()
    prefs.language = "zh_CN"
    configure_application(qapp, prefs)
    dialog = QFileDialog(None, "添加照片", str(tmp_path), "照片 (*.jpg);;所有文件 (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    qapp.processEvents()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    english = [text for text in labels.values() if re.search(r"[A-Za-z]{3,}", text)]
    assert not english, english
    dialog.close()


def test_the_qt_gaps_translator_leaves_every_other_text_alone(qapp, prefs):
    from PySide6.QtCore import QCoreApplication

    prefs.language = "zh_CN"
    configure_application(qapp, prefs)
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"
    assert QCoreApplication.translate("QFileDialog", "Back") == "后退"  # Qt's catalogue
