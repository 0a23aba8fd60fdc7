"""The long loops (marked ``slow``) run only when asked for: ``-m slow`` or
TRACKER_RELIABILITY_LONG=1. TRACKER_RELIABILITY_KILLS sets how many kills a loop makes."""

from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    asked = "slow" in (config.option.markexpr or "") or os.environ.get("TRACKER_RELIABILITY_LONG")
    if asked:
        return
    skip = pytest.mark.skip(reason="long loop: run with -m slow or TRACKER_RELIABILITY_LONG=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
