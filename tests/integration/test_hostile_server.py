"""The client against a hostile server on a real socket: whatever it answers (deep or huge or
broken JSON, a gzip bomb, a trickle, broken HTTP), the call ends in one of our errors, on time
and in bounded memory; and credentials or URLs that cannot be sent are refused before a byte
leaves the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import socket
import struct
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from omni_desktop.api import (
    NO_RETRY,
    Auth,
    AuthScheme,
    InvalidRequest,
    NotSent,
    OmniClient,
    OmniError,
    OutcomeUnknown,
    RateLimited,
    Unauthorized,
)
from omni_desktop.api.answer import MAX_ANSWER_BYTES

KEY = "hostile-test-key"
SEND = {"destinations": [{"to": {"phoneNumber": "41793026727"}}], "sms": {"text": "Hi"}}
OK_SEND = (
    b'{"messages":[{"to":{"phoneNumber":"41793026727"},"messageId":"m1","status":'
    b'{"groupId":1,"groupName":"PENDING","id":7,"name":"PENDING_ENROUTE"}}]}'
)
OK_SCENARIOS = b'{"scenarios":[]}'


class Peer:
    """One accepted connection, as a script sees it: the request, and ways to answer."""

    def __init__(self, sock: socket.socket, head: bytes, index: int, stop: threading.Event):
        self.sock, self.head, self.index, self._stop = sock, head, index, stop

    def send(self, data: bytes) -> bool:
        """Write `data`; False once the client has gone (or the server stops)."""
        if self._stop.is_set():
            return False
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        return True

    def answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        fields = {"Content-Type": "application/json", "Content-Length": str(len(body))}
        fields.update(headers or {})
        self.send(response_head(status, fields) + body)

    def trickle(self, data: bytes, every: float = 1.0) -> None:
        """Write `data` a byte every `every` seconds, until done or the client goes."""
        for at in range(len(data)):
            if not self.send(data[at : at + 1]) or self._stop.wait(every):
                return


Script = Callable[[Peer], None]


def response_head(status: int, fields: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} Whatever"] + [f"{k}: {v}" for k, v in fields.items()]
    return ("\r\n".join([*lines, "Connection: close", "", ""])).encode("latin-1")


class HostileServer:
    """HTTP on 127.0.0.1 that answers the n-th request (0, 1, ...) with `script(peer)`."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.requests: list[bytes] = []  # each request's head, as received
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._threads: list[threading.Thread] = []
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._spawn(self._accept)

    def _spawn(self, target: Callable[..., None], *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        self._listener.settimeout(0.1)
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._spawn(self._serve, sock)

    def _serve(self, sock: socket.socket) -> None:
        with sock:
            sock.settimeout(10)
            data = b""
            with contextlib.suppress(OSError):
                while b"\r\n\r\n" not in data and len(data) < 1 << 20:
                    chunk = sock.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                while len(body) < length:
                    chunk = sock.recv(65536)
                    if not chunk:
                        return
                    body += chunk
                index = len(self.requests)
                self.requests.append(head)
                self.script(Peer(sock, head, index, self._stop))

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        for thread in self._threads:
            thread.join(5)


@pytest.fixture
def serve() -> Iterator[Callable[[Script], HostileServer]]:
    servers: list[HostileServer] = []

    def start(script: Script) -> HostileServer:
        servers.append(HostileServer(script))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def client(server: HostileServer, **options: Any) -> OmniClient:
    options.setdefault("retry", NO_RETRY)
    options.setdefault("deadline", 10.0)
    return OmniClient(server.url, Auth.app(KEY), **options)


def outcome(call: Callable[[OmniClient], Any], server: HostileServer, **options: Any) -> Any:
    """What `call(client)` ends in (its value or the exception), and how long it took."""

    async def main() -> Any:
        async with client(server, **options) as omni:
            try:
                return await call(omni)
            except Exception as exc:  # the test asserts which one it is
                return exc

    started = time.monotonic()
    result = asyncio.run(main())
    return result, time.monotonic() - started


def send(omni: OmniClient) -> Any:
    return omni.send_advanced(dict(SEND))


def plain(error: OmniError) -> None:
    """One sentence an operator can read: no traceback, no markup, no runaway length."""
    text = str(error)
    assert "Traceback" not in text and "Error(" not in text and "<" not in text
    assert "\n" not in text and len(text) < 600


# --- deep JSON --------------------------------------------------------------------------

DEEP = {
    "list": b"[" * 100_000 + b"]" * 100_000,
    "object": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
}


@pytest.mark.parametrize("shape", DEEP)
@pytest.mark.parametrize("status", [200, 400, 429, 500])
def test_deeply_nested_answers_end_in_our_errors(
    serve: Callable[[Script], HostileServer], status: int, shape: str
) -> None:
    server = serve(lambda peer: peer.answer(status, DEEP[shape]))
    error, took = outcome(send, server)
    expected: type[OmniError] = {
        200: OutcomeUnknown,
        400: InvalidRequest,
        429: RateLimited,
        500: OutcomeUnknown,
    }[status]
    assert isinstance(error, expected) and type(error) is expected, repr(error)
    assert error.status == status
    assert error.server_text is None  # nothing readable came with it
    if status == 200:
        assert "unreadable answer: it is nested deeper than 100 levels" in error.sentence
        assert "may or may not have been sent" in error.sentence
    plain(error)
    assert took < 5


def test_a_deep_answer_to_a_read_says_nothing_changed(
    serve: Callable[[Script], HostileServer],
) -> None:
    server = serve(lambda peer: peer.answer(200, b'{"scenarios":' + DEEP["list"] + b"}"))
    error, _ = outcome(lambda omni: omni.list_scenarios(), server)
    assert isinstance(error, OutcomeUnknown)
    assert "nothing was changed" in error.sentence
    plain(error)


# --- size -------------------------------------------------------------------------------


def test_a_declared_huge_body_is_refused_without_reading_it(
    serve: Callable[[Script], HostileServer],
) -> None:
    def huge(peer: Peer) -> None:
        fields = {"Content-Type": "application/json", "Content-Length": str(10 * 2**30)}
        if peer.send(response_head(200, fields)):
            peer.trickle(b"[" + b" " * 100, every=0.5)  # would take far longer than the test

    error, took = outcome(send, serve(huge))
    assert isinstance(error, OutcomeUnknown)
    assert "unreadable answer: it is bigger than 64 MiB" in error.sentence
    assert took < 2


def measure_peak(run: Callable[[], Any]) -> tuple[Any, int]:
    """`run()`'s result and the most memory Python held at once meanwhile, in bytes."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = run()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_an_endless_body_stops_at_the_cap(serve: Callable[[Script], HostileServer]) -> None:
    """No Content-Length: the body runs until the connection closes (here, 256 MiB)."""
    block = b" " * (1 << 20)

    def endless(peer: Peer) -> None:
        if peer.send(response_head(200, {"Content-Type": "application/json"}) + b"["):
            for _ in range(256):
                if not peer.send(block):
                    return

    (error, took), peak = measure_peak(lambda: outcome(send, serve(endless)))
    assert isinstance(error, OutcomeUnknown)
    assert "bigger than 64 MiB" in error.sentence
    assert peak < MAX_ANSWER_BYTES + 32 * 2**20
    assert took < 10


def gzip_bomb(megabytes: int) -> bytes:
    """A valid gzip file of `megabytes` MiB of zeros, made without compressing them all:
    a fully flushed deflate block of 1 MiB of zeros is the same bytes every time."""
    zeros = bytes(1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (megabytes << 20) & 0xFFFFFFFF)
    return header + block * megabytes + end + trailer


def test_the_bomb_maker_makes_real_gzip() -> None:
    assert gzip.decompress(gzip_bomb(3)) == bytes(3 << 20)


def test_a_gzip_bomb_is_refused_quickly_in_bounded_memory(
    serve: Callable[[Script], HostileServer],
) -> None:
    bomb = gzip_bomb(2048)  # 2 GiB of zeros in about 2 MB
    assert len(bomb) < 10 * 2**20
    server = serve(lambda peer: peer.answer(200, bomb, {"Content-Encoding": "gzip"}))
    (error, took), peak = measure_peak(lambda: outcome(send, server))
    assert isinstance(error, OutcomeUnknown)
    assert error.status == 200
    assert "unreadable answer: it is bigger than 64 MiB" in error.sentence
    assert peak < MAX_ANSWER_BYTES + 32 * 2**20  # what it read, never what it would inflate to
    assert took < 10


def test_a_gzip_answer_within_the_cap_reads_normally(
    serve: Callable[[Script], HostileServer],
) -> None:
    server = serve(
        lambda peer: peer.answer(200, gzip.compress(OK_SEND), {"Content-Encoding": "gzip"})
    )
    answer, _ = outcome(send, server)
    assert [m.message_id for m in answer.messages] == ["m1"]
    assert b"accept-encoding: gzip, deflate" in server.requests[0].lower()


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_broken_compression_is_an_unreadable_answer(
    serve: Callable[[Script], HostileServer], coding: str
) -> None:
    body = gzip.compress(OK_SEND)[:20] + b"not the rest of it" * 10
    server = serve(lambda peer: peer.answer(200, body, {"Content-Encoding": coding}))
    error, _ = outcome(send, server)
    assert isinstance(error, OutcomeUnknown)
    assert "unreadable answer" in error.sentence
    plain(error)


def test_deflate_is_read_with_or_without_its_zlib_header(
    serve: Callable[[Script], HostileServer],
) -> None:
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    bodies = [zlib.compress(OK_SEND), raw.compress(OK_SEND) + raw.flush()]
    server = serve(
        lambda peer: peer.answer(200, bodies[peer.index], {"Content-Encoding": "deflate"})
    )
    for _ in bodies:
        answer, _ = outcome(send, server)
        assert [m.message_id for m in answer.messages] == ["m1"]


# --- time -------------------------------------------------------------------------------


def test_an_answer_trickled_a_byte_a_second_ends_at_the_deadline(
    serve: Callable[[Script], HostileServer],
) -> None:
    """httpx's read timeout starts again at every byte; the deadline is for the whole call."""
    whole = response_head(200, {"Content-Length": str(len(OK_SEND))}) + OK_SEND

    def script(peer: Peer) -> None:
        if peer.index == 0:
            peer.trickle(whole)
        else:
            peer.answer(200, OK_SCENARIOS)

    server = serve(script)

    async def main() -> tuple[Any, float, Any]:
        # One connection only: if the stopped attempt left it stuck, the next call would hang.
        http = httpx.AsyncClient(limits=httpx.Limits(max_connections=1))
        async with http, client(server, deadline=5.0, http=http) as omni:
            started = time.monotonic()
            try:
                await send(omni)
            except OmniError as exc:
                error: Any = exc
            took = time.monotonic() - started
            return error, took, await omni.list_scenarios()

    error, took, after = asyncio.run(main())
    assert isinstance(error, OutcomeUnknown)
    assert error.reason == "read timeout"
    assert "may or may not have been sent" in error.sentence
    assert 4.5 <= took < 7
    assert after == []  # the same client works on
    assert len(server.requests) == 2


def test_a_body_trickled_after_quick_headers_ends_at_the_deadline(
    serve: Callable[[Script], HostileServer],
) -> None:
    def script(peer: Peer) -> None:
        if peer.send(response_head(200, {"Content-Length": str(len(OK_SEND))})):
            peer.trickle(OK_SEND, every=0.2)

    error, took = outcome(send, serve(script), deadline=1.5)
    assert isinstance(error, OutcomeUnknown)
    assert error.status == 200
    assert 1.4 <= took < 3


def test_an_error_status_cut_short_by_the_deadline_keeps_its_meaning(
    serve: Callable[[Script], HostileServer],
) -> None:
    body = b'{"requestError":{"serviceException":{"text":"Bad destination"}}}'

    def script(peer: Peer) -> None:
        if peer.send(response_head(400, {"Content-Length": str(len(body))})):
            peer.trickle(body, every=0.2)

    error, took = outcome(send, serve(script), deadline=1.0)
    assert isinstance(error, InvalidRequest)
    assert error.status == 400
    assert took < 2.5


def test_a_call_that_never_got_a_connection_is_not_sent(
    serve: Callable[[Script], HostileServer],
) -> None:
    """The only connection is held by a trickling answer: the second call writes nothing."""
    server = serve(lambda peer: peer.trickle(b"HTTP/1.1 200 OK\r\n", every=0.5))

    async def main() -> tuple[Any, Any]:
        http = httpx.AsyncClient(limits=httpx.Limits(max_connections=1))
        async with http:
            slow = client(server, deadline=2.0, http=http)
            quick = client(server, deadline=0.5, http=http)
            first = asyncio.create_task(slow.send_advanced(dict(SEND)))
            while not server.requests:
                await asyncio.sleep(0.01)
            second = quick.send_advanced(dict(SEND))
            return await asyncio.gather(first, second, return_exceptions=True)

    started = time.monotonic()
    first, second = asyncio.run(main())
    assert isinstance(first, OutcomeUnknown)
    assert isinstance(second, NotSent)
    assert "nothing was sent" in second.sentence
    assert len(server.requests) == 1
    assert time.monotonic() - started < 4


# --- content ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html><body><script>alert(1)</script>Bad gateway</body></html>",
        b'{"messages": [1, 2,',
        b"\xff\xfe\xfa not text",
        b"[1, 2, 3]",
        b'"just a string"',
        b'{"messages": "none"}',
        b'{"messages": [{"to": {"phoneNumber": "41793026727"}}]}',
        b'{"messages": [{"status": "PENDING"}]}',
        b'{"messages": [{"status": {"groupId": "one"}}]}',
        b'{"messages": [{"status": {"groupId": 1e400}}]}',
        b'{"messages": [{"status": {"groupId": NaN}}]}',
        b'{"messages": [], "bulkId": Infinity}',
        b'{"messages": [], "bulkId": -Infinity}',
        b'{"messages": [{"status": {"groupId": ' + b"7" * 5000 + b"}}]}",
    ],
)
def test_a_200_that_is_no_send_answer_is_outcome_unknown(
    serve: Callable[[Script], HostileServer], body: bytes
) -> None:
    error, _ = outcome(send, serve(lambda peer: peer.answer(200, body)))
    assert isinstance(error, OutcomeUnknown), repr(error)
    assert error.status == 200
    assert "unreadable answer" in error.sentence
    assert "may or may not have been sent" in error.sentence
    plain(error)


