"""The funding-cap rule of a plan, as pure functions over totals.

A plan caps the expenses "dedicated to" two kinds of country (inside / outside Europe,
or inside / outside the EU: the rule's basis says which) and the whole contribution.
A kind's cap applies to all its countries together or to each one (the rule's scope).
Exactly at a cap is allowed; a cent over is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from tracker.domain.enums import CapBasis, CapScope


class CapGroup(StrEnum):
    INSIDE = "inside"
    OUTSIDE = "outside"
    TOTAL = "total"


GROUP_LABELS = {
    (CapBasis.EUROPE, CapGroup.INSIDE): ("European countries", "paesi europei"),
    (CapBasis.EUROPE, CapGroup.OUTSIDE): ("extra-European countries", "paesi extra-europei"),
    (CapBasis.EU, CapGroup.INSIDE): ("EU countries", "paesi UE"),
    (CapBasis.EU, CapGroup.OUTSIDE): ("extra-EU countries", "paesi extra-UE"),
}
SCOPE_LABELS = {
    CapScope.TOGETHER: ("all together", "nel complesso"),
    CapScope.PER_COUNTRY: ("per country", "per paese"),
}


@dataclass(frozen=True)
class CapRule:
    basis: CapBasis
    scope: CapScope
    inside: Decimal | None
    outside: Decimal | None
    total: Decimal | None

    def group_of(self, *, eu_member: bool, in_europe: bool) -> CapGroup:
        inside = in_europe if self.basis is CapBasis.EUROPE else eu_member
        return CapGroup.INSIDE if inside else CapGroup.OUTSIDE

    def cap_of(self, group: CapGroup) -> Decimal | None:
        return {CapGroup.INSIDE: self.inside, CapGroup.OUTSIDE: self.outside}.get(group, self.total)

    def label(self, group: CapGroup, lang: str = "en") -> str:
        if group is CapGroup.TOTAL:
            return "whole plan" if lang == "en" else "intero piano"
        en, it = GROUP_LABELS[(self.basis, group)]
        return en if lang == "en" else it


@dataclass(frozen=True)
class CountryTotal:
    code: str
    eu_member: bool
    in_europe: bool
    total: Decimal


@dataclass(frozen=True)
class CapCheck:
    group: CapGroup
    scope: CapScope
    countries: tuple[str, ...]
    cap: Decimal | None
    total: Decimal

    @property
    def over(self) -> bool:
        return self.cap is not None and self.total > self.cap

    @property
    def headroom(self) -> Decimal | None:
        return None if self.cap is None else self.cap - self.total


def evaluate(rule: CapRule, countries: Sequence[CountryTotal]) -> list[CapCheck]:
    """Every check the rule implies for these totals, kinds first, whole plan last."""
    checks: list[CapCheck] = []
    for group in (CapGroup.INSIDE, CapGroup.OUTSIDE):
        members = [
            c
            for c in countries
            if rule.group_of(eu_member=c.eu_member, in_europe=c.in_europe) is group
        ]
        if not members:
            continue
        cap = rule.cap_of(group)
        if rule.scope is CapScope.PER_COUNTRY:
            checks.extend(CapCheck(group, rule.scope, (c.code,), cap, c.total) for c in members)
        else:
            total = sum((c.total for c in members), Decimal("0.00"))
            checks.append(CapCheck(group, rule.scope, tuple(c.code for c in members), cap, total))
    grand = sum((c.total for c in countries), Decimal("0.00"))
    checks.append(
        CapCheck(
            CapGroup.TOTAL, CapScope.TOGETHER, tuple(c.code for c in countries), rule.total, grand
        )
    )
    return checks


def check_for_country(checks: Sequence[CapCheck], code: str) -> CapCheck | None:
    """The kind-level check a country falls under (not the whole-plan one)."""
    for check in checks:
        if check.group is not CapGroup.TOTAL and code in check.countries:
            return check
    return None
