"""The first reading of an iCalendar file: bytes to text, text to line-numbered components.

icalendar reads files well but rarely says *where* it stumbled, so this pass finds the
places itself: the encoding, the folding, each content line's shape (parsed with
icalendar's own ``Contentline``) and the balance of BEGIN/END. What it cannot read
becomes a ``Problem`` on the line where it starts; nothing here ever raises.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from icalendar.parser import Contentline

from tracker.io.ics_types import Note, Problem

MAX_PROBLEMS = 100  # a fuzzed file can be wrong on every line; a hundred says enough

_BREAK = re.compile(r"\r\n|\r|\n")
_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_TOKEN = re.compile(r"[A-Za-z0-9-]+")
_NEEDS_CARE = re.compile(r'["^ \t]')  # quotes, RFC 6868 escapes, stray spaces
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Prop:
    line: int
    name: str  # upper case
    params: dict[str, str]  # upper-case names; several values joined by commas
    value: str  # as written: still escaped, not yet interpreted


@dataclass
class Component:
    name: str  # upper case
    line: int  # its BEGIN line
    end_line: int = 0  # its END line; 0 while (or if never) closed
    props: list[Prop] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def first(self, name: str) -> Prop | None:
        return next((p for p in self.props if p.name == name), None)

    def every(self, name: str) -> list[Prop]:
        return [p for p in self.props if p.name == name]


@dataclass
class Scan:
    calendars: list[Component]
    problems: list[Problem]
    warnings: list[Note]
    lines: list[str]  # the physical lines, to hand a component's own text to icalendar

    def text_of(self, component: Component) -> str:
        return "\r\n".join(self.lines[component.line - 1 : component.end_line]) + "\r\n"


def _line_of_offset(data: bytes, offset: int) -> int:
    return len(_BREAK_BYTES.findall(data, 0, offset)) + 1


def decode(data: bytes) -> tuple[str | None, list[Note], list[Problem]]:
    """The file's text: BOM removed, UTF-8 or else Windows-1252 (with a warning)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), [], []
            except UnicodeDecodeError as exc:
                line = _line_of_offset(data, exc.start)
                return None, [], [Problem(line, f"the file says it is {encoding} but is not")]
    try:
        return data.decode("utf-8"), [], []
    except UnicodeDecodeError as exc:
        line = _line_of_offset(data, exc.start)
        first_bad = data[exc.start]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        why = f"byte 0x{first_bad:02X} is neither UTF-8 nor Windows-1252 text: is it a calendar?"
        return None, [], [Problem(line, why)]
    said = "the file is not UTF-8 (from here on): read as Windows-1252 (Western European)"
    return text, [Note(line, said)], []


