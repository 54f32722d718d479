"""Characters the report's main font lacks (䶮 U+4DAE, 𬌗 U+2C317 …) drawn with a fallback font.

The bundled Noto Sans SC keeps GBK only. reportlab has no font fallback of its own: a
character missing from a paragraph's font prints as a box. :func:`install_hooks` makes every
Paragraph switch to the fallback font (resources/fonts/ParkFallback-Regular.ttf, see
scripts/make_fallback_font.py) for exactly the characters its own font lacks, so that a park's
or a person's name prints whole wherever the report shows it. Text drawn straight on a canvas
(page headers, the signature stamp) goes through :func:`draw_string`. The fallback font itself
is loaded and registered the first time a text needs it (most reports never do).

It also mends reportlab's ToUnicode map, which writes a character beyond U+FFFF as five hex
digits: a PDF viewer's search and copy then read 𬌗 as ⰱ. The map now holds its UTF-16 pair.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from resources import resource_path

FALLBACK = "ParkFallback"


def fallback_font_file() -> Path:
    return resource_path("fonts", "ParkFallback-Regular.ttf")


@lru_cache(maxsize=16)
def font_codepoints(font_name: str) -> frozenset[int]:
    """The characters a registered TrueType font draws (empty for a built-in font); for the
    fallback font, loaded and registered first."""
    from reportlab.pdfbase import pdfmetrics

    if font_name == FALLBACK:
        register_fallback()
    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    return frozenset(getattr(face, "charToGlyph", {}) or ())


@lru_cache(maxsize=16)
def _font_chars(font_name: str) -> frozenset[str]:
    """:func:`font_codepoints` as characters: ``issuperset(text)`` checks a text at C speed."""
    return frozenset(map(chr, font_codepoints(font_name)))


def has_all(text: str, font_name: str) -> bool:
    """Does *font_name* draw every character of *text*? (Then nothing needs the fallback.)"""
    return _font_chars(font_name).issuperset(text)


def split_runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """*text* as runs of (font, text): the fallback for characters *font_name* lacks and the
    fallback has, *font_name* for the rest (also for what neither has)."""
    if has_all(text, font_name):
        return [(font_name, text)] if text else []
    have = font_codepoints(font_name)
    fallback = font_codepoints(FALLBACK)
    runs: list[tuple[str, str]] = []
    for char in text:
        code = ord(char)
        font = FALLBACK if code not in have and code in fallback else font_name
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def needs_fallback(text: str, font_name: str) -> bool:
    return not has_all(text, font_name) \
        and any(font != font_name for font, _ in split_runs(text, font_name))


def _split_frags(frags: list[Any]) -> list[Any]:
    """Parsed paragraph fragments, each cut where its font lacks a character."""
    out: list[Any] = []
    for frag in frags:
        text = getattr(frag, "text", "")
        if not text or getattr(frag, "cbDefn", None) is not None \
                or not needs_fallback(text, frag.fontName):
            out.append(frag)
            continue
        for font, run in split_runs(text, frag.fontName):
            out.append(frag.clone(text=run, fontName=font))
    return out


def canvas_runs(text: str, font: str) -> list[tuple[str, str]]:
    """*text* as (font, text) runs for drawing on a canvas: one run in *font* when it has every
    character (nothing else is loaded), else :func:`split_runs` with the fallback registered
    first (the signature stamp draws without the report having registered it)."""
    if not font_codepoints(font) or has_all(text, font):  # (a built-in font: as it is)
        return [(font, text)] if text else []
    install()
    return split_runs(text, font)


def string_width(text: str, font: str, size: float) -> float:
    """``stringWidth`` of *text* as :func:`draw_string` draws it (fallback runs included)."""
    from reportlab.pdfbase import pdfmetrics

    return sum(pdfmetrics.stringWidth(run, name, size) for name, run in canvas_runs(text, font))


def draw_string(canvas: Any, x: float, y: float, text: str, *, font: str, size: float,
                anchor: str = "start") -> None:
    """``canvas.drawString`` that switches to the fallback font where *font* lacks a
    character; *anchor* start, middle or end (drawString, drawCentredString, drawRightString)."""
    from reportlab.pdfbase import pdfmetrics

    runs = canvas_runs(text, font)
    width = sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs)
    x -= {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    for name, run in runs:
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)
    canvas.setFont(font, size)


def text_out(text_object: Any, text: str, *, font: str, size: float) -> None:
    """``textOut`` on a text object (which keeps its render mode: the annotation halo),
    switching to the fallback font where *font* lacks a character."""
    for name, run in canvas_runs(text, font):
        text_object.setFont(name, size)
        text_object.textOut(run)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF as UTF-16 surrogate pairs."""
    def utf16(code: int) -> str:
        if code <= 0xFFFF:
            return f"{code:04X}"
        code -= 0x10000
        return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"

    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]
    return "\n".join(lines)


def install() -> str:
    """Register the fallback font and teach reportlab to use it (once per process)."""
    install_hooks()
    return register_fallback()


@lru_cache(maxsize=1)
def register_fallback() -> str:
    """Load the fallback font (parsed once, then from the cache: :mod:`.font_cache`) and
    register it with reportlab."""
    from reportlab.pdfbase import pdfmetrics

    from inspection.report.font_cache import load_ttfont

    pdfmetrics.registerFont(load_ttfont(FALLBACK, fallback_font_file()))
    return FALLBACK


@lru_cache(maxsize=1)
def install_hooks() -> None:
    """Teach reportlab to switch every Paragraph to the fallback font for the characters its
    font lacks, and to map characters beyond U+FFFF right (once per process); the fallback
    font is registered when a text first needs it. Paragraph mark-up is parsed once per shape
    (:mod:`.markup`)."""
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus.paragraph import Paragraph, cleanBlockQuotedText

    from inspection.report.markup import parsed_frags

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    original: Callable[..., None] = Paragraph._setup

    def setup(self: Paragraph, text: str, style: Any, bulletText: Any, frags: Any,  # noqa: N803
              cleaner: Any) -> None:
        parsed_here = frags is None
        if parsed_here and cleaner is cleanBlockQuotedText and self.caseSensitive == 1:
            reused = parsed_frags(text, style, cleaner)  # the parser's fragments, parsed once
            if reused is not None:                       # per shape of mark-up (markup.py)
                text, frags = reused
        original(self, text, style, bulletText, frags, cleaner)
        if parsed_here:
            self.frags = _split_frags(self.frags)

    Paragraph._setup = setup


def iter_missing(text: str, font_name: str) -> Iterator[str]:
    """The characters of *text* that neither *font_name* nor the fallback draws."""
    have = font_codepoints(font_name) | font_codepoints(FALLBACK)
    return (c for c in text if ord(c) not in have and not c.isspace())
