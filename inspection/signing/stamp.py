"""The visible stamp of a signature (电子签章): signer, organisation, signing time, in Chinese.

pyHanko's text stamp subsets the 7 MB Noto Sans SC with fontTools for every signature (~0.3 s,
~0.6 s in a fresh process, on top of parsing the font). Here the stamp is drawn by reportlab,
which the report already uses with the same font registered (so the font is parsed once per
process, and usually already was for the report), into a one-page PDF the size of the stamp
box; that page, imported with pyHanko's PDF layer, is the signature field's appearance (a form
XObject, with a thin border). reportlab embeds only the few dozen glyphs the stamp uses. The
text stays real text (selectable).
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from inspection.report.fallback_font import draw_string, string_width
from inspection.report.fonts import FONT, regular_font_file

FONT_SIZE = 10.0
MIN_FONT_SIZE = 5.0
SMALLEST_UNWRAPPED = 8.0  # shrink to this before wrapping a long line
LEADING = 1.5  # line height as a multiple of the font size
MARGIN = 8.0  # points kept free inside the border


@lru_cache(maxsize=1)
def stamp_font() -> str:
    """The regular face registered with reportlab (reused when the report registered it)."""
    from reportlab.pdfbase import pdfmetrics

    from inspection.report.font_cache import load_ttfont

    # (getFont on an unknown name would first parse every AFM file reportlab ships: 0.6 s)
    if FONT not in pdfmetrics.getRegisteredFontNames():  # parsed once, kept between runs
        pdfmetrics.registerFont(load_ttfont(FONT, regular_font_file()))
    return FONT


def stamp_lines(*, name: str, organisation: str, when: str) -> list[tuple[str, str]]:
    """(label, value) of each line of the stamp."""
    return [("签署人：", name), ("单位：", organisation or "—"), ("签署时间：", when)]


def _wrap(lines: Sequence[tuple[str, str]], font: str, size: float,
          width: float) -> list[tuple[float, str]]:
    """(indent, text) rows: a value too long for one row continues under its start (Chinese
    breaks between any two characters)."""
    rows: list[tuple[float, str]] = []
    for label, value in lines:
        indent = string_width(label, font, size)
        row, x = label, 0.0
        for ch in value:
            w = string_width(ch, font, size)
            if x + indent + w > width and row.strip():
                rows.append((0.0 if row.startswith(label) else indent, row))
                row, x = "", 0.0
            row += ch
            x += w
        rows.append((0.0 if row.startswith(label) else indent, row))
    return rows


def stamp_pdf(width: float, height: float, lines: Sequence[tuple[str, str]]) -> bytes:
    """A one-page PDF of *width* × *height* points showing *lines* (label, value) as a block
    centred in the page; a long value wraps, and the text shrinks (to 5 pt at the least) only
    when the rows would not fit the height."""
    from reportlab.pdfgen.canvas import Canvas

    font = stamp_font()
    avail_width, avail_height = width - 2 * MARGIN, height - 2 * MARGIN
    # Slightly smaller type before wrapping (down to 8 pt); then wrapped, smaller only if the
    # rows would not fit the height.
    sizes = [FONT_SIZE - 0.5 * n for n in range(int((FONT_SIZE - MIN_FONT_SIZE) / 0.5) + 1)]
    for size in sizes:
        rows = _wrap(lines, font, size, avail_width)
        block_height = size * LEADING * (len(rows) - 1) + size
        fits = block_height <= avail_height
        if fits and (len(rows) == len(lines) or size <= SMALLEST_UNWRAPPED):
            break
    else:
        size = MIN_FONT_SIZE
    block_width = max(indent + string_width(text, font, size) for indent, text in rows)
    x = max((width - block_width) / 2, MARGIN)
    baseline = (height + block_height) / 2 - size * 0.88  # the first row's baseline
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), pageCompression=1, invariant=1,
                    initialFontName=font, initialFontSize=size)
    canvas.setFont(font, size)
    for number, (indent, text) in enumerate(rows):
        # a signer's or an organisation's rare characters (䶮, 𬌗) in the fallback font
        draw_string(canvas, x + indent, baseline - number * size * LEADING, text, font=font,
                    size=size)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def stamp_appearance(writer: Any, width: float, height: float,
                     lines: Sequence[tuple[str, str]]) -> Any:
    """The signature field's appearance, added to the pyHanko *writer*: a form XObject of
    *width* × *height* placing the drawn stamp page whole, with a 1 pt border round the box."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name
    from pyhanko.pdf_utils.reader import PdfFileReader

    drawn = PdfFileReader(io.BytesIO(stamp_pdf(width, height, lines)))
    page = writer.import_page_as_xobject(drawn, page_ix=0)
    w, h = _number(width), _number(height)
    box = [generic.NumberObject(0), generic.NumberObject(0), generic.FloatObject(w.decode()),
           generic.FloatObject(h.decode())]
    resources = generic.DictionaryObject({
        pdf_name("/XObject"): generic.DictionaryObject({pdf_name("/Stamp"): page})})
    return writer.add_object(generic.StreamObject({
        pdf_name("/Type"): pdf_name("/XObject"), pdf_name("/Subtype"): pdf_name("/Form"),
        pdf_name("/BBox"): generic.ArrayObject(box), pdf_name("/Resources"): resources,
    }, stream_data=b"q /Stamp Do Q q 1 w 0 0 %s %s re S Q" % (w, h)))


def _number(value: float) -> bytes:
    """A PDF number: up to four decimals, no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").encode("ascii")
