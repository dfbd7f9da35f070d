"""Personalised content: `{{Field}}` placeholders filled from each recipient's spreadsheet row.

Plain substitution (one pass of `re.sub` over a dict), never a template engine: nothing is
evaluated or escaped, and a value that itself holds `{{x}}` is left as it is. OMNI has no
per-destination text, so a send goes as one request per distinct rendered content;
`content_groups` finds those contents for 100,000 rows in a few tens of milliseconds.
"""

from __future__ import annotations

import copy
import heapq
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import partial
from itertools import islice, repeat
from typing import Any

from omni_desktop.core.channels import CHANNELS, FieldKind
from omni_desktop.core.gcpause import gc_paused
from omni_desktop.core.i18n import tr, trn
from omni_desktop.core.message import ChannelContent, Destination, OmniMessage
from omni_desktop.core.sms import count_sms
from omni_desktop.core.validation import Problem, Severity

# A placeholder: two braces, a name without braces (spaces around it ignored), two braces.
_PLACEHOLDER = re.compile(r"\{\{([^{}]*)\}\}")
# `{First name}`: one brace each side, not part of a double one.
_SINGLE = re.compile(r"(?<!\{)\{([^{}\n]+)\}(?!\})")
_TEXT_KINDS = (FieldKind.TEXT, FieldKind.MULTILINE)
_SHOWN_ROWS = 3  # row numbers named in a sentence; up to 5 when that is all of them
_SNIPPET = 30  # characters of a misspelt placeholder quoted in a sentence

Values = Mapping[str, str | None]  # field name -> the text put in, None: left as written
RawKey = Any  # one row's raw field values: a value (one field) or a tuple of them


def placeholders(text: str) -> list[str]:
    """The field names of `text`'s placeholders in order of first use, no repeats."""
    if "{{" not in text:
        return []
    names = (m.group(1).strip() for m in _PLACEHOLDER.finditer(text))
    return list(dict.fromkeys(name for name in names if name))


def text_fields(message: OmniMessage, flow: Sequence[str] | None) -> Iterator[tuple[str, str]]:
    """(JSON path, text) of every text value of the channels in `flow` (None: all)."""
    for spec in CHANNELS:
        content = message.channels.get(spec.key)
        if content is None or (flow is not None and spec.key not in flow):
            continue
        for item in spec.fields:
            value = content.values.get(item.path)
            if item.kind in _TEXT_KINDS and isinstance(value, str) and value:
                yield f"{spec.key}.{item.path}", value


def used_fields(message: OmniMessage, flow: Sequence[str] | None) -> dict[str, list[str]]:
    """Field name -> the JSON paths ("sms.text") whose text uses it, channels of `flow` only."""
    used: dict[str, list[str]] = {}
    for path, text in text_fields(message, flow):
        for name in placeholders(text):
            used.setdefault(name, []).append(path)
    return used


def _effective(value: str | None, fallback: str | None) -> str | None:
    """What a placeholder becomes: the value when it has more than spaces, else the fallback
    when one is set (not empty), else None (the placeholder stays as written)."""
    if value and not value.isspace():  # isspace() is exactly what strip() removes
        return value
    return fallback or None


def _fill(text: str, values: Values) -> str:
    """`text` with each placeholder whose name has a value in `values` replaced, in one pass."""
    if "{{" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1).strip())
        return match.group(0) if value is None else value

    return _PLACEHOLDER.sub(one, text)


def render(text: str, fields: Mapping[str, str], fallbacks: Mapping[str, str]) -> str:
    """`text` for one recipient: each placeholder becomes the row's value when it has one (more
    than spaces), else the fallback when set, else it is left as written."""
    if "{{" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        value = _effective(fields.get(name), fallbacks.get(name))
        return match.group(0) if value is None else value

    return _PLACEHOLDER.sub(one, text)


