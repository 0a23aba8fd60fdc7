"""No input makes the readers raise anything but UnreadableFile; io stays off the database."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.io.csv_mapping import RecordMaker, suggest
from tracker.io.csv_problems import UnreadableFile
from tracker.io.csv_read import read_table
from tracker.io.vcard_read import read_vcards

CORPUS = Path(__file__).resolve().parents[1] / "data" / "import"
ROOT = Path(__file__).resolve().parents[2]


def mutations(seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    files = sorted(p.read_bytes() for p in CORPUS.iterdir())
    out = []
    for _ in range(count):
        data = bytearray(rng.choice(files))
        for _ in range(rng.randint(1, 8)):
            if not data:
                break
            i = rng.randrange(len(data))
            action = rng.random()
            if action < 0.4:
                data[i] = rng.choice(b'",;\t\r\n\x00=:\\\xe8\xff')
            elif action < 0.7:
                del data[i : i + rng.randint(1, 20)]
            else:
                data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 5)))
        out.append(bytes(data))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_mangled_files_are_read_or_refused_never_crash(seed: int) -> None:
    for data in mutations(seed, 150):
        try:
            table = read_table(data)
        except UnreadableFile as exc:
            assert exc.problems
        else:
            for kind in ("orgs", "people", "events"):
                make = RecordMaker(suggest(kind, table.header))
                for line, cells in table.rows:
                    assert line >= 1
                    make(cells)
        try:
            cards = read_vcards(data)
        except UnreadableFile as exc:
            assert exc.problems
        else:
            assert all(p.line >= 0 for p in cards.problems)


def test_the_io_modules_do_not_import_sqlalchemy() -> None:
    code = (
        "import sys, tracker.io.csv_read, tracker.io.csv_write, tracker.io.csv_mapping, "
        "tracker.io.vcard_read, tracker.io.vcard_write; "
        "print(','.join(m for m in ('sqlalchemy', 'tracker.services') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
