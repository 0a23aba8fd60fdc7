"""Every calendar of the shared corpus is read whole or refused by line, never a traceback.

The corpus (real files from Google, Outlook, Thunderbird, Etar, and broken and fuzzed
ones) lives next to the repository in ``../shared/corpus/ics``; a clone without it skips.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tracker.io.ics_import import read_calendar

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus" / "ics"
FILES = sorted(CORPUS.glob("*.ics")) if CORPUS.is_dir() else []
LINE = re.compile(r"line \d+: \S")


def _ids(path: Path) -> str:
    return path.name


@pytest.mark.skipif(not FILES, reason=f"no calendar corpus at {CORPUS.resolve()}")
@pytest.mark.parametrize("path", FILES, ids=_ids)
def test_each_corpus_file_imports_or_is_refused_by_line(path: Path) -> None:
    data = path.read_bytes()
    preview = read_calendar(data)  # must not raise, whatever the file holds
    last_line = len(re.findall(rb"\r\n|\r|\n", data)) + 1
    if preview.ok:
        assert preview.candidates
        for found in preview.candidates:
            assert found.name and found.start <= found.end
    else:
        assert all(LINE.match(str(p)) for p in preview.problems), preview.problems
    for note in (*preview.problems, *preview.warnings, *preview.ignored):
        assert 1 <= note.line <= last_line, note


@pytest.mark.skipif(not FILES, reason=f"no calendar corpus at {CORPUS.resolve()}")
def test_the_corpus_holds_both_kinds() -> None:
    """A guard on the guard: the corpus must keep files that import and files refused."""
    previews = [read_calendar(p.read_bytes()) for p in FILES]
    assert sum(p.ok for p in previews) >= 30
    assert sum(not p.ok for p in previews) >= 30
