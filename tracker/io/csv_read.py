"""Reading CSV files the way people's tools write them.

Excel on an Italian Windows saves ``;``-separated cp1252 (or UTF-8 with a BOM, or
UTF-16 tab-separated "Unicode text"); Google Contacts and Outlook write ``,`` in UTF-8.
So: the encoding comes from the BOM, else strict UTF-8, else cp1252 (and the preview
says so); the separator from Excel's ``sep=`` line, else ``csv.Sniffer`` checked
against how consistently each of ``,`` ``;`` and tab splits the sample. Records keep the
physical line they start on (quoted values may span lines), so every message can name
the line a person sees in their editor.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from tracker.io.csv_problems import Problem, UnreadableFile, problem

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
SAMPLE_CHARS = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Files that are not text at all, by their first bytes.
_NOT_TEXT = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip file"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
)
CP1252_NOTE = (
    "the file is not UTF-8: read as Windows-1252 (cp1252, Excel on Windows); "
    "check the accented letters"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used: utf-8, utf-8-sig, utf-16, cp1252, latin-1
    note: str = ""  # for the preview, when the encoding is a guess


@dataclass(frozen=True)
class CsvTable:
    """A file's header and records; ``rows`` are (first physical line, cells)."""

    header: tuple[str, ...]
    header_line: int
    rows: list[tuple[int, list[str]]]
    encoding: str
    encoding_note: str
    delimiter: str
    problems: tuple[Problem, ...]  # records that could not be read (line-numbered)


def decode(data: bytes) -> Decoded:
    """Text from bytes: BOM first, then strict UTF-8, then cp1252 (said in ``note``)."""
    for what_bytes, what in _NOT_TEXT:
        if data.startswith(what_bytes):
            raise UnreadableFile(
                [problem(0, f"this is {what}, not a text file: save it as CSV UTF-8 first")]
            )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableFile(
                    [problem(0, f"the file starts as {encoding} but is not: {exc.reason}")]
                ) from exc
    head = data[:400]
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4 and not head[0::2].count(0):
        return Decoded(data.decode("utf-16-le", errors="replace"), "utf-16-le")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "cp1252", CP1252_NOTE)
    except UnicodeDecodeError:
        note = "the file is neither UTF-8 nor Windows-1252: read as Latin-1"
        return Decoded(data.decode("latin-1"), "latin-1", note)


def _records(sample: str, delimiter: str) -> list[list[str]]:
    try:
        rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
    except csv.Error:
        return []
    return [r for r in rows if any(c.strip() for c in r)]


def _consistency(sample: str, delimiter: str, truncated: bool) -> tuple[float, int]:
    """How well ``delimiter`` splits the sample: (share of rows as wide as the header,
    header width). The last record of a truncated sample may be cut, so it is left out."""
    rows = _records(sample, delimiter)
    if truncated and len(rows) > 2:
        rows = rows[:-1]
    if not rows:
        return 0.0, 0
    width = len(rows[0])
    body = rows[1:]
    if not body:
        return (1.0 if width > 1 else 0.0), width
    fitting = sum(
        1 for r in body if len(r) == width or (len(r) > width and not "".join(r[width:]).strip())
    )
    return fitting / len(body), width


def sniff_delimiter(sample: str, *, truncated: bool = False) -> str:
    """``,`` ``;`` or tab: csv.Sniffer's guess when it splits the sample consistently,
    else the separator that does best; a one-column file gets ``,``."""
    scores = {d: _consistency(sample, d, truncated) for d in DELIMITERS}
    try:
        guess: str | None = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        guess = None
    if guess in scores:
        share, width = scores[guess]
        if width > 1 and share >= 0.9:
            return guess
    splitting = [d for d in DELIMITERS if scores[d][1] > 1]
    if not splitting:
        return ","
    return max(splitting, key=lambda d: scores[d])


def _excel_sep(first_line: str) -> str | None:
    """Excel's ``sep=;`` first line names the separator."""
    text = first_line.rstrip("\r\n")
    if text.lower().startswith("sep=") and len(text) == 5 and text[4] in DELIMITERS:
        return text[4]
    return None


def _csv_message(exc: csv.Error) -> str:
    text = str(exc)
    if "unexpected end of data" in text:
        return 'a quoted value opened on this line is never closed (a stray " ?)'
    if "expected after" in text:
        return f'bad quoting: {text} (a " inside a value must be doubled: "")'
    if "field larger than field limit" in text:
        return 'a value is far too long (a stray " may have swallowed the lines after it)'
    return f"cannot read this record: {text}"


def _physical_lines(text: str) -> Iterator[str]:
    # newline="" keeps \r\n, \r and \n as they are, one physical line each.
    return iter(io.StringIO(text, newline=""))


def read_table(data: bytes, *, delimiter: str | None = None) -> CsvTable:
    """Decode, sniff and split a CSV file; raises UnreadableFile when nothing is readable."""
    decoded = decode(data)
    text = decoded.text
    if not text.strip():
        raise UnreadableFile([problem(0, "the file is empty")])
    lines = _physical_lines(text)
    first = next(lines)
    skipped = 0
    chosen = _excel_sep(first)
    if chosen is not None:
        skipped = 1
    else:
        lines = _chain(first, lines)
    if delimiter is None:
        body = text[len(first) :] if skipped else text
        sample = body[:SAMPLE_CHARS]
        truncated = len(body) > SAMPLE_CHARS
        delimiter = chosen or sniff_delimiter(sample, truncated=truncated)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    problems: list[Problem] = []
    header: tuple[str, ...] | None = None
    header_line = 0
    rows: list[tuple[int, list[str]]] = []
    done = skipped  # physical lines consumed before the next record
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(problem(done + 1, _csv_message(exc)))
            done = skipped + reader.line_num
            continue
        line, done = done + 1, skipped + reader.line_num
        if not "".join(cells).strip():  # blank or whitespace only (one C call, not a loop)
            continue
        if header is None:
            header, header_line = tuple(c.replace("\x00", "").strip() for c in cells), line
            continue
        width = len(header)
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        elif len(cells) > width:
            if "".join(cells[width:]).strip():
                problems.append(
                    problem(
                        line,
                        f"{len(cells)} values but the header names {width} columns "
                        f"(a {DELIMITER_NAMES[delimiter]} inside a value that is not quoted?)",
                    )
                )
                continue
            del cells[width:]
        rows.append((line, cells))
    if header is None:
        raise UnreadableFile([*problems, problem(0, "the file has no header line")])
    return CsvTable(
        header=header,
        header_line=header_line,
        rows=rows,
        encoding=decoded.encoding,
        encoding_note=decoded.note,
        delimiter=delimiter,
        problems=tuple(problems),
    )


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest
