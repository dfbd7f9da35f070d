"""`python -m omni_desktop` runs the application."""

from __future__ import annotations

from omni_desktop.app import main

raise SystemExit(main())
