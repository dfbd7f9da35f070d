"""The scenario manager against the real sandbox: create, edit, reorder, default, refusals,
a lost answer and the API's throttling, as an operator sees them in the dialog and picker."""

from __future__ import annotations

import asyncio

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from omni_desktop.core.scenario import Scenario, Step

from omni_desktop.sandbox import SandboxThread

from omni_desktop.services.scenarios import list_all

from omni_desktop.ui.scenarios import ScenarioManagerDialog, open_scenario_manager
from omni_desktop.ui.scenarios.models import StepsModel

from tests.gui.conftest import Composer, RunUntil

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _on_server(loop: asyncio.AbstractEventLoop, made: Composer) -> list[Scenario]:
    assert made.client is not None
    return loop.run_until_complete(list_all(made.client))


def _named(scenarios: list[Scenario], name: str) -> list[Scenario]:
    return [s for s in scenarios if s.name == name]


def _opened(made: Composer, run_until: RunUntil) -> ScenarioManagerDialog:
    made.window.commands.scenarios.trigger()  # Message > Scenarios…
    found = made.window.findChildren(ScenarioManagerDialog)
    assert len(found) == 1 and found[0].isVisible()
    dialog = found[0]
    run_until(lambda: dialog.list_model.rowCount() > 0 and _idle(dialog))
    return dialog


def _fill(dialog: ScenarioManagerDialog, name: str, steps: list[tuple[str, str]]) -> None:
    dialog.new_button.click()
    dialog.name.setText(name)
    model = dialog.steps
    model.remove_step(0)
    for channel, sender in steps:
        row = model.add_step()
        assert row is not None
        assert model.setData(model.index(row, StepsModel.CHANNEL), channel)
        assert model.setData(model.index(row, StepsModel.SENDER), sender)


def _idle(dialog: ScenarioManagerDialog) -> bool:
    """No save or listing of the dialog, and no reload of the composer's picker, under way."""
    composer = dialog.composer
    return not dialog.presenter.tasks.running() and not composer.tasks.running("load scenarios")


def _saved(dialog: ScenarioManagerDialog, run_until: RunUntil) -> None:
    dialog.save_button.click()
    run_until(lambda: _idle(dialog) and dialog.save_button.isEnabled())


def test_the_manager_lists_every_scenario_with_name_key_and_flow(
    composer: Composer, run_until: RunUntil, qloop: asyncio.AbstractEventLoop
) -> None:
    dialog = _opened(composer, run_until)
    on_server = _on_server(qloop, composer)
    model = dialog.list_model
    shown = {model.index(r, model.KEY).data(): r for r in range(model.rowCount())}
    assert set(shown) == {s.key for s in on_server}
    default = next(s for s in on_server if s.default)
    assert model.index(shown[default.key], model.DEFAULT).data() == "Default"
    assert model.index(shown[default.key], model.FLOW).data() == default.flow_label()
    dialog.table.selectRow(shown[default.key])
    dialog.copy_key_button.click()
    assert QGuiApplication.clipboard().text() == default.key
    # the picker's own button opens the same dialog rather than a second one
    composer.window.scenario_picker.manage.click()
    assert composer.window.findChildren(ScenarioManagerDialog) == [dialog]


