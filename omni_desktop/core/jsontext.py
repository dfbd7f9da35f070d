"""JSON text of big documents made and read a slice at a time.

`json.dumps` and `json.loads` are single C calls: they hold the interpreter lock from start to
end, so a worker thread that encodes a 10,000-destination request or parses its answer stops
the window's event loop for 10-25 ms. These give the same results, but encode a long list a
slice of SLICE items per call and parse it an item per call, so the lock can pass to the event
loop in between. Small documents go to `json` directly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

SLICE = 500  # list items per `json.dumps` call
BIG_TEXT = 64 * 1024  # characters from which `loads` parses a list an item at a time

# The C scanner `json.loads` itself uses: one JSON value from an index of a text.
_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_space = re.compile(r"[ \t\n\r]*")


def dumps(
    value: Any,
    *,
    ensure_ascii: bool = True,
    separators: tuple[str, str] = (", ", ": "),
    allow_nan: bool = True,
) -> str:
    """`json.dumps(value, ...)` (no indent), the same text, made a slice at a time.

    Long lists at the top level, or in the top-level object, are encoded SLICE items per call.
    """

    def encode(part: Any) -> str:
        return json.dumps(
            part, ensure_ascii=ensure_ascii, separators=separators, allow_nan=allow_nan
        )

    item, key = separators

    def parts(part: Any, top: bool) -> Iterator[str]:
        if isinstance(part, list) and len(part) > SLICE:
            yield "["
            for start in range(0, len(part), SLICE):
                if start:
                    yield item
                yield encode(part[start : start + SLICE])[1:-1]
            yield "]"
        elif top and isinstance(part, dict) and part and all(isinstance(k, str) for k in part):
            yield "{"
            for index, (name, inner) in enumerate(part.items()):
                if index:
                    yield item
                yield encode(name)
                yield key
                yield from parts(inner, False)
            yield "}"
        else:
            yield encode(part)

    return "".join(parts(value, True))


class _Irregular(Exception):
    """The text is not what the item-at-a-time path reads: `json.loads` has the last word."""


def loads(data: str | bytes) -> Any:
    """`json.loads(data)`: the same value or the same `json.JSONDecodeError`.

    A big text that holds an object is read key by key, and the lists among its values item by
    item.
    """
    text = (
        data.decode(json.detect_encoding(data), "surrogatepass")
        if isinstance(data, bytes)
        else data
    )
    if len(text) < BIG_TEXT:
        return json.loads(text)
    try:
        return _object(text)
    except (_Irregular, StopIteration, ValueError, IndexError):
        return json.loads(text)  # its value, or its error with line and column


def _skip(text: str, at: int) -> int:
    match = _space.match(text, at)
    return match.end() if match else at


def _object(text: str) -> dict[str, Any]:
    at = _skip(text, 0)
    if text[at : at + 1] != "{":
        raise _Irregular
    out: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if text[at : at + 1] == "}":
        at += 1
    else:
        while True:
            if text[at : at + 1] != '"':
                raise _Irregular
            name, at = _scan(text, at)
            at = _skip(text, at)
            if text[at : at + 1] != ":":
                raise _Irregular
            at = _skip(text, at + 1)
            if text[at : at + 1] == "[":
                out[name], at = _list(text, at)
            else:
                out[name], at = _scan(text, at)
            at = _skip(text, at)
            mark = text[at : at + 1]
            at = _skip(text, at + 1)
            if mark == "}":
                break
            if mark != ",":
                raise _Irregular
    if _skip(text, at) != len(text):
        raise _Irregular
    return out


def _list(text: str, at: int) -> tuple[list[Any], int]:
    """The list that starts at `at` (a '['), item by item, and the index after its ']'."""
    out: list[Any] = []
    at = _skip(text, at + 1)
    if text[at : at + 1] == "]":
        return out, at + 1
    while True:
        value, at = _scan(text, at)
        out.append(value)
        at = _skip(text, at)
        mark = text[at : at + 1]
        at = _skip(text, at + 1)
        if mark == "]":
            return out, at
        if mark != ",":
            raise _Irregular


__all__ = ["dumps", "loads"]
