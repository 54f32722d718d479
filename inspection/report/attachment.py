"""The machine-readable results inside the report PDF, and the empty signature field.

The JSON (``inspection.results_data.inspection_dict``) is a PDF embedded file named
``inspection-results.json``: any PDF reader lists it under attachments, and
:func:`read_attached_results` reads it back. It is added with pyHanko as an incremental update
of the freshly built PDF — before signing, so the signature covers it.
"""
from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from checklists.errors import messages
from inspection.report.errors import DamagedPdf, NotAPdf, NotAReport

if TYPE_CHECKING:
    from pyhanko.pdf_utils.generic import DictionaryObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader

MESSAGES = messages({
    "pdf.not_a_pdf": ("不是 PDF 文件：{path}", "Not a PDF file: {path}"),
    "pdf.damaged": ("PDF 文件已损坏，无法读取：{path}（{reason}）", "The PDF file is damaged and cannot be read: {path} ({reason})"),
    "pdf.not_found": ("找不到文件：{path}", "No such file: {path}"),
    "pdf.cannot_open": ("无法打开文件：{path}（{reason}）", "Cannot open the file: {path} ({reason})"),
    "pdf.no_results": ("该 PDF 不是本程序生成的检查报告（没有附带检查结果数据）：{name}",
                       "This PDF is not an inspection report made by this program (it carries no"
                       " inspection results): {name}"),
    "pdf.damaged_results": ("报告中的检查结果数据已损坏：{name}（{reason}）",
                            "The inspection results in the report are damaged: {name} ({reason})"),
    "pdf.other_results": ("该 PDF 附带的数据不是检查结果：{name}",
                          "The data attached to this PDF are not inspection results: {name}"),
})

RESULTS_NAME = "inspection-results.json"
SIGNATURE_FIELD = "InspectorSignature"


RESULTS_DESCRIPTION = "检查结果数据（机器可读，park-inspector-results/1）"


def results_payload(data: dict[str, Any]) -> bytes:
    """The attached JSON's bytes."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False).encode("utf-8")


def attach_results(pdf_path: Path, data: dict[str, Any], *,
                   stamp: tuple[int, tuple[float, float, float, float]] | None = None) -> None:
    """Append the results JSON (and the empty signature field at *stamp*) to *pdf_path* in place.

    *stamp* is (page index from 0, (x1, y1, x2, y2)) of the box kept free for the signature.
    Written with pyHanko's PDF layer only (``pyhanko.pdf_utils``): its signing package,
    which also holds ``append_signature_field``, imports a timestamp client, aiohttp and a
    validator (~0.2 s) that an empty field does not need.
    """
    from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams, FileSpec, embed_file
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    payload = results_payload(data)
    with open(pdf_path, "r+b") as handle:
        writer = IncrementalPdfFileWriter(handle)
        now = datetime.now().astimezone()
        stream = EmbeddedFileObject.from_file_data(
            writer, payload, mime_type="application/json",
            params=EmbeddedFileParams(creation_date=now, modification_date=now))
        embed_file(writer, FileSpec(
            file_spec_string=RESULTS_NAME, file_name=RESULTS_NAME, embedded_data=stream,
            description=RESULTS_DESCRIPTION))
        if stamp is not None:
            _add_signature_field(writer, *stamp)
        writer.write_in_place()


def _add_signature_field(writer: IncrementalPdfFileWriter, page: int,
                         box: tuple[float, float, float, float]) -> None:
    """The empty signature field over *box* on page *page*, as pyHanko's
    ``append_signature_field`` makes it (and ``report.writer.signature_field`` in a new PDF):
    one widget, printed and locked (F 132), an empty appearance, AcroForm with SigFlags 1."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    x1, y1, x2, y2 = box
    page_ref = writer.find_page_for_modification(page)[0]
    empty = writer.add_object(generic.StreamObject({
        pdf_name("/BBox"): generic.ArrayObject([generic.FloatObject(v) for v in
                                                (0, abs(y2 - y1), abs(x2 - x1), 0)]),
        pdf_name("/Resources"): generic.DictionaryObject(),
        pdf_name("/Type"): pdf_name("/XObject"), pdf_name("/Subtype"): pdf_name("/Form")},
        stream_data=b""))
    field = writer.add_object(generic.DictionaryObject({
        pdf_name("/FT"): pdf_name("/Sig"), pdf_name("/T"): generic.pdf_string(SIGNATURE_FIELD),
        pdf_name("/Type"): pdf_name("/Annot"), pdf_name("/Subtype"): pdf_name("/Widget"),
        pdf_name("/F"): generic.NumberObject(132),
        pdf_name("/Rect"): generic.ArrayObject([generic.FloatObject(v) for v in box]),
        pdf_name("/P"): page_ref,
        pdf_name("/AP"): generic.DictionaryObject({pdf_name("/N"): empty})}))
    page_obj = page_ref.get_object()
    # [] resolves an indirect value (pyHanko's .get returns the reference itself)
    annots = page_obj["/Annots"] if "/Annots" in page_obj else None  # noqa: SIM401
    if isinstance(annots, generic.ArrayObject):
        annots.append(field)
        writer.update_container(annots)
    else:
        page_obj[pdf_name("/Annots")] = generic.ArrayObject([field])
        writer.update_container(page_obj)
    root = writer.root
    form = root["/AcroForm"] if "/AcroForm" in root else None  # noqa: SIM401
    if isinstance(form, generic.DictionaryObject):
        if "/Fields" in form:
            form["/Fields"].append(field)
            writer.update_container(form["/Fields"])
        else:
            form[pdf_name("/Fields")] = generic.ArrayObject([field])
        form[pdf_name("/SigFlags")] = generic.NumberObject(1)
        writer.update_container(form)
    else:
        root[pdf_name("/AcroForm")] = writer.add_object(generic.DictionaryObject({
            pdf_name("/Fields"): generic.ArrayObject([field]),
            pdf_name("/SigFlags"): generic.NumberObject(1)}))
        writer.update_root()


