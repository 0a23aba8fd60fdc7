"""How an event repeats: a preset that repeats its own date, or an RRULE typed out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import ClassVar

from textual.widgets import Input

from tracker.domain.errors import TrackerError
from tracker.i18n import N_, _
from tracker.services.dto_calendar import PresetOption, RecurrenceInfo
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.widgets.field import Field

EXAMPLE = "FREQ=YEARLY;BYMONTH=10;BYDAY=-1TH"


def banner(info: RecurrenceInfo, presets: Sequence[PresetOption]) -> str:
    now = info.description if info.rule else _("does not repeat")
    lines = [_("Now: {now}.").format(now=now)]
    if presets:
        lines.append(_("Presets for its date:"))
        lines += [f"  {p.name}: {p.description}" for p in presets if p.rule]
        lines.append("  none: " + _("does not repeat"))
    else:
        lines.append(_("It has no dates yet: write the rule in full, e.g. {rule}").format(
            rule=EXAMPLE))  # fmt: skip
    return "\n".join(lines)


class RecurrenceForm(FormModal[str]):
    """Returns the text typed (a preset's name, an RRULE, or "none"); the service checks it."""

    TITLE_TEXT: ClassVar[str] = N_("Repeats")

    def __init__(
        self,
        info: RecurrenceInfo,
        presets: Sequence[PresetOption],
        *,
        typed: str | None = None,
        error: TrackerError | None = None,
    ) -> None:
        title = _("How “{name}” repeats").format(name=info.event_name)
        super().__init__(title=title, banner=banner(info, presets), error=error)
        self.info = info
        self.typed = info.rule if typed is None else typed  # reopened: what was typed

    def fields(self) -> Iterable[Field]:
        yield Field(
            _("A preset or a rule (none: it stops)"),
            Input(self.typed, placeholder=f"yearly-weekday, {EXAMPLE}", id="rule"),
            key="rule",
        )

    def submit(self, values: Mapping[str, object]) -> str:
        text = str(values.get("rule") or "").strip()
        if not text:
            raise FormErrors({"rule": _("type a preset, a rule, or none")})
        return text
