"""Update the translations with Qt's tools: `lupdate` files every sentence of omni_desktop/
into each omni_desktop_<lang>.ts here (translations made are kept, vanished sentences dropped),
then `lrelease` compiles each .ts into the .qm the app loads.

Run from anywhere:  .venv/bin/python resources/translations/update.py [lang ...]
Without a language, every .ts here is updated; a new language gets a new .ts. See README.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
ROOT = FOLDER.parent.parent
PREFIX = "omni_desktop"
# `trn("%n …", None, n)` counts (numerus forms), `tr_noop("…")` marks a sentence kept in a
# constant: lupdate knows neither name, so both are aliases of its own `tr`.
LUPDATE_OPTIONS = [
    "-no-obsolete",
    "-locations",
    "relative",
    "-source-language",
    "en",
    "-tr-function-alias",
    "tr+=trn,QT_TR_NOOP+=tr_noop",
]


def tool(name: str) -> str:
    """The path of PySide6's `pyside6-<name>` beside this Python (the venv), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: run this with the venv's python")
    return found


def sources() -> list[Path]:
    """Every Python file of the app, relative to the repository, in a stable order."""
    return sorted(path.relative_to(ROOT) for path in (ROOT / PREFIX).rglob("*.py"))


def ts_file(lang: str, folder: Path = FOLDER) -> Path:
    return folder / f"{PREFIX}_{lang}.ts"


def extract(ts: Path, lang: str) -> None:
    """lupdate: add new sentences to `ts` (unfinished), keep translations, drop vanished ones."""
    command = [tool("lupdate"), *LUPDATE_OPTIONS, "-target-language", lang]
    command += [str(path) for path in sources()] + ["-ts", str(ts)]
    subprocess.run(command, cwd=ROOT, check=True)


def release(ts: Path, qm: Path) -> None:
    """lrelease: compile `ts` into `qm`."""
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def languages(argv: list[str]) -> list[str]:
    """The languages asked for, or those with a .ts here."""
    if argv:
        return argv
    return sorted(path.stem.removeprefix(f"{PREFIX}_") for path in FOLDER.glob(f"{PREFIX}_*.ts"))


def main(argv: list[str]) -> int:
    langs = languages(argv)
    if not langs:
        print("No .ts here yet: name a language, e.g. `update.py de`.", file=sys.stderr)
        return 2
    for lang in langs:
        ts = ts_file(lang)
        extract(ts, lang)
        release(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
