"""Test helpers for bundles: two laptops, signed inspections, and bundles made hostile."""
from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from inspection.bundle.cms import sign_manifest
from inspection.bundle.format import MANIFEST, SIGNATURE, canonical, content_sha256
from inspection.signing.issue import issue_report
from inspection.signing.keys import SigningKey, create_signing_key, load_signing_key
from inspection.store import Store
from tests.inspection.report_data import fill_inspection

PASSWORD = "正确的密码-2026"


def make_key(folder: Path, name: str, organisation: str = "金山区经济委员会") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return create_signing_key(name=name, organisation=organisation, password=PASSWORD,
                              out=folder / f"{name}.p12", title="检查员")


def open_key(path: Path) -> SigningKey:
    return load_signing_key(path, PASSWORD)


def trust(store: Store, key_file: Path) -> None:
    """Put the certificate of *key_file* among those *store*'s laptop knows."""
    store.data_dir.keys.mkdir(parents=True, exist_ok=True)
    target = store.data_dir.keys / key_file.with_suffix(".crt").name
    target.write_bytes(key_file.with_suffix(".crt").read_bytes())


def signed_inspection(store: Store, key_file: Path, *, photos: int = 4) -> str:
    inspection_id = fill_inspection(store, templates=["000"], photos=photos)
    issue_report(store, inspection_id, key_path=key_file, password=PASSWORD)
    return inspection_id


def members(pib: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pib) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def write_members(out: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out


def rebuild(pib: Path, out: Path, change: Callable[[dict, dict, dict], None], *,
            key: SigningKey | None) -> Path:
    """A bundle made again after *change*(rows, files, manifest) — manifest hashes, content hash and
    signature recomputed (signed with *key*, or unsigned): a well-formed bundle with the
    content someone chose."""
    files = members(pib)
    files.pop(SIGNATURE, None)
    manifest = json.loads(files.pop(MANIFEST))
    rows = json.loads(files["rows.json"])
    change(rows, files, manifest)
    files["rows.json"] = canonical(rows)
    manifest["content_sha256"] = content_sha256(rows)
    manifest["members"] = {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                           for name, data in sorted(files.items())}
    manifest["signed"] = key is not None
    manifest["signer"] = None if key is None else {
        "name": key.name, "organisation": key.organisation, "fingerprint": key.fingerprint}
    raw = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    files[MANIFEST] = raw
    if key is not None:
        files[SIGNATURE] = sign_manifest(raw, key)
    return write_members(out, files)


def media_files(store: Store) -> dict[str, str]:
    """Every file under media/ and reports/, by its name in the folder → SHA-256."""
    root = store.data_dir.root
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("media", "reports") for p in (root / folder).rglob("*") if p.is_file()}
