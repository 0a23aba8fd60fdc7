"""`tracker search`: one box for organisations, people, events, contact-log entries, calls."""

from __future__ import annotations

import click

from tracker.cli import serialize_partners as js
from tracker.cli.context import CliContext, pass_cli
from tracker.cli.output import TABULAR, echo_csv, echo_json, echo_table, format_option
from tracker.cli.partner_text import cut
from tracker.i18n import _
from tracker.services.dto_search import SEARCH_KINDS

KIND_PLURALS = {"person": "people", "interaction": "contact-log entries"}


def _counted(kind: str, n: int) -> str:
    return f"{n} {kind if n == 1 else KIND_PLURALS.get(kind, kind + 's')}"


@click.command()
@click.argument("text", nargs=-1, required=True)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(SEARCH_KINDS, case_sensitive=False),
    help="Only this kind of record (repeatable).",
)
@click.option(
    "--limit", type=click.IntRange(1, 200), default=20, show_default=True, help="At most N hits."
)
@format_option(TABULAR)
@pass_cli
def search(
    cli: CliContext, text: tuple[str, ...], kinds: tuple[str, ...], limit: int, fmt: str
) -> None:
    """Search everything for TEXT, best matches first.

    Words match by their start, accents and case ignored; punctuation and search
    syntax ("S.p.A.", quotes, AND) are plain text. json: {"query", "terms", "total",
    "total_by_kind", "limit", "hits": [{"kind", "id", "title", "subtitle", ...}]}.
    """
    typed = " ".join(text)
    wanted = [k.lower() for k in kinds] or None
    found = cli.services.search.search(typed, kinds=wanted, limit=limit)
    if fmt == "json":
        echo_json(js.search(found, limit))
        return
    if fmt == "csv":
        echo_csv(
            ("kind", "id", "title", "subtitle", "snippet"),
            [(h.kind, h.id, h.title, h.subtitle, h.snippet) for h in found.hits],
        )
        return
    if not found.terms:
        click.echo(_("nothing to search for: type a word or the start of one"))
        return
    if not found.hits:
        click.echo(_("nothing found for {typed!r}").format(typed=typed))
        return
    echo_table(
        (_("kind"), _("id"), _("title"), _("details"), _("found in")),
        [
            (
                h.kind,
                str(h.id),
                cut(h.title, 44),
                cut(h.subtitle, 36),
                cut(h.snippet, 50),
            )
            for h in found.hits
        ],
        right=(1,),
    )
    by_kind = ", ".join(_counted(k, n) for k, n in found.total_by_kind.items() if n)
    if found.total > len(found.hits):
        click.echo(
            _("\n{count} shown of {total} ({by_kind}); --limit shows more").format(
                count=len(found.hits), total=found.total, by_kind=by_kind
            )
        )
    else:
        click.echo(_("\n{count} found").format(count=len(found.hits)))
