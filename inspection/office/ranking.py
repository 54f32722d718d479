"""Parks compared on one template: each park's latest approved inspection, ranked by its overall
score (compliance, action completion) or its star level, with bands and per-indicator figures.

- **Ties** share a rank, and the next rank skips (1, 2, 2, 4: standard competition ranking).
  Scores tie when they print the same (one decimal), star levels when they are equal. Within a
  tie parks are listed by name.
- **Missing data**: an approved inspection that cannot be measured (no scored answer, star
  inputs missing) is listed apart, unranked, with the reason; parks whose inspections of the
  template are not approved yet are listed as waiting. Neither moves the others' ranks.
- **Coverage**: every score is shown with how many of the template's items were checked
  (已检查 N/M). An inspection that checked fewer than :data:`MIN_COVERAGE` of the items is
  listed apart as 检查不完整, unranked: a score from 5 of 99 items says nothing about the park
  (trial 2, F11). It moves no other park's rank and is left out of the indicator figures.
- **Bands**: a star rating's band is its star level; a percentage's is A–D (:data:`BANDS`).
- **Indicators**: per top-level group (per indicator of a star rating) the average, lowest and
  highest over the parks measured, and how many parks had a value.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checklists.errors import language as _language
from checklists.errors import messages, render
from checklists.model import Template, TemplateKind
from checklists.stars import level_label
from inspection.model import Answer, ParkType
from inspection.office.measures import Measured, group_titles, measure

# (band, lowest score that reaches it, label): 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, below 不合格.
BANDS: tuple[tuple[str, float, str], ...] = (("A", 90.0, "优秀"), ("B", 80.0, "良好"),
                                             ("C", 60.0, "合格"), ("D", float("-inf"), "不合格"))
BAND_NAMES = tuple(band for band, _, _ in BANDS)
MIN_COVERAGE = 0.9  # an inspection ranks only when it checked at least 90 % of the items
PARK_TYPE_LABELS = {"manufacturing": "生产制造类", "service": "生产性服务类等其他类"}
# The ranking's words in both languages: the public lists (Word, PDF, Excel) are Chinese
# whatever the language; the command line and the window say them in theirs.
MESSAGES = messages({
    "office.band.A": ("优秀", "excellent"),
    "office.band.B": ("良好", "good"),
    "office.band.C": ("合格", "pass"),
    "office.band.D": ("不合格", "fail"),
    "office.parktype.manufacturing": ("生产制造类", "manufacturing"),
    "office.parktype.service": ("生产性服务类等其他类", "services and other"),
    "office.stars.0": ("未达一星级", "below one star"),
    "office.stars.1": ("一星级", "one star"),
    "office.stars.2": ("二星级", "two stars"),
    "office.stars.3": ("三星级", "three stars"),
    "office.stars.4": ("四星级", "four stars"),
    "office.stars.5": ("五星级", "five stars"),
    "office.measure.stars": ("星级", "star level"),
    "office.measure.action_plan": ("完成率（%）", "completion (%)"),
    "office.measure.compliance": ("得分（%）", "score (%)"),
    "office.coverage_rule": ("已检查条目不足全部条目 {share} 的检查列为“检查不完整”，不参与排名；"
                             "得分旁注明已检查条目数/条目总数",
                             "An inspection that checked fewer than {share} of all items is listed as"
                             " “incomplete” and not ranked; beside each score, the items checked / all items"),
    "office.band.top": ("{band}（{label}）≥ {lowest} 分", "{band} ({label}) ≥ {lowest} points"),
    "office.band.bottom": ("{band}（{label}）< {highest} 分", "{band} ({label}) < {highest} points"),
    "office.band.between": ("{band}（{label}）{lowest}–{highest} 分", "{band} ({label}) {lowest}–{highest} points"),
    "office.incomplete": ("检查不完整：已检查 {coverage}", "incomplete: {coverage} checked"),
})


def park_type_words(park_type: str, language: str | None = None) -> str:
    """A park type (its value) worded; "" for an unknown one."""
    code = f"office.parktype.{park_type}"
    return render(code, {}, language) if code in MESSAGES else ""


def band_words(band: str, language: str | None = None) -> str:
    """优秀 … 不合格 of a band A–D, in *language* (the process's by default)."""
    return render(f"office.band.{band}", {}, language)


def stars_words(stars: int, language: str | None = None) -> str:
    """一星级 … 五星级, or 未达一星级, in *language* (the process's by default)."""
    return render(f"office.stars.{max(0, min(stars, 5))}", {}, language)


def coverage_rule(min_coverage: float = MIN_COVERAGE, language: str = "zh_CN") -> str:
    """The coverage rule as the lists state it (Chinese, as the public lists print it)."""
    return render("office.coverage_rule", {"share": f"{min_coverage:.0%}"}, language)


def band_of(percent: float) -> tuple[str, str]:
    """(A–D, 优秀…不合格) of a percentage."""
    for band, lowest, label in BANDS:
        if percent >= lowest:
            return band, label
    raise AssertionError("unreachable: the last band has no floor")


def bands_text(language: str = "zh_CN") -> str:
    """The bands as the 公示 list's note states them (Chinese, as the public lists print it)."""
    parts = []
    for (band, lowest, _label), higher in zip(BANDS, (None, *BANDS[:-1])):
        label = band_words(band, language)
        if higher is None:
            parts.append(render("office.band.top", {"band": band, "label": label, "lowest": f"{lowest:g}"},
                                language))
        elif lowest == float("-inf"):
            parts.append(render("office.band.bottom", {"band": band, "label": label,
                                                       "highest": f"{higher[1]:g}"}, language))
        else:
            parts.append(render("office.band.between", {"band": band, "label": label, "lowest": f"{lowest:g}",
                                                        "highest": f"{higher[1]:g}"}, language))
    return ("；" if language == "zh_CN" else "; ").join(parts)


@dataclass(frozen=True)
class ParkEntry:
    """A park's latest approved inspection of the template, with its answers to it."""

    park_id: str
    park_name: str
    park_type: str  # manufacturing / service
    inspection_id: str
    date: str  # of the visit
    answers: Mapping[str, Answer]  # item code → answer (this template's)
    organisation: str = ""  # the inspecting unit (检查单位)
    report_number: str = ""
    inspectors: tuple[str, ...] = ()
    approved_at: str = ""


@dataclass(frozen=True)
class Waiting:
    """A park with inspections of the template, none of them approved yet."""

    park_id: str
    park_name: str
    park_type: str
    latest_date: str
    state: str  # pending (not reviewed yet) / returned


@dataclass(frozen=True)
class RankRow:
    entry: ParkEntry
    measured: Measured
    rank: int | None = None  # None: unranked (see measured.problem)
    tied: bool = False
    band: str = ""  # A–D, or the star level's label
    band_label: str = ""

    @property
    def score_text(self) -> str:
        if self.measured.stars is not None:
            return level_label(self.measured.stars)
        return "—" if self.measured.percent is None else f"{self.measured.percent:.1f}"

    def score_words(self, language: str | None = None) -> str:
        """:attr:`score_text` in *language* (the process's by default)."""
        if self.measured.stars is not None:
            return stars_words(self.measured.stars, language)
        return self.score_text

    def band_text(self, language: str | None = None) -> str:
        """The band as the lists print it beside the score: ``A（优秀）``; a star level worded."""
        if self.measured.stars is not None:
            return stars_words(self.measured.stars, language)
        label = band_words(self.band, language) if self.band else self.band_label
        return f"{self.band}（{label}）" if (language or _language()) == "zh_CN" else f"{self.band} ({label})"

    def to_dict(self, titles: Mapping[str, str]) -> dict[str, Any]:
        entry = self.entry
        return {"rank": self.rank, "tied": self.tied, "park_id": entry.park_id, "park": entry.park_name,
                "park_type": entry.park_type, "inspection_id": entry.inspection_id, "date": entry.date,
                "organisation": entry.organisation, "report_number": entry.report_number,
                "score": self.measured.percent, "stars": self.measured.stars, "band": self.band,
                "band_label": band_words(self.band) if self.band in BAND_NAMES else self.band_label,
                "answered": self.measured.answered,
                "total": self.measured.total, "coverage": round(self.measured.coverage, 3),
                "wanting": self.measured.wanting,
                "indicators": {code: self.measured.groups.get(code) for code in titles},
                "missing": str(self.measured.problem) if self.rank is None else ""}

    @property
    def incomplete_text(self) -> str:
        """Why an incomplete inspection is not ranked: 检查不完整：已检查 5/99 (Chinese)."""
        return self.incomplete_words("zh_CN")

    def incomplete_words(self, language: str | None = None) -> str:
        """:attr:`incomplete_text` in *language* (the process's by default)."""
        return render("office.incomplete", {"coverage": self.measured.coverage_text}, language)


@dataclass(frozen=True)
class IndicatorStats:
    code: str
    title: str
    parks: int  # how many parks had a value
    average: float | None
    lowest: float | None
    highest: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "parks": self.parks, "average": self.average,
                "min": self.lowest, "max": self.highest}


