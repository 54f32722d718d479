"""The report, verify, export and key commands: end to end, one-line errors, nothing changed."""
import subprocess
import sys
from pathlib import Path

import pytest

from inspection.cli import main as cli
from inspection.model import Status
from inspection.store import open_store
from tests.inspection.report_data import fill_inspection

ROOT = Path(__file__).resolve().parents[2]


def run(args, capsys) -> tuple[int, str, str]:
    code = cli([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def setup(tmp_path):
    data = tmp_path / "data"
    with open_store(data, actor="张三") as store:
        inspection_id = fill_inspection(store, photos=2)
    password = tmp_path / "password.txt"
    password.write_text("cli-password-1\n", encoding="utf-8")
    return {"data": data, "id": inspection_id, "password": password, "tmp": tmp_path}


def test_key_new_then_signed_report_then_verify(setup, capsys):
    s, tmp = setup, setup["tmp"]
    code, out, _ = run(["key", "new", "--name", "张三", "--organisation", "金山区经委",
                        "--out", tmp / "zs.p12", "--password-file", s["password"],
                        "--data-dir", s["data"]], capsys)
    assert code == 0 and out.strip().splitlines()[-1] == str(tmp / "zs.p12")
    code, out, _ = run(["report", s["id"][:8], "--out", tmp / "draft.pdf",
                        "--data-dir", s["data"]], capsys)
    assert code == 0 and (tmp / "draft.pdf").exists()
    with open_store(s["data"]) as store:
        assert store.inspection(s["id"]).status is not Status.SIGNED
    code, out, _ = run(["report", s["id"], "--out", tmp / "signed.pdf", "--sign", tmp / "zs.p12",
                        "--acknowledge-missing", "--password-file", s["password"], "--data-dir", s["data"]], capsys)
    assert code == 0 and out.strip().splitlines()[-1] == str(tmp / "signed.pdf")
    with open_store(s["data"]) as store:
        assert store.inspection(s["id"]).status is Status.SIGNED
    code, out, _ = run(["verify", tmp / "signed.pdf", "--data-dir", s["data"]], capsys)
    assert code == 0 and "身份已核实" in out  # key new registered the certificate here
    code, out, err = run(["inspection", "answer", s["id"], "1-1-1", "--result", "fail",
                          "--data-dir", s["data"]], capsys)
    assert code != 0 and "已签署" in err
    code, out, _ = run(["key", "list", "--data-dir", s["data"]], capsys)
    assert "张三" in out


def test_export_xlsx_command(setup, capsys):
    code, out, _ = run(["export", setup["id"], "--xlsx", setup["tmp"] / "x.xlsx",
                        "--data-dir", setup["data"]], capsys)
    assert code == 0 and (setup["tmp"] / "x.xlsx").exists()


@pytest.mark.parametrize("case", ["wrong password", "missing key", "missing folder",
                                  "no password file"])
def test_report_errors_are_one_line_and_change_nothing(setup, capsys, case):
    s, tmp = setup, setup["tmp"]
    run(["key", "new", "--name", "张三", "--organisation", "金山区经委", "--out", tmp / "zs.p12",
         "--password-file", s["password"], "--data-dir", tmp / "elsewhere"], capsys)
    key, password, out = tmp / "zs.p12", s["password"], tmp / "signed.pdf"
    if case == "wrong password":
        password = tmp / "wrong.txt"
        password.write_text("not-the-password", encoding="utf-8")
    elif case == "missing key":
        key = tmp / "nobody.p12"
    elif case == "missing folder":
        out = tmp / "no" / "signed.pdf"
    else:
        password = tmp / "no-such-file.txt"
    code, stdout, err = run(["report", s["id"], "--out", out, "--sign", key,
                             "--acknowledge-missing", "--password-file", password, "--data-dir", s["data"]], capsys)
    assert code != 0 and stdout == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("错误：")
    assert not out.exists()
    with open_store(s["data"]) as store:
        assert store.reports(s["id"]) == []
        assert store.inspection(s["id"]).status is not Status.SIGNED
        assert list(store.data_dir.reports.iterdir()) == []


def test_commands_run_from_main_without_traceback(tmp_path):
    """A real process: the one-line error path, not only the in-process one."""
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "verify",
                             str(tmp_path / "missing.pdf"), "--data-dir", str(tmp_path / "d")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("错误：")


def test_inspection_reopen_makes_a_new_revision_after_signing(store, tmp_path, capsys):
    from inspection.cli import main
    inspection_id = fill_inspection(store, photos=1)
    data = str(store.data_dir.root)
    password = tmp_path / "pw"
    password.write_text("correct horse", encoding="utf-8")
    key = tmp_path / "k.p12"
    assert main(["key", "new", "--name", "张三", "--organisation", "金山区", "--out", str(key),
                 "--password-file", str(password), "--data-dir", data]) == 0
    assert main(["report", inspection_id, "--out", str(tmp_path / "r.pdf"), "--sign", str(key),
                 "--acknowledge-missing", "--password-file", str(password), "--data-dir", data]) == 0
    assert main(["inspection", "answer", inspection_id, "1-1-1", "--template", "000",
                 "--result", "fail", "--data-dir", data]) == 2
    capsys.readouterr()
    assert main(["inspection", "reopen", inspection_id, "--reason", "补充照片",
                 "--data-dir", data]) == 0
    assert "第 2 版" in capsys.readouterr().err
    assert main(["inspection", "answer", inspection_id, "1-1-1", "--template", "000",
                 "--result", "fail", "--data-dir", data]) == 0


def test_export_wants_an_xlsx_name(store, tmp_path, capsys):
    from inspection.cli import main
    inspection_id = fill_inspection(store, photos=0)
    code = main(["export", inspection_id, "--xlsx", str(tmp_path / "x.csv"),
                 "--data-dir", str(store.data_dir.root)])
    assert code == 2 and ".xlsx" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_signing_an_unfinished_inspection_is_refused_until_acknowledged(store, tmp_path, capsys,
                                                                        monkeypatch, lang):
    """As the window asks for 我已知悉…: items not checked and handwritten signatures missing
    refuse `report --sign` in one line naming them and the flag; nothing is written."""
    from inspection.cli import main
    monkeypatch.setenv("PARK_INSPECTOR_LANG", "en" if lang == "en" else "zh_CN")
    park = store.add_park("星河智造小微企业园", "manufacturing")
    inspection = store.new_inspection(park.id, ["000"], inspectors=["张三", "O'Brien・李四"],
                                      date="2026-11-20", organisation="金山区经委")
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    data = str(store.data_dir.root)
    password = tmp_path / "pw"
    password.write_text("correct horse", encoding="utf-8")
    key = tmp_path / "k.p12"
    assert main(["key", "new", "--name", "张三", "--organisation", "金山区", "--out", str(key),
                 "--password-file", str(password), "--data-dir", data]) == 0
    capsys.readouterr()
    sign = ["report", inspection.id, "--out", str(tmp_path / "r.pdf"), "--sign", str(key),
            "--password-file", str(password), "--data-dir", data]
    assert main(sign) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1
    total = store.snapshot(inspection.id)
    if lang == "en":
        assert "not checked" in err and "handwritten signatures missing: 张三 (inspector), " \
            "O'Brien・李四 (inspector), park representative" in err
        assert "--acknowledge-missing" in err
    else:
        assert "个条目未检查" in err and "缺少手写签名：张三（检查人员）、O'Brien・李四（检查人员）、园区代表" in err
        assert "--acknowledge-missing" in err
    assert not (tmp_path / "r.pdf").exists() and store.reports(inspection.id) == []
    assert total.inspection.status is not Status.SIGNED
    assert main([*sign, "--acknowledge-missing"]) == 0
    assert store.inspection(inspection.id).status is Status.SIGNED
