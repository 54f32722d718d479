"""Translated labels for the domain's Chinese terms, and how names are split and joined.

The domain (``inspection.model``) names statuses and park types in Chinese for reports and the
command line; the windows show them through Qt's translation system so the English interface
says "Draft" rather than "草稿". Each label is written out as a literal so that
``pyside6-lupdate`` finds it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from inspection.kinds import ParkType, Status

NAME_SEPARATOR = "、"
_SEPARATORS = re.compile(r"[、,，;；\n]+")


CONTEXT = "park_inspector"  # one translation context for the whole program


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """*text* (Simplified Chinese, the source language) in the chosen language.

    The one translation helper of the windows: ``pyside6-lupdate`` finds every ``tr("…")``
    call; scripts/update_translations.sh files them under :data:`CONTEXT`.
    """
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def status_label(status: Status | str) -> str:
    labels = {
        "draft": tr("草稿"),
        "in_progress": tr("检查中"),
        "completed": tr("已完成"),
        "signed": tr("已签署"),
    }
    return labels[Status(status).value]


def park_type_label(park_type: ParkType | str) -> str:
    labels = {
        "manufacturing": tr("生产制造类"),
        "service": tr("生产性服务类等其他类"),
    }
    return labels[ParkType(park_type).value]


def star_level_label(stars: int) -> str:
    """一星级 … 五星级, or 未达一星级."""
    labels = (
        tr("未达一星级"),
        tr("一星级"),
        tr("二星级"),
        tr("三星级"),
        tr("四星级"),
        tr("五星级"),
    )
    return labels[max(0, min(stars, 5))]


def result_labels() -> dict[str, str]:
    """Every result key's label: 符合 … 不适用, 已完成 … 未启动, and the star levels by number."""
    labels = {
        "pass": tr("符合"),
        "partial": tr("基本符合"),
        "fail": tr("不符合"),
        "na": tr("不适用"),
        # the same words as the inspection status 已完成, so one translation serves both
        "done": tr("已完成"),
        "on_track": tr("按期推进"),
        "delayed": tr("滞后"),
        "not_started": tr("未启动"),
    }
    labels.update((str(stars), star_level_label(stars)) for stars in range(6))
    return labels


def result_label(key: str | None) -> str:
    """The label of a result key (the templates' scales name them in Chinese); 未检查 for none.

    A key no scale knows is shown as it is, rather than failing while painting.
    """
    if key is None:
        return tr("未检查")
    return result_labels().get(key, key)


def star_glyphs(stars: int, *, out_of: int = 5) -> str:
    """★★★☆☆ for three stars of five."""
    stars = max(0, min(stars, out_of))
    return "★" * stars + "☆" * (out_of - stars)


def split_names(text: str) -> list[str]:
    """Inspector names typed in one field: separated by 、 , ， ; ； or new lines."""
    return [name.strip() for name in _SEPARATORS.split(text or "") if name.strip()]


def join_list(items: Iterable[str]) -> str:
    """Items of a sentence's list, joined as the language does (、 in Chinese, ", " in English)."""
    return tr("、").join(items)


def bracketed(text: str, inner: str) -> str:
    """*text* with *inner* after it in brackets: 照片（30） in Chinese, "Photos (30)" in English."""
    return tr("{0}（{1}）").format(text, inner)


def join_names(names: Iterable[str]) -> str:
    return NAME_SEPARATOR.join(names)
