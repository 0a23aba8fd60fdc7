"""Identifiers that stay the same for ever, for calendar entries (RFC 5545 UID)."""

from __future__ import annotations

import uuid

UID_DOMAIN = "tracker.clust-er"


def new_uid() -> str:
    return f"{uuid.uuid4()}@{UID_DOMAIN}"
