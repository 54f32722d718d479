"""Who signed is decided by the certificate, never by the name (issue 10, item 10): impersonation
with a same-name certificate, the exit codes of verify, and key trust / untrust / list."""
import json
import shutil
from pathlib import Path

import pytest

from inspection.cli import main as cli
from inspection.report import build_report
from inspection.signing.keys import create_signing_key, load_signing_key
from inspection.signing.pades import sign_pdf
from inspection.signing.trust import (
    CertificateFileError,
    Trust,
    identify,
    same_person_name,
    trust_certificate_file,
    trusted_certificates,
)
from inspection.signing.verify import Outcome, verify_pdf
from inspection.store import open_store
from tests.inspection.certificate_data import hostile, write_crt
from tests.inspection.report_data import fill_inspection

PASSWORD = "trust-pass-1"


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """张三's genuine key, a forger's key with the same name and organisation, an unrelated
    signer, a report signed by each, and a laptop (data folder) that trusts the genuine one."""
    root = tmp_path_factory.mktemp("trust")
    store = open_store(root / "office", actor="张三")
    inspection_id = fill_inspection(store, photos=0)
    unsigned = build_report(store.snapshot(inspection_id), root / "unsigned.pdf",
                            data_dir=store.data_dir)
    store.close()
    made = {"root": root, "unsigned": unsigned}
    for who, name, organisation in (("genuine", "张三", "金山区经济委员会"),
                                    ("forger", "张三", "金山区经济委员会"),
                                    ("stranger", "赵六", "松江区科委")):
        (root / who).mkdir()
        key_path = create_signing_key(name=name, organisation=organisation, password=PASSWORD,
                                      out=root / who / "key.p12")
        made[f"{who}_crt"] = key_path.with_suffix(".crt")
        made[who] = sign_pdf(unsigned, key=load_signing_key(key_path, PASSWORD),
                             out=root / f"{who}.pdf").path
    laptop = root / "laptop"
    laptop.mkdir()
    (root / "pw").write_text(PASSWORD, encoding="utf-8")
    made["laptop"] = laptop
    assert cli(["key", "trust", str(made["genuine_crt"]), "--data-dir", str(laptop)]) == 0
    return made


def run(*args, capsys) -> tuple[int, str, str]:
    code = cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_same_name_certificate_is_possible_impersonation(office, capsys):
    keys = office["laptop"] / "keys"
    result = verify_pdf(office["forger"], trusted_dir=keys)
    assert result.intact and result.covers_whole_file and not result.trusted
    assert result.signer == "张三" and result.organisation == "金山区经济委员会"
    assert result.outcome is Outcome.IMPERSONATION and result.exit_status == 4
    assert "冒充风险" in result.summary and "身份已核实" not in result.summary
    genuine_fp = trusted_certificates(keys)[0].fingerprint
    assert result.fingerprint != genuine_fp
    assert any(genuine_fp[:16].upper() in label for label in result.impersonated)
    code, out, _ = run("verify", office["forger"], "--data-dir", office["laptop"], capsys=capsys)
    assert code == 4 and "冒充风险" in out


def test_the_genuine_certificate_is_trusted_by_fingerprint(office, capsys):
    result = verify_pdf(office["genuine"], trusted_dir=office["laptop"] / "keys")
    assert result.outcome is Outcome.TRUSTED and result.trusted and result.impersonated == ()
    code, out, _ = run("verify", office["genuine"], "--data-dir", office["laptop"], capsys=capsys)
    assert code == 0 and "身份已核实" in out


def test_the_name_alone_never_makes_a_signer_trusted(office):
    from cryptography import x509

    forged = x509.load_pem_x509_certificate(
        (office["forger_crt"]).read_bytes())
    identity = identify(forged, office["laptop"] / "keys")
    assert identity.trust is Trust.IMPERSONATION and identity.entry is None
    assert identify(forged, []).trust is Trust.UNKNOWN
    # Written a little differently (spaces, full-width letters, case) is still the same name.
    assert same_person_name("张三", " 张 三") and same_person_name("Ｌｉ Ｓｉ", "li si")
    assert not same_person_name("张三", "张三丰") and not same_person_name("", "")


def test_every_outcome_has_its_exit_code(office, tmp_path, capsys):
    laptop = office["laptop"]
    altered = tmp_path / "altered.pdf"
    data = bytearray(office["genuine"].read_bytes())
    data[len(data) // 3] ^= 0x01
    altered.write_bytes(bytes(data))
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(office["genuine"].read_bytes() + b"\n% appended\n")
    cases = {office["genuine"]: 0, office["stranger"]: 3, office["forger"]: 4, altered: 1,
             appended: 1, office["unsigned"]: 1, tmp_path / "missing.pdf": 2}
    for path, expected in cases.items():
        code, out, err = run("verify", path, "--data-dir", laptop, capsys=capsys)
        assert code == expected, (path.name, code, out, err)
        assert "Traceback" not in err
    code, out, _ = run("verify", office["stranger"], "--data-dir", laptop, "--json", capsys=capsys)
    assert code == 3 and json.loads(out)["outcome"] == "unknown_signer"


def test_exit_codes_are_documented(capsys):
    with pytest.raises(SystemExit):
        cli(["verify", "--help"])
    text = capsys.readouterr().out
    for code in "01234":
        assert f"  {code}  " in text
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "冒充" in readme and "| 4 |" in readme


def test_key_trust_lets_a_colleague_verify_as_trusted_without_the_private_key(office, tmp_path,
                                                                             capsys):
    colleague = tmp_path / "colleague"
    code, out, err = run("verify", office["stranger"], "--data-dir", colleague, capsys=capsys)
    assert code == 3
    code, out, err = run("key", "trust", office["stranger_crt"], "--data-dir", colleague,
                         capsys=capsys)
    assert code == 0 and "赵六" in err and "SHA-256" in err
    trusted = Path(out.strip().splitlines()[-1])
    assert trusted.parent == colleague / "keys" and trusted.suffix == ".crt"
    assert not list((colleague / "keys").glob("*.p12"))
    assert list((colleague / "keys").glob(".*")) == []  # no temporary file left: written atomically
    code, out, _ = run("verify", office["stranger"], "--data-dir", colleague, capsys=capsys)
    assert code == 0
    code, out, err = run("key", "trust", office["stranger_crt"], "--data-dir", colleague,
                         capsys=capsys)
    assert code == 0 and "已在本机信任" in err and len(list((colleague / "keys").iterdir())) == 1


def test_key_list_shows_own_keys_and_trusted_certificates_with_fingerprints(office, tmp_path,
                                                                           capsys):
    data = tmp_path / "data"
    (data / "keys").mkdir(parents=True)
    code, out, _ = run("key", "new", "--name", "王五", "--organisation", "某单位", "--out",
                       data / "keys" / "wangwu.p12", "--password-file", office["root"] / "pw",
                       "--data-dir", data, capsys=capsys)
    assert code == 0
    run("key", "trust", office["genuine_crt"], "--data-dir", data, capsys=capsys)
    code, out, _ = run("key", "list", "--data-dir", data, "--json", capsys=capsys)
    rows = json.loads(out)
    assert [(r["kind"], r["name"]) for r in rows] == [("own", "王五"), ("trusted", "张三")]
    assert all(len(r["fingerprint"]) == 64 for r in rows)
    code, out, _ = run("key", "list", "--data-dir", data, capsys=capsys)
    assert "本机的签名密钥" in out and "本机信任的证书" in out
    assert rows[1]["fingerprint"][:4].upper() in out


def test_key_untrust_removes_a_colleague_but_never_an_own_key(office, tmp_path, capsys):
    data = tmp_path / "data"
    run("key", "trust", office["stranger_crt"], "--data-dir", data, capsys=capsys)
    fingerprint = trusted_certificates(data / "keys")[0].fingerprint
    code, out, err = run("key", "untrust", fingerprint[:10], "--data-dir", data, capsys=capsys)
    assert code == 0 and trusted_certificates(data / "keys") == []
    code, out, err = run("key", "untrust", "zz", "--data-dir", data, capsys=capsys)
    assert code == 2
    own = create_signing_key(name="王五", organisation="某单位", password=PASSWORD,
                             out=data / "keys" / "w.p12")
    fingerprint = trusted_certificates(data / "keys")[0].fingerprint
    code, out, err = run("key", "untrust", fingerprint, "--data-dir", data, capsys=capsys)
    assert code == 2 and "自己的密钥" in err and own.with_suffix(".crt").exists()


@pytest.mark.parametrize("case", ["p12", "junk", "missing", "two", "weak"])
def test_key_trust_refuses_what_is_not_one_usable_certificate(office, tmp_path, case, capsys):
    if case == "p12":
        path = shutil.copyfile(office["genuine_crt"].with_suffix(".p12"), tmp_path / "k.p12")
    elif case == "junk":
        path = tmp_path / "junk.crt"
        path.write_text("不是证书", encoding="utf-8")
    elif case == "missing":
        path = tmp_path / "missing.crt"
    elif case == "two":
        path = tmp_path / "two.crt"
        path.write_bytes(office["genuine_crt"].read_bytes() + office["stranger_crt"].read_bytes())
    else:
        _, certificate = hostile("rsa_1024")
        path = write_crt(tmp_path / "weak.crt", certificate)
    code, out, err = run("key", "trust", path, "--data-dir", tmp_path / "d", capsys=capsys)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "d" / "keys").exists() or not any((tmp_path / "d" / "keys").iterdir())
    if case != "weak":
        with pytest.raises(CertificateFileError):
            trust_certificate_file(path, tmp_path / "d" / "keys")


def test_an_expired_colleague_certificate_can_be_trusted_for_old_reports(tmp_path, capsys):
    _, certificate = hostile("expired")
    path = write_crt(tmp_path / "old.crt", certificate)
    code, out, err = run("key", "trust", path, "--data-dir", tmp_path / "d", capsys=capsys)
    assert code == 0 and "过期" in err
