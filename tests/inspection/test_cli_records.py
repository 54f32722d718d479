"""The recording commands, run as a user would: ids on the last line, one-line errors."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from inspection.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path, capsys):
    data = tmp_path / "data"

    def run(*args):
        code = main([*args, "--data-dir", str(data)])
        out, err = capsys.readouterr()
        return code, out, err
    run.data = data
    return run


def last_line(text):
    return text.strip().splitlines()[-1]


@pytest.fixture
def inspection_id(cli):
    assert cli("park", "add", "星河园", "--type", "manufacturing", "--address", "金山区")[0] == 0
    code, out, err = cli("inspection", "new", "--park", "星河园", "--template", "000",
                         "--template", "001", "--inspector", "张三", "--date", "2026-11-20")
    assert code == 0, err
    return last_line(out)


def test_park_add_prints_the_new_id_last(cli):
    code, out, _ = cli("park", "add", "临港服务园", "--type", "service")
    assert code == 0 and last_line(out) == "1"
    code, _, err = cli("park", "add", "临港服务园")
    assert code == 2 and "已存在" in err and err.count("\n") == 1


def test_inspection_new_list_and_show(cli, inspection_id):
    assert len(inspection_id) == 36
    code, out, _ = cli("inspection", "list", "--json")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [inspection_id] and rows[0]["templates"] == ["000", "001"]
    code, out, _ = cli("inspection", "show", inspection_id[:8], "--json")
    data = json.loads(out)
    assert data["inspection"]["status"] == "draft"
    assert [r["template"] for r in data["results"]] == ["000", "001"]


def test_answers_of_every_kind_are_saved_and_scored(cli, inspection_id):
    assert cli("inspection", "answer", inspection_id, "1-1-1", "--result", "pass")[0] == 0
    assert cli("inspection", "answer", inspection_id, "1-1-2", "--result", "基本符合",
               "--note", "东侧路灯不亮")[0] == 0
    assert cli("inspection", "answer", inspection_id, "2", "--template", "001",
               "--value", "land_area_mu=60", "--value", "floor_area_m2=48000")[0] == 0
    assert cli("inspection", "answer", inspection_id, "7", "--template", "001", "--result", "3",
               "--value", "service_functions=政策咨询,投融资")[0] == 0
    data = json.loads(cli("inspection", "show", inspection_id, "--json")[1])
    compliance = data["results"][0]["compliance"]["overall"]
    assert compliance["percent"] == 75.0 and compliance["answered"] == 2
    answers = {(a["template"], a["code"]): a for a in data["answers"]}
    assert answers[("000", "1-1-2")]["note"] == "东侧路灯不亮"
    assert answers[("001", "2")]["value"] == {"land_area_mu": 60, "floor_area_m2": 48000}
    assert answers[("001", "7")]["result"] == "3"
    assert "enterprises" in data["results"][1]["stars_missing"]
    assert data["inspection"]["status"] == "in_progress"


@pytest.mark.parametrize("args, field", [
    (["1-1-1", "--result", "good"], "result"),
    (["9-9-9", "--result", "pass"], "9-9-9"),
    (["4", "--result", "3"], "--template"),  # 001 and 000's group "4": only 001 has item 4
    (["1-1-1"], "result"),
    (["2", "--template", "001", "--value", "floor_area_m2=很大"], "floor_area_m2"),
    (["2", "--template", "001", "--value", "height=3"], "height"),
])
def test_bad_answers_are_one_line_and_change_nothing(cli, inspection_id, args, field):
    code, _, err = cli("inspection", "answer", inspection_id, *args)
    if field == "--template":  # "4" is a group in 000, so it is unambiguous: accepted
        assert code == 0
        return
    assert code == 2 and field in err and err.count("\n") == 1
    data = json.loads(cli("inspection", "show", inspection_id, "--json")[1])
    assert data["answers"] == []


def test_finding_add_prints_its_id(cli, inspection_id):
    code, out, _ = cli("finding", "add", inspection_id, "1-1-5", "--requirement", "更换灭火器",
                       "--deadline", "2026-12-31", "--severity", "major")
    assert code == 0 and last_line(out) == "1"
    data = json.loads(cli("inspection", "show", inspection_id, "--json")[1])
    assert data["findings"][0]["requirement"] == "更换灭火器"


def test_photo_add_imports_good_files_and_lists_bad_ones(cli, inspection_id, tmp_path):
    good = tmp_path / "site.jpg"
    Image.new("RGB", (800, 600), (90, 120, 150)).save(good, quality=90)
    bad = tmp_path / "notes.jpg"
    bad.write_text("这不是照片", encoding="utf-8")
    code, out, err = cli("photo", "add", inspection_id, "--item", "1-1-5", str(good), str(bad))
    assert code == 2
    assert out.strip() == "1"
    assert "notes.jpg" in err and "site.jpg" in err
    data = json.loads(cli("inspection", "show", inspection_id, "--json")[1])
    assert len(data["photos"]) == 1 and data["photos"][0]["code"] == "1-1-5"
    assert cli("check-db")[0] == 0


def test_check_db_reports_a_damaged_photo(cli, inspection_id, tmp_path):
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (640, 480), (10, 20, 30)).save(photo)
    cli("photo", "add", inspection_id, str(photo))
    original = next(p for p in (cli.data / "media").rglob("*.jpg") if ".report" not in p.name)
    original.write_bytes(original.read_bytes() + b"x")
    code, out, _ = cli("check-db", "--json")
    report = json.loads(out)
    assert code == 1 and not report["ok"]
    assert any("SHA-256" in p for p in report["problems"])


def test_backup_and_restore_on_another_laptop(cli, inspection_id, tmp_path, capsys):
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (640, 480), (10, 200, 30)).save(photo)
    cli("photo", "add", inspection_id, str(photo))
    cli("inspection", "answer", inspection_id, "1-1-1", "--result", "fail", "--note", "积水")
    backup = tmp_path / "backup.zip"
    assert cli("backup", "--out", str(backup))[0] == 0
    other = tmp_path / "other-laptop"
    assert main(["restore", str(backup), "--data-dir", str(other)]) == 0
    assert main(["check-db", "--data-dir", str(other)]) == 0
    capsys.readouterr()
    main(["inspection", "show", inspection_id, "--json", "--data-dir", str(other)])
    data = json.loads(capsys.readouterr().out)
    assert data["answers"][0]["note"] == "积水" and len(data["photos"]) == 1
    # restoring over existing data needs --replace, and keeps the old data aside
    assert main(["restore", str(backup), "--data-dir", str(other)]) == 2
    assert main(["restore", str(backup), "--replace", "--data-dir", str(other)]) == 0
    assert list(other.glob("before-restore-*"))


def test_restore_refuses_a_broken_backup_and_changes_nothing(cli, tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    code, _, err = cli("restore", str(broken))
    assert code == 2 and "备份" in err and err.count("\n") == 1
    assert not (cli.data / "inspections.db").exists()


def test_no_traceback_reaches_the_user(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "inspection", "show", "nope",
                          "--data-dir", str(tmp_path)], capture_output=True, text=True)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1


@pytest.mark.parametrize("date, said", [
    ("2026-02-30", "日历上没有 2026-02-30 这一天"),
    ("2026/11/20", "格式应为 YYYY-MM-DD"),
    ("2099-01-01", "不可能"),   # a typo for the year: would be numbered YQJC-2099-…
    ("1999-01-01", "不可能"),
])
def test_an_inspection_date_that_cannot_be_right_is_refused(cli, date, said):
    assert cli("park", "add", "星河园")[0] == 0
    code, out, err = cli("inspection", "new", "--park", "星河园", "--template", "000",
                         "--inspector", "张三", "--date", date)
    assert code == 2 and said in err and len(err.strip().splitlines()) == 1, err
    assert out == ""


def test_a_deadline_is_checked_against_the_calendar_and_the_visit(cli, inspection_id):
    code, _, err = cli("finding", "add", inspection_id, "1-1-1", "--requirement", "清障",
                       "--deadline", "2026-13-01")
    assert code == 2 and "日历上没有 2026-13-01 这一天" in err, err
    code, out, err = cli("finding", "add", inspection_id, "1-1-1", "--requirement", "清障",
                         "--deadline", "2026-01-15")  # before the visit (2026-11-20): kept, said
    assert code == 0 and "早于检查日期 2026-11-20" in err, err
    assert len(last_line(out)) > 0


def test_argparse_mistakes_are_said_in_the_command_lines_language(cli, monkeypatch):
    code, _, err = cli("signature", "add", "x", "--role", "boss", "--name", "甲")
    assert code == 2 and "不能是 'boss'" in err and "invalid choice" not in err, err
    code, _, err = cli("park", "add")
    assert code == 2 and "缺少参数" in err and "required" not in err, err
    monkeypatch.setenv("PARK_INSPECTOR_LANG", "en")
    code, _, err = cli("park", "add")
    assert code == 2 and err.startswith("Error:") and "the following arguments are required" in err, err
