"""The report's fonts kept between runs (inspection/report/font_cache.py, run_cache.py): a font
from the cache is the font reportlab's parser makes; a cache file that is damaged, stale or made
for another font is never used (the font is parsed again and the file rewritten); a cache that
cannot be written costs nothing but the parse; the fallback font is loaded only when a text
needs it; and the report comes out the same whatever state the cache is in."""
from __future__ import annotations

import json
import marshal
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from inspection.report import run_cache
from inspection.report.fallback_font import fallback_font_file
from inspection.report.font_cache import cache_name, font_key, load_ttfont
from inspection.report.fonts import bold_font_file, regular_font_file
from inspection.store import open_store
from tests.inspection.report_data import fill_inspection

ROOT = Path(__file__).resolve().parents[2]
FONTS = {"regular": regular_font_file, "bold": bold_font_file, "fallback": fallback_font_file}


def assert_same_font(ours: TTFont, parsed: TTFont) -> None:
    """Every attribute of the font and its face as the parser leaves them, of the same type."""
    assert type(ours) is type(parsed) and type(ours.face) is type(parsed.face)
    assert vars(ours).keys() == vars(parsed).keys()
    for name, value in vars(ours).items():
        if name == "face":
            continue
        if name in ("state", "encoding"):  # per-document state, the UTF-8 marker: fresh ones
            assert type(value) is type(vars(parsed)[name])
            assert name == "encoding" or len(value) == 0
            continue
        assert value == vars(parsed)[name], name
    assert vars(ours.face).keys() == vars(parsed.face).keys()
    for name, value in vars(ours.face).items():
        theirs = vars(parsed.face)[name]
        if name == "_pdfScale":
            assert [value(v) for v in (0, 1, 777, 2048)] == [theirs(v) for v in (0, 1, 777, 2048)]
            continue
        assert type(value) is type(theirs) and value == theirs, name
        if hasattr(theirs, "ustr"):  # the font's names: bytes that know their text
            assert value.ustr == theirs.ustr


@pytest.fixture
def parses(monkeypatch):
    """How many fonts reportlab's parser has read since the test began."""
    count = [0]
    original = ttfonts.TTFontFile.extractInfo

    def counted(self, *args, **kwargs):
        count[0] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ttfonts.TTFontFile, "extractInfo", counted)
    return lambda: count[0]


@pytest.mark.parametrize("which", FONTS)
def test_a_font_from_the_cache_is_the_font_the_parser_makes(which, tmp_path, parses):
    font_file = FONTS[which]()
    parsed = TTFont("Test", str(font_file))
    first = load_ttfont("Test", font_file, folder=tmp_path)  # parsed, and kept
    assert (tmp_path / cache_name(font_file, font_key(font_file))).is_file() and parses() == 2
    assert_same_font(first, parsed)
    cached = load_ttfont("Test", font_file, folder=tmp_path)
    assert parses() == 2  # not parsed: from the cache
    assert_same_font(cached, parsed)
    assert cached.face is not first.face


def test_text_measured_and_subset_from_a_cached_font_is_the_same(tmp_path, parses):
    font_file = regular_font_file()
    parsed = TTFont("Parsed", str(font_file))
    load_ttfont("Cached", font_file, folder=tmp_path)
    cached = load_ttfont("Cached", font_file, folder=tmp_path)
    assert parses() == 2
    text = "园区东侧消防通道 GB/T 32169.3-2015（试行）≥2万㎡"
    assert cached.stringWidth(text, 10.5) == parsed.stringWidth(text, 10.5)
    subset = sorted({ord(c) for c in text} | {0, 32})[:256]
    assert cached.face.makeSubset(subset) == parsed.face.makeSubset(subset)


def _payload_offset(path: Path) -> int:
    data = path.read_bytes()
    return data.index(b"\n", len(run_cache.MAGIC)) + 1


