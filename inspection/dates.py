"""Dates as the program stores them: ISO ``YYYY-MM-DD`` and nothing else.

``date.fromisoformat`` also takes ``20240101`` and ``2024-W01-1`` (Python 3.11); stored as typed
they would sort and print wrongly, so they are refused with the form that is wanted.
"""
from __future__ import annotations

import re
from datetime import date

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_iso_date(text: str) -> date:
    """The date written ``YYYY-MM-DD`` in *text*; ValueError for anything else."""
    if not isinstance(text, str) or not ISO_DATE.match(text):
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    return date.fromisoformat(text)
