"""`tracker consortia`: the partnerships formed to answer a call, and who is in them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from tracker.cli import refs
from tracker.cli import serialize_partners as js
from tracker.cli.calls import next_deadline
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import TABULAR, day, echo_csv, echo_json, echo_table, format_option
from tracker.cli.partner_text import cut, echo_field, echo_footer, limit_option, offset_option
from tracker.domain.enums import ConsortiumStatus, MemberRole
from tracker.i18n import N_, _
from tracker.io.report.labels import term

if TYPE_CHECKING:
    from tracker.services.dto_funding import ConsortiumInfo

STATUSES = [s.value for s in ConsortiumStatus]
ROLES = [r.value for r in MemberRole]
CSV_FIELDS = ("id", "name", "call_id", "call", "status", "coordinator", "members")
consortium_argument = click.argument("consortium", metavar="CONSORTIUM")


def members_line(info: ConsortiumInfo) -> str:
    listed = ", ".join(
        f"{m.organisation_name} ({m.role})" if m.role != "partner" else m.organisation_name
        for m in info.members
    )
    return listed or "no members yet"


def echo_consortium(info: ConsortiumInfo) -> None:
    click.echo(f"#{info.id} {info.name}")
    echo_field(N_("call"), f"#{info.call.id} {info.call.name}")
    echo_field(N_("status"), info.status)
    deadlines = ", ".join(
        day(d.due_on) + (f" ({d.label})" if d.label else "") for d in info.deadlines
    )
    echo_field(N_("deadlines"), deadlines or "none yet")
    echo_field(N_("notes"), info.notes)
    click.echo("  members:" + ("" if info.members else " none yet"))
    for m in info.members:
        country = f" ({m.country_code})" if m.country_code else ""
        click.echo(f"    #{m.organisation_id} {m.organisation_name}{country}: {m.role}")


def done(info: ConsortiumInfo, fmt: str, message: str) -> None:
    if fmt == "json":
        echo_json(js.consortium(info))
    else:
        click.echo(message)


@click.group()
def consortia() -> None:
    """Consortia answering funding calls, and their members.

    CONSORTIUM is an id (12 or #12) or an unambiguous part of the name.
    """


@consortia.command("list")
@click.option("--call", help="Only those answering this call (id or name).")
@click.option("--status", type=click.Choice(STATUSES, case_sensitive=False))
@click.option("--org", help="Only those this organisation is in (id or name).")
@limit_option()
@offset_option()
@format_option(TABULAR)
@pass_cli
def list_consortia(
    cli: CliContext,
    call: str | None,
    status: str | None,
    org: str | None,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """List consortia by name.

    Text shows an aligned table; json prints one page as
    {"total": N, "offset": O, "limit": L, "rows": [...]}; csv the same rows.
    """
    found = cli.services.funding.consortia(
        call_id=refs.call(cli, call).id if call else None,
        status=status,
        organisation_id=refs.organisation(cli, org).id if org else None,
        offset=offset,
        limit=limit,
    )
    if fmt == "json":
        echo_json(js.page(found, js.consortium))
        return
    if fmt == "csv":
        echo_csv(
            CSV_FIELDS,
            [
                (
                    c.id,
                    c.name,
                    c.call.id,
                    c.call.name,
                    c.status,
                    c.coordinator.organisation_name if c.coordinator else "",
                    len(c.members),
                )
                for c in found.rows
            ],
        )
        return
    today = date.today()
    if found.rows:
        echo_table(
            (
                _("id"),
                _("consortium"),
                _("call"),
                _("status"),
                _("coordinator"),
                _("members"),
                _("next deadline"),
            ),
            [
                (
                    str(c.id),
                    cut(c.name, 36),
                    cut(c.call.name, 30),
                    term("consortium_status", c.status),
                    cut(c.coordinator.organisation_name, 30) if c.coordinator else "—",
                    str(len(c.members)),
                    next_deadline(c.deadlines, today),
                )
                for c in found.rows
            ],
            right=(0, 5),
        )
    echo_footer(found, "consortia")


@consortia.command()
@click.option("--call", required=True, help="The call it answers (id or name), e.g. COSME.")
@click.option("--name", required=True, help="A name for the consortium.")
@click.option("--notes", default="", help="Free notes.")
@click.option("--status", type=click.Choice(STATUSES, case_sensitive=False), default="exploring")
@format_option()
@pass_cli
def add(cli: CliContext, call: str, name: str, notes: str, status: str, fmt: str) -> None:
    """Start a consortium to answer a call.

    \b
    e.g. tracker consortia add --call COSME --name "ISB–BioWin Go International"
    """
    found = refs.call(cli, call)
    info = cli.services.funding.add_consortium(found.id, name, notes=notes, status=status)
    done(info, fmt, f"added consortium #{info.id} {info.name} for {info.call.name} ({info.status})")


@consortia.command()
@consortium_argument
@format_option()
@pass_cli
def show(cli: CliContext, consortium: str, fmt: str) -> None:
    """One consortium: its call, status, deadlines and members."""
    info = refs.consortium(cli, consortium)
    if fmt == "json":
        echo_json(js.consortium(info))
    else:
        echo_consortium(info)


@consortia.command("member-add")
@consortium_argument
@click.option("--org", required=True, help="The organisation joining (id or name).")
@click.option(
    "--role", type=click.Choice(ROLES, case_sensitive=False), default="partner", show_default=True
)
@format_option()
@pass_cli
def member_add(cli: CliContext, consortium: str, org: str, role: str, fmt: str) -> None:
    """Add an organisation to a consortium (one coordinator at most)."""
    info = refs.consortium(cli, consortium)
    member = refs.organisation(cli, org)
    updated = cli.services.funding.member_add(info.id, member.id, role.lower())
    done(updated, fmt, f"#{updated.id} {updated.name}: {members_line(updated)}")


@consortia.command("member-remove")
@consortium_argument
@click.option("--org", required=True, help="The organisation leaving (id or name).")
@format_option()
@pass_cli
def member_remove(cli: CliContext, consortium: str, org: str, fmt: str) -> None:
    """Take an organisation out of a consortium."""
    info = refs.consortium(cli, consortium)
    member = refs.organisation(cli, org)
    updated = cli.services.funding.member_remove(info.id, member.id)
    done(updated, fmt, f"#{updated.id} {updated.name}: {members_line(updated)}")


@consortia.command("status")
@consortium_argument
@click.argument("status", type=click.Choice(STATUSES, case_sensitive=False))
@format_option()
@pass_cli
def set_status(cli: CliContext, consortium: str, status: str, fmt: str) -> None:
    """Move a consortium on: exploring → forming → submitted → funded | rejected.

    withdrawn at any point; funded or rejected only after submitted.
    """
    info = refs.consortium(cli, consortium)
    updated = cli.services.funding.set_status(info.id, status.lower())
    done(updated, fmt, f"#{updated.id} {updated.name}: {info.status} → {updated.status}")
