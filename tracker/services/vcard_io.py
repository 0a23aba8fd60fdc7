"""People as vCards: export (4.0 or 3.0) and import (2.1, 3.0, 4.0).

Import goes through the same checks, duplicate rules and all-or-nothing writing as a
CSV of people (see _csv_people); each card's problems carry the line of its BEGIN:VCARD.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.domain.errors import ValidationError
from tracker.domain.models import Organisation, Person
from tracker.i18n import _
from tracker.io.csv_problems import UnreadableFile
from tracker.io.vcard_read import read_vcards
from tracker.io.vcard_write import WRITE_VERSIONS, PersonCard, write_vcards
from tracker.services._csv_export import pages
from tracker.services._csv_import import Head, refused, run_import
from tracker.services._csv_people import PeopleImport
from tracker.services.dto_io import ExportResult, ImportReport, Progress


def _cards(session: Session) -> Iterator[PersonCard]:
    p = Person
    stmt = select(
        p.id, p.full_name, Organisation.name, p.role, p.email, p.phone, p.languages, p.notes,
        p.is_staff, p.consent, p.consent_source, p.consent_date,
    ).outerjoin(Organisation, Organisation.id == p.organisation_id)  # fmt: skip
    for page in pages(session, stmt, p.id):
        for r in page:
            yield PersonCard(
                full_name=r.full_name,
                organisation=r.name or "",
                role=r.role,
                email=r.email,
                phone=r.phone,
                languages=r.languages,
                notes=r.notes,
                is_staff=r.is_staff,
                consent=r.consent.value,
                consent_source=r.consent_source,
                consent_date=r.consent_date.isoformat() if r.consent_date else "",
            )


class VCardService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def export(self, path: Path, *, version: str = "4.0") -> ExportResult:
        """Write every person as a vCard to ``path`` (atomically, mode 0600)."""
        if version not in WRITE_VERSIONS:
            raise ValidationError(
                {
                    "version": _("write vCard {WRITE_VERSIONS}").format(
                        WRITE_VERSIONS=" or ".join(WRITE_VERSIONS)
                    )
                }
            )
        with self._db.read() as session:
            count = write_vcards(path, _cards(session), version=version)
        return ExportResult("people", path, count)

    def import_file(
        self, path: Path, *, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportReport:
        """Check and import the people of a .vcf file; all or nothing, as for CSV."""
        try:
            cards = read_vcards(path.read_bytes())
        except UnreadableFile as exc:
            head = Head("people", path.name, file_format="vcard", problems=exc.problems)
            return refused(head, dry_run=dry_run)
        head = Head(
            "people",
            path.name,
            file_format="vcard",
            problems=cards.problems,
            encoding=cards.encoding,
            encoding_note=cards.encoding_note,
            version=", ".join(cards.versions),
        )
        return run_import(
            self._db, PeopleImport, head, cards.records, dry_run=dry_run, progress=progress
        )
