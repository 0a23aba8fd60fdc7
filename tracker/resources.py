"""Where the migrations and seed files are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _locate(installed_name: str, checkout_name: str) -> Path:
    # A wheel carries them inside the package (see pyproject's force-include); a source
    # checkout or an editable install keeps them at the top of the repository.
    installed = _PACKAGE_DIR / installed_name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / checkout_name


def migrations_dir() -> Path:
    return _locate("_migrations", "migrations")


def seeds_dir() -> Path:
    return _locate("_seeds", "seeds")
