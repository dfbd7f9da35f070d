"""The JSON types of the advanced request's keys, as Infobip's OpenAPI schema gives them.

`OmniAdvancedRequest` and its channel schemas; `facebook` and `parseco`, retired from the
schema, as the 2018 clients had them. Reading a draft checks every key listed here, so a
number where text belongs is one sentence naming the key instead of a failure at send time.
Keys not listed are kept as they are.
"""

from __future__ import annotations

import re
from typing import Any

from omni_desktop.core.channels import CHANNELS, VALIDITY_MAX_SECONDS, FieldKind
from omni_desktop.core.i18n import tr, tr_noop

INT32_MAX = 2**31 - 1  # `validityPeriod` is an int32
_LEGACY_DIGITS = re.compile(r"[0-9]{1,10}")  # a period written as a string, as old docs did

# Channels this app does not compose: objects, kept as they are (their own keys below).
OTHER_CHANNELS = ("whatsApp", "push", "line", "kakaoChingu", "kakaoAlim", "vKontakte")

TOP_TYPES: dict[str, type] = {
    "scenarioKey": str,
    "bulkId": str,
    "destinations": list,
    "sendAt": str,
    "callbackData": str,
    "notify": bool,
    "intermediateReport": bool,
    "notifyUrl": str,
    "notifyContentType": str,
    **{key: dict for key in OTHER_CHANNELS},
    **{spec.key: dict for spec in CHANNELS},
}
DESTINATION_TYPES: dict[str, type] = {"messageId": str, "to": dict}
TO_TYPES: dict[str, type] = {
    "phoneNumber": str,
    "emailAddress": str,
    "pushRegistrationId": str,
    "whatsAppUserId": str,
}
# Channel keys beside the registry's fields (channels.py) and the validity period.
CHANNEL_TYPES: dict[str, dict[str, type]] = {
    "sms": {"regional": dict},
    "viber": {
        "fileName": str,
        "fileType": str,
        "fileUrl": str,
        "trackingData": str,
        "forcePrimaryDevice": bool,
    },
    **{key: {"text": str} for key in OTHER_CHANNELS},
}

_NAMES: dict[type, str] = {
    str: tr_noop("text"),
    bool: tr_noop("true or false"),
    int: tr_noop("a whole number"),
    float: tr_noop("a number"),
    list: tr_noop("a list"),
    dict: tr_noop("an object"),
}


def kind_of(value: Any) -> str:
    """What `value` is, in words: "text", "a number", "an object"..."""
    if value is None:
        return tr("null")
    if isinstance(value, bool):
        return tr("true or false")
    if isinstance(value, int | float):
        return tr("a number")
    for kind, name in _NAMES.items():
        if isinstance(value, kind):
            return tr(name)
    return type(value).__name__


def wrong_type(where: str, expected: type, value: Any) -> str | None:
    """The sentence when `value` (not null) is not of JSON type `expected`, else None."""
    if value is None or (isinstance(value, expected) and not _bool_as_number(expected, value)):
        return None
    return tr("{where} should be {expected}, not {actual}.").format(
        where=where, expected=tr(_NAMES.get(expected, expected.__name__)), actual=kind_of(value)
    )


def _bool_as_number(expected: type, value: Any) -> bool:
    return expected is not bool and isinstance(value, bool)


def field_type(kind: FieldKind) -> type:
    """The JSON type of a registry field, as the registry gives it (`FieldKind.json_type`)."""
    return kind.json_type


def check_keys(obj: dict[str, Any], types: dict[str, type] | None, where: str) -> str | None:
    """The first key of `obj` whose value is not of its type in `types`, as a sentence."""
    for key, expected in (types or {}).items():
        sentence = wrong_type(_join(where, key), expected, obj.get(key))
        if sentence:
            return sentence
    return None


def validity_period(where: str, value: Any) -> int | None:
    """`validityPeriod` as a whole number (a string of digits is read too), or None.

    ValueError with the sentence when it is of another type or beyond an int32.
    """
    path = _join(where, "validityPeriod")
    if isinstance(value, str) and _LEGACY_DIGITS.fullmatch(value.strip()):
        value = int(value.strip())
    sentence = wrong_type(path, int, value)
    if sentence:
        raise ValueError(sentence)
    if value is not None and not -INT32_MAX <= value <= INT32_MAX:
        raise ValueError(absurd_validity(path, value))
    return value  # type: ignore[no-any-return]


def absurd_validity(path: str, value: int) -> str:
    """The sentence for a validity period no channel can take."""
    digits = len(str(abs(value))) if value.bit_length() < 400 else tr("hundreds of")
    return tr(
        "{path} is a number of {digits} digits, far beyond any validity period; "
        "use at most {most} minutes (48 hours)."
    ).format(path=path, digits=digits, most=VALIDITY_MAX_SECONDS // 60)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


__all__ = [
    "CHANNEL_TYPES",
    "DESTINATION_TYPES",
    "INT32_MAX",
    "OTHER_CHANNELS",
    "TOP_TYPES",
    "TO_TYPES",
    "absurd_validity",
    "check_keys",
    "field_type",
    "kind_of",
    "validity_period",
    "wrong_type",
]
