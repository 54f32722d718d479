"""The template screens: import (tree and every problem by row, then import), the manager
(edition, source, status; retire, restore), the preview in 新建检查, and the edition change."""
from __future__ import annotations

import docx
from openpyxl import load_workbook
from PySide6.QtWidgets import QTextBrowser

from checklists.editions import compare_editions
from checklists.exchange import write_xlsx
from checklists.library import builtin_templates
from tests.inspection.test_template_store import NEW_004, edition_of_004
from ui.dialogs.template_editions import ChangeEditionDialog, RevisitEditionsDialog
from ui.dialogs.template_import import TemplateImportDialog
from ui.dialogs.template_manager import TemplateManagerDialog
from ui.home.new_inspection import NewInspectionDialog


def new_edition_sheet(tmp_path):
    path = write_xlsx(builtin_templates()["004"], tmp_path / "004-2025.xlsx")
    book = load_workbook(path)
    for row in book["模板信息"].iter_rows(min_row=2):
        if row[0].value == "文件编号":
            row[1].value = "T/YNIPA 001—2025"
        if row[0].value == "版本":
            row[1].value = "2025"
    book.save(path)
    return path


def test_the_import_dialog_shows_the_tree_then_imports(qtbot, inline_runner, tmp_path):
    dialog = TemplateImportDialog(inline_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_button.isEnabled()
    dialog.read(new_edition_sheet(tmp_path))
    assert dialog.import_button.isEnabled()
    assert dialog.tree.topLevelItemCount() == 4  # chapters 4–7
    assert dialog.tree.topLevelItem(0).text(0) == "4"
    assert "T/YNIPA 001—2025" in dialog.summary.text() and "版本 2025" in dialog.summary.text()
    assert dialog.problems_title.text() == "问题：无"
    with qtbot.waitSignal(dialog.imported) as imported:
        dialog.import_button.click()
    template_id = imported.args[0]
    assert inline_runner.call(lambda store: store.imported_template_ids()) == [template_id]


def test_the_import_dialog_lists_every_problem_and_imports_nothing(qtbot, inline_runner,
                                                                   tmp_path):
    path = write_xlsx(builtin_templates()["000"], tmp_path / "bad.xlsx")
    book = load_workbook(path)
    book["条目"]["B3"].value = None
    book["条目"]["A5"].value = "9-9-9"
    book.save(path)
    dialog = TemplateImportDialog(inline_runner)
    qtbot.addWidget(dialog)
    dialog.read(path)
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == ["第 3 行：标题为空", "第 5 行：上级条目“9-9”不存在"]
    assert not dialog.import_button.isEnabled() and "有 2 处问题" in dialog.summary.text()
    word = tmp_path / "word.xlsx"
    document = docx.Document()
    document.add_paragraph("4.1 要求。")
    document.save(word)
    dialog.read(word)
    assert "内容是 Word 文档" in dialog.problems.item(0).text()
    assert inline_runner.call(lambda store: store.imported_template_ids()) == []


def test_the_manager_lists_editions_and_retires(qtbot, inline_runner):
    new = edition_of_004("2025", **NEW_004)
    inline_runner.call(lambda store: store.import_template(new))
    dialog = TemplateManagerDialog(inline_runner)
    qtbot.addWidget(dialog)
    rows = {dialog.table.item(r, 0).text(): [dialog.table.item(r, c).text() for c in range(8)]
            for r in range(dialog.table.rowCount())}
    assert rows["004"][3] == "2023" and rows["004"][4] == "内置"
    assert rows[new.id][3] == "2025" and rows[new.id][4].startswith("导入")
    dialog.table.selectRow(list(rows).index("004"))
    assert dialog.preview.topLevelItemCount() == 4
    with qtbot.waitSignal(dialog.changed):
        dialog.runner.db(lambda store: store.retire_template("004"), dialog._changed)
    assert dialog.table.item(list(rows).index("004"), 7).text() == "已停用"
    assert dialog.retire_button.text() == "重新启用"


def test_new_inspection_offers_no_retired_template_and_previews_one(qtbot, inline_runner,
                                                                    prefs):
    inline_runner.call(lambda store: store.retire_template("003"))
    dialog = NewInspectionDialog(inline_runner, prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "003" not in dialog.template_boxes and "004" in dialog.template_boxes
    assert not dialog.preview.isVisible()
    height = dialog.height()
    dialog.show_preview("000")
    assert dialog.preview.isVisible() and dialog.preview.topLevelItemCount() == 6
    assert dialog.height() == height  # its place was kept: the dialog does not grow
    assert "长三角开发区营商环境建设标准（99 项）" in dialog.preview_title.text()
    assert not dialog.template_boxes["000"].isChecked()  # previewing does not choose


def test_edition_dialogs_show_what_changed(qtbot, inline_runner):
    new = edition_of_004("2025", **NEW_004)
    inline_runner.call(lambda store: store.import_template(new))
    changes = compare_editions(builtin_templates()["004"], new)
    dialog = ChangeEditionDialog(changes)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "新增 1 项" in text and "4.8" in text and "删除 1 项" in text and "4.6" in text
    assert "文字有改动 1 项" in text and "答案带入新版本" in text
    revisit = RevisitEditionsDialog("星河园", {"004": [new], "000": []}, "说明")
    qtbot.addWidget(revisit)
    assert revisit.editions() == {"004": new.id}
    revisit.boxes["004"][0].setChecked(False)
    assert revisit.editions() == {}
