"""Rendering report pages with PDFium: sizes, page count, images, the signature stamp, refusals."""
from __future__ import annotations

import threading

import pytest

from inspection.report.errors import Cancelled, NotAPdf
from inspection.report.page_images import page_count, page_sizes, render_page, render_pages
from inspection.signing.issue import export_report, issue_report
from inspection.signing.keys import create_signing_key


@pytest.fixture
def report(store, inspection, tmp_path):
    return export_report(store, inspection.id, out=tmp_path / "draft.pdf")


def test_pages_are_a4_and_counted(report):
    sizes = page_sizes(report)
    assert len(sizes) == page_count(report) >= 4
    for width, height in sizes:
        assert width == pytest.approx(595.3, abs=0.5) and height == pytest.approx(841.9, abs=0.5)


def test_pages_render_at_the_asked_resolution(report):
    images = list(render_pages(report, dpi=36, pages=[0, 1]))
    assert len(images) == 2
    for image in images:
        assert image.mode == "RGB"
        assert image.size == (round(595.3 / 2), round(841.9 / 2))
    cover = images[0]
    assert cover.getpixel((5, 5)) == (255, 255, 255)  # paper white
    assert min(cover.convert("L").tobytes()) < 100  # and some text on it


def dark_pixels_in_stamp_box(pdf) -> int:
    page = render_page(pdf, page_count(pdf) - 1, dpi=50).convert("L")
    width, height = page.size
    # the stamp box sits in the lower right of the signatures page, above the footer
    box = page.crop((width // 2, int(height * 0.76), width - 10, int(height * 0.92)))
    return sum(1 for value in box.tobytes() if value < 128)


def test_the_signature_stamp_is_drawn(store, inspection, report, tmp_path):
    key = tmp_path / "key.p12"
    create_signing_key(name="张三", organisation="金山区经委", password="secret1", out=key)
    signed = issue_report(store, inspection.id, key_path=key, password="secret1",
                          out=tmp_path / "signed.pdf")
    assert dark_pixels_in_stamp_box(signed) > 4 * dark_pixels_in_stamp_box(report) + 100


def test_rendering_stops_when_cancelled(report):
    calls = []

    def should_cancel():
        calls.append(1)
        return len(calls) > 1

    pages = render_pages(report, dpi=20, should_cancel=should_cancel)
    next(pages)
    with pytest.raises(Cancelled):
        next(pages)


def test_two_threads_may_render_at_once(report):
    errors = []

    def work():
        try:
            list(render_pages(report, dpi=20))
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors


@pytest.mark.parametrize("content", [b"", b"not a pdf at all", b"%PDF-1.7\n%broken"])
def test_a_file_that_is_not_a_pdf_is_refused_plainly(tmp_path, content):
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    with pytest.raises(NotAPdf):
        page_count(path)


def test_a_missing_file_is_refused_plainly(tmp_path):
    with pytest.raises(NotAPdf, match="找不到文件"):
        list(render_pages(tmp_path / "missing.pdf"))
