"""The import dialog (ui/dialogs/import_sightings.py) and the Sightings tab's Import and Export
(ui/controllers/sighting_exchange.py), driven with real widgets: the file chosen by typing its path, the
buttons clicked, the dry run and the import run by QGIS's task manager in its worker threads."""

import csv
import shutil
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit

from kpa_tracker.core.imports import saved, targets
from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.sightings.exchange import read_rows
from kpa_tracker.core.sightings.store import GpkgStore
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.dialogs.import_sightings import ImportSightingsDialog

DATA = Path(__file__).resolve().parent / "data"
COLLEAGUE = DATA / "dialog_colleague.csv"  # 6 rows: 3 good, then a bad date, no source, no place
CP1251 = DATA / "dialog_cp1251.csv"  # a Russian Excel CSV: CP1251, semicolons, decimal commas


def wait_until(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        QCoreApplication.processEvents()
        time.sleep(0.005)


def click(button: QAbstractButton):
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, data):
    """Pick the item whose data is `data`, with the keyboard, as an analyst would (Home, then Down)."""
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == index


def type_path(dialog, path):
    line = dialog.file.lineEdit()
    line.clear()
    QTest.keyClicks(line, str(path))
    assert dialog.path() == str(path)


def run_and_wait(dialog, button):
    click(button)
    assert dialog.running and not dialog.side_tabs.isEnabled(), "the inputs are disabled while the task runs"
    wait_until(lambda: not dialog.running)
    assert dialog.side_tabs.isEnabled() and dialog.inputs.isEnabled()
    return dialog.report


@pytest.fixture
def profile(tmp_path, monkeypatch):
    """The analyst's own files (saved mappings, unit names) in a folder of the test's own, not the test
    profile's, so no run sees another's."""
    from kpa_tracker.core.imports import aliases

    folder = tmp_path / "profile"
    folder.mkdir()
    monkeypatch.setattr(saved, "workspace_dir", lambda create=True: folder)
    monkeypatch.setattr(aliases, "user_file", lambda: folder / aliases.USER_FILE_NAME)
    return folder


@pytest.fixture
def dialog(qgis_app, tmp_path, profile, flush):
    store = GpkgStore(tmp_path / "sightings.gpkg")
    window = ImportSightingsDialog(lambda: store)
    window.show()
    window.resize(1280, 700)
    flush()
    yield window, store
    window.shutdown()
    wait_until(lambda: not [t for t in QgsApplication.taskManager().activeTasks()])
    window.deleteLater()
    flush()


@pytest.fixture
def colleague(tmp_path):
    """The colleague's sheet copied to the test's folder: the rejected rows' default file goes beside it."""
    path = tmp_path / "in" / COLLEAGUE.name
    path.parent.mkdir()
    shutil.copy(str(COLLEAGUE), str(path))
    return path


def counts(store):
    return S.count_sightings(store.path()) if store.path().exists() else (0, 0)


def test_a_chosen_file_shows_its_rows_and_the_guessed_mapping(dialog, colleague):
    window, _store = dialog
    type_path(window, colleague)
    preview = window.preview
    assert preview is not None, window.message.text()
    table = window.preview_table
    assert table.columnCount() == 7 and table.rowCount() == 6
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["date", "lat", "lon"]
    assert table.item(0, 0).text() == "2024-12-14 08:30" and table.item(3, 0).text() == "not a date"
    mapping = window.current_mapping()
    assert (mapping["observed_at"], mapping["latitude"], mapping["longitude"]) == ("date", "lat", "lon")
    assert mapping["source_url"] == "source_url"
    assert "where_seen" not in mapping.values(), "a name no layout knows is left for the analyst"
    assert "Latitude" in table.horizontalHeaderItem(1).toolTip()
    assert "not imported" in table.horizontalHeaderItem(6).toolTip()
    assert window.rejected_file.filePath() == str(colleague.with_name("dialog_colleague-rejected.csv"))
    assert "Detected" in window.layout_combo.currentText()
    assert window.missing_targets() == []


def test_encoding_and_delimiter_are_detected_and_each_change_rereads(dialog):
    window, _store = dialog
    type_path(window, CP1251)
    assert window.preview.table.encoding == "cp1251" and window.preview.table.delimiter == ";"
    assert "Windows-1251" in window.encoding.itemText(0)
    assert window.preview_table.horizontalHeaderItem(0).text() == "дата"
    assert window.preview_table.item(0, 3).text() == "войска КНДР"
    choose(window.encoding, "latin-1")
    assert window.preview.table.encoding == "latin-1"
    assert window.preview_table.horizontalHeaderItem(0).text() != "дата", "read again as Latin-1"
    choose(window.encoding, None)
    choose(window.delimiter, ",")
    assert window.preview_table.columnCount() < 6, "read again with commas"
    assert not window.layer.isVisible(), "a CSV has no layers to choose from"


