"""Where the board shows an organisation, so the TUI can follow a card it just moved."""

from __future__ import annotations

from tracker.services.context import Services
from tracker.services.dto_partners import OrganisationQuery


def test_board_position_is_the_place_in_the_columns_order(services: Services) -> None:
    orgs = services.organisations
    for name in ("Zeta", "alpha", "Beta", "Beta"):
        orgs.create({"name": name, "stage": "contacted", "country": "BE"})
    column = orgs.list(OrganisationQuery(stage="contacted", limit=50)).rows
    for index, row in enumerate(column):  # the board's own order, whatever the collation
        assert orgs.board_position(row.id) == ("contacted", index)
    enrich = orgs.find("ENRICH USA").id
    assert orgs.board_position(enrich, country="US") == ("contacted", 0)
    assert orgs.board_position(enrich, country="BE") is None  # filtered out
    assert orgs.board_position(enrich, kind="cluster") is None
