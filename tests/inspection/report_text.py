"""Reading a report back for the tests: its text in drawing order, and hostile long texts."""
from __future__ import annotations

import re
from pathlib import Path

WHITESPACE = re.compile(r"\s+")


def stream_text(pdf: Path, *, pages: range | None = None) -> list[str]:
    """Each page's text in the order it is drawn (PDFium), whitespace removed.

    Drawing order keeps a table cell's lines together (``pdftotext`` interleaves columns),
    so a cell split over pages reads on from one page to the next.
    """
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        indexes = range(len(document)) if pages is None else pages
        texts = []
        for index in indexes:
            page = document[index]
            textpage = page.get_textpage()
            texts.append(WHITESPACE.sub("", textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def long_text(length: int, *, tag: str = "") -> str:
    """Chinese text of *length* characters made of numbered clauses: 〔标0001〕消防通道被货物占用，…；"""
    clause = "消防通道被货物占用，已当场要求清理并拍照留存；"
    parts, total, number = [], 0, 1
    while total < length:
        part = f"〔{tag}{number:04d}〕{clause}"
        parts.append(part)
        total += len(part)
        number += 1
    return "".join(parts)[:length]


def printed_in_full(flat: str, text: str, *, max_breaks: int, window: int = 4000) -> bool:
    """Whether all of *text* appears in *flat* in order, broken at most *max_breaks* times by
    up to *window* characters of other text (a page's footer, header and repeated table head,
    and the parts of the row's other cells on that page).
    """
    text = WHITESPACE.sub("", text)
    position = flat.find(text[:7])  # a numbered tag: 〔结0001〕
    if position < 0:
        return False
    done = breaks = 0
    while True:
        while done < len(text) and position < len(flat) and flat[position] == text[done]:
            done += 1
            position += 1
        if done == len(text):
            return True
        breaks += 1
        if breaks > max_breaks:
            return False
        # long enough to hold the next numbered tag: a clause alone repeats in other texts
        resume = flat.find(text[done:done + 40], position, position + window)
        if resume < 0:
            return False
        position = resume


def char_boxes(pdf: Path, page_index: int) -> tuple[str, list[tuple[float, float, float, float]]]:
    """A page's text as drawn (whitespace kept) and each character's box (left, bottom, right,
    top) in points."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[page_index]
        textpage = page.get_textpage()
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count)
        boxes = [textpage.get_charbox(i) for i in range(count)]
        textpage.close()
        page.close()
        return text, boxes
    finally:
        document.close()
