"""Drafts of open forms, kept on disk while the user types, so a crash loses nothing.

A form with a ``draft_key`` writes what it holds (debounced) to ``<data dir>/drafts/``
(folder 0700, files 0600, written atomically) and removes the draft when it closes,
saved or discarded. Drafts still there at the next start are offered back.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tracker.io.atomic import write_text_atomic

DRAFT_DELAY = 0.5  # seconds of quiet typing before the draft is written


@dataclass(frozen=True)
class Draft:
    key: str  # e.g. "event:new", "event:12"
    title: str  # the form's title, to name it when offering it back
    values: dict[str, Any]
    version: int | None  # the record's version the user started from (edits)
    saved_at: datetime


def draft_key(kind: str, record_id: int | None) -> str:
    """The draft of a form on one kind of record: ``person:12``, or ``person:new``."""
    return f"{kind}:{record_id if record_id is not None else 'new'}"


def parse_key(key: str) -> tuple[str, int | None]:
    """``person:12`` → ("person", 12); ``person:new`` (or anything else) → ("person", None)."""
    kind, _sep, ref = key.partition(":")
    return kind, int(ref) if ref.isdigit() else None


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)
        return self.folder / f"{safe}.json"

    def save(self, key: str, title: str, values: dict[str, Any], version: int | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.folder, 0o700)
        doc = {
            "key": key,
            "title": title,
            "values": values,
            "version": version,
            "saved_at": datetime.now(UTC).isoformat(),
        }
        write_text_atomic(self._path(key), json.dumps(doc, ensure_ascii=False))

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def discard(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(key).unlink()

    def all(self) -> list[Draft]:
        """Every readable draft, oldest first; unreadable ones are left alone."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob("*.json"):
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
                found.append(
                    Draft(
                        str(doc["key"]),
                        str(doc["title"]),
                        dict(doc["values"]),
                        doc.get("version"),
                        datetime.fromisoformat(doc["saved_at"]),
                    )
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(found, key=lambda d: d.saved_at)
