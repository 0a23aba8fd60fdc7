"""Everything a front end needs, built from settings: the composition root of services."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.config import Settings
from tracker.db.engine import Database
from tracker.db.migrate import UpgradeReport, current_revision, head_revision, upgrade_to_head
from tracker.services._storage import GuardedDatabase
from tracker.services.budget import BudgetService
from tracker.services.calendar import CalendarService
from tracker.services.calendar_io import CalendarIOService
from tracker.services.contact_log import ContactLogService
from tracker.services.countries import CountryService
from tracker.services.csv_io import CsvService
from tracker.services.dto import SeedReport
from tracker.services.duplicates import DuplicateService
from tracker.services.events import EventService
from tracker.services.expenses import ExpenseService
from tracker.services.funding import FundingService
from tracker.services.missions import MissionService
from tracker.services.organisations import OrganisationService
from tracker.services.people import PeopleService
from tracker.services.personal_data import PersonalDataService
from tracker.services.plans import PlanService
from tracker.services.recurrence import RecurrenceService
from tracker.services.reports import ReportService
from tracker.services.search import SearchService
from tracker.services.seed import SeedService
from tracker.services.vcard_io import VCardService


@dataclass
class Services:
    settings: Settings
    db: Database
    plans: PlanService
    budget: BudgetService
    events: EventService
    expenses: ExpenseService
    countries: CountryService
    seeds: SeedService
    organisations: OrganisationService
    people: PeopleService
    contact_log: ContactLogService
    funding: FundingService
    duplicates: DuplicateService
    search: SearchService
    missions: MissionService
    calendar: CalendarService
    recurrence: RecurrenceService
    calendar_io: CalendarIOService
    csv: CsvService
    vcard: VCardService
    reports: ReportService
    personal_data: PersonalDataService
    upgrade: UpgradeReport | None = None
    seeded: SeedReport | None = None  # what open() seeded into a brand-new database

    @classmethod
    def connect(cls, settings: Settings) -> Services:
        db = GuardedDatabase(settings.database_url)
        return cls(
            settings=settings,
            db=db,
            plans=PlanService(db),
            budget=BudgetService(db),
            events=EventService(db),
            expenses=ExpenseService(db),
            countries=CountryService(db),
            seeds=SeedService(db),
            organisations=OrganisationService(db),
            people=PeopleService(db),
            contact_log=ContactLogService(db),
            funding=FundingService(db),
            duplicates=DuplicateService(db),
            search=SearchService(db),
            missions=MissionService(db),
            calendar=CalendarService(db),
            recurrence=RecurrenceService(db),
            calendar_io=CalendarIOService(db),
            csv=CsvService(db),
            vcard=VCardService(db),
            reports=ReportService(db),
            personal_data=PersonalDataService(db),
        )

    @classmethod
    def open(cls, settings: Settings, *, seed_if_new: bool = True) -> Services:
        """Connect, upgrade the schema (backing up first), and seed a brand-new database."""
        services = cls.connect(settings)
        was_new = current_revision(services.db.engine) is None
        services.upgrade = upgrade_to_head(
            services.db.engine, backup_dir=settings.backup_dir, keep_backups=settings.keep_backups
        )
        if was_new and seed_if_new:
            services.seeded = services.seeds.seed()
        return services

    def schema_status(self) -> tuple[str | None, str | None]:
        return current_revision(self.db.engine), head_revision()

    def close(self) -> None:
        self.db.dispose()
