"""The main window as an operator first meets it: at 1024x700 the tables show their rows, every
channel tab is in sight, headers read whole, nothing jumps, nothing is red before a touch, and
a draft keeps its time zone."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QTableView

from omni_desktop.core import status as st

from omni_desktop.api import Auth, OmniClient
from omni_desktop.sandbox import SandboxThread
from omni_desktop.storage.autosave import Autosave
from omni_desktop.storage.draft_zones import DraftZones
from omni_desktop.storage.paths import AppPaths

from omni_desktop.services.targets import Target

from omni_desktop.ui.presenter import ComposerPresenter
from omni_desktop.ui.session import Session
from omni_desktop.ui.status import StatusRow
from omni_desktop.ui.window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _shown(window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    window.show()
    for _ in range(5):
        QApplication.processEvents()


def _rows_visible(view: QTableView) -> float:
    return view.viewport().height() / view.verticalHeader().defaultSectionSize()


def _fill_status(window: MainWindow) -> None:
    rows = [StatusRow(f"3859100{i:05d}", f"m-{i}", st.PENDING_ENROUTE) for i in range(40)]
    window.status_panel.model.set_rows(rows)
    QApplication.processEvents()


@pytest.mark.parametrize(("size", "least"), [((1024, 700), 6), ((1360, 900), 9)])
def test_both_tables_show_their_rows(
    composer: Any, size: tuple[int, int], least: int, run_until: Any
) -> None:
    window: MainWindow = composer.window
    window.close()
    window._splitters_placed = False  # a first show at this size
    _shown(window, *size)
    window.recipients.model.add_lines("\n".join(f"+4179302{i:04d}" for i in range(30)))
    _fill_status(window)
    assert window.width() <= size[0] and window.height() <= size[1]
    assert _rows_visible(window.recipients.table) >= least
    assert _rows_visible(window.status_panel.table) >= least


@pytest.mark.parametrize("size", [(1024, 700), (1360, 900)])
def test_the_status_summary_reads_whole(composer: Any, size: tuple[int, int]) -> None:
    window: MainWindow = composer.window
    _shown(window, *size)
    rows = [StatusRow(f"3859100{i:05d}", f"m-{i}", st.PENDING_ENROUTE) for i in range(3)]
    rows += [StatusRow(f"3859200{i:05d}", f"d-{i}", st.DELIVERED_TO_HANDSET) for i in range(40)]
    rows += [StatusRow(f"3859300{i:05d}", f"e-{i}", st.EXPIRED_EXPIRED) for i in range(2)]
    rows += [
        StatusRow(f"3859400{i:05d}", f"u-{i}", st.UNDELIVERABLE_NOT_DELIVERED) for i in range(1)
    ]
    window.status_panel.model.set_rows(rows)
    QApplication.processEvents()
    label = window.status_panel.summary_label
    assert label.text() == "46 messages: 3 pending, 40 delivered, 2 expired, 1 undeliverable"
    assert label.isVisible()
    assert (
        QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.contentsRect().width()
    )


def test_every_channel_tab_stays_in_sight_also_after_a_long_paste(composer: Any) -> None:
    window: MainWindow = composer.window
    _shown(window, 1024, 700)
    bar = window.tabs.tabBar()

    def all_inside() -> bool:
        return all(bar.rect().contains(bar.tabRect(i)) for i in range(bar.count()))

    assert bar.count() == 6 and all_inside()
    width_before = window.recipients.width()
    emails = "\n".join(
        f"a.rather.long.first.and.last.name.{i}@subdomain.of.a.long-domain-example.com"
        for i in range(1000)
    )
    window.recipients.model.add_lines(emails)
    QApplication.processEvents()
    assert window.recipients.count_label.text().startswith("1,000 recipients")
    assert window.recipients.width() == width_before, "the paste widened the pane"
    assert all_inside()


@pytest.mark.parametrize(
    ("size", "in_sight"), [((1024, 700), ("text", "counter")), ((1360, 900), ("validity",))]
)
def test_the_sms_counter_is_in_sight(
    composer: Any, size: tuple[int, int], in_sight: tuple[str, ...]
) -> None:
    """The text box asks for four lines, no more, so the SMS tab's counter shows without
    scrolling at 1024x700 and the whole form at 1360x900 (Qt's own wish for the box, about
    190 px, cut the counter in half and hid the fields under it)."""
    window: MainWindow = composer.window
    _shown(window, *size)
    sms = window.composers["sms"]
    window.tabs.setCurrentIndex(next(i for i in range(6) if window.composer_at(i) is sms))
    sms.editor("text").setPlainText("Hi {{First name}}, see you at {{Time}}.")  # type: ignore[union-attr]
    QApplication.processEvents()
    viewport = sms.parentWidget()
    assert viewport is not None
    widgets = {"text": sms.editor("text"), "counter": sms.counter_text}
    widgets["validity"] = sms.validity_period
    for name in in_sight:
        widget = widgets[name]
        corner = widget.mapTo(viewport, widget.rect().bottomRight())
        assert viewport.rect().contains(corner), widget.objectName()
    assert sms.counter_text.text().startswith("GSM-7")


def test_empty_headers_read_whole(composer: Any) -> None:
    window: MainWindow = composer.window
    _shown(window, 1024, 700)
    for view in (window.recipients.table, window.status_panel.table):
        header = view.horizontalHeader()
        metrics = QFontMetrics(header.font())
        for column in range(header.count()):
            text = str(view.model().headerData(column, header.orientation()))
            assert metrics.horizontalAdvance(text) <= header.sectionSize(column), text


def test_an_error_appearing_or_going_moves_nothing(composer: Any, run_until: Any) -> None:
    window: MainWindow = composer.window
    _shown(window, 1024, 700)
    _fill_status(window)
    panel = window.status_panel
    run_until(lambda: composer.presenter.result is not None)

    def geometry() -> tuple[Any, ...]:
        QApplication.processEvents()
        return (
            window.send_button.mapTo(window, window.send_button.rect().topLeft()),
            window.send_button.size(),
            panel.table.mapTo(window, panel.table.rect().topLeft()),
            panel.table.size(),
            panel.copy_bulk_button.mapTo(window, panel.copy_bulk_button.rect().topLeft()),
        )

    before = geometry()
    window.send_button.click()  # empty draft: refused, with a long red sentence
    assert window.send_reason.text().startswith("✖")
    panel.show_error("The API refused the request. " * 6)
    assert panel.error_banner.isVisible()
    assert geometry() == before
    panel.clear_error()
    window.recipients.model.add_lines("+41 79 302 67 27")
    window.send_reason.setText("")
    assert geometry() == before


def test_a_fresh_window_is_not_red_until_touched(composer: Any, run_until: Any) -> None:
    window: MainWindow = composer.window
    presenter = composer.presenter
    run_until(lambda: presenter.result is not None and presenter.result.errors)
    assert "✖" not in window.send_reason.text()
    assert window.send_reason.text(), "a hint says what to do"
    assert window.bottom_tabs.tabText(window.bottom_tabs.indexOf(window.problems)) == "Problems"

    window.recipients.model.add_lines("+41 79 23")  # a touch: the recipients' problems show
    run_until(lambda: "short" in window.send_reason.text())
    assert window.send_reason.text().startswith("✖")
    assert "content" not in window.send_reason.text()  # the untouched channels stay quiet

    window.send_button.click()  # Send shows them all
    shown = window.bottom_tabs.tabText(window.bottom_tabs.indexOf(window.problems))
    assert shown == f"Problems ({len(presenter.result.problems)})"


def test_an_opened_draft_shows_its_problems_at_once(
    composer: Any, run_until: Any, tmp_path: Path
) -> None:
    window: MainWindow = composer.window
    draft = tmp_path / "empty.omni.json"
    draft.write_text("{}", encoding="utf-8")
    assert window.open_draft_path(draft)
    run_until(lambda: "✖" in window.send_reason.text())
    assert "recipients" in window.send_reason.text()


def test_a_draft_keeps_its_zone_when_reopened(
    qloop: asyncio.AbstractEventLoop, sandbox: SandboxThread, tmp_path: Path, run_until: Any
) -> None:
    paths = AppPaths.under(tmp_path / "app").ensure()
    zones = DraftZones(paths.data / "draft_zones.json")

    def window() -> tuple[MainWindow, OmniClient]:
        target = Target("Sandbox", sandbox.url, sandbox.api_key, is_sandbox=True)
        client = OmniClient(sandbox.url, Auth.app(sandbox.api_key), http=httpx.AsyncClient())
        session = Session(
            paths=paths, accounts=None, history=None,  # type: ignore[arg-type]
            autosave=Autosave(paths.autosave_folder),
            switch_target=None, draft_zones=zones,  # type: ignore[arg-type]
        )  # fmt: skip
        return MainWindow(ComposerPresenter(client, target), session=session), client

    first, client = window()
    moment = (datetime.now(ZoneInfo("Europe/Zurich")) + timedelta(days=3)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    schedule = first.schedule  # the operator's way: Send at, the zone, then the time
    schedule.at_radio.setChecked(True)
    schedule.zone.setCurrentText("Europe/Zurich")
    schedule.when.setDateTime(
        QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    )
    assert first.presenter.message.send_at == moment
    draft = tmp_path / "zurich.omni.json"
    assert first.save_draft_to(draft)
    saved_at = first.presenter.message.send_at
    qloop.run_until_complete(client.aclose())
    first.presenter.set_dirty(False)
    first.close()
    first.deleteLater()  # its autosave timer must not outlive the test

    second, client2 = window()
    try:
        assert second.open_draft_path(draft)
        assert second.schedule.zone.currentText() == "Europe/Zurich"
        assert second.schedule.send_at() == moment
        assert second.presenter.message.send_at == saved_at == moment
        written = json.loads(draft.read_text(encoding="utf-8"))["sendAt"]
        assert second.presenter.request_json()["sendAt"] == written  # the file is the body
    finally:
        qloop.run_until_complete(client2.aclose())
        second.presenter.set_dirty(False)
        second.close()
        second.deleteLater()


def test_the_normalised_column_stays_in_view_at_1024_px(composer: Any) -> None:
    """The column that says what is sent, or why not, never needs scrolling sideways."""
    window: MainWindow = composer.window
    window.recipients.model.add_lines("+41 79 302 67 27, ana.surname@example.com, order-1\n")
    _shown(window, 1024, 700)
    for _ in range(5):
        QApplication.processEvents()
    table = window.recipients.table
    header = table.horizontalHeader()
    last = header.count() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert header.sectionViewportPosition(last) >= 0
    assert right <= table.viewport().width() + 1
    assert table.horizontalScrollBar().maximum() == 0
