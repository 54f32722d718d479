"""Errors a user can cause, with a message a person can act on — in the language they chose.

An error carries a *code* and its *arguments*; its words come from a catalogue that holds every
message in Simplified Chinese (the source language) and English, declared once beside the code
that raises it::

    MESSAGES = messages({
        "store.locked": ("该检查已签署（第 {revision} 版），不能再修改。",
                         "This inspection is signed (revision {revision}) and cannot be changed."),
    })
    raise InspectionLocked("store.locked", revision=3)

The window shows ``exc.text(language)`` in the language of its settings; the command line
prints it in ``PARK_INSPECTOR_LANG`` (``zh_CN`` by default, or ``en``). ``str(exc)`` is the text
in the process's language (:func:`set_language`). A test checks that every code raised anywhere
is in the catalogue with the same placeholders in both languages.
"""
from __future__ import annotations

import os
import string
from collections.abc import Mapping

LANGUAGES = ("zh_CN", "en")
_catalogue: dict[str, dict[str, str]] = {}
_language = "zh_CN"


def messages(table: Mapping[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    """Declare the messages *table* (code → (Chinese, English)); returns them by language."""
    added = {}
    for code, (chinese, english) in table.items():
        existing = _catalogue.get(code)
        entry = {"zh_CN": chinese, "en": english}
        if existing is not None and existing != entry:
            raise ValueError(f"message code {code!r} is declared twice with different texts")
        _catalogue[code] = added[code] = entry
    return added


def catalogue() -> dict[str, dict[str, str]]:
    """Every declared message (for tests and the translation check)."""
    return dict(_catalogue)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def set_language(language: str) -> str:
    """The language ``str(error)`` speaks in this process: ``zh_CN`` or ``en``."""
    global _language
    _language = language if language in LANGUAGES else "zh_CN"
    return _language


def language() -> str:
    return _language


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """``PARK_INSPECTOR_LANG`` (zh_CN or en); Chinese unless it says otherwise."""
    wanted = environ.get("PARK_INSPECTOR_LANG", "").strip()
    return "en" if wanted.lower().startswith("en") else "zh_CN"


class UserError(Exception):
    """Bad input or a refused action: a *code* from the catalogue and its arguments.

    A *code* that is not in the catalogue is taken as the message itself (text that comes
    from elsewhere, e.g. an operating-system error, or code not yet moved to the catalogue).
    """

    def __init__(self, code: str, /, **arguments: object) -> None:
        super().__init__(code)
        self.code = code
        self.arguments = arguments

    def text(self, language: str | None = None) -> str:
        entry = _catalogue.get(self.code)
        if entry is None:
            return self.code
        template = entry.get(language or _language) or entry["zh_CN"]
        try:
            return template.format(**self.arguments)
        except (KeyError, IndexError, ValueError):  # a wrong argument must not hide the error
            return f"{template} {self.arguments}"

    def __str__(self) -> str:
        return self.text()


class InvalidInput(UserError):
    """An input field is missing or out of range; the message names the field."""
