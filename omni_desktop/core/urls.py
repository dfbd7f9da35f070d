"""Base URLs of OMNI accounts: https, or plain http only to this computer."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from omni_desktop.core.i18n import tr

# Letters, digits, hyphens and dots (IDNA-encoded names too), or an IPv6 address's characters.
_HOST = re.compile(r"[A-Za-z0-9_.-]+|[0-9A-Fa-f:.]+(%[A-Za-z0-9._~-]+)?")


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
    try:
        port = parts.port
    except ValueError:  # not a number, or above 65535
        port = 0
    if port == 0 or (port is None and parts.netloc.endswith(":")):
        raise ValueError(
            tr(
                "The port in {url!r} must be a number from 1 to 65535 (or leave it out, as in "
                "https://xxxxx.api.infobip.com)."
            ).format(url=text.strip())
        )
    if not _is_host_name(host):
        raise ValueError(
            tr("{host!r} is not a host name; use e.g. https://xxxxx.api.infobip.com.").format(
                host=host
            )
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


def _is_host_name(host: str) -> bool:
    try:
        ascii_host = host if host.isascii() else host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return _HOST.fullmatch(ascii_host) is not None and ".." not in ascii_host
