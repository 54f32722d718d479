"""What making an unsigned report loads: not the signing code (cryptography and the key
loader, ~20 ms) and not urllib.request / http / ssl (xml.sax.saxutils brought them)."""
import json
import subprocess
import sys
from pathlib import Path

from inspection.store import open_store
from tests.inspection.report_data import fill_inspection

ROOT = Path(__file__).resolve().parents[2]
REPORT_IN_A_FRESH_PROCESS = """
import json, sys
from inspection.cli import main
code = main(["--data-dir", sys.argv[1], "report", sys.argv[2], "--out", sys.argv[3]])
print(json.dumps([code, sorted(sys.modules)]))
"""


def test_an_unsigned_report_loads_neither_the_signing_code_nor_the_network_modules(tmp_path):
    with open_store(tmp_path / "data", actor="张三") as store:
        inspection_id = fill_inspection(store, photos=1)
    out = tmp_path / "r.pdf"
    done = subprocess.run([sys.executable, "-c", REPORT_IN_A_FRESH_PROCESS,
                           str(tmp_path / "data"), inspection_id, str(out)],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0 and out.read_bytes().startswith(b"%PDF-")
    assert "reportlab.platypus" in modules  # the report was made in this process
    unwanted = [m for m in modules if m.split(".")[0] in ("cryptography", "ssl", "http")
                or m in ("urllib.request", "inspection.signing.keys", "inspection.signing.pades")]
    assert unwanted == []
