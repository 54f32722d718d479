"""The hub's lasting refusals, against the real PostgreSQL: another inspector's inspection brought
on a USB stick is refused once (said in the sync's result, the command line's and `hub status`),
remembered, not offered again until it changes (another bundle of it); the syncs after it read
as done. A refusal holds for its login only."""
from inspection.bundle import export_bundle, import_bundle
from inspection.cli import main
from inspection.hub.settings import load_settings
from inspection.hub.sync import sync_folder
from inspection.model import Status
from tests.hub.folders import PARK, filled_inspection, folder, sign


def _run(capsys, *argv):
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _revisions(hub, inspection_id):
    with hub.admin() as conn:
        return conn.execute("SELECT owner, revision FROM hub.revisions WHERE inspection_id = %s"
                            " ORDER BY id", [inspection_id]).fetchall()


def test_another_inspectors_bundle_is_refused_once_then_left_until_it_changes(hub, tmp_path, capsys):
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    root_b, store_b = folder(tmp_path, "bob", hub, bob)
    bobs = filled_inspection(store_b, seed=2)
    assert sync_folder(store_b, root_b).outcome == "done"  # the hub knows it as bob's
    export_bundle(store_b, bobs, tmp_path / "usb.pib")
    import_bundle(store_a, tmp_path / "usb.pib", allow_unsigned=True)
    mine = filled_inspection(store_a, park="另一个园区", seed=1, date="2026-03-05")

    first = sync_folder(store_a, root_a)
    assert first.outcome == "partly"
    assert [p["id"] for p in first.pushed] == [mine]  # the others still go
    [refused] = first.refused
    assert (refused["id"], refused["code"], refused["lasting"]) == (bobs, "hub.not_owner", True)
    assert bob in refused["message"]
    line = next(x for x in first.lines() if x.startswith("中心不接受"))
    assert PARK in line and bobs[:8] in line and "第 1 版" in line and bob in line
    assert first.waiting == 0  # nothing waits: the refused revision is not offered again
    hub_id = load_settings(root_a).hub_id
    assert bobs not in store_a.hub_standings(hub_id)  # no 待上传 badge for it
    assert store_a.hub_standings(hub_id)[mine].state == "pushed"

    second = sync_folder(store_a, root_a)
    assert (second.outcome, second.pushed, second.refused) == ("done", [], [])
    code, out, err = _run(capsys, "sync", "--data-dir", root_a)
    assert code == 0, err
    assert "没有需要上传的检查" in out and "中心不接受" not in out
    code, out, err = _run(capsys, "hub", "status", "--data-dir", root_a)
    assert code == 0, err
    assert "待上传：0 项检查" in out
    assert "中心不接受（不再上传，检查有改动时再试）：1 项检查" in out
    assert bobs[:8] in out and bob in out
    assert _revisions(hub, bobs) == [(bob, 1)]

    # Bob's next state comes on the stick: offered (and refused) once more, then left again.
    store_b.set_status(bobs, Status.IN_PROGRESS)
    store_b.save_answer(bobs, "000", "1-1-1", result="fail", note="复核后不符合")
    store_b.set_status(bobs, Status.COMPLETED)
    export_bundle(store_b, bobs, tmp_path / "usb2.pib")
    import_bundle(store_a, tmp_path / "usb2.pib", allow_unsigned=True)
    code, out, err = _run(capsys, "sync", "--data-dir", root_a)
    assert code == 1 and "中心不接受" in out and bobs[:8] in out
    assert sync_folder(store_a, root_a).outcome == "done"
    assert _revisions(hub, bobs) == [(bob, 1)]


