"""Writing CSV files that are safe to open in a spreadsheet, and files written atomically.

A cell starting with ``=`` ``+`` ``-`` ``@``, a tab, a carriage return or NUL could be
run as a formula by Excel or LibreOffice (CSV injection), so it gets a leading ``'``.
A cell that already starts with ``'`` before one of those gets a second one, so
:func:`unneutralise` (which the importer applies) gives back exactly what was stored.

Files are written to a temporary file in the same folder (mode 0600), flushed to disk
and renamed over the target: a reader never sees half a file, a crash leaves the old one.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

TRIGGERS = frozenset("=+-@\t\r\x00")
QUOTE = "'"


def neutralise(cell: str) -> str:
    """The cell as a spreadsheet will show it, never as a formula."""
    if not cell:
        return cell
    first = cell[0]
    if first in TRIGGERS or (first == QUOTE and len(cell) > 1 and cell[1] in _ESCAPED):
        return QUOTE + cell
    return cell


def unneutralise(cell: str) -> str:
    """The inverse of :func:`neutralise` (a lone leading ``'`` stays)."""
    if len(cell) > 1 and cell[0] == QUOTE and cell[1] in _ESCAPED:
        return cell[1:]
    return cell


_ESCAPED = TRIGGERS | {QUOTE}


@contextlib.contextmanager
def atomic_writer(path: Path, *, encoding: str = "utf-8", newline: str = "") -> Iterator[IO[str]]:
    """A text file written whole or not at all (temp file, fsync, rename; mode 0600)."""
    folder = path.parent
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    bom: bool = False,
    delimiter: str = ",",
) -> int:
    """Write header and rows (neutralised) atomically; return how many rows were written."""
    count = 0
    with atomic_writer(path, encoding="utf-8-sig" if bom else "utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([neutralise(cell) for cell in row])
            count += 1
    return count
