"""A corpus of report text and the line breaks the report's Chinese line breaking gives it.

``cjk_breaks.json`` holds the corpus (style, paragraph source) and the breaks recorded with the
line breaking as it was before it was made fast (one Python object per character);
``test_report_cjk`` checks that the fast one breaks every text of the corpus at every width in
the same places. The texts are kept in the file, so that a change to a standard's wording does
not change the test. After a deliberate change of the rules, record them again::

    .venv/bin/python -m tests.inspection.cjk_corpus --record
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

BREAKS_FILE = Path(__file__).with_name("cjk_breaks.json")
WIDTHS = (24, 40, 57, 73, 96, 128, 150, 200, 257, 330, 481)
STYLES = ("cell", "cell_bold", "body", "caption", "caption_small", "head", "h1")

_PIECES = ["消防通道被货物占用", "，", "。", "；", "：", "！", "？", "、", "（试行）", "《长三角开发区营商环境建设标准》",
           "“九通一平”", "GB/T 32169.3", " and ", "2024", "〔2024〕2号", "36家", "62%", "≥2万平方米",
           "……", "——", "）", "》", "」", "(a)", "1,000", "10:30", "Park Inspector ", "䶮", "𬌗",
           "\u3000", " ", "https://example.com/a/very/long/address/without/spaces"]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [rng.choice(_PIECES) for _ in range(rng.randint(1, 40))]
        texts.append("".join(parts))
    return texts


def _markup(text: str, rng: random.Random) -> str:
    """The text with some of the mark-up the report uses: bold, colour, line breaks."""
    from xml.sax.saxutils import escape

    out, i = [], 0
    while i < len(text):
        step = rng.randint(1, 12)
        chunk = escape(text[i:i + step])
        kind = rng.random()
        if kind < 0.15:
            chunk = f"<b>{chunk}</b>"
        elif kind < 0.25:
            chunk = f'<font color="#9b1c1c">{chunk}</font>'
        elif kind < 0.32:
            chunk += "<br/>"
        out.append(chunk)
        i += step
    return "".join(out)


def corpus() -> list[tuple[str, str]]:
    """(style name, paragraph source) pairs: the standards' own texts, notes, and mixes."""
    from xml.sax.saxutils import escape

    from checklists.library import all_templates, get_template

    sources: list[str] = []
    for template_id in sorted(all_templates()):
        for node in get_template(template_id).walk():
            for text in (node.title, node.text, *(node.attrs.get("points") or ())):
                if text and text not in sources:
                    sources.append(text)
    sources += _random_texts(150, seed=15)
    rng = random.Random(10)
    pairs: list[tuple[str, str]] = []
    for index, text in enumerate(sources):
        style = STYLES[index % len(STYLES)]
        pairs.append((style, escape(text)))
        if index % 3 == 0:
            pairs.append((style, _markup(text, rng)))
    return pairs


def line_breaks(style_name: str, source: str, width: float) -> list[int]:
    """Where each line of the paragraph ends, as character counts of its lines."""
    from reportlab.platypus import Paragraph

    from inspection.report.styles import styles

    paragraph = Paragraph(source, getattr(styles(), style_name))
    paragraph.wrap(width, 1e6)
    counts = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one style run: (extra_space, [text])
            counts.append(len("".join(line[1])))
        else:  # mark-up: a FragLine of words
            counts.append(len("".join(w.text for w in line.words)))
    return counts


def recorded() -> tuple[list[int], list[tuple[str, str, list[list[int]]]]]:
    """The widths and, per paragraph, its style, source and the breaks at each width."""
    data = json.loads(BREAKS_FILE.read_text(encoding="utf-8"))
    return data["widths"], [tuple(entry) for entry in data["paragraphs"]]


def record() -> int:
    paragraphs = [[style, source, [line_breaks(style, source, width) for width in WIDTHS]]
                  for style, source in corpus()]
    BREAKS_FILE.write_text(json.dumps({"widths": list(WIDTHS), "paragraphs": paragraphs},
                                      ensure_ascii=False, separators=(",", ":")) + "\n",
                           encoding="utf-8")
    return len(paragraphs)


if __name__ == "__main__":
    if sys.argv[1:] == ["--record"]:
        count = record()
        print(f"recorded {count} paragraphs × {len(WIDTHS)} widths into {BREAKS_FILE}")
    else:
        print(__doc__)
