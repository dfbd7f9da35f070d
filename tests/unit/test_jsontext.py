"""JSON made and read a slice at a time gives exactly what `json` gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omni_desktop.core import jsontext

_LEAF = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
_VALUE = st.recursive(
    _LEAF,
    lambda inner: st.lists(inner, max_size=12) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=40,
)
_OPTIONS = st.sampled_from(
    [
        {},
        {"ensure_ascii": False, "separators": (",", ":")},
        {"ensure_ascii": True, "separators": (",", ": ")},
    ]
)


@pytest.fixture
def small_slices() -> Iterator[None]:
    """Slices of 3 items and no size threshold, so small documents take the sliced paths."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsontext, "SLICE", 3)
        patch.setattr(jsontext, "BIG_TEXT", 0)
        yield


@given(value=_VALUE, options=_OPTIONS)
def test_dumps_gives_the_text_json_gives(value: Any, options: dict[str, Any]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsontext, "SLICE", 3)
        assert jsontext.dumps(value, **options) == json.dumps(value, **options)
        document = {"bulkId": "b", "destinations": [value] * 7, "n": value}
        assert jsontext.dumps(document, **options) == json.dumps(document, **options)


@given(value=_VALUE, indent=st.sampled_from([None, 0, 2]))
def test_loads_gives_the_value_json_gives(value: Any, indent: int | None) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsontext, "BIG_TEXT", 0)
        for document in (value, {"messages": [value, value], "bulkId": "b", "v": value}):
            text = json.dumps(document, indent=indent)
            assert jsontext.loads(text) == json.loads(text)
            assert jsontext.loads(text.encode("utf-16")) == json.loads(text.encode("utf-16"))


def test_a_real_sized_answer_reads_back_whole() -> None:
    answer = {
        "bulkId": "bulk-1",
        "messages": [
            {
                "to": {"phoneNumber": f"4179{i:07d}"},
                "status": {"groupId": 1, "groupName": "PENDING", "name": "PENDING_ENROUTE"},
                "messageId": f"m{i}",
            }
            for i in range(10_000)
        ],
    }
    text = json.dumps(answer, ensure_ascii=False, separators=(",", ":"))
    assert len(text) > jsontext.BIG_TEXT
    assert jsontext.loads(text.encode()) == answer
    assert jsontext.dumps(answer, ensure_ascii=False, separators=(",", ":")) == text


@pytest.mark.parametrize(
    "text",
    [
        '{"messages": [1, 2,, 3]}',
        '{"messages": [1, 2, 3]',
        '{"messages": [1, 2, 3]} trailing',
        '{"a" 1}',
        "{'a': 1}",
        '{"a": 1,}',
        '{"a": [1 2]}',
        "",
    ],
)
def test_a_malformed_text_raises_what_json_raises(small_slices: None, text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as ours:
        jsontext.loads(text)
    with pytest.raises(json.JSONDecodeError) as theirs:
        json.loads(text)
    assert str(ours.value) == str(theirs.value)


def test_not_a_number_is_refused_when_asked(small_slices: None) -> None:
    with pytest.raises(ValueError, match="Out of range float"):
        jsontext.dumps({"values": [1.0, 2.0, float("nan"), 4.0]}, allow_nan=False)


# --- hostile text -----------------------------------------------------------------------

_TRICKY_TEXT = st.text(alphabet='[]{}"\\ab\n', max_size=8)
_TRICKY = st.recursive(
    st.none() | st.integers() | _TRICKY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TRICKY_TEXT, inner, max_size=4),
    max_leaves=60,
)


def nesting(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max(map(nesting, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(nesting, value.values()), default=0)
    return 0


@given(value=_TRICKY, wide=st.integers(0, 40))
def test_depth_is_never_less_than_the_truth(value: Any, wide: int) -> None:
    """Brackets and escaped quotes inside strings cannot hide how deep a document nests."""
    document = [value] + [{"k": [1]}] * wide  # wide, so the pair-removal passes run too
    text = json.dumps(document)
    truth = nesting(document)
    assert truth <= jsontext.depth(text.encode()) <= truth + 6


def test_depth_of_an_omni_answer_is_exact() -> None:
    answer = {"messages": [{"to": {"phoneNumber": "1"}, "status": {"id": 7}}] * 1000}
    assert jsontext.depth(json.dumps(answer).encode()) == 4


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        "[" * 100_000,
        '{"a": "' + "]" * 1000 + '", "b": ' + "[" * 200 + "]" * 200 + "}",
        '{"a": "\\"' + "]" * 1000 + '", "b": ' + "[" * 200 + "]" * 200 + "}",
    ],
)
@pytest.mark.parametrize("big", [False, True])
def test_too_deep_is_refused_before_parsing(text: str, big: bool) -> None:
    padded = text if not big else text.replace("[", '[" ' + " " * jsontext.BIG_TEXT + '", ', 1)
    for data in (padded, padded.encode(), padded.encode("utf-16")):
        with pytest.raises(jsontext.TooDeep, match="deeper than 100 levels"):
            jsontext.loads(data)


def test_a_hundred_levels_are_read() -> None:
    text = "[" * 100 + "]" * 100
    assert jsontext.loads(text) == json.loads(text)
    with pytest.raises(jsontext.TooDeep):
        jsontext.loads("[" + text + "]")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_not_a_number_is_refused_when_asked_on_every_path(
    constant: str, small_slices: None
) -> None:
    for text in (f"[{constant}]", f'{{"messages": [1, {constant}], "b": 2}}'):
        assert jsontext.loads(text) == json.loads(text) or constant == "NaN"
        with pytest.raises(jsontext.NotANumber, match=constant.lstrip("-")):
            jsontext.loads(text, allow_nan=False)
