"""A backup checks what it copies: a truncated photo, a photo modified in place, a corrupt
report-size image or a damaged database page is copied as it is (the best copy there is),
listed in the manifest and reported (exit 1); such a backup still restores, saying the damage
it carries, and damage a backup does not declare is refused."""
import json
import zipfile

import pytest
from PIL import Image

from inspection.cli import main
from inspection.photos.importer import prepare_photos
from inspection.store import BadBackup, open_store, restore


@pytest.fixture
def folder(tmp_path):
    """A data folder with two photos; returns (folder, [(original, report image)] by photo)."""
    root = tmp_path / "data"
    files = []
    for n in range(2):
        files.append(tmp_path / f"p{n}.jpg")
        Image.effect_noise((640, 480), 40).convert("RGB").save(files[-1], quality=90)
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        for prepared in prepare_photos(files, store.data_dir).prepared:
            store.add_photo(inspection.id, prepared)
        photos = [(store.data_dir.original(p.sha256, p.ext), store.data_dir.report_image(p.sha256))
                  for p in store.photos(inspection.id)]
    return root, photos


def backup(capsys, root, out):
    code = main(["backup", "--out", str(out), "--data-dir", str(root)])
    _, err = capsys.readouterr()
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    return code, err, manifest


def truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def modify_in_place(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGE = {
    "a truncated photo": (0, truncate, "SHA-256"),
    "a photo modified in place": (0, modify_in_place, "SHA-256"),
    "a corrupt report-size image": (1, truncate, "报告用照片已损坏"),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_a_backup_of_damaged_files_lists_them_and_exits_1(folder, tmp_path, capsys, case):
    root, photos = folder
    which, damage, said = DAMAGE[case]
    target = photos[0][which]
    damage(target)
    code, err, manifest = backup(capsys, root, tmp_path / "b.zip")
    name = target.relative_to(root).as_posix()
    assert code == 1 and said in err and name in err
    assert name in manifest["damaged"] and name in manifest["files"]  # copied as it is
    assert len(manifest["files"]) == 4 and not manifest["missing"]
    # It restores, carrying (and saying) exactly the damage it declares.
    code = main(["restore", str(tmp_path / "b.zip"), "--data-dir", str(tmp_path / "other")])
    err = capsys.readouterr().err
    assert code == 0 and name in err
    assert main(["check-db", "--data-dir", str(tmp_path / "other")]) == 1
    assert name in capsys.readouterr().out


def test_check_db_decodes_report_size_images(folder, capsys):
    root, photos = folder
    truncate(photos[1][1])
    assert main(["check-db", "--json", "--data-dir", str(root)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert found["damaged"] == [photos[1][1].relative_to(root).as_posix()]
    assert any("报告用照片已损坏" in p for p in found["problems"])


def test_damage_a_backup_does_not_declare_is_refused(folder, tmp_path, capsys):
    root, photos = folder
    code, _, manifest = backup(capsys, root, tmp_path / "b.zip")
    assert code == 0 and not manifest["damaged"]
    # Someone swaps a photo in the backup for another and fixes the manifest's hash to fit.
    name = photos[0][0].relative_to(root).as_posix()
    other = bytearray(photos[0][0].read_bytes())
    other[100] ^= 0xFF
    import hashlib
    manifest["files"][name] = hashlib.sha256(bytes(other)).hexdigest()
    swapped = tmp_path / "swapped.zip"
    with zipfile.ZipFile(tmp_path / "b.zip") as source, zipfile.ZipFile(swapped, "w") as target:
        for item in source.infolist():
            data = {name: bytes(other),
                    "manifest.json": json.dumps(manifest).encode()}.get(item.filename)
            target.writestr(item.filename, data if data is not None else source.read(item))
    with pytest.raises(BadBackup, match="SHA-256"):
        restore(swapped, tmp_path / "other")
    assert not (tmp_path / "other").exists()


def test_a_whole_folder_backs_up_with_exit_0(folder, tmp_path, capsys):
    root, _ = folder
    code, err, manifest = backup(capsys, root, tmp_path / "b.zip")
    assert code == 0 and not err.strip()
    assert not manifest["damaged"] and not manifest["missing"] and not manifest["database_problems"]
