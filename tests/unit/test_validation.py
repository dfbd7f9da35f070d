"""Validation before a send: the problems an operator is shown, and the copy that is sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from omni_desktop.core.addresses import Home, homes_named
from omni_desktop.core.channels import TimeUnit
from omni_desktop.core.message import ChannelContent, Destination, OmniMessage, to_json
from omni_desktop.core.validation import (
    InvalidPhoneNumber,
    Severity,
    ValidationResult,
    check_email,
    check_phone,
    normalise_phone,
    validate,
)

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def message(*phones: str, sms: str = "Your parcel arrives today.") -> OmniMessage:
    msg = OmniMessage(destinations=[Destination(phone=p) for p in phones or ("41793026727",)])
    if sms:
        msg.content("sms").values["text"] = sms
    return msg


def paths(result: ValidationResult, severity: Severity | None = None) -> list[str]:
    return [p.path for p in result.problems if severity is None or p.severity is severity]


def only(result: ValidationResult, path: str) -> str:
    """The message of the one problem at `path`."""
    found = result.for_path(path)
    assert len(found) == 1, found
    return found[0].message


# --- phone numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "+41 79 302 67 27",
        "0041 79 302 67 27",
        "41793026727",
        "+41793026727",
        "41-79-302-67-27",
        "41.79.302.67.27",
        "+41 (79) 302 67 27",
        "  +41 79 302 67 27  ",
        "+41 79 302 6727",
    ],
)
def test_usual_spellings_become_international_digits(typed: str) -> None:
    assert normalise_phone(typed) == "41793026727"


def test_a_national_number_needs_the_default_region() -> None:
    assert normalise_phone("079 302 67 27", default_region="CH") == "41793026727"
    with pytest.raises(InvalidPhoneNumber, match="country code"):
        normalise_phone("079 302 67 27")


def test_international_digits_stay_international_with_a_default_region() -> None:
    assert normalise_phone("41793026727", default_region="CH") == "41793026727"
    assert normalise_phone("4915112345678", default_region="CH") == "4915112345678"
    assert normalise_phone("+44 7911 123456", default_region="CH") == "447911123456"


def test_italian_leading_zero_is_kept() -> None:
    assert normalise_phone("+39 06 1234 5678") == "390612345678"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("+41 79 302", "too short"),
        ("+41 79 302 67 27 12345 678", "too long"),
        ("+41 79 302 67 271", "wrong number of digits for country code +41"),
        ("+999 123 456 789", "country code"),
        ("+41 79 ABC 67 27", "letters"),
        ("---", "no digits"),
        ("", "empty"),
        ("41 79 302#67 27", "'#'"),
        ("41 79 + 302 67 27", "'+'"),
    ],
)
def test_impossible_numbers_are_refused_with_a_plain_reason(typed: str, reason: str) -> None:
    with pytest.raises(InvalidPhoneNumber) as caught:
        normalise_phone(typed)
    assert reason in str(caught.value)
    assert str(caught.value).endswith(".")
    assert check_phone(typed) == (None, str(caught.value))


def test_check_phone_answers_from_its_cache() -> None:
    check_phone("+41 79 302 67 28")
    hits = check_phone.cache_info().hits
    assert check_phone("+41 79 302 67 28") == ("41793026728", None)
    assert check_phone.cache_info().hits == hits + 1
    maxsize = check_phone.cache_info().maxsize
    assert maxsize is not None
    assert maxsize >= 100_000


def test_under_a_default_region_the_prepared_numbers_survive_validating_again() -> None:
    typed = ("+44 7700 561913", "447700561913", "079 302 67 27", "41793026728")
    first = validate(message(*typed), NOW, default_region="CH")
    assert "repeats the phone number of row 1" in only(first, "destinations[1].to.phoneNumber")
    assert len(first.problems) == 1  # both spellings are one UK number, not a Swiss one
    sent = ["447700561913", "447700561913", "41793026727", "41793026728"]
    assert [d.phone for d in first.prepared.destinations] == sent
    again = validate(first.prepared, NOW, default_region="CH")  # e.g. a draft of the prepared copy
    assert [d.phone for d in again.prepared.destinations] == sent
    assert [d["to"]["phoneNumber"] for d in to_json(again.prepared)["destinations"]] == sent


def test_a_number_read_two_ways_is_a_warning_naming_both() -> None:
    result = validate(message("41793026727", "84912345678"), NOW, default_region="RU")
    assert result.ok, "a warning: the send may go"
    text = only(result, "destinations[1].to.phoneNumber")
    assert text.startswith("Row 2, 84912345678: Read as +84 912 345 678 (Vietnam)")
    assert "+7 491 234-56-78 in Russia, write it with +7." in text
    assert paths(result, Severity.WARNING) == ["destinations[1].to.phoneNumber"]
    assert result.prepared.destinations[1].phone == "84912345678"
    plain = validate(message("84912345678"), NOW)  # no default region: only one reading
    assert plain.problems == []


# --- e-mail addresses --------------------------------------------------------------------------


def test_email_is_normalised() -> None:
    assert check_email(" Ana@EXAMPLE.com ") == ("Ana@example.com", None)


def test_email_domain_is_not_looked_up() -> None:
    # A domain nobody registered passes: only the syntax is checked, never DNS.
    assert check_email("ana@no-such-domain-for-omni-desktop-tests-7f3a.com")[1] is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [("ana", "@-sign"), ("ana@localhost", "period"), ("a b@example.com", "SPACE"), ("", "empty")],
)
def test_bad_email_gets_a_reason(typed: str, reason: str) -> None:
    normalised, why = check_email(typed)
    assert normalised is None
    assert why is not None
    assert reason in why


# --- recipients --------------------------------------------------------------------------------


def test_a_good_message_has_no_problems() -> None:
    result = validate(message("+41 79 302 67 27", "0044 7911 123456"), NOW, flow=["sms"])
    assert result.problems == []
    assert result.ok
    assert [d.phone for d in result.prepared.destinations] == ["41793026727", "447911123456"]


def test_prepared_is_a_copy_and_the_draft_keeps_what_was_typed() -> None:
    msg = message("+41 79 302 67 27")
    msg.destinations[0].email = "Ana@EXAMPLE.com"
    result = validate(msg, NOW)
    assert msg.destinations[0].phone == "+41 79 302 67 27"
    assert msg.destinations[0].email == "Ana@EXAMPLE.com"
    assert result.prepared.destinations[0].email == "Ana@example.com"
    assert result.prepared.destinations[0] is not msg.destinations[0]
    assert to_json(result.prepared)["destinations"] == [
        {"to": {"phoneNumber": "41793026727", "emailAddress": "Ana@example.com"}}
    ]


def test_no_recipients_is_an_error() -> None:
    result = validate(OmniMessage(channels={"sms": ChannelContent({"text": "Hi"})}), NOW)
    assert paths(result) == ["destinations"]
    assert not result.ok
    assert "recipient" in result.errors[0].message


def test_a_recipient_needs_a_phone_or_an_email() -> None:
    msg = message("41793026727")
    msg.destinations.append(Destination(message_id="m-2"))
    result = validate(msg, NOW)
    assert paths(result, Severity.ERROR) == ["destinations[1].to"]
    assert "Row 2" in only(result, "destinations[1]")


def test_blank_addresses_count_as_missing() -> None:
    msg = message()
    msg.destinations = [Destination(phone="  ", email=" ")]
    result = validate(msg, NOW)
    assert paths(result) == ["destinations[0].to"]
    assert result.prepared.destinations[0] == Destination()


def test_an_email_only_recipient_is_fine() -> None:
    msg = message("41793026727")
    msg.destinations.append(Destination(email="ana@example.com"))
    assert validate(msg, NOW).ok


def test_bad_phone_names_row_number_and_reason() -> None:
    result = validate(message("41793026727", "41793026727", "+41 79 302", "41793026729"), NOW)
    assert paths(result, Severity.ERROR) == ["destinations[2].to.phoneNumber"]
    text = only(result, "destinations[2].to.phoneNumber")
    assert "Row 3" in text
    assert "+41 79 302" in text
    assert "too short" in text


def test_duplicate_phone_is_a_warning_naming_the_first_row() -> None:
    result = validate(message("41793026727", "41793026728", "+41 79 302 67 27"), NOW)
    assert result.ok
    assert paths(result, Severity.WARNING) == ["destinations[2].to.phoneNumber"]
    assert "row 1" in only(result, "destinations[2]")


def test_duplicate_email_ignores_case() -> None:
    msg = message()
    msg.destinations = [Destination(email="ana@example.com"), Destination(email="ANA@Example.com")]
    result = validate(msg, NOW)
    assert paths(result, Severity.WARNING) == ["destinations[1].to.emailAddress"]
    assert "row 1" in result.warnings[0].message


def test_bad_email_is_an_error() -> None:
    msg = message()
    msg.destinations[0].email = "ana@"
    result = validate(msg, NOW)
    assert paths(result) == ["destinations[0].to.emailAddress"]


def test_duplicate_message_ids_are_an_error() -> None:
    msg = message("41793026727", "41793026728", "41793026729")
    for dest, message_id in zip(msg.destinations, ["a", "b", "a"], strict=True):
        dest.message_id = message_id
    result = validate(msg, NOW)
    assert paths(result, Severity.ERROR) == ["destinations[2].messageId"]
    assert "row 1" in result.errors[0].message


def test_default_region_reads_national_numbers() -> None:
    result = validate(message("079 302 67 27"), NOW, default_region="CH")
    assert result.ok
    assert result.prepared.destinations[0].phone == "41793026727"


# --- validity periods --------------------------------------------------------------------------


def with_validity(period: int, unit: TimeUnit | None) -> OmniMessage:
    msg = message()
    msg.content("sms").validity_period = period
    msg.content("sms").validity_unit = unit
    return msg


@pytest.mark.parametrize(
    ("period", "unit"), [(29, TimeUnit.SECONDS), (0, TimeUnit.MINUTES), (-5, None)]
)
def test_validity_below_30_seconds_is_an_error(period: int, unit: TimeUnit | None) -> None:
    result = validate(with_validity(period, unit), NOW)
    assert paths(result, Severity.ERROR) == ["sms.validityPeriod"]


@pytest.mark.parametrize(
    ("period", "unit"), [(30, TimeUnit.SECONDS), (1, None), (48, TimeUnit.HOURS)]
)
def test_validity_from_30_seconds_to_48_hours_is_fine(period: int, unit: TimeUnit | None) -> None:
    assert validate(with_validity(period, unit), NOW).problems == []


def test_validity_over_48_hours_is_clamped_with_a_warning() -> None:
    msg = with_validity(72, TimeUnit.HOURS)
    result = validate(msg, NOW)
    assert result.ok
    assert "48 h" in only(result, "sms.validityPeriod")
    assert to_json(result.prepared)["sms"]["validityPeriod"] == 48
    assert msg.content("sms").validity_period == 72  # the draft is left as typed


def test_clamping_keeps_the_default_unit_of_minutes() -> None:
    result = validate(with_validity(5000, None), NOW)
    sms = to_json(result.prepared)["sms"]
    assert sms["validityPeriod"] == 48 * 60
    assert "validityPeriodTimeUnit" not in sms


def viber_with_validity(period: int, unit: TimeUnit) -> OmniMessage:
    msg = message(sms="")
    msg.content("viber").values["text"] = "Your parcel arrives today."
    msg.content("viber").validity_period = period
    msg.content("viber").validity_unit = unit
    return msg


@pytest.mark.parametrize(
    ("period", "unit"), [(72, TimeUnit.HOURS), (14 * 24, TimeUnit.HOURS), (35, TimeUnit.SECONDS)]
)
def test_viber_takes_up_to_14_days_as_todays_specification_says(
    period: int, unit: TimeUnit
) -> None:
    result = validate(viber_with_validity(period, unit), NOW)
    assert result.problems == []
    assert to_json(result.prepared)["viber"]["validityPeriod"] == period  # sent as typed


def test_viber_over_14_days_is_cut_to_14_days_with_a_warning() -> None:
    msg = viber_with_validity(15 * 24, TimeUnit.HOURS)
    result = validate(msg, NOW)
    assert result.ok  # a warning, not a refusal
    assert "336 h" in only(result, "viber.validityPeriod")
    assert to_json(result.prepared)["viber"]["validityPeriod"] == 14 * 24


def test_viber_under_35_seconds_is_an_error_though_30_suits_sms() -> None:
    result = validate(viber_with_validity(34, TimeUnit.SECONDS), NOW)
    assert paths(result, Severity.ERROR) == ["viber.validityPeriod"]
    assert "35 s" in only(result, "viber.validityPeriod")
    assert validate(with_validity(30, TimeUnit.SECONDS), NOW).problems == []


def test_sms_keeps_its_48_hours_while_viber_has_14_days() -> None:
    msg = viber_with_validity(72, TimeUnit.HOURS)
    msg.content("sms").values["text"] = "Your parcel arrives today."
    msg.content("sms").validity_period = 72
    msg.content("sms").validity_unit = TimeUnit.HOURS
    result = validate(msg, NOW)
    assert paths(result) == ["sms.validityPeriod"]
    body = to_json(result.prepared)
    assert (body["sms"]["validityPeriod"], body["viber"]["validityPeriod"]) == (48, 72)


# --- sendAt and top-level fields ---------------------------------------------------------------


def scheduled(at: datetime) -> OmniMessage:
    msg = message()
    msg.send_at = at
    return msg


def test_send_at_must_carry_a_time_zone() -> None:
    result = validate(scheduled(datetime(2026, 6, 2, 10, 0)), NOW)
    assert "time zone" in only(result, "sendAt")


@pytest.mark.parametrize(
    "delta", [timedelta(seconds=-1), timedelta(0), timedelta(days=180), timedelta(days=400)]
)
def test_send_at_must_be_ahead_and_under_180_days(delta: timedelta) -> None:
    result = validate(scheduled(NOW + delta), NOW)
    assert paths(result, Severity.ERROR) == ["sendAt"]


def test_send_at_in_another_zone_is_compared_as_an_instant() -> None:
    tokyo = timezone(timedelta(hours=9))
    assert validate(scheduled(datetime(2026, 6, 1, 18, 1, tzinfo=tokyo)), NOW).ok
    assert not validate(scheduled(datetime(2026, 6, 1, 17, 59, tzinfo=tokyo)), NOW).ok
    assert validate(scheduled(NOW + timedelta(days=179, hours=23)), NOW).ok


def test_now_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        validate(message(), datetime(2026, 6, 1))


def test_callback_data_limit() -> None:
    msg = message()
    msg.callback_data = "x" * 4000
    assert validate(msg, NOW).ok
    msg.callback_data = "x" * 4001
    assert "4001" in only(validate(msg, NOW), "callbackData")


@pytest.mark.parametrize(
    "url", ["ftp://example.com/dr", "https://", "example.com/dr", "http://a b"]
)
def test_notify_url_must_be_http_with_a_host(url: str) -> None:
    msg = message()
    msg.notify_url = url
    assert paths(validate(msg, NOW)) == ["notifyUrl"]


# --- channel content ---------------------------------------------------------------------------


def test_no_content_at_all_is_an_error() -> None:
    result = validate(message(sms=""), NOW)
    assert paths(result) == [""]
    assert result.for_path("") == result.errors


def test_a_used_channel_needs_its_text() -> None:
    msg = message(sms="")
    msg.content("sms").validity_period = 10
    msg.content("voice").values["language"] = "en"
    msg.content("parseco").values["text"] = "   "
    result = validate(msg, NOW)
    assert paths(result) == ["sms.text", "voice.text", "parseco.text"]
    assert "empty" in only(result, "voice.text")


def test_email_needs_subject_and_text() -> None:
    msg = message()
    msg.content("email").values["text"] = "Body"
    assert paths(validate(msg, NOW)) == ["email.subject"]


@pytest.mark.parametrize(
    ("values", "missing"),
    [
        ({"type": "TEXT"}, "facebook.text"),
        ({"type": "IMAGE", "text": "a caption"}, "facebook.url"),
        ({"type": "FILE"}, "facebook.url"),
    ],
)
def test_facebook_type_decides_what_is_needed(values: dict[str, str], missing: str) -> None:
    msg = message()
    msg.content("facebook").values.update(values)
    assert paths(validate(msg, NOW)) == [missing]


def test_facebook_media_with_url_is_fine() -> None:
    msg = message()
    msg.content("facebook").values.update({"type": "VIDEO", "url": "https://example.com/v.mp4"})
    assert validate(msg, NOW).ok


def viber(**values: str) -> OmniMessage:
    msg = message(sms="")
    msg.content("viber").values.update(values)
    return msg


def test_viber_image_alone_is_allowed() -> None:
    assert validate(viber(imageURL="https://example.com/parcel.png"), NOW).ok


def test_viber_button_text_limit_is_30() -> None:
    ok = viber(text="Hi", buttonText="x" * 30, buttonURL="https://example.com")
    assert validate(ok, NOW).ok
    long = viber(text="Hi", buttonText="x" * 31, buttonURL="https://example.com")
    assert "31" in only(validate(long, NOW), "viber.buttonText")


def test_viber_button_needs_both_text_and_url() -> None:
    no_url = validate(viber(text="Hi", buttonText="Track"), NOW)
    assert paths(no_url) == ["viber.buttonURL"]
    no_text = validate(viber(text="Hi", buttonURL="https://example.com"), NOW)
    assert paths(no_text) == ["viber.buttonText"]


def test_viber_text_limit_is_1000() -> None:
    assert validate(viber(text="x" * 1000), NOW).ok
    assert "1001" in only(validate(viber(text="x" * 1001), NOW), "viber.text")


@pytest.mark.parametrize(
    ("field", "url", "good"),
    [
        ("imageURL", "https://example.com/a.png", True),
        ("imageURL", "ftp://example.com/a.png", False),
        ("imageURL", "https:///a.png", False),
        ("imageURL", "tel:+41793026727", False),
        ("buttonURL", "tel:+41793026727", True),
        ("buttonURL", "tel:hello", False),
        ("buttonURL", "mailto:ana@example.com", False),
    ],
)
def test_viber_urls(field: str, url: str, good: bool) -> None:
    values = {"text": "Hi", field: url}
    if field == "buttonURL":
        values["buttonText"] = "Go"
    result = validate(viber(**values), NOW)
    assert result.ok is good
    if not good:
        assert paths(result) == [f"viber.{field}"]


def test_sms_over_25_parts_is_an_error_naming_the_count() -> None:
    assert validate(message(sms="a" * 153 * 25), NOW).ok
    result = validate(message(sms="a" * (153 * 25 + 1)), NOW)
    assert "26 parts" in only(result, "sms.text")


def test_sms_in_ucs2_over_25_parts() -> None:
    result = validate(message(sms="ж" * (67 * 25 + 1)), NOW)
    assert "26" in only(result, "sms.text")


# --- the scenario's flow -----------------------------------------------------------------------


def test_channel_outside_the_flow_is_a_warning_and_not_checked() -> None:
    msg = message()
    msg.content("viber").values["buttonText"] = "Track"  # would be an error if it were sent
    result = validate(msg, NOW, flow=["sms"])
    assert result.ok
    assert "not in the scenario's flow and will not be sent" in only(result, "viber")
    assert result.prepared.channels["viber"].values == {"buttonText": "Track"}


def test_flow_channel_without_content_is_a_warning_that_it_is_skipped() -> None:
    """The timeline and the funnel leave such a step out; the warning says the same."""
    result = validate(message(), NOW, flow=["viber", "sms"])
    assert result.ok
    warning = only(result, "viber")
    assert "Viber" in warning and "skipped" in warning and "fail" not in warning


def test_content_only_outside_the_flow_is_an_error() -> None:
    result = validate(message(), NOW, flow=["email"])
    assert not result.ok
    assert [p.path for p in result.errors] == [""]


def test_content_kept_for_a_channel_this_app_cannot_compose_counts() -> None:
    msg = message(sms="")
    msg.extra["push"] = {"text": "From another tool"}
    assert validate(msg, NOW).ok
    result = validate(msg, NOW, flow=["push"])
    assert result.ok
    assert result.problems == []


def test_without_a_flow_every_used_channel_is_checked() -> None:
    msg = message()
    msg.content("viber").values["buttonText"] = "Track"
    assert not validate(msg, NOW).ok


# --- the result --------------------------------------------------------------------------------


def test_for_path_takes_a_field_and_what_is_inside_it() -> None:
    msg = message("41793026727", "nonsense")
    msg.content("sms").validity_period = 0
    msg.content("smsx").values["text"] = "unknown channels are not ours"
    result = validate(msg, NOW)
    assert [p.path for p in result.for_path("destinations")] == ["destinations[1].to.phoneNumber"]
    assert [p.path for p in result.for_path("destinations[1]")] == [
        "destinations[1].to.phoneNumber"
    ]
    assert [p.path for p in result.for_path("sms")] == ["sms.validityPeriod"]
    assert result.for_path("sms.text") == []


def test_every_message_is_one_plain_sentence() -> None:
    msg = OmniMessage(
        destinations=[Destination(phone="12"), Destination(), Destination(email="x@")],
        send_at=NOW - timedelta(hours=1),
        callback_data="x" * 5000,
        notify_url="ftp://x",
    )
    msg.content("viber").values.update({"buttonText": "x" * 40, "imageURL": "nope"})
    msg.content("email").values["subject"] = "Hello"
    msg.content("sms").validity_period = 5000
    result = validate(msg, NOW, flow=["sms", "viber", "email", "voice"])
    assert len(result.problems) >= 10
    for problem in result.problems:
        assert problem.message[0].isupper(), problem
        assert problem.message.endswith("."), problem
        assert "\n" not in problem.message


def test_recipients_are_not_checked_again_when_the_list_is_unchanged() -> None:
    from omni_desktop.core.message import ChannelContent, Destination, OmniMessage

    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    message = OmniMessage(
        destinations=[Destination(phone="+41 79 302 67 27"), Destination(phone="+41 12")],
        channels={"sms": ChannelContent(values={"text": "Hi"})},
    )
    first = validate(message, now)
    message.channels["sms"] = ChannelContent(values={"text": "Hello"})
    second = validate(message, now, previous=first)
    assert second.prepared.destinations is first.prepared.destinations
    assert [p.path for p in second.errors] == [p.path for p in first.errors]
    assert second.prepared.channels["sms"].values["text"] == "Hello"
    # A new recipients list is checked again.
    message.destinations = [Destination(phone="+41 79 302 67 27")]
    third = validate(message, now, previous=second)
    assert third.ok
    assert [d.phone for d in third.prepared.destinations] == ["41793026727"]


def test_numbers_read_abroad_are_named_with_their_home_reading_also_when_lent() -> None:
    """Under US, bare 2015550123 is sent to Egypt with a warning; the check keeps the US
    reading for the window's one-click fix, and keeps it when an edit elsewhere lends the rows."""
    msg = message("2015550123", "(704) 203-2135", "+41 79 302 67 27", "5183652505")
    first = validate(msg, NOW, flow=["sms"], default_region="US")
    assert first.checked is not None
    homes = first.checked.read_abroad
    assert {i: home.digits for i, home in homes.items()} == {0: "12015550123", 3: "15183652505"}
    assert homes_named(homes.values(), "US") == "United States"
    assert [d.phone for d in first.prepared.destinations][:2] == ["2015550123", "17042032135"]
    # One row edited: the other rows' answers are lent, the one read abroad among them too.
    d = msg.destinations
    msg.destinations = [d[0], d[1], Destination(phone="+41 79 302 67 28"), d[3]]
    second = validate(msg, NOW, flow=["sms"], default_region="US", previous=first)
    assert second.checked is not None and second.checked is not first.checked
    assert second.checked.read_abroad == first.checked.read_abroad
    assert second.checked.prepared[0] is first.checked.prepared[0]  # lent, not checked again
    written = message(*(f"+{home.digits}" for home in first.checked.read_abroad.values()))
    third = validate(written, NOW, flow=["sms"], default_region="US")
    assert [d.phone for d in third.prepared.destinations] == ["12015550123", "15183652505"]
    assert third.checked is not None and third.checked.read_abroad == {}
    assert third.warnings == []


def test_numbers_read_abroad_are_named_by_the_countries_they_are_at_home_in() -> None:
    """Under US, bare 5142345678 is Peru's with a warning, and at home in Canada (+1 514):
    the one-click fix names Canada, and both countries when US numbers are among them."""
    canadian = validate(message("5142345678"), NOW, flow=["sms"], default_region="US")
    assert canadian.checked is not None
    homes = canadian.checked.read_abroad
    assert [home.digits for home in homes.values()] == ["15142345678"]
    assert homes_named(homes.values(), "US") == "Canada"
    both = validate(message("5142345678", "2015550123"), NOW, flow=["sms"], default_region="US")
    assert both.checked is not None
    assert homes_named(both.checked.read_abroad.values(), "US") == "Canada / United States"
    many = [Home("1", name, 1) for name in ("Canada", "Jamaica", "Bahamas", "United States")]
    assert homes_named(many, "US") == "+1"
    assert homes_named([*many, Home("7", "Russia", 7)], "US") == "United States"
