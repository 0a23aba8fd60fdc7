"""``is_valid_number`` answers exactly as phonenumbers' own, for every region's numbers."""

from __future__ import annotations

import contextlib
import random

import phonenumbers
from phonenumbers import PhoneNumberType

from tracker.domain.contact_fields import is_valid_number, normalise_phone

TYPES = [t for t in vars(PhoneNumberType).values() if isinstance(t, int)]


def _numbers() -> list[phonenumbers.PhoneNumber]:
    rng = random.Random(7)
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            digits = str(example.national_number)
            for _ in range(4):  # the example and near misses: one digit changed, one more
                i = rng.randrange(len(digits))
                changed = digits[:i] + rng.choice("0123456789") + digits[i + 1 :]
                for text in (digits, changed, changed + rng.choice("0123456789"), changed[:-1]):
                    with contextlib.suppress(phonenumbers.NumberParseException):
                        found.append(phonenumbers.parse(f"+{example.country_code}{text}"))
    return found


def test_valid_and_invalid_numbers_of_every_region_agree_with_phonenumbers() -> None:
    numbers = _numbers()
    valid = [phonenumbers.is_valid_number(n) for n in numbers]
    assert sum(valid) > 1_000 and valid.count(False) > 1_000  # both sides are covered
    assert [is_valid_number(n) for n in numbers] == valid


def test_shared_calling_codes_find_their_region() -> None:
    assert normalise_phone("+39 06 698 12345") == "+390669812345"  # the Vatican's range
    assert normalise_phone("051 234567", "IT") == "+39051234567"
    assert normalise_phone("+44 1624 612345") == "+441624612345"  # the Isle of Man
    assert normalise_phone("+7 701 123 4567") == "+77011234567"  # Kazakhstan
