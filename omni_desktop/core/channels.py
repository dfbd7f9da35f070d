"""One registry of every OMNI channel the composer supports.

Validation, serialisation and the UI tabs are all driven by this table, so a channel or a
field is added here once and appears everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from omni_desktop.core.i18n import tr_noop


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
    def label(self) -> str:
        """The unit's name for the operator, untranslated (`tr()` it where shown)."""
        return _UNIT_LABELS[self.value]

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


# The units' names as the validity box shows them (`tr(unit.value.capitalize())`).
_UNIT_LABELS = {
    "SECONDS": tr_noop("Seconds"),
    "MINUTES": tr_noop("Minutes"),
    "HOURS": tr_noop("Hours"),
}

VALIDITY_MIN_SECONDS = 30
VALIDITY_MAX_SECONDS = 48 * 3600
DEFAULT_TIME_UNIT = TimeUnit.MINUTES
SEND_AT_MAX_DAYS = 180
CALLBACK_DATA_MAX = 4000

_TEXT_HELP = tr_noop("The message text for this channel.")

CHANNELS: tuple[ChannelSpec, ...] = (
    ChannelSpec(
        key="sms",
        flow_name="SMS",
        label="SMS",
        fields=(
            FieldSpec("text", tr_noop("Text"), FieldKind.MULTILINE, _TEXT_HELP),
            FieldSpec(
                "transliteration",
                tr_noop("Transliteration"),
                FieldKind.CHOICE,
                tr_noop("Replace characters the handset may not show with close GSM equivalents."),
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
                tr_noop("Language"),
                FieldKind.CHOICE,
                tr_noop("National language shift table for GSM-7 (TR, ES, PT)."),
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
            FieldSpec("text", tr_noop("Text"), FieldKind.MULTILINE, _TEXT_HELP, max_length=1000),
            FieldSpec(
                "imageURL",
                tr_noop("Image URL"),
                FieldKind.URL,
                tr_noop("An image shown with the text."),
                1000,
            ),
            FieldSpec(
                "buttonText",
                tr_noop("Button text"),
                FieldKind.TEXT,
                tr_noop("At most 30 characters."),
                30,
            ),
            FieldSpec(
                "buttonURL",
                tr_noop("Button URL"),
                FieldKind.URL,
                tr_noop("Opened by the button."),
                1000,
            ),
            FieldSpec(
                "isPromotional",
                tr_noop("Promotional"),
                FieldKind.BOOL,
                tr_noop("Mark the content as promotional."),
            ),
        ),
    ),
    ChannelSpec(
        key="voice",
        flow_name="VOICE",
        label="Voice",
        fields=(
            FieldSpec(
                "text",
                tr_noop("Text to speak"),
                FieldKind.MULTILINE,
                tr_noop("Read out by text-to-speech."),
            ),
            FieldSpec(
                "language",
                tr_noop("Language"),
                FieldKind.TEXT,
                tr_noop("TTS language code, e.g. en."),
            ),
        ),
    ),
    ChannelSpec(
        key="parseco",
        flow_name="PARSECO",
        label="Parseco",
        fields=(FieldSpec("text", tr_noop("Text"), FieldKind.MULTILINE, _TEXT_HELP),),
    ),
    ChannelSpec(
        key="facebook",
        flow_name="FACEBOOK",
        label="Facebook",
        fields=(
            FieldSpec(
                "type",
                tr_noop("Type"),
                FieldKind.CHOICE,
                tr_noop("TEXT needs text; IMAGE, AUDIO, VIDEO and FILE need a URL."),
                choices=("", "TEXT", "IMAGE", "AUDIO", "VIDEO", "FILE"),
            ),
            FieldSpec("text", tr_noop("Text"), FieldKind.MULTILINE, _TEXT_HELP),
            FieldSpec(
                "url",
                tr_noop("Media URL"),
                FieldKind.URL,
                tr_noop("The media for IMAGE, AUDIO, VIDEO, FILE."),
            ),
        ),
    ),
    ChannelSpec(
        key="email",
        flow_name="EMAIL",
        label="Email",
        fields=(
            FieldSpec(
                "subject", tr_noop("Subject"), FieldKind.TEXT, tr_noop("The e-mail subject line.")
            ),
            FieldSpec("text", tr_noop("Text"), FieldKind.MULTILINE, tr_noop("The e-mail body.")),
        ),
    ),
)

CHANNELS_BY_KEY: dict[str, ChannelSpec] = {c.key: c for c in CHANNELS}
CHANNELS_BY_FLOW: dict[str, ChannelSpec] = {c.flow_name: c for c in CHANNELS}


def channel(key: str) -> ChannelSpec:
    """The channel whose JSON key is `key`."""
    return CHANNELS_BY_KEY[key]
