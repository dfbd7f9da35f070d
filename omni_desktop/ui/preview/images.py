"""The Viber preview's image: fetched on the app's asyncio loop, decoded in a worker thread.

The URL is the draft's, so whatever answers is hostile: the body is capped (5 MB, decoded),
the whole fetch has a deadline (a trickle cannot hold it), redirects are followed only to
http(s), and the picture's size is read from its header before any pixel is decoded.
The client is our own, never the API's: no credentials go to an image host.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader

from omni_desktop.services.images import ImageError

from omni_desktop.ui.i18n import tr
from omni_desktop.ui.qt_common import TaskKeeper

MAX_PIXELS = 40_000_000  # a 6,000 x 6,000 photo fits; a decompression bomb does not
SHOWN_WIDTH = 240  # decoded straight to the width the bubble shows
_CACHED = 8


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
        self._client: Any = None  # an httpx.AsyncClient, made at the first load
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
        # httpx and the fetch load with the first image, not with the window.
        from omni_desktop.services.images import fetch_image, new_client

        try:
            if self._client is None:
                self._client = new_client()
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


__all__ = ["ImageError", "ImageLoader", "decode_image"]
