"""SMS length: GSM-7 or UCS-2, septets or UTF-16 units, and the segments a text is sent in.

Runs on every keystroke, so it works on character sets, `str.count` and slices, never on
per-character encoding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import gsm0338  # noqa: F401  (registers the "gsm03.38" codec)

GSM7 = "GSM-7"
UCS2 = "UCS-2"
MAX_PARTS = 25  # beyond either limit the platform answers REJECTED_MESSAGE_TOO_LONG
MAX_BYTES = 4000

GSM_SINGLE, GSM_CONCATENATED = 160, 153
UCS2_SINGLE, UCS2_CONCATENATED = 70, 67
_ESC_CODE = 0x1B


def _basic_table() -> frozenset[str]:
    chars = (bytes([code]).decode("gsm03.38") for code in range(128) if code != _ESC_CODE)
    return frozenset(c for c in chars if len(c) == 1)


def _extension_table() -> frozenset[str]:
    chars = set()
    for code in range(128):
        try:
            char = bytes([_ESC_CODE, code]).decode("gsm03.38")
        except UnicodeDecodeError:
            continue
        if len(char) == 1:
            chars.add(char)
    return frozenset(chars)


GSM_BASIC: frozenset[str] = _basic_table()
GSM_EXTENSION: frozenset[str] = _extension_table()  # ESC + code: 2 septets each
GSM_ALL: frozenset[str] = GSM_BASIC | GSM_EXTENSION


@dataclass(frozen=True)
class SmsCount:
    encoding: str  # "GSM-7" or "UCS-2"
    characters: int  # len(text), in code points
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int  # 0 for empty text
    per_segment: int  # 160/153 (GSM-7) or 70/67 (UCS-2), single/concatenated
    remaining: int  # units still free in the last segment
    unicode_chars: tuple[str, ...]  # distinct characters that forced UCS-2, first-seen order
    bytes: int  # GSM-7: 1 per septet; UCS-2: 2 per code unit
    parts: tuple[str, ...]  # the text split into its segments

    @property
    def too_long(self) -> bool:
        """Whether the platform would reject the text as too long."""
        return self.segments > MAX_PARTS or self.bytes > MAX_BYTES


def count_sms(text: str) -> SmsCount:
    """The encoding, length and segments of an SMS text."""
    if not text:
        return SmsCount(GSM7, 0, 0, 0, GSM_SINGLE, GSM_SINGLE, (), 0, ())
    first = _NOT_GSM.search(text)
    if first is None:
        units, parts, last = _gsm_parts(text)
        return _count(text, GSM7, units, units, GSM_SINGLE, GSM_CONCATENATED, parts, last, ())
    # Deleting the GSM characters leaves the others in order; dict keeps the first of each.
    unicode_chars = tuple(dict.fromkeys(_GSM_RUN.sub("", text[first.start() :])))
    if _SURROGATE.search(text):
        units, parts, last = _code_point_parts(text)
    else:
        units, parts, last = _utf16_parts(text)
    return _count(
        text, UCS2, units, 2 * units, UCS2_SINGLE, UCS2_CONCATENATED, parts, last, unicode_chars
    )


def _count(
    text: str,
    encoding: str,
    units: int,
    size: int,
    single: int,
    concatenated: int,
    parts: tuple[str, ...],
    last: int,
    unicode_chars: tuple[str, ...],
) -> SmsCount:
    per_segment = single if units <= single else concatenated
    return SmsCount(
        encoding=encoding,
        characters=len(text),
        units=units,
        segments=len(parts),
        per_segment=per_segment,
        remaining=per_segment - last,
        unicode_chars=unicode_chars,
        bytes=size,
        parts=parts,
    )


def segment_ends(text: str, count: SmsCount | None = None) -> tuple[int, ...]:
    """Where each segment's text ends, as indexes into `text` (code points), in order.

    The last one is `len(text)`; empty text has none. The split is the one `count_sms` makes
    (pass its `count` of `text` to reuse it): GSM-7 never parts an escape pair (an extension
    character counts 2 septets), UCS-2 never parts a surrogate pair.
    """
    ends: list[int] = []
    end = 0
    for part in (count or count_sms(text)).parts:
        end += len(part)
        ends.append(end)
    return tuple(ends)


def unicode_positions(text: str) -> tuple[int, ...]:
    """Indexes (code points) of every character of `text` that forces UCS-2, in order."""
    return tuple(match.start() for match in _NOT_GSM.finditer(text))


_Parts = tuple[int, tuple[str, ...], int]  # units, parts, units in the last part


def _gsm_parts(text: str) -> _Parts:
    extension = [c for c in GSM_EXTENSION if c in text]
    units = len(text) + sum(text.count(c) for c in extension)
    if units <= GSM_SINGLE:
        return units, (text,), units
    septets = text  # the text as sent: ESC before each extension character
    for char in extension:
        septets = septets.replace(char, _ESC + char)
    parts = []
    start = last = 0
    while start < units:
        end = start + GSM_CONCATENATED
        if end < units and septets[end - 1] == _ESC:
            end -= 1  # never split an escape pair
        parts.append(septets[start:end].replace(_ESC, ""))
        last, start = min(end, units) - start, end
    return units, tuple(parts), last


def _utf16_parts(text: str) -> _Parts:
    data = text.encode("utf-16-le")
    units = len(data) // 2
    if units <= UCS2_SINGLE:
        return units, (text,), units
    parts = []
    start = last = 0
    while start < len(data):
        end = start + 2 * UCS2_CONCATENATED
        if end < len(data) and 0xD8 <= data[end - 1] <= 0xDB:
            end -= 2  # never split a surrogate pair (little-endian: its high byte comes second)
        parts.append(data[start:end].decode("utf-16-le"))
        last, start = (min(end, len(data)) - start) // 2, end
    return units, tuple(parts), last


def _code_point_parts(text: str) -> _Parts:
    """UTF-16 parts of text holding surrogate code points (a bad draft), which no codec keeps."""
    units = sum(2 if c > "\uffff" else 1 for c in text)
    if units <= UCS2_SINGLE:
        return units, (text,), units
    parts = []
    start = used = index = 0
    while index < len(text):
        pair = _PAIR.match(text, index) is not None
        width = 2 if pair or text[index] > "\uffff" else 1
        if used + width > UCS2_CONCATENATED:
            parts.append(text[start:index])
            start, used = index, 0
        used += width
        index += 2 if pair else 1
    parts.append(text[start:])
    return units, tuple(parts), used


_ESC = "\x1b"  # in neither table, so never part of GSM text itself
_GSM_CLASS = "".join(re.escape(c) for c in sorted(GSM_ALL))
_NOT_GSM = re.compile(f"[^{_GSM_CLASS}]")
_GSM_RUN = re.compile(f"[{_GSM_CLASS}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")  # a pair kept as two code points
