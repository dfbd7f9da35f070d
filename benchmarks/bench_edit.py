"""One edited row of a big imported list: from the edit to the draft validated again.

Run: `python benchmarks/bench_edit.py`. The real window (offscreen, on its sandbox) holds N
recipients with a "Name" field and an SMS text with {{Name}}; one phone cell is edited through
the recipients model (as the table's editor does) and the presenter validates the draft (as its
timer does a moment later). Both steps run on the GUI thread, so their sum is how long the
window stands still after the edit. Median of 7 edits, for 1,000 recipients (the baseline) and
for 100,000; the ratio says how much of an edit still grows with the list. No target is set in
an issue; docs/performance.md keeps the figures.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for kind in ("CONFIG", "DATA", "STATE", "CACHE"):  # a scratch home: no real settings touched
    os.environ[f"XDG_{kind}_HOME"] = tempfile.mkdtemp(prefix=f"bench-edit-{kind.lower()}-")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

# isort: split
import qasync  # noqa: E402

from omni_desktop.core.message import Destination  # noqa: E402

from omni_desktop.ui.recipients import COL_PHONE  # noqa: E402

from omni_desktop.app import Services, build_parser  # noqa: E402

EDITS = 7
SIZES = (1_000, 100_000)


async def measure() -> dict[int, tuple[float, float]]:
    """For each size: (median ms from the edit to the table's new list, then to validated)."""
    services = Services()
    window = await services.open(build_parser().parse_args([]))
    window.show()
    await services.start()
    presenter, model = window.presenter, window.recipients.model
    found: dict[int, tuple[float, float]] = {}
    for size in SIZES:
        rows = [
            Destination(f"+4179{i // 10000 % 1000:03d}{i % 10000:04d}", fields={"Name": f"N{i}"})
            for i in range(size)
        ]
        model.set_destinations(rows)
        presenter.message.content("sms").values["text"] = "Hi {{Name}}"
        presenter.edited()
        presenter.validate_now()
        await asyncio.sleep(0.5)
        edit_ms, check_ms = [], []
        for n in range(EDITS):
            started = time.perf_counter()
            model.setData(model.index(5 + n, COL_PHONE), f"+41 79 555 00 {n:02d}")
            edited = time.perf_counter()
            result = presenter.validate_now()
            done = time.perf_counter()
            assert not result.errors, result.errors[:3]
            edit_ms.append((edited - started) * 1000)
            check_ms.append((done - edited) * 1000)
            await asyncio.sleep(0.2)
        found[size] = (statistics.median(edit_ms), statistics.median(check_ms))
    window.close()
    return found


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        found = loop.run_until_complete(measure())
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"one row edited, then the draft validated; median of {EDITS}; load average {load}")
    for size, (edit, check) in found.items():
        print(f"  {size:>7,} recipients  edit {edit:6.1f} ms  validation {check:6.1f} ms  "
              f"together {edit + check:6.1f} ms")  # fmt: skip
    small, big = (sum(found[size]) for size in SIZES)
    print(f"ratio 100,000 / 1,000 recipients: {big / small:.1f}x (for information; no target)")


if __name__ == "__main__":
    main()
