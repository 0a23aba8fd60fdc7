"""Writing people as vCards: 4.0 (RFC 6350) by default, 3.0 (RFC 2426) on request.

Text is escaped (``\\`` ``,`` ``;`` and newlines), lines end in CRLF and are folded at
75 octets without splitting a UTF-8 character. What the standard has no property for
(staff, consent) travels in ``X-TRACKER-*`` properties, which other programs ignore and
``tracker import vcard`` reads back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tracker.i18n import _
from tracker.io.csv_write import atomic_writer

WRITE_VERSIONS = ("4.0", "3.0")
LINE_OCTETS = 75


@dataclass(frozen=True)
class PersonCard:
    full_name: str
    organisation: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""  # E.164
    languages: str = ""  # "it, en"
    notes: str = ""
    is_staff: bool = False
    consent: str = "unknown"
    consent_source: str = ""
    consent_date: str = ""  # ISO date or ""


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def fold(line: str) -> str:
    """The content line folded to 75 octets a line, CRLF-terminated."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_OCTETS:
        return line + "\r\n"
    pieces: list[str] = []
    limit = LINE_OCTETS
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the leading space counts
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def _name_parts(full_name: str) -> str:
    """N: family;given;additional;prefix;suffix — the last word taken as the family name."""
    words = full_name.split()
    family = words[-1] if len(words) > 1 else full_name
    given = " ".join(words[:-1]) if len(words) > 1 else ""
    return f"{escape(family)};{escape(given)};;;"


def card_lines(card: PersonCard, version: str = "4.0") -> list[str]:
    v4 = version == "4.0"
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"FN:{escape(card.full_name)}"]
    lines.append(f"N:{_name_parts(card.full_name)}")
    if card.organisation:
        lines.append(f"ORG:{escape(card.organisation)}")
    if card.role:
        lines.append(f"TITLE:{escape(card.role)}")
    if card.email:
        lines.append(f"EMAIL;TYPE=work:{card.email}" if v4 else f"EMAIL;TYPE=INTERNET:{card.email}")
    if card.phone:
        lines.append(
            f"TEL;VALUE=uri;TYPE=work:tel:{card.phone}"
            if v4
            else f"TEL;TYPE=WORK,VOICE:{card.phone}"
        )
    languages = [lang.strip() for lang in card.languages.split(",") if lang.strip()]
    if v4:
        lines.extend(f"LANG;PREF={i}:{lang}" for i, lang in enumerate(languages, 1))
    elif languages:
        lines.append(f"X-TRACKER-LANGUAGES:{escape(', '.join(languages))}")
    if card.notes:
        lines.append(f"NOTE:{escape(card.notes)}")
    if card.is_staff:
        lines.append("X-TRACKER-STAFF:yes")
    if card.consent and card.consent != "unknown":
        lines.append(f"X-TRACKER-CONSENT:{card.consent}")
    if card.consent_source:
        lines.append(f"X-TRACKER-CONSENT-SOURCE:{escape(card.consent_source)}")
    if card.consent_date:
        lines.append(f"X-TRACKER-CONSENT-DATE:{card.consent_date}")
    lines.append("END:VCARD")
    return lines


def write_card(handle: IO[str], card: PersonCard, version: str = "4.0") -> None:
    for line in card_lines(card, version):
        handle.write(fold(line))


def write_vcards(path: Path, cards: Iterable[PersonCard], *, version: str = "4.0") -> int:
    """Write the cards atomically (mode 0600); return how many."""
    if version not in WRITE_VERSIONS:
        raise ValueError(_("vCard version {version!r}: write 4.0 or 3.0").format(version=version))
    count = 0
    with atomic_writer(path, encoding="utf-8", newline="") as handle:
        for card in cards:
            write_card(handle, card, version)
            count += 1
    return count
