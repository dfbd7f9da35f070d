"""The four ways OMNI accepts credentials, as one `Authorization` header value.

The secret never shows in `repr()` or `str()`, so an `Auth` can be logged or put in an error
without leaking it. Everything is checked here, so a secret that could not go into a header
(a pasted em dash, a trailing space) is a plain sentence before any call, not a failed call.
"""

from __future__ import annotations

import base64
import unicodedata
from enum import Enum

from omni_desktop.core.i18n import tr


class AuthScheme(Enum):
    APP = "App"  # API key
    BASIC = "Basic"  # username and password
    IBSSO = "IBSSO"  # session token from the account-management API
    BEARER = "Bearer"  # OAuth 2.0 access token


class Auth:
    """Credentials for one scheme; build with `app()`, `basic()`, `ibsso()` or `bearer()`."""

    __slots__ = ("_secret", "scheme", "username")

    def __init__(self, scheme: AuthScheme, secret: str, username: str = "") -> None:
        # Surrounding spaces are never part of a key or token (h11 refuses them in a header),
        # but may be part of a Basic password, which travels base64-encoded.
        username = username.strip()
        if scheme is not AuthScheme.BASIC:
            secret = secret.strip()
        noun = _NOUNS[scheme]
        if not secret:
            raise ValueError(tr("The {noun} is empty.").format(noun=noun))
        if scheme is AuthScheme.BASIC and not username:
            raise ValueError(tr("Basic authentication needs a username."))
        if any(ch in secret + username for ch in "\r\n"):
            raise ValueError(tr("Credentials cannot contain line breaks."))
        # Basic carries UTF-8 in base64; the others go into the header as they are.
        odd = [ch for ch in dict.fromkeys(secret) if not " " <= ch <= "~"]
        if odd and scheme is not AuthScheme.BASIC:
            raise ValueError(
                tr(
                    "The {noun} has characters that cannot be sent ({chars}); paste it again "
                    "from the Infobip portal."
                ).format(noun=noun, chars=", ".join(_describe(ch) for ch in odd[:3]))
            )
        self.scheme = scheme
        self.username = username
        self._secret = secret

    @classmethod
    def app(cls, api_key: str) -> Auth:
        return cls(AuthScheme.APP, api_key)

    @classmethod
    def basic(cls, username: str, password: str) -> Auth:
        return cls(AuthScheme.BASIC, password, username)

    @classmethod
    def ibsso(cls, token: str) -> Auth:
        return cls(AuthScheme.IBSSO, token)

    @classmethod
    def bearer(cls, token: str) -> Auth:
        return cls(AuthScheme.BEARER, token)

    def header_value(self) -> str:
        """The `Authorization` header value, e.g. `App 003026bbc1...`."""
        if self.scheme is AuthScheme.BASIC:
            pair = f"{self.username}:{self._secret}".encode()
            return f"Basic {base64.b64encode(pair).decode('ascii')}"
        return f"{self.scheme.value} {self._secret}"

    def secrets(self) -> tuple[str, ...]:
        """Every string that must never be shown: the secret and its header forms."""
        header = self.header_value()
        return (self._secret, header, header.partition(" ")[2])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Auth):
            return NotImplemented
        return self.header_value() == other.header_value()

    def __hash__(self) -> int:
        return hash(self.header_value())

    def __repr__(self) -> str:
        user = f", username={self.username!r}" if self.username else ""
        return f"Auth({self.scheme.value}{user}, secret=<hidden>)"

    __str__ = __repr__


_NOUNS = {
    AuthScheme.APP: tr("API key"),
    AuthScheme.BASIC: tr("password"),
    AuthScheme.IBSSO: tr("IBSSO token"),
    AuthScheme.BEARER: tr("access token"),
}


def _describe(char: str) -> str:
    """A character for the operator: itself and its Unicode name, e.g. '—' (EM DASH)."""
    name = unicodedata.name(char, f"U+{ord(char):04X}")
    return f"{char!r} ({name})" if char.isprintable() else name
