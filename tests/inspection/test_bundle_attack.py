"""Hostile bundles beyond tests/inspection/test_bundle_hostile.py, each built here: ids taken
from other records, times that break comparisons, names with a trailing newline, answers on
items a template does not have, report-size copies and thumbnails that show another picture,
zips whose directory disagrees with itself, replayed and re-sealed manifests, and bundles that
would move an inspection to another park, take a revision back or win a merge by a date."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from inspection.bundle import BundleRefused, export_bundle, import_bundle
from inspection.bundle.format import MANIFEST, SIGNATURE
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
    """A's signed inspection (3 photos) and a draft with an answer and a finding."""
    root = tmp_path_factory.mktemp("attack")
    keys = {"张三": make_key(root / "keys", "张三"), "李四": make_key(root / "keys", "李四"),
            "冒名": make_key(root / "keys", "冒名")}
    with open_store(root / "a", actor="张三") as a:
        iid = signed_inspection(a, keys["张三"], photos=3)
        export_bundle(a, iid, root / "signed.pib")
        park = a.add_park("另一个园区", "service")
        draft = a.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-21").id
        a.save_answer(draft, "000", "1-1-1", result="pass")
        a.add_finding(draft, "000", "1-1-1", requirement="补充台账", severity="minor")
        export_bundle(a, draft, root / "draft.pib")
    return {"root": root, "keys": keys, "signed": root / "signed.pib", "draft": root / "draft.pib",
            "id": iid, "draft_id": draft}


@pytest.fixture
def b(tmp_path, made):
    store = open_store(tmp_path / "b", actor="李四")
    trust(store, made["keys"]["张三"])
    trust(store, made["keys"]["李四"])
    yield store
    store.close()


def refused(store, path, code, **kwargs):
    """Importing *path* is refused with *code* (a message, not a traceback), nothing changed."""
    before = (store.audit_entries(), store.inspections())
    with pytest.raises(BundleRefused) as caught:
        import_bundle(store, path, **kwargs)
    assert caught.value.code == code, caught.value.text()
    assert caught.value.text("en") and caught.value.text("zh")
    assert (store.audit_entries(), store.inspections()) == before
    return caught.value


def _rows(pib):
    return json.loads(members(pib)["rows.json"])


# --- holes that were open -------------------------------------------------------------------

@pytest.mark.parametrize("table", ["answers", "findings"])
def test_a_record_taking_the_id_of_another_inspections_record_is_refused(tmp_path, b, made, table):
    """It was an IntegrityError (an internal error); it must be a refusal naming the record."""
    import_bundle(b, made["signed"])
    theirs = _rows(made["signed"])[table][0]["uid"]

    def take(rows, files, manifest):
        rows[table][0]["uid"] = theirs
    error = refused(b, rebuild(made["draft"], tmp_path / "c.pib", take, key=None),
                    "bundle.id_clash", allow_unsigned=True)
    assert theirs in error.text("en") and table in error.text("en")


def test_a_record_taking_the_id_of_another_record_of_its_own_inspection_is_refused(tmp_path, b, made):
    import_bundle(b, made["draft"], allow_unsigned=True)
    b.save_answer(made["draft_id"], "000", "1-1-2", result="pass")
    taken = b.db.execute("SELECT uid FROM answers WHERE inspection_id = ? AND item_code = '1-1-2'",
                         [made["draft_id"]]).fetchone()[0]

    def another_answer(rows, files, manifest):  # an answer new here, with the uid of 1-1-2's
        rows["answers"].append({**rows["answers"][0], "item_code": "1-1-3", "uid": taken})
    refused(b, rebuild(made["draft"], tmp_path / "c.pib", another_answer, key=None),
            "bundle.id_clash", allow_unsigned=True)


@pytest.mark.parametrize("stamp", ["2026-11-20T10:00:00",  # no offset: compared with a certificate
                                   "9999-12-31T23:59:59-14:00",  # past year 9999 in UTC
                                   "0001-01-01T00:00:00+14:00"])  # before year 1 in UTC
