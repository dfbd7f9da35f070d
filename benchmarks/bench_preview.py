"""Typing into the SMS text with the device preview open: time per keystroke to the redrawn
preview, against a bare QPlainTextEdit's keystroke.

The real `MainWindow` (offscreen, 1280x860, no client: nothing is sent) holds a draft of
RECIPIENTS phone numbers on the SMS tab, the preview panel shown. Each keystroke is a
key press and release sent to the SMS text; its time runs until the preview has been redrawn
(`PreviewPanel.rendered`) and the resulting paint events are handled. The text typed is
TYPED characters of an SMS with an em dash early on, so from then on it is UCS-2 with the dash
highlighted and a segment boundary every 67 characters. Three runs take turns:

- baseline: the same keystrokes into a bare QPlainTextEdit in a window of its own;
- window, preview hidden: the app's own cost of a keystroke (counters, the draft, validation
  timer) without the preview;
- window, preview shown: the figure that matters.

Target: p99 of "preview shown" <= 16 ms (one frame at 60 Hz); the ratios to the baseline are
printed for comparison between machines.

    .venv/bin/python benchmarks/bench_preview.py [--recipients 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit

# isort: split
import qasync

TARGET_MS = 16.0
TYPED = 400
MESSAGE = (
    "Hello Ann — your parcel 1234 from OmniShop arrives today between 10:00 and 12:00. "
    "Reply STOP to opt out. Track it at https://example.com/t/1234 or call us. "
)


def _text() -> str:
    return (MESSAGE * (TYPED // len(MESSAGE) + 1))[:TYPED]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def _key(editor: QPlainTextEdit, char: str) -> None:
    """A key press and release typing `char` (QTest's key clicks take ASCII only)."""
    key = ord(char.upper()) if char.isascii() else 0
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(editor, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def _type(app: QApplication, editor: QPlainTextEdit, text: str, done: list[int]) -> list[float]:
    """Seconds per keystroke: the key, until `done` grows (when given), and the paints."""
    editor.clear()
    app.processEvents()
    took: list[float] = []
    for char in text:
        seen = len(done)
        start = time.perf_counter()
        _key(editor, char)
        while len(done) == seen:
            app.processEvents()
        app.processEvents()  # the paint events the edit posted
        took.append(time.perf_counter() - start)
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipients", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from omni_desktop.services.targets import Target

    from omni_desktop.ui.presenter import ComposerPresenter
    from omni_desktop.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app)
    import asyncio

    asyncio.set_event_loop(loop)

    bare = QPlainTextEdit()
    bare.resize(600, 300)
    bare.show()
    bare_done: list[int] = []
    bare.textChanged.connect(lambda: bare_done.append(1))

    target = Target("Sandbox", "http://127.0.0.1:9", "bench-key", is_sandbox=True)
    window = MainWindow(ComposerPresenter(None, target))
    window.resize(1280, 860)
    window.show()
    window.recipients.model.add_lines("\n".join(f"+4179302{i:04d}" for i in range(args.recipients)))
    for index in range(window.tabs.count()):
        composer = window.composer_at(index)
        if composer is not None and composer.spec.key == "sms":
            window.tabs.setCurrentIndex(index)
    editor = window.composers["sms"].editor("text")
    assert isinstance(editor, QPlainTextEdit)
    editor.setFocus(Qt.FocusReason.OtherFocusReason)
    panel = window.device_preview
    rendered: list[int] = []
    panel.rendered.connect(lambda: rendered.append(1))
    changed: list[int] = []
    editor.textChanged.connect(lambda: changed.append(1))
    app.processEvents()

    text = _text()
    base: list[float] = []
    hidden: list[float] = []
    shown: list[float] = []
    for _ in range(args.rounds):
        base += _type(app, bare, text, bare_done)
        panel.toggle_action.setChecked(False)
        hidden += _type(app, editor, text, changed)
        panel.toggle_action.setChecked(True)
        shown += _type(app, editor, text, rendered)

    sms = panel.previews["sms"]
    print(f"recipients: {args.recipients:,}; {TYPED} keystrokes x {args.rounds} rounds each")
    print(f"preview at the end: {getattr(sms, 'summary').text()}")  # noqa: B009
    print(f"{'':34}{'median':>10}{'p99':>10}")
    rows = (
        ("baseline: bare QPlainTextEdit", base),
        ("window, preview hidden", hidden),
        ("window, preview shown", shown),
    )
    figures = {}
    for name, samples in rows:
        median, p99 = _percentiles(samples)
        figures[name] = (median, p99)
        print(f"{name:34}{median:8.3f}ms{p99:8.3f}ms")
    b_med, b_p99 = figures["baseline: bare QPlainTextEdit"]
    s_med, s_p99 = figures["window, preview shown"]
    h_med, h_p99 = figures["window, preview hidden"]
    print(f"{'ratio shown / baseline':34}{s_med / b_med:9.2f}x{s_p99 / b_p99:9.2f}x")
    print(f"{'ratio shown / hidden':34}{s_med / h_med:9.2f}x{s_p99 / h_p99:9.2f}x")
    print(f"target: p99 of 'preview shown' <= {TARGET_MS:g} ms")
    print("within target" if s_p99 <= TARGET_MS else "OVER TARGET")
    window.presenter.set_dirty(False)
    window.close()
    loop.run_until_complete(window.shutdown())


if __name__ == "__main__":
    main()