@dataclass(frozen=True)
class Ranking:
    template: Template
    ranked: tuple[RankRow, ...]
    unranked: tuple[RankRow, ...]  # approved, but nothing to rank by (measured.problem says why)
    waiting: tuple[Waiting, ...] = ()
    indicators: tuple[IndicatorStats, ...] = ()
    made_on: str = field(default_factory=lambda: date.today().isoformat())
    incomplete: tuple[RankRow, ...] = ()  # measured, but on too few items to rank (检查不完整)
    min_coverage: float = MIN_COVERAGE

    @property
    def by_stars(self) -> bool:
        return self.template.kind is TemplateKind.STAR_RATING

    @property
    def measure_label(self) -> str:
        """星级, 完成率（%） or 得分（%）: the lists' column (Chinese)."""
        return self.measure_words("zh_CN")

    def measure_words(self, language: str | None = None) -> str:
        """:attr:`measure_label` in *language* (the process's by default)."""
        kind = {TemplateKind.STAR_RATING: "stars", TemplateKind.ACTION_PLAN: "action_plan"}.get(
            self.template.kind, "compliance")
        return render(f"office.measure.{kind}", {}, language)

    def to_dict(self) -> dict[str, Any]:
        titles = group_titles(self.template)
        return {"template": {"id": self.template.id, "title": self.template.title,
                             "kind": self.template.kind.value},
                "measure": "stars" if self.by_stars else "percent", "made_on": self.made_on,
                "bands": [] if self.by_stars else [{"band": b, "from": (None if low == float("-inf") else low),
                                                    "label": band_words(b)} for b, low, _label in BANDS],
                "ranked": [r.to_dict(titles) for r in self.ranked],
                "unranked": [r.to_dict(titles) for r in self.unranked],
                "min_coverage": self.min_coverage,
                "incomplete": [{**r.to_dict(titles), "missing": r.incomplete_words()} for r in self.incomplete],
                "waiting": [{"park_id": w.park_id, "park": w.park_name, "park_type": w.park_type,
                             "latest_date": w.latest_date, "state": w.state} for w in self.waiting],
                "indicators": [i.to_dict() for i in self.indicators]}