def test_create_then_the_picker_selects_it_and_edit_updates_it(
    composer: Composer, run_until: RunUntil, qloop: asyncio.AbstractEventLoop
) -> None:
    dialog = _opened(composer, run_until)
    _fill(dialog, "Viber then SMS", [("VIBER", "Shop"), ("SMS", "ShopInfo")])
    _saved(dialog, run_until)
    made = _named(_on_server(qloop, composer), "Viber then SMS")
    assert len(made) == 1
    assert [(s.channel, s.sender) for s in made[0].flow] == [("VIBER", "Shop"), ("SMS", "ShopInfo")]
    assert made[0].key in dialog.status.text()
    picker = composer.window.scenario_picker
    run_until(lambda: picker.combo.currentData() == made[0].key)
    assert composer.presenter.message.scenario_key == made[0].key
    assert "VIBER (Shop) -> SMS (ShopInfo)" in picker.flow.text()

    # edit: rename and reorder with Alt+Down on the first step, then set it default
    dialog.name.setText("SMS then Viber")
    dialog.steps_view.setFocus()
    dialog.steps_view.setCurrentIndex(dialog.steps.index(0, StepsModel.CHANNEL))
    QtBot.keyClick(dialog.steps_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [s.channel for s in dialog.steps.steps] == ["SMS", "VIBER"]
    assert dialog.steps_view.currentIndex().row() == 1  # the moved step stays current
    dialog.default_box.setChecked(True)
    _saved(dialog, run_until)
    after = _on_server(qloop, composer)
    edited = [s for s in after if s.key == made[0].key]
    assert len(edited) == 1 and edited[0].name == "SMS then Viber"
    assert [s.channel for s in edited[0].flow] == ["SMS", "VIBER"]
    assert edited[0].default
    assert [s.key for s in after if s.default] == [made[0].key]  # the only default now
    assert _named(after, "Viber then SMS") == []  # updated, not created again


def test_reorder_by_alt_up_and_by_drag(composer: Composer, run_until: RunUntil) -> None:
    dialog = _opened(composer, run_until)
    _fill(dialog, "Three", [("SMS", "Shop"), ("VIBER", "Shop"), ("EMAIL", "a@example.com")])
    view = dialog.steps_view
    view.setCurrentIndex(dialog.steps.index(2, StepsModel.SENDER))
    QtBot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [s.channel for s in dialog.steps.steps] == ["SMS", "EMAIL", "VIBER"]
    # a drop: the data of row 0 dropped before row 3 (the end) moves it last
    mime = dialog.steps.mimeData([dialog.steps.index(0, 0)])
    dialog.steps.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, dialog.steps.index(-1, -1))
    assert [s.channel for s in dialog.steps.steps] == ["EMAIL", "VIBER", "SMS"]


def test_an_invalid_sender_is_refused_with_its_reason_and_nothing_is_created(
    composer: Composer, run_until: RunUntil, qloop: asyncio.AbstractEventLoop
) -> None:
    dialog = _opened(composer, run_until)
    before = _on_server(qloop, composer)
    _fill(dialog, "Too long", [("SMS", "InformationalShop")])
    problem = dialog.steps.index(0, StepsModel.PROBLEM).data()
    assert "at most 11 characters" in problem  # shown beside the row before saving
    _saved(dialog, run_until)
    text = dialog.status.text()
    assert "nothing was sent" in text and "at most 11 characters" in text
    assert dialog.name.text() == "Too long"  # the form is kept for correcting
    assert _on_server(qloop, composer) == before


def test_a_channel_is_offered_only_once(composer: Composer, run_until: RunUntil) -> None:
    dialog = _opened(composer, run_until)
    _fill(dialog, "Once", [("SMS", "Shop")])
    model = dialog.steps
    row = model.add_step()
    assert row == 1 and model.steps[1].channel != "SMS"
    assert not model.setData(model.index(1, StepsModel.CHANNEL), "SMS")
    assert "SMS" not in model.unused_channels(1)


def test_a_lost_answer_on_create_makes_exactly_one_scenario(
    composer: Composer,
    run_until: RunUntil,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
) -> None:
    dialog = _opened(composer, run_until)
    _fill(dialog, "Lost answer", [("VIBER", "Shop"), ("SMS", "Shop")])
    sandbox.faults.update({"drop_next": 1})  # processed, then the answer is lost
    _saved(dialog, run_until)
    made = _named(_on_server(qloop, composer), "Lost answer")
    assert len(made) == 1
    assert "answer was lost" in dialog.status.text()
    assert made[0].key in dialog.status.text()
    run_until(lambda: any(s.key == made[0].key for s in dialog.list_model.scenarios))


def test_throttling_shows_the_wait_and_creates_nothing(
    composer: Composer,
    run_until: RunUntil,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
) -> None:
    dialog = _opened(composer, run_until)
    sandbox.limits.creates = 1  # one create per window (0 would turn the limit off)
    _fill(dialog, "First", [("SMS", "Shop")])
    _saved(dialog, run_until)
    assert "Saved" in dialog.status.text()
    _fill(dialog, "Throttled", [("SMS", "Shop")])
    _saved(dialog, run_until)
    text = dialog.status.text()
    assert "The API allows 20 new scenarios per 10 minutes; try again in" in text
    assert _named(_on_server(qloop, composer), "Throttled") == []
    assert dialog.save_button.isEnabled()  # safe to try again later


def test_server_text_is_shown_plain(composer: Composer, run_until: RunUntil) -> None:
    dialog = _opened(composer, run_until)
    dialog.edit(Scenario("k1", "<b>bold</b>", (Step("SMS", "<img src=x>"),)))
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b>" in dialog.heading.text()
    assert open_scenario_manager(composer.window) is dialog