def render_content(
    key: str, content: ChannelContent, fields: Mapping[str, str], fallbacks: Mapping[str, str]
) -> ChannelContent:
    """A copy of channel `key`'s content with its text values rendered for one recipient."""
    return _rendered_content(key, content, lambda text: render(text, fields, fallbacks))


def _rendered_content(
    key: str, content: ChannelContent, fill: Callable[[str], str]
) -> ChannelContent:
    spec = next((s for s in CHANNELS if s.key == key), None)
    values = dict(content.values)
    for item in spec.fields if spec is not None else ():
        value = values.get(item.path)
        if item.kind in _TEXT_KINDS and isinstance(value, str):
            values[item.path] = fill(value)
    return replace(content, values=values, extra=copy.deepcopy(content.extra))


def _rendered_message(
    message: OmniMessage,
    fill: Callable[[str], str],
    flow: Sequence[str] | None,
    destinations: list[Destination],
) -> OmniMessage:
    channels = {
        key: _rendered_content(key, content, fill)
        if flow is None or key in flow
        else copy.deepcopy(content)
        for key, content in message.channels.items()
    }
    return replace(
        message, destinations=destinations, channels=channels, extra=copy.deepcopy(message.extra)
    )


def render_message(
    message: OmniMessage,
    fields: Mapping[str, str],
    fallbacks: Mapping[str, str],
    flow: Sequence[str] | None = None,
) -> OmniMessage:
    """A copy of `message` with the text values of the channels in `flow` (None: all) rendered
    for one recipient; the destinations list is the same one, not copied."""
    return _rendered_message(
        message, lambda text: render(text, fields, fallbacks), flow, message.destinations
    )


# --- many recipients ---------------------------------------------------------------------------

# The last grouping of rows by their raw values: (destinations list, its length, field names,
# raw key -> row indices). Validation hands over the same list while the recipients stay the
# same (the list is replaced, never changed in place), so typing reuses it. One entry, swapped
# whole, so a reader on another thread sees an old entry or a new one, never half of one.
_last: tuple[list[Destination], int, tuple[str, ...], dict[RawKey, list[int]]] | None = None


def _raw_groups(destinations: list[Destination], names: tuple[str, ...]) -> dict[RawKey, list[int]]:
    """Row indices by the rows' raw values of `names` (None where a row lacks the field), in
    order of first appearance. Callers must not change the lists."""
    global _last
    last = _last
    if last is not None and last[0] is destinations and last[1:3] == (len(destinations), names):
        return last[3]
    rows = [d.fields for d in destinations]
    if len(names) == 1:
        keys: Iterable[RawKey] = [f.get(names[0]) for f in rows]
    else:
        keys = zip(*([f.get(name) for f in rows] for name in names), strict=True)
    groups: dict[RawKey, list[int]] = {}
    get = groups.get
    for index, key in enumerate(keys):
        group = get(key)
        if group is None:
            groups[key] = [index]
        else:
            group.append(index)
    _last = (destinations, len(destinations), names, groups)
    return groups


def _row_values(
    destinations: list[Destination], names: tuple[str, ...], fallbacks: Mapping[str, str]
) -> list[tuple[Values, list[int]]]:
    """The effective values of `names` per group of rows with the same raw values."""
    if not names:
        return [({}, list(range(len(destinations))))] if destinations else []
    out: list[tuple[Values, list[int]]] = []
    for key, indices in _raw_groups(destinations, names).items():
        raw = (key,) if len(names) == 1 else key
        values = {
            name: _effective(value, fallbacks.get(name))
            for name, value in zip(names, raw, strict=True)
        }
        out.append((values, indices))
    return out


def content_groups(
    message: OmniMessage, flow: Sequence[str] | None, fallbacks: Mapping[str, str]
) -> list[tuple[OmniMessage, list[int]]]:
    """The destinations' indices grouped by identical rendered content, in order of first
    appearance, each with its rendered message (whose destinations list is empty).

    Rows are grouped by their raw values first, each distinct set rendered once, then sets
    that render alike are merged: the cost is one dictionary look-up per row.
    """
    groups: list[tuple[OmniMessage, list[int]]] = []
    for values, parts in _merged(message, flow, fallbacks):
        indices = list(parts[0]) if len(parts) == 1 else list(heapq.merge(*parts))
        filled = _rendered_message(message, partial(_fill, values=values), flow, [])
        groups.append((filled, indices))
    return groups


