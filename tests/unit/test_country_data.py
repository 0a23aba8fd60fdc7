from __future__ import annotations

import csv
from pathlib import Path

import pytest

CSV_PATH = Path(__file__).parents[2] / "seeds" / "countries.csv"
HEADER = ["code", "name_en", "name_it", "eu_member", "in_europe"]
EU_27 = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "HU",
})  # fmt: skip


def _rows() -> list[dict[str, str]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _by_code() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in _rows()}


def test_file_is_utf8_without_bom_and_has_the_header() -> None:
    raw = CSV_PATH.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8")
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == HEADER


def test_exactly_the_27_eu_members() -> None:
    members = [row["code"] for row in _rows() if row["eu_member"] == "1"]
    assert len(members) == 27
    assert set(members) == EU_27


def test_every_eu_member_is_in_europe() -> None:
    assert all(row["in_europe"] == "1" for row in _rows() if row["eu_member"] == "1")


def test_codes_are_unique_two_uppercase_letters_and_sorted() -> None:
    codes = [row["code"] for row in _rows()]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 2 and c.isascii() and c.isalpha() and c.isupper() for c in codes)
    assert codes == sorted(codes)


def test_every_row_is_complete() -> None:
    for row in _rows():
        assert list(row) == HEADER
        assert row["name_en"].strip() and row["name_it"].strip(), row
        assert row["eu_member"] in {"0", "1"} and row["in_europe"] in {"0", "1"}, row


@pytest.mark.parametrize("code", ["GB", "CH", "NO"])
def test_european_but_not_eu(code: str) -> None:
    row = _by_code()[code]
    assert (row["eu_member"], row["in_europe"]) == ("0", "1")


@pytest.mark.parametrize("code", ["US", "JP", "CN", "IN", "SG"])
def test_outside_europe(code: str) -> None:
    row = _by_code()[code]
    assert (row["eu_member"], row["in_europe"]) == ("0", "0")


def test_the_2018_plan_countries_have_italian_names() -> None:
    countries = _by_code()
    assert countries["BE"]["name_it"] == "Belgio"
    assert countries["US"]["name_it"] == "Stati Uniti"