def _flip_payload_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    at = _payload_offset(path)
    data[at + min(1000, (len(data) - at) // 2)] ^= 0x40
    path.write_bytes(bytes(data))


def _cut_short(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-5000])


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _header_only(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:_payload_offset(path)])


def _another_fonts_key(path: Path) -> None:
    data = path.read_bytes()
    start = len(run_cache.MAGIC)
    end = data.index(b"\n", start)
    header = json.loads(data[start:end])
    header["key"]["sha256"] = "0" * 64
    path.write_bytes(data[:start] + json.dumps(header).encode() + data[end:])


def _another_reportlab(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data.replace(b'"reportlab": "', b'"reportlab": "0.', 1))


def _wrong_shape(path: Path) -> None:
    # A payload with the right key and hash, that is not a parsed font (e.g. an older format
    # of this cache, written under the same key): the shape check refuses it.
    font_file = regular_font_file()
    run_cache.write(path.name, font_key(font_file), marshal.dumps({"attributes": {}, "names": {}}),
                    folder=path.parent)


def _glyphs_missing(path: Path) -> None:
    font_file = regular_font_file()
    key = font_key(font_file)
    state = marshal.loads(run_cache.read(path.name, key, folder=path.parent))
    state["attributes"]["glyphPos"] = state["attributes"]["glyphPos"][:-10]
    run_cache.write(path.name, key, marshal.dumps(state), folder=path.parent)


def _glyph_out_of_range(path: Path) -> None:
    key = font_key(regular_font_file())
    state = marshal.loads(run_cache.read(path.name, key, folder=path.parent))
    table = state["attributes"]["charToGlyph"]
    table[ord("园")] = state["attributes"]["numGlyphs"] + 5
    run_cache.write(path.name, key, marshal.dumps(state), folder=path.parent)


def _not_marshal(path: Path) -> None:
    run_cache.write(path.name, font_key(regular_font_file()), b"\x00not marshal at all",
                    folder=path.parent)


DAMAGE = [_flip_payload_byte, _cut_short, _garbage, _empty, _header_only, _another_fonts_key,
          _another_reportlab, _wrong_shape, _glyphs_missing, _glyph_out_of_range, _not_marshal]


@pytest.mark.parametrize("damage", DAMAGE, ids=[d.__name__.strip("_") for d in DAMAGE])
def test_a_damaged_or_stale_cache_file_is_never_used_and_is_made_again(damage, tmp_path,
                                                                       parses):
    font_file = regular_font_file()
    parsed = TTFont("Test", str(font_file))
    load_ttfont("Test", font_file, folder=tmp_path)
    kept = tmp_path / cache_name(font_file, font_key(font_file))
    damage(kept)
    assert parses() == 2
    assert_same_font(load_ttfont("Test", font_file, folder=tmp_path), parsed)
    assert parses() == 3  # not used: parsed again …
    assert_same_font(load_ttfont("Test", font_file, folder=tmp_path), parsed)
    assert parses() == 3  # … and kept again: the next run reads it


def test_a_changed_font_file_is_parsed_again(tmp_path):
    font_file = tmp_path / "fonts" / "Park-Regular.ttf"
    font_file.parent.mkdir()
    shutil.copyfile(regular_font_file(), font_file)
    cache = tmp_path / "cache"
    assert load_ttfont("Test", font_file, folder=cache).face.name == \
        TTFont("A", str(regular_font_file())).face.name
    shutil.copyfile(bold_font_file(), font_file)  # another font under the same file name
    assert_same_font(load_ttfont("Test", font_file, folder=cache),
                     TTFont("Test", str(font_file)))


