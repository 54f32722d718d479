"""Dates as the program stores them: ISO ``YYYY-MM-DD`` and nothing else.

``date.fromisoformat`` also takes ``20240101`` and ``2024-W01-1`` (Python 3.11); stored as typed
they would sort and print wrongly, so they are refused with the form that is wanted.
"""
from __future__ import annotations

import re
from datetime import date

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")  # ASCII digits only (\d takes ２０２４)


def date_problem(text: object) -> str | None:
    """Why *text* is not a date the program stores: ``"format"`` (not written YYYY-MM-DD),
    ``"no_such_day"`` (written so, but 2026-02-30 is not in the calendar), or None."""
    if not isinstance(text, str) or not ISO_DATE.match(text):
        return "format"
    try:
        date.fromisoformat(text)
    except ValueError:
        return "no_such_day"
    return None


def parse_iso_date(text: str) -> date:
    """The date written ``YYYY-MM-DD`` in *text*; ValueError for anything else."""
    if not isinstance(text, str) or not ISO_DATE.match(text):
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    return date.fromisoformat(text)
