"""Who a scenario step sends as (its `from`), checked per channel; one plain sentence a problem.

The rules follow the OMNI documentation: SMS takes an alphanumeric sender of at most 11
characters or a number; e-mail an address; Voice a caller number; the other channels a name or
code of the account's own (a Viber service name, a push application code), which only the
platform can check, so for them only the form is checked here. An empty sender is allowed: the
API's schema requires only the channel. Shared by the sandbox, the service and the window.
"""

from __future__ import annotations

import re
from enum import Enum

from omni_desktop.core.addresses import check_email
from omni_desktop.core.i18n import tr


class SenderKind(Enum):
    SMS = "sms"  # alphanumeric (at most 11) or a number
    NUMBER = "number"  # a phone number, as digits with an optional leading +
    EMAIL = "email"  # an e-mail address
    NAME = "name"  # any one line of text the account registered


# Every channel a scenario step may name: today's OpenAPI list, and the 2018 clients' FACEBOOK
# and PARSECO, which an account may still have.
SENDER_KINDS: dict[str, SenderKind] = {
    "SMS": SenderKind.SMS,
    "EMAIL": SenderKind.EMAIL,
    "VOICE": SenderKind.NUMBER,
    "PUSH": SenderKind.NAME,
    "VIBER": SenderKind.NAME,
    "LINE": SenderKind.NAME,
    "VKONTAKTE": SenderKind.NAME,
    "KAKAO_CHINGU": SenderKind.NAME,
    "KAKAO_ALIM": SenderKind.NAME,
    "WHATSAPP": SenderKind.NAME,
    "FACEBOOK": SenderKind.NAME,
    "PARSECO": SenderKind.NAME,
}
OMNI_CHANNELS: tuple[str, ...] = tuple(SENDER_KINDS)

SMS_ALPHANUMERIC_MAX = 11
NUMBER_DIGITS = (3, 15)  # a short code of 3 digits up to a full international number
SENDER_MAX = 1000  # no channel's sender comes near; a longer one is a pasting accident

_NUMBER = re.compile(r"\+?[0-9]+")
_ALPHANUMERIC = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def sender_problem(channel: str, sender: str) -> str | None:
    """Why `sender` cannot send on `channel` (a flow name such as "SMS"), or None when it can.

    An unknown channel is not judged here (the flow check names it).
    """
    kind = SENDER_KINDS.get(channel)
    if kind is None or sender == "":
        return None
    if _CONTROL.search(sender):
        return tr("The sender holds a line break or a control character; write it on one line.")
    if len(sender) > SENDER_MAX:
        return tr("The sender is longer than {limit} characters.").format(limit=SENDER_MAX)
    if sender != sender.strip() or not sender.strip():
        return tr("The sender starts or ends with a space; remove it.")
    if kind is SenderKind.SMS:
        return _sms_problem(sender)
    if kind is SenderKind.NUMBER:
        return _number_problem(sender)
    if kind is SenderKind.EMAIL:
        _, reason = check_email(sender)
        if reason is not None:
            return tr("The sender must be an e-mail address: {reason}").format(reason=reason)
    return None


def _number_problem(sender: str) -> str | None:
    low, high = NUMBER_DIGITS
    digits = sender.removeprefix("+")
    if not _NUMBER.fullmatch(sender):
        return tr(
            "The sender {sender!r} is not a phone number; write digits only, like 41793026727."
        ).format(sender=sender)
    if not low <= len(digits) <= high:
        return tr("A sender number has {low} to {high} digits, not {count}.").format(
            low=low, high=high, count=len(digits)
        )
    return None


def _sms_problem(sender: str) -> str | None:
    if _NUMBER.fullmatch(sender):
        return _number_problem(sender)
    if not _ALPHANUMERIC.fullmatch(sender):
        return tr(
            "An SMS sender uses only the letters A-Z, digits and single spaces, or is a "
            "phone number; {sender!r} is neither."
        ).format(sender=sender)
    if len(sender) > SMS_ALPHANUMERIC_MAX:
        return tr(
            "An SMS sender of letters is at most {limit} characters; {sender!r} has {count}."
        ).format(limit=SMS_ALPHANUMERIC_MAX, sender=sender, count=len(sender))
    return None


def sender_hint(channel: str) -> str:
    """What the sender of `channel` should look like, for a field's tooltip or placeholder."""
    kind = SENDER_KINDS.get(channel)
    if kind is SenderKind.SMS:
        return tr("At most 11 letters and digits, or a phone number.")
    if kind is SenderKind.NUMBER:
        return tr("A phone number, digits only.")
    if kind is SenderKind.EMAIL:
        return tr("An e-mail address, like shop@example.com.")
    return tr("The sender name or code registered with the account.")


__all__ = [
    "OMNI_CHANNELS",
    "SENDER_KINDS",
    "SMS_ALPHANUMERIC_MAX",
    "SenderKind",
    "sender_hint",
    "sender_problem",
]