def test_a_manifest_time_that_cannot_be_compared_is_refused(tmp_path, b, made, stamp):
    """A naive time was a TypeError against the certificate's validity (an internal error)."""
    def when(rows, files, manifest):
        manifest["created_at"] = stamp
    refused(b, rebuild(made["signed"], tmp_path / "t.pib", when, key=open_key(made["keys"]["张三"])),
            "bundle.bad_manifest")


@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"])
def test_a_row_time_outside_what_utc_can_hold_is_refused(tmp_path, b, made, stamp):
    def when(rows, files, manifest):
        rows["answers"][0]["answered_at"] = stamp
    refused(b, rebuild(made["draft"], tmp_path / "t.pib", when, key=None), "bundle.bad_rows",
            allow_unsigned=True)


def test_a_member_name_or_extension_with_a_trailing_newline_is_refused(tmp_path, b, made):
    """``$`` in a pattern also matches before a final newline: 'jpg\\n' passed as an extension
    and 'photos/<sha>.jpg\\n' as a name, and a file with a newline in its name was written."""
    def newline(rows, files, manifest):
        photo = rows["photos"][0]
        old = f"photos/{photo['sha256']}.{photo['ext']}"
        photo["ext"] += "\n"
        files[f"photos/{photo['sha256']}.{photo['ext']}"] = files.pop(old)
    forged = rebuild(made["signed"], tmp_path / "n.pib", newline, key=open_key(made["keys"]["张三"]))
    with pytest.raises(BundleRefused) as caught:
        import_bundle(b, forged)
    assert caught.value.code in ("bundle.unsafe_member", "bundle.bad_rows", "bundle.bad_manifest")
    assert not [p for p in b.data_dir.root.rglob("*") if "\n" in p.name]


@pytest.mark.parametrize("field", ["uid", "carried_from"])
def test_an_id_with_a_trailing_newline_is_refused(tmp_path, b, made, field):
    def newline(rows, files, manifest):
        rows["findings"][0][field] = (rows["findings"][0][field] or rows["findings"][0]["uid"]) + "\n"
    refused(b, rebuild(made["draft"], tmp_path / "n.pib", newline, key=None), "bundle.bad_rows",
            allow_unsigned=True)


@pytest.mark.parametrize("table", ["answers", "findings"])
def test_a_record_on_an_item_the_template_does_not_have_is_refused(tmp_path, b, made, table):
    """Rows were written for any item code: 200,000 answers to items of no template took 13 s
    and 600 MB, and stayed in the folder."""
    def nowhere(rows, files, manifest):
        rows[table][0]["item_code"] = "99-99-99"
    error = refused(b, rebuild(made["draft"], tmp_path / "i.pib", nowhere, key=None),
                    "bundle.no_item", allow_unsigned=True)
    assert "99-99-99" in error.text("en")


def test_a_report_copy_showing_another_photo_is_not_taken(tmp_path, b, made):
    """The report-size copy is what the signed PDF prints: a bundle carried photo B's copy under
    photo A's name, and the content-addressed copy of A here showed B (for every later
    inspection with photo A too). Now the copy is made here from A's original."""
    original = members(made["signed"])
    a, other = (p["sha256"] for p in _rows(made["signed"])["photos"][:2])

    def swap(rows, files, manifest):
        files[f"photos/{a}.report.jpg"] = files[f"photos/{other}.report.jpg"]
        files[f"photos/{a}.thumb.jpg"] = files[f"photos/{other}.thumb.jpg"]
    forged = rebuild(made["signed"], tmp_path / "s.pib", swap, key=open_key(made["keys"]["张三"]))
    result = import_bundle(b, forged)
    assert result.action == "create"
    copy = b.data_dir.report_image(a).read_bytes()
    assert copy != original[f"photos/{other}.report.jpg"]
    from inspection.bundle.derived import sample, shows
    assert shows(sample(original[f"photos/{a}.jpg"]), sample(copy))
    assert not shows(sample(original[f"photos/{other}.jpg"]), sample(copy))
    [thumbnail] = [bytes(r[0]) for r in b.db.execute("SELECT thumbnail FROM photos WHERE sha256 = ?", [a])]
    assert shows(sample(copy), sample(thumbnail))
    # copies that show their photo are taken as they came
    for photo in _rows(made["signed"])["photos"][1:]:
        sha = photo["sha256"]
        assert b.data_dir.report_image(sha).read_bytes() == original[f"photos/{sha}.report.jpg"]


