"""Rare characters of names (䶮 U+4DAE, 𬌗 U+2C317) print in the report: the fallback font is
embedded for exactly the characters the main font lacks, and the text comes back out of the PDF
(search and copy in a viewer) as the same characters."""
from __future__ import annotations

import subprocess
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from inspection.report import build_report
from inspection.report.fallback_font import FALLBACK, draw_string, font_codepoints, split_runs
from inspection.report.fonts import FONT, register_fonts
from inspection.report.styles import styles
from inspection.store import open_store

RARE = "王䶮", "李𬌗"


def fonts_of(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                          text=True).stdout


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_the_main_font_lacks_them_and_the_fallback_has_them():
    register_fonts()
    for char in "䶮𬌗":
        assert ord(char) not in font_codepoints(FONT)
        assert ord(char) in font_codepoints(FALLBACK)
    assert split_runs("园区：王䶮、李𬌗", FONT) == [
        (FONT, "园区：王"), (FALLBACK, "䶮"), (FONT, "、李"), (FALLBACK, "𬌗")]


def test_a_paragraph_switches_font_for_the_characters_only(tmp_path):
    style = styles().cell
    paragraph = Paragraph("负责人<b>王䶮</b>，陪同李𬌗", style)
    fonts = [(f.fontName, f.text) for f in paragraph.frags]
    assert (FALLBACK, "䶮") in fonts and (FALLBACK, "𬌗") in fonts
    assert all(font != FALLBACK for font, text in fonts if text not in "䶮𬌗")
    out = tmp_path / "p.pdf"
    SimpleDocTemplate(str(out)).build([paragraph])
    assert "负责人王䶮，陪同李𬌗" in text_of(out).replace("\n", "")


def test_a_report_with_rare_names_embeds_the_fallback_and_reads_back(tmp_path):
    store = open_store(tmp_path / "data", actor=RARE[1])
    park = store.add_park(f"{RARE[0]}智造园", "manufacturing")
    inspection = store.new_inspection(park.id, ["000"], inspectors=[RARE[1]], date="2026-11-20",
                                      organisation="金山区经委")
    store.save_answer(inspection.id, "000", "1-1-1", result="fail",
                      note=f"园区负责人{RARE[0]}陪同，{RARE[1]}记录")
    out = build_report(store.snapshot(inspection.id), tmp_path / "r.pdf",
                       data_dir=store.data_dir)
    listing = fonts_of(out)
    line = next(row for row in listing.splitlines() if "ParkInspectorFallback" in row)
    assert line.split()[-5:-3] == ["yes", "yes"]  # embedded, as a subset
    text = text_of(out)
    assert f"园区负责人{RARE[0]}陪同，{RARE[1]}记录" in text.replace("\n", "")
    assert "ⰱ" not in text  # reportlab's own ToUnicode map read 𬌗 as U+2C31


def test_text_drawn_on_a_canvas_switches_font_too(tmp_path):
    register_fonts()
    out = tmp_path / "c.pdf"
    canvas = Canvas(str(out))
    draw_string(canvas, 300, 700, "检查人员：李𬌗　王䶮", font=FONT, size=12, anchor="middle")
    canvas.save()
    assert "ParkInspectorFallback" in fonts_of(out)
    assert "检查人员：李𬌗王䶮" in "".join(text_of(out).split())


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_every_page_header_prints_a_rare_park_name(tmp_path):
    """The header (report number left, park name right) is drawn on the canvas, not in a
    paragraph: it switches font per character too, on every page after the cover."""
    store = open_store(tmp_path / "data", actor="张三")
    name = "王䶮𬌗智造小微企业园"
    park = store.add_park(name, "manufacturing")
    inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20",
                                      organisation="金山区经委")
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    out = build_report(store.snapshot(inspection.id), tmp_path / "r.pdf",
                       data_dir=store.data_dir)
    pages = page_count(out)
    assert pages >= 4
    for number in range(2, pages + 1):
        fonts = subprocess.run(["pdffonts", "-f", str(number), "-l", str(number), str(out)],
                               check=True, capture_output=True, text=True).stdout
        assert "ParkInspectorFallback" in fonts, number  # the header's 䶮 and 𬌗
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-enc",
                               "UTF-8", str(out), "-"], check=True, capture_output=True,
                              text=True).stdout
        assert name in "".join(text.split()), number


