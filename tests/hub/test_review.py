"""Review (审核) between an inspector's data folder and a reviewer, against the real PostgreSQL:
return with comments, the decision and the comments come down with the next sync, the inspection
reopened as a new revision, fixed and pushed again, approved; the hub keeps every revision and
decision; an inspector cannot record a review (the database refuses)."""
import psycopg
import pytest

from checklists.errors import InvalidInput
from inspection.cli import main
from inspection.hub.errors import HubRefused
from inspection.hub.review import record_review, review_history
from inspection.hub.settings import load_settings
from inspection.hub.sync import sync_folder
from inspection.model import Status
from tests.hub.folders import PARK, filled_inspection, folder

ITEM = "1-1-1"


def _run(capsys, *argv):
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _standing(store, root, inspection_id):
    return store.hub_standings(load_settings(root).hub_id).get(inspection_id)


@pytest.fixture
def pushed(hub, tmp_path):
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    root_r, store_r = folder(tmp_path, "rita", hub, rita)
    inspection_id = filled_inspection(store_a)
    assert sync_folder(store_a, root_a).outcome == "done"
    return hub, (alice, root_a, store_a), (rita, root_r, store_r), inspection_id


def test_a_returned_inspection_is_fixed_as_a_new_revision_and_approved(pushed, capsys):
    hub, (alice, root_a, store_a), (rita, root_r, _), inspection_id = pushed
    assert _standing(store_a, root_a, inspection_id).state == "pushed"  # 待审核

    code, out, err = _run(capsys, "hub", "review", inspection_id[:8], "return", "--comment", "照片不清晰",
                          "--item", ITEM, "--comment", "请补拍", "--item", "000:1-1-2", "--comment",
                          "整改期限写错", "--data-dir", root_r)
    assert code == 0, err
    assert "退回" in out and out.strip().splitlines()[-1].count("-") == 4  # the review's id last

    report = sync_folder(store_a, root_a)
    assert report.pulled["reviews"] == 1
    standing = _standing(store_a, root_a, inspection_id)
    assert standing.state == "returned"
    assert standing.decision.comment == "照片不清晰" and standing.decision.reviewer == rita
    assert standing.decision.comment_on("000", ITEM) == "请补拍"
    assert standing.decision.comment_on("000", "1-1-2") == "整改期限写错"

    reopened = store_a.reopen_returned(inspection_id)
    assert (reopened.revision, reopened.status) == (2, Status.IN_PROGRESS)
    assert store_a.reopen_returned(inspection_id).revision == 2  # twice is once
    standing = _standing(store_a, root_a, inspection_id)
    assert standing.state == "waiting" and standing.returned_earlier
    assert standing.decision.comment_on("000", ITEM) == "请补拍"  # still shown while fixing
    store_a.save_answer(inspection_id, "000", ITEM, result="pass", note="已补拍清晰照片")
    store_a.set_status(inspection_id, Status.COMPLETED)
    report = sync_folder(store_a, root_a)
    assert [(p["revision"], p["outcome"]) for p in report.pushed] == [(2, "stored")]
    assert _standing(store_a, root_a, inspection_id).state == "pushed"

    with hub.session(rita) as session:
        history = review_history(session, inspection_id)
        assert [(r["revision"], r["current"]) for r in history["revisions"]] == [(1, False), (2, True)]
        assert [(r["revision"], r["decision"]) for r in history["reviews"]] == [(1, "returned")]
        approved = record_review(session, inspection_id, "approve", comment="同意")
    assert approved["revision"] == 2 and approved["owner"] == alice
    sync_folder(store_a, root_a)
    standing = _standing(store_a, root_a, inspection_id)
    assert standing.state == "approved" and standing.decision.comment == "同意"
    assert [d.decision for d in store_a.review_decisions(inspection_id)] == ["returned", "approved"]

    code, out, _ = _run(capsys, "hub", "reviews", inspection_id[:8], "--data-dir", root_r)
    assert code == 0
    assert [line for line in out.splitlines() if "审核" in line or "上传" in line][-1].count("通过") == 1
    assert "请补拍" in out


def test_an_inspector_cannot_record_a_review(pushed, capsys):
    hub, (alice, root_a, store_a), _, inspection_id = pushed
    with hub.session(alice) as session:
        with pytest.raises(HubRefused) as caught:
            record_review(session, inspection_id, "approve")
        assert caught.value.code == "hub.no_right_role"
        assert caught.value.arguments["role_id"] == "reviewer"
    with hub.connect(alice) as conn:  # with SQL of their own
        with pytest.raises(psycopg.Error) as refused:
            conn.execute("INSERT INTO hub.reviews (inspection_id, revision_id, decision)"
                         " SELECT id, current_revision, 'approved' FROM hub.inspections")
        assert refused.value.sqlstate == "42501"
    code, _, err = _run(capsys, "hub", "review", inspection_id, "approve", "--data-dir", root_a)
    assert code == 2 and "没有这项权限" in err
    assert "需要“审核人员”角色" in err and "hub user add NAME --role reviewer" in err


