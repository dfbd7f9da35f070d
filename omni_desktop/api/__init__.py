"""The OMNI HTTP client: send, scenarios, reports and logs; auth; errors; retry policy."""

from __future__ import annotations

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
