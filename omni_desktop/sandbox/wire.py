"""What the sandbox's gate (`server`) and its routes (`endpoints`) both put on the wire: the
send path, the body as the gate read it, and the API's JSON and error envelopes.

Kept apart so that the routes never import the server (an import-linter contract keeps it so).
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

SEND_PATH = "/omni/1/advanced"
UNREADABLE = object()  # a request body that is not JSON
BODY: web.RequestKey[Any] = web.RequestKey("body")  # the JSON body, read once by the gate


def error_response(
    status: int,
    message_id: str,
    text: str,
    headers: dict[str, str] | None = None,
    validation_errors: dict[str, list[str]] | None = None,
) -> web.Response:
    """The API's error envelope: `{"requestError": {"serviceException": {...}}}`, with its
    `validationErrors` (sentences by field) when given."""
    exception: dict[str, Any] = {"messageId": message_id, "text": text}
    if validation_errors:
        exception["validationErrors"] = validation_errors
    body = {"requestError": {"serviceException": exception}}
    return web.json_response(body, status=status, headers=headers)


def json_response(obj: Any, status: int = 200) -> web.Response:
    """`obj` as compact UTF-8 JSON, the way the API answers."""
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
    return web.Response(body=data, status=status, content_type="application/json")


__all__ = ["BODY", "SEND_PATH", "UNREADABLE", "error_response", "json_response"]
