"""Signing keys, and issuing a signed report: all or nothing, locking, reopening."""
import hashlib
import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from reportlab.pdfgen.canvas import Canvas

from inspection.model import Status
from inspection.report import Cancelled, NotAPdf, NotAReport, ReportError, build_report, read_attached_results
from inspection.signing.issue import issue_report, report_file_name
from inspection.signing.pades import (
    AlreadySigned,
    BadKeyFile,
    KeyExists,
    KeyFileMissing,
    WrongPassword,
    create_signing_key,
    import_signing_key,
    known_certificates,
    load_signing_key,
    sign_pdf,
)
from inspection.signing.verify import verify_pdf
from inspection.store import InspectionChanged, InspectionLocked
from tests.inspection.report_data import fill_inspection

PASSWORD = "正确的密码-2026"


@pytest.fixture(scope="module")
def key_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("keys") / "zhangsan.p12"
    return create_signing_key(name="张三", organisation="金山区经济委员会", password=PASSWORD,
                              out=out, title="检查员")


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_new_key_is_a_self_signed_p256_certificate_for_the_signer(key_file):
    key, certificate, _ = pkcs12.load_key_and_certificates(key_file.read_bytes(),
                                                           PASSWORD.encode())
    assert isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1"
    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "张三"
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "金山区经济委员会"
    assert certificate.issuer == subject
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    years = (certificate.not_valid_after_utc - certificate.not_valid_before_utc).days / 365
    assert 4.9 < years < 5.1
    assert certificate.not_valid_before_utc < datetime.now(UTC) + timedelta(minutes=1)


def test_password_is_stored_nowhere(key_file):
    folder = key_file.parent
    for path in folder.iterdir():
        data = path.read_bytes()
        assert PASSWORD.encode() not in data and PASSWORD.encode("utf-16-be") not in data


def test_certificate_is_written_beside_the_key(key_file):
    assert known_certificates(key_file.parent)[0].subject.rfc4514_string().count("张三") == 1


def test_a_key_file_is_described_from_its_certificate_without_the_password(key_file, tmp_path):
    from inspection.signing.keys import describe_key_file

    described, opened = describe_key_file(key_file), load_signing_key(key_file, PASSWORD)
    assert described is not None and described.private_key is None
    for name in ("path", "name", "organisation", "title", "fingerprint", "not_before",
                 "not_after"):
        assert getattr(described, name) == getattr(opened, name)
    assert describe_key_file(tmp_path / "nothing.p12") is None
    lone = tmp_path / "lone.p12"  # a key file with no certificate beside it
    lone.write_bytes(key_file.read_bytes())
    assert describe_key_file(lone) is None
    lone.with_suffix(".crt").write_text("not a certificate", encoding="utf-8")
    assert describe_key_file(lone) is None


@pytest.mark.parametrize("password", ["", "wrong-password", PASSWORD + " ", PASSWORD[:-1]])
def test_wrong_password_is_refused_plainly(key_file, password):
    with pytest.raises(WrongPassword, match="密码不正确"):
        load_signing_key(key_file, password)


def test_missing_and_bad_key_files(tmp_path):
    with pytest.raises(KeyFileMissing, match="找不到签名密钥文件"):
        load_signing_key(tmp_path / "nobody.p12", PASSWORD)
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"%PDF-1.4 not a key")
    with pytest.raises(BadKeyFile, match="不是有效的签名密钥文件"):
        load_signing_key(junk, PASSWORD)


def test_creating_a_key_never_overwrites_one(key_file):
    with pytest.raises(KeyExists):
        create_signing_key(name="李四", organisation="某单位", password=PASSWORD, out=key_file)
    assert load_signing_key(key_file, PASSWORD).name == "张三"


def test_import_checks_the_password_first(key_file, tmp_path):
    keys = tmp_path / "keys"
    with pytest.raises(WrongPassword):
        import_signing_key(key_file, "wrong-password", keys)
    assert not keys.exists() or not any(keys.iterdir())
    copied = import_signing_key(key_file, PASSWORD, keys)
    assert copied.parent == keys and copied.read_bytes() == key_file.read_bytes()
    assert import_signing_key(key_file, PASSWORD, keys) == copied
    assert len(known_certificates(keys)) == 1


