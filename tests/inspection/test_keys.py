"""Making and opening signing keys with bad input (issue 10, "key new"): never overwrite a file,
clear messages for long names, Ed25519 and a NUL in the password — and nothing written first."""
import pytest

from checklists.errors import InvalidInput
from inspection.cli import main as cli
from inspection.signing.certificates import UnusableCertificate
from inspection.signing.keys import (
    KeyExists,
    WrongPassword,
    _write_new,
    create_signing_key,
    import_signing_key,
    load_signing_key,
)
from tests.inspection.certificate_data import PASSWORD, hostile, write_p12


def run(*args, capsys) -> tuple[int, str, str]:
    code = cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def password_file(tmp_path):
    path = tmp_path / "pw"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


def key_new(tmp_path, out, password_file, *, name="张三", organisation="某单位", capsys):
    return run("key", "new", "--name", name, "--organisation", organisation, "--out", out,
               "--password-file", password_file, "--data-dir", tmp_path / "data", capsys=capsys)


def test_key_new_never_writes_its_certificate_over_the_key(tmp_path, password_file, capsys):
    code, out, err = key_new(tmp_path, tmp_path / "k.crt", password_file, capsys=capsys)
    assert code == 2 and ".p12" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.glob("k*")) == []


@pytest.mark.parametrize("existing", ["k.p12", "k.crt"])
def test_key_new_never_overwrites_an_existing_file(tmp_path, password_file, existing, capsys):
    there = tmp_path / existing
    there.write_bytes(b"precious")
    code, out, err = key_new(tmp_path, tmp_path / "k.p12", password_file, capsys=capsys)
    assert code == 2 and "不会覆盖" in err and str(there) in err
    assert there.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.glob("k*")) == [existing]


def test_a_key_file_appearing_meanwhile_is_not_replaced(tmp_path):
    target = tmp_path / "k.p12"
    target.write_bytes(b"made by someone else a moment ago")
    with pytest.raises(KeyExists):
        _write_new(target, b"new key")
    assert target.read_bytes() == b"made by someone else a moment ago"
    assert [p.name for p in tmp_path.iterdir()] == ["k.p12"]  # no temporary file left


@pytest.mark.parametrize("field,value,expected", [
    ("name", "张" * 22, "约 21 个汉字"),
    ("name", "A" * 65, "64 字节"),
    ("organisation", "某" * 65, "最多 64 个字符"),
    ("name", "张三\n李四", "控制字符"),
])
def test_long_or_broken_names_get_a_clear_message(tmp_path, password_file, field, value,
                                                  expected, capsys):
    arguments = {"name": "张三", "organisation": "某单位", field: value}
    code, out, err = key_new(tmp_path, tmp_path / "k.p12", password_file, capsys=capsys,
                             **arguments)
    assert code == 2 and expected in err and "Traceback" not in err and "意外" not in err
    assert list(tmp_path.glob("k*")) == []


def test_the_longest_name_a_certificate_holds_works(tmp_path):
    name = "张" * 21  # 63 bytes in UTF-8
    path = create_signing_key(name=name, organisation="某" * 64, password=PASSWORD,
                              out=tmp_path / "k.p12")
    assert load_signing_key(path, PASSWORD).name == name


def test_a_nul_in_the_password_file_is_refused_before_anything_is_written(tmp_path, capsys):
    nul = tmp_path / "nul-pw"
    nul.write_bytes(b"abc\x00defgh\n")
    code, out, err = key_new(tmp_path, tmp_path / "k.p12", nul, capsys=capsys)
    assert code == 2 and "NUL" in err and "panic" not in err.lower()
    assert list(tmp_path.glob("k*")) == [] and not (tmp_path / "data" / "keys").exists()
    with pytest.raises(InvalidInput):
        create_signing_key(name="张三", organisation="某单位", password="abc\x00defgh",
                           out=tmp_path / "k.p12")
    assert list(tmp_path.glob("k*")) == []


