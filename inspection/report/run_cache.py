"""What the report keeps between runs in the user's cache folder: work that gives the same
result every time (a font's parsed tables, the rendered unsigned mark), each in its own file.

A cache file is never trusted blindly. :func:`read` hands its payload back only when

- the file starts as a cache file of this program does;
- its header holds exactly the *key* the caller gives (what the payload was made from: a font
  file's size and SHA-256, the text of a mark, the program's format …);
- the payload has the length and SHA-256 the header gives (a file cut short or damaged is
  caught before anything decodes it).

Otherwise it is None, and the caller makes the thing again and :func:`write` replaces the file
(a temporary file renamed into place: a reader sees the old file or the new one). A cache
folder that cannot be read or written (read-only, full, missing) costs the work and nothing
else: a report never fails because of its cache.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAGIC = b"park-inspector report cache\n"


def cache_folder() -> Path:
    """The report's folder in the user's cache folder (never the program's own folder)."""
    from platformdirs import user_cache_dir

    from inspection.appinfo import APP_ID

    return Path(user_cache_dir(APP_ID, appauthor=False)) / "report"


def read(name: str, key: dict[str, Any], *, folder: Path | None = None) -> bytes | None:
    """The payload kept under *name* for exactly *key*, verified; None when there is none."""
    target = (folder or cache_folder()) / name
    try:
        with open(target, "rb") as handle:
            if handle.readline() != MAGIC:
                return _unused(target, "not a cache file of this program")
            header = json.loads(handle.readline())
            payload = handle.read()
    except FileNotFoundError:
        return None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return _unused(target, f"unreadable ({exc})")
    if not isinstance(header, dict) or header.get("key") != key:
        return _unused(target, "made from something else (another file, text or version)")
    if len(payload) != header.get("length") \
            or hashlib.sha256(payload).hexdigest() != header.get("sha256"):
        return _unused(target, "damaged (its payload does not match its hash)")
    return payload


def write(name: str, key: dict[str, Any], payload: bytes, *, folder: Path | None = None) -> None:
    """Keep *payload* under *name* for *key* (quietly nothing when it cannot be written)."""
    target = (folder or cache_folder()) / name
    header = {"key": key, "length": len(payload),
              "sha256": hashlib.sha256(payload).hexdigest()}
    temp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        from inspection.files import new_temp_file

        temp = new_temp_file(target)
        with open(temp, "wb") as handle:
            handle.write(MAGIC + json.dumps(header, ensure_ascii=False).encode() + b"\n"
                         + payload)
        os.replace(temp, target)  # no fsync: a torn file fails its hash and is made again
    except (OSError, ValueError) as exc:
        log.info("report cache %s not written: %s", target, exc)
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


def _unused(target: Path, why: str) -> bytes | None:
    log.info("report cache %s not used: %s; made again", target, why)
    return None
