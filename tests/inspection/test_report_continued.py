"""A table row continued onto the next page says so: its label (the item's number) is repeated
at the top of the continuation with （续）, once per page it runs on to — and only there."""
from __future__ import annotations

from checklists.library import get_template
from inspection.report import build_report
from inspection.store import open_store
from tests.inspection.report_text import long_text, stream_text

NOTE = long_text(6_000, tag="注")  # some three pages of the 说明 column


def test_a_row_continued_onto_the_next_page_says_so(tmp_path):
    store = open_store(tmp_path / "data", actor="张三")
    park = store.add_park("星河智造园", "manufacturing")
    inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
    codes = [n.code for n in get_template("000").items()]
    store.save_answer(inspection.id, "000", codes[5], result="pass", note=NOTE)
    store.save_answer(inspection.id, "000", codes[6], result="pass", note="短说明")
    out = build_report(store.snapshot(inspection.id), tmp_path / "r.pdf",
                       data_dir=store.data_dir)
    pages = stream_text(out)
    label = codes[5]
    first = next(i for i, text in enumerate(pages) if "〔注0001〕" in text)  # the row starts
    continued = [i for i, text in enumerate(pages) if f"{label}（续）" in text]
    assert len(continued) >= 2, pages  # 6,000 characters run on over at least two more pages
    assert continued == list(range(first + 1, first + 1 + len(continued)))
    for index in continued:  # right under the repeated header row, once
        assert pages[index].count("（续）") == 1
        head = pages[index].index("编号检查内容结果说明照片")
        assert pages[index].index(f"{label}（续）") > head
    assert "（续）" not in "".join(pages[:first + 1]) + "".join(pages[continued[-1] + 1:])
    assert f"{codes[6]}（续）" not in "".join(pages)  # a row that fits is never marked
