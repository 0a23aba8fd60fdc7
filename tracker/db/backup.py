"""Verified, private, pruned SQLite backups, and restoring one."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tracker.i18n import _

BACKUP_PREFIX = "tracker-"


class BackupError(RuntimeError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    tables: int
    rows: int


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _verify(path: Path, expected: dict[str, int] | None = None) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        status = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if status != "ok":
            raise BackupError(
                _("{path} failed its integrity check: {status}").format(path=path, status=status)
            )
        counts = _row_counts(conn)
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            _("{path} is not a readable SQLite database: {exc}").format(path=path, exc=exc)
        ) from exc
    finally:
        conn.close()
    if expected is not None and counts != expected:
        raise BackupError(
            _("{path} does not hold the same rows as the database it copies").format(path=path)
        )
    return counts


def backup_sqlite(db_path: Path, backup_dir: Path, *, label: str = "", keep: int = 5) -> BackupInfo:
    """Copy a live database (WAL included) with SQLite's online backup, then verify it."""
    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(backup_dir, 0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    suffix = f"-{label}" if label else ""
    target = backup_dir / f"{BACKUP_PREFIX}{stamp}{suffix}.db"
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    source = sqlite3.connect(db_path)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
        expected = _row_counts(source)
    finally:
        dest.close()
        source.close()
    try:
        counts = _verify(target, expected)
    except BackupError:
        target.unlink(missing_ok=True)
        raise
    prune_backups(backup_dir, keep)
    return BackupInfo(path=target, tables=len(counts), rows=sum(counts.values()))


def list_backups(backup_dir: Path) -> list[Path]:
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob(f"{BACKUP_PREFIX}*.db"), key=lambda p: p.name, reverse=True)


def prune_backups(backup_dir: Path, keep: int) -> list[Path]:
    removed = list_backups(backup_dir)[keep:]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore_sqlite(backup_path: Path, db_path: Path) -> BackupInfo:
    """Replace the database's content with a verified backup, through SQLite itself."""
    counts = _verify(backup_path)
    source = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
    dest = sqlite3.connect(db_path, timeout=15)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()
    _verify(db_path, counts)
    return BackupInfo(path=backup_path, tables=len(counts), rows=sum(counts.values()))