GOOD_REPORT = b'{"messageId":"m","status":{"groupId":3,"groupName":"DELIVERED","id":5,"name":"D"}}'
MANY_REPORTS = (  # 300 entries, the last one's status an absurd number
    b'{"results":[' + b",".join([GOOD_REPORT] * 299) + b',{"status":{"groupId":1e400}}]}'
)


@pytest.mark.parametrize(
    ("call", "body"),
    [
        (lambda omni: omni.reports(), b'{"results": "none"}'),
        (lambda omni: omni.reports(), b'{"results": [{"status": {"groupId": 1e400}}]}'),
        (lambda omni: omni.logs(), b'{"results": [{"messageCount": 1e400}]}'),
        # Many entries are read in a worker thread: the same error from there.
        (lambda omni: omni.reports(), MANY_REPORTS),
        (lambda omni: omni.logs(), MANY_REPORTS),
        (lambda omni: omni.list_scenarios(), b'{"scenarios": [{"flow": 5}]}'),
        (lambda omni: omni.get_scenario("k"), b'{"flow": [], "name": NaN}'),
    ],
)
def test_a_misshapen_read_is_outcome_unknown(
    serve: Callable[[Script], HostileServer], call: Callable[[OmniClient], Any], body: bytes
) -> None:
    error, _ = outcome(call, serve(lambda peer: peer.answer(200, body)))
    assert isinstance(error, OutcomeUnknown), repr(error)
    assert "nothing was changed" in error.sentence
    plain(error)


