"""`tracker duplicates`: people and organisations entered twice, and merging them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tracker.cli import refs
from tracker.cli import serialize_partners as js
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import TABULAR, echo_csv, echo_json, echo_table, format_option
from tracker.cli.partner_text import cut, echo_footer, limit_option, offset_option
from tracker.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable

    from tracker.services.dto_partners import DuplicatePair, MergeReport, Page

DEFAULT_THRESHOLD = 90.0  # as the service's
threshold_option = click.option(
    "--threshold",
    type=click.FloatRange(50, 100),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="How alike two names must be (50-100) to be suggested.",
)
yes_option = click.option("--yes", is_flag=True, help="Do not ask for confirmation.")


def _side(name: str, record_id: int, detail: str) -> str:
    return f"#{record_id} {name}" + (f" ({detail})" if detail else "")


def echo_pairs(found: Page[DuplicatePair], fmt: str, noun: str, merge: str) -> None:
    if fmt == "json":
        echo_json(js.page(found, js.duplicate))
        return
    if fmt == "csv":
        echo_csv(
            ("score", "a_id", "a_name", "b_id", "b_name", "reasons"),
            [
                (f"{p.score:.0f}", p.a.id, p.a.name, p.b.id, p.b.name, "; ".join(p.reasons))
                for p in found.rows
            ],
        )
        return
    if found.rows:
        echo_table(
            (_("score"), _("one"), _("other"), _("why")),
            [
                (
                    f"{p.score:.0f}",
                    cut(_side(p.a.name, p.a.id, p.a.detail), 48),
                    cut(_side(p.b.name, p.b.id, p.b.detail), 48),
                    ", ".join(p.reasons),
                )
                for p in found.rows
            ],
            right=(0,),
        )
        click.echo(
            _("\n`tracker duplicates {merge} KEEP DROP` merges a pair into the one kept").format(
                merge=merge
            )
        )
    echo_footer(found, f"likely duplicate {noun}")


SINGULAR = {
    "interactions": "interaction",
    "consortia": "consortium",
    "tags": "tag",
    "people": "person",
}


def _counted(counts: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(
        f"{n} {SINGULAR.get(what, what) if n == 1 else what}" for what, n in counts if n
    )


def echo_merge(report: MergeReport, fmt: str) -> None:
    if fmt == "json":
        echo_json(js.merge(report))
        return
    moved = _counted(report.moved) or "nothing"
    click.echo(
        _("merged #{id} {name} into #{id2} {name2}: moved {moved}").format(
            id=report.dropped.id,
            name=report.dropped.name,
            id2=report.kept.id,
            name2=report.kept.name,
            moved=moved,
        )
    )
    shared = _counted(report.shared)
    if shared:
        click.echo(_("  both had {shared}: kept once").format(shared=shared))
    if report.filled:
        click.echo(
            _("  filled from the dropped record: {filled}").format(filled=", ".join(report.filled))
        )


@click.group()
def duplicates() -> None:
    """People and organisations entered twice, and merging them.

    A merge moves every contact-log entry, membership, tag and person of the dropped
    record to the one kept, fills the kept record's empty fields, then deletes the other.
    """


@duplicates.command("people")
@threshold_option
@limit_option()
@offset_option()
@format_option(TABULAR)
@pass_cli
def people_pairs(cli: CliContext, threshold: float, limit: int, offset: int, fmt: str) -> None:
    """People who look entered twice: same email, same or similar name.

    json prints one page as {"total", "offset", "limit", "rows": [...]}.
    """
    found = cli.services.duplicates.people_pairs(threshold=threshold, offset=offset, limit=limit)
    echo_pairs(found, fmt, "people", "merge-people")


@duplicates.command("orgs")
@threshold_option
@limit_option()
@offset_option()
@format_option(TABULAR)
@pass_cli
def org_pairs(cli: CliContext, threshold: float, limit: int, offset: int, fmt: str) -> None:
    """Organisations that look entered twice (legal suffixes, accents, case ignored).

    json prints one page as {"total", "offset", "limit", "rows": [...]}.
    """
    found = cli.services.duplicates.organisation_pairs(
        threshold=threshold, offset=offset, limit=limit
    )
    echo_pairs(found, fmt, "organisations", "merge-orgs")


def _merge(
    keep: tuple[int, str, int],
    drop: tuple[int, str, int],
    what: str,
    yes: bool,
    run: Callable[[int, int], MergeReport],
) -> MergeReport:
    if not yes:
        entries = f" and its {drop[2]} contact-log entries" if drop[2] else ""
        click.confirm(
            _(
                "Merge {what} #{value} {value2!r} into #{value3} {value4!r}? #{value} "
                "is deleted; its links{entries} move to #{value3}"
            ).format(
                what=what,
                value=drop[0],
                value2=drop[1],
                value3=keep[0],
                value4=keep[1],
                entries=entries,
            ),
            abort=True,
            err=True,
        )
    return run(keep[0], drop[0])


@duplicates.command("merge-people")
@click.argument("keep")
@click.argument("drop")
@yes_option
@format_option()
@pass_cli
def merge_people(cli: CliContext, keep: str, drop: str, yes: bool, fmt: str) -> None:
    """Merge person DROP into person KEEP (ids or names); DROP is deleted."""
    kept, dropped = refs.person(cli, keep), refs.person(cli, drop)
    report = _merge(
        (kept.id, kept.full_name, kept.interactions),
        (dropped.id, dropped.full_name, dropped.interactions),
        "person",
        yes,
        cli.services.duplicates.merge_people,
    )
    echo_merge(report, fmt)


@duplicates.command("merge-orgs")
@click.argument("keep")
@click.argument("drop")
@yes_option
@format_option()
@pass_cli
def merge_orgs(cli: CliContext, keep: str, drop: str, yes: bool, fmt: str) -> None:
    """Merge organisation DROP into organisation KEEP (ids or names); DROP is deleted."""
    kept, dropped = refs.organisation(cli, keep), refs.organisation(cli, drop)
    report = _merge(
        (kept.id, kept.name, kept.interactions),
        (dropped.id, dropped.name, dropped.interactions),
        "organisation",
        yes,
        cli.services.duplicates.merge_organisations,
    )
    echo_merge(report, fmt)
