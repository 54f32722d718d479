"""template export / import / retire from the command line: the id on the last line, every
problem with its row, nothing stored from a bad file."""
import json
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_export_edit_import_list_and_retire(tmp_path):
    data = tmp_path / "data"
    sheet = tmp_path / "004.xlsx"
    out = run("template", "export", "004", "--xlsx", sheet, "--data-dir", data)
    assert out.returncode == 0, out.stderr
    assert not data.exists()  # exporting a built-in creates no data folder
    book = load_workbook(sheet)
    info = book["模板信息"]
    for row in info.iter_rows(min_row=2):
        if row[0].value == "文件编号":
            row[1].value = "T/YNIPA 001—2025"
        if row[0].value == "版本":
            row[1].value = "2025"
    book.save(sheet)
    out = run("template", "import", sheet, "--data-dir", data)
    assert out.returncode == 0, out.stderr
    template_id = out.stdout.strip().splitlines()[-1]
    assert template_id.startswith("t") and len(template_id) == 12
    again = run("template", "import", sheet, "--data-dir", data)
    assert again.stdout.strip().splitlines()[-1] == template_id and "未重复导入" in again.stdout
    rows = {r["id"]: r for r in json.loads(run("templates", "--json", "--data-dir", data).stdout)}
    assert rows[template_id]["source"] == "imported" and rows[template_id]["edition"] == "2025"
    shown = run("template", "show", template_id, "--data-dir", data)
    assert shown.returncode == 0 and "4.1" in shown.stdout
    out = run("park", "add", "测试园区", "--data-dir", data)
    assert out.returncode == 0, out.stderr
    out = run("inspection", "new", "--park", "测试园区", "--template", template_id,
              "--inspector", "张三", "--data-dir", data)
    assert out.returncode == 0, out.stderr
    assert run("template", "retire", template_id, "--data-dir", data).returncode == 0
    rows = {r["id"]: r for r in json.loads(run("templates", "--json", "--data-dir", data).stdout)}
    assert rows[template_id]["status"] == "retired"
    refused = run("inspection", "new", "--park", "测试园区", "--template", template_id,
                  "--inspector", "张三", "--data-dir", data)
    assert refused.returncode == 2 and "已停用" in refused.stderr
    data_file = tmp_path / "t.json"
    assert run("template", "export", template_id, "--data", data_file, "--data-dir", data) \
        .returncode == 0
    other = tmp_path / "other"
    installed = run("template", "import", data_file, "--data-dir", other)
    assert installed.returncode == 0 and installed.stdout.strip().splitlines()[-1] == template_id


def test_a_bad_sheet_is_refused_with_every_row_and_nothing_stored(tmp_path):
    sheet = tmp_path / "bad.xlsx"
    run("template", "export", "000", "--xlsx", sheet)
    book = load_workbook(sheet)
    items = book["条目"]
    items["B3"].value = None  # row 3: empty title
    items["A5"].value = "9-9-9"  # row 5: parent missing
    book.save(sheet)
    data = tmp_path / "data"
    out = run("template", "import", sheet, "--data-dir", data)
    assert out.returncode == 2
    assert "第 3 行：标题为空" in out.stderr and "第 5 行：上级条目“9-9”不存在" in out.stderr
    assert "未导入任何内容" in out.stderr
    checked = run("template", "import", sheet, "--check", "--json", "--data-dir", data)
    report = json.loads(checked.stdout)
    assert checked.returncode == 2 and report["ok"] is False
    assert [p["row"] for p in report["problems"]] == [3, 5]
    assert not (data / "inspections.db").exists()


def test_export_insists_on_the_file_type(tmp_path):
    out = run("template", "export", "000", "--xlsx", tmp_path / "x.csv")
    assert out.returncode == 2 and ".xlsx" in out.stderr


def test_import_reads_regular_files_only_and_never_waits_on_a_pipe(tmp_path):
    import os

    pipe = tmp_path / "waiting.xlsx"
    os.mkfifo(pipe)  # open() would wait for a writer for ever
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    for path in (pipe, folder, Path("/dev/zero")):
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "template", "import", path,
                              "--data-dir", tmp_path / "data"], cwd=ROOT, capture_output=True,
                             text=True, timeout=30)
        assert out.returncode == 2 and "不是普通文件" in out.stderr, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data" / "inspections.db").exists()


def test_a_template_export_is_an_output_like_any_other(tmp_path):
    """Never over someone's other file, never into a data folder (files.check_output_path)."""
    notes = tmp_path / "notes.xlsx"
    notes.write_text("现场笔记")
    done = run("template", "export", "000", "--xlsx", str(notes), "--data-dir", str(tmp_path / "d"))
    assert done.returncode == 2 and "已经存在" in done.stderr and notes.read_text() == "现场笔记"
    assert run("demo", "--data-dir", str(tmp_path / "d")).returncode == 0
    inside = tmp_path / "d" / "t.json"
    done = run("template", "export", "000", "--data", str(inside), "--data-dir", str(tmp_path / "d"))
    assert done.returncode == 2 and "数据文件夹" in done.stderr and not inside.exists()
