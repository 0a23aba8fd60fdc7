"""Everything a front end needs, built from settings: the composition root of services."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from tracker.config import Settings
from tracker.db.engine import Database
from tracker.db.migrate import UpgradeReport, current_revision, head_revision, upgrade_to_head
from tracker.services._storage import GuardedDatabase
from tracker.services.dto import SeedReport

if TYPE_CHECKING:
    from tracker.services.budget import BudgetService
    from tracker.services.calendar import CalendarService
    from tracker.services.calendar_io import CalendarIOService
    from tracker.services.contact_log import ContactLogService
    from tracker.services.countries import CountryService
    from tracker.services.csv_io import CsvService
    from tracker.services.duplicates import DuplicateService
    from tracker.services.events import EventService
    from tracker.services.expenses import ExpenseService
    from tracker.services.funding import FundingService
    from tracker.services.missions import MissionService
    from tracker.services.organisations import OrganisationService
    from tracker.services.people import PeopleService
    from tracker.services.personal_data import PersonalDataService
    from tracker.services.plan_clone import PlanCloneService
    from tracker.services.plans import PlanService
    from tracker.services.recurrence import RecurrenceService
    from tracker.services.reports import ReportService
    from tracker.services.search import SearchService
    from tracker.services.seed import SeedService
    from tracker.services.vcard_io import VCardService


class Services:
    """Every service of one database, each built (and its module imported) on first use.

    A front end pays for what it shows: the dashboard never imports the workbook writer,
    the calendar or the duplicate finder (rapidfuzz).
    """

    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.db = db
        self.upgrade: UpgradeReport | None = None
        self.seeded: SeedReport | None = None  # what open() seeded into a brand-new database

    @classmethod
    def connect(cls, settings: Settings) -> Services:
        return cls(settings, GuardedDatabase(settings.database_url))

    @cached_property
    def plans(self) -> PlanService:
        from tracker.services.plans import PlanService

        return PlanService(self.db)

    @cached_property
    def plan_clone(self) -> PlanCloneService:
        from tracker.services.plan_clone import PlanCloneService

        return PlanCloneService(self.db)

    @cached_property
    def personal_data(self) -> PersonalDataService:
        from tracker.services.personal_data import PersonalDataService

        return PersonalDataService(self.db)

    @cached_property
    def budget(self) -> BudgetService:
        from tracker.services.budget import BudgetService

        return BudgetService(self.db)

    @cached_property
    def events(self) -> EventService:
        from tracker.services.events import EventService

        return EventService(self.db)

    @cached_property
    def expenses(self) -> ExpenseService:
        from tracker.services.expenses import ExpenseService

        return ExpenseService(self.db)

    @cached_property
    def countries(self) -> CountryService:
        from tracker.services.countries import CountryService

        return CountryService(self.db)

    @cached_property
    def seeds(self) -> SeedService:
        from tracker.services.seed import SeedService

        return SeedService(self.db)

    @cached_property
    def organisations(self) -> OrganisationService:
        from tracker.services.organisations import OrganisationService

        return OrganisationService(self.db)

    @cached_property
    def people(self) -> PeopleService:
        from tracker.services.people import PeopleService

        return PeopleService(self.db)

    @cached_property
    def contact_log(self) -> ContactLogService:
        from tracker.services.contact_log import ContactLogService

        return ContactLogService(self.db)

    @cached_property
    def funding(self) -> FundingService:
        from tracker.services.funding import FundingService

        return FundingService(self.db)

    @cached_property
    def duplicates(self) -> DuplicateService:
        from tracker.services.duplicates import DuplicateService

        return DuplicateService(self.db)

    @cached_property
    def search(self) -> SearchService:
        from tracker.services.search import SearchService

        return SearchService(self.db)

    @cached_property
    def missions(self) -> MissionService:
        from tracker.services.missions import MissionService

        return MissionService(self.db)

    @cached_property
    def calendar(self) -> CalendarService:
        from tracker.services.calendar import CalendarService

        return CalendarService(self.db)

    @cached_property
    def recurrence(self) -> RecurrenceService:
        from tracker.services.recurrence import RecurrenceService

        return RecurrenceService(self.db)

    @cached_property
    def calendar_io(self) -> CalendarIOService:
        from tracker.services.calendar_io import CalendarIOService

        return CalendarIOService(self.db)

    @cached_property
    def csv(self) -> CsvService:
        from tracker.services.csv_io import CsvService

        return CsvService(self.db)

    @cached_property
    def vcard(self) -> VCardService:
        from tracker.services.vcard_io import VCardService

        return VCardService(self.db)

    @cached_property
    def reports(self) -> ReportService:
        from tracker.services.reports import ReportService

        return ReportService(self.db)

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
