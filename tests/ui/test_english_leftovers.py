"""English texts the trial found half Chinese: lists joined with 、, full-width brackets, a
signer's role in the plural, counts in a plural that does not agree, and the shortcut sheet
naming a result differently from its button."""
from __future__ import annotations

import pytest

from inspection.model import SignerRole
from ui.app import configure_application
from ui.base.i18n import bracketed, join_list, result_label, tr
from ui.home.new_inspection import NewInspectionDialog
from ui.reports.signatures_dialog import role_label


@pytest.fixture
def english(qapp, prefs):
    prefs.language = "en"
    configure_application(qapp, prefs)
    yield prefs
    prefs.language = "zh_CN"
    configure_application(qapp, prefs)


def test_lists_and_brackets_follow_the_language(english):
    assert join_list(["choose a park", "choose templates"]) == "choose a park, choose templates"
    assert bracketed("Photos", "30") == "Photos (30)"


def test_the_new_inspection_dialog_lists_what_is_missing_in_english(qtbot, english,
                                                                   inline_runner):
    dialog = NewInspectionDialog(inline_runner, english)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "、" not in dialog.missing_label.text() and ", " in dialog.missing_label.text()


def test_a_signers_role_is_singular_and_counts_read_right(english):
    assert role_label(SignerRole.INSPECTOR) == "Inspector"
    assert tr("还缺 {0} 个签名：{1}").format(1, "A") == "Signatures missing (1): A"
    assert tr("未完成整改 {0} 项").format(1) == "Open findings: 1"


def test_the_shortcut_sheet_names_results_as_the_buttons_do(english):
    sheet = tr("记录结果（符合、基本符合、不符合、不适用；行动项为各状态）")
    assert result_label("partial").lower() in sheet.lower()
    assert "partly" not in sheet
