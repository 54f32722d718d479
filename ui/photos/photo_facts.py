"""What is known of a photo beyond its pixels, in words: the file, when and where it was taken,
and what looks wrong for this inspection (taken far from the park, or on another day)."""
from __future__ import annotations

from inspection.model import Photo
from inspection.photos.location import PhotoFlags, format_distance, format_position, photo_flags
from ui.base.i18n import tr
from ui.session.edit_session import EditSession


def flags_of(photo: Photo, session: EditSession) -> PhotoFlags:
    return photo_flags(gps=photo.gps, taken_at=photo.taken_at,
                       park_location=session.park.location, visit_date=session.inspection.date)


def photo_facts(photo: Photo, session: EditSession) -> str:
    """The file, when and where it was taken, and what looks wrong (far off, another day)."""
    taken = (photo.taken_at or "")[:16].replace("T", " ")
    parts = [photo.original_name, tr("拍摄于 {0}").format(taken) if taken else ""]
    if photo.gps:
        parts.append(tr("位置 {0}").format(format_position(photo.gps)))
    flags = flags_of(photo, session)
    text = "　".join(p for p in parts if p)
    if flags.any:
        text += "　⚠ " + flag_text(flags, session.inspection.date)
    return text


def flag_text(flags: PhotoFlags, visit_date: str) -> str:
    parts = []
    if flags.far and flags.distance_m is not None:
        parts.append(tr("距园区约 {0}").format(format_distance(flags.distance_m)))
    if flags.other_day:
        parts.append(tr("非检查当天（{0}）拍摄").format(visit_date))
    return tr("；").join(parts)




def flag_texts(photos: list[Photo], session: EditSession) -> dict[int, str]:
    """The photos that look wrong for this inspection, with what is wrong (for the strip)."""
    found = {}
    for photo in photos:
        flags = flags_of(photo, session)
        if flags.any:
            found[photo.id] = flag_text(flags, session.inspection.date)
    return found
