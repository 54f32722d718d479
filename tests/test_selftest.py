"""The headless self-check used on a fresh build: demo, sign, verify, check — exit 0."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_self_test_passes_from_source(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test"],
                         capture_output=True, text=True, timeout=300,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                              "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stdout + out.stderr
    assert "自检通过" in out.stdout
    assert out.stdout.count("✓") == 6  # five headless steps and the window
