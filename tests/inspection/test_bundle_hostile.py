"""Hostile and broken bundles: each refused whole, with its reason, and nothing changed."""
from __future__ import annotations

import io
import json
import stat
import zipfile

import pytest

from inspection.bundle import BundleRefused, export_bundle, import_bundle
from inspection.bundle.format import FORMAT_VERSION, MANIFEST, SIGNATURE
from inspection.store import open_store
from tests.inspection.bundle_data import (
    make_key,
    media_files,
    members,
    open_key,
    rebuild,
    signed_inspection,
    trust,
    write_members,
)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A signed bundle of A's, a draft bundle, and the keys (made once for the module)."""
    root = tmp_path_factory.mktemp("hostile")
    keys = {"张三": make_key(root / "keys", "张三"), "李四": make_key(root / "keys", "李四"),
            "王五": make_key(root / "keys", "王五")}
    with open_store(root / "a", actor="张三") as a:
        iid = signed_inspection(a, keys["张三"], photos=3)
        export_bundle(a, iid, root / "signed.pib")
        park = a.add_park("另一个园区", "service")
        draft = a.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-21").id
        a.save_answer(draft, "000", "1-1-1", result="pass")
        export_bundle(a, draft, root / "draft.pib")
    return {"root": root, "keys": keys, "signed": root / "signed.pib", "draft": root / "draft.pib",
            "id": iid}


@pytest.fixture
def b(tmp_path, made):
    store = open_store(tmp_path / "b", actor="李四")
    trust(store, made["keys"]["张三"])
    trust(store, made["keys"]["李四"])
    yield store
    store.close()


def refused(store, path, code, **kwargs):
    """Importing *path* is refused with *code*, and the folder is as it was."""
    before = (store.audit_entries(), media_files(store), store.inspections())
    with pytest.raises(BundleRefused) as caught:
        import_bundle(store, path, **kwargs)
    assert caught.value.code == code, caught.value.text()
    assert (store.audit_entries(), media_files(store), store.inspections()) == before
    assert not list(store.data_dir.root.rglob("*.tmp"))
    return caught.value


