"""How the history words a campaign and its requests: title, state, counts and summary.

A campaign is counted by its requests' states (from SQL, `storage.campaigns.get`), the
messages of each state summed: "Accepted 2,000 · Not started 500". A test send is never among
them.
"""

from __future__ import annotations

from collections.abc import Mapping

from omni_desktop.core.i18n import tr_noop
from omni_desktop.core.status import StatusGroup

from omni_desktop.storage.campaigns import PENDING, CampaignRecord, CampaignState, RequestEntry
from omni_desktop.storage.sends import SendState

from omni_desktop.ui.history.format import account_name, groups_text, local_time, utc_time
from omni_desktop.ui.i18n import grouped, tr, trn

# A request's state in words, in the order a campaign's counts are listed.
REQUEST_STATES = {
    SendState.ACCEPTED.value: tr_noop("Accepted"),
    SendState.REJECTED.value: tr_noop("Rejected"),
    SendState.UNKNOWN.value: tr_noop("Unknown"),
    SendState.NOT_SENT.value: tr_noop("Not sent"),
    SendState.SENDING.value: tr_noop("Sending…"),
    PENDING: tr_noop("Not started"),
}


def request_state(state: str) -> str:
    """`Accepted`, `Not started`…: a request's state (a SendState's value, or PENDING)."""
    return tr(REQUEST_STATES.get(state, state))


def campaign_title(record: CampaignRecord) -> str:
    """`Campaign #3 · customers.csv`: its number, and its name when it has one."""
    title = tr("Campaign #{id}").format(id=record.id)
    return f"{title} · {record.name}" if record.name else title


def campaign_state(record: CampaignRecord) -> str:
    """`Finished`, `Paused — resumable`, `Cancelled` or `Running`."""
    state = record.state
    if state is CampaignState.PAUSED:
        return tr("Paused — resumable") if record.resumable else tr("Paused")
    if state is CampaignState.CANCELLED:
        return tr("Cancelled")
    if state is CampaignState.FINISHED:
        return tr("Finished")
    return tr("Running")


def requests_text(record: CampaignRecord) -> str:
    return trn("%n request(s)", None, record.request_count)


def campaign_counts(record: CampaignRecord, separator: str = " · ") -> str:
    """`Accepted 2,000 · Not started 500`: the messages of its requests, by request state."""
    return separator.join(
        f"{request_state(state)} {grouped(record.messages[state])}"
        for state in REQUEST_STATES
        if record.messages.get(state)
    )


def campaign_outcome(record: CampaignRecord) -> tuple[str, StatusGroup, int]:
    """Its state and counts, the group that colours its dot, and its rank (as a send's)."""
    text = f"{campaign_state(record)} · {campaign_counts(record)}".rstrip(" ·")
    if record.count(SendState.UNKNOWN):
        return text, StatusGroup.UNKNOWN, 0
    if record.state is CampaignState.RUNNING or record.count(SendState.SENDING):
        return text, StatusGroup.PENDING, 1
    if record.count(SendState.REJECTED) or record.count(SendState.NOT_SENT):
        return text, StatusGroup.REJECTED, 4
    if record.pending:
        return text, StatusGroup.EXPIRED, 5
    return text, StatusGroup.ACCEPTED, 2


def campaign_summary(record: CampaignRecord, delivery: Mapping[str, int] | None = None) -> str:
    """The details' lines for a campaign: which, when, through which account, its state,
    its requests and recipients by state, its messages by status group (`delivery`, when
    its requests are loaded), and why it stopped."""
    lines = [
        tr("{campaign} · {local} ({utc}) · {account} · {state}").format(
            campaign=campaign_title(record),
            local=local_time(record.created_at),
            utc=utc_time(record.created_at, short=True),
            account=account_name(record),
            state=campaign_state(record),
        ),
        tr("{requests} to {recipients}: {counts}.").format(
            requests=requests_text(record),
            recipients=trn("%n recipient(s)", None, record.message_count),
            counts=campaign_counts(record, ", ").lower(),
        ),
    ]
    if delivery and (counts := groups_text(delivery)):
        lines.append(tr("Messages: {counts}").format(counts=counts))
    if record.note:
        lines.append(record.note)
    return "\n".join(lines)


def request_label(entry: RequestEntry) -> str:
    """`3` (its place in the plan), or `earlier` for a send of a request planned again since."""
    return tr("earlier") if entry.seq is None else str(entry.seq + 1)


def request_title(campaign: CampaignRecord, entry: RequestEntry) -> str:
    """`Campaign #3 · customers.csv · request 2 of 10`, the line above a chosen request."""
    if entry.seq is None:
        return tr("{campaign} · an earlier attempt of a request, planned again since").format(
            campaign=campaign_title(campaign)
        )
    return tr("{campaign} · request {n} of {count}").format(
        campaign=campaign_title(campaign), n=entry.seq + 1, count=campaign.request_count
    )


__all__ = [
    "REQUEST_STATES",
    "campaign_counts",
    "campaign_outcome",
    "campaign_state",
    "campaign_summary",
    "campaign_title",
    "request_label",
    "request_state",
    "request_title",
    "requests_text",
]
