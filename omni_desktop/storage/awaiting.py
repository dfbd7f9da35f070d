"""The sends whose delivery reports may still be waiting at the API: accepted, with messages
not final yet (not settled). The API gives each report once, so these are what the app asks
for: an account's at the next start, a campaign's when the operator asks.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from omni_desktop.storage.sends import SendState, to_db_time

if TYPE_CHECKING:
    from omni_desktop.storage.outbox import Outbox

ACCEPTED = SendState.ACCEPTED.value


def of_account(
    outbox: Outbox,
    profile: str | None,
    base_url: str,
    since: datetime,
    until: datetime,
    limit: int = 500,
) -> list[str]:
    """The bulk IDs of the account's sends made from `since` to before `until`, oldest first."""
    with outbox.reading() as db:
        rows = db.execute(
            "SELECT bulk_id FROM sends WHERE state = ? AND settled_at IS NULL "
            "AND created_at >= ? AND created_at < ? AND base_url = ? AND profile IS ? "
            "ORDER BY id LIMIT ?",
            (ACCEPTED, to_db_time(since), to_db_time(until), base_url, profile, limit),
        ).fetchall()
    return [str(row[0]) for row in rows]


def of_campaign(outbox: Outbox, campaign_id: int) -> list[str]:
    """The bulk IDs of the campaign's requests (their current sends), in plan order."""
    with outbox.reading() as db:
        rows = db.execute(
            "SELECT s.bulk_id FROM campaign_requests r JOIN sends s ON s.id = r.send_id "
            "WHERE r.campaign_id = ? AND s.state = ? AND s.settled_at IS NULL ORDER BY r.seq",
            (campaign_id, ACCEPTED),
        ).fetchall()
    return [str(row[0]) for row in rows]


__all__ = ["of_account", "of_campaign"]
