"""Reading a bundle without trusting it: the zip's directory checked before any member is read.

Before a single member is decompressed: the number of entries, every name against the fixed
member patterns (no absolute paths, no ``..``, no folders of the sender's choosing), no
duplicates, no symbolic links or folders, no encryption, only stored or deflated data, every
declared size under its cap and the total under the bundle's, and a compression ratio no zip
bomb gets past. While a member is read: it is hashed, and reading stops the moment it yields
more bytes than declared. A hub or any other source offers members through the same
:class:`MemberSource` protocol and gets the same checks from the importer.
"""
from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from checklists.errors import Message
from inspection.bundle.errors import BundleRefused
from inspection.bundle.format import MANIFEST, MEMBER_NAME, SIGNATURE

MAX_MEMBERS = 100_000
MAX_MEMBER_BYTES = 1 << 30  # one photo original or report: 1 GiB
MAX_TOTAL_BYTES = 32 << 30  # a whole bundle: 32 GiB
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1 << 20
CHUNK = 1 << 20


class MemberSource(Protocol):
    """Where a bundle's members come from (a .pib file, the hub)."""

    def names(self) -> set[str]:
        """Every member name the source holds, manifest and signature included."""
        ...

    def size(self, name: str) -> int:
        """The size the source declares for a member (checked against what is read)."""
        ...

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member's bytes, in pieces (the reader counts and hashes them)."""
        ...


class ZipSource:
    """A .pib file, its directory checked on opening (see the module doc)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise BundleRefused("bundle.not_found", path=self.path) from None
        except (OSError, zipfile.BadZipFile, ValueError, EOFError):
            raise BundleRefused("bundle.not_a_zip", path=self.path) from None
        try:
            self.infos = self._check_directory()
        except BaseException:
            self.zip.close()
            raise

    def _check_directory(self) -> dict[str, zipfile.ZipInfo]:
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise BundleRefused("bundle.too_big", what=Message("bundle.what.entries", count=len(infos)))
        found: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            shown = name[:200]
            if name in found:
                raise BundleRefused("bundle.unsafe_member", member=shown, reason=Message("bundle.reason.duplicate"))
            mode = info.external_attr >> 16
            if name.endswith("/") or info.is_dir() or stat.S_ISDIR(mode):
                raise BundleRefused("bundle.unsafe_member", member=shown, reason=Message("bundle.reason.folder"))
            if stat.S_ISLNK(mode):
                raise BundleRefused("bundle.unsafe_member", member=shown, reason=Message("bundle.reason.symlink"))
            if name not in (MANIFEST, SIGNATURE) and not MEMBER_NAME.match(name):
                raise BundleRefused("bundle.unsafe_member", member=shown, reason=Message("bundle.reason.name"))
            if info.flag_bits & 0x1:
                raise BundleRefused("bundle.unsafe_member", member=shown, reason=Message("bundle.reason.encrypted"))
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise BundleRefused("bundle.unsafe_member", member=shown, reason=Message("bundle.reason.compression"))
            if info.file_size > MAX_MEMBER_BYTES:
                raise BundleRefused("bundle.too_big", what=Message(
                    "bundle.what.member_bytes", name=shown, size=info.file_size))
            if info.file_size > RATIO_FLOOR and \
                    info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise BundleRefused("bundle.too_big", what=Message("bundle.what.ratio", name=shown))
            total += info.file_size
            found[name] = info
        if total > MAX_TOTAL_BYTES:
            raise BundleRefused("bundle.too_big", what=Message("bundle.what.total_bytes", size=total))
        return found

    def names(self) -> set[str]:
        return set(self.infos)

    def size(self, name: str) -> int:
        return self.infos[name].file_size

    def chunks(self, name: str) -> Iterator[bytes]:
        try:
            with self.zip.open(self.infos[name]) as handle:
                while True:
                    chunk = handle.read(CHUNK)
                    if not chunk:
                        return
                    yield chunk
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            # a bad CRC, a cut-off file, a damaged deflate stream
            raise BundleRefused("bundle.bad_hash", member=f"{name} ({type(exc).__name__})") from None

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> ZipSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
