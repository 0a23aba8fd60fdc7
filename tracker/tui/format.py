"""How the TUI writes dates, amounts, countries and caps. Pure functions, no Textual."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tracker.domain.caps import GROUP_LABELS, SCOPE_LABELS, CapGroup
from tracker.domain.enums import CapBasis, CapScope
from tracker.domain.money import format_eur
from tracker.services.dto import CapStatus, CountryInfo, EventRow, PlanCountryInfo

DASH = "—"
OVER_LINE = "▲"  # allocated or spent beyond what the line plans
OVER_CAP = "⚠"  # beyond a funding cap

STATUS_LABELS = {
    "idea": "idea",
    "candidate": "candidate",
    "shortlisted": "shortlisted",
    "registered": "registered",
    "attended": "attended",
    "skipped": "skipped",
    "cancelled": "cancelled",
}


def fmt_date(d: date | None) -> str:
    """25/10/2018, the way the plan writes dates; a dash when unknown."""
    return d.strftime("%d/%m/%Y") if d is not None else DASH


def fmt_span(start: date | None, end: date | None) -> str:
    """One date, or a range that only repeats what changes: 25–27/10/2018."""
    if start is None:
        return DASH
    if end is None or end == start:
        return fmt_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%d}–{fmt_date(end)}"
    if start.year == end.year:
        return f"{start:%d/%m}–{fmt_date(end)}"
    return f"{fmt_date(start)}–{fmt_date(end)}"


def fmt_eur(amount: Decimal | None) -> str:
    return DASH if amount is None else format_eur(amount)


def fmt_days_away(when: date | None, today: date) -> str:
    if when is None:
        return "date to be set"
    days = (when - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days > 0:
        return f"in {days} days"
    return f"{-days} days ago" if days > -60 else "past"


def country_flags(country: CountryInfo) -> str:
    """EU / extra-EU and European / extra-European: the two facts the caps may use."""
    eu = "EU" if country.eu_member else "extra-EU"
    europe = "European" if country.in_europe else "extra-European"
    return f"{eu} / {europe}"


def target_heading(target: PlanCountryInfo) -> str:
    """Paese 1: Belgio — EU / European."""
    return f"{target.label}: {target.country.name_it} — {country_flags(target.country)}"


def column_heading(position: int, country: CountryInfo) -> str:
    """Paese 1 — Belgio: a budget table column, as the plan document heads it."""
    return f"Paese {position} — {country.name_it}"


def event_label(row: EventRow) -> str:
    return f"{row.name} (to be identified)" if row.is_placeholder else row.name


def basis_label(basis: str, lang: str = "en") -> str:
    if basis == CapBasis.EU.value:
        return "EU members vs the rest" if lang == "en" else "paesi UE / extra-UE"
    return "European vs extra-European" if lang == "en" else "paesi europei / extra-europei"


def cap_group_label(basis: str, group: str, lang: str = "en") -> str:
    if group == CapGroup.TOTAL.value:
        return "whole plan" if lang == "en" else "intero piano"
    en, it = GROUP_LABELS[(CapBasis(basis), CapGroup(group))]
    return en if lang == "en" else it


def scope_label(scope: str, lang: str = "en") -> str:
    en, it = SCOPE_LABELS[CapScope(scope)]
    return en if lang == "en" else it


def cap_subject(cap: CapStatus, basis: str, lang: str = "en") -> str:
    """Who a cap check is about, with its scope: "European countries, all together"."""
    label = cap_group_label(basis, cap.group, lang)
    if cap.group == CapGroup.TOTAL.value:
        return label.capitalize() if lang == "en" else label
    if cap.scope == CapScope.PER_COUNTRY.value:
        who = ", ".join(cap.countries)
        return f"{label}, {who}" if lang == "en" else f"{label} ({who})"
    if lang == "en":
        return f"{label}, {scope_label(cap.scope)}"
    return f"{label} ({scope_label(cap.scope, 'it')})"


def cap_line(cap: CapStatus, basis: str, lang: str = "en") -> str:
    """European countries, all together: 5.000,00 € of 5.000,00 €."""
    limit = "no cap" if cap.cap is None else format_eur(cap.cap)
    if lang == "en":
        return f"{cap_subject(cap, basis)}: {format_eur(cap.total)} of {limit}"
    return f"{cap_subject(cap, basis, 'it')} {format_eur(cap.total)} / {limit}"


def cap_verdict(cap: CapStatus) -> str:
    if cap.cap is None:
        return ""
    if cap.over:
        return f"{OVER_CAP} over by {format_eur(cap.total - cap.cap)}"
    room = cap.cap - cap.total
    return "at the cap" if room == 0 else f"{format_eur(room)} left"
