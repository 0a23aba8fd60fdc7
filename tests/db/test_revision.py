"""The cheap schema-revision check agrees with Alembic's own reading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from tracker.db import migrate
from tracker.db.engine import Database


def test_head_revision_is_alembics_head() -> None:
    alembic_head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    assert migrate.head_revision() == alembic_head


def test_current_revision_matches_alembic_before_and_after_upgrade(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        assert migrate.current_revision(db.engine) is None
        migrate.upgrade_to_head(db.engine)
        with db.engine.connect() as conn:
            expected = MigrationContext.configure(conn).get_current_revision()
        assert expected == migrate.head_revision()
        assert migrate.current_revision(db.engine) == expected
    finally:
        db.dispose()


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from tracker.config import Settings\n"
        "from tracker.services.context import Services\n"
        f"settings = Settings.load(env={{'TRACKER_DATA_DIR': {str(tmp_path)!r}}})\n"
        "Services.open(settings).close()\n"  # new: migrates, imports Alembic
        "before = 'alembic' in sys.modules\n"
        "print('FIRST', before)\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "FIRST True" in first.stdout
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "FIRST False" in again.stdout