def test_an_admin_is_told_review_needs_a_reviewer_and_who_adds_one(pushed, tmp_path, capsys, monkeypatch):
    hub, _, _, inspection_id = pushed
    boss = hub.add_user("admin")
    root_b, store_b = folder(tmp_path, "boss", hub, boss)
    store_b.close()
    monkeypatch.setenv("PARK_INSPECTOR_LANG", "en")
    code, _, err = _run(capsys, "hub", "review", inspection_id[:8], "approve", "--data-dir", root_b)
    assert code == 2
    assert "needs an account with the role “reviewer”" in err and "administrator (admin)" in err
    assert "hub user add NAME --role reviewer" in err


def test_user_add_with_hub_takes_the_administrators_password_file(pushed, tmp_path, capsys, monkeypatch):
    hub = pushed[0]
    boss = hub.add_user("admin")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    new_pw = tmp_path / "new.pw"
    new_pw.write_text("new-secret\n")
    boss_pw = tmp_path / "boss.pw"
    boss_pw.write_text(hub.passwords[boss] + "\n")
    name = f"{boss}_rev"
    hub.passwords[name] = "new-secret"  # dropped with the hub
    argv = ("hub", "user", "add", name, "--role", "reviewer", "--password-file", new_pw,
            "--hub", hub.url(boss), "--data-dir", tmp_path / "nowhere")
    code, _, err = _run(capsys, *argv)
    assert code == 2 and "--hub-password-file" in err and "PGPASSWORD" in err
    assert "中心服务器…”" not in err  # no settings dialog is involved with --hub
    code, out, err = _run(capsys, *argv, "--hub-password-file", boss_pw)
    assert code == 0, err
    assert out.splitlines()[-1] == name
    with hub.session(name) as session:
        assert session.role == "reviewer"
    with hub.admin() as conn:
        assert conn.execute("SELECT count(*) FROM hub.reviews").fetchone()[0] == 0


def test_a_review_is_refused_without_a_reason_or_with_an_unknown_item(pushed, capsys):
    hub, _, (rita, root_r, _), inspection_id = pushed
    with hub.session(rita) as session:
        for kwargs, code in (({"decision": "return"}, "review.needs_comment"),
                             ({"decision": "return", "items": [("9-9-9", "?")]}, "review.no_item"),
                             ({"decision": "maybe"}, "review.bad_decision")):
            with pytest.raises(InvalidInput) as caught:
                record_review(session, inspection_id, kwargs.pop("decision"), **kwargs)
            assert caught.value.code == code
        with pytest.raises(InvalidInput) as caught:
            record_review(session, "ffffffff", "approve")
        assert caught.value.code == "review.no_inspection"
        stale = session.conn.execute("SELECT current_revision FROM hub.inspections").fetchone()[0] + 1
        session.conn.commit()
        with pytest.raises(InvalidInput) as caught:
            record_review(session, inspection_id, "approve", revision_id=stale)
        assert caught.value.code == "review.stale"
    code, _, err = _run(capsys, "hub", "review", inspection_id, "return", "--item", ITEM,
                        "--data-dir", root_r)
    assert code == 2 and "--comment" in err
    with hub.admin() as conn:
        assert conn.execute("SELECT count(*) FROM hub.reviews").fetchone()[0] == 0


def test_drafts_backed_up_to_the_hub_are_not_reviewed(hub, tmp_path):
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, store_a = folder(tmp_path, "alice", hub, alice, backup_drafts=True)
    draft = filled_inspection(store_a, status=Status.IN_PROGRESS)
    sync_folder(store_a, root_a)
    with hub.session(rita) as session, pytest.raises(InvalidInput) as caught:
        record_review(session, draft, "approve")
    assert caught.value.code == "review.not_ready"


def test_hub_inspections_shows_the_decision_on_the_current_revision_only(pushed, capsys):
    """A returned inspection reopened, fixed and pushed again waits for review: `hub inspections`
    must not go on saying 已退回 (the decision was on the revision it replaced)."""
    from inspection.hub.listing import inspections, park_history

    hub, (alice, root_a, store_a), (rita, root_r, _), inspection_id = pushed
    with hub.session(rita) as session:
        record_review(session, inspection_id, "return", comment="照片不清晰")
        assert [r["review"] for r in inspections(session)] == ["returned"]
    sync_folder(store_a, root_a)
    store_a.reopen_returned(inspection_id)
    store_a.set_status(inspection_id, Status.COMPLETED)
    assert sync_folder(store_a, root_a).pushed
    for user in (rita, alice):
        with hub.session(user) as session:
            assert [r["review"] for r in inspections(session)] == [None]
            assert [r["review"] for r in park_history(session, PARK)["inspections"]] == [None]
    code, out, _ = _run(capsys, "hub", "inspections", "--data-dir", root_r)
    assert code == 0 and "已退回" not in out
    with hub.session(rita) as session:
        record_review(session, inspection_id, "approve")
        assert [r["review"] for r in inspections(session)] == ["approved"]


