"""The tabs of the 中心 section, in order (the menu opens each by its number)."""
INSPECTIONS, RANKING, TRENDS, TRACKER = range(4)
