"""Outputs never land on live data: no backup, report or export into a data folder, over a
signed report, or onto a device, pipe or folder; a file that is replaced is replaced whole."""
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from inspection.cli import main
from inspection.files import OutputRefused, check_output_path
from inspection.store import open_store

PASSWORD = "output-paths-2026"


@pytest.fixture
def data(tmp_path):
    """A data folder with one answered inspection; returns (folder, inspection id)."""
    root = tmp_path / "data"
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        store.save_answer(inspection.id, "000", "1-1-1", result="fail", note="积水")
    return root, inspection.id


def database_intact(root: Path) -> bool:
    conn = sqlite3.connect(root / "inspections.db")
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok" \
            and conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1
    finally:
        conn.close()


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def outputs(root: Path, inspection_id: str, target: Path) -> dict[str, list]:
    return {"backup": ["backup", "--out", target, "--data-dir", root],
            "report": ["report", inspection_id, "--out", target, "--data-dir", root],
            "export": ["export", inspection_id, "--xlsx", target, "--data-dir", root],
            "word": ["report", inspection_id, "--docx", target, "--data-dir", root]}


@pytest.mark.parametrize("command", ["backup", "report", "export", "word"])
@pytest.mark.parametrize("where", ["the database", "media", "a new file in the folder",
                                   "through a symlink", "another data folder"])
def test_no_output_is_written_into_a_data_folder(data, tmp_path, capsys, command, where):
    root, inspection_id = data
    other = tmp_path / "other"
    with open_store(other):
        pass
    (tmp_path / "link").symlink_to(root)
    suffix = {"backup": ".zip", "report": ".pdf", "export": ".xlsx", "word": ".docx"}[command]
    target = {"the database": root / "inspections.db",
              "media": root / "media" / f"x{suffix}",
              "a new file in the folder": root / f"new{suffix}",
              "through a symlink": tmp_path / "link" / f"inspections.db{suffix}",
              "another data folder": other / f"out{suffix}"}[where]
    if suffix and where == "the database":
        target = root / f"inspections.db{suffix}"
    before = sorted(p.name for p in root.iterdir())
    code, out, err = run(capsys, *outputs(root, inspection_id, target)[command])
    assert code == 2 and "数据文件夹" in err and len(err.strip().splitlines()) == 1, err
    assert sorted(p.name for p in root.iterdir()) == before
    assert not target.exists() or target.name == "inspections.db"
    assert database_intact(root)
    assert run(capsys, "check-db", "--data-dir", root)[0] == 0


@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
def test_no_output_goes_onto_a_folder_a_pipe_or_a_device(data, tmp_path, capsys, kind):
    root, inspection_id = data
    target = tmp_path / f"target-{kind}"
    if kind == "folder":
        target.mkdir()
    elif kind == "pipe":
        os.mkfifo(target)
    else:
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # a second /dev/full
    mode = target.lstat().st_mode
    for command in ("backup", "report", "export"):
        code, _, err = run(capsys, *outputs(root, inspection_id, target)[command])
        assert code == 2 and str(target) in err, (command, err)
        assert target.lstat().st_mode == mode  # still the folder, pipe or device it was


def test_a_signed_report_is_never_overwritten(tmp_path, capsys):
    from inspection.signing.issue import issue_report
    from inspection.signing.pades import create_signing_key

    root = tmp_path / "data"
    key = create_signing_key(name="张三", organisation="金山区经委", password=PASSWORD,
                             out=tmp_path / "k.p12")
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        store.save_answer(inspection.id, "000", "1-1-1", result="pass")
        issue_report(store, inspection.id, key_path=key, password=PASSWORD)
        signed = store.reports(inspection.id)[0].file(store.data_dir)
    original = signed.read_bytes()
    # The recorded report itself, and the same file reached through a symlink outside.
    (tmp_path / "signed.pdf").symlink_to(signed)
    for target in (signed, tmp_path / "signed.pdf"):
        code, _, err = run(capsys, "report", inspection.id, "--out", target, "--data-dir", root)
        assert code == 2 and ("签署的报告" in err or "数据文件夹" in err), err
    assert signed.read_bytes() == original
    assert run(capsys, "check-db", "--data-dir", root)[0] == 0


