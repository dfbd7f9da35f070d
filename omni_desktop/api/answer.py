"""Reading an answer's body with a size cap, whatever the server sends.

httpx would read a whole body into memory and inflate a gzip body without limit, so a server
(or anything between it and us) could make the client hold gigabytes: a huge body, or a small
gzip bomb. Here the body is streamed and inflated a piece at a time, and reading stops as soon
as the decoded bytes pass the cap.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx

# The most an answer may hold, decoded. OMNI's biggest answers (a send's `messages`, one per
# destination; 1,000 reports or logs) are a few MB; this leaves room for 200,000+ destinations.
MAX_ANSWER_BYTES = 64 * 1024 * 1024
# An error answer's body is read only for the server's sentence; beyond this it is ignored.
MAX_ERROR_BYTES = 1024 * 1024
ACCEPT_ENCODING = "gzip, deflate"  # the encodings `body` inflates itself
_PIECE = 1024 * 1024  # the most one step of inflating yields


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer read in full (or refused): status, headers and the decoded body."""

    status_code: int
    headers: httpx.Headers
    content: bytes
    too_big: bool = False  # the body passed its cap and was not read to the end

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300


class UnreadableBody(ValueError):
    """The body's compression is broken."""


async def read_answer(response: httpx.Response) -> Answer:
    """The answer with its body decoded, up to MAX_ANSWER_BYTES (MAX_ERROR_BYTES for errors).

    A bigger body is not read further: `too_big` is set and `content` is empty.
    """
    cap = MAX_ANSWER_BYTES if response.is_success else MAX_ERROR_BYTES
    status, headers = response.status_code, response.headers
    length = headers.get("Content-Length", "").strip()
    said_too_big = length.isdigit() and (len(length) > 18 or int(length) > cap)
    if said_too_big and "Content-Encoding" not in headers:
        return Answer(status, headers, b"", too_big=True)
    pieces: list[bytes] = []
    size = 0
    async for piece in _decoded(response):
        size += len(piece)
        if size > cap:
            return Answer(status, headers, b"", too_big=True)
        pieces.append(piece)
    return Answer(status, headers, b"".join(pieces))


async def _decoded(response: httpx.Response) -> AsyncIterator[bytes]:
    """The body, inflated (gzip or deflate) at most _PIECE bytes at a time."""
    coding = response.headers.get("Content-Encoding", "").strip().lower()
    if coding not in ("gzip", "x-gzip", "deflate"):
        # Identity, or an encoding we never ask for: as it came (JSON parsing judges it).
        async for chunk in response.aiter_raw():
            yield chunk
        return
    # MAX_WBITS | 32 reads a gzip or a zlib header; "deflate" is sometimes sent raw.
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)
    raw, started = False, False
    async for chunk in response.aiter_raw():
        data = chunk
        while data and not inflater.eof:
            try:
                piece = inflater.decompress(data, _PIECE)
            except zlib.error:
                if started or raw or coding != "deflate":
                    raise UnreadableBody("its compression is broken") from None
                inflater, raw = zlib.decompressobj(-zlib.MAX_WBITS), True
                continue
            started = True
            yield piece
            data = inflater.unconsumed_tail
    try:
        yield inflater.flush()
    except zlib.error:
        raise UnreadableBody("its compression is broken") from None


__all__ = ["ACCEPT_ENCODING", "MAX_ANSWER_BYTES", "MAX_ERROR_BYTES", "Answer", "read_answer"]