def test_a_huge_integer_is_read_where_python_allows_it(
    serve: Callable[[Script], HostileServer],
) -> None:
    """Below Python's 4,300-digit limit a long number is a number; it breaks nothing."""
    body = OK_SEND.replace(b'"id":7', b'"id":' + b"7" * 4000)
    answer, _ = outcome(send, serve(lambda peer: peer.answer(200, body)))
    assert answer.messages[0].status.id == int("7" * 4000)


def test_a_huge_error_text_is_cut_short(serve: Callable[[Script], HostileServer]) -> None:
    text = "<b>no</b> " * 100_000
    body = b'{"requestError":{"serviceException":{"text":"' + text.encode() + b'"}}}'
    error, _ = outcome(send, serve(lambda peer: peer.answer(400, body)))
    assert isinstance(error, InvalidRequest)
    assert error.server_text is not None
    assert error.server_text.startswith("<b>no</b> ")  # the server's words, as they are
    assert len(error.server_text) == 500


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: " + b"9" * 5000 + b"\r\n\r\n{}",
        b"HTTP/1.1 200 OK\r\nContent-Length: 12, 13\r\n\r\n{}",
        b"HTTP/1.1 99999 Huge\r\nContent-Length: 2\r\n\r\n{}",
        b"HTTP/1.1 200 OK\r\nX-Big: " + b"x" * 200_000 + b"\r\n\r\n{}",
        b"HTTP/1.1 200 OK\r\nBad Header Line\r\n\r\n{}",
        b"NOT HTTP AT ALL\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
    ],
)
def test_broken_http_is_outcome_unknown(
    serve: Callable[[Script], HostileServer], head: bytes
) -> None:
    def script(peer: Peer) -> None:
        peer.send(head)

    error, took = outcome(send, serve(script))
    assert isinstance(error, OutcomeUnknown), repr(error)
    assert "may or may not have been sent" in error.sentence
    plain(error)
    assert took < 5


