"""The cap rule on its boundaries, for both bases and both scopes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tracker.domain.caps import CapGroup, CapRule, CountryTotal, check_for_country, evaluate
from tracker.domain.enums import CapBasis, CapScope

D = Decimal


def rule(basis: CapBasis = CapBasis.EUROPE, scope: CapScope = CapScope.TOGETHER) -> CapRule:
    return CapRule(basis, scope, D("5000.00"), D("10000.00"), D("10000.00"))


BE = dict(code="BE", eu_member=True, in_europe=True)
CH = dict(code="CH", eu_member=False, in_europe=True)
US = dict(code="US", eu_member=False, in_europe=False)


@pytest.mark.parametrize(
    ("be", "over"), [(D("5000.00"), False), (D("5000.01"), True), (D("0.00"), False)]
)
def test_exactly_at_the_cap_is_fine_a_cent_over_is_not(be: Decimal, over: bool) -> None:
    checks = evaluate(
        rule(), [CountryTotal(**BE, total=be), CountryTotal(**US, total=D("4999.99"))]
    )
    inside = check_for_country(checks, "BE")
    assert inside is not None and inside.over is over


def test_whole_plan_cap_applies_on_top() -> None:
    checks = evaluate(
        rule(), [CountryTotal(**BE, total=D("5000")), CountryTotal(**US, total=D("5000.01"))]
    )
    total = checks[-1]
    assert total.group is CapGroup.TOTAL and total.over and total.headroom == D("-0.01")
    outside = check_for_country(checks, "US")
    assert outside is not None and not outside.over


def test_switzerland_is_european_by_geography_but_not_eu() -> None:
    europe = evaluate(rule(CapBasis.EUROPE), [CountryTotal(**CH, total=D("6000"))])
    eu = evaluate(rule(CapBasis.EU), [CountryTotal(**CH, total=D("6000"))])
    assert check_for_country(europe, "CH").group is CapGroup.INSIDE  # type: ignore[union-attr]
    assert check_for_country(europe, "CH").over  # type: ignore[union-attr]
    assert check_for_country(eu, "CH").group is CapGroup.OUTSIDE  # type: ignore[union-attr]
    assert not check_for_country(eu, "CH").over  # type: ignore[union-attr]


def test_together_sums_a_kind_per_country_does_not() -> None:
    totals = [CountryTotal(**BE, total=D("3000")), CountryTotal(**CH, total=D("3000"))]
    together = evaluate(rule(scope=CapScope.TOGETHER), totals)
    per_country = evaluate(rule(scope=CapScope.PER_COUNTRY), totals)
    assert check_for_country(together, "BE").over  # type: ignore[union-attr]
    assert check_for_country(together, "BE").countries == ("BE", "CH")  # type: ignore[union-attr]
    assert not check_for_country(per_country, "BE").over  # type: ignore[union-attr]
    assert not check_for_country(per_country, "CH").over  # type: ignore[union-attr]


def test_no_cap_means_never_over() -> None:
    open_rule = CapRule(CapBasis.EUROPE, CapScope.TOGETHER, None, None, None)
    checks = evaluate(open_rule, [CountryTotal(**BE, total=D("1000000"))])
    assert not any(c.over for c in checks)