def test_members_listed_twice_in_the_zip_are_refused(tmp_path, b, made):
    files = members(made["signed"])
    out = tmp_path / "twice.pib"
    with pytest.warns(UserWarning), zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        zf.writestr("rows.json", b"{}")  # the later entry would win in a naive reader
    error = refused(b, out, "bundle.unsafe_member")
    assert "duplicate" in error.text("en")


# --- attacks the import resists (coverage the suite lacked) ---------------------------------

def _rename_in_local_header(raw: bytes, old: bytes, new: bytes) -> bytes:
    """The local header of member *old* renamed to *new* (same length); the central directory
    still says *old*."""
    assert len(old) == len(new)
    start = 0
    while True:
        at = raw.find(b"PK\x03\x04", start)
        length = int.from_bytes(raw[at + 26:at + 28], "little")
        if raw[at + 30:at + 30 + length] == old:
            return raw[:at + 30] + new + raw[at + 30 + length:]
        start = at + 4


def test_a_zip_whose_local_header_disagrees_with_its_directory_is_refused(tmp_path, b, made):
    raw = made["signed"].read_bytes()
    (tmp_path / "split.pib").write_bytes(_rename_in_local_header(raw, b"audit.json", b"audit.jsoN"))
    refused(b, tmp_path / "split.pib", "bundle.bad_hash")


@pytest.mark.parametrize("name", ["Rows.json", "ROWS.JSON", "rows.json ", "ｒｏｗｓ.json",
                                  "rows\u200b.json", "photos/" + "A" * 64 + ".jpg",
                                  "templates/000.json\n", "manifest.json\n"])
def test_names_in_another_case_or_another_unicode_form_are_refused(tmp_path, b, made, name):
    files = members(made["signed"])
    files[name] = files["rows.json"]
    refused(b, write_members(tmp_path / "case.pib", files), "bundle.unsafe_member")


