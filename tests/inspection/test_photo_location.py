"""A photo's place and day against the park's location and the visit: flagged, never refused."""
from __future__ import annotations

import json

import pytest

from checklists.errors import InvalidInput
from inspection.photos.location import distance_m, format_position, photo_flags
from inspection.store import open_store

PARK = (30.8201, 121.2532)


def test_distance_between_two_points():
    assert distance_m(PARK, PARK) == 0
    assert 1100 < distance_m(PARK, (30.8301, 121.2532)) < 1120  # 0.01° of latitude ≈ 1.11 km
    assert format_position((30.82, -121.25)) == "30.82000°N 121.25000°W"


def test_far_photos_and_photos_of_another_day_are_flagged():
    near = photo_flags(gps=(30.8205, 121.2530), taken_at="2026-11-20T09:30:00",
                       park_location=PARK, visit_date="2026-11-20")
    assert not near.any and near.distance_m < 100
    far = photo_flags(gps=(30.86, 121.2532), taken_at="2026-11-18T16:00:00",
                      park_location=PARK, visit_date="2026-11-20")
    assert far.far and far.other_day
    assert far.text("2026-11-20") == "距园区约 4.4 公里；非检查当天（2026-11-20）拍摄"
    unknown = photo_flags(gps=None, taken_at=None, park_location=PARK, visit_date="2026-11-20")
    assert not unknown.any  # nothing known: nothing said


def test_a_park_keeps_its_location(tmp_path):
    store = open_store(tmp_path / "data", actor="张三")
    park = store.add_park("星河园", "manufacturing")
    assert park.location is None
    assert store.set_park_location(park.id, PARK).location == PARK
    assert store.park(park.id).location == PARK
    with pytest.raises(InvalidInput):
        store.set_park_location(park.id, (95.0, 121.0))
    assert store.park(park.id).location == PARK  # refused: nothing changed
    assert store.set_park_location(park.id, None).location is None


def test_a_new_park_is_added_with_its_location_in_one_edit(tmp_path):
    store = open_store(tmp_path / "data", actor="张三")
    park = store.add_park("星河园", "manufacturing", location=(30.82012345678, 121.2532))
    assert store.park(park.id).location == (30.8201235, 121.2532)  # kept to 7 decimals
    entries = [a for a in store.audit_entries() if a["entity"] == "park"]
    assert [a["action"] for a in entries] == ["add_park"]
    assert json.loads(entries[0]["detail"])["location"] == [30.8201235, 121.2532]
    with pytest.raises(InvalidInput) as refused:
        store.add_park("月湖园", "service", location=(30.82, 181.0))
    assert refused.value.code == "site.bad_location"
    assert store.find_park("月湖园") is None  # refused: nothing added
    assert store.add_park("月湖园", "service").location is None