def test_the_signature_stamp_prints_rare_names(tmp_path):
    from inspection.signing.stamp import stamp_lines, stamp_pdf

    lines = stamp_lines(name="李𬌗", organisation="䶮山区经济委员会", when="2026-11-20 10:32")
    out = tmp_path / "stamp.pdf"
    out.write_bytes(stamp_pdf(260, 85, lines))
    assert "ParkInspectorFallback" in fonts_of(out)
    assert "签署人：李𬌗" in "".join(text_of(out).split())
    assert "单位：䶮山区经济委员会" in "".join(text_of(out).split())


def test_a_report_signed_by_a_rare_name_carries_it_in_its_stamp(tmp_path):
    from inspection.signing.issue import issue_report
    from inspection.signing.keys import create_signing_key

    store = open_store(tmp_path / "data", actor="张三")
    park = store.add_park("星河智造园", "manufacturing")  # no rare character in the pages
    inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20",
                                      organisation="金山区经委")
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    key = create_signing_key(name="王䶮", organisation="䶮山区经委", password="rare-names-2026",
                             out=tmp_path / "k.p12")
    issue_report(store, inspection.id, key_path=key, password="rare-names-2026")
    signed = store.reports(inspection.id)[0].file(store.data_dir)
    # The stamp is the signature field's appearance, a form with fonts of its own; the pages
    # hold no rare character, so the fallback font is there for the stamp's name alone.
    assert b"ParkInspectorFallback" in signed.read_bytes()
    listing = fonts_of(signed)
    rows = [row for row in listing.splitlines() if "ParkInspectorFallback" in row]
    assert rows and all(row.split()[-5:-3] == ["yes", "yes"] for row in rows)


def test_annotation_text_on_a_photo_switches_font_too(tmp_path):
    from inspection.report.annotations import draw_annotations
    from inspection.report.fonts import FONT_BOLD

    register_fonts()
    out = tmp_path / "a.pdf"
    canvas = Canvas(str(out))
    shape = {"type": "text", "color": "#e02020", "width": 1, "x1": 0.1, "y1": 0.3,
             "text": "王䶮陪同", "size": 0.08}
    assert draw_annotations(canvas, [shape], x=50, y=400, width=400, height=300,
                            font_name=FONT_BOLD) == 1
    canvas.save()
    assert "ParkInspectorFallback" in fonts_of(out)
    assert "王䶮陪同" in "".join(text_of(out).split())


EUROPEAN = "Ἀθηνᾶ Παλλάς", "Łukasz Dvořák", "Nguyễn Thị Hương", "Ирина Їжак"


def test_names_in_european_scripts_print_too(tmp_path):
    # GBK has basic Greek and Cyrillic but not their accents or Ї, nor Ł ř ễ: boxes in the
    # signed PDF, without a word (trial 3). The fallback font carries them (from Noto Sans).
    register_fonts()
    for name in EUROPEAN:
        assert all(ord(c) in font_codepoints(FONT) or ord(c) in font_codepoints(FALLBACK)
                   for c in name.replace(" ", "")), name
    store = open_store(tmp_path / "data", actor="张三")
    park = store.add_park("星河智造园", "manufacturing")
    inspection = store.new_inspection(park.id, ["000"], inspectors=list(EUROPEAN),
                                      date="2026-11-20", organisation="金山区经委")
    out = build_report(store.snapshot(inspection.id), tmp_path / "r.pdf",
                       data_dir=store.data_dir)
    text = text_of(out)
    for name in EUROPEAN:
        assert name in text, name
