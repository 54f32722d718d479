"""The page frame (inspection/report/pdf.py): the header, the same on every page, is drawn once
and its PDF operators repeated; each page still gets its own page number."""
from __future__ import annotations

import subprocess
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas

from inspection.report import pdf
from inspection.report.fonts import register_fonts
from inspection.report.styles import PAGE_HEIGHT, PAGE_WIDTH


def test_the_header_is_drawn_once_and_its_operators_repeated_on_every_page(monkeypatch,
                                                                           tmp_path):
    register_fonts()
    drawn = []
    original = pdf.draw_string
    monkeypatch.setattr(pdf, "draw_string",
                        lambda *args, **kwargs: drawn.append(args[3]) or original(*args, **kwargs))
    out = tmp_path / "frame.pdf"
    canvas = Canvas(str(out), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=0)
    pages = []
    for number in (1, 2, 3):
        start = len(canvas._code)
        pdf.draw_page_frame(canvas, "报告编号：YQJC-0001（第 1 版）", "星河智造园 王䶮", number, 3)
        pages.append(canvas._code[start:])
        canvas.showPage()
    canvas.save()
    assert drawn == ["报告编号：YQJC-0001（第 1 版）", "星河智造园 王䶮"]  # drawn on page 1 only
    (header,) = canvas._replayable.values()
    assert header and all(page[:len(header)] == header for page in pages)
    assert len({tuple(page[len(header):]) for page in pages}) == 3  # each its own number
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    for number in (1, 2, 3):
        assert f"第{number}页" in text.replace(" ", "")
    assert text.count("星河智造园 王䶮") == 3 and text.count("YQJC-0001") == 3


def test_replayed_operators_belong_to_their_own_canvas():
    register_fonts()
    first, second = Canvas(BytesIO()), Canvas(BytesIO())
    pdf.draw_page_frame(first, "甲", "乙", 1, 1)
    pdf.draw_page_frame(second, "丙", "丁", 1, 1)
    assert first._replayable.keys() != second._replayable.keys()
