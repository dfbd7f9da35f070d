"""The frozen app's entry script: the same `main` as the `omni-desktop` console script."""

from __future__ import annotations

from omni_desktop.app import main

raise SystemExit(main())
