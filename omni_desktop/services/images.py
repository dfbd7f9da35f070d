"""Pictures a draft points at (the Viber preview's image), fetched within limits.

The URL is the draft's, so whatever answers is hostile: the body is capped (5 MB, decoded, so
a gzip bomb counts at its real size), the whole fetch has a deadline (a trickle cannot hold
it), and redirects are followed only to http(s). The client is its own, never the API's: no
credentials go to an image host.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from omni_desktop.core.i18n import tr

if TYPE_CHECKING:  # loaded with the first image, not with the window
    import httpx

MAX_IMAGE_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 10.0
MAX_REDIRECTS = 3


class ImageError(Exception):
    """Why the image cannot be shown, as one sentence for the operator."""


def new_client() -> httpx.AsyncClient:
    """A client for image hosts only (close it with `aclose`)."""
    import httpx

    return httpx.AsyncClient(timeout=TIMEOUT_SECONDS)


def _web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


async def fetch_image(client: httpx.AsyncClient, url: str) -> bytes:
    """The body at `url`, within the size cap and deadline; `ImageError` says why not."""
    import httpx

    if not _web_url(url):
        raise ImageError(tr("The image URL must start with http:// or https://."))
    try:
        async with asyncio.timeout(TIMEOUT_SECONDS):
            return await _follow(client, url)
    except TimeoutError:
        raise ImageError(
            tr("The image did not load within {n:g} seconds.").format(n=TIMEOUT_SECONDS)
        ) from None
    except httpx.HTTPError as error:
        reason = str(error) or type(error).__name__
        raise ImageError(tr("The image did not load: {reason}.").format(reason=reason)) from None


async def _follow(client: httpx.AsyncClient, url: str) -> bytes:
    for _ in range(MAX_REDIRECTS + 1):
        request = client.build_request("GET", url)
        response = await client.send(request, stream=True, follow_redirects=False)
        try:
            if response.is_redirect:
                url = str(response.url.join(response.headers.get("location", "")))
                if not _web_url(url):
                    raise ImageError(
                        tr("The image URL redirects to an address that is not http(s).")
                    )
                continue
            if response.status_code != 200:
                raise ImageError(
                    tr("The image did not load: the server answered {code} {reason}.").format(
                        code=response.status_code, reason=response.reason_phrase
                    )
                )
            return await _capped_body(response)
        finally:
            await response.aclose()
    raise ImageError(tr("The image URL redirects too many times."))


async def _capped_body(response: httpx.Response) -> bytes:
    too_big = ImageError(
        tr("The image is larger than {mb} MB, too big for a preview.").format(
            mb=MAX_IMAGE_BYTES // (1024 * 1024)
        )
    )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_IMAGE_BYTES:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():  # decoded: a gzip bomb counts at its real size
        size += len(chunk)
        if size > MAX_IMAGE_BYTES:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


__all__ = ["MAX_IMAGE_BYTES", "TIMEOUT_SECONDS", "ImageError", "fetch_image", "new_client"]