@pytest.fixture
def shanghai_laptop_utc_hub(monkeypatch):
    """The laptop in Asia/Shanghai; the hub's sessions in UTC (a server set up in UTC: libpq
    sends PGTZ as the session's TimeZone)."""
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    monkeypatch.setenv("PGTZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_review_times_are_the_laptops_local_time_whatever_the_hubs_zone(pushed, shanghai_laptop_utc_hub):
    """A decision taken at 07:30 in Shanghai is 23:30 the day before in UTC: the inspector's page
    and the office's history said the hub's time (and so, before 08:00, yesterday's date)."""
    from datetime import datetime

    hub, (alice, root_a, store_a), (rita, _, _), inspection_id = pushed
    with hub.session(rita) as session:
        record_review(session, inspection_id, "return", comment="照片不清晰")
        history = review_history(session, inspection_id)
    sync_folder(store_a, root_a)
    [decision] = store_a.review_decisions(inspection_id)
    local = datetime.now().astimezone().utcoffset()
    for stamp in (decision.decided_at, history["reviews"][0]["decided_at"],
                  history["revisions"][0]["pushed_at"]):
        assert datetime.fromisoformat(stamp).utcoffset() == local, stamp


def test_a_draft_backed_up_to_the_hub_is_not_said_to_wait_for_review(hub, tmp_path):
    """备份草稿到中心 pushes drafts and inspections in progress, which the office cannot review:
    the list said 待审核 beside them — a new draft, and a returned inspection being fixed."""
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root, store = folder(tmp_path, "alice", hub, alice, backup_drafts=True)
    draft = filled_inspection(store, status=Status.IN_PROGRESS)
    returned = filled_inspection(store, seed=4, date="2026-03-02")
    assert len(sync_folder(store, root).pushed) == 2
    assert draft not in store.hub_standings(load_settings(root).hub_id)
    with hub.session(rita) as session:
        record_review(session, returned, "return", comment="照片不清晰")
    sync_folder(store, root)
    store.reopen_returned(returned)
    assert [p["id"] for p in sync_folder(store, root).pushed] == [returned]
    standing = _standing(store, root, returned)
    assert standing.state == "waiting" and standing.returned_earlier
    store.set_status(returned, Status.COMPLETED)
    sync_folder(store, root)
    assert _standing(store, root, returned).state == "pushed"


def test_the_history_says_which_revisions_were_signed_even_one_reopened_before_its_push(hub, tmp_path, capsys):
    """Trial 2, F12: revision 1 was signed, reopened and only revision 2 was ever pushed; the
    history listed "第 2 版 上传" alone although the hub held revision 1's signed PDF."""
    from tests.hub.folders import sign

    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    root_r, _ = folder(tmp_path, "rita", hub, rita)
    inspection_id = filled_inspection(store_a, status=Status.SIGNED)
    (first,) = store_a.reports(inspection_id)
    store_a.reopen(inspection_id, reason="更正")
    store_a.set_status(inspection_id, Status.COMPLETED)
    assert [p["revision"] for p in sync_folder(store_a, root_a).pushed] == [2]
    with hub.session(rita) as session:
        history = review_history(session, inspection_id)
    assert [(r["revision"], r["status"]) for r in history["revisions"]] == [(2, "completed")]
    assert [(s["revision"], s["sha256"], s["signer"], s["pushed"]) for s in history["signed"]] == [
        (1, first.sha256, "张三", False)]

    code, out, _ = _run(capsys, "hub", "reviews", inspection_id[:8], "--data-dir", root_r)
    assert code == 0
    assert f"签署 第 1 版（签署人 张三，签署 PDF SHA-256 {first.sha256}）" in out
    assert "上传 第 2 版（已完成）" in out

    store_a.set_status(inspection_id, Status.COMPLETED)
    sign(store_a, inspection_id)  # revision 2 signed and pushed: both listed, the second as pushed
    sync_folder(store_a, root_a)
    with hub.session(rita) as session:
        history = review_history(session, inspection_id)
    assert [(s["revision"], s["pushed"]) for s in history["signed"]] == [(1, False), (2, True)]
