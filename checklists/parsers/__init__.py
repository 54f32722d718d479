"""One parser per document shape; each is a pure ``parse(text, source) -> Template``.

The parsers only ever read the standards shipped in ``checklists/sources/``: a text that is not
in the shape its parser expects is the developer's problem (a damaged or replaced source), so
it raises :class:`SourceFormatError` in English, naming the source file and the line.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from checklists.model import Source


class SourceFormatError(ValueError):
    """A built-in standard's text is not in the shape its parser expects (never the user's doing)."""

    def __init__(self, problem: str, *, source: str | None = None, line: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.source, f"line {self.line}" if self.line else "")
                          if part)
        return f"{where}: {self.problem}" if where else self.problem


@contextmanager
def reading(source: Source) -> Iterator[None]:
    """Name *source* in a :class:`SourceFormatError` raised inside without it."""
    try:
        yield
    except SourceFormatError as error:
        if error.source is None:
            error.source = source.file
        raise