def _shown(text: str, limit: int = 60) -> str:
    text = _CONTROL.sub("?", text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def logical_lines(text: str) -> tuple[list[str], list[tuple[int, str]], list[Problem]]:
    """Physical lines, then the unfolded content lines with the number of their first line.

    As in icalendar, blank lines are skipped and do not end a fold.
    """
    physical = _BREAK.split(text)
    logical: list[tuple[int, str]] = []
    problems: list[Problem] = []
    for number, raw in enumerate(physical, start=1):
        if raw[:1] in (" ", "\t"):
            if logical:
                first, so_far = logical[-1]
                logical[-1] = (first, so_far + raw[1:])
            elif raw.strip():
                problems.append(Problem(number, "the file starts with a continued line"))
        elif raw:
            logical.append((number, raw))
    return physical, logical, problems


def _plain_parts(text: str) -> tuple[str, dict[str, str], str] | None:
    """NAME;P=V:VALUE split directly when nothing in the name or parameters needs care.

    Most lines look like that, and icalendar's reader is slow on ten thousand of them;
    quotes, RFC 6868 escapes, spaces or anything odd go to icalendar instead.
    """
    head, colon, value = text.partition(":")
    if not colon or _NEEDS_CARE.search(head):
        return None
    name, *pairs = head.split(";")
    params: dict[str, str] = {}
    for pair in pairs:
        key, equals, param = pair.partition("=")
        if not equals or not _TOKEN.fullmatch(key):
            return None
        params[key.upper()] = param
    return name, params, value


def parse_line(number: int, text: str) -> Prop | Problem:
    """One content line as NAME, parameters and raw value, or what is wrong with it."""
    control = _CONTROL.search(text)
    if control:
        code = f"U+{ord(control.group()):04X}"
        return Problem(number, f"holds a control character ({code}), which calendars never do")
    plain = _plain_parts(text)
    if plain is not None and _TOKEN.fullmatch(plain[0]):
        return Prop(number, plain[0].upper(), plain[1], plain[2])
    content = Contentline(text)  # type: ignore[no-untyped-call]
    if content.value_separator_index() < 0:
        return Problem(number, f"{_shown(text)} is not a calendar line (NAME:VALUE)")
    try:
        name, params, value = content.raw_parts()
    except Exception as exc:  # icalendar's own reading, whatever it raises
        why = str(exc).rsplit(": ", 1)[-1]
        return Problem(number, f"{_shown(text)} is not a calendar line (NAME:VALUE): {why}")
    if not _TOKEN.fullmatch(name):
        return Problem(number, f"{_shown(name)} is not a property name (letters, digits, '-')")
    flat = {
        str(key).upper(): ",".join(str(v) for v in val) if isinstance(val, list) else str(val)
        for key, val in params.items()
    }
    return Prop(number, name.upper(), flat, value)


class _Builder:
    """Components from content lines, checking that every BEGIN has its END."""

    def __init__(self, last_line: int) -> None:
        self.last_line = last_line
        self.roots: list[Component] = []
        self.stack: list[Component] = []
        self.problems: list[Problem] = []

    def begin(self, prop: Prop) -> None:
        name = prop.value.strip().upper()
        if not _TOKEN.fullmatch(name):
            self.problems.append(
                Problem(prop.line, f"BEGIN needs a component name such as VEVENT, not {name!r}")
            )
            name = "X-UNNAMED"
        component = Component(name, prop.line)
        if self.stack:
            self.stack[-1].children.append(component)
        else:
            self.roots.append(component)
            if name != "VCALENDAR":
                self.problems.append(
                    Problem(
                        prop.line,
                        f"BEGIN:{name} outside a calendar: the file must hold "
                        "BEGIN:VCALENDAR … END:VCALENDAR",
                    )
                )
        self.stack.append(component)

    def end(self, prop: Prop) -> None:
        name = prop.value.strip().upper()
        open_names = [c.name for c in self.stack]
        if name not in open_names:
            if self.stack:
                inner = self.stack[-1]
                what = f"does not close BEGIN:{inner.name} (line {inner.line})"
            else:
                what = f"has no BEGIN:{name} before it"
            self.problems.append(Problem(prop.line, f"END:{name} {what}"))
            return
        while self.stack[-1].name != name:
            unclosed = self.stack.pop()
            self.problems.append(
                Problem(
                    unclosed.line,
                    f"BEGIN:{unclosed.name} is never closed (END:{name} at line {prop.line} "
                    "comes first)",
                )
            )
        self.stack.pop().end_line = prop.line

    def add(self, prop: Prop) -> None:
        if prop.name == "BEGIN":
            self.begin(prop)
        elif prop.name == "END":
            self.end(prop)
        elif self.stack:
            self.stack[-1].props.append(prop)
        else:
            self.problems.append(
                Problem(prop.line, f"{prop.name} stands outside BEGIN:VCALENDAR … END:VCALENDAR")
            )

    def finish(self) -> None:
        while self.stack:
            unclosed = self.stack.pop()
            self.problems.append(
                Problem(
                    unclosed.line,
                    f"BEGIN:{unclosed.name} is never closed (the file ends at line "
                    f"{self.last_line}: was it cut short?)",
                )
            )


def _capped(problems: list[Problem]) -> list[Problem]:
    problems = sorted(problems)
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = problems[MAX_PROBLEMS:]
    more = Problem(rest[0].line, f"… and {len(rest)} more problems after this line")
    return [*problems[:MAX_PROBLEMS], more]


def scan(data: bytes) -> Scan:
    """The components of a calendar file, with every problem of shape and structure."""
    text, warnings, problems = decode(data)
    if text is None:
        return Scan([], problems, warnings, [])
    physical, logical, problems = logical_lines(text)
    if not logical:
        return Scan([], [Problem(1, "the file is empty")], warnings, physical)
    first_line, first_text = logical[0]
    if first_text.strip().upper() != "BEGIN:VCALENDAR":
        why = f"this is not an iCalendar file: it starts with {_shown(first_text)}"
        return Scan([], [Problem(first_line, f"{why}, not BEGIN:VCALENDAR")], warnings, physical)
    builder = _Builder(last_line=len(physical) if physical[-1] else len(physical) - 1)
    for number, content in logical:
        parsed = parse_line(number, content)
        if isinstance(parsed, Problem):
            problems.append(parsed)
        else:
            builder.add(parsed)
    builder.finish()
    return Scan(builder.roots, _capped(problems + builder.problems), warnings, physical)