def _tie_key(measured: Measured) -> float:
    if measured.stars is not None:
        return float(measured.stars)
    assert measured.percent is not None
    return round(measured.percent, 1)


def _band(measured: Measured) -> tuple[str, str]:
    if measured.stars is not None:
        label = level_label(measured.stars)
        return label, label
    assert measured.percent is not None
    return band_of(measured.percent)


def indicator_stats(template: Template, rows: Iterable[RankRow]) -> tuple[IndicatorStats, ...]:
    values: dict[str, list[float]] = {}
    for row in rows:
        for code, value in row.measured.groups.items():
            if value is not None:
                values.setdefault(code, []).append(value)
    stats = []
    for code, title in group_titles(template).items():
        found = values.get(code, [])
        stats.append(IndicatorStats(code, title, len(found),
                                    round(sum(found) / len(found), 1) if found else None,
                                    min(found) if found else None, max(found) if found else None))
    return tuple(stats)


RANKED, INCOMPLETE, UNRANKED = "ranked", "incomplete", "unranked"


def outcome(measured: Measured, min_coverage: float = MIN_COVERAGE) -> str:
    """What the ranking does with an approved inspection measured so — the one rule, used by
    :func:`rank_parks` and said by the review screen before 通过: ranked; listed apart as
    检查不完整 (measured on too few items); or listed apart unranked (nothing to rank by:
    ``measured.problem`` says why)."""
    if measured.value is None:
        return UNRANKED
    return INCOMPLETE if measured.coverage < min_coverage else RANKED


def rank_parks(template: Template, entries: Sequence[ParkEntry], *, waiting: Sequence[Waiting] = (),
               as_of: date | None = None, min_coverage: float = MIN_COVERAGE) -> Ranking:
    """Rank *entries* (one per park: its latest approved inspection) on *template*; those that
    checked fewer than *min_coverage* of the items are listed apart (:attr:`Ranking.incomplete`)."""
    as_of = as_of or date.today()
    measured = [(entry, measure(template, entry.answers, park_type=_park_type(entry.park_type),
                                as_of=date.fromisoformat(entry.date))) for entry in entries]
    incomplete = [RankRow(e, m) for e, m in measured if outcome(m, min_coverage) == INCOMPLETE]
    incomplete.sort(key=lambda r: (r.entry.park_name, r.entry.park_id))
    rankable = [(e, m) for e, m in measured if outcome(m, min_coverage) == RANKED]
    rankable.sort(key=lambda em: (-_tie_key(em[1]), em[0].park_name, em[0].park_id))
    ranked: list[RankRow] = []
    keys = [_tie_key(m) for _, m in rankable]
    for position, (entry, result) in enumerate(rankable):
        key = keys[position]
        rank = keys.index(key) + 1  # the first position with this value
        tied = keys.count(key) > 1
        band, label = _band(result)
        ranked.append(RankRow(entry, result, rank, tied, band, label))
    unranked = [RankRow(e, m) for e, m in measured if outcome(m, min_coverage) == UNRANKED]
    unranked.sort(key=lambda r: (r.entry.park_name, r.entry.park_id))
    rows = ranked + unranked
    return Ranking(template, tuple(ranked), tuple(unranked),
                   tuple(sorted(waiting, key=lambda w: (w.park_name, w.park_id))),
                   indicator_stats(template, rows), made_on=as_of.isoformat(),
                   incomplete=tuple(incomplete), min_coverage=min_coverage)


def _park_type(value: str) -> ParkType:
    try:
        return ParkType(value)
    except ValueError:
        return ParkType.MANUFACTURING
