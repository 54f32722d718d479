"""The inspections list from the store: one statement a page, figures kept and gone stale
with an edit, and a literal search through notes, findings and items."""
from __future__ import annotations

from checklists.library import get_template
from inspection.figures import compute_figures
from inspection.store.listing import like_pattern


def _inspections(store, count):
    park = store.add_park("列表园区", "manufacturing")
    return [store.new_inspection(park.id, ["000"], inspectors=["张三"],
                                 date=f"2025-{1 + n // 28:02d}-{1 + n % 28:02d}").id for n in range(count)]


def test_a_page_is_one_statement_whatever_its_size(store):
    _inspections(store, 30)
    for limit in (5, None):
        seen = []
        store.db.conn.set_trace_callback(seen.append)
        rows = store.listed_inspections(limit=limit)
        store.db.conn.set_trace_callback(None)
        assert len(seen) == 1 and len(rows) == (limit or 30)
    dates = [inspection.date for inspection, _ in store.listed_inspections()]
    assert dates == sorted(dates, reverse=True)  # newest visit first


def test_kept_figures_go_stale_with_the_next_edit(store):
    first, second = _inspections(store, 2)
    snapshots = {i: store.snapshot(i) for i in (first, second)}
    assert store.save_figures(compute_figures(snapshots)) == 2
    assert all(f is not None for _, f in store.listed_inspections())
    store.save_answer(first, "000", "1-1-1", result="pass")
    kept = {inspection.id: figures for inspection, figures in store.listed_inspections()}
    assert kept[first] is None and kept[second].answered == 0


def test_figures_of_an_inspection_deleted_meanwhile_are_dropped(store):
    (draft,) = _inspections(store, 1)
    figures = compute_figures({draft: store.snapshot(draft)})
    store.delete_inspection(draft)
    assert store.save_figures(figures) == 0


def test_search_is_literal_and_finds_notes_findings_and_items(store):
    first, second, third = _inspections(store, 3)
    store.save_answer(first, "000", "1-1-1", note="路灯 50% 损坏")
    store.add_finding(second, "000", "1-1-2", requirement="补充消防台账")
    store.save_answer(third, "000", "1-1-5", result="fail")
    assert store.search_records("50%") == {first: "note:1-1-1"}
    assert store.search_records("%") == {first: "note:1-1-1"}  # the % in "50%", literally
    assert store.search_records("_") == {}
    assert store.search_records("消防台账") == {second: "finding:1-1-2"}
    title = get_template("000").find("1-1-5").title
    assert third in store.search_records(title)
    assert like_pattern("a_b%c\\") == "%a\\_b\\%c\\\\%"


def test_pages_of_inspections_made_at_the_same_moment_never_overlap(store):
    """Bundles and the demo can bring inspections of one day made in the same second: the
    list's order then falls back to the id, so that page after page shows each once."""
    made = _inspections(store, 7)
    store.db.execute("UPDATE inspections SET date = '2025-06-01', created_at = '2025-06-01T09:00:00+08:00'")
    pages = [store.listed_inspections(offset=n, limit=2) for n in range(0, 7, 2)]
    listed = [inspection.id for page in pages for inspection, _ in page]
    assert listed == sorted(made, reverse=True)  # ties by id, not by where SQLite finds them
    assert listed == [i.id for i in store.inspections()]  # the same order as the full list