# The two counts over all rows hold the cycle collector: their values form no cycles, and the
# window runs them in a worker, where a collection could end a Qt object off the GUI thread.
@gc_paused()
def group_sizes(
    message: OmniMessage, flow: Sequence[str] | None, fallbacks: Mapping[str, str]
) -> list[int]:
    """How many rows each of `content_groups` holds, without making its messages."""
    return [sum(map(len, parts)) for _values, parts in _merged(message, flow, fallbacks)]


def _merged(
    message: OmniMessage, flow: Sequence[str] | None, fallbacks: Mapping[str, str]
) -> Iterable[tuple[Values, list[list[int]]]]:
    """Per distinct rendered content: the values of its first rows, and its rows' index lists."""
    names = tuple(used_fields(message, flow))
    texts = list(text_fields(message, flow))
    merged: dict[tuple[str, ...], tuple[Values, list[list[int]]]] = {}
    for values, indices in _row_values(message.destinations, names, fallbacks):
        rendered = tuple(_fill(text, values) for _path, text in texts)
        known = merged.get(rendered)
        if known is None:
            merged[rendered] = (values, [indices])
        else:
            known[1].append(indices)
    return merged.values()


@gc_paused()
def segment_range(
    message: OmniMessage, flow: Sequence[str] | None, fallbacks: Mapping[str, str]
) -> tuple[int, int, int] | None:
    """SMS segments over all rows: (fewest, most, total of the whole send), each distinct
    rendered text counted once; None when the flow has no SMS text."""
    content = message.channels.get("sms")
    text = content.values.get("text") if content is not None else None
    if (flow is not None and "sms" not in flow) or not isinstance(text, str) or not text:
        return None
    names = tuple(used_fields(message, flow))
    counted: dict[str, int] = {}
    low = high = total = -1
    for values, indices in _row_values(message.destinations, names, fallbacks):
        filled = _fill(text, values)
        segments = counted.get(filled)
        if segments is None:
            segments = counted[filled] = count_sms(filled).segments
        low = segments if low < 0 else min(low, segments)
        high = max(high, segments)
        total = max(total, 0) + segments * len(indices)
    if total < 0:  # no recipients yet: the text as it stands, fallbacks filled in
        segments = count_sms(render(text, {}, fallbacks)).segments
        return segments, segments, 0
    return low, high, total


# --- checks ------------------------------------------------------------------------------------


def check_fields(
    message: OmniMessage,
    flow: Sequence[str] | None,
    fallbacks: Mapping[str, str],
    row_number: Callable[[int], int] | None = None,
) -> list[Problem]:
    """One error per placeholder no row can fill (no such column, or empty in some rows,
    without a fallback), at the path of its first use; a warning per misspelt placeholder.
    Rows are named by `row_number(index)` (a spreadsheet's own row), else by position."""
    problems: list[Problem] = []
    used = used_fields(message, flow)
    destinations = message.destinations
    rows = list(map(_FIELDS, destinations)) if used else []
    for name, paths in used.items():
        if fallbacks.get(name):
            continue
        # One pass over the rows per placeholder, no grouping, in C's loops where it can: an
        # edit of one row of 100,000 distinct names checks them again on the GUI thread.
        column = list(map(dict.get, rows, repeat(name)))
        shown = "{{" + name + "}}"
        if column.count(None) == len(column):
            problems.append(
                Problem(
                    paths[0],
                    Severity.ERROR,
                    tr(
                        "{placeholder} is not a column of the recipients: import a file with "
                        "that column, or set a fallback value for it."
                    ).format(placeholder=shown),
                )
            )
            continue
        if None not in column and "" not in column and not any(map(_BLANK, column)):
            continue  # the usual column: every row has a value
        empty = [i for i, value in enumerate(column) if not value or value.isspace()]
        if empty:
            number = row_number or _position
            problems.append(
                Problem(paths[0], Severity.ERROR, _empty_sentence(shown, [empty], number))
            )
    problems.extend(_misspelt(message, flow, destinations))
    return problems


