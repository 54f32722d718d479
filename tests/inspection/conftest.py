"""Fixtures: a fresh data folder with a store, a park and an inspection."""
import pytest

from inspection.store import open_store


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "data", actor="张三")
    yield store
    store.close()


@pytest.fixture
def park(store):
    return store.add_park("星河智造小微企业园", "manufacturing", address="上海市金山区亭林镇")


@pytest.fixture
def inspection(store, park):
    return store.new_inspection(park.id, ["000"], inspectors=["张三", "李四"],
                                date="2026-11-20", organisation="金山区经委")
