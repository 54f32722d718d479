"""reportlab's URL pattern is compiled on first use, not when the report imports reportlab
(inspection/report/lazy_regex.py); it matches as the compiled pattern does, and nothing else
about the import changes. Each case runs in a fresh interpreter: reportlab is imported once."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

URLS = ["https://example.com/a/b/c.html", "http://192.168.1.20:8080/x?y=1", "ftp://user@host/",
        "www.example.com/path", "C:\\\\folder\\\\file.pdf", "not a url", "https://例子.中国/路径"]


def _python(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_url_pattern_is_compiled_when_first_used_and_matches_as_before():
    found = _python(
        "import json, re, sys\n"
        "import inspection.report\n"
        "from reportlab.platypus import paragraph\n"
        "from inspection.report.lazy_regex import LazyPattern\n"
        "lazy = isinstance(paragraph.uri_pat, LazyPattern)\n"
        "compiled_early = lazy and paragraph.uri_pat._compiled is not None\n"
        f"urls = {URLS!r}\n"
        "ours = [paragraph._uri_split_pairs(u) for u in urls]\n"
        "source, flags = paragraph.uri_pat._source\n"
        "paragraph.uri_pat = re.compile(source, flags)\n"
        "theirs = [paragraph._uri_split_pairs(u) for u in urls]\n"
        "print(json.dumps({'lazy': lazy, 'compiled_early': compiled_early,\n"
        "  'same': ours == theirs, 'matched': sum(1 for r in ours if r),\n"
        "  'compile_restored': re.compile.__module__ == 're',\n"
        "  'source': len(paragraph.__loader__.get_source(paragraph.__name__)) > 10000,\n"
        "  'others_real': isinstance(paragraph._hy_letters_pat, re.Pattern),\n"
        "  'hook_gone': not any(type(f).__name__ == '_Finder' for f in sys.meta_path)}))\n")
    assert found == {"lazy": True, "compiled_early": False, "same": True, "matched": 3,
                     "compile_restored": True, "source": True, "others_real": True,
                     "hook_gone": True}


def test_reportlab_imported_first_is_left_as_it_is():
    found = _python(
        "import json, re, sys\n"
        "from reportlab.platypus import paragraph\n"
        "import inspection.report\n"
        "print(json.dumps({'real': isinstance(paragraph.uri_pat, re.Pattern),\n"
        "  'no_hook': not any(type(f).__name__ == '_Finder' for f in sys.meta_path)}))\n")
    assert found == {"real": True, "no_hook": True}
