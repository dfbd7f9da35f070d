"""`python -m omni_desktop.sandbox [--port N] [--key KEY] [--time-scale X]`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from omni_desktop.sandbox.server import serve_forever


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m omni_desktop.sandbox")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--key", default="sandbox-key")
    parser.add_argument("--time-scale", type=float, default=60.0)
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(args.port, args.key, args.time_scale))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
