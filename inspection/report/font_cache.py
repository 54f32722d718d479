"""TrueType fonts for reportlab, parsed once and then kept in the user's cache folder.

reportlab reads a TrueType font's tables (names, metrics, the character map, every glyph's
width and place) in Python each time a process registers it: some 40 ms for each Noto Sans SC
face, in every report. :func:`load_ttfont` keeps what the parser found (``marshal``, through
:mod:`.run_cache`: used only for the very font it was made from — the file's size and the
SHA-256 of its bytes — and this reportlab, and only when its payload matches its hash) and
builds the same ``TTFont`` from it in a few milliseconds. What it decodes to must moreover
have the shape the parser leaves (every table of its type, a width and a place for every
glyph, every character mapped to a glyph that exists); anything else and the font is parsed as
before and the cache file written again.

The key is the font's content, not its file's modification time: the bytes are read anyway
(subsetting copies glyphs out of them) and hashed (~6 ms), so a time would add nothing but
misses — two installations or checkouts of the program, with the same fonts unpacked at
different times, share one entry instead of overwriting each other's. Entries are named by
that hash: another version of a font gets its own file.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
from pathlib import Path
from typing import Any

from inspection.report import run_cache

log = logging.getLogger(__name__)

FORMAT = 1
# The attributes of a parsed face that are not kept: the font file's bytes (read again and
# checked against the key), a function of unitsPerEm, the file's name.
_NOT_KEPT = {"_ttf_data", "_pdfScale", "filename"}
_TABLES: dict[str, type] = {  # what the parser always leaves, and its type
    "name": bytes, "familyName": bytes, "charToGlyph": dict, "glyphToChar": dict,
    "charWidths": dict, "hmetrics": list, "glyphPos": list, "numGlyphs": int,
    "unitsPerEm": int, "table": dict, "tables": list, "bbox": list,
}
# font file → ((size, mtime) when it was read, its key), as read in this process
_KEYS: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}


def cache_name(font_file: Path, key: dict[str, Any]) -> str:
    """The cache file of the font *key* identifies: its file's name and content hash."""
    return f"{Path(font_file).stem}-{key['sha256'][:16]}.rlfont"


def font_key(font_file: Path, data: bytes | None = None) -> dict[str, Any]:
    """What identifies *font_file*'s content: its size and SHA-256, with this reportlab's
    version and this cache's format. Without *data* the file is read and hashed once per
    process (again if its size or modification time changed meanwhile)."""
    font_file = Path(font_file)
    stat = os.stat(font_file)
    seen = (stat.st_size, stat.st_mtime_ns)
    known = _KEYS.get(font_file)
    if data is None and known is not None and known[0] == seen:
        return known[1]
    import reportlab

    if data is None:
        data = font_file.read_bytes()
    key = {"format": FORMAT, "reportlab": reportlab.Version, "size": len(data),
           "sha256": hashlib.sha256(data).hexdigest()}
    _KEYS[font_file] = (seen, key)
    return key


def load_ttfont(name: str, font_file: Path, *, folder: Path | None = None) -> Any:
    """``TTFont(name, font_file)``, from the cache when it holds this font, else parsed (and
    the cache written). *folder* overrides the cache folder (tests)."""
    from reportlab.pdfbase.ttfonts import TTFont

    font_file = Path(font_file)
    data = font_file.read_bytes()  # subsetting copies glyphs out of these bytes
    key = font_key(font_file, data)
    payload = run_cache.read(cache_name(font_file, key), key, folder=folder)
    if payload is not None:
        face = _decoded(payload, font_file, data)
        if face is not None:
            return _font(name, face)
    font = TTFont(name, str(font_file))
    _keep(font.face, key, folder)
    return font


def _decoded(payload: bytes, font_file: Path, data: bytes) -> Any | None:
    collecting = gc.isenabled()
    gc.disable()  # some 100,000 new objects, none of them in a cycle: no collection meanwhile
    try:
        return _face(marshal.loads(payload), font_file, data)
    except (ValueError, EOFError, TypeError, KeyError, AttributeError) as exc:
        log.info("font cache of %s not used: not what the parser leaves (%s)", font_file, exc)
        return None
    finally:
        if collecting:
            gc.enable()


def _face(state: Any, font_file: Path, data: bytes) -> Any:
    """A ``TTFontFace`` with the parsed tables of *state*, as the parser would leave it."""
    from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace

    if not isinstance(state, dict) or not isinstance(state.get("attributes"), dict) \
            or not isinstance(state.get("names"), dict):
        raise ValueError("no attributes")
    attributes: dict[str, Any] = dict(state["attributes"])
    for attribute, text in state["names"].items():
        attributes[attribute] = TTFNameBytes(text.encode("utf8"), "utf8")
    for attribute, kind in _TABLES.items():
        if not isinstance(attributes.get(attribute), kind):
            raise ValueError(f"{attribute} missing")
    glyphs = attributes["numGlyphs"]
    mapped = attributes["charToGlyph"].values()
    if len(attributes["hmetrics"]) != glyphs or len(attributes["glyphPos"]) != glyphs + 1 \
            or attributes["charWidths"].keys() != attributes["charToGlyph"].keys() \
            or not set(map(type, mapped)) <= {int} \
            or (mapped and (min(mapped) < 0 or max(mapped) >= glyphs)):
        raise ValueError("tables do not fit the glyph count")
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(attributes)
    face.filename = str(font_file)
    face._ttf_data = data
    face._pdfScale = _scale(attributes["unitsPerEm"])
    return face


def _scale(units_per_em: int) -> Any:
    """The parser's conversion of font units to 1/1000 em (used by reportlab's shaping)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _font(name: str, face: Any) -> Any:
    """``TTFont(name, …)`` around an already parsed *face* (``TTFont.__init__`` without the
    parse; tests/inspection/test_report_font_cache.py holds it to the parsed font)."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, unShapedFontGlob

    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)
    return font


def _keep(face: Any, key: dict[str, Any], folder: Path | None) -> None:
    """Keep *face*'s parsed tables for the next run (nothing when marshal cannot hold them)."""
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    attributes, names = {}, {}
    for attribute, value in vars(face).items():
        if attribute in _NOT_KEPT:
            continue
        if isinstance(value, TTFNameBytes):
            names[attribute] = value.ustr
        else:
            attributes[attribute] = value
    try:
        payload = marshal.dumps({"attributes": attributes, "names": names})
    except ValueError as exc:  # a value marshal cannot keep (another reportlab): parse each time
        log.info("font %s not cached: %s", face.filename, exc)
        return
    run_cache.write(cache_name(Path(face.filename), key), key, payload, folder=folder)
