"""One registry of every OMNI channel: the ones the composer edits, and the ones kept as drafts
have them.

Each `ChannelSpec` says everything the rest of the app needs about its channel: its JSON key and
flow name, its fields and their kinds, which fields must be filled, which go in pairs, its
validity limits, the address that reaches it and the counter under its text. Validation,
serialisation, the composer's tabs and the sandbox are driven by this table, so a channel is
added here once and appears everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from omni_desktop.core.i18n import tr_noop


class FieldKind(Enum):
    TEXT = "text"  # one line of text
    MULTILINE = "multiline"  # the message body
    URL = "url"  # an http(s) URL
    BOOL = "bool"
    CHOICE = "choice"
    NUMBER = "number"  # a whole number
    LIST = "list"  # a list of text, one item a line in the editor

    @property
    def json_type(self) -> type:
        """The JSON type a value of this kind has in the request."""
        return _JSON_TYPES.get(self, str)


_JSON_TYPES: dict[FieldKind, type] = {
    FieldKind.BOOL: bool,
    FieldKind.NUMBER: int,
    FieldKind.LIST: list,
}


class Address(Enum):
    """A `to` key of a destination that can reach a channel."""

    PHONE = "phoneNumber"
    EMAIL = "emailAddress"
    PUSH = "pushRegistrationId"
    WHATSAPP = "whatsAppUserId"
    LINE = "lineUserKey"
    FACEBOOK = "facebookUserKey"


# The addresses the recipients table has columns for (Destination.phone and .email).
TYPED_ADDRESSES = (Address.PHONE, Address.EMAIL)


class Counter(Enum):
    """What the live counter under a channel's text counts."""

    SEGMENTS = "segments"  # SMS parts, GSM-7 or UCS-2 (core.sms)
    CHARACTERS = "characters"  # characters, of the field's limit where it has one
    SPEAKING_TIME = "speaking_time"  # characters and the estimated speaking time (core.voice)


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
    max_length: int | None = None  # characters; items for a LIST
    choices: tuple[str, ...] = ()
    allow_tel: bool = False  # a URL field that also takes a `tel:` link
    bounds: tuple[int, int] | None = None  # a NUMBER's least and greatest value

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.path.split("."))


