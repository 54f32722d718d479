"""One regular expression of reportlab compiled when first used instead of at import.

``reportlab.platypus.paragraph`` compiles, as it is imported, a pattern for URLs (``uri_pat``,
Django's URL validator). It is used only to break long Latin words that are URLs
(``uriWasteReduce``), never in a report (its text wraps the Chinese way), yet compiling it
costs some 24 ms — a thirtieth of a whole report — in every process that makes one.
:func:`install` (run when ``inspection.report`` is imported, before anything imports reportlab
for it) adds an import hook that executes that one module with ``re.compile`` answering
that pattern with a :class:`LazyPattern`: compiled, by ``re`` itself, on its first use. Every
other pattern, in that module and anywhere else, is compiled as before.
"""
from __future__ import annotations

import importlib.machinery
import re
import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import Any

MODULE = "reportlab.platypus.paragraph"
URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"  # how paragraph.uri_pat's source begins


class LazyPattern:
    """A compiled regular expression, made the first time one of its methods is asked for."""

    def __init__(self, pattern: str, flags: int, compile_: Any) -> None:
        self._source = (pattern, flags)
        self._compile = compile_
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = self._compile(*self._source)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"<LazyPattern {self._source[0][:30]!r}… ({state})>"


class _Loader:
    """The module's own loader, executing it with the one pattern left lazy (a loader and a
    finder by protocol: importlib.abc alone would cost the window's start some 10 ms)."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        created: ModuleType | None = self._loader.create_module(spec)
        return created

    def exec_module(self, module: ModuleType) -> None:
        original = re.compile

        def compile_lazily(pattern: Any, flags: Any = 0) -> Any:
            if isinstance(pattern, str) and pattern.startswith(URI_PATTERN_START):
                return LazyPattern(pattern, flags, original)
            return original(pattern, flags)

        re.compile = compile_lazily
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = original

    def __getattr__(self, name: str) -> Any:  # get_source, get_resource_reader …
        return getattr(self._loader, name)


class _Finder:
    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != MODULE:
            return None
        uninstall()  # once: the module is imported once
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = _Loader(spec.loader)  # type: ignore[assignment]  # (a Loader by protocol)
        return spec


_FINDER = _Finder()


def install() -> None:
    """Make the next import of reportlab's paragraph module leave ``uri_pat`` lazy (nothing
    when it is imported already)."""
    if MODULE not in sys.modules and _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    while _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