@pytest.mark.parametrize("value", ["inf", "nan", "1e400", "-5", "Fri, 31 Dec 9999 23:59:59 GMT"])
def test_an_absurd_retry_after_is_not_waited_for(
    serve: Callable[[Script], HostileServer], value: str
) -> None:
    server = serve(lambda peer: peer.answer(429, b"{}", {"Retry-After": value}))
    error, took = outcome(send, server, retry=NO_RETRY)
    assert isinstance(error, RateLimited)
    assert error.retry_after is None or 0 <= error.retry_after < float("inf")
    plain(error)
    assert took < 2


# --- what cannot be sent ----------------------------------------------------------------


def test_an_out_of_range_port_is_a_plain_sentence() -> None:
    with pytest.raises(ValueError, match=r"The port in .*99999.* must be a number from 1 to 65535"):
        OmniClient("http://127.0.0.1:99999", Auth.app(KEY))


@pytest.mark.parametrize("key", ["clé-1234", "abc—def", "abc\u200bdef", "key\x00"])
def test_a_key_with_unsendable_characters_is_a_plain_sentence(key: str) -> None:
    with pytest.raises(
        ValueError, match=r"^The API key has characters that cannot be sent \("
    ) as caught:
        Auth.app(key)
    assert str(caught.value).endswith("); paste it again from the Infobip portal.")


