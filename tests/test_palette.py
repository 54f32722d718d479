"""One definition of the colours: the window and the report draw from inspection.palette."""
from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib import colors

from inspection.palette import score_color
from inspection.report.charts import score_bar_chart

ROOT = Path(__file__).resolve().parent.parent
HEX = re.compile(r"[\"'][^\"'\n]*#[0-9a-fA-F]{6}")
# Where colours are named (the palette, the annotation editor's choices) or are data (the demo).
ALLOWED = {"inspection/palette.py", "inspection/annotations.py", "inspection/demo/demo_inspection.py",
           "ui/preview/demo_data.py"}


def test_no_colour_is_written_outside_the_palette():
    found = [f"{p.relative_to(ROOT)}:{n}" for package in ("ui", "inspection")
             for p in sorted((ROOT / package).rglob("*.py"))
             if p.relative_to(ROOT).as_posix() not in ALLOWED
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if HEX.search(line)]
    assert not found, "name the colour in inspection/palette.py:\n" + "\n".join(found)


def test_the_report_chart_colours_each_bar_as_the_summary_tab_does():
    percents = [92.0, 70.0, 40.0, None]
    drawing = score_bar_chart(["一", "二", "三", "四"], percents, width=400)
    chart = drawing.contents[0]
    shown = [chart.bars[(0, i)].fillColor for i in range(len(percents))][::-1]  # drawn bottom-up
    assert [c.hexval() for c in shown] == [colors.HexColor(score_color(p)).hexval()
                                           for p in percents]
    assert len({c.hexval() for c in shown}) == 4
