"""Writing organisations: add, edit, delete, move on the board, tag."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from tracker.cli import refs
from tracker.cli import serialize_partners as js
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.orgs import KINDS, STAGES, org_argument
from tracker.cli.output import echo_json, format_option, warn
from tracker.cli.partner_text import Loose, label
from tracker.domain.errors import RuleViolation
from tracker.i18n import _

if TYPE_CHECKING:
    from tracker.services.dto_partners import OrganisationDetail

F = TypeVar("F", bound=Callable[..., Any])


def org_options(*, editing: bool) -> Callable[[F], F]:
    """The organisation form as options; when editing, only the options given change."""
    keep = " (empty to clear)" if editing else ""
    options = [
        click.option("--kind", type=Loose(KINDS), help="What it is."),
        click.option("--country", help=f"Country code, e.g. BE{keep}."),
        click.option("--city", help=f"City or region{keep}."),
        click.option("--website", help=f"Web site (https://...){keep}."),
        click.option("--eccp-url", help=f"Its profile on the ECCP cluster platform{keep}."),
        click.option("--notes", help=f"Free notes{keep}."),
        click.option(
            "--stage",
            type=Loose(STAGES),
            help="Where the relationship stands (default: prospect).",
        ),
        click.option(
            "--tag",
            "tags",
            multiple=True,
            help=(
                "A sector or theme (repeatable); replaces every tag, `orgs tag` adds one"
                if editing
                else "A sector or theme, e.g. medtech (repeatable)."
            ),
        ),
    ]

    def decorate(f: F) -> F:
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


def summary(org: OrganisationDetail) -> str:
    where = ", ".join(p for p in (org.city, org.country_code or "") if p)
    tags = f" [{', '.join(org.tags)}]" if org.tags else ""
    return (
        f"#{org.id} {org.name}"
        + (f" ({where})" if where else "")
        + f", {label(org.kind)}, {label(org.stage)}{tags}"
    )


def done(org: OrganisationDetail, fmt: str, message: str) -> None:
    if fmt == "json":
        echo_json(js.org_detail(org))
    else:
        click.echo(message)


def _fields(given: dict[str, Any]) -> dict[str, Any]:
    fields = {k: v for k, v in given.items() if v is not None and k != "tags"}
    if given.get("tags"):
        fields["tags"] = list(given["tags"])
    return fields


@click.command()
@click.argument("name")
@org_options(editing=False)
@format_option()
@pass_cli
def add(cli: CliContext, /, name: str, fmt: str, **given: Any) -> None:
    """Add an organisation.

    \b
    e.g. tracker orgs add "BioWin" --kind cluster --country BE --tag medtech
    """
    service = cli.services.organisations
    org = service.create({"name": name, **_fields(given)})
    done(org, fmt, f"added {summary(org)}")
    alike = service.similar(org.name, 3, exclude=[org.id])
    if alike:
        listed = "; ".join(
            f"#{a.id} {a.name}" + (f" ({a.detail})" if a.detail else "") for a in alike
        )
        warn(
            _(
                "it looks like {listed}: `tracker duplicates merge-orgs KEEP DROP` if "
                "it is the same"
            ).format(listed=listed)
        )


@click.command()
@org_argument
@click.option("--name", help="New name.")
@org_options(editing=True)
@format_option()
@pass_cli
def edit(cli: CliContext, /, org: str, fmt: str, **given: Any) -> None:
    """Change an organisation: only the options given change."""
    changes = _fields(given)
    if not changes:
        raise click.UsageError(_("nothing to change: give at least one option, e.g. --city"))
    current = refs.organisation(cli, org)
    updated = cli.services.organisations.update(
        current.id, changes, expected_version=current.version
    )
    done(updated, fmt, f"updated {summary(updated)}")


@click.command()
@org_argument
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@format_option()
@pass_cli
def delete(cli: CliContext, org: str, yes: bool, fmt: str) -> None:
    """Delete an organisation with its tags, contact-log links and memberships.

    Its people stay, without an organisation; contact-log entries stay too.
    """
    found = refs.organisation(cli, org)
    if not yes:
        people, entries, consortia = (
            len(found.people),
            found.interactions,
            len(found.memberships),
        )
        linked = [
            f"{people} {'person loses' if people == 1 else 'people lose'} their organisation"
            if people
            else "",
            f"{entries} contact-log {'entry loses' if entries == 1 else 'entries lose'} the link"
            if entries
            else "",
            f"it leaves {consortia} {'consortium' if consortia == 1 else 'consortia'}"
            if consortia
            else "",
        ]
        what = "; ".join(x for x in linked if x)
        question = f"Delete #{found.id} {found.name!r}" + (f" ({what})" if what else "") + "?"
        click.confirm(question, abort=True, err=True)
    name = cli.services.organisations.delete(found.id)
    if fmt == "json":
        echo_json({"deleted": found.id, "name": name})
    else:
        click.echo(_("deleted organisation #{id} {name}").format(id=found.id, name=name))


@click.command()
@org_argument
@click.argument("stage", type=Loose(STAGES))
@format_option()
@pass_cli
def move(cli: CliContext, org: str, stage: str, fmt: str) -> None:
    """Move an organisation to another stage of the board."""
    found = refs.organisation(cli, org)
    change = cli.services.organisations.move(found.id, stage.lower())
    if fmt == "json":
        echo_json(js.stage_change(change))
    elif change.previous == change.stage:
        click.echo(
            _("#{organisation_id} {name} is already {label}").format(
                organisation_id=change.organisation_id, name=change.name, label=label(change.stage)
            )
        )
    else:
        click.echo(
            f"#{change.organisation_id} {change.name}: "
            f"{label(change.previous)} → {label(change.stage)}"
        )


def _tag(text: str) -> str:
    return " ".join(text.lower().split())  # as the service stores it


@click.command()
@org_argument
@click.option("--add", "added", multiple=True, help="Tag to add (repeatable).")
@click.option("--remove", "removed", multiple=True, help="Tag to remove (repeatable).")
@format_option()
@pass_cli
def tag(
    cli: CliContext, org: str, added: tuple[str, ...], removed: tuple[str, ...], fmt: str
) -> None:
    """Add or remove tags; with neither option, show them."""
    found = refs.organisation(cli, org)
    service = cli.services.organisations
    both = {_tag(t) for t in added} & {_tag(t) for t in removed}
    if both:
        raise RuleViolation(
            _("asked to add and remove {join}: pick one").format(join=", ".join(sorted(both)))
        )
    missing = {_tag(t) for t in removed} - set(found.tags)
    if missing:  # checked before anything is written
        raise RuleViolation(
            _("{name!r} has no tag {join}").format(name=found.name, join=", ".join(sorted(missing)))
        )
    result = found
    if added:
        result = service.add_tags(found.id, added)
    if removed:
        result = service.remove_tags(found.id, removed)
    tags = ", ".join(result.tags) or "no tags"
    done(result, fmt, f"#{result.id} {result.name}: {tags}")


COMMANDS = (add, edit, delete, move, tag)
