"""How the window shows a certificate's SHA-256 fingerprint: the one form everywhere.

64 hex digits in capitals, in groups of four (read aloud group by group when comparing with
the signer by phone), two lines of eight groups; the text is selectable so it can be copied.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QMessageBox


def fingerprint_lines(fingerprint: str) -> str:
    """AB12 CD34 … in two lines of 32 hex digits (all of them: never shortened)."""
    text = fingerprint.upper()
    groups = [text[i:i + 4] for i in range(0, len(text), 4)]
    return " ".join(groups[:8]) + "\n" + " ".join(groups[8:])


def show_fingerprint(label: QLabel, fingerprint: str) -> None:
    """*label* shows *fingerprint* in that form, fixed-width and selectable."""
    label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(fingerprint_lines(fingerprint))


def selectable_message(box: QMessageBox) -> None:
    """The box's texts (a fingerprint among them) can be selected and copied with the mouse
    (Ctrl+C or the context menu)."""
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
