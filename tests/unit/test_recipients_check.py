"""An edit of a few rows re-checks those rows only, and finds exactly what a fresh check does."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from omni_desktop.core.message import ChannelContent, Destination, OmniMessage, to_json
from omni_desktop.core.validation import ValidationResult, validate

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
PHONES = [None, "+41 79 302 67 27", "0793026728", "41793026729", "4.17930E+10", "+41 79", "12ab"]
PHONES += ["2015550123", "(201) 555-0123"]  # under US, read abroad with a note; as the US
EMAILS = [None, "ana@example.com", "ANA@example.com", "not an address", "ben@example.org"]
IDS = [None, "m-1", "m-2"]

destinations = st.builds(
    lambda phone, email, message_id: Destination(phone, email, message_id),
    st.sampled_from(PHONES),
    st.sampled_from(EMAILS),
    st.sampled_from(IDS),
)
edits = st.lists(
    st.tuples(st.sampled_from(["replace", "insert", "delete"]), st.integers(0, 30), destinations),
    max_size=4,
)


def message(rows: list[Destination]) -> OmniMessage:
    return OmniMessage(destinations=rows, channels={"sms": ChannelContent(values={"text": "Hi"})})


def seen(result: ValidationResult) -> tuple[object, ...]:
    assert result.checked is not None
    return (
        [(p.path, p.severity, p.message) for p in result.problems],
        to_json(result.prepared),
        result.checked.read_abroad,
    )


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(destinations, max_size=25),
    changes=edits,
    region=st.sampled_from([None, "CH", "US"]),
    then=st.sampled_from([None, "CH", "US"]),
)
def test_a_check_lent_from_the_last_one_is_a_fresh_check(
    rows: list[Destination],
    changes: list[tuple[str, int, Destination]],
    region: str | None,
    then: str | None,
) -> None:
    before = validate(message(rows), NOW, default_region=region)
    edited = list(rows)  # the rows not edited are the very same objects
    for kind, at, new in changes:
        at = min(at, len(edited))
        if kind == "insert":
            edited.insert(at, new)
        elif edited and at < len(edited):
            if kind == "replace":
                edited[at] = new
            else:
                del edited[at]
    lent = validate(message(edited), NOW, default_region=then, previous=before)
    fresh = validate(message(edited), NOW, default_region=then)
    assert seen(lent) == seen(fresh)


def test_an_edit_of_one_row_checks_that_row_only() -> None:
    rows = [Destination(f"+41 79 302 {i // 100:02d} {i % 100:02d}") for i in range(300)]
    before = validate(message(rows), NOW)
    assert before.checked is not None
    edited = list(rows)
    edited[7] = Destination(rows[3].phone)  # now repeats row 4
    after = validate(message(edited), NOW, previous=before)
    assert after.checked is not None
    # Every other row's checked copy is the one made before: nothing else was checked again.
    lent = [a is b for a, b in zip(after.checked.prepared, before.checked.prepared, strict=True)]
    assert lent.count(False) == 1 and not lent[7]
    assert [p.message for p in after.problems] == [
        "Row 8 repeats the phone number of row 4; remove one or the number gets the message twice."
    ]