def test_a_workbook_with_several_sheets_offers_them_and_reads_the_one_chosen(dialog, tmp_path):
    from osgeo import ogr

    window, _store = dialog
    book = tmp_path / "two sheets.xlsx"
    data = ogr.GetDriverByName("XLSX").CreateDataSource(str(book))
    for name, columns, rows in (("Notes", ["note"], [["read me first"]]),
                                ("Sightings", ["date", "lat", "lon"], [["2024-12-14", "51.19", "35.27"],
                                                                       ["2024-12-15", "51.3", "35.1"]])):
        layer = data.CreateLayer(name, geom_type=ogr.wkbNone)
        for column in columns:
            layer.CreateField(ogr.FieldDefn(column, ogr.OFTString))
        for values in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for column, value in zip(columns, values):
                feature.SetField(column, value)
            layer.CreateFeature(feature)
    data = None
    assert not window.layer.isVisible()
    type_path(window, book)
    assert window.preview is not None, window.message.text()
    assert window.layer.isVisible() and window.layer_label.isVisible(), "several sheets: the choice is shown"
    assert [window.layer.itemText(i) for i in range(window.layer.count())] == ["Notes", "Sightings"]
    assert window.preview_table.columnCount() == 1
    assert not window.delimiter.isEnabled() and not window.encoding.isEnabled(), "a workbook has neither"
    choose(window.layer, "Sightings")
    assert window.preview.table.layer == "Sightings"
    assert window.preview_table.columnCount() == 3 and window.preview_table.rowCount() == 2
    assert window.current_mapping()["latitude"] == "lat"
    assert window.spec().layer == "Sightings"


def test_a_required_field_without_column_or_default_is_named_under_the_table(dialog, colleague):
    window, _store = dialog
    type_path(window, colleague)
    choose(window.column_combos["observed_at"], "")
    choose(window.default_editors["claim_status"], None)
    assert set(window.missing_targets()) == {"observed_at", "claim_status"}
    text = window.missing.text()
    assert targets.label("observed_at") in text and targets.label("claim_status") in text
    row = window.targets.index("observed_at")
    assert window.mapping_table.item(row, 0).background().color().name() == "#ffd8d8"
    choose(window.column_combos["observed_at"], "date")
    choose(window.default_editors["claim_status"], "claimed")
    assert window.missing_targets() == []


