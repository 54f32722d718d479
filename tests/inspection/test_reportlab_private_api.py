"""inspection/report/cjk.py replaces two private reportlab functions and leans on more;
inspection/report/writer.py, pdf_images.py and styles.ReportTable lean on reportlab's writing and table splitting.

Their parameters and the hash of their source text, as shipped in the reportlab series
requirements.txt pins, are recorded below. A reportlab upgrade that changes any of them fails
here, naming it: re-read that function against cjk.py (does cjk.py still do all it did, is it
still called the same way?), then update the entry here and the pin in requirements.txt.
"""
import ast
import hashlib
import importlib
import inspect
from pathlib import Path

import pytest
import reportlab

from inspection.report import cjk

SERIES = "5.1"  # requirements.txt: reportlab[accel]>=5.1,<5.2

# (module, name) → (parameters, sha256 of the definition's source text)
REPLACED = {  # cjk.install_line_rules puts its own functions in their place
    ("reportlab.lib.textsplit", "dumbSplit"): (
        "word, widths, maxWidths",
        "425148a0035d7b69ccacde1d9013922f36ecddc274a6e81ad099d46dc1e56707"),
    ("reportlab.platypus.paragraph", "cjkFragSplit"): (
        "frags, maxWidths, calcBounds, encoding='utf8'",
        "7c1c84b4d548b314094eb10a4e676836207d1054b5e273243b8d1f326b46dbd6"),
}
RELIED_ON = {  # the callers that must reach the replacements through the module, and helpers
    ("reportlab.lib.textsplit", "wordSplit"): (
        "word, maxWidths, fontName, fontSize, encoding='utf8'",
        "b20d1ce0d51083706902a4cc4cb71e879aa8321ee2ea263af3c9cbf602bafbe3"),
    ("reportlab.platypus.paragraph", "Paragraph.breakLinesCJK"): (
        "self, maxWidths",
        "5e502f9e3093ba1085811daaeeb82ffdc0eed78d031c7cbf9ae9b1f9c6d6779e"),
    ("reportlab.platypus.paragraph", "makeCJKParaLine"): (
        "U, maxWidth, widthUsed, extraSpace, lineBreak, calcBounds",
        "ba39bef8ea226d81a9e746c5fc6a3442a2c4a863a0a01c729eb2a205cffd1133"),
    ("reportlab.platypus.paragraph", "cjkU"): (  # a str subclass: the parameters of __new__
        "cls, value, frag, encoding",
        "36a6ef3d7ba236b7fc4d9588b447b2f1ca3fd22a5ed67b1c004a2e37efeb7066"),
    # cjk.py remembers lines per paragraph and forgets them when split appends to their words
    ("reportlab.platypus.paragraph", "Paragraph.split"): (
        "self, availWidth, availHeight",
        "62c6fa08fbb2906df63fe94a265d92fc2e8aef28be9a00cf38eaec3bd1c7572d"),
    ("reportlab.platypus.paragraph", "_split_blParaHard"): (
        "blPara, start, stop",
        "7c4d5f0768f7b1f0a91a2cdbe714dfabfa21e6464bbe01deac0178059c100649"),
    # writer.py writes what these write (save_streaming) and draws as drawImage draws
    ("reportlab.pdfbase.pdfdoc", "PDFDocument.GetPDFData"): (
        "self, canvas",
        "fe3623e20d6a408b3865014ba97fb41084eee0c27586ffba96a40895dcb5963d"),
    ("reportlab.pdfbase.pdfdoc", "PDFDocument.format"): (
        "self",
        "5498d1ec46ff794cff9d63ca3f56e76e5b4a2895e9087d02a3046cf7a789cfee"),
    ("reportlab.pdfbase.pdfdoc", "PDFIndirectObject.format"): (
        "self, document",
        "fbbc8b3ba73448667fc357446a5cceeeb55262838acbe559d2a39e01ddd28d37"),
    ("reportlab.pdfbase.pdfdoc", "PDFFile.__init__"): (
        "self, pdfVersion=PDF_VERSION_DEFAULT",
        "2de566b941f1ee907d9dc132bf9da964c081e4c1a93d2f347395f8005fe53789"),
    ("reportlab.pdfbase.pdfdoc", "PDFImageXObject.format"): (
        "self, document",
        "6069553082920049e0693804b7bf76ff3cc8252244909b3a83af774ab7976eb8"),
    ("reportlab.pdfbase.pdfdoc", "PDFStream.format"): (
        "self, document",
        "b9ac08f4087952144d8916f7d0d70e3232118e4d5f8ac18e9f6c869d07a92ba9"),
    ("reportlab.pdfgen.canvas", "Canvas.drawImage"): (
        "self, image, x, y, width=None, height=None, mask=None, preserveAspectRatio=False, "
        "anchor='c', anchorAtXY=False, showBoundary=False, extraReturn=None",
        "3fdc2efc25933019606ee7d00a3cb46afd82ca06f10d87491ce27dde2b46eff8"),
    ("reportlab.pdfgen.canvas", "Canvas.save"): (
        "self",
        "ee9b7cd0d74aaef86e57b1f3c0b4d198441d839c96e39c6119c8db5b809b4f7f"),
    # styles.ReportTable splits rows itself (and relies on how cells of a split row are split)
    ("reportlab.platypus.tables", "Table._splitCell"): (
        "self, value, style, oldHeight, newHeight, width",
        "17b52ecd14dbf9f59c0d21d809027c14a6788a95efeba99f0522f0597318a1f1"),
    ("reportlab.platypus.tables", "Table._splitRows"): (
        "self, availHeight, doInRowSplit=0",
        "75a979f1d51ab7c2be6625597475054c06d12bcd343412fb9ae1070b385ef7e4"),
    # font_cache.py builds a TTFont around a face kept from an earlier parse (what these do,
    # without reading the file; test_report_font_cache.py compares the result to a parse)
    ("reportlab.pdfbase.ttfonts", "TTFont.__init__"): (
        "self, name, filename, validate=0, subfontIndex=0, asciiReadable=None, shapable=True",
        "f7f3b2b0b433c3e6bd86948731e4c7f97ddcf1a3ef12945105e79805be1b270e"),
    ("reportlab.pdfbase.ttfonts", "TTFontFace.__init__"): (
        "self, filename, validate=0, subfontIndex=0",
        "8a2daaefaaf723149158c691039bf3f538d2054192a7f19115931d09e4605131"),
    # pdf_images.draw_named_image rebuilds the unsigned mark's image XObjects from their attributes
    ("reportlab.pdfbase.pdfdoc", "PDFImageXObject.__init__"): (
        "self, name, source=None, mask=None",
        "b106f2dd40b131c02de527d1d3d2a2ee38456567afb7fc542c3b56775cb2b965"),
}
# Module-level names cjk.py reads or writes.
NAMES = {"reportlab.lib.textsplit": ["ALL_CANNOT_START", "ALL_CANNOT_END", "dumbSplit"],
         "reportlab.platypus.paragraph": ["ALL_CANNOT_START", "cjkFragSplit", "cjkU",
                                          "makeCJKParaLine", "ParaLines", "FragLine",
                                          "wordSplit", "sameFrag", "getAscentDescent",
                                          "imgVRange", "imgNormV"],
         "reportlab.pdfbase.pdfdoc": ["PDFObject", "PDFImageXObject", "PDFIndirectObject",
                                      "PDFCrossReferenceTable", "PDFTrailer", "PDFDictionary",
                                      "PDFArray", "PDFName", "PDFString", "PDFStream", "PDFDate",
                                      "pdfdocEnc", "format"],
         "reportlab.pdfbase.ttfonts": ["TTFont", "TTFontFace", "TTFNameBytes", "TTEncoding",
                                       "unShapedFontGlob"],
         "reportlab.rl_config": ["_FUZZ", "invariant", "pdfComments", "ttfAsciiReadable"]}


