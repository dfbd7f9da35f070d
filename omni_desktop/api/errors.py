"""Our exception types for everything a call to OMNI can end in.

Each carries `sentence`: one plain sentence for the operator (what happened and what to do),
and `server_text`: the server's own words, when it sent any. The split that matters most is
`NotSent` (nothing reached the server: safe to retry) against `OutcomeUnknown` (the request
went out and the answer was lost: a message may have been sent, so check before resending).
None of these ever holds a credential: they are built from status codes and server text only.
"""

from __future__ import annotations

from omni_desktop.core.i18n import tr


class OmniError(Exception):
    """Base of every error the OMNI client raises."""

    def __init__(
        self,
        sentence: str,
        *,
        status: int | None = None,
        server_text: str | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.status = status  # HTTP status, when an answer arrived
        self.server_text = server_text  # `requestError.serviceException.text`
        self.reason = reason  # short technical cause, e.g. "read timeout"

    def __str__(self) -> str:
        if self.server_text:
            said = tr("The server said: {text}").format(text=self.server_text)
            return f"{self.sentence} {said}"
        return self.sentence

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class NotSent(OmniError):
    """Nothing reached the server (could not connect, DNS, connect or pool timeout), or the
    request could not even be made (`sentence` then says what to fix)."""

    def __init__(self, host: str, reason: str, sentence: str | None = None) -> None:
        super().__init__(
            sentence
            or tr(
                "Could not reach the OMNI server at {host} ({reason}); nothing was sent, "
                "so it is safe to try again once the connection works."
            ).format(host=host, reason=reason),
            reason=reason,
        )
        self.host = host


class OutcomeUnknown(OmniError):
    """The request went out but no usable answer came back (timeout, 5xx, cut connection)."""

    def __init__(
        self,
        reason: str,
        *,
        effect: str | None,
        status: int | None = None,
        server_text: str | None = None,
    ) -> None:
        if effect is None:
            sentence = tr(
                "The OMNI server gave no usable answer ({reason}); nothing was changed, "
                "so you can try again."
            ).format(reason=reason)
        else:
            sentence = tr(
                "The request went out but no usable answer came back ({reason}), so {effect}."
            ).format(reason=reason, effect=effect)
        super().__init__(sentence, status=status, server_text=server_text, reason=reason)
        self.effect = effect


class InvalidRequest(OmniError):
    """The server refused the request (4xx); sending it again unchanged will not help."""

    def __init__(self, status: int, server_text: str | None, sentence: str | None = None) -> None:
        super().__init__(
            sentence
            or tr(
                "The OMNI server refused the request (HTTP {status}); correct it and send again."
            ).format(status=status),
            status=status,
            server_text=server_text,
            reason=f"HTTP {status}",
        )


class Unauthorized(InvalidRequest):
    def __init__(
        self, server_text: str | None, status: int = 401, sentence: str | None = None
    ) -> None:
        super().__init__(
            status,
            server_text,
            sentence
            or tr(
                "The OMNI server did not accept the credentials (HTTP 401); check the API key "
                "or login in the profile."
            ),
        )


class Forbidden(Unauthorized):
    def __init__(self, server_text: str | None) -> None:
        super().__init__(
            server_text,
            403,
            tr(
                "The credentials are valid but not allowed to do this (HTTP 403); ask the "
                "account administrator for the OMNI failover permissions."
            ),
        )


class NotFound(InvalidRequest):
    def __init__(self, what: str, server_text: str | None) -> None:
        super().__init__(
            404,
            server_text,
            tr("The OMNI server has no {what} (HTTP 404); reload the list and pick again.").format(
                what=what
            ),
        )


class RateLimited(OmniError):
    """HTTP 429 that outlasted the retries or the deadline."""

    def __init__(self, retry_after: float | None, server_text: str | None) -> None:
        if retry_after is None:
            sentence = tr(
                "The OMNI server is limiting requests (HTTP 429); wait a minute and try again."
            )
        else:
            sentence = tr(
                "The OMNI server is limiting requests (HTTP 429); wait {seconds:g} s and try again."
            ).format(seconds=retry_after)
        super().__init__(sentence, status=429, server_text=server_text, reason="HTTP 429")
        self.retry_after = retry_after
