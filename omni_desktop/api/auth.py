"""The four ways OMNI accepts credentials, as one `Authorization` header value.

The secret never shows in `repr()` or `str()`, so an `Auth` can be logged or put in an error
without leaking it.
"""

from __future__ import annotations

import base64
from enum import Enum


class AuthScheme(Enum):
    APP = "App"  # API key
    BASIC = "Basic"  # username and password
    IBSSO = "IBSSO"  # session token from the account-management API
    BEARER = "Bearer"  # OAuth 2.0 access token


class Auth:
    """Credentials for one scheme; build with `app()`, `basic()`, `ibsso()` or `bearer()`."""

    __slots__ = ("_secret", "scheme", "username")

    def __init__(self, scheme: AuthScheme, secret: str, username: str = "") -> None:
        if not secret:
            raise ValueError("The credentials are empty: enter the API key, password or token.")
        if scheme is AuthScheme.BASIC and not username:
            raise ValueError("Basic authentication needs a username.")
        if any(ch in secret + username for ch in "\r\n"):
            raise ValueError("Credentials cannot contain line breaks.")
        self.scheme = scheme
        self.username = username
        self._secret = secret

    @classmethod
    def app(cls, api_key: str) -> Auth:
        return cls(AuthScheme.APP, api_key.strip())

    @classmethod
    def basic(cls, username: str, password: str) -> Auth:
        return cls(AuthScheme.BASIC, password, username)

    @classmethod
    def ibsso(cls, token: str) -> Auth:
        return cls(AuthScheme.IBSSO, token.strip())

    @classmethod
    def bearer(cls, token: str) -> Auth:
        return cls(AuthScheme.BEARER, token.strip())

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
