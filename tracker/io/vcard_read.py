"""Reading vCards (2.1, 3.0 and 4.0) into the raw fields of a person.

Handles folded lines, 2.1's QUOTED-PRINTABLE values (with their soft line breaks) and
CHARSET, bare 2.1 types (``TEL;WORK;VOICE:``), quoted 4.0 parameters, ``tel:`` URIs,
escapes (``\\, \\; \\n``) and grouped properties (``item1.EMAIL``). Every card keeps the
line of its ``BEGIN:VCARD``; what cannot be read is a problem with its line, never an
exception: a card whose ``END:VCARD`` never comes is ``BEGIN:VCARD is never closed``.
"""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass, field

from tracker.io.csv_problems import Problem, UnreadableFile, problem
from tracker.io.csv_read import decode

VERSIONS = ("2.1", "3.0", "4.0")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NAME = re.compile(r"(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)")
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPED = {"n": "\n", "N": "\n"}
_FLAGS = {"yes": "yes", "true": "yes", "no": "no", "false": "no"}


@dataclass
class Property:
    line: int
    name: str  # upper case, without its group
    params: dict[str, list[str]]  # upper-case keys; bare 2.1 types under TYPE
    value: str  # raw: still escaped, still encoded

    def types(self) -> set[str]:
        return {t.lower() for value in self.params.get("TYPE", []) for t in value.split(",")}

    @property
    def preferred(self) -> bool:
        return "pref" in self.types() or bool(self.params.get("PREF"))


@dataclass
class Card:
    line: int
    version: str = ""
    properties: list[Property] = field(default_factory=list)

    def first(self, name: str) -> Property | None:
        found = [p for p in self.properties if p.name == name]
        preferred = [p for p in found if p.preferred]
        chosen = preferred or found
        return chosen[0] if chosen else None


@dataclass(frozen=True)
class VCardFile:
    records: list[tuple[int, dict[str, str]]]  # (line of BEGIN:VCARD, raw person fields)
    versions: tuple[str, ...]
    encoding: str
    encoding_note: str
    problems: tuple[Problem, ...]


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the number of their first physical line."""
    out: list[tuple[int, str]] = []
    quoted_printable = False
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        if out and quoted_printable:
            # 2.1: a quoted-printable value ending in "=" goes on to the next line.
            out[-1] = (out[-1][0], out[-1][1][:-1] + line)
        elif out and line[:1] in (" ", "\t"):
            out[-1] = (out[-1][0], out[-1][1] + line[1:])
        elif line.strip():
            out.append((number, line))
        else:
            continue
        current = out[-1][1]
        head = current.split(":", 1)[0].upper()
        quoted_printable = "QUOTED-PRINTABLE" in head and current.endswith("=")
    return out


def _split_unquoted(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _property(number: int, line: str) -> Property | None:
    head, colon, value = "", "", ""
    quoted = False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            head, colon, value = line[:i], ":", line[i + 1 :]
            break
    if not colon:
        return None
    name_part, *param_parts = _split_unquoted(head, ";")
    match = _NAME.fullmatch(name_part.strip())
    if match is None:
        return None
    params: dict[str, list[str]] = {}
    for part in param_parts:
        key, equals, val = part.partition("=")
        if not equals:
            key, val = "TYPE", key  # 2.1: TEL;WORK;VOICE
        params.setdefault(key.strip().upper(), []).append(val.strip().strip('"'))
    return Property(number, match.group(2).upper(), params, value)


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), m.group(1)), text)


def _decoded(prop: Property) -> str:
    """The value as text: quoted-printable and CHARSET undone (escapes still there)."""
    encoding = {e.upper() for e in prop.params.get("ENCODING", [])}
    bare = {t.upper() for t in prop.params.get("TYPE", [])}
    if "QUOTED-PRINTABLE" in encoding or "QUOTED-PRINTABLE" in bare:
        raw = quopri.decodestring(prop.value.encode("latin-1", errors="replace"))
        charset = (prop.params.get("CHARSET") or ["utf-8"])[0]
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            return raw.decode("cp1252", errors="replace")
    return prop.value


def _lines(text: str) -> str:
    """Line ends as \\n; NULs (which PostgreSQL refuses in text) dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def text_value(prop: Property | None) -> str:
    return "" if prop is None else _lines(_unescape(_decoded(prop))).strip()