def test_a_nul_password_never_reaches_the_key_reader(tmp_path, password_file, capsys):
    path = create_signing_key(name="张三", organisation="某单位", password=PASSWORD,
                              out=tmp_path / "k.p12")
    with pytest.raises(WrongPassword):
        load_signing_key(path, PASSWORD[:3] + "\x00" + PASSWORD[3:])
    nul = tmp_path / "nul-pw"
    nul.write_bytes(PASSWORD.encode()[:3] + b"\x00" + PASSWORD.encode()[3:])
    code, out, err = run("key", "import", path, "--password-file", nul, "--data-dir",
                         tmp_path / "data", capsys=capsys)
    assert code == 2 and "NUL" in err and len(err.strip().splitlines()) == 1


def test_an_ed25519_key_is_refused_with_a_reason(tmp_path, password_file, capsys):
    key, certificate = hostile("ed25519")
    p12 = write_p12(tmp_path / "ed.p12", key, certificate)
    with pytest.raises(UnusableCertificate, match="Ed25519"):
        import_signing_key(p12, PASSWORD, tmp_path / "keys")
    code, out, err = run("key", "import", p12, "--password-file", password_file, "--data-dir",
                         tmp_path / "data", capsys=capsys)
    assert code == 2 and "Ed25519" in err and "意外" not in err


@pytest.mark.parametrize("where", ["the data folder", "its photos", "through a symlink",
                                   "onto a pipe"])
def test_key_new_never_writes_into_the_data_folder_or_onto_a_pipe(tmp_path, password_file,
                                                                   capsys, where):
    import os

    from inspection.store import open_store

    root = tmp_path / "data"
    open_store(root).close()
    (root / "media").mkdir(exist_ok=True)
    (tmp_path / "link").symlink_to(root)
    os.mkfifo(tmp_path / "pipe.crt")
    out = {"the data folder": root / "k.p12", "its photos": root / "media" / "k.p12",
           "through a symlink": tmp_path / "link" / "k.p12",
           "onto a pipe": tmp_path / "pipe.p12"}[where]
    before = sorted(p.name for p in root.rglob("*"))
    code, _, err = key_new(tmp_path, out, password_file, capsys=capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert ("数据文件夹" in err) if where != "onto a pipe" else ("pipe.crt" in err)
    assert sorted(p.name for p in root.rglob("*")) == before
    assert not (tmp_path / "pipe.p12").exists()


def test_key_new_may_put_a_new_key_among_the_folders_keys(tmp_path, password_file, capsys):
    """keys/ is where the window keeps keys: a new key file may be made there (never over one)."""
    keys = tmp_path / "data" / "keys"
    keys.mkdir(parents=True)
    code, out, err = key_new(tmp_path, keys / "k.p12", password_file, capsys=capsys)
    assert code == 0 and (keys / "k.p12").is_file() and (keys / "k.crt").is_file(), err
    code, _, err = key_new(tmp_path, keys / "k.p12", password_file, capsys=capsys)
    assert code == 2 and "不会覆盖" in err


@pytest.mark.parametrize("field", ["name", "organisation"])
def test_a_name_a_signature_cannot_carry_is_refused_before_the_key_is_made(tmp_path,
                                                                           password_file,
                                                                           capsys, field):
    """𬌗 (U+2C317) is beyond Unicode 3.2: a certificate naming it was made, then every
    signing failed deep inside pyHanko. 䶮 (U+4DAE) signs (test_report_rare_characters)."""
    names = {"name": "李四", "organisation": "某单位"}
    names[field] = {"name": "李𬌗", "organisation": "𬌗山区经委"}[field]
    code, _, err = key_new(tmp_path, tmp_path / "k.p12", password_file, capsys=capsys, **names)
    assert code == 2 and "U+2C317" in err and field in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.glob("k.*")) == []
