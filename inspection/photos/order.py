"""The order photos are shown and numbered in: when they were taken, else by file name.

Importing several files at once finishes them in whatever order the workers do, so the id a
photo gets says nothing about the walk round the park. The strip, the viewer and the report's
numbering (照片 1, 2 …) all follow :func:`capture_order_key`: photos with a capture time (EXIF
DateTimeOriginal, or the time the program's camera took them) first in that order, then the
others by file name as a person reads it (IMG_2 before IMG_10); the id breaks ties.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol, TypeVar

_NUMBER = re.compile(r"(\d+)")


class Ordered(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def taken_at(self) -> str | None: ...
    @property
    def original_name(self) -> str: ...


P = TypeVar("P", bound=Ordered)


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """*name* split into text and numbers, so that IMG_2 sorts before IMG_10."""
    return tuple((1, int(part)) if part.isdigit() else (0, part.casefold())
                 for part in _NUMBER.split(name) if part)


def capture_order_key(photo: Ordered) -> tuple[int, str, tuple[tuple[int, int | str], ...], int]:
    """The sort key of the capture order (see the module's note)."""
    if photo.taken_at:
        return 0, photo.taken_at, natural_key(photo.original_name), photo.id
    return 1, "", natural_key(photo.original_name), photo.id


def in_capture_order(photos: Iterable[P]) -> list[P]:
    return sorted(photos, key=capture_order_key)
