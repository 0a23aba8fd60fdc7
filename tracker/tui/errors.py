"""Turning failures into sentences for the user: no traceback ever reaches the screen."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from tracker.domain.errors import TrackerError, ValidationError
from tracker.i18n import _


def describe(error: BaseException) -> str:
    """One readable line for an error raised by a service (or, rarely, a bug)."""
    if isinstance(error, ValidationError):
        return "; ".join(error.errors.values()) or str(error)
    if isinstance(error, TrackerError):
        text = str(error)
        return text[:1].upper() + text[1:]
    first_line = (str(error).strip().splitlines() or [""])[0]
    kind = type(error).__name__
    return _("Unexpected error ({kind}): {text}").format(kind=kind, text=first_line).rstrip(": ")


def report_worker_failure(node: DOMNode, worker: Worker[object], state: WorkerState) -> None:
    """Notify the user when a worker of `node` ended with an exception."""
    if state is not WorkerState.ERROR or worker.error is None:
        return
    error = worker.error
    if not isinstance(error, TrackerError):
        node.log.error(f"worker {worker.name!r} failed", error)
    node.app.notify(describe(error), title=_("Not done"), severity="error", timeout=8, markup=False)
