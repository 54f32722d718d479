"""Inspectors' data folders for the sync tests: real stores, real photo files, real hub."""
from __future__ import annotations

import hashlib
from pathlib import Path

from checklists.library import get_template
from inspection.hub.folder import connect_folder
from inspection.model import Status
from inspection.store import Store, open_store
from tests.inspection.report_data import add_photo

PARK = "星河智造小微企业园"
ADDRESS = "上海市金山区亭林镇"


def folder(tmp_path: Path, name: str, hub=None, user: str | None = None, **options) -> tuple[Path, Store]:
    """A data folder with its store, connected to *hub* as *user* when given."""
    root = tmp_path / name
    store = open_store(root, actor=name)
    if hub is not None and user is not None:
        connect_folder(root, hub.url(user), password=hub.passwords[user], **options).close()
    return root, store


def filled_inspection(store: Store, *, park: str = PARK, address: str = ADDRESS, photos: int = 3,
                      findings: int = 2, answers: int = 6, status: Status = Status.COMPLETED,
                      date: str = "2026-03-01", seed: int = 0, photo_size=(640, 480)) -> str:
    existing = store.find_park(park)
    park_row = existing or store.add_park(park, "manufacturing", address=address)
    inspection = store.new_inspection(park_row.id, ["000"], inspectors=["张三"], date=date)
    codes = [n.code for n in get_template("000").items()]
    for code in codes[:answers]:
        store.save_answer(inspection.id, "000", code, result="pass", note=f"记录 {code}")
    for n in range(findings):
        store.add_finding(inspection.id, "000", codes[n], severity="major",
                          requirement=f"整改要求 {n}（{park}）", deadline="2026-06-30",
                          responsible="园区管委会")
    for n in range(photos):
        add_photo(store, inspection.id, seed=seed * 1000 + n, template_id="000", item_code=codes[0],
                  size=photo_size)
    if status in (Status.COMPLETED, Status.SIGNED):
        store.set_status(inspection.id, Status.COMPLETED)
    if status is Status.SIGNED:
        sign(store, inspection.id)
    return inspection.id


def sign(store: Store, inspection_id: str) -> None:
    """Record a signed report (a stand-in PDF: the hub stores it as a file like any other)."""
    inspection = store.inspection(inspection_id)
    data = f"%PDF-1.7 signed report of {inspection_id} r{inspection.revision}".encode()
    path = store.data_dir.reports / f"{inspection.file_safe_number}-r{inspection.revision}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    store.mark_signed(inspection_id, path=store.data_dir.relative(path),
                      sha256=hashlib.sha256(data).hexdigest(), signer="张三",
                      updated_at=inspection.updated_at)
