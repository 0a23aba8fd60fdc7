"""A scenario's figures, its floor and target, and the verdict; the table they print as."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Result:
    """One row of the table. Figures are in ``unit`` (ms, MB, rows/s, ratio)."""

    area: str
    name: str
    samples: list[float] = field(default_factory=list)
    floor: float | None = None
    floor_is: str = ""
    target: str = ""  # e.g. "≤ 50 ms", "≤ 1.3× floor"; empty: reported only
    limit: float | None = None  # the target as a number in `unit` (or as a ratio)
    on: str = "median"  # what the target applies to: median, worst, ratio
    limit_worst: float | None = None  # a second target on the worst case, if any
    cpu: float | None = None  # median CPU ms of the process over the same spans
    unit: str = "ms"
    higher_is_better: bool = False
    note: str = ""
    status: str = ""  # "not built yet", "error: ...": no figures

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def worst(self) -> float | None:
        if not self.samples:
            return None
        return min(self.samples) if self.higher_is_better else max(self.samples)

    @property
    def ratio(self) -> float | None:
        median = self.median
        if median is None or not self.floor:
            return None
        return median / self.floor

    def measured(self) -> float | None:
        return {"median": self.median, "worst": self.worst, "ratio": self.ratio}[self.on]

    @property
    def verdict(self) -> str:
        if self.status:
            return self.status
        value = self.measured()
        if self.limit is None or value is None:
            return "reported"
        if self.higher_is_better:
            if value >= self.limit:
                return "met"
            return f"MISSED ({value / self.limit:.2f}× of target)"
        misses = [value / self.limit] if value > self.limit else []
        worst = self.worst
        if self.limit_worst is not None and worst is not None and worst > self.limit_worst:
            misses.append(worst / self.limit_worst)
        return f"MISSED by {max(misses):.1f}×" if misses else "met"


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
    if unit == "MB":
        return f"{value:,.1f} MB"
    if unit == "rows/s":
        return f"{value:,.0f}/s"
    if unit == "s":
        return f"{value:,.2f} s"
    return f"{value:,.2f}{unit}"


HEADINGS = ("scenario", "median", "worst", "floor", "ratio", "target", "verdict", "cpu")


def rows(results: Sequence[Result]) -> list[list[str]]:
    table = []
    for r in results:
        ratio = r.ratio
        table.append(
            [
                f"{r.area}: {r.name}",
                fmt(r.median, r.unit),
                fmt(r.worst, r.unit),
                fmt(r.floor, r.unit) if r.floor is not None else "—",
                f"{ratio:.2f}×" if ratio is not None else "—",
                r.target or "—",
                r.verdict,
                fmt(r.cpu, "ms") if r.cpu is not None else "",
            ]
        )
    return table


def text_table(results: Sequence[Result]) -> str:
    body = rows(results)
    widths = [max(len(h), *(len(row[i]) for row in body)) for i, h in enumerate(HEADINGS)]
    line = "  ".join(h.ljust(w) for h, w in zip(HEADINGS, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    for row in body:
        cells = [
            c.rjust(w) if 0 < i < 5 or i == 7 else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  ".join(cells))
    return "\n".join(out)


def markdown_table(results: Sequence[Result]) -> str:
    out = ["| " + " | ".join(HEADINGS) + " |", "|" + "---|" * len(HEADINGS)]
    for row in rows(results):
        out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(out)


def floors_legend(results: Sequence[Result]) -> list[str]:
    return [f"{r.area}: {r.name} — floor: {r.floor_is}" for r in results if r.floor_is]