def test_a_signed_report_recorded_outside_the_folder_is_protected_too(data, tmp_path):
    root, inspection_id = data
    outside = tmp_path / "archive" / "signed.pdf"
    outside.parent.mkdir()
    outside.write_bytes(b"%PDF-1.7 signed")
    with pytest.raises(OutputRefused, match="签署的报告"):
        check_output_path(outside, data_dir=root, protected=[outside])


def test_an_existing_file_is_replaced_whole_by_a_rename(data, tmp_path, capsys):
    root, inspection_id = data
    target = tmp_path / "out.zip"
    old = b"PK\x05\x06" + bytes(18)  # last night's backup (here an empty zip)
    target.write_bytes(old)
    keep = tmp_path / "hard-link"
    os.link(target, keep)  # the old content stays with its other name, untouched
    assert run(capsys, "backup", "--out", target, "--data-dir", root)[0] == 0
    assert keep.read_bytes() == old and target.stat().st_ino != keep.stat().st_ino
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", ["backup", "report", "export", "word", "bundle"])
def test_an_existing_file_of_another_kind_is_never_replaced(data, tmp_path, capsys, command):
    """``backup --out notes.txt`` (or, as root, ``--out /etc/passwd``) once replaced the file
    with a zip: an output only replaces an empty file or one of its own kind."""
    root, inspection_id = data
    # named as the output would be: the content, not the name, says it is someone's notes
    notes = tmp_path / {"backup": "notes.zip", "report": "notes.pdf", "export": "notes.xlsx",
                        "word": "notes.docx", "bundle": "notes.pib"}[command]
    commands = {**outputs(root, inspection_id, notes),
                "bundle": ["bundle", "export", inspection_id, "--out", notes, "--data-dir", root]}
    notes.write_text("root:x:0:0:root:/root:/bin/bash\n现场笔记\n", encoding="utf-8")
    before = notes.read_bytes()
    code, out, err = run(capsys, *commands[command])
    assert code == 2 and "已经存在" in err and notes.name in err, err
    assert len(err.strip().splitlines()) == 1 and out == ""
    assert notes.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command, name", [("backup", "b.zip"), ("report", "r.pdf"),
                                           ("export", "e.xlsx"), ("word", "w.docx")])
def test_an_output_made_again_replaces_the_earlier_one(data, tmp_path, capsys, command, name):
    root, inspection_id = data
    target = tmp_path / name
    for _ in range(2):
        code, _, err = run(capsys, *outputs(root, inspection_id, target)[command])
        assert code == 0 and target.is_file(), err
    empty = tmp_path / f"empty-{name}"
    empty.touch()  # an empty file (made beforehand, e.g. by mktemp) may be written over
    assert run(capsys, *outputs(root, inspection_id, empty)[command])[0] == 0


def test_english_says_it_in_english(data, tmp_path, capsys, monkeypatch):
    root, _ = data
    monkeypatch.setenv("PARK_INSPECTOR_LANG", "en")
    notes = tmp_path / "notes.zip"
    notes.write_text("keep me")
    code, _, err = run(capsys, "backup", "--out", notes, "--data-dir", root)
    assert code == 2 and "already exists and is not a backup" in err, err
    assert notes.read_text() == "keep me"


def test_ordinary_outputs_still_work(data, tmp_path, capsys):
    root, inspection_id = data
    for command, target in (("backup", tmp_path / "b.zip"), ("report", tmp_path / "r.pdf"),
                            ("export", tmp_path / "e.xlsx")):
        code, _, err = run(capsys, *outputs(root, inspection_id, target)[command])
        assert code == 0 and target.is_file(), err


def test_the_window_backup_refuses_the_data_folder_too(data):
    root, _ = data
    with open_store(root) as store, pytest.raises(OutputRefused):
        store.backup(root / "reports" / "b.zip")
    assert database_intact(root)
