"""Base URLs of OMNI accounts: https, or plain http only to this computer."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from omni_desktop.core.i18n import tr


def is_loopback(host: str) -> bool:
    """Whether `host` is this computer (127.0.0.0/8, ::1 or localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(text: str) -> str:
    """The base URL without a trailing slash; ValueError with a plain sentence if unusable.

    Plain http:// would send the key unencrypted, so it is allowed only for loopback hosts
    (a local sandbox).
    """
    try:
        parts = urlsplit(text.strip())
        host = parts.hostname
    except ValueError:
        raise ValueError(
            tr("{url!r} is not a web address; use e.g. https://xxxxx.api.infobip.com.").format(
                url=text
            )
        ) from None
    if parts.scheme not in ("http", "https") or not host:
        raise ValueError(
            tr("The base URL must start with https://, e.g. https://xxxxx.api.infobip.com.")
        )
    if parts.username is not None or parts.password is not None:
        raise ValueError(tr("Put credentials in the profile, not in the base URL."))
    if parts.scheme == "http" and not is_loopback(host):
        raise ValueError(
            tr(
                "Plain http:// would send the API key unencrypted to {host}; use https:// "
                "(http:// is allowed only for a local server on 127.0.0.1, ::1 or localhost)."
            ).format(host=host)
        )
    if parts.query or parts.fragment:
        raise ValueError(tr("The base URL cannot have a query (?...) or a fragment (#...)."))
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")
