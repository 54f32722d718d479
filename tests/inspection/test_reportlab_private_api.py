"""inspection/report/cjk.py replaces two private reportlab functions and leans on four more.

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
}
# Module-level names cjk.py reads or writes.
NAMES = {"reportlab.lib.textsplit": ["ALL_CANNOT_START", "ALL_CANNOT_END", "dumbSplit"],
         "reportlab.platypus.paragraph": ["ALL_CANNOT_START", "cjkFragSplit", "cjkU",
                                          "makeCJKParaLine", "ParaLines"],
         "reportlab.rl_config": ["_FUZZ"]}


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
