"""JSON text of big documents made and read a slice at a time.

`json.dumps` and `json.loads` are single C calls: they hold the interpreter lock from start to
end, so a worker thread that encodes a 10,000-destination request or parses its answer stops
the window's event loop for a visible moment. These give the same results, but encode a long list a
slice of SLICE items per call and parse it an item per call, so the lock can pass to the event
loop in between. Small documents go to `json` directly.

`loads` also reads hostile text safely: a document nested deeper than MAX_DEPTH is refused
(`TooDeep`) before it is parsed, so neither the parser nor whoever walks the value later can
run out of stack, and `allow_nan=False` refuses NaN and Infinity, which JSON does not have.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from itertools import accumulate
from typing import Any

SLICE = 500  # list items per `json.dumps` call
BIG_TEXT = 256 * 1024  # characters from which `loads` parses a list an item at a time (below: one
# `json.loads` call, about 5 ms at most: a campaign request's 1,000-message answer is ~150 KB)
# Levels of nested lists and objects `loads` reads. OMNI's documents have fewer than ten; json's
# own limit, the recursion limit (about 1,000), leaves no stack for code that walks the value.
MAX_DEPTH = 100

Scan = Callable[[str, int], tuple[Any, int]]


class TooDeep(ValueError):
    """The document nests lists and objects deeper than `loads` reads."""


class NotANumber(ValueError):
    """The document holds NaN or Infinity (refused when `allow_nan` is False)."""


def _refuse_constant(name: str) -> Any:
    raise NotANumber(f"The JSON holds {name}, which JSON does not allow.")


# The C scanner `json.loads` itself uses: one JSON value from an index of a text.
_scans: dict[bool, Scan] = {
    True: json.JSONDecoder().scan_once,  # type: ignore[attr-defined]
    False: json.JSONDecoder(parse_constant=_refuse_constant).scan_once,  # type: ignore[attr-defined]
}
_space = re.compile(r"[ \t\n\r]*")
_escape = re.compile(rb"\\.", re.DOTALL)
_NOT_MARKS = bytes(c for c in range(256) if c not in b'"[]{}')
_SIGNS = bytes.maketrans(b"[]{}", bytes([1, 255, 1, 255]))


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


def loads(data: str | bytes, *, allow_nan: bool = True, max_depth: int = MAX_DEPTH) -> Any:
    """`json.loads(data)`: the same value or the same `json.JSONDecodeError`, except that
    TooDeep refuses a document nested deeper than `max_depth` and, without `allow_nan`,
    NotANumber one that holds NaN or Infinity (both are ValueErrors).

    A big text that holds an object is read key by key, and the lists among its values item by
    item.
    """
    text = (
        data.decode(json.detect_encoding(data), "surrogatepass")
        if isinstance(data, bytes)
        else data
    )
    raw = isinstance(data, bytes) and json.detect_encoding(data) == "utf-8"
    utf8 = data if isinstance(data, bytes) and raw else text.encode("utf-8", "surrogatepass")
    if depth(utf8) > max_depth:
        raise TooDeep(f"The JSON is nested deeper than {max_depth} levels.")
    hook = None if allow_nan else _refuse_constant
    try:
        if len(text) < BIG_TEXT:
            return json.loads(text, parse_constant=hook)
        try:
            return _object(text, _scans[allow_nan])
        except NotANumber:
            raise
        except (_Irregular, StopIteration, ValueError, IndexError):
            # json has the last word: its value, or its error with line and column.
            return json.loads(text, parse_constant=hook)
    except RecursionError:  # not reached below MAX_DEPTH; kept as a last guard
        raise TooDeep("The JSON is nested too deeply to read.") from None


def depth(utf8: bytes) -> int:
    """How deep the lists and objects of a JSON text (UTF-8) nest; never less than the truth.

    A cheap scan, in C a byte at a time: the brackets outside strings.
    """
    if b"\\" in utf8:
        utf8 = _escape.sub(b"", utf8)  # so that every '"' left opens or closes a string
    marks = utf8.translate(None, _NOT_MARKS).replace(b'""', b"")
    if b'"' in marks:  # strings with brackets in them: keep what is outside
        marks = b"".join(marks.split(b'"')[::2])
    # A few passes take away innermost pairs (so that little is left to add up); each that
    # takes any away lowers the depth by one at most.
    passes, idle = 0, 0
    for pair in (b"{}", b"[]") * 4:
        if len(marks) <= 64 or idle == 2:
            break
        fewer = marks.replace(pair, b"")
        if len(fewer) < len(marks):
            marks, passes, idle = fewer, passes + 1, 0
        else:
            idle += 1
    signs = memoryview(marks.translate(_SIGNS)).cast("b")
    return passes + max(accumulate(signs), default=0)


def _skip(text: str, at: int) -> int:
    match = _space.match(text, at)
    return match.end() if match else at


def _object(text: str, _scan: Scan) -> dict[str, Any]:
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
                out[name], at = _list(text, at, _scan)
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


def _list(text: str, at: int, _scan: Scan) -> tuple[list[Any], int]:
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


__all__ = ["MAX_DEPTH", "NotANumber", "TooDeep", "depth", "dumps", "loads"]
