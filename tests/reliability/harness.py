"""Breaking things on purpose: a seeded database to copy, children to kill, and the checks
every database must pass afterwards.

Children are forked from the test process (which has already imported everything), so a
kill costs a file copy and a fork, not a fresh interpreter.
"""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tracker.config import Settings
from tracker.db import fts
from tracker.db.engine import Database
from tracker.services.context import Services

KILLS = int(os.environ.get("TRACKER_RELIABILITY_KILLS", "0"))  # 0: each test's own default
# Hostile-input examples per property: TRACKER_RELIABILITY_EXAMPLES multiplies the CI count.
EXAMPLES_FACTOR = int(os.environ.get("TRACKER_RELIABILITY_EXAMPLES", "1"))


def settings_for(folder: Path) -> Settings:
    return Settings.load(env={"TRACKER_DATA_DIR": str(folder)})


def make_template(folder: Path, prepare: Callable[[Services], None] | None = None) -> Path:
    """A seeded database in one file (WAL checkpointed away), ready to be copied."""
    services = Services.open(settings_for(folder))
    try:
        if prepare is not None:
            prepare(services)
    finally:
        services.close()
    path = settings_for(folder).data_dir / "tracker.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def fresh_copy(template: Path, folder: Path) -> Settings:
    """A new data folder holding a copy of the template database."""
    if folder.exists():
        shutil.rmtree(folder)
    settings = settings_for(folder)
    settings.data_dir.mkdir(parents=True, mode=0o700)
    shutil.copyfile(template, settings.data_dir / "tracker.db")
    return settings


@dataclass
class Killed:
    lines: list[str]  # what the child reported on its pipe before it died
    finished: bool  # the child ended on its own before the kill


def run_and_kill(
    work: Callable[[Callable[[str], None]], None], delay: float, *, after: str | None = None
) -> Killed:
    """Fork a child running ``work(say)``; SIGKILL it ``delay`` seconds after it starts,
    or after it says a line starting with ``after``."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_end)

            def say(line: str) -> None:
                os.write(write_end, (line + "\n").encode())

            work(say)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    chunks: list[bytes] = []
    if after is not None:
        _read_until(read_end, after, chunks)
    time.sleep(delay)
    finished = os.waitpid(pid, os.WNOHANG) != (0, 0)
    if not finished:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    return Killed(b"".join(chunks).decode().splitlines(), finished)


def _read_until(fd: int, start: str, chunks: list[bytes]) -> None:
    while True:
        ready, _, _ = select.select([fd], [], [], 120)
        if not ready:
            raise AssertionError(f"the child never said {start!r}")
        chunk = os.read(fd, 65536)
        if not chunk:
            return  # the child ended
        chunks.append(chunk)
        lines = b"".join(chunks).decode().splitlines()
        if any(line.startswith(start) for line in lines):
            return


def assert_sound(db_path: Path) -> None:
    """integrity_check ok, no broken reference, every search index matches its table."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    db = Database(f"sqlite:///{db_path}")
    try:
        with db.engine.connect() as conn2:
            assert fts.missing_sqlite_objects(conn2) == []
            assert fts.integrity_check_sqlite(conn2) == []
    finally:
        db.dispose()


def count(db_path: Path, sql: str, *params: object) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute(sql, params).fetchone()[0])
    finally:
        conn.close()


def rng(seed_env: str = "TRACKER_RELIABILITY_SEED") -> random.Random:
    seed = int(os.environ.get(seed_env, str(random.randrange(1_000_000))))
    print(f"random seed {seed} (set {seed_env} to replay)")
    return random.Random(seed)


PARTNERING = "Cluster partnering event"  # the seed's one dated event: 25/10/2018
BRUSSELS_WEEK = {"title": "Brussels week", "city": "Brussels", "start": "24/10/2018",
                 "end": "26/10/2018"}  # fmt: skip


def brussels_week_with_money(services: Services, participants: list[int]) -> None:
    """A mission to the partnering event, and 1200 of travel earmarked for the event."""
    services.missions.create(
        2018, "BE", BRUSSELS_WEEK, events=[PARTNERING], participants=participants
    )
    event = services.events.find(PARTNERING, 2018)
    services.events.link(event.id, "travel", Decimal("1200"))


def exit_code(pid: int, timeout: float = 300) -> int:
    """Wait for a forked child; one stuck past ``timeout`` is killed and fails the test."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError(f"child {pid} still running after {timeout} s: killed")
