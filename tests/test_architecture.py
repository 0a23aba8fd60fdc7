"""The layering rules, the wheel's contents and the cheap start-up, checked for real."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint is None:
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_tui_paints_before_sqlalchemy_is_imported() -> None:
    code = (
        "import sys, tracker.tui.app, tracker.cli; "
        "heavy = [m for m in ('sqlalchemy', 'alembic') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"imported before first paint: {result.stdout}"


def test_the_first_frame_waits_for_none_of_the_later_modules() -> None:
    """Babel, the data classes, the forms and the document writers load after the paint."""
    later = (
        "babel",
        "tracker.i18n_format",
        "tracker.services.dto",
        "tracker.services.dto_search",
        "tracker.tui.modals.form",
        "tracker.tui.unsaved",
        "tracker.io.report.compose",
        "tracker.cli.output",
    )
    code = (
        "import sys, tracker.cli, tracker.tui.app; "
        f"print(','.join(m for m in {later!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"imported before first paint: {result.stdout}"


def test_the_wheel_ships_migrations_seeds_and_styles(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next(tmp_path.glob("tracker-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tracker/_migrations/env.py" in names
    assert any(n.startswith("tracker/_migrations/versions/0001") for n in names)
    assert "tracker/_seeds/plan_2018.toml" in names
    assert "tracker/_seeds/countries.csv" in names
    assert any(n.endswith(".tcss") for n in names)
    assert "tracker/locale/it/LC_MESSAGES/tracker.mo" in names  # the Italian catalog
