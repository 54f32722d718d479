"""Caption lines under a photo: plain text laid out as a ``Paragraph`` would, without its parser.

A report has a caption of two or three lines under every photo; as ``Paragraph`` objects they
cost a mark-up parse, fragment objects and reportlab's line drawing per line — a fifth of a
2,000-photo report. :class:`CaptionLines` takes the text as runs of (font, text), breaks it with
the same Chinese line rules and character widths (:func:`inspection.report.cjk.line_ranges`),
switches to the fallback font for characters the font lacks, and draws each line with one text
object: the same lines, heights and glyph positions as the ``Paragraph`` of that text and style
(left aligned; ``wordWrap="CJK"``; a fixed leading). Whitespace is collapsed as reportlab
collapses it (the ideographic space too); a text with line breaks of its own is left to
``Paragraph`` (:func:`caption_lines`). Taller than the space left, it splits by whole lines like
a ``Paragraph`` with ``allowOrphans=0, allowWidows=0``. tests/inspection/test_report_caption.py
holds it to the Paragraph: lines, heights, splits and the drawn pixels.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus.paragraph import _wsc

from inspection.report.cjk import char_widths, line_ranges
from inspection.report.fallback_font import split_runs

_SPACES = re.compile(f"[{re.escape(_wsc)}]+")  # reportlab's whitespace (no-break space kept)


def _collapsed(runs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Runs with whitespace collapsed to one space, none at either end (as reportlab's parser
    leaves a paragraph's text), the fallback font for characters a run's font lacks."""
    pieces: list[tuple[str, str]] = []
    ends_in_space = True  # nothing yet: a leading space is dropped
    for font, text in runs:
        text = _SPACES.sub(" ", text)
        if ends_in_space:
            text = text.lstrip(" ")
        if not text:
            continue
        ends_in_space = text.endswith(" ")
        pieces.extend(split_runs(text, font))
    if pieces and pieces[-1][1].endswith(" "):
        font, text = pieces.pop()
        if text.rstrip(" "):
            pieces.append((font, text.rstrip(" ")))
    return pieces


def caption_lines(runs: Sequence[tuple[str, str]], style: ParagraphStyle) -> Flowable:
    """The runs of (font, text) as :class:`CaptionLines`; a text that has line breaks of its
    own (kept as such, as :func:`inspection.report.context.esc` keeps them) goes through a
    ``Paragraph`` as before: how reportlab spaces around a ``<br/>`` is its own."""
    if not any("\n" in text for _, text in runs):
        return CaptionLines(runs, style)
    from reportlab.platypus import Paragraph

    from inspection.report.context import esc
    from inspection.report.fonts import FONT_BOLD

    return Paragraph("".join(f"<b>{esc(text)}</b>" if font == FONT_BOLD else esc(text)
                             for font, text in runs), style)


class CaptionLines(Flowable):
    """Text in *style* given as runs of (font name, text), e.g. a bold number then a label."""

    def __init__(self, runs: Sequence[tuple[str, str]], style: ParagraphStyle) -> None:
        super().__init__()
        if style.alignment != TA_LEFT:
            raise ValueError("CaptionLines only lays out left-aligned text")
        self.style = style
        self.pieces = _collapsed(runs)
        self.chars: list[str] = []
        self.widths: list[float] = []
        self.fonts: list[tuple[int, str]] = []  # (first character, font) of each piece
        size = style.fontSize
        for font, text in self.pieces:
            self.fonts.append((len(self.chars), font))
            table = char_widths(font, size)
            self.chars.extend(text)
            self.widths.extend([table[char] for char in text])
        self.lines: list[tuple[int, int]] = []
        self._wrapped_for: float | None = None

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.style.spaceAfter)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        if self._wrapped_for != availWidth:
            style = self.style
            first = availWidth - style.leftIndent - style.firstLineIndent - style.rightIndent
            later = availWidth - style.leftIndent - style.rightIndent
            self.lines = [(start, end) for start, end, _ in
                          line_ranges(self.chars, self.widths, [first, later])]
            self._wrapped_for = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Whole lines that fit here and the rest, as reportlab splits such a paragraph."""
        if not self.chars:
            return []
        self.wrap(availWidth, availHeight)
        fit = int(availHeight / self.style.leading)
        count = len(self.lines)
        if fit <= 1:
            return []  # an orphan, or no room
        if count <= fit:
            return [self]
        if count == fit + 1:  # a widow: give it company, or move on whole
            if count <= 3:
                return []
            fit -= 1
        cut = self.lines[fit][0]
        return [self._part(0, cut), self._part(cut, len(self.chars))]

    def _part(self, start: int, end: int) -> CaptionLines:
        runs = []
        for index, (first, font) in enumerate(self.fonts):
            last = self.fonts[index + 1][0] if index + 1 < len(self.fonts) else len(self.chars)
            low, high = max(first, start), min(last, end)
            if low < high:
                runs.append((font, "".join(self.chars[low:high])))
        return CaptionLines(runs, self.style)

    def draw(self) -> None:
        if not self.lines:
            return
        canvas = self.canv
        style = self.style
        size, leading = style.fontSize, style.leading
        x = style.leftIndent
        y = self.height - size  # the first baseline, where Paragraph puts it
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        text = canvas.beginText(x + style.firstLineIndent, y)
        fonts = self.fonts
        current = ""
        piece = 0
        for number, (start, end) in enumerate(self.lines):
            if number:
                text.setTextOrigin(x, y - number * leading)
            while piece + 1 < len(fonts) and fonts[piece + 1][0] <= start:
                piece += 1
            position = start
            index = piece
            while position < end:
                stop = fonts[index + 1][0] if index + 1 < len(fonts) else len(self.chars)
                stop = min(stop, end)
                font = fonts[index][1]
                if font != current:
                    text.setFont(font, size)
                    current = font
                text.textOut("".join(self.chars[position:stop]))
                position = stop
                index += 1
        canvas.drawText(text)
        canvas.restoreState()
