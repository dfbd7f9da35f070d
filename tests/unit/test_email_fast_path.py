"""`check_email` checks a plain address's domain once per domain: its answers must be exactly
email-validator's, for any address, valid or not (a differential property test)."""

from __future__ import annotations

import string

from email_validator import EmailNotValidError, validate_email
from hypothesis import example, given, settings
from hypothesis import strategies as st

from omni_desktop.core.addresses import check_email

LOCAL_CHARS = string.ascii_letters + string.digits + "!#$%&'*+/=?^_`{|}~-." + ' "()<>[]:;,\\é'
DOMAIN_CHARS = string.ascii_letters + string.digits + "-._é"


def reference(text: str) -> str | None:
    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return None


addresses = st.one_of(
    st.emails(),
    st.builds(
        "{}@{}".format,
        st.text(LOCAL_CHARS, min_size=0, max_size=70),
        st.one_of(
            st.text(DOMAIN_CHARS, min_size=0, max_size=30),
            st.sampled_from(
                ["example.com", "EXAMPLE.COM", "b-.com", "-b.com", "x.invalid", "localhost",
                 "123.123.123.123", "a.b", "xn--bcher-kva.example", "ex ample.com", "x.onion"]
            ),
        ),
    ),
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(addresses)
@example("Ana.B+x@Example.COM")
@example("a" * 64 + "@example.com")
@example("a" * 65 + "@example.com")
@example("a@" + "b" * 63 + "." + "c" * 190 + ".com")
@example(".a@example.com")
@example("a..b@example.com")
@example("a.@example.com")
@example("@example.com")
@example("a@b@example.com")
def test_check_email_answers_as_email_validator_does(address: str) -> None:
    normalised, reason = check_email(address)
    expected = reference(address) if address.strip() else None
    assert normalised == expected
    assert (reason is None) == (expected is not None)