def definition(module: str, name: str) -> tuple[str, str]:
    """(parameters, sha256 of the source text) of *name* (``Class.method`` allowed) in the
    module's file as installed, read with ast so that cjk's replacements do not interfere."""
    text = Path(importlib.import_module(module).__file__).read_text(encoding="utf-8")
    node: ast.AST = ast.parse(text)
    for part in name.split("."):
        node = next((n for n in node.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))
                     and n.name == part), None)
        if node is None:
            pytest.fail(f"reportlab {reportlab.Version}: {module}.{name} is gone; "
                        "inspection/report/cjk.py depends on it")
    function = node if isinstance(node, ast.FunctionDef) else next(
        n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__new__")
    source = ast.get_source_segment(text, node).replace("\r\n", "\n")
    return ast.unparse(function.args), hashlib.sha256(source.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(("module", "name"), [*REPLACED, *RELIED_ON],
                         ids=lambda value: value.rpartition(".")[2])
def test_the_private_reportlab_functions_cjk_replaces_are_as_it_was_written_against(module, name):
    parameters, digest = {**REPLACED, **RELIED_ON}[(module, name)]
    found_parameters, found_digest = definition(module, name)
    where = f"reportlab {reportlab.Version}: {module}.{name}"
    assert found_parameters == parameters, (
        f"{where} now takes ({found_parameters}), cjk.py was written for ({parameters})")
    assert found_digest == digest, (
        f"{where} changed (source sha256 {found_digest}): re-read it against "
        "inspection/report/cjk.py, then update this test and the reportlab pin in requirements.txt")


def test_the_replacements_take_the_parameters_of_the_functions_they_replace():
    ours = {"dumbSplit": cjk.dumb_split, "cjkFragSplit": cjk.cjk_frag_split}
    for (_, name), (parameters, _) in REPLACED.items():
        wanted = [p.split("=")[0].strip() for p in parameters.split(",")]
        assert list(inspect.signature(ours[name]).parameters) == wanted, name


def test_the_names_cjk_uses_exist():
    for module, names in NAMES.items():
        missing = [n for n in names if not hasattr(importlib.import_module(module), n)]
        assert not missing, f"reportlab {reportlab.Version}: {module} lacks {', '.join(missing)}"


def test_reportlab_is_the_series_cjk_was_written_against():
    assert reportlab.Version.startswith(SERIES + "."), (
        f"reportlab {reportlab.Version} is installed; inspection/report/cjk.py was written "
        f"against {SERIES}.x (requirements.txt pins it; see this module's docstring)")
