"""How the TUI writes dates, amounts, countries and caps. Pure functions, no Textual.

Amounts and dates follow the user's language through ``tracker.i18n_format``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tracker.domain.caps import GROUP_LABELS, SCOPE_LABELS, CapGroup
from tracker.domain.enums import CapBasis, CapScope
from tracker.i18n import N_, _, current_language
from tracker.i18n_format import money, money_or_dash, short_date
from tracker.io.report.labels import term as term  # re-exported for the screens
from tracker.services.dto import CapStatus, CountryInfo, EventRow, PlanCountryInfo

DASH = "—"
OVER_LINE = "▲"  # allocated or spent beyond what the line plans
OVER_CAP = "⚠"  # beyond a funding cap

# The orders lists can be sorted by, as the status lines name them.
SORT_NAMES = (N_("date"), N_("name"), N_("country"), N_("status"), N_("priority"))

STATUS_LABELS = {
    "idea": "idea",
    "candidate": "candidate",
    "shortlisted": "shortlisted",
    "registered": "registered",
    "attended": "attended",
    "skipped": "skipped",
    "cancelled": "cancelled",
}


def category_name(name_it: str, name_en: str) -> str:
    """A cost category (travel, fees...) by its name in the user's language."""
    return name_it if current_language() == "it" else name_en


def lang_or_current(lang: str | None) -> str:
    return lang or current_language()


def fmt_date(d: date | None) -> str:
    """25/10/2018, the way the plan writes dates (in both languages); a dash when unknown."""
    return short_date(d)


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
    """5.000,00 € in Italian, €5,000.00 in English; a dash when unknown."""
    return money_or_dash(amount)


def fmt_days_away(when: date | None, today: date) -> str:
    if when is None:
        return _("date to be set")
    days = (when - today).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days > 0:
        return _("in {days} days").format(days=days)
    return _("{days} days ago").format(days=-days) if days > -60 else _("past")


def country_flags(country: CountryInfo) -> str:
    """EU / extra-EU and European / extra-European: the two facts the caps may use."""
    eu = _("EU") if country.eu_member else _("extra-EU")
    europe = _("European") if country.in_europe else _("extra-European")
    return f"{eu} / {europe}"


def target_heading(target: PlanCountryInfo) -> str:
    """Paese 1: Belgio — EU / European."""
    name = target.country.name(current_language())
    label = target_label(target)
    return f"{label}: {name} — {country_flags(target.country)}"


def target_label(target: PlanCountryInfo) -> str:
    """Paese 1 / Country 1, the way the plan numbers its targets."""
    if target.position is None:
        return _("watch list")
    return _("Country {position}").format(position=target.position)


def column_heading(position: int, country: CountryInfo) -> str:
    """Paese 1 — Belgio: a budget table column, as the plan document heads it."""
    name = country.name(current_language())
    return _("Country {position} — {name}").format(position=position, name=name)


def event_label(row: EventRow) -> str:
    return _("{name} (to be identified)").format(name=row.name) if row.is_placeholder else row.name


def basis_label(basis: str, lang: str | None = None) -> str:
    lang = lang_or_current(lang)
    if basis == CapBasis.EU.value:
        return "EU members vs the rest" if lang == "en" else "paesi UE / extra-UE"
    return "European vs extra-European" if lang == "en" else "paesi europei / extra-europei"


def cap_group_label(basis: str, group: str, lang: str | None = None) -> str:
    lang = lang_or_current(lang)
    if group == CapGroup.TOTAL.value:
        return "whole plan" if lang == "en" else "intero piano"
    en, it = GROUP_LABELS[(CapBasis(basis), CapGroup(group))]
    return en if lang == "en" else it


def scope_label(scope: str, lang: str | None = None) -> str:
    lang = lang_or_current(lang)
    en, it = SCOPE_LABELS[CapScope(scope)]
    return en if lang == "en" else it


def cap_subject(cap: CapStatus, basis: str, lang: str | None = None) -> str:
    """Who a cap check is about, with its scope: "European countries, all together"."""
    lang = lang_or_current(lang)
    label = cap_group_label(basis, cap.group, lang)
    if cap.group == CapGroup.TOTAL.value:
        return label.capitalize() if lang == "en" else label
    if cap.scope == CapScope.PER_COUNTRY.value:
        who = ", ".join(cap.countries)
        return f"{label}, {who}" if lang == "en" else f"{label} ({who})"
    if lang == "en":
        return f"{label}, {scope_label(cap.scope, 'en')}"
    return f"{label} ({scope_label(cap.scope, 'it')})"


def cap_line(cap: CapStatus, basis: str, lang: str | None = None) -> str:
    """European countries, all together: 5.000,00 € of 5.000,00 €."""
    lang = lang_or_current(lang)
    limit = (
        ("no cap" if lang == "en" else "nessun tetto") if cap.cap is None else money(cap.cap, lang)
    )
    if lang == "en":
        return f"{cap_subject(cap, basis, lang)}: {money(cap.total, lang)} of {limit}"
    return f"{cap_subject(cap, basis, 'it')} {money(cap.total, lang)} / {limit}"


def cap_verdict(cap: CapStatus) -> str:
    if cap.cap is None:
        return ""
    if cap.over:
        return _("{mark} over by {amount}").format(mark=OVER_CAP, amount=money(cap.total - cap.cap))
    room = cap.cap - cap.total
    return _("at the cap") if room == 0 else _("{amount} left").format(amount=money(room))
