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
prints it in the language of its environment (:func:`language_from_environment`:
``PARK_INSPECTOR_LANG``, else the locale; ``zh_CN`` by default, or ``en``). ``str(exc)`` is the text
in the process's language (:func:`set_language`). A test checks that every code raised anywhere
is in the catalogue with the same placeholders in both languages.

An argument may itself be words to choose later: a :class:`Message` (a code and its
arguments, e.g. the reason a bundle was refused) or another error is shown in the same
language as the message around it, and a list of them is joined (``；`` in Chinese, ``; `` in
English); a list of other values is joined as a list is written (``、`` or ``, ``)::

    raise BundleRefused("bundle.bad_rows", where="photos", reason=Message("bundle.reason.duplicate"))
"""
from __future__ import annotations

import os
import string
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("zh_CN", "en")
SEPARATORS = {"zh_CN": "；", "en": "; "}  # between the messages of a list argument
LIST_SEPARATORS = {"zh_CN": "、", "en": ", "}  # between the other values of a list argument
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


# Where the command line's language is read, first set first: the program's own variable, then
# the locale's (as POSIX orders them: LC_ALL overrides LC_MESSAGES, which overrides LANG).
LANGUAGE_VARIABLES = ("PARK_INSPECTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The command line's language: the first of :data:`LANGUAGE_VARIABLES` that is set decides;
    English when it names English (``en``, ``en_GB.UTF-8`` …), Chinese otherwise (Chinese,
    ``C``/``POSIX``, any other language) and when none is set: the product's default."""
    for name in LANGUAGE_VARIABLES:
        wanted = environ.get(name, "").strip()
        if wanted:
            return "en" if wanted.lower().startswith("en") else "zh_CN"
    return "zh_CN"


def render(code: str, arguments: Mapping[str, Any], language: str | None = None) -> str:
    """The words of *code* with *arguments* in *language* (the process's language by default);
    a code not in the catalogue is taken as the text itself."""
    wanted = language or _language
    entry = _catalogue.get(code)
    if entry is None:
        return code
    template = entry.get(wanted) or entry["zh_CN"]
    shown = {name: _shown(value, wanted) for name, value in arguments.items()}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):  # a wrong argument must not hide the error
        return f"{template} {shown}"


def say(code: str, /, **arguments: object) -> str:
    """The words of *code* with *arguments* in the process's language, now."""
    return render(code, arguments)


def _shown(value: object, language: str) -> object:
    """An argument as it goes into a message: nested words in the same language."""
    if isinstance(value, (Wording, UserError)):
        return value.text(language)
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(part, (Wording, UserError)) for part in value):
            return SEPARATORS.get(language, SEPARATORS["zh_CN"]).join(
                part.text(language) for part in value)
        return LIST_SEPARATORS.get(language, LIST_SEPARATORS["zh_CN"]).join(
            str(_shown(part, language)) for part in value)
    return value


class Wording:
    """Words chosen when shown, in the language asked for: an argument of a message (the
    base of :class:`Message`; subclass it for e.g. an amount written differently by language)."""

    __slots__ = ()

    def text(self, language: str | None = None) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.text()


class Message(Wording):
    """Words chosen when shown: a *code* from the catalogue and its arguments, e.g. the reason
    inside another message (``reason=Message("photo.reason.empty")``)."""

    __slots__ = ("code", "arguments")

    def __init__(self, code: str, /, **arguments: object) -> None:
        self.code = code
        self.arguments = arguments

    def text(self, language: str | None = None) -> str:
        return render(self.code, self.arguments, language)

    def __repr__(self) -> str:
        return f"Message({self.code!r}, **{self.arguments!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.code, self.arguments) == (other.code, other.arguments)

    def __hash__(self) -> int:
        return hash(self.code)


class UserError(Exception):
    """Bad input or a refused action: a *code* from the catalogue and its arguments.

    A *code* that is not in the catalogue is taken as the message itself (text that comes
    from elsewhere, e.g. an operating-system error).
    """

    def __init__(self, code: str, /, **arguments: object) -> None:
        super().__init__(code)
        self.code = code
        self.arguments = arguments

    def text(self, language: str | None = None) -> str:
        return render(self.code, self.arguments, language)

    def message(self) -> Message:
        """The words of this error, to pass on as an argument of another message."""
        return Message(self.code, **self.arguments)

    def __str__(self) -> str:
        return self.text()


class InvalidInput(UserError):
    """An input field is missing or out of range; the message names the field."""