def components(prop: Property | None) -> list[str]:
    """A structured value (N, ORG) split on unescaped ";"."""
    if prop is None:
        return []
    parts = re.split(r"(?<!\\);", _decoded(prop))
    return [_lines(_unescape(p)).strip() for p in parts]


def _person(card: Card) -> dict[str, str]:
    raw: dict[str, str] = {}
    name = text_value(card.first("FN"))
    if not name:
        family, given, additional, *_ = [*components(card.first("N")), "", "", ""]
        name = " ".join(p for p in (given, additional, family) if p)
    org = components(card.first("ORG"))
    phone = text_value(card.first("TEL"))
    if phone.lower().startswith("tel:"):
        phone = phone[4:]
    languages = [text_value(p) for p in card.properties if p.name == "LANG"]
    fields = {
        "name": name,
        "organisation": org[0] if org else "",
        "role": text_value(card.first("TITLE")) or text_value(card.first("ROLE")),
        "email": text_value(card.first("EMAIL")),
        "phone": phone,
        "languages": ", ".join(lang for lang in languages if lang)
        or text_value(card.first("X-TRACKER-LANGUAGES")),
        "notes": text_value(card.first("NOTE")),
        "staff": _FLAGS.get(text_value(card.first("X-TRACKER-STAFF")).lower(), ""),
        "consent": text_value(card.first("X-TRACKER-CONSENT")),
        "consent_source": text_value(card.first("X-TRACKER-CONSENT-SOURCE")),
        "consent_date": text_value(card.first("X-TRACKER-CONSENT-DATE")),
    }
    for key, value in fields.items():
        if value:
            raw[key] = value
    return raw


def read_vcards(data: bytes) -> VCardFile:
    """Every card of the file as person fields; raises UnreadableFile if none is there."""
    decoded = decode(data)
    cards: list[Card] = []
    problems: list[Problem] = []
    current: Card | None = None
    for number, line in _logical_lines(decoded.text):
        prop = _property(number, line)
        if prop is None:
            problems.append(
                problem(number, f"cannot read this line as a vCard property: {line[:40]!r}")
            )
            continue
        value = prop.value.strip().upper()
        if prop.name == "BEGIN" and value == "VCARD":
            if current is not None:
                problems.append(problem(current.line, "BEGIN:VCARD is never closed"))
            current = Card(number)
        elif prop.name == "END" and value == "VCARD":
            if current is None:
                problems.append(problem(number, "END:VCARD without a BEGIN:VCARD before it"))
            else:
                cards.append(current)
                current = None
        elif current is None:
            problems.append(problem(number, f"{prop.name} is outside any BEGIN:VCARD … END:VCARD"))
        elif prop.name == "VERSION":
            current.version = prop.value.strip()
            if current.version not in VERSIONS:
                problems.append(
                    problem(number, f"vCard version {current.version!r} is not 2.1, 3.0 or 4.0")
                )
        else:
            current.properties.append(prop)
    if current is not None:
        problems.append(problem(current.line, "BEGIN:VCARD is never closed"))
    if not cards and not problems:
        raise UnreadableFile([problem(0, "no vCard in the file (no BEGIN:VCARD line)")])
    versions = tuple(sorted({c.version for c in cards if c.version}))
    return VCardFile(
        records=[(c.line, _person(c)) for c in cards],
        versions=versions,
        encoding=decoded.encoding,
        encoding_note=decoded.note,
        problems=tuple(problems),
    )
