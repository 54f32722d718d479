"""Certificates that may not sign (issue 10, item 9): each hostile class is refused at import and
at signing with its reason, and verify reports a certificate's validity at the signing time."""
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID

from inspection.cli import main as cli
from inspection.report import build_report
from inspection.signing.certificates import UnusableCertificate, certificate_problems
from inspection.signing.issue import issue_report
from inspection.signing.keys import import_signing_key, load_signing_key
from inspection.signing.pades import sign_pdf
from inspection.signing.trust import trust_certificate
from inspection.signing.verify import Outcome, verify_pdf
from inspection.store import open_store
from tests.inspection.certificate_data import (
    HOSTILE,
    PASSWORD,
    REASONS,
    hostile,
    make_certificate,
    sign_directly,
    write_p12,
)
from tests.inspection.report_data import fill_inspection


@pytest.fixture(scope="module")
def unsigned(tmp_path_factory):
    """An unsigned report of a filled inspection (and its data folder)."""
    root = tmp_path_factory.mktemp("certificates")
    store = open_store(root / "data", actor="张三")
    inspection_id = fill_inspection(store, photos=0)
    pdf = build_report(store.snapshot(inspection_id), root / "unsigned.pdf",
                       data_dir=store.data_dir)
    store.close()
    return pdf


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_certificate_is_refused_at_import_with_the_reason(tmp_path, kind, capsys):
    key, certificate = hostile(kind)
    p12 = write_p12(tmp_path / f"{kind}.p12", key, certificate)
    keys = tmp_path / "data" / "keys"
    with pytest.raises(UnusableCertificate) as caught:
        import_signing_key(p12, PASSWORD, keys)
    assert REASONS[kind] in caught.value.text("zh_CN")
    assert caught.value.text("en") and "张三" in caught.value.text("en")
    assert not keys.exists() or not any(keys.iterdir())
    (tmp_path / "pw").write_text(PASSWORD, encoding="utf-8")
    code = cli(["key", "import", str(p12), "--password-file", str(tmp_path / "pw"),
                "--data-dir", str(tmp_path / "data")])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert REASONS[kind] in err and "Traceback" not in err


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_certificate_is_refused_at_signing_and_nothing_changes(store, tmp_path, kind,
                                                                      unsigned):
    key, certificate = hostile(kind)
    p12 = write_p12(tmp_path / f"{kind}.p12", key, certificate)
    inspection_id = fill_inspection(store, photos=0)
    status = store.inspection(inspection_id).status
    out = tmp_path / "out.pdf"
    with pytest.raises(UnusableCertificate, match=REASONS[kind]):
        issue_report(store, inspection_id, key_path=p12, password=PASSWORD, out=out)
    assert store.reports(inspection_id) == [] and store.inspection(inspection_id).status is status
    assert not out.exists() and list(store.data_dir.reports.iterdir()) == []
    # The signing function itself refuses too, whoever calls it with an opened key.
    opened = load_signing_key(p12, PASSWORD, check=False)
    before = unsigned.read_bytes()
    with pytest.raises(UnusableCertificate):
        sign_pdf(unsigned, key=opened, out=tmp_path / "signed.pdf")
    assert unsigned.read_bytes() == before and not (tmp_path / "signed.pdf").exists()


def test_all_reasons_are_given_at_once():
    key, certificate = make_certificate(
        not_before=datetime.now(UTC) - timedelta(days=30),
        not_after=datetime.now(UTC) - timedelta(days=1),
        extended=[ExtendedKeyUsageOID.SERVER_AUTH])
    codes = [p.code for p in certificate_problems(certificate)]
    assert codes == ["certificate.expired", "certificate.extended_key_usage"]


def test_a_plain_strong_certificate_without_usage_extensions_is_accepted():
    from cryptography.hazmat.primitives.asymmetric import rsa

    key, certificate = make_certificate(key=rsa.generate_private_key(public_exponent=65537,
                                                                     key_size=2048))
    assert certificate_problems(certificate) == []


@pytest.mark.parametrize("trusted", [False, True], ids=["unknown", "trusted"])
def test_verify_reports_a_certificate_expired_at_signing_time(unsigned, tmp_path, trusted):
    key, certificate = hostile("expired")
    pdf = sign_directly(unsigned, tmp_path / "signed.pdf", key, certificate)
    keys = tmp_path / "keys"
    if trusted:  # even a trusted colleague's certificate does not sign after it expired
        trust_certificate(certificate, keys)
    result = verify_pdf(pdf, trusted_dir=keys)
    assert result.intact and result.covers_whole_file and not result.ok
    assert result.outcome is Outcome.INVALID and result.exit_status == 1
    assert result.trusted is trusted
    assert any("过期" in p for p in result.certificate_problems)
    assert "签署时不可用" in result.summary and "不能采信" in result.summary
    assert result.certificate_not_after == certificate.not_valid_after_utc


def test_verify_accepts_a_certificate_that_expired_after_signing(unsigned, tmp_path):
    now = datetime.now(UTC)
    key, certificate = make_certificate(not_before=now - timedelta(days=100),
                                        not_after=now - timedelta(days=10))
    pdf = sign_directly(unsigned, tmp_path / "signed.pdf", key, certificate,
                        at=now - timedelta(days=50))
    keys = tmp_path / "keys"
    trust_certificate(certificate, keys)
    result = verify_pdf(pdf, trusted_dir=keys)
    assert result.ok and result.outcome is Outcome.TRUSTED and result.certificate_problems == ()
    assert "签署时有效" in result.summary


def test_verify_reports_a_weak_key_and_a_not_yet_valid_certificate(unsigned, tmp_path):
    for kind, expected in (("rsa_1024", "1024"), ("not_yet_valid", "才生效"),
                           ("server_auth_only", "serverAuth")):
        key, certificate = hostile(kind)
        pdf = sign_directly(unsigned, tmp_path / f"{kind}.pdf", key, certificate)
        result = verify_pdf(pdf)
        assert result.outcome is Outcome.INVALID, kind
        assert any(expected in p for p in result.certificate_problems), kind


def test_an_opened_key_still_shows_while_it_cannot_sign(tmp_path):
    key, certificate = hostile("expired")
    p12 = write_p12(tmp_path / "old.p12", key, certificate)
    opened = load_signing_key(p12, PASSWORD, check=False)
    assert opened.name == "张三" and opened.private_key is not None
    with pytest.raises(UnusableCertificate):
        load_signing_key(p12, PASSWORD)


def test_a_new_key_meets_every_rule(tmp_path):
    from inspection.signing.keys import create_signing_key

    path = create_signing_key(name="王五", organisation="某单位", password=PASSWORD,
                              out=tmp_path / "w.p12")
    assert certificate_problems(load_signing_key(path, PASSWORD).certificate) == []
