"""Guarantee 4: writers queue up instead of failing, and a stale edit is refused clearly."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.reliability.harness import exit_code, fresh_copy, make_template
from tracker.domain.errors import ConflictError
from tracker.services.context import Services

EDITS = 200


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def prepare(services: Services) -> None:
        services.people.create({"name": "Counter", "notes": "0"})

    return make_template(tmp_path_factory.mktemp("template") / "data", prepare)


def _fork(work: Callable[[], None]) -> int:
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            work()
            code = 0
        except BaseException as exc:  # reported through the exit code and stderr
            os.write(2, f"child failed: {exc!r}\n".encode())
        finally:
            os._exit(code)
    return pid


def test_two_processes_each_doing_200_read_modify_writes_end_with_400(
    template: Path, tmp_path: Path
) -> None:
    settings = fresh_copy(template, tmp_path / "data")

    def raw_edits() -> None:
        """Read and write in one user action: the second writer waits its turn."""
        services = Services.connect(settings)
        for _ in range(EDITS):
            with services.db.write() as session:
                value = session.execute(
                    text("SELECT notes FROM people WHERE full_name = 'Counter'")
                ).scalar_one()
                session.execute(
                    text("UPDATE people SET notes = :n WHERE full_name = 'Counter'"),
                    {"n": str(int(value) + 1)},
                )
        services.close()

    pids = [_fork(raw_edits), _fork(raw_edits)]
    codes = [exit_code(pid) for pid in pids]
    assert codes == [0, 0], "a child failed (database is locked?)"
    services = Services.connect(settings)
    person = services.people.find("Counter")
    assert person.notes == str(2 * EDITS)
    services.close()


def test_form_style_edits_retry_on_conflict_and_lose_nothing(
    template: Path, tmp_path: Path
) -> None:
    """Read, then save with the version read (as a form does); a conflict means re-read."""
    settings = fresh_copy(template, tmp_path / "data")
    conflicts_file = tmp_path / "conflicts"

    def form_edits() -> None:
        services = Services.connect(settings)
        person_id = services.people.find("Counter").id
        conflicts = 0
        done = 0
        while done < EDITS:
            person = services.people.get(person_id)
            try:
                services.people.update(
                    person_id,
                    {"notes": str(int(person.notes) + 1)},
                    expected_version=person.version,
                )
                done += 1
            except ConflictError:
                conflicts += 1
        with open(conflicts_file, "a") as handle:
            handle.write(f"{conflicts}\n")
        services.close()

    pids = [_fork(form_edits), _fork(form_edits)]
    codes = [exit_code(pid) for pid in pids]
    assert codes == [0, 0], "a child failed (database is locked?)"
    services = Services.connect(settings)
    assert services.people.find("Counter").notes == str(2 * EDITS)
    services.close()
    print("conflicts seen:", conflicts_file.read_text().split())


# Tables without a version: rows only added and removed (links), or reference data.
# A new table must be either Editable or listed here with its reason.
NOT_EDITED_IN_PLACE = {
    "countries": "reference data, loaded by the seed",
    "tags": "a name, added and removed, never edited",
    "organisation_tags": "link",
    "plan_categories": "link with a position",
    "plan_objectives": "seeded from the plan document",
    "interaction_organisations": "link",
    "interaction_people": "link",
    "call_deadlines": "added and removed",
    "consortium_members": "link; its role is set whole, one value",
    "mission_participants": "link",
    "mission_events": "link",
    "alembic_version": "alembic's own",
    "erasures": "written once, never edited",
}


def test_every_editable_table_has_a_version_for_optimistic_locking() -> None:
    from tracker.db.base import Base

    for mapper in Base.registry.mappers:
        table = mapper.local_table
        if table.name in NOT_EDITED_IN_PLACE:
            continue
        assert "version" in table.c, f"{table.name} has no version column"
        assert mapper.version_id_col is table.c.version, f"{table.name} does not check it"


def test_every_update_path_carries_the_version_the_user_started_from() -> None:
    import functools
    import importlib
    import inspect
    import pkgutil

    import tracker.services
    from tracker.services import context

    # Services builds each service lazily: its class is the return annotation of a
    # cached property, named as a string; find it among the services' modules.
    classes = {}
    for module_info in pkgutil.iter_modules(tracker.services.__path__):
        module = importlib.import_module(f"tracker.services.{module_info.name}")
        classes.update({k: v for k, v in vars(module).items() if isinstance(v, type)})
    services = [
        classes.get(str(inspect.signature(attr.func).return_annotation))
        for attr in vars(context.Services).values()
        if isinstance(attr, functools.cached_property)
    ]
    checked = []
    for cls in services:
        if not isinstance(cls, type):
            continue
        for name, method in inspect.getmembers(cls, inspect.isfunction):
            if name.startswith("update") or name in ("schedule", "set_recurrence"):
                params = inspect.signature(method).parameters
                assert "expected_version" in params, f"{cls.__name__}.{name}"
                checked.append(f"{cls.__name__}.{name}")
    assert len(checked) >= 6, checked
