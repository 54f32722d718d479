"""Paragraph mark-up parsed once per shape, not once per paragraph.

reportlab parses every ``Paragraph``'s mark-up with an ``HTMLParser`` (a tenth of a report's
time: some 2,000 table cells in a 100-photo report). Yet a report's paragraphs have few
shapes: ``<b>…</b><br/>…``, ``<font color="…"><b>…</b></font>。…``, plain text. The fragments
the parser makes of a text depend on its tags and entities, never on the characters between
them (each run of plain text becomes one fragment, carrying the style of the tags around it).

:func:`parsed_frags` therefore parses the text's *skeleton* — every run of plain text replaced
by one placeholder character — with reportlab's own parser, once per skeleton and style, and
gives each paragraph clones of those fragments holding its own runs. The fragments are the
ones the parser would make of the whole text (tests/inspection/test_report_markup.py holds
them to it over every paragraph of a report). Whatever is not plainly within that — a tag
other than ``b``, ``i``, ``font``, ``br``; a ``&`` or ``<`` that is not an entity or such a
tag; a style that transforms its text — goes to the parser as before (None).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

PLACEHOLDER = "\ue000"  # (private use: a run of text in a skeleton)
_TAG = r"<(?:/?(?:b|i|font)|br)(?:\s[^<>]*)?/?>"
_ENTITY = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
_MARKUP = re.compile(f"{_TAG}|{_ENTITY}")
_SKELETONS: dict[tuple[Any, ...], list[Any] | None] = {}
_MOST_SKELETONS = 2048  # (a report has a few dozen; a bound, should something vary wildly)
_UNKNOWN: Any = object()


def skeleton(text: str) -> tuple[str, list[str]] | None:
    """*text* with each run of plain text replaced by :data:`PLACEHOLDER`, and the runs;
    None when the text holds mark-up this module leaves to the parser."""
    if text.startswith("<para"):
        return None
    parts: list[str] = []
    runs: list[str] = []
    position = 0
    for match in _MARKUP.finditer(text):
        if match.start() > position:
            runs.append(text[position:match.start()])
            parts.append(PLACEHOLDER)
        parts.append(match.group())
        position = match.end()
    if position < len(text):
        runs.append(text[position:])
        parts.append(PLACEHOLDER)
    if any("<" in run or "&" in run or PLACEHOLDER in run for run in runs):
        return None  # a tag or entity the parser reads otherwise, or a placeholder of its own
    return "".join(parts), runs


def _style_key(style: Any) -> tuple[Any, ...]:
    """What of *style* the parser copies into fragments (a changed style is parsed anew)."""
    return (id(style), style.fontName, style.fontSize, style.textColor, style.bulletFontName,
            style.bulletFontSize, getattr(style, "bulletColor", None))


def _template(shape: str, style: Any) -> list[Any] | None:
    """The fragments reportlab's parser makes of *shape* in *style* (None: left to it)."""
    key = (shape, *_style_key(style))
    known = _SKELETONS.get(key, _UNKNOWN)  # (one lookup: another thread may clear it)
    if known is not _UNKNOWN:
        return known
    from reportlab.platypus.paraparser import ParaParser

    parser = ParaParser()
    parser.caseSensitive = 1
    try:
        parsed_style, frags, bullet_frags = parser.parse(shape, style)
    except Exception:  # (malformed: the parser says so on the paragraph itself)
        frags = None
    else:
        if frags is None or bullet_frags or parsed_style is not style:
            frags = None
    if len(_SKELETONS) >= _MOST_SKELETONS:
        _SKELETONS.clear()
    _SKELETONS[key] = frags
    return frags


def parsed_frags(text: str, style: Any, cleaner: Callable[[str], str]) -> tuple[str, list[Any]] | None:
    """(the cleaned text, its fragments) as ``Paragraph._setup`` makes them with reportlab's
    parser, from the skeleton's fragments; None when the parser must read this text itself."""
    if not isinstance(text, str) or getattr(style, "textTransform", None):
        return None
    text = cleaner(text)
    shape = skeleton(text)
    if shape is None:
        return None
    template = _template(shape[0], style)
    if template is None:
        return None
    runs = iter(shape[1])
    frags = []
    for frag in template:
        if getattr(frag, "text", None) == PLACEHOLDER:
            run = next(runs, None)
            if run is None:
                return None
            clone = frag.clone(text=run)
        else:
            clone = frag.clone()
        for name in ("link", "us_lines"):  # lists: each paragraph its own
            value = clone.__dict__.get(name)
            if isinstance(value, list):
                clone.__dict__[name] = list(value)
        frags.append(clone)
    if next(runs, None) is not None:
        return None
    return text, frags
