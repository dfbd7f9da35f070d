"""The OMNI HTTP client: send, scenarios, reports and logs; auth; errors; retry policy.

Names load on first use, so that importing `omni_desktop.api.errors` or `.auth` (what the
window needs to start) does not import httpx and the client before the window has painted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from omni_desktop.core.urls import check_base_url

    from omni_desktop.api.auth import Auth, AuthScheme
    from omni_desktop.api.client import USER_AGENT, OmniClient
    from omni_desktop.api.errors import (
        Forbidden,
        InvalidRequest,
        NotFound,
        NotSent,
        OmniError,
        OutcomeUnknown,
        RateLimited,
        Unauthorized,
    )
    from omni_desktop.api.responses import SendResponse, SentMessage
    from omni_desktop.api.transport import NO_RETRY, RetryPolicy, Timeouts

_WHERE = {
    "check_base_url": "omni_desktop.core.urls",
    "Auth": "omni_desktop.api.auth",
    "AuthScheme": "omni_desktop.api.auth",
    "USER_AGENT": "omni_desktop.api.client",
    "OmniClient": "omni_desktop.api.client",
    "SendResponse": "omni_desktop.api.responses",
    "SentMessage": "omni_desktop.api.responses",
    "NO_RETRY": "omni_desktop.api.transport",
    "RetryPolicy": "omni_desktop.api.transport",
    "Timeouts": "omni_desktop.api.transport",
    **{
        name: "omni_desktop.api.errors"
        for name in (
            "Forbidden", "InvalidRequest", "NotFound", "NotSent", "OmniError",
            "OutcomeUnknown", "RateLimited", "Unauthorized",
        )
    },
}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_WHERE[name]), name)


__all__ = [
    "NO_RETRY",
    "USER_AGENT",
    "Auth",
    "AuthScheme",
    "Forbidden",
    "InvalidRequest",
    "NotFound",
    "NotSent",
    "OmniClient",
    "OmniError",
    "OutcomeUnknown",
    "RateLimited",
    "RetryPolicy",
    "SendResponse",
    "SentMessage",
    "Timeouts",
    "Unauthorized",
    "check_base_url",
]