def test_the_same_size_and_time_with_other_bytes_is_another_font(tmp_path):
    font_file = tmp_path / "fonts" / "Park-Regular.ttf"
    font_file.parent.mkdir()
    shutil.copyfile(fallback_font_file(), font_file)
    stat = os.stat(font_file)
    cache = tmp_path / "cache"
    load_ttfont("Test", font_file, folder=cache)
    data = bytearray(font_file.read_bytes())
    data[-1] ^= 0x01  # (the last byte: padding of the last table)
    font_file.write_bytes(bytes(data))
    os.utime(font_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    key = font_key(font_file, font_file.read_bytes())
    assert key["sha256"] != font_key(fallback_font_file())["sha256"]
    assert run_cache.read(cache_name(font_file, key), key, folder=cache) is None


def test_copies_of_a_font_unpacked_at_other_times_share_one_entry(tmp_path, parses):
    # (two installations or checkouts of the program: the same bytes, other times and places)
    cache = tmp_path / "cache"
    copies = []
    for name, when in (("one", 1_600_000_000), ("two", 1_700_000_000)):
        copy = tmp_path / name / "NotoSansSC-Regular.ttf"
        copy.parent.mkdir()
        shutil.copyfile(fallback_font_file(), copy)
        os.utime(copy, (when, when))
        copies.append(copy)
    load_ttfont("Test", copies[0], folder=cache)
    assert parses() == 1
    assert_same_font(load_ttfont("Test", copies[1], folder=cache),
                     TTFont("Test", str(copies[1])))
    assert parses() == 2  # (the comparison's own parse): the copy came from the cache
    assert len(list(cache.iterdir())) == 1


def test_a_cache_folder_that_cannot_be_written_costs_only_the_parse(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    font = load_ttfont("Test", fallback_font_file(), folder=blocked)
    assert_same_font(font, TTFont("Test", str(fallback_font_file())))
    assert blocked.read_text() == "a file where the cache folder would be"


def _python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()


def test_the_fallback_font_is_loaded_only_when_a_text_needs_it():
    out = _python(
        "from reportlab.pdfbase import pdfmetrics\n"
        "from reportlab.platypus import Paragraph\n"
        "from inspection.report.fallback_font import FALLBACK\n"
        "from inspection.report.styles import styles\n"
        "Paragraph('园区负责人<b>王五</b>，陪同 Li 记录', styles().cell)\n"
        "print(FALLBACK in pdfmetrics.getRegisteredFontNames())\n"
        "p = Paragraph('园区负责人<b>王䶮</b>', styles().cell)\n"
        "print(FALLBACK in pdfmetrics.getRegisteredFontNames(), "
        "sorted({f.fontName for f in p.frags}))\n")
    assert out.splitlines() == ["False", "True ['NotoSansSC', 'NotoSansSC-Bold', 'ParkFallback']"]


def _comparable(pdf: Path) -> bytes:
    """The PDF's bytes without what differs between two runs: its dates and its ID."""
    data = pdf.read_bytes()
    data = re.sub(rb"\(D:\d{14}[^)]*\)", b"(D:)", data)
    return re.sub(rb"/ID\s*\[<[0-9a-fA-F]+><[0-9a-fA-F]+>\]", b"/ID []", data)


def test_the_report_is_the_same_from_a_cold_a_warm_and_a_damaged_cache(tmp_path):
    data = tmp_path / "data"
    with open_store(data, actor="张三") as store:
        inspection_id = fill_inspection(store, photos=2)
    cache = tmp_path / "cache"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))

    def report(name: str) -> Path:
        out = tmp_path / f"{name}.pdf"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                        "report", inspection_id, "--out", str(out)], cwd=ROOT, env=env,
                       check=True, capture_output=True)
        return out

    cold = report("cold")
    kept = sorted(p.name.split("-")[0] for p in cache.rglob("*") if p.is_file())
    assert kept == ["NotoSansSC", "NotoSansSC", "mark"]  # Regular, Bold; no fallback: not needed
    warm = report("warm")
    for path in cache.rglob("*"):
        if path.is_file():
            _flip_payload_byte(path)
    damaged = report("damaged")
    again = report("again")  # from the cache made again
    assert _comparable(cold) == _comparable(warm) == _comparable(damaged) == _comparable(again)
