"""A big draft's recipients are kept as text from one save to the next (an autosave of
100,000 unchanged rows encodes none again): whatever was edited in between, the text is the
one a first save of the same draft would write."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omni_desktop.core.message import Destination, OmniMessage

from omni_desktop.storage import drafts
from omni_desktop.storage.drafts import BIG_DRAFT, DraftError, draft_text

SIZE = BIG_DRAFT + 20


def _draft(destinations: list[Destination]) -> OmniMessage:
    message = OmniMessage(destinations=destinations)
    message.content("sms").values["text"] = "Hi {{Name}}"
    return message


def _row(n: int, name: str = "Jürg") -> Destination:
    return Destination(f"+4179302{n:04d}", message_id=f"id-{n}", fields={"Name": name})


def _fresh(message: OmniMessage) -> str:
    drafts._ROWS.forget()
    return draft_text(message)


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["edit", "insert", "remove", "swap"]),
        st.integers(0, SIZE - 1),
        st.text(max_size=6),
    ),
    max_size=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(EDITS, min_size=1, max_size=4))
def test_kept_rows_write_the_text_a_first_save_would(
    steps: list[list[tuple[str, int, str]]],
) -> None:
    rows = [_row(n) for n in range(SIZE)]
    drafts._ROWS.forget()
    draft_text(_draft(rows))
    for edits in steps:  # the edits between two saves, as the recipients table makes them
        rows = list(rows)
        for kind, at, name in edits:
            at %= max(len(rows), 1)
            if kind == "edit":  # an edited row is a new Destination object
                rows[at] = _row(9000 + at, name)
            elif kind == "insert":
                rows.insert(at, _row(8000 + at, name))
            elif kind == "remove" and len(rows) > BIG_DRAFT:
                del rows[at]
            elif kind == "swap":
                rows[0], rows[at] = rows[at], rows[0]
        kept = draft_text(_draft(rows))
        assert kept == _fresh(_draft(rows))
        assert [d["to"]["phoneNumber"] for d in json.loads(kept)["destinations"]] == [
            d.phone for d in rows
        ]


def test_a_row_that_cannot_be_saved_is_refused_and_the_kept_rows_stay_right() -> None:
    rows = [_row(n) for n in range(SIZE)]
    first = _fresh(_draft(rows))
    broken = list(rows)
    broken[3] = Destination("+41793020003", fields={"Name": "\ud800"})  # half a surrogate pair
    with pytest.raises(DraftError, match="cannot be saved"):
        draft_text(_draft(broken))
    assert draft_text(_draft(rows)) == first
    channel = _draft(rows)
    channel.content("sms").values["text"] = "Hi \udfff"  # in the body, not in a row
    with pytest.raises(DraftError, match="cannot be saved"):
        draft_text(channel)


def test_a_small_draft_lets_the_big_ones_rows_go() -> None:
    draft_text(_draft([_row(n) for n in range(SIZE)]))
    assert drafts._ROWS._kept.objects
    draft_text(_draft([_row(1)]))
    assert drafts._ROWS._kept.objects == []
