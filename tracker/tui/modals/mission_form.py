"""The mission form: the trip itself, who goes, the events it covers and the money it
draws on, saved at once. People and events are one per line, by name or as ``#12 Name``
(how the form lists those already on it); money is ``travel = 1.200,00`` per line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Select, TextArea

from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.mission_rules import validate_mission
from tracker.domain.money import AmountParseError, parse_amount
from tracker.i18n import N_, _
from tracker.services.dto_calendar import MissionDetail
from tracker.tui.format import fmt_date
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.modals.link import amount_text
from tracker.tui.widgets.field import Field

DATE_HINT = "dd/mm/yyyy"
_ID = re.compile(r"^#(\d+)\b")
Ref = int | str


@dataclass(frozen=True)
class MissionRequest:
    """What the form hands back: the fields, and the whole sets of links."""

    fields: dict[str, str]
    country: str
    participants: tuple[Ref, ...]
    events: tuple[Ref, ...]
    lines: tuple[tuple[str, Decimal], ...]


def refs(text: str) -> tuple[Ref, ...]:
    """One reference per line: ``#12 Anna Rossi`` is record 12, anything else a name."""
    found: list[Ref] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _ID.match(line)
        found.append(int(match.group(1)) if match else line)
    return tuple(found)


def lines_of(text: str) -> tuple[tuple[str, Decimal], ...]:
    """``travel = 1.200,00`` per line; raises ValueError naming the first bad one."""
    found = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        category, sep, amount = raw.partition("=")
        if not sep or not category.strip():
            raise ValueError(_("{line!r}: write a cost item = amount").format(line=raw.strip()))
        try:
            found.append((category.strip(), parse_amount(amount.strip())))
        except AmountParseError as exc:
            raise ValueError(f"{raw.strip()!r}: {exc}") from exc
    return tuple(found)


def new_values(*, country: str, start: str) -> dict[str, object]:
    return {"title": "", "country": country, "city": "", "start": start, "end": "",
            "purpose": "", "notes": "", "participants": "", "events": "", "lines": ""}  # fmt: skip


def detail_values(m: MissionDetail) -> dict[str, object]:
    return {
        "title": m.title,
        "country": m.country_code,
        "city": m.city,
        "start": fmt_date(m.start_date),
        "end": fmt_date(m.end_date),
        "purpose": m.purpose,
        "notes": m.notes,
        "participants": "\n".join(f"#{p.id} {p.name}" for p in m.participants),
        "events": "\n".join(f"#{e.id} {e.name}" for e in m.events),
        "lines": "\n".join(f"{a.category_code} = {amount_text(a.amount)}" for a in m.allocations),
    }


class MissionForm(FormModal[MissionRequest]):
    CSS_PATH = "../calendar.tcss"
    TITLE_TEXT: ClassVar[str] = N_("Mission")
    ENTER_SAVES: ClassVar[bool] = False
    FIRST_FIELD: ClassVar[str | None] = "title"

    def __init__(
        self,
        values: Mapping[str, object],
        targets: Sequence[str],
        *,
        title: str | None = None,
        error: TrackerError | None = None,
    ) -> None:
        super().__init__(title=title or _(self.TITLE_TEXT), error=error)
        self.start_values = dict(values)
        self.targets = list(targets)

    def _text(self, key: str, placeholder: str = "") -> Input:
        value = str(self.start_values.get(key) or "")
        return Input(value, placeholder=placeholder, id=key, compact=True)

    def _area(self, key: str) -> TextArea:
        return TextArea(str(self.start_values.get(key) or ""), id=key, compact=True)

    def compose_body(self) -> ComposeResult:
        country = str(self.start_values.get("country") or "")
        # The mission's own country stays on offer even if the plan no longer targets it:
        # the form never moves a mission by itself.
        codes = self.targets + ([country] if country and country not in self.targets else [])
        options = [(code, code) for code in codes] or [("", "")]
        chosen = country or options[0][1]
        with Grid(classes="mission-form"):
            yield Field(_("Title"), self._text("title", _("e.g. Brussels, cluster partnering")),
                        key="title", classes="wide")  # fmt: skip
            yield Field(
                _("Country (a target of the plan)"),
                Select(options, value=chosen, allow_blank=False, id="country", compact=True),
                key="country",
            )
            yield Field(_("City"), self._text("city"), key="city")
            yield Field(_("First day"), self._text("start", DATE_HINT), key="start")
            yield Field(_("Last day"), self._text("end", DATE_HINT), key="end")
            yield Field(_("Purpose"), self._text("purpose"), key="purpose", classes="wide")
            yield Field(_("Who goes (one per line)"), self._area("participants"),
                        key="participants")  # fmt: skip
            yield Field(_("Events it covers (one per line)"), self._area("events"), key="events")
            yield Field(_("Money: cost item = amount"), self._area("lines"), key="lines")
            yield Field(_("Notes"), self._area("notes"), key="notes", classes="wide")

    def fields(self) -> Iterable[Field]:
        return ()

    def submit(self, values: Mapping[str, object]) -> MissionRequest:
        errors: dict[str, str] = {}
        fields = {k: str(values.get(k) or "") for k in ("title", "city", "start", "end",
                                                        "purpose", "notes")}  # fmt: skip
        try:
            validate_mission(fields)
        except ValidationError as exc:
            errors.update(exc.errors)
        money: tuple[tuple[str, Decimal], ...] = ()
        try:
            money = lines_of(str(values.get("lines") or ""))
        except ValueError as exc:
            errors["lines"] = str(exc)
        if errors:
            raise FormErrors(errors)
        return MissionRequest(
            fields=fields,
            country=str(values.get("country") or ""),
            participants=refs(str(values.get("participants") or "")),
            events=refs(str(values.get("events") or "")),
            lines=money,
        )