def test_a_refusal_holds_for_its_login_only(hub, tmp_path):
    """The same laptop connected as bob (whose inspection it is) pushes it at once."""
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    root_b, store_b = folder(tmp_path, "bob", hub, bob)
    bobs = filled_inspection(store_b, seed=2)
    assert sync_folder(store_b, root_b).outcome == "done"
    store_b.set_status(bobs, Status.IN_PROGRESS)
    store_b.save_answer(bobs, "000", "1-1-1", result="fail", note="第二次记录")
    store_b.set_status(bobs, Status.COMPLETED)
    export_bundle(store_b, bobs, tmp_path / "usb.pib")
    import_bundle(store_a, tmp_path / "usb.pib", allow_unsigned=True)
    assert sync_folder(store_a, root_a).outcome == "partly"
    assert sync_folder(store_a, root_a).outcome == "done"

    from inspection.hub.folder import connect_folder
    connect_folder(root_a, hub.url(bob), password=hub.passwords[bob]).close()
    report = sync_folder(store_a, root_a)
    assert report.outcome == "done" and [p["id"] for p in report.pushed] == [bobs]
    assert store_a.hub_refusals(load_settings(root_a).hub_id) == []


def test_a_signed_revision_the_hub_holds_otherwise_is_said_once_and_a_reopening_goes(hub, tmp_path):
    alice = hub.add_user("inspector")
    root_a, laptop_a = folder(tmp_path, "a", hub, alice)
    root_b, laptop_b = folder(tmp_path, "b", hub, alice)
    inspection_id = filled_inspection(laptop_a, status=Status.IN_PROGRESS)
    export_bundle(laptop_a, inspection_id, tmp_path / "usb.pib")
    import_bundle(laptop_b, tmp_path / "usb.pib", allow_unsigned=True)
    for laptop, note in ((laptop_a, "A 签署时的记录"), (laptop_b, "B 签署时的记录")):
        laptop.save_answer(inspection_id, "000", "1-1-1", result="pass", note=note)
        laptop.set_status(inspection_id, Status.COMPLETED)
        sign(laptop, inspection_id)
    assert sync_folder(laptop_a, root_a).outcome == "done"

    first = sync_folder(laptop_b, root_b)
    assert first.outcome == "partly"
    assert [(r["code"], r["lasting"]) for r in first.refused] == [("hub.signed_differs", True)]
    assert sync_folder(laptop_b, root_b).outcome == "done"

    laptop_b.reopen(inspection_id)  # revision 2: the hub takes it
    laptop_b.set_status(inspection_id, Status.COMPLETED)
    report = sync_folder(laptop_b, root_b)
    assert report.outcome == "done" and [p["revision"] for p in report.pushed] == [2]


def test_an_office_folder_waits_for_nothing_it_does_not_upload(hub, tmp_path, capsys):
    """The office's laptop (a reviewer's login) imports an inspector's bundle to look at it: its
    syncs only download, so neither the status nor the status bar says it waits to go."""
    from inspection.cli import main
    from inspection.hub.settings import load_settings
    from inspection.hub.status import folder_status
    from ui.hub.sync_flow import status_text

    bob, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    _, store_b = folder(tmp_path, "bob", hub, bob)
    root_r, store_r = folder(tmp_path, "office", hub, rita)
    assert load_settings(root_r).role == "reviewer"
    bobs = filled_inspection(store_b, photos=1)
    export_bundle(store_b, bobs, tmp_path / "usb.pib")
    import_bundle(store_r, tmp_path / "usb.pib", allow_unsigned=True)

    offline = folder_status(root_r, try_hub=False)
    assert offline["waiting"] == [] and offline["uploads"] is False
    assert "只下载" in status_text(offline)[0] and "待上传" not in status_text(offline)[0]
    report = sync_folder(store_r, root_r)
    assert report.outcome == "done" and report.pushed == [] and report.waiting == 0
    capsys.readouterr()
    assert main(["hub", "status", "--data-dir", str(root_r)]) == 0
    out = capsys.readouterr().out
    assert "同步只下载" in out and "审核人员" in out and bobs[:8] not in out
    assert folder_status(root_r)["waiting"] == []
    store_r.close()
    store_b.close()
