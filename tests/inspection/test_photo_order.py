"""Photos in the order they were taken (EXIF), else by file name as a person reads it; the
report's numbering follows the same order."""
from __future__ import annotations

from datetime import datetime

from inspection.demo.demo_photos import make_demo_photo
from inspection.photos.importer import prepare_photos
from inspection.photos.order import capture_order_key, in_capture_order, natural_key
from inspection.report.context import make_context
from inspection.results import inspection_results
from inspection.store import open_store
from tests.ui.test_inspection_page_helpers import make_jpegs


def test_file_names_sort_as_a_person_reads_them():
    names = ["IMG_10.jpg", "img_2.JPG", "IMG_1.jpg", "DSC_0003.jpg"]
    assert sorted(names, key=natural_key) == ["DSC_0003.jpg", "IMG_1.jpg", "img_2.JPG",
                                              "IMG_10.jpg"]


def test_capture_time_first_then_file_name(tmp_path):
    store = open_store(tmp_path / "data", actor="张三")
    park = store.add_park("星河园", "manufacturing")
    iid = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20").id
    folder = tmp_path / "sd"
    # taken 09:40, 09:10, 09:25 but named in another order
    timed = [make_demo_photo(folder / name, seed=i, taken_at=datetime(2026, 11, 20, 9, minute),
                             gps=(30.8, 121.2), size=(640, 480))
             for i, (name, minute) in enumerate([("A.jpg", 40), ("B.jpg", 10), ("C.jpg", 25)])]
    untimed = make_jpegs(folder, 2, size=(320, 240), prefix="Z")  # no EXIF: after, by name
    files = [*reversed(untimed), *timed]
    prepared = prepare_photos(files, store.data_dir).prepared  # ids in import order
    for photo in prepared:
        store.add_photo(iid, photo, template_id="000", item_code="1-1-1")
    stored = store.snapshot(iid).photos
    ordered = [p.original_name for p in in_capture_order(stored)]
    assert ordered == ["B.jpg", "C.jpg", "A.jpg", "Z_0000.jpg", "Z_0001.jpg"]
    snapshot = store.snapshot(iid)
    context = make_context(snapshot, inspection_results(snapshot), store.data_dir)
    numbered = sorted(context.photo_numbers.items(), key=lambda pair: pair[1])
    by_id = {p.id: p.original_name for p in stored}
    assert [by_id[pid] for pid, _ in numbered] == ordered
    assert sorted(stored, key=capture_order_key) == in_capture_order(stored)
