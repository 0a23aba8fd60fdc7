"""People: the paged list, the person form (add, edit), delete, one person in full, timeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from tracker.cli import refs
from tracker.cli import serialize_partners as js
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import (
    SINGLE,
    TABULAR,
    day,
    echo_csv,
    echo_json,
    echo_table,
    format_option,
    warn,
)
from tracker.cli.partner_text import (
    cut,
    echo_field,
    echo_footer,
    echo_timeline,
    follow_up_text,
    label,
    limit_option,
    offset_option,
    who,
)
from tracker.domain.enums import ConsentStatus
from tracker.i18n import N_, _
from tracker.services.dto_partners import PERSON_SORTS, InteractionQuery, PersonQuery

if TYPE_CHECKING:
    from tracker.services.dto_partners import InteractionInfo, PersonDetail

F = TypeVar("F", bound=Callable[..., Any])

CONSENTS = [c.value for c in ConsentStatus]
RECENT = 5
CSV_FIELDS = (
    "id",
    "name",
    "organisation_id",
    "organisation",
    "role",
    "email",
    "phone",
    "staff",
    "consent",
)
person_argument = click.argument("person", metavar="PERSON")
yes_option = click.option("--yes", is_flag=True, help="Do not ask for confirmation.")


def person_options(*, editing: bool) -> Callable[[F], F]:
    """The person form as options; when editing, only the options given change."""
    keep = " (empty to clear)" if editing else ""
    options = [
        click.option("--org", help=f"Their organisation: id or name{keep}."),
        click.option("--role", help=f"Job title or role{keep}."),
        click.option("--email", help=f"Email address{keep}."),
        click.option(
            "--phone",
            help=f"Phone; without +country it is read in the organisation's country{keep}.",
        ),
        click.option("--languages", help=f"Languages spoken, e.g. 'it, en'{keep}."),
        click.option("--notes", help=f"Free notes{keep}."),
        click.option(
            "--staff/--no-staff",
            default=None if editing else False,
            help="One of our own cluster's team.",
        ),
        click.option(
            "--consent",
            type=click.Choice(CONSENTS, case_sensitive=False),
            help="Consent to keep their personal data.",
        ),
        click.option(
            "--consent-source", help="Where consent was given, e.g. 'business card, MedTech 2018'."
        ),
        click.option("--consent-date", help="When consent was given: 25/10/2018, 2018-10-25..."),
    ]

    def decorate(f: F) -> F:
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


def _fields(cli: CliContext, given: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """The service's field names; the organisation resolved first, with candidates if not.

    ``base`` holds the other fields as they will be (the name when adding, the current
    record when editing), so a bad organisation is reported with every other mistake.
    """
    fields = {k: v for k, v in given.items() if v is not None and k != "org"}
    org = given.get("org")
    if org is None:
        return fields
    if not org.strip():
        return {**fields, "organisation": ""}
    errors: dict[str, str] = {}
    found = refs.every("organisation", [org], lambda t: refs.organisation(cli, t), errors)
    if found:
        return {**fields, "organisation": found[0].id}
    from tracker.domain.contact_rules import validate_person
    from tracker.domain.errors import ValidationError

    try:  # report the other fields' mistakes too, not one at a time
        validate_person({**base, **fields, "organisation": ""})
    except ValidationError as exc:
        errors.update(exc.errors)
    refs.check(errors)
    return fields  # not reached


def summary(person: PersonDetail) -> str:
    org = f", {person.organisation.name}" if person.organisation else ""
    contact = " · ".join(x for x in (person.role, person.email, person.phone) if x)
    return f"#{person.id} {person.full_name}{org}" + (f" ({contact})" if contact else "")


def done(person: PersonDetail, fmt: str, message: str) -> None:
    if fmt == "json":
        echo_json(js.person_detail(person))
    else:
        click.echo(message)


@click.group()
def people() -> None:
    """People we deal with, and the consent we hold for their data.

    PERSON is an id (12 or #12) or an unambiguous part of the name.
    """


@people.command("list")
@click.option("--search", default="", help="Start of the name, of a word in it, or of the email.")
@click.option("--org", help="Only people of this organisation (id or name).")
@click.option("--staff/--no-staff", default=None, help="Only our own team, or only the others.")
@click.option("--consent", type=click.Choice(CONSENTS, case_sensitive=False))
@click.option(
    "--sort", type=click.Choice(PERSON_SORTS), default="name", show_default=True, help="Order by."
)
@click.option("--desc", is_flag=True, help="Reverse the order.")
@limit_option()
@offset_option()
@format_option(TABULAR)
@pass_cli
def list_people(
    cli: CliContext,
    search: str,
    org: str | None,
    staff: bool | None,
    consent: str | None,
    sort: str,
    desc: bool,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """List people, filtered and sorted, one page at a time.

    Text shows an aligned table; json prints one page as
    {"total": N, "offset": O, "limit": L, "rows": [...]}; csv the same rows.
    """
    org_id = refs.organisation(cli, org).id if org else None
    query = PersonQuery(
        text=search,
        organisation_id=org_id,
        staff=staff,
        consent=consent and consent.lower(),
        sort=sort,
        descending=desc,
        offset=offset,
        limit=limit,
    )
    found = cli.services.people.list(query)
    if fmt == "json":
        echo_json(js.page(found, js.person_row))
        return
    rows = found.rows
    if fmt == "csv":
        echo_csv(
            CSV_FIELDS,
            [
                (
                    r.id,
                    r.full_name,
                    r.organisation_id or "",
                    r.organisation_name or "",
                    r.role,
                    r.email,
                    r.phone,
                    int(r.is_staff),
                    r.consent,
                )
                for r in rows
            ],
        )
        return
    if rows:
        echo_table(
            (
                _("id"),
                _("name"),
                _("organisation"),
                _("role"),
                _("email"),
                _("phone"),
                _("consent"),
            ),
            [
                (
                    str(r.id),
                    cut(r.full_name, 32) + (" (staff)" if r.is_staff else ""),
                    cut(r.organisation_name or "", 30),
                    cut(r.role, 24),
                    r.email,
                    r.phone,
                    r.consent,
                )
                for r in rows
            ],
            right=(0,),
        )
    echo_footer(found, "people")


@people.command()
@click.argument("name")
@person_options(editing=False)
@format_option()
@pass_cli
def add(cli: CliContext, /, name: str, fmt: str, **given: Any) -> None:
    """Add a person.

    \b
    e.g. tracker people add "Anna Rossi" --org BioWin --email anna@biowin.be \\
           --consent given --consent-source "business card, MedTech 2018" \\
           --consent-date 25/10/2018
    """
    service = cli.services.people
    person = service.create({"name": name, **_fields(cli, given, {"name": name})})
    done(person, fmt, f"added {summary(person)}")
    alike = service.similar(person.full_name, 3, exclude=[person.id])
    if alike:
        listed = "; ".join(
            f"#{a.id} {a.name}" + (f" ({a.detail})" if a.detail else "") for a in alike
        )
        warn(
            _(
                "it looks like {listed}: `tracker duplicates merge-people KEEP DROP` if the same"
            ).format(listed=listed)
        )


@people.command()
@person_argument
@click.option("--name", help="New name.")
@person_options(editing=True)
@format_option()
@pass_cli
def edit(cli: CliContext, /, person: str, fmt: str, **given: Any) -> None:
    """Change a person: only the options given change."""
    if all(v is None for v in given.values()):
        raise click.UsageError(_("nothing to change: give at least one option, e.g. --email"))
    current = refs.person(cli, person)
    changes = _fields(cli, given, current.form_fields())
    updated = cli.services.people.update(current.id, changes, expected_version=current.version)
    done(updated, fmt, f"updated {summary(updated)}")


@people.command()
@person_argument
@yes_option
@format_option()
@pass_cli
def delete(cli: CliContext, person: str, yes: bool, fmt: str) -> None:
    """Delete a person; the contact-log entries they were in stay."""
    found = refs.person(cli, person)
    if not yes:
        n = found.interactions
        entries = f" (named in {n} contact-log {'entry' if n == 1 else 'entries'})" if n else ""
        click.confirm(
            _("Delete #{id} {full_name!r}{entries}?").format(
                id=found.id, full_name=found.full_name, entries=entries
            ),
            abort=True,
            err=True,
        )
    name = cli.services.people.delete(found.id)
    if fmt == "json":
        echo_json({"deleted": found.id, "name": name})
    else:
        click.echo(_("deleted person #{id} {name}").format(id=found.id, name=name))


def echo_person(person: PersonDetail, recent: tuple[InteractionInfo, ...]) -> None:
    click.echo(f"#{person.id} {person.full_name}" + ("  (our staff)" if person.is_staff else ""))
    org = person.organisation
    echo_field(N_("org"), f"#{org.id} {org.name}" if org else "")
    echo_field(N_("role"), person.role)
    echo_field(N_("email"), person.email)
    echo_field(N_("phone"), person.phone)
    echo_field(N_("languages"), person.languages)
    consent = label(person.consent)
    details = ", ".join(x for x in (person.consent_source, day(person.consent_date)) if x)
    echo_field(N_("consent"), consent + (f" ({details})" if details else ""))
    echo_field(N_("notes"), person.notes)
    contacts = "none yet"
    if person.interactions:
        contacts = f"{person.interactions} in the log, the latest on {day(person.last_contact)}"
    echo_field(N_("contacts"), contacts)
    if recent:
        click.echo(_("\nRecent contacts:"))
    for entry in recent:
        head = f"  #{entry.id} {day(entry.occurred_on)} {label(entry.kind)}: {who(entry)}"
        click.echo(head + (f" — {cut(entry.summary, 60)}" if entry.summary else ""))
        if entry.follow_up:
            click.echo(
                _("      follow-up: {follow_up_text}").format(follow_up_text=follow_up_text(entry))
            )


@people.command()
@person_argument
@format_option()
@pass_cli
def show(cli: CliContext, person: str, fmt: str) -> None:
    """One person: details, consent and recent contacts."""
    found = refs.person(cli, person)
    log = cli.services.contact_log.list(InteractionQuery(person_id=found.id, limit=RECENT))
    if fmt == "json":
        echo_json(
            {
                **js.person_detail(found),
                "recent_interactions": [js.interaction(i) for i in log.rows],
            }
        )
    else:
        echo_person(found, log.rows)


@people.command()
@person_argument
@format_option(SINGLE)
@pass_cli
def timeline(cli: CliContext, person: str, fmt: str) -> None:
    """Everything about a person in date order: contacts, events, their organisation's
    consortia and deadlines."""
    found = refs.person(cli, person)
    result = cli.services.contact_log.timeline_of_person(found.id)
    if fmt == "json":
        echo_json(js.timeline(result))
    else:
        echo_timeline(result)
