"""docs/PERFORMANCE.md: the generated part between markers; the analysis around it is kept."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.measure import Result, floors_legend, markdown_table

BEGIN = "<!-- benchmarks/run.py writes from here -->"
END = "<!-- benchmarks/run.py writes up to here -->"
TEMPLATE = f"""# Performance

Timings of the TUI, the services and the CLI on a big generated database, each beside
its floor measured in the same run. Targets come from issue #6. Nothing here is
asserted by the tests; run the suite again after a change that could matter.

```sh
python -m benchmarks.generate --out /tmp/big.db          # ~1.5 min: 100k people, 500k contacts
python -m benchmarks.run --db /tmp/big.db --write-doc    # ~6 min: every scenario, this file
python -m benchmarks.generate --out /tmp/s.db --small    # seconds: the smoke test's database
```

{BEGIN}
{END}

## Analysis
"""


def machine() -> dict[str, str]:
    import sqlalchemy
    import textual

    model = ""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            model = next((ln.split(":", 1)[1].strip() for ln in info if "model name" in ln), "")
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "tracker"], capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    return {
        "cpu": f"{os.cpu_count()} × {model}".strip(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "textual": textual.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "os": platform.platform(),
        "code": f"{commit}{' + uncommitted changes in tracker/' if dirty else ''}",
    }


def generated_block(
    results: Sequence[Result], info: dict[str, Any], generation: dict[str, Any] | None
) -> str:
    lines = [f"Latest run: {info['when']}, {info['took']:.0f} s, `{info['command']}`.", ""]
    lines.append("| machine | |")
    lines.append("|---|---|")
    for key, value in info["machine"].items():
        lines.append(f"| {key} | {value} |")
    lines.append(f"| load average (1 min) before → after | {info['load']} |")
    lines.append("")
    if generation:
        rows = generation["rows"]
        phases = ", ".join(f"{k} {v:.0f} s" for k, v in generation["phases"].items())
        counts = ", ".join(f"{k} {v:,}" for k, v in rows.items() if v and k != "alembic_version")
        lines.append(
            f"Database: {generation['megabytes']:.0f} MB, generated (seed {generation['seed']}) "
            f"in {generation['seconds']:.0f} s ({phases}). Rows: {counts}."
        )
        lines.append("")
    lines.append(markdown_table(results))
    lines.append("")
    lines.append(
        "*median / worst* over the runs (n shown for the TUI rows, else `--repeat`); *ratio* "
        "is median ÷ floor; *cpu* is the median CPU time of the measured process over the same "
        "span (all threads): wall ≫ cpu means the machine was busy with other work."
    )
    lines.append("")
    lines.append("<details><summary>What each floor is</summary>")
    lines.append("")
    lines.extend(f"- {line}" for line in floors_legend(results))
    notes = [f"{r.area}: {r.name} — {r.note}" for r in results if r.note]
    if notes:
        lines.append("")
        lines.append("Notes:")
        lines.extend(f"- {n}" for n in notes)
    lines.append("")
    lines.append("</details>")
    return "\n".join(lines)


def write_doc(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else TEMPLATE
    if BEGIN not in text or END not in text:
        text = TEMPLATE + "\n" + text
    head, rest = text.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{block}\n{END}{tail}", encoding="utf-8")
