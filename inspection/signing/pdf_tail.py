"""Reading a PDF of any size in bounded memory: where its revisions end, and views that stop there.

pyHanko finds a PDF's last revision by reading backwards from the end of the file one byte at
a time, building each line as a tuple of ints: a megabyte of padding after ``%%EOF`` cost ~1.3 s
and ~9 MB of memory, and a gigabyte never finished. Here the end is found by scanning backwards
in 1 MB blocks (linear time, constant memory), and pyHanko is given a :class:`FileSlice` that
ends there; whatever lies beyond is reported as appended, never parsed.
"""
from __future__ import annotations

import io
import os
import re
from typing import BinaryIO

EOF_MARK = b"%%EOF"
BLOCK = 1 << 20
# What must precede a %%EOF that closes a revision: "startxref", its offset, then the marker.
_CLOSING = re.compile(rb"startxref\s*(\d{1,20})\s*$")
_LOOK_BEHIND = 64


class FileSlice(io.RawIOBase):
    """The first *end* bytes of an open binary file, as a file of its own.

    Every read seeks the shared handle first, so several slices of one handle can be read in
    turn (a file that changes under us is still read as one file, through one handle).
    """

    def __init__(self, handle: BinaryIO, end: int) -> None:
        super().__init__()
        self._handle, self._end, self._pos = handle, end, 0
        self.name = getattr(handle, "name", "")

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._end}[whence]
        position = base + offset
        if position < 0:
            raise OSError(22, "negative seek position")
        self._pos = position
        return position

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        wanted = min(len(buffer), self._end - self._pos)
        if wanted <= 0:
            return 0
        self._handle.seek(self._pos)
        got = self._handle.readinto(memoryview(buffer)[:wanted])  # type: ignore[attr-defined]
        self._pos += got or 0
        return got or 0


def file_size(handle: BinaryIO) -> int:
    handle.seek(0, os.SEEK_END)
    return handle.tell()


def _closes_revision(handle: BinaryIO, mark_at: int) -> bool:
    """Whether the %%EOF at *mark_at* follows ``startxref <offset>`` (a revision ends there)."""
    start = max(0, mark_at - _LOOK_BEHIND)
    handle.seek(start)
    return _CLOSING.search(handle.read(mark_at - start)) is not None


def _end_after_mark(handle: BinaryIO, mark_at: int, size: int) -> int:
    """The offset just after the marker and its end-of-line (CR, LF or CR LF), if any."""
    end = mark_at + len(EOF_MARK)
    handle.seek(end)
    after = handle.read(2)
    if after.startswith(b"\r\n"):
        return min(end + 2, size)
    if after[:1] in (b"\n", b"\r"):
        return min(end + 1, size)
    return end


def revision_ends(handle: BinaryIO, size: int, *, most: int = 4,
                  max_false_marks: int = 1_000_000) -> list[int]:
    """Where the file's last *most* revisions end (just past ``%%EOF``), the last first.

    Scans backwards in blocks of 1 MB: time linear in the bytes after the last revision,
    memory constant. A ``%%EOF`` not preceded by ``startxref <offset>`` (say, inside padding
    or a photo) is not an end; after *max_false_marks* of those the search gives up (padding
    made of markers is not a report).
    """
    found: list[int] = []
    false_marks = 0
    position = size
    overlap = b""
    while position > 0 and len(found) < most:
        start = max(0, position - BLOCK)
        handle.seek(start)
        block = handle.read(position - start) + overlap
        search_end = len(block)
        while len(found) < most:
            at = block.rfind(EOF_MARK, 0, search_end)
            if at < 0:
                break
            mark_at = start + at
            if at >= _LOOK_BEHIND:  # the usual case: look behind within the block, no reading
                closes = _CLOSING.search(block, at - _LOOK_BEHIND, at) is not None
            else:
                closes = _closes_revision(handle, mark_at)
            if closes:
                found.append(_end_after_mark(handle, mark_at, size))
            else:
                false_marks += 1
                if false_marks > max_false_marks:
                    return found
            search_end = at + len(EOF_MARK) - 1
        overlap = block[:len(EOF_MARK) - 1]
        position = start
    return found
