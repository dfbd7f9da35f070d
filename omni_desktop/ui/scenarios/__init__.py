"""The scenario manager: list, create and edit an account's scenarios (Message > Scenarios…)."""

from __future__ import annotations

from omni_desktop.ui.scenarios.dialog import ScenarioManagerDialog, open_scenario_manager

__all__ = ["ScenarioManagerDialog", "open_scenario_manager"]
