"""The pictures: the failover timeline (composer and confirm step), the delivery funnel after
a real sandbox send with every outcome rule, clicking a bar, the exports read back, and the
file dialogs' start folder."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from omni_desktop.core.message import TimeUnit

from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.status.funnel import DELIVERED, FAILED, FELL

# Last digit -> the sandbox's rule (omni_desktop/sandbox/rules.py), each with an address.
OUTCOMES = {
    "+41 79 302 67 21; d1@example.com": "delivered by Viber",
    "+41 79 302 67 20; d0@example.com": "not on Viber: SMS delivers",
    "+41 79 302 67 27; d7@example.com": "Viber expires: SMS delivers",
    "+41 79 302 67 28; d8@example.com": "phone off: only e-mail delivers",
    "+41 79 302 67 29; d9@example.com": "undeliverable: every step expires",
}


def _pick_default_scenario(composer: Any) -> None:
    scenario = next(s for s in composer.presenter.scenarios if s.default)
    combo = composer.window.scenario_picker.combo
    combo.setCurrentIndex(
        next(i for i in range(combo.count()) if combo.itemData(i) == scenario.key)
    )


def _fill(composer: Any, validity: dict[str, tuple[int, TimeUnit]]) -> None:
    """Text in each channel of `validity`, with that validity period."""
    for key, (period, unit) in validity.items():
        channel = composer.window.composers[key]
        if key == "email":
            channel.editor("subject").setText("Your parcel")
            channel.editor("text").setPlainText("Your parcel 4711 is on its way 📦")
        else:
            editor = channel.editor("text")
            editor.setPlainText("Your parcel 4711 is on its way 📦")
        channel.validity_unit.setCurrentIndex(list(TimeUnit).index(unit))
        channel.validity_period.setValue(period)


def test_timeline_under_the_scenario_follows_send_at_across_dst(
    composer: Any, run_until: Any
) -> None:
    window = composer.window
    _pick_default_scenario(composer)  # Viber, then SMS, then e-mail
    run_until(lambda: window.timeline.timeline is not None)
    # No content yet: no step is drawn, and no zone is named for times not shown.
    assert window.timeline.text() == "No step of the flow has content: nothing would be tried."
    _fill(composer, {"viber": (10, TimeUnit.MINUTES), "sms": (2, TimeUnit.HOURS)})
    window.schedule.at_radio.setChecked(True)
    window.schedule.zone.setCurrentText("Europe/Zurich")
    window.schedule.when.setDateTime(QDateTime(QDate(2026, 3, 29), QTime(1, 20)))
    # Viber from 01:20 CET for 10 min; SMS from 01:30 CET for 2 h, across 02:00 -> 03:00.
    run_until(lambda: window.timeline.timeline and len(window.timeline.timeline.steps) == 2)
    timeline = window.timeline.timeline
    assert [f"{s.starts:%H:%M %Z}" for s in timeline.steps] == ["01:20 CET", "01:30 CET"]
    assert f"{timeline.gives_up:%H:%M %Z}" == "04:30 CEST"
    text = window.timeline.text()
    assert text == "Viber 01:20 → SMS 01:30 if not delivered → gives up 04:30 (Europe/Zurich)"
    assert window.timeline.toolTip() == text
    assert window.timeline.isVisible()
    # The e-mail step gets content: it is drawn, after the SMS step.
    _fill(composer, {"email": (1, TimeUnit.HOURS)})
    run_until(lambda: len(window.timeline.timeline.steps) == 3)
    assert window.timeline.text() == (
        "Viber 01:20 → SMS 01:30 if not delivered → Email 04:30 if not delivered → "
        "gives up 05:30 (Europe/Zurich)"
    )


def test_confirm_step_shows_the_timeline_and_the_totals(
    composer: Any, run_until: Any, qtbot: QtBot
) -> None:
    window = composer.window
    window.recipients.model.add_lines("+41 79 302 67 21\n+41 79 302 67 22\n+41 79 302 67 23\n")
    _pick_default_scenario(composer)
    long_text = "Ihre Sendung 4711 ist unterwegs. " * 6  # 198 GSM-7 characters: 2 segments
    composer.window.composers["sms"].editor("text").setPlainText(long_text)
    composer.window.composers["sms"].validity_period.setValue(30)
    run_until(lambda: composer.presenter.result and composer.presenter.result.ok)
    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window._dialogs if isinstance(d, ConfirmSendDialog))
    text = dialog.body.text()
    assert "Recipients: 3" in text
    assert "Requests: 1" in text
    assert "SMS segments in total: 6 (2 × 3 recipients)" in text
    assert dialog.total_segments == 6
    assert dialog.timeline is not None and dialog.timeline.isVisible()
    steps = dialog.timeline.timeline.steps
    assert [s.step.channel for s in steps] == ["SMS"]  # Viber and e-mail have no content
    assert (steps[0].ends - steps[0].starts).total_seconds() == 30 * 60
    assert dialog.timeline_text.text().startswith("SMS ")
    assert dialog.timeline_text.textFormat() == Qt.TextFormat.PlainText
    dialog.reject()


@pytest.fixture
def mixed_send(composer: Any, run_until: Any, qtbot: QtBot) -> Any:
    """A real sandbox send through Viber, SMS and e-mail to one number per outcome rule,
    run until every report is final."""
    window = composer.window
    window.recipients.model.add_lines("\n".join(OUTCOMES) + "\n")
    _pick_default_scenario(composer)
    validity = {k: (1, TimeUnit.MINUTES) for k in ("viber", "sms", "email")}
    _fill(composer, validity)
    run_until(lambda: composer.presenter.result and composer.presenter.result.ok)
    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window._dialogs if isinstance(d, ConfirmSendDialog))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    model = window.status_panel.model
    run_until(
        lambda: model.rowCount() == 5 and all(r.status and r.status.is_final for r in model.rows),
        40,
    )
    panel = window.status_panel
    run_until(lambda: panel.funnel.funnel.total == 5 and panel.funnel.funnel.pending == 0)
    return panel


def test_funnel_counts_every_outcome_rule_of_the_sandbox(mixed_send: Any) -> None:
    funnel = mixed_send.funnel.funnel
    steps = [
        (s.channel, s.reached, s.delivered, s.fell_through, s.failed, s.pending)
        for s in funnel.steps
    ]
    assert steps == [
        ("VIBER", 5, 1, 4, 0, 0),  # ...1 delivered; 0, 7, 8, 9 went on
        ("SMS", 4, 2, 2, 0, 0),  # ...0 and ...7 delivered; 8, 9 went on
        ("EMAIL", 2, 1, 0, 1, 0),  # ...8 delivered; ...9 expired here
    ]
    assert (funnel.total, funnel.delivered, funnel.failed, funnel.pending) == (5, 4, 1, 0)
    # The price, summed per currency and per channel, matches the rows' own prices.
    assert set(funnel.price_by_currency) == {"EUR"}
    by_channel = {channel for channel, _currency in funnel.price_by_channel}
    assert by_channel <= {"VIBER", "SMS", "EMAIL"}
    assert sum(funnel.price_by_channel.values()) == funnel.price_by_currency["EUR"] > 0
    text = mixed_send.funnel.text()
    assert "1. Viber: 5 tried, 1 delivered, 4 fell through" in text
    assert "5 messages: 4 delivered, 1 failed or expired, 0 pending" in text
    assert "Price: " in text and "EUR" in text


def test_the_funnel_has_a_bar_only_for_the_steps_tried(
    composer: Any, run_until: Any, qtbot: QtBot
) -> None:
    """Viber and e-mail have no content, so the platform skips them: the funnel does too."""
    window = composer.window
    window.recipients.model.add_lines("+41 79 302 67 20\n+41 79 302 67 21\n")
    _pick_default_scenario(composer)  # Viber, then SMS, then e-mail
    _fill(composer, {"sms": (1, TimeUnit.MINUTES)})
    run_until(lambda: composer.presenter.result and composer.presenter.result.ok)
    qtbot.mouseClick(window.send_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window._dialogs if isinstance(d, ConfirmSendDialog))
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    panel = window.status_panel
    run_until(lambda: panel.funnel.funnel.total == 2 and panel.funnel.funnel.pending == 0, 40)
    funnel = panel.funnel.funnel
    assert [(s.channel, s.reached, s.delivered) for s in funnel.steps] == [("SMS", 2, 2)]
    assert panel.funnel.text().startswith("1. SMS: 2 tried, 2 delivered")


def test_clicking_a_bar_filters_the_table(mixed_send: Any, qtbot: QtBot) -> None:
    panel = mixed_send
    funnel = panel.funnel

    def click(step: int, part: str) -> None:
        rect = funnel.segment_rect(step, part)
        assert rect is not None, (step, part)
        qtbot.mouseClick(funnel, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())

    def shown() -> list[str]:
        model = panel.table.model()
        return sorted(model.index(r, 0).data() for r in range(model.rowCount()))

    click(0, DELIVERED)
    assert shown() == ["41793026721"]
    assert panel.is_filtered()
    click(1, DELIVERED)
    assert shown() == ["41793026720", "41793026727"]
    click(0, FELL)  # went on from Viber: on SMS or e-mail
    assert shown() == ["41793026720", "41793026727", "41793026728", "41793026729"]
    click(2, FAILED)
    assert shown() == ["41793026729"]
    panel.filter_edit.setText("nothing like this")  # both filters hold
    assert shown() == []
    panel.filter_edit.clear()
    click(2, FAILED)  # the chosen bar again: every row
    assert len(shown()) == 5
    assert not panel.is_filtered()


def test_exports_read_back(mixed_send: Any, tmp_path: Path) -> None:
    panel = mixed_send
    assert panel.export_rows(tmp_path / "status.csv")
    with (tmp_path / "status.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5
    for row in rows:
        float(row["Price"])  # a number, not "0.0045 EUR"
        assert row["Currency"] == "EUR"
        assert row["Updated"][10] == "T" and row["Updated"].endswith("+00:00")  # ISO 8601
    assert panel.export_rows(tmp_path / "status.xlsx")
    sheet = CalamineWorkbook.from_path(str(tmp_path / "status.xlsx")).get_sheet_by_index(0)
    table = sheet.to_python()
    header = table[0]
    assert header[header.index("Price") + 1] == "Currency"
    assert len(table) == 6
    prices = [line[header.index("Price")] for line in table[1:]]
    assert all(isinstance(p, float) and p > 0 for p in prices)  # numbers a sheet can sum
    assert {line[header.index("To")] for line in table[1:]} == {r["To"] for r in rows}
    assert panel.export_funnel_png(tmp_path / "funnel.png")
    image = QImage(str(tmp_path / "funnel.png"))
    assert not image.isNull() and image.width() >= 200 and image.height() > 40
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 3  # bars and text, not a blank picture


def test_a_failed_export_says_why_in_one_sentence(
    mixed_send: Any, tmp_path: Path, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(mixed_send.export_failed) as blocker:
        assert not mixed_send.export_rows(tmp_path / "missing" / "status.xlsx")
    assert blocker.args[0].startswith("Could not save the XLSX file ")
    assert not (tmp_path / "missing").exists()


def test_save_dialogs_start_in_the_documents_folder(
    composer: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Dokumente"
    documents.mkdir()
    config = tmp_path / "config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{documents}"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.chdir(tmp_path)  # not the working directory
    window = composer.window

    panel_dialog = window.status_panel.open_export_dialog("xlsx")
    assert Path(panel_dialog.directory().absolutePath()) == documents
    assert panel_dialog.selectedFiles()[0].endswith("messages.xlsx")
    panel_dialog.reject()

    window.drafts.on_save_as()  # no current file yet
    drafts = [d for d in window._dialogs if isinstance(d, QFileDialog)]
    assert drafts and Path(drafts[-1].directory().absolutePath()) == documents
    drafts[-1].reject()


def test_history_exports_the_selected_send_from_the_documents_folder(
    qtbot: QtBot,
    qloop: Any,
    run_until: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from omni_desktop.core.message import Destination, OmniMessage, to_json, with_ids

    from omni_desktop.storage.outbox import Outbox

    from omni_desktop.services.history import HistoryService

    from omni_desktop.ui.history import HistoryDialog

    documents = tmp_path / "Docs"
    documents.mkdir()
    (tmp_path / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{documents}"\n', "utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    message = OmniMessage(destinations=[Destination(phone="+41793026721")])
    message.content("sms").values["text"] = "Hello"
    body = to_json(with_ids(message, datetime.now(UTC)))
    with Outbox(tmp_path / "outbox.db") as outbox:
        send_id = outbox.record_before_send(None, "http://127.0.0.1:9", body)
        dialog = HistoryDialog(HistoryService(outbox, lambda _profile: None))
        qtbot.addWidget(dialog)
        dialog.show()
        run_until(lambda: dialog.loaded() and dialog.selected_record() is not None)
        assert dialog.export_send_action.isEnabled()
        dialog.export_send_action.trigger()
        chooser = dialog.exporter.file_dialog
        assert chooser is not None
        assert Path(chooser.directory().absolutePath()) == documents
        target = documents / f"send-{send_id}.xlsx"
        chooser.fileSelected.emit(str(target))
        chooser.reject()
        run_until(lambda: "Saved 1 message" in dialog.message_text())
        table = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
        assert table[1][table[0].index("To")] == "+41793026721"
        run_until(lambda: not dialog.presenter.tasks.running("export"))
        qloop.run_until_complete(dialog.shutdown())


def test_the_funnels_counts_are_grouped_as_everywhere_else(qtbot: QtBot) -> None:
    from omni_desktop.core.funnel import FunnelRow, funnel
    from omni_desktop.core.status import StatusGroup

    from omni_desktop.ui.status.funnel import FunnelView

    view = FunnelView()
    qtbot.addWidget(view)
    view.set_funnel(funnel(["SMS"], [FunnelRow("SMS", StatusGroup.DELIVERED, None, None)] * 2400))
    assert view.text().startswith("1. SMS: 2,400 tried, 2,400 delivered")
