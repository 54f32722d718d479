"""Template import benchmark (run by hand; prints figures, asserts nothing about time).

    .venv/bin/python tests/bench/bench_template_import.py

- a 10,000-row spreadsheet (100 groups × 99 items, with text, guidance and 责任单位): write it,
  read it (every check: formulas, merged cells, hidden rows, codes, kinds), store it in a data
  folder, and read it back from the store when the folder opens;
- the five built-ins: export to Excel and read back.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from openpyxl import Workbook

from checklists.exchange import read_template_file, write_xlsx
from checklists.exchange.layout import FORMAT
from checklists.library import builtin_templates
from inspection.store import open_store


def big_sheet(path: Path, groups: int = 100, per_group: int = 99) -> Path:
    book = Workbook()
    items = book.active
    items.title = "条目"
    items.append(["编号", "标题", "条文", "检查要点", "权重"])
    for g in range(1, groups + 1):
        items.append([str(g), f"第 {g} 部分", "", "", None])
        for i in range(1, per_group + 1):
            items.append([f"{g}.{i}", f"检查条目 {g}.{i}：设施完好、记录齐全",
                          "园区应建立台账并定期检查，记录保存不少于三年。" * 2,
                          "查看台账、抽查现场", 1 + (i % 3)])
    meta = book.create_sheet("模板信息")
    for row in (["项目", "内容"], ["版式", FORMAT], ["标题", "大型检查表"],
                ["模板类型", "符合性检查"], ["版本", "2025"]):
        meta.append(row)
    book.save(path)
    return path


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    start = time.perf_counter()
    path = big_sheet(folder / "big.xlsx")
    written = time.perf_counter()
    outcome = read_template_file(path)
    read = time.perf_counter()
    template = outcome.require()
    with open_store(folder / "data") as store:
        stored_start = time.perf_counter()
        store.import_template(template)
        stored = time.perf_counter()
    reopen_start = time.perf_counter()
    with open_store(folder / "data"):
        reopened = time.perf_counter()
    rows = sum(1 for _ in template.walk())
    print(f"10,000-row sheet ({rows} nodes, {path.stat().st_size // 1024} KB):")
    print(f"  write {written - start:.2f} s, read and check {read - written:.2f} s,"
          f" store {stored - stored_start:.2f} s, open the folder again {reopened - reopen_start:.2f} s")
    for template_id, builtin in builtin_templates().items():
        out = folder / f"{template_id}.xlsx"
        t0 = time.perf_counter()
        write_xlsx(builtin, out)
        t1 = time.perf_counter()
        read_template_file(out).require()
        t2 = time.perf_counter()
        print(f"  {template_id}: export {1000 * (t1 - t0):.0f} ms, import {1000 * (t2 - t1):.0f} ms")


if __name__ == "__main__":
    main()
