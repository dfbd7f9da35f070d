"""Recipients from a spreadsheet, 100,000 rows x 6 columns, file to validated recipients.

Run: `python benchmarks/bench_import.py`. Targets: XLSX <= 1.3x (python-calamine's bare read +
today's validation of the same numbers); CSV <= 1.3x (csv.reader + that validation). "Today's
validation" is `check_phone` with phonenumbers as its engine, as before rphonenumbers came in
(core/phone_engine.py); the import uses the app's engine. For information, also the ratio to a
bare read validated with the app's engine. Then validation alone with each engine (stretch
target 0.5 s) and a process pool across cores against it, its workers forked and spawned.
Best of 3, the bare read and the import taking turns; the address caches are cleared before
every run, so each run pays for every number once.
"""

from __future__ import annotations

import csv
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bench_validation import numbers  # noqa: E402
from sheet_files import write_xlsx  # noqa: E402

from omni_desktop.core import phone_engine  # noqa: E402
from omni_desktop.core.addresses import check_email, check_phone, use_engine  # noqa: E402

from omni_desktop.services.importing import read_recipients  # noqa: E402

COUNT = 100_000
RUNS = 3
TARGET = 1.3


def best(work: Callable[[], object], runs: int = RUNS, engine: str = phone_engine.FAST) -> float:
    """The shortest of `runs` runs of `work`, its numbers checked by `engine`, caches cold."""
    times = []
    for _ in range(runs):
        use_engine(engine)  # clears the number cache
        check_email.cache_clear()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def validate(phones: list[str]) -> None:
    for phone in phones:
        check_phone(phone, None)


def _chunk(phones: list[str]) -> int:
    return sum(check_phone(p, None)[0] is not None for p in phones)


def main() -> None:
    _digits, typed = numbers(COUNT)
    header = ["Name", "Mobile", "E-Mail", "City", "Ref", "Note"]
    rows = [
        [f"Kunde {i}", phone, f"k{i}@example.com", "Zürich", f"R{i}", "x"]
        for i, phone in enumerate(typed)
    ]
    folder = Path(tempfile.mkdtemp())
    xlsx = write_xlsx(folder / "list.xlsx", {"Kunden": [header, *rows]})
    text = folder / "list.csv"
    with text.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([header, *rows])

    from python_calamine import CalamineWorkbook

    def bare_xlsx() -> None:
        data = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("Kunden").to_python()
        validate([str(r[1]) for r in data[1:]])

    def bare_csv() -> None:
        with text.open(encoding="utf-8", newline="") as stream:
            data = list(csv.reader(stream))
        validate([r[1] for r in data[1:]])

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"{COUNT:,} rows x 6 columns; {os.cpu_count()} cores; best of {RUNS}, bare and import "
        f"taking turns; load average {load}"
    )
    print(f"engine: {use_engine(phone_engine.FAST)}")
    for name, bare, path in (("XLSX", bare_xlsx, xlsx), ("CSV", bare_csv, text)):
        base = fast_base = ours = float("inf")
        for _ in range(RUNS):  # turn about, so a busy machine slows both alike
            base = min(base, best(bare, 1, phone_engine.REFERENCE))
            fast_base = min(fast_base, best(bare, 1))
            ours = min(ours, best(lambda p=path: read_recipients(p, None, None), 1))
        ratio = ours / base
        verdict = "ok" if ratio <= TARGET else "OVER"
        print(
            f"{name:5} bare {base:6.2f} s  import {ours:6.2f} s  {ratio:4.2f}x "
            f"(target <= {TARGET}x: {verdict}); "
            f"bare with the app's engine {fast_base:.2f} s: {ours / fast_base:.2f}x"
        )
    reference = best(lambda: validate(typed), engine=phone_engine.REFERENCE)
    serial = best(lambda: validate(typed))
    print(
        f"validation of {COUNT:,} numbers: phonenumbers {reference:.2f} s, "
        f"the app's engine {serial:.2f} s ({reference / serial:.1f}x faster; "
        f"stretch target 0.5 s: {'met' if serial <= 0.5 else 'not met'})"
    )
    workers = os.cpu_count() or 1
    size = -(-COUNT // workers)
    chunks = [typed[i : i + size] for i in range(0, COUNT, size)]

    def pooled(method: str) -> None:
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            sum(pool.map(_chunk, chunks))

    fork = best(lambda: pooled("fork"))
    spawn = best(lambda: pooled("spawn"))
    print(
        f"the app's engine in a process pool of {workers}, "
        f"forked: {fork:.2f} s ({fork / serial:.2f}x serial), "
        f"spawned (as a process with Qt's threads must): {spawn:.2f} s "
        f"({spawn / serial:.2f}x serial)"
    )


if __name__ == "__main__":
    main()
