"""One registry of every OMNI channel the composer supports.

Validation, serialisation and the UI tabs are all driven by this table, so a channel or a
field is added here once and appears everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class FieldKind(Enum):
    TEXT = "text"  # one line of text
    MULTILINE = "multiline"  # the message body
    URL = "url"  # an http(s) URL
    BOOL = "bool"
    CHOICE = "choice"


class TimeUnit(Enum):
    SECONDS = "SECONDS"
    MINUTES = "MINUTES"
    HOURS = "HOURS"

    @property
    def seconds(self) -> int:
        return {"SECONDS": 1, "MINUTES": 60, "HOURS": 3600}[self.value]


@dataclass(frozen=True)
class FieldSpec:
    """One field of a channel object, addressed by its JSON path inside that object."""

    path: str  # e.g. "text", "language.languageCode"
    label: str
    kind: FieldKind
    help: str = ""
    max_length: int | None = None
    choices: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.path.split("."))


@dataclass(frozen=True)
class ChannelSpec:
    """A channel: its JSON key in the request, its name in scenario flows, its fields."""

    key: str  # JSON key of the channel object: "sms"
    flow_name: str  # OmniChannel value in a scenario step: "SMS"
    label: str
    fields: tuple[FieldSpec, ...]
    text_limit: int | None = None  # practical text limit, where one is known

    def field(self, path: str) -> FieldSpec:
        for spec in self.fields:
            if spec.path == path:
                return spec
        raise KeyError(f"{self.key} has no field {path!r}")


VALIDITY_MIN_SECONDS = 30
VALIDITY_MAX_SECONDS = 48 * 3600
DEFAULT_TIME_UNIT = TimeUnit.MINUTES
SEND_AT_MAX_DAYS = 180
CALLBACK_DATA_MAX = 4000

_TEXT_HELP = "The message text for this channel."

CHANNELS: tuple[ChannelSpec, ...] = (
    ChannelSpec(
        key="sms",
        flow_name="SMS",
        label="SMS",
        fields=(
            FieldSpec("text", "Text", FieldKind.MULTILINE, _TEXT_HELP),
            FieldSpec(
                "transliteration",
                "Transliteration",
                FieldKind.CHOICE,
                "Replace characters the handset may not show with close GSM equivalents.",
                choices=(
                    "",
                    "NONE",
                    "ALL",
                    "BALTIC",
                    "CENTRAL_EUROPEAN",
                    "COLOMBIAN",
                    "CYRILLIC",
                    "GREEK",
                    "NON_UNICODE",
                    "PORTUGUESE",
                    "SERBIAN_CYRILLIC",
                    "TURKISH",
                    "BULGARIAN_CYRILLIC",
                ),
            ),
            FieldSpec(
                "language.languageCode",
                "Language",
                FieldKind.CHOICE,
                "National language shift table for GSM-7 (TR, ES, PT).",
                choices=("", "NONE", "TR", "ES", "PT", "AUTODETECT"),
            ),
        ),
    ),
    ChannelSpec(
        key="viber",
        flow_name="VIBER",
        label="Viber",
        text_limit=1000,
        fields=(
            FieldSpec("text", "Text", FieldKind.MULTILINE, _TEXT_HELP, max_length=1000),
            FieldSpec(
                "imageURL", "Image URL", FieldKind.URL, "An image shown with the text.", 1000
            ),
            FieldSpec("buttonText", "Button text", FieldKind.TEXT, "At most 30 characters.", 30),
            FieldSpec("buttonURL", "Button URL", FieldKind.URL, "Opened by the button.", 1000),
            FieldSpec(
                "isPromotional",
                "Promotional",
                FieldKind.BOOL,
                "Mark the content as promotional.",
            ),
        ),
    ),
    ChannelSpec(
        key="voice",
        flow_name="VOICE",
        label="Voice",
        fields=(
            FieldSpec("text", "Text to speak", FieldKind.MULTILINE, "Read out by text-to-speech."),
            FieldSpec("language", "Language", FieldKind.TEXT, "TTS language code, e.g. en."),
        ),
    ),
    ChannelSpec(
        key="parseco",
        flow_name="PARSECO",
        label="Parseco",
        fields=(FieldSpec("text", "Text", FieldKind.MULTILINE, _TEXT_HELP),),
    ),
    ChannelSpec(
        key="facebook",
        flow_name="FACEBOOK",
        label="Facebook",
        fields=(
            FieldSpec(
                "type",
                "Type",
                FieldKind.CHOICE,
                "TEXT needs text; IMAGE, AUDIO, VIDEO and FILE need a URL.",
                choices=("", "TEXT", "IMAGE", "AUDIO", "VIDEO", "FILE"),
            ),
            FieldSpec("text", "Text", FieldKind.MULTILINE, _TEXT_HELP),
            FieldSpec(
                "url", "Media URL", FieldKind.URL, "The media for IMAGE, AUDIO, VIDEO, FILE."
            ),
        ),
    ),
    ChannelSpec(
        key="email",
        flow_name="EMAIL",
        label="Email",
        fields=(
            FieldSpec("subject", "Subject", FieldKind.TEXT, "The e-mail subject line."),
            FieldSpec("text", "Text", FieldKind.MULTILINE, "The e-mail body."),
        ),
    ),
)

CHANNELS_BY_KEY: dict[str, ChannelSpec] = {c.key: c for c in CHANNELS}
CHANNELS_BY_FLOW: dict[str, ChannelSpec] = {c.flow_name: c for c in CHANNELS}


def channel(key: str) -> ChannelSpec:
    """The channel whose JSON key is `key`."""
    return CHANNELS_BY_KEY[key]
