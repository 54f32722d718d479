"""The hub from the command line: init, user add, connect, sync, status, inspections, history,
parks, revisit — against the real PostgreSQL of the suite."""
import json

import psycopg

from inspection.cli import main
from tests.hub.folders import PARK, filled_inspection, folder


def _run(capsys, *argv):
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _password_file(tmp_path, name, password):
    path = tmp_path / f"{name}.pw"
    path.write_text(password + "\n")
    return path


def test_init_user_connect_sync_status_and_list(pg_server, tmp_path, capsys):
    with psycopg.connect(pg_server.admin_url(), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS cli_hub WITH (FORCE)")
        conn.execute("CREATE DATABASE cli_hub")
    admin_pw = _password_file(tmp_path, "admin", pg_server.password)
    code, out, _ = _run(capsys, "hub", "init", pg_server.url("admin", "cli_hub"), "--password-file", admin_pw)
    assert code == 0 and "中心数据结构为第" in out
    admin_url = pg_server.url("admin", "cli_hub") + f" password={pg_server.password}"
    for name, role in (("cli_alice", "inspector"), ("cli_rita", "reviewer")):
        with psycopg.connect(pg_server.admin_url(), autocommit=True) as conn:
            conn.execute(f"DROP ROLE IF EXISTS {name}")
        code, out, _ = _run(capsys, "hub", "user", "add", name, "--role", role, "--password-file",
                            _password_file(tmp_path, name, f"{name}-pw"), "--hub", admin_url)
        assert code == 0 and out.splitlines()[-1] == name

    data = tmp_path / "alice"
    code, out, _ = _run(capsys, "hub", "connect", pg_server.url("cli_alice", "cli_hub"),
                        "--password-file", tmp_path / "cli_alice.pw", "--data-dir", data)
    assert code == 0 and "检查人员" in out
    _, store = folder(tmp_path, "alice")
    inspection_id = filled_inspection(store, photos=2, findings=1, answers=3)
    store.close()

    code, out, _ = _run(capsys, "hub", "status", "--json", "--data-dir", data)
    status = json.loads(out)
    assert status["connected"] and status["role"] == "inspector"
    assert [w["id"] for w in status["waiting"]] == [inspection_id]

    code, out, err = _run(capsys, "sync", "--json", "--data-dir", data)
    assert code == 0, err
    report = json.loads(out)
    assert report["outcome"] == "done" and [p["id"] for p in report["pushed"]] == [inspection_id]
    code, out, _ = _run(capsys, "sync", "--data-dir", data)
    assert code == 0 and "没有需要上传的检查" in out

    code, out, _ = _run(capsys, "hub", "status", "--data-dir", data)
    assert "待上传：0 项检查" in out and "上次同步" in out and "完成" in out

    code, out, _ = _run(capsys, "hub", "inspections", "--json", "--data-dir", data)
    rows = json.loads(out)
    assert [(r["id"], r["answers"], r["photos"], r["findings"], r["inspector"]) for r in rows] == [
        (inspection_id, 3, 2, 1, "cli_alice")]
    code, out, _ = _run(capsys, "hub", "history", PARK, "--data-dir", data)
    assert code == 0 and inspection_id[:8] in out

    code, out, _ = _run(capsys, "hub", "inspections", "--hub",
                        pg_server.url("cli_rita", "cli_hub") + " password=cli_rita-pw")
    assert code == 0 and "共 1 项检查" in out

    # The password is in the pgpass file only, never in the settings or the log.
    settings = (data / "hub" / "settings.json").read_text()
    assert "cli_alice-pw" not in settings and "cli_alice-pw" in (data / "hub" / "pgpass").read_text()
    for log in (data / "logs").glob("*"):
        assert "cli_alice-pw" not in log.read_text(errors="replace")
    with psycopg.connect(pg_server.admin_url(), autocommit=True) as conn:
        conn.execute("DROP DATABASE cli_hub WITH (FORCE)")
        conn.execute("DROP ROLE cli_alice")
        conn.execute("DROP ROLE cli_rita")


def test_offline_is_said_plainly(tmp_path, capsys, hub):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    filled_inspection(store)
    store.close()
    settings = root / "hub" / "settings.json"
    settings.write_text(settings.read_text().replace(f"host={hub.server.socket_dir}", "host=/nonexistent"))
    code, out, _ = _run(capsys, "sync", "--data-dir", root)
    assert code == 1 and out.startswith("离线") and "待上传 1 项" in out
    code, out, _ = _run(capsys, "hub", "status", "--data-dir", root)
    assert code == 0 and "离线" in out and "待上传：1 项检查" in out


def test_a_wrong_password_file_is_one_line(hub, tmp_path, capsys):
    alice = hub.add_user("inspector")
    code, out, err = _run(capsys, "hub", "connect", hub.url(alice), "--password-file",
                          _password_file(tmp_path, "x", "wrong"), "--data-dir", tmp_path / "d")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "密码" in err


def test_revisit_from_the_command_line_carries_the_hubs_open_findings(hub, tmp_path, capsys):
    alice, carol = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "a", hub, alice)
    filled_inspection(store_a, findings=2)
    assert _run(capsys, "sync", "--data-dir", root_a)[0] == 0
    root_c, _ = folder(tmp_path, "c", hub, carol)
    assert _run(capsys, "sync", "--data-dir", root_c)[0] == 0
    code, out, err = _run(capsys, "hub", "revisit", PARK, "--inspector", "王五", "--data-dir", root_c)
    assert code == 0, err
    assert "带入未完成整改 2 项" in out
