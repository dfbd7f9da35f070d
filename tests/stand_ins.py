"""Stand-ins for what a test machine lacks (the tests' only fakes, none of our own code)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import keyring.errors
from keyring.backend import KeyringBackend


class DictKeyring(KeyringBackend):
    """A stand-in for the OS keyring: secrets in a dict, in this process."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.entries[(service, username)]


class SlowKeyring(DictKeyring):
    """A stand-in OS keyring that answers a read only after `delay` seconds (a D-Bus wait)."""

    def __init__(self, delay: float = 0.5) -> None:
        super().__init__()
        self.delay = delay

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(self.delay)
        return super().get_password(service, username)


@contextmanager
def fixed_json_server(status: int, body: Any) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 that answers every GET with `status` and `body` as JSON;
    yields its base URL."""
    data = json.dumps(body).encode()

    class Fixed(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Fixed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
