"""Organisations: the paged list, one organisation in full, the stage board, the timeline."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import click

from tracker.cli import refs
from tracker.cli import serialize_partners as js
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import SINGLE, TABULAR, day, echo_csv, echo_json, echo_table, format_option
from tracker.cli.partner_text import (
    Loose,
    cut,
    echo_field,
    echo_footer,
    echo_timeline,
    fit,
    follow_up_text,
    label,
    limit_option,
    offset_option,
    who,
)
from tracker.domain.enums import OrgKind, Stage
from tracker.i18n import N_, _
from tracker.services.dto_partners import ORGANISATION_SORTS, InteractionQuery, OrganisationQuery

if TYPE_CHECKING:
    from tracker.services.dto_partners import (
        BoardColumn,
        InteractionInfo,
        OrganisationDetail,
        PersonRow,
    )

KINDS = [k.value for k in OrgKind]
STAGES = [s.value for s in Stage]
RECENT = 5  # contact-log entries in `orgs show`
CSV_FIELDS = ("id", "name", "kind", "stage", "country", "city", "people", "tags")
BOARD_FORMATS = ("table", "json")

org_argument = click.argument("org", metavar="ORG")


@click.group()
def orgs() -> None:
    """Clusters, companies, agencies... we may ally with.

    ORG is an id (12 or #12) or an unambiguous part of the name.
    """


@orgs.command("list")
@click.option("--search", default="", help="Start of the name or of a word in it.")
@click.option("--country", help="Only this country, e.g. BE.")
@click.option("--kind", type=Loose(KINDS), help="Only this kind.")
@click.option("--stage", type=Loose(STAGES), help="Only this stage.")
@click.option("--tag", help="Only organisations with this tag.")
@click.option(
    "--sort",
    type=click.Choice(ORGANISATION_SORTS),
    default="name",
    show_default=True,
    help="Order by.",
)
@click.option("--desc", is_flag=True, help="Reverse the order.")
@limit_option()
@offset_option()
@format_option(TABULAR)
@pass_cli
def list_orgs(
    cli: CliContext,
    search: str,
    country: str | None,
    kind: str | None,
    stage: str | None,
    tag: str | None,
    sort: str,
    desc: bool,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """List organisations, filtered and sorted, one page at a time.

    Text shows an aligned table; json prints one page as
    {"total": N, "offset": O, "limit": L, "rows": [...]}; csv the same rows.
    """
    query = OrganisationQuery(
        text=search,
        country=country,
        kind=kind and kind.lower(),
        stage=stage and stage.lower(),
        tag=tag,
        sort=sort,
        descending=desc,
        offset=offset,
        limit=limit,
    )
    found = cli.services.organisations.list(query)
    if fmt == "json":
        echo_json(js.page(found, js.org_row))
        return
    if fmt == "csv":
        echo_csv(
            CSV_FIELDS,
            [
                (
                    r.id,
                    r.name,
                    r.kind,
                    r.stage,
                    r.country_code or "",
                    r.city,
                    r.people,
                    ", ".join(r.tags),
                )
                for r in found.rows
            ],
        )
        return
    if found.rows:
        echo_table(
            (
                _("id"),
                _("organisation"),
                _("kind"),
                _("stage"),
                _("country"),
                _("city"),
                _("people"),
                _("tags"),
            ),
            [
                (
                    str(r.id),
                    cut(r.name, 40),
                    label(r.kind),
                    label(r.stage),
                    r.country_code or "",
                    cut(r.city, 24),
                    str(r.people),
                    cut(", ".join(r.tags), 30),
                )
                for r in found.rows
            ],
            right=(0, 6),
        )
    echo_footer(found, "organisations")


def echo_org(
    org: OrganisationDetail, people: tuple[PersonRow, ...], recent: tuple[InteractionInfo, ...]
) -> None:
    where = ", ".join(p for p in (org.city, org.country_name or org.country_code or "") if p)
    click.echo(f"#{org.id} {org.name}")
    echo_field(N_("kind"), label(org.kind))
    echo_field(N_("stage"), label(org.stage))
    echo_field(N_("where"), where + (f" ({org.country_code})" if org.country_name else ""))
    echo_field(N_("website"), org.website)
    echo_field(N_("ECCP"), org.eccp_url)
    echo_field(N_("tags"), ", ".join(org.tags))
    echo_field(N_("notes"), org.notes)
    contacts = "none yet"
    if org.interactions:
        contacts = f"{org.interactions} in the log, the latest on {day(org.last_contact)}"
    echo_field(N_("contacts"), contacts)

    click.echo(_("\nPeople ({count}):").format(count=len(org.people)))
    heads = [f"#{p.id} {p.full_name}" for p in people]
    width = max(map(len, heads), default=0)
    for head, p in zip(heads, people, strict=True):
        extra = " · ".join(x for x in (p.role, p.email, p.phone) if x)
        click.echo(f"  {head:<{width}}  {extra}".rstrip())
    if not org.people:
        click.echo(_('  none yet: tracker people add NAME --org "{name}"').format(name=org.name))

    shown = (
        f"the latest {len(recent)} of {org.interactions}" if org.interactions > len(recent) else ""
    )
    click.echo(_("\nRecent contacts{value}:").format(value=f" ({shown})" if shown else ""))
    for entry in recent:
        head = f"  #{entry.id} {day(entry.occurred_on)} {label(entry.kind)}: {who(entry)}"
        click.echo(head + (f" — {cut(entry.summary, 60)}" if entry.summary else ""))
        if entry.follow_up:
            click.echo(
                _("      follow-up: {follow_up_text}").format(follow_up_text=follow_up_text(entry))
            )
    if not recent:
        click.echo(
            _('  none yet: tracker log add --org "{name}" --summary ...').format(name=org.name)
        )

    click.echo(_("\nConsortia:"))
    for m in org.memberships:
        click.echo(
            f"  #{m.consortium_id} {m.consortium_name} ({m.call_name}): {m.role}, {m.status}"
        )
    if not org.memberships:
        click.echo(_("  none"))


@orgs.command()
@org_argument
@format_option()
@pass_cli
def show(cli: CliContext, org: str, fmt: str) -> None:
    """One organisation: details, people, recent contacts and consortia.

    ORG is an id (12 or #12) or an unambiguous part of the name.
    """
    from tracker.services.dto_partners import PersonQuery

    found = refs.organisation(cli, org)
    people = cli.services.people.list(PersonQuery(organisation_id=found.id, limit=500)).rows
    log = cli.services.contact_log.list(InteractionQuery(organisation_id=found.id, limit=RECENT))
    if fmt == "json":
        data = js.org_detail(found)
        data["people"] = [
            {"id": p.id, "name": p.full_name, "role": p.role, "email": p.email, "phone": p.phone}
            for p in people
        ]
        data["recent_interactions"] = [js.interaction(i) for i in log.rows]
        echo_json(data)
    else:
        echo_org(found, people, log.rows)


def _column_lines(column: BoardColumn) -> list[str]:
    lines = [r.name + (f" ({r.country_code})" if r.country_code else "") for r in column.rows]
    if column.has_more:
        lines.append(f"+{column.total - len(column.rows)} more")
    return lines


@orgs.command()
@click.option("--country", help="Only this country, e.g. BE.")
@click.option("--kind", type=Loose(KINDS), help="Only this kind.")
@click.option("--tag", help="Only organisations with this tag.")
@click.option(
    "--limit", type=click.IntRange(1, 500), default=10, show_default=True, help="Names per stage."
)
@format_option(BOARD_FORMATS)
@pass_cli
def board(
    cli: CliContext, country: str | None, kind: str | None, tag: str | None, limit: int, fmt: str
) -> None:
    """The stage board: a column per stage, with how many are in each.

    json: {"total": N, "columns": [{"stage", "total", "rows": [...]}, ...]}.
    """
    found = cli.services.organisations.board(
        limit, country=country, kind=kind and kind.lower(), tag=tag
    )
    if fmt == "json":
        echo_json(js.board(found))
        return
    columns = [_column_lines(c) for c in found.columns]
    headers = [f"{label(c.stage)} ({c.total})" for c in found.columns]
    natural = [
        max([len(h), *(len(line) for line in lines)])
        for h, lines in zip(headers, columns, strict=True)
    ]
    least = [max(10, len(h)) for h in headers]
    widths = fit(natural, least, shutil.get_terminal_size((100, 24)).columns)
    columns = [[cut(line, w) for line in lines] for lines, w in zip(columns, widths, strict=True)]

    def row(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    click.echo(row(headers))
    click.echo(row(["-" * w for w in widths]))
    for i in range(max((len(lines) for lines in columns), default=0)):
        click.echo(row([lines[i] if i < len(lines) else "" for lines in columns]))
    if not any(c.total for c in found.columns):
        click.echo(_('no organisations yet: tracker orgs add "BioWin" --kind cluster --country BE'))


@orgs.command()
@org_argument
@format_option(SINGLE)
@pass_cli
def timeline(cli: CliContext, org: str, fmt: str) -> None:
    """Everything about an organisation in date order.

    Its contact-log entries and those of its people, the events where they happened,
    and its consortia with their calls' deadlines.
    """
    found = refs.organisation(cli, org)
    result = cli.services.contact_log.timeline_of_org(found.id)
    if fmt == "json":
        echo_json(js.timeline(result))
    else:
        echo_timeline(result)
