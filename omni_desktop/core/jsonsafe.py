"""JSON from files this application did not write itself, read and checked within limits.

A draft, the autosave copy, the settings or a stored request may hold what `json.loads` takes
but the rest of the app cannot: NaN or Infinity (not JSON, and no field takes them), integers
of thousands of digits, nesting a thousand levels deep (copying or writing it back overflows the
stack), lone surrogates from a `\\ud800` escape (they cannot be encoded as UTF-8 when sent).
`loads` refuses the first two while parsing, `problem` finds the others afterwards.
"""

from __future__ import annotations

import json
import re
from typing import Any

from omni_desktop.core.i18n import tr

MAX_DEPTH = 64  # objects and lists inside one another; a request needs 4
MAX_INT_DIGITS = 100  # no field of the API takes more than 19 digits
_MAX_INT_BITS = 332  # 2**332 has 100 digits
_SURROGATE = re.compile("[\ud800-\udfff]")
_SHOWN = 40  # characters of a key or number named in a sentence
_PATH_SHOWN = 60  # characters of a path named in a sentence


class UnsafeJson(ValueError):
    """JSON this application refuses; str() is one plain sentence."""


def loads(text: str, what: str = "") -> Any:
    """`json.loads(text)`, refusing NaN, Infinity, huge numbers and deep nesting (UnsafeJson).

    `what` names the text in the sentence ("The settings file"). Invalid JSON still raises
    `json.JSONDecodeError`, with its line and column.
    """
    what = what or tr("The JSON")

    def no_constant(name: str) -> Any:
        raise UnsafeJson(
            tr("{what} holds {name}, which is not a number JSON allows; write a number.").format(
                what=what, name=name
            )
        )

    def finite_float(text: str) -> float:
        number = float(text)
        if number in (float("inf"), float("-inf")):
            raise UnsafeJson(
                tr("{what} holds the number {text}, too large for any field.").format(
                    what=what, text=text[:_SHOWN]
                )
            )
        return number

    def short_int(text: str) -> int:
        if len(text) > MAX_INT_DIGITS + 1:
            raise UnsafeJson(
                tr(
                    "{what} holds a number of more than {limit} digits, which no field takes."
                ).format(what=what, limit=MAX_INT_DIGITS)
            )
        return int(text)

    try:
        return json.loads(
            text, parse_constant=no_constant, parse_float=finite_float, parse_int=short_int
        )
    except RecursionError:
        raise UnsafeJson(_too_deep(what)) from None


def has_lone_surrogate(text: str) -> bool:
    """Whether `text` holds half of a surrogate pair, which no UTF-8 encoder accepts."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def problem(value: Any, where: str = "", depth: int = 0) -> str | None:
    """The first thing in `value` this application would refuse, as a sentence, or None.

    `where` is the path of `value` in its document and `depth` its nesting there.
    """
    if _clean(value, depth):
        return None
    return _name_problem(value, where, depth)


def _clean(value: Any, depth: int) -> bool:
    """The fast pass: no path is built, since almost every document is clean."""
    stack = [(value, depth)]
    pop, push = stack.pop, stack.append
    while stack:
        node, level = pop()
        kind = type(node)
        if kind is dict:
            if level >= MAX_DEPTH:
                return False
            for key, item in node.items():
                if type(key) is not str or has_lone_surrogate(key):
                    return False
                push((item, level + 1))
        elif kind is list:
            if level >= MAX_DEPTH:
                return False
            for item in node:
                push((item, level + 1))
        elif kind is str:
            if has_lone_surrogate(node):
                return False
        elif kind is int:
            if node.bit_length() > _MAX_INT_BITS:
                return False
        elif kind is float:
            if node != node or node in (float("inf"), float("-inf")):
                return False
        elif node is not None and kind is not bool:
            return False
    return True


def _name_problem(value: Any, where: str, depth: int) -> str | None:
    """The slow pass: the same checks, in document order, with the path of what failed."""
    stack = [(value, where, depth)]
    while stack:
        node, path, level = stack.pop()
        place = path or tr("The document")
        if isinstance(node, dict | list) and level >= MAX_DEPTH:
            return _too_deep(place)
        if isinstance(node, dict):
            children = []
            for key, item in node.items():
                if not isinstance(key, str) or has_lone_surrogate(key):
                    return tr(
                        "{place} has a key with a broken character (a lone surrogate); "
                        "retype that key."
                    ).format(place=place)
                children.append((item, _join(path, key), level + 1))
            stack.extend(reversed(children))
        elif isinstance(node, list):
            stack.extend(
                reversed([(item, f"{path}[{i}]", level + 1) for i, item in enumerate(node)])
            )
        elif isinstance(node, str):
            if has_lone_surrogate(node):
                return tr(
                    "{place} has a broken character (a lone surrogate, half of an emoji or "
                    "other character); retype that text."
                ).format(place=place)
        elif isinstance(node, bool) or node is None:
            continue
        elif isinstance(node, int):
            if node.bit_length() > _MAX_INT_BITS:
                return _too_long(place)
        elif isinstance(node, float):
            if node != node or node in (float("inf"), float("-inf")):
                return tr(
                    "{place} is NaN or Infinity, which is not a number JSON can hold; "
                    "write a number."
                ).format(place=place)
        else:
            return tr("{place} holds a {kind}, which JSON cannot hold.").format(
                place=place, kind=type(node).__name__
            )
    return None


def _join(path: str, key: str) -> str:
    shown = key if len(key) <= _SHOWN else key[:_SHOWN] + "…"
    return f"{path}.{shown}" if path else shown


def _too_deep(place: str) -> str:
    if len(place) > _PATH_SHOWN:
        place = place[:_PATH_SHOWN] + "…"
    return tr("{place} is nested more than {limit} levels deep, which no OMNI request is.").format(
        place=place, limit=MAX_DEPTH
    )


def _too_long(place: str) -> str:
    return tr("{place} is a number of more than {limit} digits, which no field takes.").format(
        place=place, limit=MAX_INT_DIGITS
    )


__all__ = ["MAX_DEPTH", "MAX_INT_DIGITS", "UnsafeJson", "has_lone_surrogate", "loads", "problem"]
