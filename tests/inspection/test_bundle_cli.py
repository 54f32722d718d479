"""``bundle export`` / ``bundle import`` / ``conflict``: paths and ids on the last line, one-line
errors with exit status 2."""
from __future__ import annotations

import json

import pytest

from inspection.cli import main
from tests.inspection.bundle_data import PASSWORD, make_key


@pytest.fixture
def cli(tmp_path, capsys):
    def run(folder, *args):
        code = main([*args, "--data-dir", str(tmp_path / folder)])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def last(text):
    return text.strip().splitlines()[-1]


@pytest.fixture
def draft(cli):
    assert cli("a", "park", "add", "星河园")[0] == 0
    code, out, err = cli("a", "inspection", "new", "--park", "星河园", "--template", "000",
                         "--inspector", "张三", "--date", "2026-11-20")
    assert code == 0, err
    iid = last(out)
    assert cli("a", "inspection", "answer", iid, "1-1-1", "--result", "pass")[0] == 0
    return iid


def test_export_prints_the_path_and_import_the_inspection_id(cli, draft, tmp_path):
    out_file = tmp_path / "d.pib"
    code, out, err = cli("a", "bundle", "export", draft[:8], "--out", str(out_file))
    assert code == 0, err
    assert last(out) == str(out_file) and "未签名" in err
    code, out, err = cli("b", "bundle", "import", str(out_file))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--allow-unsigned" in err
    code, out, err = cli("b", "bundle", "import", str(out_file), "--allow-unsigned")
    assert code == 0, err
    assert last(out) == draft
    code, out, err = cli("b", "bundle", "import", str(out_file), "--allow-unsigned", "--json")
    assert code == 0
    data = json.loads(out[: out.rstrip().rfind("\n")])
    assert data["action"] == "nothing" and data["signed"] is False and last(out) == draft


def test_a_signed_bundle_by_password_file_and_its_signer_trusted(cli, draft, tmp_path):
    key = make_key(tmp_path / "a" / "keys", "张三")
    (tmp_path / "pw").write_text(PASSWORD + "\n", encoding="utf-8")
    code, out, err = cli("a", "bundle", "export", draft, "--out", str(tmp_path / "s.pib"),
                         "--password-file", str(tmp_path / "pw"))
    assert code == 0, err
    assert err == ""  # signed: nothing to warn about
    code, out, err = cli("b", "bundle", "import", str(tmp_path / "s.pib"))
    assert code == 2 and "张三" in err and "--trust-signer" in err
    code, out, err = cli("b", "bundle", "import", str(tmp_path / "s.pib"), "--trust-signer")
    assert code == 0 and last(out) == draft
    assert key.with_suffix(".crt").read_bytes() in [
        p.read_bytes() for p in (tmp_path / "b" / "keys").glob("*.crt")]


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_bad_files_get_one_line_and_exit_2(cli, tmp_path, content):
    (tmp_path / "bad.pib").write_bytes(content)
    code, out, err = cli("b", "bundle", "import", str(tmp_path / "bad.pib"))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("错误：")


def test_conflicts_are_listed_and_picked(cli, draft, tmp_path):
    cli("a", "bundle", "export", draft, "--out", str(tmp_path / "0.pib"))
    cli("b", "bundle", "import", str(tmp_path / "0.pib"), "--allow-unsigned")
    cli("a", "inspection", "answer", draft, "1-1-1", "--result", "fail")
    cli("b", "inspection", "answer", draft, "1-1-1", "--result", "partial")
    cli("a", "bundle", "export", draft, "--out", str(tmp_path / "1.pib"))
    code, out, err = cli("b", "bundle", "import", str(tmp_path / "1.pib"), "--allow-unsigned")
    assert code == 0 and "1 项冲突待核" in out
    code, out, err = cli("b", "conflict", "list", draft, "--json")
    (conflict,) = json.loads(out)
    assert conflict["item"] == ["000", "1-1-1"] and conflict["theirs"]["result"] == "fail"
    assert cli("b", "conflict", "pick", str(conflict["id"]), "theirs")[0] == 0
    assert json.loads(cli("b", "conflict", "list", draft, "--json")[1]) == []
    code, out, err = cli("b", "bundle", "revisions", draft, "--json")
    assert json.loads(out)["current"]["revision"] == 1


@pytest.fixture
def shanghai(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _picked_conflict(cli, draft, tmp_path):
    cli("a", "bundle", "export", draft, "--out", str(tmp_path / "0.pib"))
    cli("b", "bundle", "import", str(tmp_path / "0.pib"), "--allow-unsigned")
    cli("a", "inspection", "answer", draft, "1-1-1", "--result", "fail")
    cli("b", "inspection", "answer", draft, "1-1-1", "--result", "partial")
    cli("a", "bundle", "export", draft, "--out", str(tmp_path / "1.pib"))
    cli("b", "bundle", "import", str(tmp_path / "1.pib"), "--allow-unsigned")
    (conflict,) = json.loads(cli("b", "conflict", "list", draft, "--json")[1])
    assert conflict["resolved_at"] is None and conflict["resolution"] is None
    assert cli("b", "conflict", "pick", str(conflict["id"]), "theirs")[0] == 0
    return conflict["id"]


def _raw_resolved_at(root):
    from inspection.store import open_store

    with open_store(root) as store:
        return store.db.execute("SELECT resolved_at FROM conflicts").fetchone()[0]


def test_a_pick_is_stamped_with_its_offset_and_listed_in_local_time(cli, draft, tmp_path, shanghai):
    from datetime import datetime, timedelta

    _picked_conflict(cli, draft, tmp_path)
    stamp = datetime.fromisoformat(_raw_resolved_at(tmp_path / "b"))
    assert stamp.utcoffset() == timedelta(hours=8)  # it was UTC without an offset
    code, out, err = cli("b", "conflict", "list", draft, "--all")
    assert code == 0, err
    assert "采用对方" in out and stamp.strftime("%Y-%m-%d %H:%M") in out
    (listed,) = json.loads(cli("b", "conflict", "list", draft, "--all", "--json")[1])
    assert listed["resolution"] == "theirs"
    assert datetime.fromisoformat(listed["resolved_at"]) == stamp.replace(microsecond=0)
    assert cli("b", "conflict", "list", draft)[1] == ""  # settled: not listed without --all


def test_picks_stamped_in_utc_by_an_older_program_become_local_time(cli, draft, tmp_path, shanghai):
    """Migration m010: 23:30 UTC as SQLite's datetime('now') wrote it is 07:30 the next day here."""
    import sqlite3

    from inspection.store.migrations import known_names, migrations

    _picked_conflict(cli, draft, tmp_path)
    database = tmp_path / "b" / "inspections.db"
    assert database.is_file()
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE conflicts SET resolved_at = '2026-03-01 23:30:00'")
        conn.execute(f"DELETE FROM {migrations.migrations_table} WHERE name = 'm010_conflict_times'")
        conn.execute(f"PRAGMA user_version = {len(known_names()) - 1}")
    assert _raw_resolved_at(tmp_path / "b") == "2026-03-02T07:30:00.000+08:00"
    code, out, err = cli("b", "conflict", "list", draft, "--all")
    assert code == 0 and "2026-03-02 07:30" in out
