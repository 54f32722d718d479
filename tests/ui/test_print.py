"""打印: the report's own pages through QPrinter — to a PDF file (offscreen), and the preview."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from inspection.report.page_images import page_count, page_sizes, render_page
from inspection.signing.issue import export_report, issue_report
from inspection.signing.keys import create_signing_key
from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture
from tests.ui.test_report_ui import add_inspection
from ui.reports.print_preview import (
    PagePrinter,
    PrintFlow,
    latest_signed_report,
    page_target,
    prepare_printer,
    render_preview,
)


@pytest.fixture
def report(inline_runner, tmp_path):
    inspection = add_inspection(inline_runner)
    return inline_runner.call(lambda store: export_report(store, inspection.id,
                                                          out=tmp_path / "report.pdf"))


def pdf_printer(out: Path, *, resolution: int | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    prepare_printer(printer, "测试")
    if resolution:
        printer.setResolution(resolution)
    return printer


@pytest.mark.parametrize("resolution", [96, 150], ids=["preview images", "rendered for print"])
def test_printing_to_pdf_gives_the_reports_page_count(qtbot, inline_runner, report, tmp_path,
                                                      resolution):
    pages = render_preview(report, dpi=100)
    assert pages.count == page_count(report) == len(pages.images)
    out = tmp_path / "printed.pdf"
    printed = PagePrinter(inline_runner, pages).paint(pdf_printer(out, resolution=resolution))
    assert printed == pages.count
    assert page_count(out) == page_count(report)
    for width, height in page_sizes(out):  # A4, as the report
        assert width == pytest.approx(595.3, abs=1.5) and height == pytest.approx(841.9, abs=1.5)
    # the printed cover looks like the report's cover (same ink in the same places)
    original = render_page(report, 0, dpi=30).convert("L")
    copy = render_page(out, 0, dpi=30).convert("L").resize(original.size)
    differing = sum(abs(a - b) > 80 for a, b in zip(original.tobytes(), copy.tobytes()))
    assert differing < 0.02 * original.width * original.height


def test_a_page_fills_a4_paper_and_keeps_its_aspect_on_letter(tmp_path):
    printer = pdf_printer(tmp_path / "x.pdf")
    a4 = (595.276, 841.89)
    target = page_target(printer, a4)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    assert target.width() == pytest.approx(paper.width(), rel=1e-3)
    assert target.height() == pytest.approx(paper.height(), rel=1e-3)
    from PySide6.QtGui import QPageSize
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    target = page_target(printer, a4)
    assert target.width() / target.height() == pytest.approx(a4[0] / a4[1], rel=1e-3)


def test_print_flow_prints_a_draft_before_signing_and_the_signed_report_after(
        qtbot, make_window, runner, prefs, data_dir, tmp_path):
    inspection = add_inspection(runner)
    window = make_window(runner)
    window.open_inspection(inspection.id)
    flow = PrintFlow(window, runner)
    flow.print_inspection(inspection.id)
    qtbot.waitUntil(lambda: flow.preview is not None, timeout=30000)
    draft_folder = flow.draft_folder
    assert draft_folder is not None and flow.pdf.parent == draft_folder
    assert "草稿" in flow.preview.windowTitle()
    preview = flow.preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == page_count(flow.pdf))
    flow.preview.close()
    assert not draft_folder.exists()  # the throwaway draft is gone with the preview

    key = create_signing_key(name="张三", organisation="金山区经委", password="secret1",
                             out=tmp_path / "k.p12")
    signed = runner.call(lambda store: issue_report(store, inspection.id, key_path=key,
                                                    password="secret1"))
    found = runner.call(lambda store: latest_signed_report(store, inspection.id))
    assert found[1] == signed
    flow = PrintFlow(window, runner)
    flow.print_inspection(inspection.id)
    qtbot.waitUntil(lambda: flow.preview is not None, timeout=30000)
    assert flow.pdf == signed and flow.draft_folder is None
    assert "已签署" in flow.preview.windowTitle()
    flow.preview.close()
    assert signed.exists()


def test_print_action_is_ctrl_p_in_the_report_menu(make_window, inline_runner):
    window = make_window(inline_runner)
    assert window.report_menu.print_action.shortcut().toString() == "Ctrl+P"
    assert window.report_menu.print_action in window.report_menu.menu.actions()


def test_printing_renders_pages_in_the_background_while_events_run(qtbot, runner, tmp_path):
    inspection = add_inspection(runner)
    report = runner.call(lambda store: export_report(store, inspection.id,
                                                     out=tmp_path / "report.pdf"))
    pages = render_preview(report, dpi=60)
    out = tmp_path / "printed.pdf"
    assert PagePrinter(runner, pages).paint(pdf_printer(out, resolution=120)) == pages.count
    assert page_count(out) == pages.count
