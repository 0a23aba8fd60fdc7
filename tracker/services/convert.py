"""ORM rows to plain data: the only place that knows both shapes."""

from __future__ import annotations

from decimal import Decimal

from tracker.domain.errors import ValidationError
from tracker.domain.models import CostCategory, Country, PlanCountry
from tracker.domain.money import exact_amount
from tracker.i18n import _
from tracker.services.dto import CategoryInfo, CountryInfo, PlanCountryInfo


def country_info(country: Country) -> CountryInfo:
    return CountryInfo(
        country.code, country.name_en, country.name_it, country.eu_member, country.in_europe
    )


def category_info(category: CostCategory) -> CategoryInfo:
    return CategoryInfo(category.id, category.code, category.name_it, category.name_en)


def plan_country_info(pc: PlanCountry) -> PlanCountryInfo:
    return PlanCountryInfo(
        country=country_info(pc.country),
        role=pc.role.value,
        position=pc.position,
        rationale=pc.rationale,
        rationale_en=pc.rationale_en,
        priority_note=pc.priority_note,
        priority_note_en=pc.priority_note_en,
    )


def checked_amount(value: Decimal, field: str = "amount", *, allow_zero: bool = False) -> Decimal:
    """An amount from a caller, in whole cents and on the right side of zero."""
    try:
        amount = exact_amount(value)
    except (ValueError, ArithmeticError) as exc:
        raise ValidationError(
            {field: _("{value} is not an amount in whole cents").format(value=value)}
        ) from exc
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError(
            {
                field: "the amount cannot be negative"
                if allow_zero
                else "the amount must be more than zero"
            }
        )
    return amount
