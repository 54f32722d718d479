"""验证报告: the headline for a good report, an unknown signer, a tampered copy, content appended
after signing, an unsigned PDF and a file that is no PDF; the flow from the menu."""
from __future__ import annotations

import dataclasses
import re
import shutil

import pytest
from PySide6.QtWidgets import QFileDialog

from inspection.signing.issue import export_report, issue_report
from inspection.signing.keys import create_signing_key
from inspection.signing.verify import verify_pdf
from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture
from tests.ui.test_report_ui import add_inspection
from ui.reports.verify_dialog import VerifyDialog, verdict

PASSWORD = "secret-123"


@pytest.fixture
def reports(inline_runner, data_dir, tmp_path):
    """A report signed with a key of this laptop, one by a stranger, and an unsigned one."""
    keys = data_dir / "keys"
    keys.mkdir(parents=True, exist_ok=True)
    own = create_signing_key(name="张三", organisation="金山区经委", password=PASSWORD,
                             out=keys / "张三.p12")
    stranger = create_signing_key(name="赵六", organisation="外单位", password=PASSWORD,
                                  out=tmp_path / "stranger.p12")
    first = add_inspection(inline_runner)
    second = add_inspection(inline_runner)
    call = inline_runner.call
    good = call(lambda s: issue_report(s, first.id, key_path=own, password=PASSWORD,
                                       out=tmp_path / "good.pdf"))
    unknown = call(lambda s: issue_report(s, second.id, key_path=stranger, password=PASSWORD,
                                          out=tmp_path / "unknown.pdf"))
    call(lambda s: s.reopen(first.id, reason="test"))
    unsigned = call(lambda s: export_report(s, first.id, out=tmp_path / "unsigned.pdf"))
    return {"good": good, "unknown": unknown, "unsigned": unsigned, "tmp": tmp_path}


def tampered(path, out):
    data = bytearray(path.read_bytes())
    start1, length1 = (int(x) for x in re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)",
                                                 data).groups())
    offset = start1 + length1 // 2
    data[offset] = (data[offset] + 1) % 256
    out.write_bytes(data)
    return out


def shown(qtbot, inline_runner, data_dir, path):
    dialog = VerifyDialog(inline_runner, data_dir)
    qtbot.addWidget(dialog)
    dialog.check(path)
    return dialog


def test_a_good_report_signed_with_a_known_key(qtbot, inline_runner, data_dir, reports):
    dialog = shown(qtbot, inline_runner, data_dir, reports["good"])
    assert dialog.result_verdict.level == "good"
    assert dialog.headline.text().endswith("签名有效，文件未被改动")
    assert dialog.fields["signer"].text() == "张三"
    assert dialog.fields["organisation"].text() == "金山区经委"
    assert dialog.fields["report"].text().startswith("YQJC-") and "第 1 版" in \
        dialog.fields["report"].text()
    assert dialog.fields["park"].text() == "星河园"
    assert dialog.fields["coverage"].text() == "整个文件"
    assert dialog.fields["identity"].text().startswith("已核实")
    assert dialog.fields["problems"].text() == "无"
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", dialog.fields["signed_at"].text())


def test_a_stranger_s_self_signed_report_is_intact_but_unverified(qtbot, inline_runner, data_dir,
                                                                  reports):
    dialog = shown(qtbot, inline_runner, data_dir, reports["unknown"])
    assert dialog.result_verdict.level == "caution"
    assert dialog.result_verdict.headline == "文件完整，但签名人身份未经验证（自签名证书）"
    assert "无效" not in dialog.headline.text() + dialog.explanation.text()
    assert dialog.fields["identity"].text().startswith("未核实")


def test_a_tampered_copy_is_said_to_be_altered(qtbot, inline_runner, data_dir, reports):
    path = tampered(reports["good"], reports["tmp"] / "tampered.pdf")
    dialog = shown(qtbot, inline_runner, data_dir, path)
    assert dialog.result_verdict.level == "bad"
    assert dialog.headline.text().endswith("文件已被改动")
    assert dialog.fields["problems"].text().startswith("•")


def test_content_appended_after_signing(reports):
    result = verify_pdf(reports["good"])
    appended = dataclasses.replace(result, covers_whole_file=False)
    found = verdict(appended)
    assert found.level == "bad" and found.headline == "签名之后文件被追加了内容"


def test_an_unsigned_pdf_is_not_a_signed_report(qtbot, inline_runner, data_dir, reports):
    dialog = shown(qtbot, inline_runner, data_dir, reports["unsigned"])
    assert dialog.result_verdict.headline == "不是已签署的报告"
    assert dialog.result_verdict.level == "bad"
    assert dialog.fields["signer"].isHidden() and not dialog.fields["file"].isHidden()


def test_a_file_that_is_no_pdf(qtbot, inline_runner, data_dir, tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("hello", encoding="utf-8")
    dialog = shown(qtbot, inline_runner, data_dir, path)
    assert dialog.result_verdict.level == "bad" and "PDF" in dialog.result_verdict.headline


def test_verify_works_from_the_inspections_list(qtbot, make_window, runner, data_dir, reports,
                                                monkeypatch):
    window = make_window(runner)
    assert window.current_inspection_id is None
    action = window.report_menu.verify_action
    assert action.isEnabled() and window.report_menu.menu.menuAction().isEnabled()
    copy = reports["tmp"] / "copy.pdf"
    shutil.copyfile(reports["good"], copy)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(copy), "PDF 文件 (*.pdf)"))
    action.trigger()
    flow = window.report_menu.dialog
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.result_verdict is not None,
                    timeout=10000)
    assert flow.dialog.result_verdict.headline == "签名有效，文件未被改动"
    flow.dialog.close()


@pytest.fixture
def english(qapp, prefs):
    from ui.app import configure_application

    prefs.language = "en"
    configure_application(qapp, prefs)
    yield prefs
    prefs.language = "zh_CN"
    configure_application(qapp, prefs)


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WORDED = ("signed_at", "coverage", "identity", "validity", "problems")  # not names from the data


def _words(dialog) -> str:
    return "\n".join([dialog.headline.text(), dialog.explanation.text(),
                      *(dialog.fields[key].text() for key in WORDED)])


def test_the_verdict_speaks_english_when_the_window_does(qtbot, inline_runner, data_dir, reports, english):
    appended = reports["tmp"] / "appended.pdf"
    appended.write_bytes(reports["good"].read_bytes() + b"junk\n")
    dialog = shown(qtbot, inline_runner, data_dir, appended)
    assert dialog.result_verdict.level == "bad"
    assert not CJK.search(_words(dialog)), _words(dialog)
    assert dialog.fields["problems"].text() == ("• content was appended to the end of the file after signing"
                                                " (5 bytes)")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d( \(UTC[+-]\d\d:\d\d\))?",
                        dialog.fields["signed_at"].text())
    other = shown(qtbot, inline_runner, data_dir, reports["unknown"])
    assert other.result_verdict.level == "caution" and not CJK.search(_words(other)), _words(other)
    broken = shown(qtbot, inline_runner, data_dir, tampered(reports["good"], reports["tmp"] / "t.pdf"))
    assert broken.fields["problems"].text() == ("• changed after signing (the signature does not match the"
                                                " content)")
    unsigned = shown(qtbot, inline_runner, data_dir, reports["unsigned"])
    assert not CJK.search(unsigned.fields["problems"].text() + unsigned.headline.text())