def test_a_zip_inside_a_bundle_is_only_bytes(tmp_path, b, made):
    """A nested zip (as a photo, a template) is never opened: it is a member like any other,
    refused for its name or kept as the bytes it is."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("../../evil.txt", "x")
    signed = rebuild(made["signed"], tmp_path / "n.pib",
                     lambda rows, f, m: f.__setitem__("templates/nested.json", inner.getvalue()),
                     key=open_key(made["keys"]["张三"]))
    refused(b, signed, "bundle.member_unlisted")
    assert not list(tmp_path.rglob("evil.txt")) and not list(b.data_dir.root.rglob("evil.txt"))


def test_a_signed_manifest_replayed_for_another_inspection_is_refused(tmp_path, b, made):
    """The signature covers the manifest, which names the inspection and its content hash: the
    manifest and signature of one inspection over the rows of another do not pass."""
    draft = members(made["draft"])
    signed = members(made["signed"])
    replay = dict(draft)
    replay[MANIFEST], replay[SIGNATURE] = signed[MANIFEST], signed[SIGNATURE]
    with pytest.raises(BundleRefused) as caught:
        import_bundle(b, write_members(tmp_path / "replay.pib", replay))
    assert caught.value.code in ("bundle.member_missing", "bundle.member_unlisted", "bundle.bad_hash")
    assert b.inspections() == []


def test_a_bundle_signed_by_a_colleague_but_sealed_with_another_key_is_refused(tmp_path, b, made):
    """The manifest names the trusted colleague 张三 (his fingerprint), the seal is 冒名's key:
    refused before anything is read, whatever the manifest says."""
    impostor = open_key(made["keys"]["冒名"])
    colleague = open_key(made["keys"]["张三"])

    def claim(rows, files, manifest):
        pass
    forged = rebuild(made["draft"], tmp_path / "f.pib", claim, key=impostor)
    files = members(forged)
    manifest = json.loads(files[MANIFEST])
    manifest["signer"] = {"name": colleague.name, "organisation": colleague.organisation,
                          "fingerprint": colleague.fingerprint}
    from inspection.bundle.cms import sign_manifest
    files[MANIFEST] = json.dumps(manifest, ensure_ascii=False).encode()
    files[SIGNATURE] = sign_manifest(files[MANIFEST], impostor)
    refused(b, write_members(tmp_path / "f2.pib", files), "bundle.bad_manifest")


def test_a_bundle_never_moves_an_inspection_to_another_park(tmp_path, b, made):
    import_bundle(b, made["draft"], allow_unsigned=True)
    park_before = b.inspection(made["draft_id"]).park_name
    other = b.add_park("别人的园区", "manufacturing")

    def move(rows, files, manifest):
        rows["park"].update(name="别人的园区", uid=b.db.execute(
            "SELECT uid FROM parks WHERE id = ?", [other.id]).fetchone()[0])
        rows["answers"][0]["note"] = "改了"
        rows["answers"][0]["vv"] = {k: v + 1 for k, v in rows["answers"][0]["vv"].items()}
    import_bundle(b, rebuild(made["draft"], tmp_path / "m.pib", move, key=None), allow_unsigned=True)
    assert b.inspection(made["draft_id"]).park_name == park_before
    assert b.answer(made["draft_id"], "000", "1-1-1").note == "改了"


def test_a_revision_number_going_backwards_is_refused_unless_signed(tmp_path, b, made):
    import_bundle(b, made["draft"], allow_unsigned=True)
    b.db.execute("UPDATE inspections SET revision = 3 WHERE id = ?", [made["draft_id"]])
    b.db.commit()
    refused(b, made["draft"], "bundle.older_draft", allow_unsigned=True)


def test_a_time_far_in_the_future_wins_no_merge(tmp_path, b, made):
    """Merges go by version vectors, never by dates: an edit dated 2999 that has not seen the
    change made here does not replace it."""
    import_bundle(b, made["draft"], allow_unsigned=True)
    b.save_answer(made["draft_id"], "000", "1-1-1", result="fail", note="本机的修改")

    def future(rows, files, manifest):
        rows["answers"][0].update(result="pass", note="未来", answered_at="2999-01-01T00:00:00+08:00")
        rows["inspection"]["updated_at"] = "2999-01-01T00:00:00+08:00"
    import_bundle(b, rebuild(made["draft"], tmp_path / "f.pib", future, key=None), allow_unsigned=True)
    assert b.answer(made["draft_id"], "000", "1-1-1").note == "本机的修改"


def test_a_photo_row_needs_its_bytes_in_the_bundle_even_when_the_folder_has_them(tmp_path, b, made):
    """A bundle naming a photo this folder holds (from another inspection) but not carrying it
    would link that photo into the bundle's inspection: refused, the folder's file untouched."""
    import_bundle(b, made["signed"])
    photo = _rows(made["signed"])["photos"][0]
    before = media_files(b)

    def borrow(rows, files, manifest):
        rows["photos"].append({**photo, "uid": "0" * 8 + "-0000-4000-8000-" + "0" * 12,
                               "template_id": "000", "item_code": "1-1-1", "annotations": None})
    error = refused(b, rebuild(made["draft"], tmp_path / "p.pib", borrow, key=None),
                    "bundle.member_missing", allow_unsigned=True)
    assert photo["sha256"] in error.text("en")
    assert media_files(b) == before
