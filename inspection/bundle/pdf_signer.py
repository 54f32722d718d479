"""Who signed a report PDF: the SHA-256 fingerprint of its signing certificate (pyHanko)."""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path


def report_signer_fingerprint(path: Path) -> str | None:
    """The fingerprint of the certificate that signed the report *path*, or None if unsigned
    or unreadable (the caller says why that matters)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    logger = logging.getLogger("pyhanko")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with open(path, "rb") as handle:
            signatures = PdfFileReader(handle, strict=False).embedded_signatures
            if not signatures:
                return None
            return hashlib.sha256(signatures[0].signer_cert.dump()).hexdigest()
    except Exception:  # a damaged PDF: no signer can be read from it
        return None
    finally:
        logger.setLevel(level)