def open_reader(handle: BinaryIO | io.RawIOBase) -> PdfFileReader:
    """A pyHanko reader of an open PDF, or NotAPdf with a plain message."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    head = handle.read(1024)
    handle.seek(0)
    if b"%PDF-" not in head:
        raise NotAPdf("pdf.not_a_pdf", path=getattr(handle, "name", ""))
    try:
        return PdfFileReader(handle, strict=False)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise DamagedPdf("pdf.damaged", path=getattr(handle, "name", ""), reason=exc) from None


def _results_spec(reader: PdfFileReader) -> DictionaryObject | None:
    from pyhanko.pdf_utils.generic import DictionaryObject

    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, TypeError):
        return None
    for i in range(0, len(names) - 1, 2):
        if str(names[i]) == RESULTS_NAME:
            spec = names[i + 1].get_object()
            return spec if isinstance(spec, DictionaryObject) else None
    return None


def open_pdf_file(path: Path | str) -> BinaryIO:
    """Open a file the user named as a PDF for reading; NotAPdf with the reason when it can't be."""
    path = Path(path)
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise NotAPdf("pdf.not_found", path=path) from None
    except OSError as exc:
        raise NotAPdf("pdf.cannot_open", path=path, reason=exc.strerror or exc) from None


def read_attached_results(pdf_path: Path | str) -> dict[str, Any]:
    """The results JSON embedded in a report; NotAPdf / NotAReport when there is none."""
    path = Path(pdf_path)
    with open_pdf_file(path) as handle:
        reader = open_reader(handle)
        spec = _results_spec(reader)
        if spec is None:
            raise NotAReport("pdf.no_results", name=path.name)
        try:
            data = json.loads(spec["/EF"]["/F"].get_object().data.decode("utf-8"))
        except (KeyError, ValueError, UnicodeDecodeError) as exc:
            raise NotAReport("pdf.damaged_results", name=path.name, reason=exc) from None
    if not isinstance(data, dict) or not str(data.get("format", "")).startswith(
            "park-inspector-results/"):
        raise NotAReport("pdf.other_results", name=path.name)
    return data


def has_attached_results(reader: PdfFileReader) -> bool:
    return _results_spec(reader) is not None
