"""pytest-alembic's standard checks: one head, upgrade from empty, models == migrations."""

from pytest_alembic.tests import (  # noqa: F401 - collected as tests
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
