"""A sync raises the cycle collector's thresholds while it runs and puts them back after."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from ytcs_desktop.sync.client import _COLLECTOR, _CollectorPolicy


@pytest.fixture
def thresholds() -> Iterator[tuple[int, ...]]:
    saved = tuple(gc.get_threshold())
    gc.set_threshold(700, 10, 10)
    try:
        yield tuple(gc.get_threshold())
    finally:
        gc.set_threshold(*saved)


def test_thresholds_are_raised_during_syncs_and_restored_after_the_last(thresholds: tuple[int, ...]) -> None:
    with _COLLECTOR.fewer():
        assert tuple(gc.get_threshold()) == _CollectorPolicy.DURING_SYNC
        with _COLLECTOR.fewer():  # a second sync in another thread
            assert tuple(gc.get_threshold()) == _CollectorPolicy.DURING_SYNC
        assert tuple(gc.get_threshold()) == _CollectorPolicy.DURING_SYNC
    assert tuple(gc.get_threshold()) == thresholds


def test_higher_thresholds_are_kept_and_a_failed_sync_restores(thresholds: tuple[int, ...]) -> None:
    gc.set_threshold(50_000, 5, 200)
    with pytest.raises(RuntimeError), _COLLECTOR.fewer():
        assert tuple(gc.get_threshold()) == (50_000, 50, 200)
        raise RuntimeError("link cut")
    assert tuple(gc.get_threshold()) == (50_000, 5, 200)
