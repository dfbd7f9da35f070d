"""The German translation: the window and the core switch to it with the locale, and the
shipped .ts/.qm cover every sentence of the code (made with Qt's lupdate and lrelease)."""

from __future__ import annotations

import ast
import asyncio
import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QGroupBox, QMenu, QPlainTextEdit

from omni_desktop.core import i18n
from omni_desktop.core.i18n import tr, trn
from omni_desktop.core.message import OmniMessage
from omni_desktop.core.validation import validate

from omni_desktop.sandbox import SandboxThread

from omni_desktop.ui.i18n import install_translation, translations_folder
from omni_desktop.ui.send_dialog import ConfirmSendDialog
from omni_desktop.ui.window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_TS = translations_folder() / "omni_desktop_de.ts"
SHIPPED_QM = translations_folder() / "omni_desktop_de.qm"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")


def _update_script() -> ModuleType:
    """resources/translations/update.py, the one place that knows how lupdate is run."""
    spec = importlib.util.spec_from_file_location("update", translations_folder() / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _update_script()


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


@pytest.fixture
def german(qapp: QApplication) -> Iterator[QTranslator]:
    """The German translation installed as for a Swiss-German desktop; English again after."""
    translator = install_translation(qapp, QLocale("de_CH"))
    assert translator is not None, f"no German translation found in {translations_folder()}"
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)
        i18n.install(None)
        translator.deleteLater()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh .ts made by lupdate from the code as it is now (the way update.py runs it)."""
    ts = tmp_path_factory.mktemp("lupdate") / "omni_desktop_de.ts"
    update.extract(ts, "de")
    return ts


def _accelerators(menu: QMenu) -> list[str]:
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]


def test_the_window_speaks_german_with_a_german_locale(
    german: QTranslator,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    run_until: Any,
    make_window: Any,  # after qloop, so the windows close before the loop does
    tmp_path: Path,
) -> None:
    made = make_window(qloop, sandbox.url, sandbox.api_key, tmp_path)
    window: MainWindow = made.window
    window.show()
    made.presenter.refresh_scenarios()
    run_until(lambda: made.presenter.scenarios)

    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Datei",
        "&Nachricht",
        "&Konto",
        "&Hilfe",
    ]
    file_items = [a.text() for a in menus[0].actions() if not a.isSeparator()]
    assert file_items[:2] == ["&Neu", "Ö&ffnen…"]
    assert "Speichern &unter…" in file_items and file_items[-1] == "&Beenden"
    for menu in [*menus, window.recent_menu]:
        keys = _accelerators(menu)
        assert len(keys) == len(set(keys)), f"{menu.title()}: one key for two items: {keys}"

    assert window.send_button.text() == "Senden…"
    tabs = window.bottom_tabs
    assert tabs.tabText(0) == "Status"
    assert tabs.tabText(2) == "Anfrage"
    assert tabs.tabText(1).startswith("Probleme")
    titles = {box.title() for box in window.findChildren(QGroupBox)}
    assert {"Empfänger", "Szenario", "Zeitplan"} <= titles

    # The draft is empty: the refusal beside Send is a sentence of the core, in German.
    run_until(lambda: window.send_reason.text())
    assert "Empfänger" in window.send_reason.text() or "Kanal" in window.send_reason.text()
    assert "recipient" not in window.send_reason.text()

    # Undo names its step after a colon, and has none without a step.
    editor = window.recipients
    assert (editor.undo_action.text(), editor.redo_action.text()) == (
        "&Rückgängig",
        "&Wiederherstellen",
    )
    dialog = editor.open_paste_dialog()
    dialog.text_edit.setPlainText("+41 79 302 67 27\n")
    dialog.accept()
    assert editor.undo_action.text().startswith("&Rückgängig: ")
    assert "Empfänger" in editor.undo_action.text()
    editor.undo_stack.undo()
    assert editor.undo_action.text() == "&Rückgängig"
    assert editor.redo_action.text().startswith("&Wiederherstellen: ")

    draft = tmp_path / "entwurf.omni.json"
    assert window.save_draft_to(draft)
    assert window.statusBar().currentMessage() == "entwurf.omni.json gespeichert"


def test_a_send_is_confirmed_and_reported_in_german(
    german: QTranslator,
    qloop: asyncio.AbstractEventLoop,
    sandbox: SandboxThread,
    run_until: Any,
    make_window: Any,  # after qloop, so the windows close before the loop does
    tmp_path: Path,
) -> None:
    made = make_window(qloop, sandbox.url, sandbox.api_key, tmp_path)
    window: MainWindow = made.window
    window.show()
    made.presenter.refresh_scenarios()
    run_until(lambda: made.presenter.scenarios)
    # A number no other test checks: core.addresses caches its answers, sentence and all.
    window.recipients.model.add_lines("+41 79 302 67 27\n+41 79 1\n")
    editor = window.composers["sms"].editor("text")
    assert isinstance(editor, QPlainTextEdit)
    editor.insertPlainText("Ihr Paket ist unterwegs.")
    run_until(lambda: made.presenter.result is not None and "kurz" in window.send_reason.text())
    assert "Die Nummer ist zu kurz" in window.send_reason.text()

    window.recipients.model.remove_row_numbers([1])
    run_until(lambda: made.presenter.result is not None and made.presenter.result.ok)
    window.send_button.click()
    dialogs = [d for d in window._dialogs if isinstance(d, ConfirmSendDialog)]
    assert dialogs, "the confirm step did not open"
    assert "Empfänger: 1" in dialogs[-1].body.text()
    assert dialogs[-1].windowTitle() == "Diese Nachricht senden?"
    assert dialogs[-1].send_button.text() == "An 1 Empfänger senden"
    dialogs[-1].send_button.click()

    run_until(lambda: window.status_panel.model.rowCount() == 1)
    # The row shows as soon as the send starts; the sentence comes with the answer.
    run_until(lambda: window.statusBar().currentMessage().startswith("Gesendet"))
    assert (
        window.statusBar().currentMessage().startswith("Gesendet: 1 Nachricht angenommen, Bulk b-")
    )


def test_words_shared_with_another_meaning_are_told_apart_in_german(
    german: QTranslator, qtbot: QtBot
) -> None:
    """ "Send" the button (Senden) and the export's column (Versand); "To" the recipient (An)
    and the end of a time range (Bis)."""
    from omni_desktop.services.history import export_headers

    from omni_desktop.ui.history.export import RangeDialog
    from omni_desktop.ui.status.model import StatusTableModel

    headers = export_headers()
    assert headers[0] == "Versand" and "An" in headers
    assert tr("Send") == "Senden"
    dialog = RangeDialog()
    qtbot.addWidget(dialog)
    assert (dialog.since.accessibleName(), dialog.until.accessibleName()) == ("Von", "Bis")
    assert StatusTableModel().export_headers()[0] == "An"


def test_dates_in_the_timeline_speak_german(german: QTranslator) -> None:
    from datetime import date

    from omni_desktop.core.scenario import clock_text

    moment = datetime(2026, 3, 5, 9, 10)  # a Thursday in March
    assert clock_text(moment, date(2026, 3, 4)) == "Do, 05. Mär 09:10"
    assert clock_text(moment, date(2026, 3, 5)) == "09:10"
    i18n.install(None)
    assert clock_text(moment, date(2026, 3, 4)) == "Thu 05 Mar 09:10"


def test_counts_are_written_as_the_operators_country_writes_them(
    german: QTranslator, qapp: QApplication
) -> None:
    """Swiss German: 2'400, never 2,400 (a German reader takes that for 2.4)."""
    from omni_desktop.core.i18n import grouped

    from omni_desktop.ui.i18n import tr as ui_tr

    assert grouped(2400) == "2'400"
    assert trn("%n recipient(s)", None, 2400) == "2'400 Empfänger"
    assert ui_tr("{n:,} characters").format(n=1234) == "1'234 Zeichen"
    assert tr("{n:,} characters").format(n=1234) == "1'234 Zeichen"
    assert (
        ui_tr("Row {row}, {raw}: {reason}")
        .format(row=12345, raw="x", reason="y")
        .startswith(
            "Zeile 12345,"  # a row number is no count: written as it is
        )
    )
    germany = install_translation(qapp, QLocale("de_DE"))
    assert germany is not None
    try:
        assert grouped(100_000) == "100.000"
    finally:
        qapp.removeTranslator(germany)
        i18n.install(None)
    assert grouped(100_000) == "100,000"
    assert trn("%n recipient(s)", None, 2400) == "2,400 recipients"


