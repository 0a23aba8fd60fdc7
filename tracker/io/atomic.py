"""Writing an output file whole or not at all, readable by its owner only.

The content goes to a temporary file (mode 0600) beside the target, is flushed to disk,
then renamed over the target: a reader never sees half a document, and a failure
leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    size: int  # bytes


def _checked_target(path: Path) -> Path:
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder: give a file name")
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(f"cannot write {path}: the folder {folder} does not exist")
    return folder


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> WrittenFile:
    """Call ``write`` on a private temporary file, then rename it to ``path``."""
    path = Path(path)
    folder = _checked_target(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, FILE_MODE)  # mkstemp's mode already; said again for clarity
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _sync_folder(folder)
    return WrittenFile(path, path.stat().st_size)


def write_text_atomic(path: Path, text: str) -> WrittenFile:
    data = text.encode("utf-8")

    def write(handle: BinaryIO) -> None:
        handle.write(data)

    return write_atomic(path, write)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (POSIX)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
