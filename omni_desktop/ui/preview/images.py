"""The Viber preview's image: fetched on the app's asyncio loop, decoded in a worker thread.

The URL is the draft's, so whatever answers is hostile: the body is capped (5 MB, decoded),
the whole fetch has a deadline (a trickle cannot hold it), redirects are followed only to
http(s), and the picture's size is read from its header before any pixel is decoded.
The client is our own, never the API's: no credentials go to an image host.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

import httpx

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.qt_common import TaskKeeper

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 6,000 x 6,000 photo fits; a decompression bomb does not
TIMEOUT_SECONDS = 10.0
MAX_REDIRECTS = 3
SHOWN_WIDTH = 240  # decoded straight to the width the bubble shows
_CACHED = 8


class ImageError(Exception):
    """Why the image cannot be shown, as one sentence for the operator."""


def _web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


async def fetch_image(client: httpx.AsyncClient, url: str) -> bytes:
    """The body at `url`, within the size cap and deadline; `ImageError` says why not."""
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


def decode_image(data: bytes, width: int = SHOWN_WIDTH) -> QImage:
    """The picture in `data`, at most `width` pixels wide; run in a worker thread."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        reader = QImageReader(buffer)
        reader.setAllocationLimit(256)  # MB, Qt's own guard beside ours
        size = reader.size()
        if size.isValid() and size.width() * size.height() > MAX_PIXELS:
            raise ImageError(
                tr("The image is {w:,} x {h:,} pixels, too big for a preview.").format(
                    w=size.width(), h=size.height()
                )
            )
        if size.isValid() and size.width() > width:
            reader.setScaledSize(size.scaled(width, 10**6, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            raise ImageError(tr("The file at the image URL is not a picture the preview can show."))
        return image
    finally:
        buffer.close()


class ImageLoader(QObject):
    """Loads one image at a time for the preview; the last URL asked for wins."""

    image_loaded = Signal(str, QImage)  # url, the picture
    image_failed = Signal(str, str)  # url, one sentence

    QUIET_MS = 350  # wait for the URL to stop changing while it is typed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = TaskKeeper(awaited=())
        self._client: httpx.AsyncClient | None = None
        self._wanted = ""
        self._cache: dict[str, QImage | str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.QUIET_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def request(self, url: str) -> None:
        """Load `url` (a cached answer comes at once); earlier requests are dropped."""
        self._wanted = url
        self.tasks.cancel("image")
        cached = self._cache.get(url)
        if isinstance(cached, QImage):
            self.image_loaded.emit(url, cached)
        elif isinstance(cached, str):
            self.image_failed.emit(url, cached)
        else:
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        if self._wanted:
            self.tasks.start(self._load(self._wanted), "image")

    async def _load(self, url: str) -> None:
        try:
            if self._client is None:
                self._client = httpx.AsyncClient(timeout=TIMEOUT_SECONDS)
            data = await fetch_image(self._client, url)
            result: QImage | str = await asyncio.to_thread(decode_image, data)
        except ImageError as error:
            result = str(error)
        self._remember(url, result)
        if url != self._wanted:
            return
        if isinstance(result, QImage):
            self.image_loaded.emit(url, result)
        else:
            self.image_failed.emit(url, result)

    def _remember(self, url: str, result: QImage | str) -> None:
        self._cache[url] = result
        while len(self._cache) > _CACHED:
            del self._cache[next(iter(self._cache))]

    async def shutdown(self) -> None:
        """Stop loading and close the client (before the loop closes)."""
        self._timer.stop()
        await self.tasks.close()
        if self._client is not None:
            await self._client.aclose()
            self._client = None


__all__ = ["MAX_IMAGE_BYTES", "ImageError", "ImageLoader", "decode_image", "fetch_image"]