def test_dry_run_reports_without_writing_and_the_import_writes_what_it_said(dialog, tmp_path, colleague):
    window, store = dialog
    type_path(window, colleague)
    choose(window.column_combos["location_name"], "where_seen")  # a column the layout did not guess
    choose(window.default_editors["source_reliability"], "C")  # the file has no grades
    choose(window.default_editors["claim_status"], "claimed")
    rejected = tmp_path / "out" / "rejected.csv"
    window.rejected_file.lineEdit().setText(str(rejected))
    assert window.spec().duplicates == "skip"
    click(window.merge_duplicates)
    window.duplicate_km.setValue(2.5)
    assert (window.spec().duplicates, window.spec().duplicate_km) == ("add_sources", 2.5)
    click(window.skip_duplicates)
    assert window.spec().only_known_units is False
    click(window.only_known_units)
    assert window.spec().only_known_units is True
    click(window.only_known_units)
    assert "where_seen" in window.preview_table.horizontalHeaderItem(6).toolTip() or \
        "Place name" in window.preview_table.horizontalHeaderItem(6).toolTip()

    report = run_and_wait(window, window.dry_run_button)
    assert report is not None, window.message.text()
    assert report.dry_run and (report.rows, report.accepted, report.rejected) == (6, 3, 3)
    assert counts(store)[0] == 0, "a dry run writes nothing"
    with open(str(rejected), encoding="utf-8-sig", newline="") as handle:
        assert [row[0] for row in list(csv.reader(handle))[1:]] == ["4", "5", "6"], "the rows it would reject"
    rejected.unlink()
    table = window.report_table
    listed = [(table.item(r, 0).text(), table.item(r, 1).data(Qt.ItemDataRole.UserRole), table.item(r, 2).text())
              for r in range(table.rowCount())]
    assert [status for _n, status, _r in listed] == ["rejected"] * 3 + ["accepted"] * 3, "rejected first"
    reasons = {number: reason for number, status, reason in listed if status == "rejected"}
    assert sorted(reasons) == ["4", "5", "6"]
    assert "not a date" in reasons["4"] and "date" in reasons["4"]
    assert "source" in reasons["5"].lower()
    assert "place" in reasons["6"].lower() or "longitude" in reasons["6"].lower()
    assert "3 would be imported" in window.message.text() and "nothing was imported" in window.message.text()

    report = run_and_wait(window, window.import_button)
    assert not report.dry_run and report.accepted == 3
    kept = store.read()
    assert len(kept) == 3 and counts(store)[0] == 3, "the import writes what the dry run said"
    by_place = {r.location_name: r for r in kept}
    assert set(by_place) == {"Sudzha", "Malaya Loknya", "Kursk oblast"}
    assert {(r.source_reliability, r.info_credibility, r.claim_status) for r in kept} == {("C", 6, "claimed")}
    assert by_place["Kursk oblast"].time_precision == 3, "2024-12 is a month"
    assert by_place["Sudzha"].time_precision == 1
    message = window.message.text()
    assert message.startswith("Imported 3 sightings; 3 rejected (in {})".format(rejected)), message
    with open(str(rejected), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [row[0] for row in rows[1:]] == ["4", "5", "6"] and all(row[2] for row in rows[1:])

    report = run_and_wait(window, window.import_button)
    assert (report.accepted, report.duplicates) == (0, 3), "the same file again adds nothing"
    assert counts(store)[0] == 3
    assert "3 duplicates skipped" in window.message.text()


def test_cancel_writes_nothing(dialog, tmp_path):
    window, store = dialog
    big = tmp_path / "big.csv"
    with open(str(big), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "lat", "lon", "source_url", "description"])
        for i in range(60000):
            writer.writerow(["2024-12-{:02d}".format(1 + i % 28), 50.5 + (i % 1000) / 2000.0,
                             34.5 + (i // 1000) / 100.0, "https://example.org/big/{}".format(i), "row {}".format(i)])
    type_path(window, big)
    assert window.preview is not None, window.message.text()
    click(window.import_button)
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    wait_until(lambda: window.progress.value() > 0 or not window.running)
    assert window.running, "still importing when cancelled (rows read, some already handed to the writer)"
    click(window.cancel_button)
    wait_until(lambda: not window.running)
    assert window.report is not None and window.report.canceled
    assert counts(store)[0] == 0, "a cancelled import writes nothing"
    assert "nothing was written" in window.message.text()
    assert not window.progress.isVisible() and window.import_button.isEnabled()


def test_a_mapping_is_saved_and_applied_again(dialog, profile, colleague):
    window, _store = dialog
    type_path(window, colleague)
    choose(window.column_combos["location_name"], "where_seen")
    choose(window.default_editors["geo_precision"], 3)
    assert window.save_mapping_as("Colleague sheet") == "Colleague sheet"
    assert list(profile.rglob("*.json")), "kept in the analyst's profile"
    assert window.saved.findData("Colleague sheet") >= 0 and window.delete_button.isEnabled()
    type_path(window, colleague)  # read afresh: the guesses again
    assert "location_name" not in window.current_mapping()
    choose(window.saved, "Colleague sheet")
    window.saved.activated.emit(window.saved.currentIndex())  # the keyboard changes it; activation applies
    assert window.current_mapping()["location_name"] == "where_seen"
    assert window.defaults()["geo_precision"] == 3
    window.delete_saved_mapping("Colleague sheet")
    assert window.saved.findData("Colleague sheet") < 0 and not list(profile.rglob("*.json"))


def test_unit_names_are_listed_and_the_analysts_own_saved(dialog, profile):
    from kpa_tracker.core.imports.aliases import AliasTable

    window, _store = dialog
    window.side_tabs.setCurrentIndex(1)
    table = window.units_table
    shipped = table.rowCount()
    assert shipped > 0, "the shipped names are shown"
    names = [table.item(r, 0).text() for r in range(shipped)]
    assert "북한군" in names or any("North Korea" in n for n in names)
    assert not table.cellWidget(0, 1).isEnabled(), "a shipped name is not edited here"
    click(window.add_alias_button)
    row = table.rowCount() - 1
    editor = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editor) == 1, "the new row's name opens for typing"
    QTest.keyClicks(editor[0], "Kim's 11th corps men")
    QTest.keyClick(editor[0], Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the typed name on the next pass
    assert table.item(row, 0).text() == "Kim's 11th corps men"
    unit = table.cellWidget(row, 1)
    choose(unit, "kpa-contingent-kursk")
    click(window.save_aliases_button)
    assert "saved" in window.units_message.text()
    assert AliasTable.load().unit_for("Kim's 11th corps men") == "kpa-contingent-kursk"
    assert any(p.is_file() for p in profile.rglob("*")), "in the analyst's own file"
    table.setCurrentCell(row, 0)
    click(window.remove_alias_button)
    click(window.save_aliases_button)
    assert AliasTable.load().unit_for("Kim's 11th corps men") is None


def test_the_dialog_fits_a_1366x768_screen(dialog, colleague):
    window, _store = dialog
    type_path(window, colleague)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 80, hint  # room for QGIS's title bar and a panel
    window.resize(1366, 688)
    QApplication.processEvents()
    window._fit_splitter()
    QApplication.processEvents()
    assert window.mapping_table.horizontalScrollBar().maximum() == 0, "the mapping never scrolls sideways"
    for button in (window.dry_run_button, window.import_button, window.close_button, window.save_button):
        corner = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(corner), button.text()
    rows_shown = window.preview_table.viewport().height() // window.preview_table.rowHeight(0)
    assert rows_shown >= 5
    assert window.report_table.viewport().height() >= 5 * window.fontMetrics().lineSpacing()


# --- the Sightings tab's Import and Export ---------------------------------------------------------------

@pytest.fixture
def tab(qgis_iface, qgis_new_project, tmp_path, profile, flush):
    from kpa_tracker.ui.controllers.sighting_exchange import SightingExchangeController
    from kpa_tracker.ui.controllers.sightings import SightingsController
    from kpa_tracker.ui.panels.sightings import SightingsPanel

    gpkg = tmp_path / "ws.gpkg"
    panel = SightingsPanel()
    connections = ConnectionRegistry()
    sightings = SightingsController(qgis_iface, panel, connections, gpkg_path=gpkg)
    panel.start.setDate(QDate(2024, 1, 1))
    exchange = SightingExchangeController(qgis_iface, panel, connections, sightings.refresh,
                                          store=lambda: GpkgStore(gpkg))
    yield panel, exchange, GpkgStore(gpkg)
    exchange.unload()
    connections.disconnect_all()
    sightings.unload()
    wait_until(lambda: not [t for t in QgsApplication.taskManager().activeTasks()])
    panel.deleteLater()
    flush()


def test_import_from_the_tab_refreshes_its_list_and_one_dialog_is_raised(tab, tmp_path, colleague):
    panel, exchange, store = tab
    assert hasattr(panel, "importRequested"), "the Sightings tab has an Import button"
    panel.importRequested.emit()
    dialog = exchange.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    panel.importRequested.emit()
    assert exchange.dialog is dialog, "one dialog, raised again"
    type_path(dialog, colleague)
    dialog.rejected_file.lineEdit().setText(str(tmp_path / "rejected.csv"))
    report = run_and_wait(dialog, dialog.import_button)
    assert report.accepted == 3 and store.counts()[0] == 3
    assert panel.table.rowCount() == 3, "the tab's list was refreshed"
    assert panel.message.text().startswith("Imported 3 sightings")


def test_export_writes_a_file_that_reads_back(tab, tmp_path, monkeypatch, colleague):
    panel, exchange, store = tab
    dialog = exchange.open_import(colleague)
    run_and_wait(dialog, dialog.import_button)
    assert store.counts()[0] == 3
    for suffix in (".geojson", ".csv", ".kml"):
        out = tmp_path / "export" / ("sightings" + suffix)
        task = exchange.export(out)
        assert task is not None
        wait_until(lambda: exchange.export_task is None)
        assert out.is_file() and not out.with_name(out.name + ".part").exists()
        _columns, rows = read_rows(out)
        assert len(rows) == 3, suffix
        assert "Exported 3 sightings" in panel.message.text()
    # Export from the tab's button: the file dialog's answer without an extension takes the chosen format's.
    from kpa_tracker.ui.controllers import sighting_exchange

    chosen = tmp_path / "export" / "from-the-button"
    monkeypatch.setattr(sighting_exchange.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: (str(chosen), "CSV (*.csv)")))
    assert hasattr(panel, "exportRequested"), "the Sightings tab has an Export button"
    panel.exportRequested.emit()
    wait_until(lambda: exchange.export_task is None)
    assert len(read_rows(chosen.with_suffix(".csv"))[1]) == 3


def test_unload_closes_the_dialog_and_disconnects(tab):
    panel, exchange, _store = tab
    dialog = exchange.open_import()
    assert dialog.isVisible()
    exchange.unload()
    assert exchange.dialog is None and not dialog.isVisible()
    panel.importRequested.emit()
    assert exchange.dialog is None, "no longer wired"


def test_a_file_that_cannot_be_read_is_a_plain_sentence(dialog, tmp_path, colleague):
    window, _store = dialog
    empty = tmp_path / "<b>empty.csv"
    empty.write_text("", encoding="utf-8")
    type_path(window, empty)
    assert window.preview is None
    assert "empty" in window.message.text() and "<b>empty.csv" in window.message.text()
    assert window.message.textFormat() == Qt.TextFormat.PlainText
    assert not window.dry_run_button.isEnabled() and not window.import_button.isEnabled()
    shutil.copy(str(colleague), str(tmp_path / "fine.csv"))
    type_path(window, tmp_path / "fine.csv")
    assert window.preview is not None and window.dry_run_button.isEnabled()
