"""A PDF whose attachment list names the results file but holds no file there is not a report."""
import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from reportlab.pdfgen.canvas import Canvas

from inspection.report.attachment import RESULTS_NAME, read_attached_results
from inspection.report.errors import NotAReport


def test_a_results_entry_that_is_not_a_file_is_refused_as_not_a_report(tmp_path):
    pdf = tmp_path / "odd.pdf"
    canvas = Canvas(str(pdf))
    canvas.drawString(100, 700, "hello")
    canvas.save()
    with open(pdf, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle)
        names = generic.ArrayObject([generic.pdf_string(RESULTS_NAME), generic.NumberObject(5)])
        writer.root["/Names"] = generic.DictionaryObject({
            generic.NameObject("/EmbeddedFiles"): generic.DictionaryObject(
                {generic.NameObject("/Names"): names})})
        writer.update_root()
        writer.write_in_place()
    with pytest.raises(NotAReport):
        read_attached_results(pdf)
