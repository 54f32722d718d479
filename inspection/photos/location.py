"""Where and when a photo was taken, checked against the park and the visit: photos taken far
from the park's recorded location, or on another day than the inspection, are flagged for the
inspector (never refused: a photo of a document taken the day before can be right)."""
from __future__ import annotations

import math
from dataclasses import dataclass

FAR_METRES = 2000.0  # a park's grounds rarely reach further from the point recorded for it


@dataclass(frozen=True)
class PhotoFlags:
    distance_m: float | None = None  # from the park's location, when both are known
    far: bool = False
    other_day: bool = False

    @property
    def any(self) -> bool:
        return self.far or self.other_day

    def text(self, visit_date: str) -> str:
        """The flags in words (Chinese): 距园区约 3.2 公里；拍摄于 2026-11-18，非检查当天."""
        parts = []
        if self.far and self.distance_m is not None:
            parts.append(f"距园区约 {format_distance(self.distance_m)}")
        if self.other_day:
            parts.append(f"非检查当天（{visit_date}）拍摄")
        return "；".join(parts)


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = (math.radians(v) for v in (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + \
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(min(1.0, math.sqrt(h)))


def format_distance(metres: float) -> str:
    return f"{metres / 1000:.1f} 公里" if metres >= 1000 else f"{round(metres)} 米"


def format_position(gps: tuple[float, float]) -> str:
    """30.82000°N 121.25000°E."""
    lat, lon = gps
    return f"{abs(lat):.5f}°{'N' if lat >= 0 else 'S'} {abs(lon):.5f}°{'E' if lon >= 0 else 'W'}"


def photo_flags(*, gps: tuple[float, float] | None, taken_at: str | None,
                park_location: tuple[float, float] | None, visit_date: str,
                far_m: float = FAR_METRES) -> PhotoFlags:
    """The flags of one photo (taken_at an ISO date-time, visit_date an ISO date)."""
    distance = distance_m(gps, park_location) if gps and park_location else None
    other_day = bool(taken_at) and str(taken_at)[:10] != visit_date
    return PhotoFlags(distance_m=distance, far=distance is not None and distance > far_m,
                      other_day=other_day)