def test_core_sentences_made_after_install_are_german(german: QTranslator) -> None:
    problems = [p.message for p in validate(OmniMessage(), datetime.now(UTC)).problems]
    assert "Es gibt keine Empfänger; fügen Sie mindestens einen hinzu." in problems
    assert all("recipient" not in p for p in problems), problems


def test_english_without_a_translation(qapp: QApplication) -> None:
    assert install_translation(qapp, QLocale("en_US")) is None
    assert tr("There are no recipients; add at least one.").startswith("There are no")
    assert trn("%n recipient(s)", None, 1) == "1 recipient"
    assert trn("%n recipient(s)", None, 2) == "2 recipients"
    assert trn("%n address(es)", None, 0) == "0 addresses"
    assert trn("%n recipient(s)", None, 100_000) == "100,000 recipients"  # as every count


def test_counts_take_the_german_plural_forms(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trn() goes through lupdate (as a numerus message), lrelease and Qt's German plural rules."""
    source = tmp_path / "omni_desktop" / "counts.py"
    source.parent.mkdir()
    source.write_text(
        "from omni_desktop.core.i18n import tr_noop, trn\n"
        'SENT = trn("%n message(s) sent", None, 2)\n'
        'TITLE = tr_noop("Waiting")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(update, "ROOT", tmp_path)
    ts = tmp_path / "omni_desktop_de.ts"
    update.extract(ts, "de")
    tree = ET.parse(ts)
    by_source = {m.findtext("source"): m for m in tree.getroot().iter("message")}
    assert set(by_source) == {"%n message(s) sent", "Waiting"}, "tr_noop() is read too"
    counted = by_source["%n message(s) sent"]
    assert counted.get("numerus") == "yes", "lupdate did not read trn() as a count"
    translation = counted.find("translation")
    assert translation is not None
    translation.attrib.pop("type", None)
    for form in list(translation):
        translation.remove(form)
    for text in ("%n Nachricht gesendet", "%n Nachrichten gesendet"):  # German: one, other
        ET.SubElement(translation, "numerusform").text = text
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    update.release(ts, ts.with_suffix(".qm"))

    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    qapp.installTranslator(translator)
    i18n.install(lambda text, hint, n: qapp.translate("", text, hint, n))
    try:
        assert trn("%n message(s) sent", None, 1) == "1 Nachricht gesendet"
        assert trn("%n message(s) sent", None, 2) == "2 Nachrichten gesendet"
        assert trn("%n message(s) sent", None, 0) == "0 Nachrichten gesendet"
        assert trn("%n message(s) sent", None, 12345) == "12,345 Nachrichten gesendet"
        assert trn("%n file(s) saved", None, 1000) == "1,000 files saved"
        assert trn("%n file(s) saved", None, 3) == "3 files saved", "untranslated: English"
    finally:
        qapp.removeTranslator(translator)
        i18n.install(None)


def test_every_sentence_of_the_code_has_a_german_translation(extracted: Path) -> None:
    needed = {(m.findtext("source"), m.get("numerus") == "yes") for m in _messages(extracted)}
    translated: set[tuple[str | None, bool]] = set()
    for message in _messages(SHIPPED_TS):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation] or [translation.text or ""]
        if translation.get("type") is None and all(forms):
            translated.add((message.findtext("source"), message.get("numerus") == "yes"))
    missing = sorted(str(source) for source, _ in needed - translated)
    assert not missing, (
        f"{len(missing)} sentence(s) have no German translation; run "
        "`.venv/bin/python resources/translations/update.py` and translate them in "
        "omni_desktop_de.ts:\n" + "\n".join(missing)
    )
    assert len(needed) > 500


def test_german_translations_keep_every_placeholder() -> None:
    """A lost or misspelt {placeholder} would make .format() fail in German only."""
    broken = []
    for message in _messages(SHIPPED_TS):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation] or [translation.text or ""]
        for form in forms:
            wanted = sorted(PLACEHOLDER.findall(source))
            if message.get("numerus") == "yes":  # a singular may spell out the one
                wanted = [p for p in wanted if p != "%n"]
                got = [p for p in sorted(PLACEHOLDER.findall(form)) if p != "%n"]
            else:
                got = sorted(PLACEHOLDER.findall(form))
            if got != wanted:
                broken.append(f"{source!r} -> {form!r}")
    assert not broken, "\n".join(broken)


def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "omni_desktop_de.qm"
    update.release(SHIPPED_TS, fresh)
    assert fresh.read_bytes() == SHIPPED_QM.read_bytes(), (
        "omni_desktop_de.qm is older than omni_desktop_de.ts: run resources/translations/update.py"
    )


def _literal_texts() -> dict[str, str]:
    """Every literal text given to tr()/trn()/tr_noop() in the code, with where it is."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "omni_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            text = first.value if isinstance(first, ast.Constant) else None
            if name in ("tr", "trn", "tr_noop") and isinstance(text, str):
                found[text] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_lupdate_sees_every_sentence_given_to_tr(extracted: Path) -> None:
    """lupdate reads Python by its own rules: a tr() inside an f-string, for one, it skips."""
    seen = {m.findtext("source") for m in _messages(extracted)}
    unseen = [f"{where}: {text!r}" for text, where in _literal_texts().items() if text not in seen]
    assert not unseen, "lupdate misses these (move the tr() out of the f-string):\n" + "\n".join(
        unseen
    )
