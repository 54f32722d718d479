"""Trust in the window: 验证报告 says 冒充风险 for a same-name certificate and offers 信任此证书…;
an appended forged JSON never names the report; a certificate unusable at signing time is
said so; 签名密钥 lists the trusted certificates, trusts a colleague's .crt, stops trusting one,
exports the inspector's own certificate and says why a key cannot sign."""
from __future__ import annotations

import shutil

import pytest
from cryptography import x509
from PySide6.QtWidgets import QMessageBox

from inspection.report import build_report
from inspection.signing.keys import create_signing_key, load_signing_key
from inspection.signing.pades import sign_pdf
from inspection.signing.trust import trust_certificate, trusted_certificates
from inspection.store import open_store
from tests.inspection.certificate_data import hostile, sign_directly, write_crt, write_p12
from tests.inspection.report_data import fill_inspection
from tests.inspection.test_verify import _forge_results
from ui.reports.key_dialog import SigningKeyDialog, remember_key_path
from ui.reports.verify_dialog import VerifyDialog

PASSWORD = "trust-ui-1"


@pytest.fixture
def office(tmp_path, data_dir):
    """李四's genuine certificate trusted on this laptop; reports by 李四, by a forger using
    the same name, and by a stranger."""
    store = open_store(tmp_path / "other", actor="李四")
    unsigned = build_report(store.snapshot(fill_inspection(store, photos=0)),
                            tmp_path / "unsigned.pdf", data_dir=store.data_dir)
    store.close()
    keys = data_dir / "keys"
    made = {"keys": keys, "unsigned": unsigned, "tmp": tmp_path}
    for who, name in (("genuine", "李四"), ("forger", "李四"), ("stranger", "赵六")):
        key = create_signing_key(name=name, organisation="金山区经济委员会", password=PASSWORD,
                                 out=tmp_path / f"{who}.p12")
        made[f"{who}_crt"] = key.with_suffix(".crt")
        made[who] = sign_pdf(unsigned, key=load_signing_key(key, PASSWORD),
                             out=tmp_path / f"{who}.pdf").path
    trust_certificate(x509.load_pem_x509_certificate(made["genuine_crt"].read_bytes()), keys)
    return made


def shown(qtbot, runner, data_dir, path):
    dialog = VerifyDialog(runner, data_dir)
    qtbot.addWidget(dialog)
    dialog.check(path)
    return dialog


def test_a_same_name_certificate_is_shown_as_impersonation(qtbot, inline_runner, data_dir,
                                                         office):
    dialog = shown(qtbot, inline_runner, data_dir, office["forger"])
    assert dialog.result_verdict.level == "bad"
    assert dialog.result_verdict.headline.startswith("冒充风险")
    assert dialog.fields["identity"].text().startswith("冒充风险")
    assert not dialog.fields["fingerprint"].isHidden()
    assert not dialog.trust_button.isHidden()  # a colleague's new key: trusted after a check
    genuine = shown(qtbot, inline_runner, data_dir, office["genuine"])
    assert genuine.result_verdict.level == "good" and genuine.trust_button.isHidden()


