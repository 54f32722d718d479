"""In English, a refusal is English all through: no Chinese sentence hides in a reason, a nested
message or a status name. Each refusal class is provoked through the public functions (a bad
photo, a bad bundle, a bad backup, a bad template file, a bad key, bad star inputs, store
refusals, a file that is not a report) and its English text checked for Chinese characters;
the Chinese text is checked too (still Chinese, the same words as before).

The file names, park names and values in these cases are ASCII on purpose: what a user typed
is quoted as typed, in any language."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from checklists.errors import UserError, set_language
from tests.test_messages import ROOT

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # ideographs and CJK punctuation


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    try:
        yield
    finally:
        set_language("zh_CN")


def english_text(error: UserError, names: tuple[str, ...] = ()) -> str:
    """*error* in English (as str() says it with the language set), checked for Chinese (but
    for *names*: Chinese names a file must use, quoted as they are)."""
    text = str(error)
    assert text == error.text("en")
    bare = text
    for name in names:
        bare = bare.replace(name, "")
    assert not CJK.search(bare), text
    assert CJK.search(error.text("zh_CN")), error.text("zh_CN")  # the Chinese is still there
    return text


def refusal(action: Callable[[], object], kind: type[UserError] = UserError,
            names: tuple[str, ...] = ()) -> str:
    with pytest.raises(kind) as caught:
        action()
    return english_text(caught.value, names)


# --- photos ----------------------------------------------------------------------------------

def _gif(folder: Path) -> Path:
    Image.new("RGB", (8, 8)).save(folder / "anim.gif", "GIF")
    return folder / "anim.gif"


def _huge(folder: Path) -> Path:
    from tests.inspection.test_photos import blank_png
    return blank_png(folder / "huge.png", 12000, 9000)


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name
    return make


PHOTOS: dict[str, Callable[[Path], Path]] = {
    "empty": _write("empty.jpg", b""),
    "text": _write("notes.jpg", b"not a photo"),
    "pdf": _write("scan.jpg", b"%PDF-1.7\n%%EOF\n"),
    "missing": lambda t: t / "gone.jpg",
    "folder": lambda t: (t / "folder.jpg").mkdir() or t / "folder.jpg",
    "gif": _gif,
    "too many pixels": _huge,
}


@pytest.mark.parametrize("case", PHOTOS)
def test_a_refused_photo_says_why_in_english(case, english, tmp_path):
    from inspection.photos.importer import PhotoRejected, prepare_photo, prepare_photos

    bad = PHOTOS[case](tmp_path)
    text = refusal(lambda: prepare_photo(bad, tmp_path / "data"), PhotoRejected)
    assert text.startswith(f"{bad.name}: ")
    rejected = prepare_photos([bad], tmp_path / "data").rejected
    assert [r.reason.text("en") for r in rejected] == [text.split(": ", 1)[1]]


def test_pixel_counts_are_said_in_each_language(tmp_path):
    from inspection.photos.importer import PhotoRejected, prepare_photo

    with pytest.raises(PhotoRejected) as caught:
        prepare_photo(_huge(tmp_path), tmp_path / "data")
    assert "108 megapixels" in caught.value.text("en")
    assert "1.08 亿像素" in caught.value.text("zh_CN")


# --- bundles ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def draft_bundle(tmp_path_factory) -> Path:
    from inspection.bundle import export_bundle
    from inspection.store import open_store

    root = tmp_path_factory.mktemp("bundle")
    with open_store(root / "a", actor="Zhang") as store:
        park = store.add_park("North Park", "service")
        draft = store.new_inspection(park.id, ["000"], inspectors=["Zhang"], date="2026-11-21").id
        store.save_answer(draft, "000", "1-1-1", result="pass")
        export_bundle(store, draft, root / "draft.pib")
    return root / "draft.pib"


def _set(path: str, value: object) -> Callable[[dict, dict, dict], None]:
    def change(rows: dict, files: dict, manifest: dict) -> None:
        *parents, last = path.split(".")
        target: object = rows
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]  # type: ignore[index]
        target[int(last) if isinstance(target, list) else last] = value  # type: ignore[index]
    return change


def _other_audit_actor(rows: dict, files: dict, manifest: dict) -> None:
    audit = json.loads(files["audit.json"])
    audit[0]["actor"] = "someone"
    files["audit.json"] = json.dumps(audit).encode()


def _repeated_templates(rows: dict, files: dict, manifest: dict) -> None:
    rows["inspection"]["templates"] = ["000", "000"]


BUNDLES: dict[str, Callable[[dict, dict, dict], None]] = {
    "a result of the wrong type": _set("answers.0.result", 7),
    "an unknown field": _set("answers.0.sql", "DROP TABLE answers"),
    "a date that is no date": _set("inspection.date", "tomorrow"),
    "a wrong status": _set("inspection.status", "lost"),
    "a bad version vector": _set("answers.0.vv", {"x": 0}),
    "a uuid that is none": _set("answers.0.uid", "not-a-uuid"),
    "templates repeated": _repeated_templates,
    "a rewritten audit row": _other_audit_actor,
}


@pytest.mark.parametrize("case", BUNDLES)
def test_a_refused_bundle_says_why_in_english(case, english, tmp_path, draft_bundle):
    from inspection.bundle import BundleRefused, import_bundle
    from inspection.store import open_store
    from tests.inspection.bundle_data import rebuild

    bad = rebuild(draft_bundle, tmp_path / "bad.pib", BUNDLES[case], key=None)
    with open_store(tmp_path / "b", actor="Li") as store:
        refusal(lambda: import_bundle(store, bad, allow_unsigned=True), BundleRefused)


def test_a_broken_or_unsigned_bundle_says_why_in_english(english, tmp_path, draft_bundle):
    from inspection.bundle import BundleRefused, import_bundle
    from inspection.bundle.schema import parse_manifest
    from inspection.store import open_store

    (tmp_path / "cut.pib").write_bytes(draft_bundle.read_bytes()[:200])
    with open_store(tmp_path / "b", actor="Li") as store:
        refusal(lambda: import_bundle(store, draft_bundle), BundleRefused)  # unsigned
        refusal(lambda: import_bundle(store, tmp_path / "cut.pib"), BundleRefused)
        refusal(lambda: import_bundle(store, tmp_path / "none.pib"), BundleRefused)
    with zipfile.ZipFile(draft_bundle) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    for change in ({"format": "park-inspector-bundle/0"}, {"signed": "yes"},
                   {"members": []}, {"created_at": "soon"}):
        raw = json.dumps({**manifest, **change}).encode()
        refusal(lambda raw=raw: parse_manifest(raw), BundleRefused)


# --- backups, templates, keys, reports -------------------------------------------------------

def test_a_bad_backup_says_why_in_english(english, tmp_path):
    from inspection.paths import DataDir
    from inspection.store.restore import BadBackup, restore_from

    target = DataDir(tmp_path / "data")
    (tmp_path / "not.zip").write_bytes(b"PK no zip")
    refusal(lambda: restore_from(tmp_path / "not.zip", target), BadBackup)
    refusal(lambda: restore_from(tmp_path / "none.zip", target), BadBackup)
    with zipfile.ZipFile(tmp_path / "empty.zip", "w") as zf:
        zf.writestr("notes.txt", "hello")
    refusal(lambda: restore_from(tmp_path / "empty.zip", target), BadBackup)
    with zipfile.ZipFile(tmp_path / "odd.zip", "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "something-else/9"}))
    refusal(lambda: restore_from(tmp_path / "odd.zip", target), BadBackup)


def test_a_bad_template_file_says_why_in_english(english, tmp_path):
    from openpyxl import Workbook

    from inspection.template_files import read_template, read_template_data

    (tmp_path / "fake.xlsx").write_bytes(b"not a workbook")
    refusal(lambda: read_template(tmp_path / "fake.xlsx"))
    book = Workbook()
    book.active.append(["apples", "pears"])
    book.active.append(["1", "2"])
    book.save(tmp_path / "fruit.xlsx")
    from checklists.exchange.layout import SHEETS
    text = refusal(lambda: read_template(tmp_path / "fruit.xlsx").require(), names=SHEETS)
    assert f"only {', '.join(SHEETS)} may be present" in text
    (tmp_path / "t.json").write_text("{not json")
    refusal(lambda: read_template_data(tmp_path / "t.json"))


def test_a_bad_key_says_why_in_english(english, tmp_path):
    from inspection.signing.keys import check_password, create_signing_key, load_signing_key

    (tmp_path / "fake.p12").write_bytes(b"not a key")
    refusal(lambda: load_signing_key(tmp_path / "fake.p12", "password-1234"))
    refusal(lambda: load_signing_key(tmp_path / "none.p12", "password-1234"))
    refusal(lambda: check_password("short"))
    key = create_signing_key(name="Zhang", organisation="Office", password="right-password-2026",
                             out=tmp_path / "zhang.p12")
    refusal(lambda: load_signing_key(key, "wrong-password-2026"))


def test_a_file_that_is_no_report_says_so_in_english(english, tmp_path):
    from inspection.report.attachment import read_attached_results
    from inspection.report.page_images import page_count

    (tmp_path / "a.pdf").write_bytes(b"hello")
    refusal(lambda: read_attached_results(tmp_path / "a.pdf"))
    refusal(lambda: read_attached_results(tmp_path / "none.pdf"))
    refusal(lambda: page_count(tmp_path / "none.pdf"))


@pytest.mark.parametrize("inputs", [
    "a list",
    {"park_type": "farm", "enterprises": 1.5, "height": 2},
    {"performance_grade": "E", "floor_area_m2": -1, "leading_industry_share": 2,
     "service_functions": ["", "x", "x"], "judged_levels": "high"},
])
def test_bad_star_inputs_are_listed_in_english(english, inputs):
    from checklists.errors import InvalidInput
    from checklists.star_inputs import StarInputs

    text = refusal(lambda: StarInputs.from_mapping(inputs), InvalidInput)
    assert "；" not in text


# --- the store -------------------------------------------------------------------------------

def test_store_refusals_say_why_in_english(english, tmp_path):
    from inspection.model import Status
    from inspection.store import open_store

    with open_store(tmp_path / "data", actor="Zhang") as store:
        refusal(lambda: store.add_park(" ", "service"))
        refusal(lambda: store.add_park("North Park", "farm"))
        park = store.add_park("North Park", "service")
        refusal(lambda: store.add_park("North Park", "service"))
        refusal(lambda: store.park(999))
        refusal(lambda: store.new_inspection(park.id, [], inspectors=["Zhang"]))
        refusal(lambda: store.new_inspection(park.id, ["000"], inspectors=[" "]))
        inspection = store.new_inspection(park.id, ["000"], inspectors=["Zhang"],
                                          date="2026-11-20")
        refusal(lambda: store.inspection("no-such-id"))
        refusal(lambda: store.set_status(inspection.id, Status.SIGNED))
        store.save_answer(inspection.id, "000", "1-1-1", result="pass")
        refusal(lambda: store.set_status(inspection.id, Status.DRAFT))
        assert "In progress" in refusal(lambda: store.delete_inspection(inspection.id))
        refusal(lambda: store.photo(999))
        refusal(lambda: store.report(999))


# --- the command line ------------------------------------------------------------------------

def run_cli(*args: str, tmp_path: Path, language: str) -> subprocess.CompletedProcess[str]:
    import os
    env = {**os.environ, "PARK_INSPECTOR_LANG": language}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir",
                           str(tmp_path / "data"), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=ROOT, timeout=120)


def test_a_failing_command_speaks_the_language_of_park_inspector_lang(tmp_path):
    (tmp_path / "stars.json").write_text(json.dumps({"park_type": "farm", "enterprises": -1}))
    english = run_cli("rate-stars", str(tmp_path / "stars.json"), tmp_path=tmp_path,
                      language="en")
    assert english.returncode == 2
    assert english.stderr.startswith("Error: ")
    assert "park_type: should be manufacturing or service" in english.stderr
    assert not CJK.search(english.stderr), english.stderr
    chinese = run_cli("rate-stars", str(tmp_path / "stars.json"), tmp_path=tmp_path,
                      language="zh_CN")
    assert chinese.returncode == 2
    assert chinese.stderr.startswith("错误：")
    assert "park_type: 应为 manufacturing（生产制造类） 或 service" in chinese.stderr
    assert run_cli("park", "add", "North Park", tmp_path=tmp_path, language="en").returncode == 0
    refused = run_cli("inspection", "new", "--park", "Nowhere", "--template", "000",
                      "--inspector", "Zhang", tmp_path=tmp_path, language="en")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        'Error: park: no park is named "Nowhere"; add it first with park add')
