"""Renderers shared by every command: aligned text tables, JSON and CSV, on stdout.

Warnings and notes go to stderr, so ``--format json`` output can always be piped.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import click

from tracker.cli import json_text
from tracker.domain.money import format_plain
from tracker.i18n import _, current_language
from tracker.i18n_format import money, short_date

F = TypeVar("F", bound=Callable[..., Any])

TABULAR = ("table", "json", "csv")
SINGLE = ("text", "json")
EMPTY_CELL = "—"


def format_option(choices: Sequence[str] = SINGLE) -> Callable[[F], F]:
    """``--format``: every command has one; json for a mutation prints the result."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices, case_sensitive=False),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def lang_option() -> Callable[[F], F]:
    return click.option(
        "--lang",
        type=click.Choice(("it", "en"), case_sensitive=False),
        default=current_language,
        show_default="the chosen language, see tracker --lang",
        help="Language of names and texts.",
    )


def eur(amount: Decimal, *, blank_zero: bool = False) -> str:
    """An amount in the user's language: 5.000,00 € (it) or €5,000.00 (en)."""
    if blank_zero and amount == 0:
        return EMPTY_CELL
    return money(amount)


def plain(amount: Decimal) -> str:
    """An amount for machines: 5000.00."""
    return format_plain(amount)


def day(value: date | None) -> str:
    return "" if value is None else short_date(value)


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def warn(message: str) -> None:
    click.echo(_("warning: {message}").format(message=message), err=True)


def note(message: str) -> None:
    click.echo(_("note: {message}").format(message=message), err=True)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    right: Iterable[int] = (),
    rule_before_last: bool = False,
) -> str:
    """Rows aligned under their headers; columns listed in ``right`` (money) align right."""
    body = [list(row) for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    right_cols = set(right)

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(widths[i]) if i in right_cols else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [line(headers), rule]
    for i, row in enumerate(body):
        if rule_before_last and i == len(body) - 1 and i > 0:
            out.append(rule)
        out.append(line(row))
    return "\n".join(out)


def echo_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    right: Iterable[int] = (),
    rule_before_last: bool = False,
) -> None:
    click.echo(table(headers, rows, right=right, rule_before_last=rule_before_last))


def dumps(data: Any) -> str:
    return json_text.dumps(data)


def echo_json(data: Any) -> None:
    click.echo(dumps(data))


STREAM_EVERY = 200  # items per write


def _indented(text: str) -> str:
    # Only at \n: json escapes it inside strings, while U+2028, U+2029 and U+0085 stay
    # as they are there (splitting at those, as str.splitlines does, broke the string).
    return "  " + text.replace("\n", "\n  ")


def stream_json_list(items: Iterable[Any]) -> None:
    """A JSON list written a few items at a time, so a long listing never sits in memory."""
    first = True
    pending: list[str] = []
    for item in items:
        pending.append(("[\n" if first else ",\n") + _indented(dumps(item)))
        first = False
        if len(pending) == STREAM_EVERY:
            click.echo("".join(pending), nl=False)
            pending.clear()
    click.echo("".join(pending) + ("[]" if first else "\n]"))


class _EchoWriter:
    def write(self, text: str) -> int:
        click.echo(text, nl=False)
        return len(text)


def csv_writer() -> Any:
    """A csv.writer on stdout (via click, so tests and pipes see it)."""
    return csv.writer(_EchoWriter(), lineterminator="\n")


def echo_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    writer = csv_writer()
    writer.writerow(header)
    writer.writerows(rows)


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"