def test_trusting_the_signer_from_the_verify_dialog(qtbot, inline_runner, data_dir, office):
    dialog = shown(qtbot, inline_runner, data_dir, office["stranger"])
    assert dialog.result_verdict.level == "caution" and not dialog.trust_button.isHidden()
    dialog.trust_button.click()
    question = dialog.question
    assert question is not None and "赵六" in question.text()
    assert dialog.verification.fingerprint[:4].upper() in question.informativeText()
    trust = next(b for b in question.buttons()
                 if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    trust.click()
    assert dialog.result_verdict.level == "good"  # verified again, now trusted
    assert any(e.name == "赵六" for e in trusted_certificates(office["keys"]))


def test_cancelling_the_question_trusts_nothing(qtbot, inline_runner, data_dir, office):
    dialog = shown(qtbot, inline_runner, data_dir, office["forger"])
    dialog.trust_button.click()
    assert "同名" in dialog.question.informativeText()  # the warning comes first
    dialog.question.button(QMessageBox.StandardButton.Cancel).click()
    assert len(trusted_certificates(office["keys"])) == 1
    assert dialog.result_verdict.headline.startswith("冒充风险")


def test_a_forged_json_appended_after_signing_never_names_the_report(qtbot, inline_runner,
                                                                     data_dir, office):
    forged = office["tmp"] / "forged.pdf"
    shutil.copyfile(office["genuine"], forged)
    _forge_results(forged, number="YQJC-2099-9999", park="伪造园区")
    dialog = shown(qtbot, inline_runner, data_dir, forged)
    assert dialog.result_verdict.level == "bad"
    assert "替换了报告附带的检查结果数据" in dialog.explanation.text()
    assert dialog.fields["park"].text() == "星河智造小微企业园"
    assert "2099" not in dialog.fields["report"].text()
    assert "替换了附带的检查结果数据" in dialog.fields["coverage"].text()


def test_a_certificate_expired_at_signing_time_is_said_so(qtbot, inline_runner, data_dir,
                                                          office):
    key, certificate = hostile("expired")
    pdf = sign_directly(office["unsigned"], office["tmp"] / "expired.pdf", key, certificate)
    dialog = shown(qtbot, inline_runner, data_dir, pdf)
    assert dialog.result_verdict.headline == "签名证书在签署时不可用"
    assert "签署时不可用" in dialog.fields["validity"].text()
    assert "过期" in dialog.fields["problems"].text()


def key_dialog(qtbot, inline_runner, prefs, data_dir):
    dialog = SigningKeyDialog(inline_runner, prefs, data_dir)
    qtbot.addWidget(dialog)
    return dialog


def test_the_key_dialog_lists_own_keys_and_trusted_certificates(qtbot, inline_runner, prefs,
                                                                data_dir, office):
    own = create_signing_key(name="张三", organisation="金山区经委", password=PASSWORD,
                             out=office["keys"] / "zhangsan.p12")
    remember_key_path(prefs, own)
    dialog = key_dialog(qtbot, inline_runner, prefs, data_dir)
    table = dialog.trusted.table
    names = [table.topLevelItem(i).text(0) for i in range(table.topLevelItemCount())]
    assert names == ["张三（本机密钥）", "李四"]
    table.topLevelItem(0).setSelected(True)
    assert not dialog.trusted.remove_button.isEnabled()  # never untrust an own key here
    table.clearSelection()
    table.topLevelItem(1).setSelected(True)
    assert dialog.trusted.remove_button.isEnabled()
    dialog.trusted.remove(dialog.trusted.selected())
    assert [e.name for e in trusted_certificates(office["keys"])] == ["张三"]
    assert dialog.trusted.table.topLevelItemCount() == 1


def test_trusting_a_colleague_s_certificate_file(qtbot, inline_runner, prefs, data_dir, office):
    dialog = key_dialog(qtbot, inline_runner, prefs, data_dir)
    dialog.trusted.ask_to_trust(office["stranger_crt"])
    question = dialog.trusted.question
    assert question is not None and "赵六" in question.text()
    next(b for b in question.buttons()
         if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    names = {dialog.trusted.table.topLevelItem(i).text(0)
             for i in range(dialog.trusted.table.topLevelItemCount())}
    assert names == {"李四", "赵六"}
    # A same-name certificate is trusted only through a warning.
    dialog.trusted.ask_to_trust(office["forger_crt"])
    assert "同名" in dialog.trusted.question.informativeText()


def test_a_weak_certificate_is_never_offered_for_trust(qtbot, inline_runner, prefs, data_dir,
                                                       office, monkeypatch):
    _, certificate = hostile("rsa_1024")
    path = write_crt(office["tmp"] / "weak.crt", certificate)
    errors = []
    monkeypatch.setattr("ui.reports.trusted_panel.report_error",
                        lambda exc, *args, **kwargs: errors.append(exc))
    dialog = key_dialog(qtbot, inline_runner, prefs, data_dir)
    dialog.trusted.ask_to_trust(path)
    assert dialog.trusted.question is None and errors and "1024" in str(errors[0])


def test_a_key_that_cannot_sign_says_why_and_the_certificate_can_be_exported(
        qtbot, inline_runner, prefs, data_dir, tmp_path, monkeypatch):
    key, certificate = hostile("rsa_1024")
    p12 = write_p12(tmp_path / "weak.p12", key, certificate)
    write_crt(tmp_path / "weak.crt", certificate)  # the certificate beside the key, as usual
    remember_key_path(prefs, p12)
    dialog = key_dialog(qtbot, inline_runner, prefs, data_dir)
    assert not dialog.fields["problems"].isHidden() and "1024" in dialog.fields["problems"].text()
    target = tmp_path / "export" / "mine.crt"
    target.parent.mkdir()
    monkeypatch.setattr("ui.reports.key_dialog.save_file", lambda *args, **kwargs: target)
    dialog.export_certificate()
    assert x509.load_pem_x509_certificate(target.read_bytes()) == certificate
    assert b"PRIVATE" not in target.read_bytes()


@pytest.mark.parametrize("where", ["the database", "a new file in the data folder"])
def test_the_certificate_is_never_exported_into_the_data_folder(qtbot, inline_runner, prefs,
                                                                data_dir, tmp_path, where,
                                                                monkeypatch):
    from inspection.store import open_store

    open_store(data_dir).close()
    key = create_signing_key(name="张三", organisation="金山区经委", password=PASSWORD,
                             out=tmp_path / "mine.p12")
    remember_key_path(prefs, key)
    database = (data_dir / "inspections.db").read_bytes()
    target = data_dir / ("inspections.db" if where == "the database" else "mine.crt")
    errors = []
    monkeypatch.setattr("ui.reports.key_dialog.save_file", lambda *args, **kwargs: target)
    monkeypatch.setattr("ui.reports.key_dialog.report_error",
                        lambda exc, *args, **kwargs: errors.append(exc))
    dialog = key_dialog(qtbot, inline_runner, prefs, data_dir)
    dialog.export_certificate()
    assert errors and "数据文件夹" in str(errors[0])
    assert (data_dir / "inspections.db").read_bytes() == database
    assert not (data_dir / "mine.crt").exists()
