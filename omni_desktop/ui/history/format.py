"""How the history words a send: its times, account, outcome and what Check status learnt."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime

from omni_desktop.core.i18n import tr_noop
from omni_desktop.core.status import FARED_ORDER, StatusGroup

from omni_desktop.storage.campaigns import CampaignRecord
from omni_desktop.storage.profiles import SANDBOX_NAME
from omni_desktop.storage.sends import SendRecord, SendState

from omni_desktop.ui.i18n import grouped, tr
from omni_desktop.ui.status.style import group_label

RESEND_NOTE = tr_noop(
    "Send again makes new message IDs; the earlier send keeps its own. "
    "Check its status first if its outcome is unknown."
)


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def utc_time(moment: datetime, short: bool = False) -> str:
    return moment.astimezone(UTC).strftime("%H:%M UTC" if short else "%Y-%m-%d %H:%M UTC")


def account_name(record: SendRecord | CampaignRecord) -> str:
    return record.profile or tr(SANDBOX_NAME)


def _groups(counts: Mapping[str, int]) -> list[tuple[StatusGroup, int]]:
    totals: dict[StatusGroup, int] = {}
    for name, n in counts.items():
        group = StatusGroup.from_name(name)
        totals[group] = totals.get(group, 0) + n
    return [(g, totals[g]) for g in FARED_ORDER if totals.get(g)]


def counts_text(record: SendRecord, separator: str = " · ") -> str:
    """`Delivered 3 · Expired 1`: the messages per status group."""
    return groups_text(record.counts, separator)


def groups_text(counts: Mapping[str, int], separator: str = " · ") -> str:
    """`Delivered 3 · Expired 1`, of message counts by status group name."""
    return separator.join(f"{group_label(g)} {grouped(n)}" for g, n in _groups(counts))


def counts_words(record: SendRecord) -> str:
    """`3 delivered, 1 expired`: the same, to go inside a sentence."""
    return ", ".join(f"{grouped(n)} {group_label(g).lower()}" for g, n in _groups(record.counts))


def outcome(record: SendRecord) -> tuple[str, StatusGroup, int]:
    """What became of a send: its text, the group that colours its dot, and its sort rank."""
    state = record.state
    if state is SendState.UNKNOWN:
        return tr("Unknown"), StatusGroup.UNKNOWN, 0
    if state is SendState.SENDING:
        return tr("Sending…"), StatusGroup.PENDING, 1
    if state is SendState.ACCEPTED:
        groups = _groups(record.counts)
        if record.settled and groups:
            top = max(groups, key=lambda item: item[1])[0]  # the first of the largest
            return counts_text(record), top, 3
        return tr("Accepted"), StatusGroup.ACCEPTED, 2
    if state is SendState.REJECTED:
        return tr("Rejected"), StatusGroup.REJECTED, 4
    return tr("Not sent"), StatusGroup.EXPIRED, 5


def can_check(record: SendRecord) -> bool:
    """Whether asking the logs can tell more: the outcome is unknown, or not all is final."""
    return record.state is SendState.UNKNOWN or (
        record.state is SendState.ACCEPTED and not record.settled
    )


def check_result(record: SendRecord) -> str:
    """What Check status learnt of the send, one or two sentences."""
    if record.settled:
        return tr("Settled from the logs: {counts}.").format(counts=counts_words(record))
    if record.state is SendState.ACCEPTED:
        return tr(
            "The server has this send; not every message is final yet ({counts}). "
            "Check again later."
        ).format(counts=counts_words(record))
    return tr(
        "The logs show none of this send's messages yet, so its outcome is still unknown. "
        "Check again in a minute before sending again."
    )


def send_title(record: SendRecord) -> str:
    """`Send #12`; a campaign's test send says so, since it is never counted in the campaign."""
    if not record.is_test:
        return tr("Send #{id}").format(id=record.id)
    if record.campaign_id is None:
        return tr("Test send #{id}").format(id=record.id)
    return tr("Test send #{id} of campaign #{campaign}").format(
        id=record.id, campaign=record.campaign_id
    )


def summary(record: SendRecord) -> str:
    """The details' first line: which send, when, through which account, with what outcome."""
    text = tr("{send} · {local} ({utc}) · {account} · {outcome}").format(
        send=send_title(record),
        local=local_time(record.created_at),
        utc=utc_time(record.created_at, short=True),
        account=account_name(record),
        outcome=outcome(record)[0],
    )
    if record.error_sentence:
        text += "\n" + record.error_sentence
    return text


def pretty_json(text: str | None) -> str:
    """Stored JSON indented for reading; a damaged history's text is shown as it is stored."""
    if text is None:
        return ""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    except (ValueError, RecursionError):
        return text


def response_text(record: SendRecord) -> str:
    """The Response tab: the failure in words first, then the server's answer as stored."""
    response = pretty_json(record.response_json)
    if record.error_sentence:
        response = record.error_sentence + ("\n\n" + response if response else "")
    return response or tr("No answer has arrived for this send.")


__all__ = [
    "RESEND_NOTE",
    "account_name",
    "can_check",
    "check_result",
    "counts_text",
    "counts_words",
    "local_time",
    "outcome",
    "pretty_json",
    "response_text",
    "send_title",
    "summary",
    "utc_time",
]
