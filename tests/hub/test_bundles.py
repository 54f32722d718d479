"""The hub and the .pib bundle: a signed revision goes with its sealed manifest and comes back
whole (photos, annotations, signatures, the signed report) into another data folder; an
inspection edited on two laptops merges through the hub; a tampered bundle is refused whole."""
import json
import zipfile

import pytest

from inspection.bundle import export_bundle, import_bundle
from inspection.bundle.errors import BundleRefused
from inspection.cli import main
from inspection.hub.sync import sync_folder
from inspection.hub.transfer import export_revision, push_bundle_file
from inspection.model import Status
from tests.hub.folders import filled_inspection, folder
from tests.inspection.bundle_data import make_key, members, signed_inspection, trust, write_members


def _items():
    from checklists.library import get_template
    return [n.code for n in get_template("000").items()]


def _count(hub, sql, params=()):
    with hub.admin() as conn:
        return conn.execute(sql, params).fetchone()[0]


def test_a_signed_revision_goes_whole_and_comes_back_into_another_folder(hub, tmp_path):
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root, store = folder(tmp_path, "a", hub, alice)
    key = make_key(tmp_path / "keys", "张三")
    inspection_id = signed_inspection(store, key, photos=3)
    report = sync_folder(store, root)
    assert report.outcome == "done" and report.pushed[0]["status"] == "signed"
    assert _count(hub, "SELECT count(*) FROM hub.revisions WHERE bundle_signed AND status = 'signed'") == 1
    assert _count(hub, "SELECT count(*) FROM hub.revision_files WHERE name = 'manifest.p7s'") == 1

    with hub.session(rita) as session:
        pib = export_revision(session, inspection_id, tmp_path / "from-hub.pib")
    _, other = folder(tmp_path, "other")
    trust(other, key)
    result = import_bundle(other, pib)
    assert result.inspection_id == inspection_id and result.signed
    snapshot, original = other.snapshot(inspection_id), store.snapshot(inspection_id)
    assert other.inspection(inspection_id).status is Status.SIGNED
    assert len(snapshot.photos) == len(original.photos) == 3
    assert [p.annotations for p in snapshot.photos] == [p.annotations for p in original.photos]
    assert len(snapshot.signatures) == len(original.signatures)
    assert [r.sha256 for r in other.reports(inspection_id)] == [r.sha256 for r in store.reports(inspection_id)]
    assert all(r.file(other.data_dir).is_file() for r in other.reports(inspection_id))


def test_an_inspection_edited_on_two_laptops_merges_through_the_hub(hub, tmp_path):
    alice = hub.add_user("inspector")
    root_a, laptop_a = folder(tmp_path, "a", hub, alice)
    root_b, laptop_b = folder(tmp_path, "b", hub, alice)
    codes = _items()
    inspection_id = filled_inspection(laptop_a, answers=1, photos=1, findings=0, status=Status.IN_PROGRESS)
    export_bundle(laptop_a, inspection_id, tmp_path / "usb.pib")
    import_bundle(laptop_b, tmp_path / "usb.pib", allow_unsigned=True)

    laptop_a.save_answer(inspection_id, "000", codes[1], result="fail", note="A 记录")
    laptop_a.set_status(inspection_id, Status.COMPLETED)
    laptop_b.save_answer(inspection_id, "000", codes[2], result="pass", note="B 记录")
    laptop_b.set_status(inspection_id, Status.COMPLETED)
    assert sync_folder(laptop_a, root_a).outcome == "done"
    report = sync_folder(laptop_b, root_b)
    assert report.outcome == "done", report
    assert report.pushed[0]["merged"]["action"] == "merge"

    with hub.admin() as conn:
        current = conn.execute("SELECT current_revision FROM hub.inspections WHERE id = %s",
                               [inspection_id]).fetchone()[0]
        notes = dict(conn.execute("SELECT item_code, note FROM hub.answers WHERE revision_id = %s",
                                  [current]).fetchall())
        stored = conn.execute("SELECT count(*) FROM hub.revisions WHERE inspection_id = %s",
                              [inspection_id]).fetchone()[0]
    assert notes[codes[1]] == "A 记录" and notes[codes[2]] == "B 记录"
    assert stored == 2  # A's, then the merge that supersedes it; both kept


def test_a_tampered_bundle_is_refused_whole_and_nothing_is_stored(hub, tmp_path):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    inspection_id = filled_inspection(store, photos=2)
    good = export_bundle(store, inspection_id, tmp_path / "good.pib").path
    files = members(good)
    photo = next(n for n in files if n.startswith("photos/") and n.count(".") == 1)
    files[photo] = files[photo][:-10] + b"tampered!!"
    bad = write_members(tmp_path / "bad.pib", files)
    with hub.session(alice) as session, pytest.raises(BundleRefused) as caught:
        push_bundle_file(session, bad, keys_dir=store.data_dir.keys)
    assert caught.value.code == "bundle.bad_hash"
    assert _count(hub, "SELECT count(*) FROM hub.revisions") == 0
    assert _count(hub, "SELECT count(*) FROM hub.blobs") == 0

    rows = json.loads(files["rows.json"])
    rows["answers"][0]["note"] = "改过的备注"
    files = members(good)
    files["rows.json"] = json.dumps(rows).encode()
    with hub.session(alice) as session, pytest.raises(BundleRefused):
        push_bundle_file(session, write_members(tmp_path / "bad2.pib", files), keys_dir=store.data_dir.keys)
    assert _count(hub, "SELECT count(*) FROM hub.revisions") == 0

    with zipfile.ZipFile(good) as archive:
        assert "manifest.json" in archive.namelist()
    with hub.session(alice) as session:
        result = push_bundle_file(session, good, keys_dir=store.data_dir.keys)
    assert result["outcome"] == "stored" and result["inspection_id"] == inspection_id


def test_push_and_export_from_the_command_line(hub, tmp_path, capsys):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    inspection_id = filled_inspection(store, photos=1)
    pib = export_bundle(store, inspection_id, tmp_path / "usb.pib").path
    capsys.readouterr()
    assert main(["hub", "push", str(pib), "--data-dir", str(root)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == inspection_id
    assert main(["hub", "export", inspection_id, "--out", str(tmp_path / "back.pib"), "--data-dir", str(root)]) == 0
    assert sorted(members(tmp_path / "back.pib")) == sorted(members(pib))
