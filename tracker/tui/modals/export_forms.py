"""Forms of the documents & data screen: what to write, where, and which file to import.

Each form shows the file it will write before anything is written (a default in the
current folder, following the language and format chosen until the path is edited).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.widgets import Input, Select, Switch

from tracker.i18n import N_, _
from tracker.tui.modals.form import FormErrors, FormModal
from tracker.tui.widgets.field import Field

LANGS = ((N_("Italian"), "it"), (N_("English"), "en"))
CSV_KINDS = (
    (N_("organisations"), "orgs"),
    (N_("people"), "people"),
    (N_("events"), "events"),
    (N_("contact log"), "log"),
)
SEPARATORS = ((N_("comma ,"), ","), (N_("semicolon ; (Excel in Italy)"), ";"), (N_("tab"), "\t"))


@dataclass(frozen=True)
class FileRequest:
    """What to write (or read): ``what`` names the action, the rest are its options."""

    what: str  # document | workbook | csv | vcard | import-csv | import-vcard
    path: Path
    lang: str = "it"
    fmt: str = ""  # md | html for a document; the vCard version
    kind: str = ""  # orgs | people | events | log for CSV
    delimiter: str = ","
    bom: bool = False


def _options(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(_(label), value) for label, value in pairs]


def choice(label: str, key: str, pairs: Iterable[tuple[str, str]], value: str) -> Field:
    """A field choosing one of ``pairs`` (labels translated where shown)."""
    return Field(label, Select(_options(pairs), value=value, allow_blank=False, id=key), key=key)


def resolve(text: str, base: Path) -> Path:
    """A typed path: ``~`` expanded, relative to ``base``."""
    try:
        path = Path(text.strip()).expanduser()
    except RuntimeError as exc:  # ~someone who does not exist here
        message = _("there is no home folder for {name}").format(name=text.split("/")[0])
        raise FormErrors({"path": message}) from exc
    return path if path.is_absolute() else base / path


class FileForm(FormModal[FileRequest]):
    """A form with a file path whose default follows the other choices until edited."""

    WHAT: ClassVar[str] = ""
    SAVE_LABEL: ClassVar[str] = N_("Write")

    def __init__(
        self, year: int, folder: Path, *, title: str | None = None, banner: str | None = None
    ) -> None:
        super().__init__(title=title or _(self.TITLE_TEXT), banner=banner)
        self.year = year
        self.folder = folder
        self._default = ""

    def default_name(self, values: Mapping[str, object]) -> str:
        raise NotImplementedError

    def path_field(self) -> Field:
        self._default = str(self.folder / self.default_name({}))
        return Field(
            _("File (you are asked before one is replaced)"),
            Input(self._default, id="path"),
            key="path",
        )

    @on(Select.Changed)
    @on(Switch.Changed)
    def _follow(self) -> None:
        paths = self.query("#path").results(Input)
        path = next(paths, None)
        name = self.default_name(self.values())
        if path is not None and name and path.value == self._default:
            self._default = str(self.folder / name)
            path.value = self._default

    def checked_path(self, values: Mapping[str, object]) -> Path:
        text = str(values.get("path") or "").strip()
        if not text:
            raise FormErrors({"path": _("give the file a name")})
        path = resolve(text, self.folder)
        if path.is_dir():
            raise FormErrors({"path": _("{path} is a folder: add a file name").format(path=path)})
        if not path.parent.is_dir():
            message = _("there is no folder {folder}").format(folder=path.parent)
            raise FormErrors({"path": message})
        return path


class DocumentForm(FileForm):
    TITLE_TEXT: ClassVar[str] = N_("Write the plan document")

    def default_name(self, values: Mapping[str, object]) -> str:
        lang, fmt = values.get("lang") or "it", values.get("fmt") or "md"
        return f"plan-{self.year}-{lang}.{fmt}"

    def fields(self) -> Iterable[Field]:
        yield choice(_("Language"), "lang", LANGS, "it")
        formats = [(N_("Markdown (.md)"), "md"), (N_("HTML, prints on A4 (.html)"), "html")]
        yield choice(_("Format"), "fmt", formats, "md")
        yield self.path_field()

    def submit(self, values: Mapping[str, object]) -> FileRequest:
        path = self.checked_path(values)
        return FileRequest("document", path, lang=str(values["lang"]), fmt=str(values["fmt"]))


class WorkbookForm(FileForm):
    TITLE_TEXT: ClassVar[str] = N_("Export the plan workbook (.xlsx)")

    def default_name(self, values: Mapping[str, object]) -> str:
        return f"plan-{self.year}-{values.get('lang') or 'it'}.xlsx"

    def fields(self) -> Iterable[Field]:
        yield choice(_("Language of the sheets"), "lang", LANGS, "it")
        yield self.path_field()

    def submit(self, values: Mapping[str, object]) -> FileRequest:
        return FileRequest("workbook", self.checked_path(values), lang=str(values["lang"]))


class CsvExportForm(FileForm):
    TITLE_TEXT: ClassVar[str] = N_("Export records to CSV")

    def default_name(self, values: Mapping[str, object]) -> str:
        return f"{values.get('kind') or 'orgs'}.csv"

    def fields(self) -> Iterable[Field]:
        yield choice(_("Records"), "kind", CSV_KINDS, "orgs")
        yield choice(_("Separator"), "delimiter", SEPARATORS, ",")
        yield Field(
            _("Start with a BOM (Excel then reads accents right)"),
            Switch(value=False, id="bom"),
            key="bom",
        )
        yield self.path_field()

    def submit(self, values: Mapping[str, object]) -> FileRequest:
        return FileRequest(
            "csv",
            self.checked_path(values),
            kind=str(values["kind"]),
            delimiter=str(values["delimiter"]),
            bom=bool(values["bom"]),
        )


class VCardExportForm(FileForm):
    TITLE_TEXT: ClassVar[str] = N_("Export people as vCards")

    def default_name(self, values: Mapping[str, object]) -> str:
        return "people.vcf"

    def fields(self) -> Iterable[Field]:
        versions = [("4.0", "4.0"), (N_("3.0 (older address books)"), "3.0")]
        yield choice(_("vCard version"), "version", versions, "4.0")
        yield self.path_field()

    def submit(self, values: Mapping[str, object]) -> FileRequest:
        return FileRequest("vcard", self.checked_path(values), fmt=str(values["version"]))


class ImportFileForm(FileForm):
    """Which file to import, and (CSV) what its records are."""

    SAVE_LABEL: ClassVar[str] = N_("Read the file")

    def __init__(self, year: int, folder: Path, *, csv: bool) -> None:
        self.csv = csv
        super().__init__(
            year,
            folder,
            title=_("Import from CSV") if csv else _("Import people from vCard"),
            banner=_("Nothing is written yet: the next steps show the columns and a preview."),
        )

    def default_name(self, values: Mapping[str, object]) -> str:
        return ""

    def fields(self) -> Iterable[Field]:
        if self.csv:
            yield choice(_("Records"), "kind", CSV_KINDS[:3], "orgs")
        placeholder = "contacts.csv" if self.csv else "contacts.vcf"
        yield Field(_("File to read"), Input(placeholder=placeholder, id="path"), key="path")

    def submit(self, values: Mapping[str, object]) -> FileRequest:
        text = str(values.get("path") or "").strip()
        if not text:
            raise FormErrors({"path": _("which file?")})
        path = resolve(text, self.folder)
        if not path.is_file():
            raise FormErrors({"path": _("there is no file {path}").format(path=path)})
        if self.csv:
            return FileRequest("import-csv", path, kind=str(values["kind"]))
        return FileRequest("import-vcard", path, kind="people")
