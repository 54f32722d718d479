"""The program's colours, named once: the window (ui/) and the report (inspection/report) draw
from here, so the summary tab's chart and the printed chart agree, and a theme can change the
window's look in one place. Colours are "#rrggbb" strings; nothing here imports Qt or reportlab.

Results and statuses are calm, readable on white, and distinguishable when printed in grey.
"""
from __future__ import annotations

# --- results, levels and states -------------------------------------------------------------------
PASS = "#2e7d32"
PARTIAL = "#b26a00"
FAIL = "#c62828"
NOT_APPLICABLE = "#6b7280"
ON_TRACK = "#1565c0"
NOT_STARTED = "#8d6e63"
STAR = "#b8860b"
OVERDUE = FAIL
PILOT = "#6d4c9f"  # 试点 items of the 金山区 action plan
UNCHECKED = "#cbd5e1"

RESULT_COLORS: dict[str, str] = {
    "pass": PASS, "partial": PARTIAL, "fail": FAIL, "na": NOT_APPLICABLE,
    "done": PASS, "on_track": ON_TRACK, "delayed": FAIL, "not_started": NOT_STARTED,
}
SEVERITY_COLORS: dict[str, str] = {"minor": NOT_APPLICABLE, "major": PARTIAL, "critical": FAIL}

# Compliance scores: ≥ 85 % good, ≥ 60 % fair, below poor (the summary and the report's chart).
SCORE_GOOD, SCORE_FAIR = 85.0, 60.0


def score_color(percent: float | None) -> str:
    """The colour of a compliance percentage's bar (grey when nothing was checked)."""
    if percent is None:
        return UNCHECKED
    if percent >= SCORE_GOOD:
        return PASS
    if percent >= SCORE_FAIR:
        return PARTIAL
    return FAIL


# Inspection statuses on the home list: (background, text).
STATUS_BADGES: dict[str, tuple[str, str]] = {
    "draft": ("#e4e7eb", "#3c4650"),
    "in_progress": ("#dbe9fb", "#114a8b"),
    "completed": ("#dcf2e3", "#1d6b38"),
    "signed": ("#ece3f7", "#5a2d91"),
}

# Where an inspection stands with the office hub, beside its status: (background, text).
HUB_BADGES: dict[str, tuple[str, str]] = {
    "waiting": ("#eef1f4", "#4b5563"),  # 待上传
    "pushed": ("#fff4d6", "#7a5200"),  # 待审核
    "approved": ("#dcf2e3", "#1d6b38"),  # 已通过
    "returned": ("#fdecea", "#8e1b1b"),  # 已退回
    "approved_before": ("#edf3ee", "#46604e"),  # 曾通过: approved, then taken back to 检查中
}
# Bands of a ranking (A–D) and the trend chart's lines, in the report's calm colours.
BAND_COLORS: dict[str, str] = {"A": PASS, "B": ON_TRACK, "C": PARTIAL, "D": FAIL}
SERIES_COLORS: tuple[str, ...] = ("#1f5fa8", "#2e7d32", "#b26a00", "#6d4c9f", "#c62828", "#00838f",
                                  "#8d6e63", "#5f6b7a")

# --- text and surfaces of the window ------------------------------------------------------------
TEXT = "#1f2937"
TEXT_SOFT = "#374151"
MUTED = "#6b7280"
DISABLED = "#9ca3af"
ACCENT = "#1f5fa8"
WHITE = "#ffffff"
SURFACE = "#ffffff"
SURFACE_ALT = "#f6f7f9"  # page header, closed findings
SURFACE_SUBTLE = "#f3f4f6"  # disabled buttons, neutral notices
SURFACE_CARD = "#fafbfc"
SURFACE_FORM = "#fbfbfc"
SURFACE_GUIDANCE = "#f4f7fb"
TRACK = "#f1f3f6"  # the empty part of a bar
BORDER = "#d9dde3"
BORDER_SOFT = "#e5e7eb"
BORDER_HEADER = "#e1e4e8"
BORDER_STRONG = "#c9ced6"
BORDER_NEUTRAL = "#d1d5db"
HIGHLIGHT_FILL = "#fdf3d7"  # the star level reached
PLACEHOLDER_FILL = "#eceef1"  # something that could not be drawn
PLACEHOLDER_TEXT = "#9aa1ab"
HIGHLIGHT_MARK = "#ffe58a"  # a search term found in an item's title
DROP_FILL = "#eef4fb"  # a drop area while files are dragged over it
FOCUS_RING = ACCENT  # the frame of the button or field the keyboard is on
PHOTO_BACKDROP = "#2b2f36"  # behind a photo in the viewer
PHOTO_LOADING = "#3a3f47"
SWATCH_RING = "#111827"
INK = "#1b1f3b"  # a handwritten signature: blue-black, as a ballpoint writes
PAD_GUIDE = "#d5d9e0"
PAD_HINT = "#9aa1ad"

# Notices: (background, border, text).
NOTICE_GOOD = ("#e8f5e9", PASS, "#1b5e20")
NOTICE_CAUTION = ("#fff4d6", "#e9c46a", "#7a5200")
NOTICE_BAD = ("#fdecea", FAIL, "#8e1b1b")
NOTICE_NEUTRAL = (SURFACE_SUBTLE, BORDER_NEUTRAL, TEXT_SOFT)

# --- the printed report (black text, little colour) -------------------------------------------------
PRINT_TEXT = "#000000"
PRINT_MUTED = "#555555"
PRINT_RULE = "#333333"
PRINT_GRID = "#8c8c8c"
PRINT_HEADER_FILL = "#e4e4e4"
PRINT_GROUP_FILL = "#f0f0f0"
PRINT_SUBGROUP_FILL = "#f7f7f7"
PRINT_ALERT = "#9b1c1c"  # 不符合, 逾期: dark red, prints as near-black


# --- a high-contrast theme for the window (chosen in 设置) -----------------------------------------
# Darker text and borders, stronger result colours: readable in sunlight and for weaker eyes.
HIGH_CONTRAST: dict[str, str] = {
    "PASS": "#0b5d1e", "PARTIAL": "#7a4300", "FAIL": "#a00000", "NOT_APPLICABLE": "#333333",
    "ON_TRACK": "#0b3d91", "NOT_STARTED": "#4e342e", "STAR": "#7a5600", "OVERDUE": "#a00000",
    "TEXT": "#000000", "TEXT_SOFT": "#000000", "MUTED": "#2b2b2b", "DISABLED": "#555555",
    "ACCENT": "#003a8c", "BORDER": "#4d4d4d", "BORDER_SOFT": "#666666", "BORDER_HEADER": "#4d4d4d",
    "BORDER_STRONG": "#1a1a1a", "BORDER_NEUTRAL": "#4d4d4d", "SURFACE_ALT": "#ffffff",
    "SURFACE_SUBTLE": "#e6e6e6", "SURFACE_GUIDANCE": "#ffffff", "HIGHLIGHT_MARK": "#ffd400",
    "FOCUS_RING": "#000000",
}
_STANDARD = {name: globals()[name] for name in HIGH_CONTRAST}
THEME = "standard"


def use_theme(name: str) -> None:
    """Switch the window's colours (before the windows' modules are imported: they take the
    names once). Results and overdue marks follow into RESULT_COLORS."""
    global THEME
    chosen = HIGH_CONTRAST if name == "high_contrast" else _STANDARD
    globals().update(chosen)
    RESULT_COLORS.update({"pass": chosen["PASS"], "partial": chosen["PARTIAL"],
                          "fail": chosen["FAIL"], "na": chosen["NOT_APPLICABLE"],
                          "done": chosen["PASS"], "on_track": chosen["ON_TRACK"],
                          "delayed": chosen["FAIL"], "not_started": chosen["NOT_STARTED"]})
    THEME = "high_contrast" if name == "high_contrast" else "standard"