def test_a_tampered_member_is_refused(tmp_path, b, made):
    files = members(made["signed"])
    photo = next(n for n in files if n.startswith("photos/") and n.endswith(".jpg")
                 and ".report." not in n and ".thumb." not in n)
    data = bytearray(files[photo])
    data[len(data) // 2] ^= 0xFF
    files[photo] = bytes(data)
    error = refused(b, write_members(tmp_path / "t.pib", files), "bundle.bad_hash")
    assert photo in error.text()
    files = members(made["signed"])
    rows = files["rows.json"]
    files["rows.json"] = rows.replace(b'"result":"pass"', b'"result":"fail"', 1)
    assert files["rows.json"] != rows
    refused(b, write_members(tmp_path / "t2.pib", files), "bundle.bad_hash")


def test_a_tampered_manifest_is_refused(tmp_path, b, made):
    files = members(made["signed"])
    manifest = json.loads(files[MANIFEST])
    manifest["inspection"]["report_number"] = "YQJC-2099-9999"
    files[MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    refused(b, write_members(tmp_path / "t.pib", files), "bundle.bad_signature")
    files = members(made["signed"])
    del files[SIGNATURE]  # signature stripped: the manifest still says it is signed
    refused(b, write_members(tmp_path / "t2.pib", files), "bundle.signature_missing")


def test_a_signer_this_laptop_does_not_know_is_refused_unless_trusted(tmp_path, made):
    with open_store(tmp_path / "c") as c:
        error = refused(c, made["signed"], "bundle.unknown_signer")
        assert "张三" in error.text()
        assert import_bundle(c, made["signed"], trust_signer=True).new_signer
        assert import_bundle(c, made["signed"]).action == "nothing"  # known from now on


def test_a_certificate_that_takes_a_trusted_name_is_refused_as_impersonation(tmp_path, b, made):
    """Someone makes a key in the name of 张三, whom this laptop trusts, and signs a draft."""
    impostor = open_key(make_key(tmp_path / "impostor", "张三"))
    forged = rebuild(made["draft"], tmp_path / "i.pib", lambda rows, files, manifest: None,
                     key=impostor)
    error = refused(b, forged, "bundle.impersonation")
    assert "张三" in error.text() and "冒名" in error.text()


def test_a_signed_revision_sealed_by_someone_else_than_its_report_signer_is_refused(
        tmp_path, b, made):
    forged = rebuild(made["signed"], tmp_path / "f.pib", lambda rows, files, manifest: None,
                     key=open_key(made["keys"]["李四"]))
    refused(b, forged, "bundle.signer_mismatch")


def test_a_manifest_naming_another_signer_than_its_signature_is_refused(tmp_path, b, made):
    def claim_zhangsan(rows, files, manifest):
        pass
    forged = rebuild(made["signed"], tmp_path / "f.pib", claim_zhangsan,
                     key=open_key(made["keys"]["李四"]))
    files = members(forged)
    manifest = json.loads(files[MANIFEST])
    manifest["signer"]["fingerprint"] = open_key(made["keys"]["张三"]).fingerprint
    raw = json.dumps(manifest, ensure_ascii=False).encode()
    from inspection.bundle.cms import sign_manifest
    files[MANIFEST], files[SIGNATURE] = raw, sign_manifest(raw, open_key(made["keys"]["李四"]))
    refused(b, write_members(tmp_path / "g.pib", files), "bundle.bad_manifest")


def test_a_truncated_bundle_is_refused(tmp_path, b, made):
    data = made["signed"].read_bytes()
    (tmp_path / "cut.pib").write_bytes(data[: len(data) // 2])
    refused(b, tmp_path / "cut.pib", "bundle.not_a_zip")
    (tmp_path / "empty.pib").write_bytes(b"")
    refused(b, tmp_path / "empty.pib", "bundle.not_a_zip")
    refused(b, tmp_path / "missing.pib", "bundle.not_found")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, b, made):
    files = members(made["signed"])
    out = tmp_path / "bomb.pib"
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        zf.writestr("templates/bomb.json", b"\0" * (64 << 20))  # 64 MB of zeros in ~64 KB
    assert out.stat().st_size < 2 << 20
    error = refused(b, out, "bundle.too_big")
    assert "ratio" in error.text("en") and "压缩比" in error.text("zh_CN")


def test_a_member_bigger_than_its_declared_size_is_refused(tmp_path, b, made):
    """The zip's directory says one size, the member holds more (a forged directory)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members(made["signed"]).items():
            zf.writestr(name, data)
    raw = bytearray(buffer.getvalue())
    start = 0
    while True:  # the central directory entry of audit.json
        start = raw.find(b"PK\x01\x02", start)
        name_len = int.from_bytes(raw[start + 28:start + 30], "little")
        if raw[start + 46:start + 46 + name_len] == b"audit.json":
            break
        start += 4
    declared = int.from_bytes(raw[start + 24:start + 28], "little")
    raw[start + 24:start + 28] = (declared - 10).to_bytes(4, "little")
    (tmp_path / "lie.pib").write_bytes(bytes(raw))
    refused(b, tmp_path / "lie.pib", "bundle.bad_size")


@pytest.mark.parametrize("name", ["../evil.json", "/etc/passwd", "photos/../../evil.jpg",
                                  "C:\\evil.json", "rows.json/../x", "photos/x.jpg"])
def test_zip_slip_and_unknown_names_are_refused(tmp_path, b, made, name):
    files = members(made["signed"])
    files[name] = b"{}"
    error = refused(b, write_members(tmp_path / "slip.pib", files), "bundle.unsafe_member")
    assert not (tmp_path / "evil.json").exists() and not (b.data_dir.root.parent / "evil.jpg").exists()
    assert name[:20] in error.text()


def test_a_symlink_member_is_refused(tmp_path, b, made):
    files = members(made["signed"])
    out = tmp_path / "link.pib"
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            if name == "rows.json":
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, "/etc/passwd")
            else:
                zf.writestr(name, data)
    error = refused(b, out, "bundle.unsafe_member")
    assert "symbolic link" in error.text("en") and "符号链接" in error.text("zh_CN")


def test_a_bundle_from_a_newer_program_is_refused(tmp_path, b, made):
    def newer(rows, files, manifest):
        manifest["format"] = f"park-inspector-bundle/{FORMAT_VERSION + 1}"
        manifest["program"]["version"] = "9.0.0"
    forged = rebuild(made["signed"], tmp_path / "n.pib", newer, key=open_key(made["keys"]["张三"]))
    error = refused(b, forged, "bundle.too_new")
    assert "9.0.0" in error.text()


def test_a_bundle_with_an_unknown_template_is_refused(tmp_path, b, made):
    def unknown(rows, files, manifest):
        rows["inspection"]["templates"] = ["999"]
        for record in rows["answers"] + rows["findings"] + rows["photos"]:
            if record["template_id"]:
                record["template_id"] = "999"
        manifest["templates"][0].update(id="999", version="1")
    forged = rebuild(made["signed"], tmp_path / "u.pib", unknown,
                     key=open_key(made["keys"]["张三"]))
    error = refused(b, forged, "bundle.unknown_template")
    assert "999" in error.text()


def test_rows_of_the_wrong_shape_are_refused(tmp_path, b, made):
    def bad(rows, files, manifest):
        rows["answers"][0]["result"] = 7
    refused(b, rebuild(made["draft"], tmp_path / "r.pib", bad, key=None), "bundle.bad_rows",
            allow_unsigned=True)

    def extra(rows, files, manifest):
        rows["answers"][0]["sql"] = "DROP TABLE answers"
    refused(b, rebuild(made["draft"], tmp_path / "r2.pib", extra, key=None), "bundle.bad_rows",
            allow_unsigned=True)


def test_an_unsigned_bundle_says_so_and_is_never_a_signed_revision(tmp_path, b, made):
    refused(b, made["draft"], "bundle.unsigned")
    unsigned = rebuild(made["signed"], tmp_path / "s.pib", lambda rows, files, manifest: None,
                       key=None)
    refused(b, unsigned, "bundle.unsigned_signed", allow_unsigned=True)
    result = import_bundle(b, made["draft"], allow_unsigned=True)
    assert not result.signed and result.signer is None


def test_altered_audit_rows_are_refused(tmp_path, b, made):
    def rewrite_history(rows, files, manifest):
        audit = json.loads(files["audit.json"])
        audit[0]["actor"] = "某人"
        files["audit.json"] = json.dumps(audit, ensure_ascii=False).encode()
    refused(b, rebuild(made["draft"], tmp_path / "a.pib", rewrite_history, key=None),
            "bundle.bad_audit", allow_unsigned=True)


def test_a_bundle_from_a_copy_of_this_folder_is_refused(tmp_path, made):
    """Two folders with one device id (a folder copied to another laptop) would mix their
    version vectors and audit chains: refused, saying why."""
    import shutil
    with open_store(tmp_path / "one") as one:
        park = one.add_park("园区", "service")
        iid = one.new_inspection(park.id, ["000"], inspectors=["张三"]).id
    shutil.copytree(tmp_path / "one", tmp_path / "copy")
    with open_store(tmp_path / "copy") as copy:
        copy.save_answer(iid, "000", "1-1-1", result="pass")
        export_bundle(copy, iid, tmp_path / "c.pib")
    with open_store(tmp_path / "one") as one:
        refused(one, tmp_path / "c.pib", "bundle.device_clash", allow_unsigned=True)


def test_a_failed_import_leaves_no_report_file_behind(tmp_path, b, made, monkeypatch):
    from inspection.store import Store

    def broken(self, *args, **kwargs):
        raise OSError("disk gone")
    monkeypatch.setattr(Store, "apply_bundle", broken)
    before = media_files(b)
    with pytest.raises(OSError):
        import_bundle(b, made["signed"])
    after = media_files(b)
    assert not [n for n in after if n.startswith("reports/")]
    # photo files may stay: content-addressed, the same bytes under their own name
    assert all(n.startswith("media/") for n in set(after) - set(before))
    assert b.inspections() == []


def test_a_cancelled_import_changes_nothing(b, made):
    """Cancel while the files are being written (the window's 取消): nothing stays behind."""
    calls = []

    def cancel_after_two():
        calls.append(1)
        return len(calls) > 2
    refused(b, made["signed"], "bundle.cancelled", should_cancel=cancel_after_two)
    assert len(calls) > 2
