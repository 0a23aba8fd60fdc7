"""Text shared by the partner commands: labels, short lines, page footers, timelines."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, time
from typing import TYPE_CHECKING, Any, TypeVar

import click

from tracker.cli.output import day
from tracker.i18n import _, current_language
from tracker.io.report.labels import VOCABULARY, word

if TYPE_CHECKING:
    from tracker.services.dto_partners import InteractionInfo, NamedRef, Page, Timeline

F = TypeVar("F", bound=Callable[..., Any])

PAGE_MAX = 500  # the most rows a service hands back at once


class Loose(click.Choice[str]):
    """A choice typed the way people write it: "in talks", "In-Talks" → in_talks."""

    def __init__(self, choices: Iterable[str]) -> None:
        super().__init__(list(choices), case_sensitive=False)

    def normalize_choice(self, choice: object, ctx: click.Context | None) -> str:
        return re.sub(r"[\s-]+", "_", super().normalize_choice(choice, ctx).strip())


def limit_option(default: int = 50) -> Callable[[F], F]:
    return click.option(
        "--limit",
        type=click.IntRange(1, PAGE_MAX),
        default=default,
        show_default=True,
        help=f"At most N rows (up to {PAGE_MAX}).",
    )


def offset_option() -> Callable[[F], F]:
    return click.option(
        "--offset", type=click.IntRange(min=0), default=0, help="Skip the first N rows."
    )


# The vocabularies the partner commands show, searched in order for a stored value.
_VOCABULARIES = ("org_kind", "stage", "consent", "interaction_kind", "member_role")


def label(value: str) -> str:
    """A stored choice as people read it: in_talks → in talks (in trattativa in Italian)."""
    if current_language() == "it":
        for vocabulary in _VOCABULARIES:
            if value in VOCABULARY[vocabulary]:
                return word(vocabulary, value, "it")
    return value.replace("_", " ")


def cut(text: str, width: int) -> str:
    """One line of at most ``width`` characters, an ellipsis where it was cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def names(items: Iterable[NamedRef]) -> str:
    return ", ".join(n.name for n in items)


def when(on: date | None, at: time | None = None) -> str:
    if on is None:
        return "no date"
    return day(on) + (f" {at:%H:%M}" if at is not None else "")


def days_text(days: int | None) -> str:
    if days is None:
        return "no due date"
    if days == 0:
        return "due today"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    return f"in {days} day{'s' if days != 1 else ''}"


def who(entry: InteractionInfo) -> str:
    """Who took part, by name: the people, then the organisations."""
    return ", ".join([p.name for p in entry.people] + [o.name for o in entry.organisations])


def follow_up_text(entry: InteractionInfo) -> str:
    if not entry.follow_up:
        return ""
    due = f", due {day(entry.follow_up_due)}" if entry.follow_up_due else ""
    state = "done" if entry.follow_up_done_at is not None else "open"
    return f"{entry.follow_up} ({state}{due})"


def fit(natural: list[int], least: list[int], total: int, gap: int = 2) -> list[int]:
    """Column widths within ``total`` characters: the widest give way first, none below
    its ``least``."""
    widths = list(natural)
    while sum(widths) + gap * (len(widths) - 1) > total:
        shrinkable = [i for i, w in enumerate(widths) if w > least[i]]
        if not shrinkable:
            break
        widths[max(shrinkable, key=lambda i: widths[i])] -= 1
    return widths


def echo_footer(found: Page[Any], noun: str) -> None:
    """After a table: which rows were shown, when there are more than one page."""
    shown_to = found.offset + len(found.rows)
    if not found.rows:
        if found.total:
            click.echo(
                _("only {total} {noun} match, none after --offset {offset}").format(
                    total=found.total, noun=noun, offset=found.offset
                )
            )
        else:
            click.echo(_("no {noun} match").format(noun=noun))
        return
    if found.offset or shown_to < found.total:
        click.echo(
            _("\n{value}–{shown_to} of {total} (use --offset/--limit for more)").format(
                value=found.offset + 1, shown_to=shown_to, total=found.total
            )
        )


def echo_field(name: str, value: object, width: int = 10) -> None:
    """``  name:     value`` for a detail view; empty values are left out."""
    if value not in (None, "", ()):
        text = str(value)
        lines = text.splitlines() or [""]
        pad = " " * (width + 3)
        click.echo(f"  {_(name) + ':':<{width + 1}}{lines[0]}")
        for line in lines[1:]:
            click.echo(f"{pad}{line}" if line else "")


TIMELINE_KINDS = {"interaction": "contact"}
TIMELINE_REFS = {"interaction": "log", "event": "event", "membership": "consortium"}


def echo_timeline(found: Timeline) -> None:
    subject = found.subject
    click.echo(
        _("Timeline of {name} ({subject_kind} #{id})").format(
            name=subject.name, subject_kind=found.subject_kind, id=subject.id
        )
    )
    if not found.items:
        click.echo(_("  nothing yet: `tracker log add` records a meeting, call or email"))
        return
    for item in found.items:
        kind = TIMELINE_KINDS.get(item.kind, item.kind)
        number = (
            f"  ({TIMELINE_REFS[item.kind]} #{item.ref_id})" if item.kind in TIMELINE_REFS else ""
        )
        click.echo(f"  {when(item.on, item.at):<17} {kind:<10} {item.title}{number}")
        extra = " · ".join(p for p in (item.detail, item.via) if p)
        if extra:
            click.echo(f"  {'':<17} {'':<10} {extra}")
    if found.truncated:
        click.echo(_("  (older contact-log entries left out)"))