def test_issue_signs_stores_records_and_locks(store, key_file, tmp_path):
    inspection_id = fill_inspection(store, photos=2)
    out = issue_report(store, inspection_id, key_path=key_file, password=PASSWORD,
                       out=tmp_path / "signed.pdf")
    inspection = store.inspection(inspection_id)
    assert inspection.status is Status.SIGNED
    (record,) = store.reports(inspection_id)
    assert record.path == f"reports/{report_file_name(inspection)}"  # moves with the folder
    stored = record.file(store.data_dir)
    assert stored == store.data_dir.reports / report_file_name(inspection)
    assert record.signed and record.signer == "张三" and record.sha256 == sha(stored) == sha(out)
    result = verify_pdf(out)
    assert result.ok and result.signer == "张三" and not result.trusted
    fresh = store.snapshot(inspection_id)
    from inspection.results import inspection_results
    from inspection.results_data import inspection_dict
    assert read_attached_results(out) == inspection_dict(fresh, inspection_results(fresh))
    assert list(store.data_dir.reports.glob(".*")) == [] and list(tmp_path.glob(".*")) == []
    cover = subprocess.run(["pdftotext", "-l", "1", str(out), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert "已签署（数字签名）" in cover.replace(" ", "")


def test_edits_after_signing_are_refused(store, key_file):
    inspection_id = fill_inspection(store, photos=0)
    issue_report(store, inspection_id, key_path=key_file, password=PASSWORD)
    with pytest.raises(InspectionLocked):
        store.save_answer(inspection_id, "000", "1-1-1", result="fail")
    with pytest.raises(InspectionLocked):
        issue_report(store, inspection_id, key_path=key_file, password=PASSWORD)


def test_reopen_and_sign_again_leaves_the_first_report_untouched(store, key_file):
    inspection_id = fill_inspection(store, photos=1)
    first = issue_report(store, inspection_id, key_path=key_file, password=PASSWORD)
    first_hash = sha(first)
    store.reopen(inspection_id, reason="补充整改期限")
    store.save_answer(inspection_id, "000", "1-1-1", result="partial", note="复核后调整")
    second = issue_report(store, inspection_id, key_path=key_file, password=PASSWORD)
    assert second != first and sha(first) == first_hash
    assert [r.revision for r in store.reports(inspection_id)] == [1, 2]
    assert verify_pdf(first).ok and verify_pdf(second).ok
    assert read_attached_results(second)["inspection"]["revision"] == 2
    assert read_attached_results(first)["inspection"]["revision"] == 1


def _assert_nothing_changed(store, inspection_id, status, out: Path | None = None):
    assert store.reports(inspection_id) == []
    assert store.inspection(inspection_id).status is status
    assert list(store.data_dir.reports.iterdir()) == []
    if out is not None:
        assert not out.exists() and list(out.parent.glob(f".{out.name}*")) == []


@pytest.mark.parametrize("case", ["wrong password", "missing key", "not a key"])
def test_bad_key_changes_nothing(store, key_file, tmp_path, case):
    inspection_id = fill_inspection(store, photos=0)
    status = store.inspection(inspection_id).status
    key, password = key_file, PASSWORD
    if case == "wrong password":
        password, error = "wrong-password", WrongPassword
    elif case == "missing key":
        key, error = tmp_path / "missing.p12", KeyFileMissing
    else:
        key, error = tmp_path / "notes.txt", BadKeyFile
        key.write_text("不是密钥", encoding="utf-8")
    out = tmp_path / "out.pdf"
    with pytest.raises(error):
        issue_report(store, inspection_id, key_path=key, password=password, out=out)
    _assert_nothing_changed(store, inspection_id, status, out)


def test_cancel_while_issuing_changes_nothing(store, key_file, tmp_path):
    inspection_id = fill_inspection(store, photos=2)
    status = store.inspection(inspection_id).status
    calls = []
    out = tmp_path / "out.pdf"
    with pytest.raises(Cancelled):
        issue_report(store, inspection_id, key_path=key_file, password=PASSWORD, out=out,
                     progress=lambda *a: calls.append(a), should_cancel=lambda: len(calls) > 3)
    _assert_nothing_changed(store, inspection_id, status, out)


def test_failure_when_recording_removes_the_files(store, key_file, tmp_path, monkeypatch):
    inspection_id = fill_inspection(store, photos=0)
    status = store.inspection(inspection_id).status

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store, "mark_signed", broken)
    out = tmp_path / "out.pdf"
    with pytest.raises(ReportError, match="disk full"):
        issue_report(store, inspection_id, key_path=key_file, password=PASSWORD, out=out)
    monkeypatch.undo()
    _assert_nothing_changed(store, inspection_id, status, out)


@pytest.mark.parametrize("edit", ["caption", "answer"])
def test_an_edit_while_signing_is_not_locked_unseen(store, key_file, tmp_path, edit):
    # An edit that lands while the report is built (the program's photo import, the CLI) is
    # not in the signed report: signing refuses, and the edit stays, editable.
    inspection_id = fill_inspection(store, photos=1)
    photo = store.photos(inspection_id)[0]
    edited = []

    def progress(done, total, message):
        if not edited:
            edited.append(True)
            if edit == "caption":
                store.set_caption(photo.id, "签署期间改的说明")
            else:
                store.save_answer(inspection_id, "000", "1-1-1", note="签署期间补的备注")

    out = tmp_path / "out.pdf"
    with pytest.raises(InspectionChanged, match="重新签署"):
        issue_report(store, inspection_id, key_path=key_file, password=PASSWORD, out=out,
                     progress=progress)
    _assert_nothing_changed(store, inspection_id, Status.IN_PROGRESS, out)
    assert "sign_report" not in [e["action"] for e in store.audit_entries(inspection_id)]
    issue_report(store, inspection_id, key_path=key_file, password=PASSWORD, out=out)
    attached = read_attached_results(out)
    if edit == "caption":
        assert attached["photos"][0]["caption"] == "签署期间改的说明"
    else:
        notes = [a["note"] for a in attached["answers"] if a["code"] == "1-1-1"]
        assert notes and notes[0].endswith("签署期间补的备注")


def test_mark_signed_refuses_a_stale_snapshot(store):
    inspection_id = fill_inspection(store, photos=0)
    seen = store.inspection(inspection_id).updated_at
    store.save_answer(inspection_id, "000", "1-1-1", note="later")
    with pytest.raises(InspectionChanged):
        store.mark_signed(inspection_id, path="r.pdf", sha256="0" * 64, signer="张三",
                          updated_at=seen)
    assert store.reports(inspection_id) == [] and not store.inspection(inspection_id).locked


def test_only_reports_are_signed_and_only_once(store, key_file, tmp_path):
    key = load_signing_key(key_file, PASSWORD)
    plain = tmp_path / "plain.pdf"
    canvas = Canvas(str(plain))
    canvas.drawString(100, 100, "plain")
    canvas.save()
    before = sha(plain)
    with pytest.raises(NotAReport):
        sign_pdf(plain, key=key)
    assert sha(plain) == before
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(NotAPdf):
        sign_pdf(text, key=key)
    inspection_id = fill_inspection(store, photos=0)
    report = build_report(store.snapshot(inspection_id), tmp_path / "r.pdf",
                          data_dir=store.data_dir)
    signed = sign_pdf(report, key=key, out=tmp_path / "signed.pdf")
    with pytest.raises(AlreadySigned):
        sign_pdf(signed.path, key=key)
    assert verify_pdf(signed.path).ok


def test_every_edit_changes_updated_at_even_within_one_millisecond(store):
    inspection_id = fill_inspection(store, photos=0)
    seen = {store.inspection(inspection_id).updated_at}
    for n in range(30):  # far faster than one per millisecond
        store.save_answer(inspection_id, "000", "1-1-1", note=str(n))
        stamp = store.inspection(inspection_id).updated_at
        assert stamp not in seen
        seen.add(stamp)


def _stamp_page_text(pdf: Path) -> str:
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout)[1])
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        if "签署人：" in text:
            return text
    return ""


@pytest.mark.parametrize("organisation", ["金山区经济委员会", "上海市金山区经济委员会园区发展与企业服务中心" * 2])
def test_the_stamp_shows_the_signer_in_chinese_with_embedded_fonts(store, tmp_path, organisation):
    # The stamp is drawn by reportlab (no per-signature font subsetting by pyHanko): its text
    # is real, its font embedded, and a long organisation is shrunk to fit, never cut.
    key_path = create_signing_key(name="张三", organisation=organisation[:64], password=PASSWORD,
                                  out=tmp_path / "k.p12")
    inspection_id = fill_inspection(store, photos=0)
    report = build_report(store.snapshot(inspection_id), tmp_path / "r.pdf",
                          data_dir=store.data_dir)
    signed = sign_pdf(report, key=load_signing_key(key_path, PASSWORD), out=tmp_path / "s.pdf")
    text = _stamp_page_text(signed.path).replace(" ", "")
    assert "签署人：张三" in text and f"单位：{organisation[:64]}" in text.replace("\n", "")
    assert "签署时间：" in text and signed.signed_at.strftime("%Y-%m-%d") in text
    fonts = subprocess.run(["pdffonts", str(signed.path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts  # every font embedded
    assert verify_pdf(signed.path).ok