@dataclass(frozen=True)
class Required:
    """Which fields must be filled: all the fields of any one of `alternatives`.

    With `when` (a field path and values), it applies only while that field holds one of the
    values; a channel's first `Required` that applies is the one checked.
    """

    alternatives: tuple[tuple[str, ...], ...]
    when: tuple[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class Pair:
    """Two fields filled together or not at all, with the sentence for each one left alone."""

    first: str
    second: str
    first_alone: str  # untranslated: `first` is filled, `second` is not
    second_alone: str


@dataclass(frozen=True)
class Validity:
    """How long the platform may try the channel before the next step (inclusive, seconds)."""

    least: int
    most: int


TEXT_REQUIRED = (Required((("text",),)),)
VALIDITY_MIN_SECONDS = 30
VALIDITY_MAX_SECONDS = 48 * 3600
DEFAULT_VALIDITY = Validity(VALIDITY_MIN_SECONDS, VALIDITY_MAX_SECONDS)


@dataclass(frozen=True)
class ChannelSpec:
    """A channel the composer edits: JSON key, flow name, fields and the rules they follow."""

    key: str  # JSON key of the channel object: "sms"
    flow_name: str  # OmniChannel value in a scenario step: "SMS"
    label: str
    fields: tuple[FieldSpec, ...]
    required: tuple[Required, ...] = TEXT_REQUIRED
    pairs: tuple[Pair, ...] = ()
    validity: Validity = DEFAULT_VALIDITY
    addresses: tuple[Address, ...] = (Address.PHONE,)  # in order of preference
    counter: Counter = Counter.CHARACTERS
    counted: str = "text"  # the field the counter counts

    def field(self, path: str) -> FieldSpec:
        for spec in self.fields:
            if spec.path == path:
                return spec
        raise KeyError(f"{self.key} has no field {path!r}")

    def missing_fields(self, text_of: Callable[[str], str]) -> tuple[str, ...]:
        """The fields still to fill, given each field's text: none when one alternative of the
        first `Required` that applies is complete, else that rule's first alternative's gaps."""
        for rule in self.required:
            if rule.when is not None and text_of(rule.when[0]) not in rule.when[1]:
                continue
            if any(all(text_of(p).strip() for p in fields) for fields in rule.alternatives):
                return ()
            first = rule.alternatives[0] if rule.alternatives else ()
            return tuple(p for p in first if not text_of(p).strip())
        return ()


@dataclass(frozen=True)
class KeptChannel:
    """A channel the app does not compose: a draft's object for it is kept and sent as it is."""

    key: str
    flow_name: str
    addresses: tuple[Address, ...]
    validity: Validity = DEFAULT_VALIDITY


# The units' names as the validity box shows them (`tr(unit.value.capitalize())`).
_UNIT_LABELS = {
    "SECONDS": tr_noop("Seconds"),
    "MINUTES": tr_noop("Minutes"),
    "HOURS": tr_noop("Hours"),
}

DEFAULT_TIME_UNIT = TimeUnit.MINUTES
SEND_AT_MAX_DAYS = 180
CALLBACK_DATA_MAX = 4000
# Viber: today's OpenAPI specification allows 35 s to 14 days; the 2018 page said 48 h for every
# channel (docs/architecture.md, "Validity periods").
VIBER_VALIDITY = Validity(35, 14 * 24 * 3600)
MEDIA_TYPES = ("IMAGE", "AUDIO", "VIDEO", "FILE")

_TEXT_HELP = tr_noop("The message text for this channel.")

CHANNELS: tuple[ChannelSpec, ...] = (
    ChannelSpec(
        key="sms",
        flow_name="SMS",
        label="SMS",
        counter=Counter.SEGMENTS,
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
        validity=VIBER_VALIDITY,
        # An image alone is one of the content combinations Viber allows.
        required=(Required((("text",), ("imageURL",))),),
        pairs=(
            Pair(
                "buttonText",
                "buttonURL",
                tr_noop(
                    "The Viber button has text but no URL; add the URL or clear the button text."
                ),
                tr_noop(
                    "The Viber button has a URL but no text; add the text or clear the button URL."
                ),
            ),
        ),
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
                allow_tel=True,
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
        counter=Counter.SPEAKING_TIME,
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
        addresses=(Address.FACEBOOK,),
        required=(Required((("url",),), when=("type", MEDIA_TYPES)), *TEXT_REQUIRED),
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
        addresses=(Address.EMAIL,),
        required=(Required((("subject", "text"),)),),
        fields=(
            FieldSpec(
                "subject", tr_noop("Subject"), FieldKind.TEXT, tr_noop("The e-mail subject line.")
            ),
            FieldSpec("text", tr_noop("Text"), FieldKind.MULTILINE, tr_noop("The e-mail body.")),
        ),
    ),
)

# Channels a draft may carry that the composer does not edit (kept and sent as they are).
KEPT_CHANNELS: tuple[KeptChannel, ...] = (
    KeptChannel("whatsApp", "WHATSAPP", (Address.WHATSAPP, Address.PHONE)),
    KeptChannel("push", "PUSH", (Address.PUSH,)),
    KeptChannel("line", "LINE", (Address.LINE,)),
    KeptChannel("kakaoChingu", "KAKAO_CHINGU", (Address.PHONE,)),
    KeptChannel("kakaoAlim", "KAKAO_ALIM", (Address.PHONE,)),
    KeptChannel("vKontakte", "VKONTAKTE", (Address.PHONE,)),
)

CHANNELS_BY_KEY: dict[str, ChannelSpec] = {c.key: c for c in CHANNELS}
CHANNELS_BY_FLOW: dict[str, ChannelSpec] = {c.flow_name: c for c in CHANNELS}
# Every channel a scenario step may name, composed or kept: flow name -> JSON key.
FLOW_KEYS: dict[str, str] = {
    **{c.flow_name: c.key for c in CHANNELS},
    **{c.flow_name: c.key for c in KEPT_CHANNELS},
}


def channel(key: str) -> ChannelSpec:
    """The channel whose JSON key is `key`."""
    return CHANNELS_BY_KEY[key]