@pytest.mark.parametrize("scheme", [AuthScheme.APP, AuthScheme.IBSSO, AuthScheme.BEARER])
def test_a_key_of_spaces_is_empty(scheme: AuthScheme) -> None:
    with pytest.raises(ValueError, match=r"^The .* is empty\.$"):
        Auth(scheme, "   \t ")
    with pytest.raises(ValueError, match=r"^The API key is empty\.$"):
        Auth.app("   ")


def test_a_key_saved_with_spaces_around_it_works(serve: Callable[[Script], HostileServer]) -> None:
    """Built the way the window builds it (the constructor), from a key pasted with a space."""

    def script(peer: Peer) -> None:
        if f"\r\nAuthorization: App {KEY}\r\n".encode() in peer.head + b"\r\n":
            peer.answer(200, OK_SCENARIOS)
        else:
            peer.answer(401, b"{}")

    server = serve(script)

    async def main() -> Any:
        auth = Auth(AuthScheme.APP, f" {KEY} \t")
        async with OmniClient(server.url, auth, retry=NO_RETRY) as omni:
            return await omni.list_scenarios()

    assert asyncio.run(main()) == []


class ForgedAuth(Auth):
    """Credentials that skipped the checks (as a future code path might): the client must
    still end the call in one of its errors, with nothing sent."""

    def __init__(self, header: str) -> None:
        super().__init__(AuthScheme.APP, "placeholder")
        self._header = header

    def header_value(self) -> str:
        return self._header


@pytest.mark.parametrize("header", ["App clé", "App a\x00b", "App key ", "App a\rb"])
def test_a_header_http_cannot_carry_is_not_sent(
    serve: Callable[[Script], HostileServer], header: str
) -> None:
    server = serve(lambda peer: peer.answer(200, OK_SEND))

    async def main() -> Any:
        async with OmniClient(server.url, ForgedAuth(header), retry=NO_RETRY) as omni:
            with pytest.raises(NotSent) as caught:
                await omni.send_advanced(dict(SEND))
            return caught.value

    error = asyncio.run(main())
    assert "nothing was sent" in error.sentence
    assert "Check the profile's base URL and credentials" in error.sentence
    assert not isinstance(error, Unauthorized)
    time.sleep(0.05)
    assert server.requests == []


def test_an_unusable_url_inside_a_call_is_not_sent(
    serve: Callable[[Script], HostileServer],
) -> None:
    server = serve(lambda peer: peer.answer(200, OK_SEND))

    async def main() -> NotSent:
        async with client(server) as omni:
            omni.base_url = server.url.rsplit(":", 1)[0] + ":99999"  # past the constructor
            with pytest.raises(NotSent) as caught:
                await omni.send_advanced(dict(SEND))
            return caught.value

    assert "nothing was sent" in asyncio.run(main()).sentence
    assert server.requests == []
