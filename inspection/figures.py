"""What the inspections list shows about each inspection's results: progress, score, star
level, open findings — worked out from its records by the checklist rules.

The figures are derived data: the store keeps them (``inspection_figures``) with the
``updated_at`` of the inspection they were worked out for, so a list of thousands opens with
its figures at once and only inspections changed since are worked out again.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from inspection.model import FindingStatus, InspectionSnapshot
from inspection.results import inspection_results, overall_percent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InspectionFigures:
    """What the list shows about an inspection's results."""

    answered: int
    total: int
    percent: float | None  # compliance across the compliance templates; None if none counted
    stars: int | None  # star level by 001; None when not applied or inputs missing
    rates_stars: bool  # whether a star-rating template is applied
    open_findings: int
    updated_at: str = ""  # of the inspection as these figures saw it
    stars_problem: str = ""  # why the stored star data cannot be rated (stars is None then)


@dataclass(frozen=True)
class FiguresFailed:
    """The figures of one inspection could not be worked out (the reason is in the log)."""

    updated_at: str = ""


Figures = InspectionFigures | FiguresFailed


def figures_of(snapshot: InspectionSnapshot) -> InspectionFigures:
    """Progress, score and star level of one inspection (pure)."""
    results = inspection_results(snapshot)
    star_results = [r for r in results if r.template.kind.value == "star_rating"]
    return InspectionFigures(
        answered=sum(r.answered for r in results),
        total=sum(r.total for r in results),
        percent=overall_percent(results),
        stars=next((r.stars.stars for r in star_results if r.stars is not None), None),
        rates_stars=bool(star_results),
        open_findings=sum(1 for f in snapshot.findings if f.status is FindingStatus.OPEN),
        updated_at=snapshot.inspection.updated_at,
        stars_problem=next((r.stars_problem for r in star_results if r.stars_problem), ""))


def compute_figures(snapshots: Mapping[str, InspectionSnapshot | BaseException]
                    ) -> dict[str, Figures]:
    """The figures of each snapshot; a failure (or a snapshot that could not be read) is
    logged and marks that inspection only."""
    figures: dict[str, Figures] = {}
    for inspection_id, snapshot in snapshots.items():
        try:
            if isinstance(snapshot, BaseException):
                raise snapshot
            figures[inspection_id] = figures_of(snapshot)
        except Exception:
            log.exception("the figures of inspection %s cannot be worked out", inspection_id)
            stamp = getattr(getattr(snapshot, "inspection", None), "updated_at", "")
            figures[inspection_id] = FiguresFailed(stamp)
    return figures


def figures_to_row(inspection_id: str, figures: Figures) -> dict[str, Any]:
    """The row of ``inspection_figures`` that keeps *figures*."""
    if isinstance(figures, FiguresFailed):
        return {"inspection_id": inspection_id, "updated_at": figures.updated_at, "failed": 1,
                "answered": 0, "total": 0, "percent": None, "stars": None, "rates_stars": 0,
                "open_findings": 0, "stars_problem": ""}
    return {"inspection_id": inspection_id, "updated_at": figures.updated_at, "failed": 0,
            "answered": figures.answered, "total": figures.total, "percent": figures.percent,
            "stars": figures.stars, "rates_stars": int(figures.rates_stars),
            "open_findings": figures.open_findings, "stars_problem": figures.stars_problem}


def figures_from_row(row: Mapping[str, Any]) -> Figures:
    if row["failed"]:
        return FiguresFailed(row["updated_at"])
    return InspectionFigures(
        answered=row["answered"], total=row["total"], percent=row["percent"], stars=row["stars"],
        rates_stars=bool(row["rates_stars"]), open_findings=row["open_findings"],
        updated_at=row["updated_at"], stars_problem=row["stars_problem"])
