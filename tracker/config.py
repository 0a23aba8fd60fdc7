"""Settings: where the data lives and which database to open. Passed in, never global."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "tracker"
DB_FILENAME = "tracker.db"


@dataclass(frozen=True)
class Settings:
    database_url: str
    data_dir: Path
    backup_dir: Path
    keep_backups: int = 5

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def load(cls, db: str | None = None, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from a ``--db`` value, the environment, then platform defaults."""
        env = os.environ if env is None else env
        data_dir = Path(env.get("TRACKER_DATA_DIR") or _platform_data_dir())
        chosen = db or env.get("TRACKER_DATABASE_URL") or str(data_dir / DB_FILENAME)
        url = database_url_from(chosen)
        backup_dir = data_dir / "backups"
        sqlite_path = sqlite_path_of(url)
        if sqlite_path is not None and db is not None:
            # A database named on the command line keeps its backups beside it.
            backup_dir = sqlite_path.parent / f"{sqlite_path.name}.backups"
        return cls(database_url=url, data_dir=data_dir, backup_dir=backup_dir)


def _platform_data_dir() -> str:
    import platformdirs

    return platformdirs.user_data_dir(APP_NAME, appauthor=False)


def database_url_from(value: str) -> str:
    """Accept either a SQLAlchemy URL or a plain file path."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_path_of(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory and server databases."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix) :].split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)
