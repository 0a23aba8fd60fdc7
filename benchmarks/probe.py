"""Instruments on a running app: frames painted, workers started and their results, SQL run.

Nothing here changes what the app does. A probe wraps four of the app's own calls on the
instance it is given:

* ``App._display``: every frame the compositor hands to the driver. Headless, the driver
  writes nothing, so the probe renders the frame to its terminal string itself (what a
  real terminal costs the app) and then notes the time: that is "painted".
* ``App.call_from_thread``: how every worker hands its result to the UI (STYLE.md). The
  probe notes when the callback *finished* on the UI thread: "results applied".
* ``app.workers.add_worker``: when each worker was created, so a screen that starts
  none (nothing to load) is timed to its first frame rather than awaited forever.
* the engine's ``before_cursor_execute``: each statement with its parameters, so the
  same SQL can be replayed on a bare ``sqlite3`` connection for the floor.
"""

from __future__ import annotations

import asyncio
import inspect
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual._compositor import CompositorUpdate
from textual.app import App
from textual.binding import Binding
from textual.worker import WorkerState

now = time.monotonic  # CLOCK_MONOTONIC: comparable across processes on Linux


class WorkerFailed(RuntimeError):
    """The app reported an error while a key's work was awaited."""


@dataclass(frozen=True)
class Frame:
    at: float  # monotonic
    cpu: float  # this process's CPU time then (all threads): contention shows as at ≫ cpu


@dataclass(frozen=True)
class Statement:
    at: float
    sql: str
    params: Any
    many: bool


@dataclass
class Probe:
    app: App[Any]
    paints: list[Frame] = field(default_factory=list)
    applied: list[float] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    workers: list[float] = field(default_factory=list)  # when each worker was created

    def install(self) -> Probe:
        app = self.app
        display = app._display
        call_from_thread = app.call_from_thread

        def painted(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None or app._batch_count:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            self.paints.append(Frame(now(), time.process_time()))

        def handed(callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            def run() -> Any:
                result = callback(*args, **kwargs)
                if inspect.isawaitable(result):

                    async def finish() -> Any:
                        value = await result
                        self.applied.append(now())
                        return value

                    return finish()
                self.applied.append(now())
                return result

            return call_from_thread(run)

        add_worker = app.workers.add_worker

        def added(worker: Any, start: bool = True, exclusive: bool = True) -> None:
            self.workers.append(now())
            add_worker(worker, start=start, exclusive=exclusive)

        app.workers.add_worker = added  # type: ignore[method-assign]
        app._display = painted  # type: ignore[method-assign]
        app.call_from_thread = handed  # type: ignore[method-assign]
        return self

    def watch_sql(self, engine: Any) -> None:
        from sqlalchemy import event

        def before(
            _conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, many: bool
        ) -> None:
            self.statements.append(Statement(now(), statement, params, many))

        event.listen(engine, "before_cursor_execute", before)

    def busy(self) -> bool:
        return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in self.app.workers)

    async def settled(
        self,
        since: float,
        *,
        results: int | None = 1,
        quiet: float = 0.06,
        timeout: float = 60.0,
        failed: Callable[[], str | None] | None = None,
    ) -> Frame:
        """Wait for the frame that shows what a key asked for.

        Done once ``results`` worker results have been applied since ``since``, no worker
        is pending or running, nothing has landed for ``quiet`` seconds, and a frame has
        been painted after the last result. With ``results=0``, the first frame after
        ``since``. With None, one result if a worker was started since ``since`` (a
        screen that loads something), else none (one that shows what it has at hand).
        Raises TimeoutError after ``timeout`` seconds, and WorkerFailed as soon
        as ``failed()`` names a failure (e.g. the app reported a worker's error).
        """
        deadline = now() + timeout
        while now() < deadline:
            await asyncio.sleep(0.002)
            problem = failed() if failed is not None else None
            if problem:
                raise WorkerFailed(problem)
            landed = [t for t in self.applied if t >= since]
            expected = results
            if expected is None:
                expected = 1 if any(t >= since for t in self.workers) else 0
            if len(landed) < expected or self.busy():
                continue
            last = landed[-1] if landed else since
            frames = [f for f in self.paints if f.at >= last]
            if frames and now() - max(last, since) >= quiet:
                return frames[0]
        raise TimeoutError(f"nothing painted within {timeout:.0f} s")

    async def first_paint_after(self, since: float, timeout: float = 60.0) -> Frame:
        """The first frame painted at or after ``since``, whatever else is running."""
        deadline = now() + timeout
        while now() < deadline:
            frames = [f for f in self.paints if f.at >= since]
            if frames:
                return frames[0]
            await asyncio.sleep(0.002)
        raise TimeoutError(f"nothing painted within {timeout:.0f} s")

    async def until(
        self, ready: Callable[[], bool], *, quiet: float = 0.5, timeout: float = 180
    ) -> None:
        """Wait until ``ready()`` holds and no worker has run for ``quiet`` seconds."""
        deadline, calm_since = now() + timeout, None
        while now() < deadline:
            await asyncio.sleep(0.01)
            if not ready() or self.busy():
                calm_since = None
            elif calm_since is None:
                calm_since = now()
            elif now() - calm_since >= quiet:
                return
        raise TimeoutError(f"not ready within {timeout:.0f} s")

    def sql_since(self, since: float, until: float) -> list[Statement]:
        return [s for s in self.statements if since <= s.at <= until]


def replay(path: Path, statements: list[Statement], repeat: int = 5) -> float:
    """Median ms to run the same statements on a bare sqlite3 connection (rolled back)."""
    if not statements:
        return 0.0
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    runs = []
    try:
        for _ in range(repeat + 1):  # the first run warms this connection's page cache
            start = time.perf_counter()
            conn.execute("BEGIN")
            for s in statements:
                word = s.sql.lstrip().split(None, 1)[0].upper()
                if word in {"BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "SAVEPOINT", "RELEASE"}:
                    continue
                if s.many:
                    conn.executemany(s.sql, s.params)
                else:
                    conn.execute(s.sql, s.params).fetchall()
            conn.execute("ROLLBACK")
            runs.append((time.perf_counter() - start) * 1000)
    finally:
        conn.close()
    return statistics.median(runs[1:])


def bindings_of(obj: Any) -> dict[str, str]:
    """action → first key, from a class's BINDINGS and its bases' (nearest first)."""
    found: dict[str, str] = {}
    for cls in type(obj).__mro__:
        for binding in getattr(cls, "BINDINGS", []) or []:
            if isinstance(binding, Binding):
                found.setdefault(binding.action, binding.key.split(",")[0])
    return found