_FIELDS = operator.attrgetter("fields")
_BLANK: Callable[[Any], bool] = str.isspace


def _position(index: int) -> int:
    return index + 1


def _empty_sentence(
    shown: str, empty: list[list[int]], row_number: Callable[[int], int] = _position
) -> str:
    count = sum(len(rows) for rows in empty)
    first = list(islice(heapq.merge(*empty), 5))
    if count > len(first) or count > 5:
        first = first[:_SHOWN_ROWS]
    numbers = ", ".join(str(row_number(i)) for i in first) + (", …" if count > len(first) else "")
    return trn(
        "{placeholder} is empty in %n row(s) (row(s) {rows}): fill in the value(s), or set a "
        "fallback value for it.",
        None,
        count,
    ).format(placeholder=shown, rows=numbers)


def _misspelt(
    message: OmniMessage, flow: Sequence[str] | None, destinations: list[Destination]
) -> list[Problem]:
    """Warnings for `{{` never closed, `}}` never opened, and `{Column}` with single braces."""
    problems: list[Problem] = []
    columns: set[str] | None = None
    for path, text in text_fields(message, flow):
        if "{" not in text and "}" not in text:
            continue
        rest = _PLACEHOLDER.sub("\0", text)  # the well-formed ones out of the way
        opened = rest.find("{{")
        closed = rest.find("}}")
        if opened >= 0:
            after = rest[opened + 2 :]
            stop = re.search(r"[{}\0\n]", after)
            name = (after[: stop.start()] if stop else after).rstrip()
            snippet = _cut("{{" + name)
            # `{{First name}` says which name was meant; a placeholder never closed does not.
            closing = stop is not None and stop.group() == "}"
            example = _example(snippet) if closing else "{{Field}}"
            problems.append(
                Problem(
                    path,
                    Severity.WARNING,
                    tr(
                        '{path} has an unclosed placeholder "{text}": write it as {example}.'
                    ).format(path=path, text=snippet, example=example),
                )
            )
        elif closed >= 0:
            before = re.split(r"[}\0\n]", rest[:closed])[-1]
            before = before[before.rfind("{") :] if "{" in before else before
            snippet = (before.lstrip() + "}}")[-_SNIPPET:]
            example = _example(snippet) if snippet.startswith("{") else "{{Field}}"
            problems.append(
                Problem(
                    path,
                    Severity.WARNING,
                    tr(
                        '{path} has a placeholder closed but never opened "{text}": '
                        "write it as {example}."
                    ).format(path=path, text=snippet, example=example),
                )
            )
        else:
            for match in _SINGLE.finditer(rest):
                name = match.group(1).strip()
                if columns is None:
                    columns = set().union(*(d.fields.keys() for d in destinations))
                if name in columns:
                    problems.append(
                        Problem(
                            path,
                            Severity.WARNING,
                            tr(
                                '{path} has "{text}" with single braces: write {example} to '
                                "fill it in from the recipients."
                            ).format(path=path, text=match.group(0), example="{{" + name + "}}"),
                        )
                    )
                    break
    return problems


def _cut(text: str) -> str:
    return text if len(text) <= _SNIPPET else text[:_SNIPPET] + "…"


def _example(snippet: str) -> str:
    """The well-formed placeholder a misspelt one means: `{{First name` -> `{{First name}}`."""
    name = snippet.strip("{}… ")
    return "{{" + name + "}}" if name and len(name) < _SNIPPET else "{{Field}}"


__all__ = [
    "check_fields",
    "content_groups",
    "placeholders",
    "render",
    "render_content",
    "render_message",
    "segment_range",
    "used_fields",
]
