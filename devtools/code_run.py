# Run inside QGIS desktop by `make run` (qgis --code): open the plugin's dock,
# load the curated layers and, when asked to (no display), save a screenshot of
# the main window and quit.
import json
import os

import qgis.utils
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication


def _finish():
    window = qgis.utils.iface.mainWindow()
    # Xvfb runs no window manager, so QGIS keeps its own default size: give it the whole screen.
    window.setGeometry(QApplication.primaryScreen().geometry())
    result = {"active_plugins": list(qgis.utils.active_plugins)}
    action = window.findChild(QAction, "KpaTrackerDockAction")
    if action is not None and not action.isChecked():
        action.trigger()
    result["dock_action_found"] = action is not None
    QTimer.singleShot(800, lambda: _load(result))


def _load(result):
    # After the dock has taken its place, so the map is framed on the canvas's final size.
    window = qgis.utils.iface.mainWindow()
    plugin = qgis.utils.plugins.get("kpa_tracker")
    if plugin is not None and os.environ.get("KPA_LOAD_LAYERS", "1") == "1":
        outcome = plugin.catalogue.load(plugin.dock.default_layer_ids())
        result["loaded_layers"] = [layer.name() for layer in outcome.loaded]
        result["load_problems"] = outcome.problems
    screenshot = os.environ.get("KPA_SCREENSHOT")

    def grab():
        try:
            _grab(plugin, window, result, screenshot)
        finally:  # an error in a scenario must not leave QGIS waiting for the time-out
            with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
                json.dump(result, out)
            if os.environ.get("KPA_QUIT") == "1":
                QApplication.instance().exit(0)

    QTimer.singleShot(int(os.environ.get("KPA_SETTLE_MS", "4000")), grab)


def _grab(plugin, window, result, screenshot):
    extent = os.environ.get("KPA_EXTENT")  # "west,south,east,north" in degrees
    if extent:
        _zoom_to(*[float(v) for v in extent.split(",")])
    day = os.environ.get("KPA_DATE")  # yyyy-mm-dd: the Temporal Controller shows that day
    if day:
        result["date"] = _show_day(day)
    scenario = os.environ.get("KPA_SCENARIO")
    if scenario == "measure" and plugin is not None:
        result["scenario"] = _measure(plugin)
    if scenario == "rings" and plugin is not None:
        result["scenario"] = _rings(plugin)
    if scenario == "route" and plugin is not None:
        result["scenario"] = _route(plugin)
    if scenario == "network" and plugin is not None:
        result["scenario"] = _network(plugin)
    if scenario == "sightings" and plugin is not None:
        result["scenario"] = _sightings(plugin)
    if scenario == "team" and plugin is not None:
        result["scenario"] = _team(plugin)
    if scenario == "timeline" and plugin is not None:
        result["scenario"] = _timeline(plugin, day or "2025-03-13")
    if scenario == "charts" and plugin is not None:
        result["scenario"] = _charts(plugin, day or "2025-03-13")
    if scenario == "import" and plugin is not None:
        result["scenario"] = _import(plugin)
    if screenshot:
        canvas = qgis.utils.iface.mapCanvas()
        canvas.refreshAllLayers()
        canvas.waitWhileRendering()
        QApplication.processEvents()
        result["screenshot"] = screenshot
        # The import dialog is a window of its own: the screen shows it over QGIS.
        shot = QApplication.primaryScreen().grabWindow(0) if scenario == "import" else window.grab()
        result["screenshot_saved"] = shot.save(screenshot)


def _show_day(day):
    """QGIS's own Temporal Controller on one day (a fixed range), as an analyst would set it."""
    from qgis.core import QgsDateTimeRange, QgsTemporalNavigationObject
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    date = QDate.fromString(day, "yyyy-MM-dd")
    frame = QgsDateTimeRange(QDateTime(date, QTime(0, 0)), QDateTime(date, QTime(23, 59, 59)))
    controller = qgis.utils.iface.mapCanvas().temporalController()
    controller.setNavigationMode(QgsTemporalNavigationObject.FixedRange)
    controller.setTemporalExtents(frame)
    qgis.utils.iface.mapCanvas().setTemporalRange(frame)
    from qgis.PyQt.QtWidgets import QDockWidget
    for dock in qgis.utils.iface.mainWindow().findChildren(QDockWidget):
        if "Temporal" in dock.objectName():
            dock.show()  # the date the map is drawn for, where the analyst sets it
    return day


def _timeline(plugin, day):
    """The Timeline tab on a day (KPA_DATE, else 13 March 2025) by week, with the first event of the
    week chosen in the list: the map goes to it and its sources show below."""
    import datetime

    from qgis.PyQt.QtWidgets import QDockWidget

    panel = plugin.dock.timeline_panel
    plugin.dock.show_page(panel)
    panel.step.setCurrentIndex(panel.step.findData("week"))
    plugin.timeline.set_date(datetime.date.fromisoformat(day))
    listed = panel.listed_ids()
    wanted = os.environ.get("KPA_EVENT")  # an event id; else the first of the week
    chosen = wanted if wanted in listed else (listed[0] if listed else None)
    if chosen:
        panel.select_event(chosen)
    for dock in qgis.utils.iface.mainWindow().findChildren(QDockWidget):
        if "temporal" in dock.objectName().lower():
            dock.show()  # QGIS's own controller, in step with the tab
    QApplication.processEvents()
    navigation = qgis.utils.iface.mapCanvas().temporalController()
    shown = navigation.dateTimeRangeForFrameNumber(navigation.currentFrameNumber())
    return {"date": panel.date_label.text(), "window": panel.window_label.text(), "events": listed,
            "chosen": chosen, "message": panel.message.text(),
            "qgis_frame": [shown.begin().toString("yyyy-MM-dd"), shown.end().toString("yyyy-MM-dd")],
            "title_decoration_found": plugin.timeline.title.decoration() is not None}


def _charts(plugin, day):
    """The timeline on a day (KPA_DATE, else 13 March 2025), then the Charts tab (KPA_CHART: front_area,
    estimates or events_per_week) with the date marked."""
    import datetime

    plugin.timeline.set_date(datetime.date.fromisoformat(day))
    panel = plugin.dock.charts_panel
    plugin.dock.show_page(panel)
    QApplication.processEvents()
    kind = os.environ.get("KPA_CHART", "front_area")
    if panel.available:
        panel.kind.setCurrentIndex(panel.kind.findData(kind))
    QApplication.processEvents()
    return {"available": panel.available, "kind": panel.current_kind(),
            "as_of": str(plugin.charts.as_of), "caption": panel.caption.text() if panel.available else ""}


def _import(plugin):
    """The Sightings tab's Import on a colleague's spreadsheet (the dialog test's fixture, copied to a folder
    of its own): the preview, the guessed mapping with the place-name column and two defaults chosen, then a
    dry run whose report stays showing. Nothing is written."""
    import shutil
    import tempfile
    import time
    from pathlib import Path

    from kpa_tracker.core.sightings import store as sightings_backend

    sightings_backend.choose(sightings_backend.LOCAL)
    plugin.dock.show_page(plugin.dock.sightings_panel)
    folder = Path(tempfile.mkdtemp(prefix="kpa-import-"))
    source = Path(os.environ["KPA_SOURCE_ROOT"]) / "kpa_tracker" / "tests" / "imports" / "data" / "dialog_colleague.csv"
    path = folder / "colleague-sightings.csv"
    shutil.copy(str(source), str(path))
    panel = plugin.dock.sightings_panel
    if hasattr(panel, "importRequested"):
        panel.importRequested.emit()  # as the tab's Import button does
    dialog = plugin.exchange.open_import(path)
    QApplication.processEvents()
    for target, column in (("location_name", "where_seen"),):
        dialog.set_column(target, column)
    dialog.set_default("source_reliability", "C")
    dialog.set_default("claim_status", "reported")
    before = plugin.exchange.store().counts()
    dialog.run(dry_run=True)
    deadline = time.monotonic() + 60
    while dialog.running and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    for _ in range(5):  # the report's rows take their height once shown
        QApplication.processEvents()
    dialog.raise_()
    report = dialog.report
    return {"message": dialog.message.text(), "preview_rows": dialog.preview_table.rowCount(),
            "mapping": dialog.current_mapping(), "report_rows": dialog.report_table.rowCount(),
            "counts": [report.accepted, report.rejected, report.duplicates] if report is not None else None,
            "store_unchanged": plugin.exchange.store().counts() == before,
            "dialog_size": [dialog.width(), dialog.height()]}


def _measure(plugin):
    """Measure from Chongjin (an embarkation port) to Sudzha with real mouse events on the canvas."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt
    from qgis.PyQt.QtGui import QMouseEvent

    canvas = qgis.utils.iface.mapCanvas()
    # As an analyst starts it: the dock closed on another tab, then the toolbar's ruler.
    plugin.dock.show_page(plugin.dock.route_panel)
    plugin.dock.hide()
    QApplication.processEvents()
    plugin.measure_action.trigger()
    QApplication.processEvents()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       canvas.mapSettings().destinationCrs(), QgsProject.instance())

    def send(kind, lonlat, button=Qt.MouseButton.NoButton):
        pixel = canvas.getCoordinateTransform().transform(transform.transform(QgsPointXY(*lonlat)))
        position = QPoint(int(pixel.x()), int(pixel.y()))
        buttons = button if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
        QApplication.sendEvent(canvas.viewport(), QMouseEvent(kind, position, button, buttons,
                                                              Qt.KeyboardModifier.NoModifier))

    for lonlat in ((129.8204, 41.7816), (131.885278, 43.115)):  # Chongjin, then Vladivostok
        send(QEvent.Type.MouseMove, lonlat)
        send(QEvent.Type.MouseButtonPress, lonlat, Qt.MouseButton.LeftButton)
        send(QEvent.Type.MouseButtonRelease, lonlat, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseMove, (35.270556, 51.191389))  # the cursor on Sudzha: the live readout
    return {"dock_visible": plugin.dock.isVisible(),
            "page_is_measure": plugin.dock.tabs.currentWidget().widget() is plugin.dock.measure_panel,
            "floating": plugin.measure.tool.floating.text(), "text": plugin.measure.text()}


def _rings(plugin):
    """Range rings of 10, 25 and 40 km around Sudzha with the line of contact of 20 December 2024, typed in
    the Measure page; the distance from Sudzha to that line below them."""
    import datetime

    if not os.environ.get("KPA_EXTENT"):
        _zoom_to(34.45, 50.72, 36.1, 51.66)
    if not os.environ.get("KPA_DATE"):
        _show_day("2024-12-20")
    panel = plugin.dock.measure_panel
    plugin.dock.bring_up(panel)
    panel.centre.setText("Sudzha")
    panel.radii.setText("10, 25, 40")
    panel.add_rings_button.click()
    panel.front_date.setDate(panel.front_date.date().fromString("2024-12-20", "yyyy-MM-dd"))
    plugin.measure_action.setChecked(True)
    qgis.utils.iface.mapCanvas().setMapTool(plugin.measure.tool)
    plugin.measure.measure_to_front(35.270556, 51.191389, datetime.date(2024, 12, 20), "Sudzha")
    area = panel.parentWidget().parentWidget()  # the page's scroll area: the rings and the result in view
    area.ensureWidgetVisible(panel.front_result)
    return {"rings": panel.rings_result.text(), "front": panel.front_result.text()}


def _network(plugin):
    """The curated transport network over the DPRK east coast, Khasan and Peter the Great Gulf (KPA_EXTENT
    to frame another part): the rail lines to Tumangang and the sea legs drawn along the water."""
    from qgis.core import QgsProject

    plugin.catalogue.load(["network", "bases"])
    root = QgsProject.instance().layerTreeRoot()
    hidden = []
    for layer in QgsProject.instance().mapLayers().values():  # the network alone over the base map
        if layer.name() in ("Movements", "Events", "Unit positions", "Units", "Estimates (strength, casualties, area held)"):
            node = root.findLayer(layer.id())
            if node is not None:
                node.setItemVisibilityChecked(False)
                hidden.append(layer.name())
    if not os.environ.get("KPA_EXTENT"):
        _zoom_to(127.3, 39.6, 132.3, 43.4)
    return {"network": True, "hidden": hidden}


def _route(plugin):
    """Route from the garrison at Tokchon to the Kursk front, chosen from the dock's lists, with the
    network shown, the dwell rows in the legs and the map framed on the route."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    from qgis.PyQt.QtWidgets import QDockWidget

    for dock in qgis.utils.iface.mainWindow().findChildren(QDockWidget):  # left open by another scenario
        if dock.windowTitle() == "Temporal Controller":
            dock.hide()
    plugin.catalogue.load(["network"])
    panel = plugin.dock.route_panel
    plugin.dock.show_page(panel)
    plugin.route.choose(0, "tokchon-garrison")
    plugin.route.choose(-1, "kpa-contingent-kursk")
    route = plugin.route.result
    if route is not None:
        canvas = qgis.utils.iface.mapCanvas()
        box = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(),
                                     QgsProject.instance()).transformBoundingBox(route.geometry().boundingBox())
        box.grow(max(box.width(), box.height()) * 0.05)
        canvas.setExtent(box)
        canvas.refresh()
        canvas.waitWhileRendering()
    QApplication.processEvents()
    legs = [(leg.mode, leg.from_name, leg.to_name, round(leg.km), round(leg.hours, 1), leg.dwell_what,
             leg.dwell_hours) for leg in route.legs] if route else None
    return {"summary": panel.result.text(), "message": panel.message.text(), "legs": legs,
            "moving_h": route.moving_hours if route else None, "dwell_h": route.dwell_hours if route else None,
            "unloading_h": route.unloading_hours if route else None, "days": route.days if route else None,
            "leg_column": [panel.legs.horizontalHeader().sectionSize(c) for c in range(4)],
            "legs_viewport": panel.legs.viewport().width()}


def _sightings(plugin):
    """Demo sightings on the map with the Temporal Controller at December 2024, then a new sighting
    typed in the dock and saved through the form (its screenshot goes to KPA_FORM_SCREENSHOT)."""
    import sys
    from pathlib import Path

    from qgis.core import QgsDateTimeRange, QgsInterval, QgsTemporalNavigationObject, QgsUnitTypes
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt
    from qgis.PyQt.QtWidgets import QDialogButtonBox, QDockWidget, QLabel

    sys.path.insert(0, os.environ["KPA_SOURCE_ROOT"])  # --code scripts have no __file__
    from devtools.demo_sightings import demo_items
    from kpa_tracker.core.sightings import gpkg_store as S
    from kpa_tracker.core.project.layers import find_loaded
    from qgis.core import QgsProject

    from kpa_tracker.core.sightings import store as sightings_backend

    sightings_backend.choose(sightings_backend.LOCAL)
    controller = plugin.sightings
    gpkg = controller.store().path()
    if S.count_sightings(gpkg)[0] == 0 if Path(gpkg).exists() else True:
        S.add_sightings(gpkg, demo_items())
    before = S.count_sightings(gpkg)
    plugin.dock.show_page(plugin.dock.sightings_panel)
    controller.show_layer()
    controller.panel.start.setDate(QDate(2024, 9, 1))
    controller.refresh()

    navigation = qgis.utils.iface.mapCanvas().temporalController()
    utc = Qt.TimeSpec.UTC
    navigation.setNavigationMode(QgsTemporalNavigationObject.NavigationMode.Animated)
    navigation.setTemporalExtents(QgsDateTimeRange(QDateTime(QDate(2024, 9, 1), QTime(0, 0), utc),
                                                   QDateTime(QDate(2025, 6, 1), QTime(0, 0), utc)))
    navigation.setFrameDuration(QgsInterval(1, QgsUnitTypes.TemporalMonths))
    navigation.setTemporalRangeCumulative(True)  # everything seen up to the frame's month
    navigation.setCurrentFrameNumber(3)  # December 2024
    for dock in qgis.utils.iface.mainWindow().findChildren(QDockWidget):
        if "temporal" in dock.objectName().lower():
            dock.show()

    form_screenshot = os.environ.get("KPA_FORM_SCREENSHOT")
    controller.panel.coordinates.setText("51°11′29″N 35°16′14″E")
    parsed = controller.panel.parsed.text()
    dialog = controller.add_at_text(controller.panel.coordinates.text())
    if dialog is None:
        return {"error": controller.panel.message.text()}
    form = dialog.attributeForm()
    form.changeAttribute("unit_id", "kpa-contingent-kursk")
    form.changeAttribute("unit_as_reported", "North Korean soldiers")
    form.changeAttribute("observed_at", QDateTime(QDate(2024, 12, 20), QTime(8, 0), utc))
    form.changeAttribute("source_reliability", "B")
    form.changeAttribute("info_credibility", 2)
    form.changeAttribute("claim_status", "confirmed")  # on one source: the form warns
    form.changeAttribute("description", "Demo entry made by `make run` to show the form; not an observation.")
    _sightings_layer, sources = controller.layers()
    source = sources.fields()
    from qgis.core import QgsGeometry, QgsVectorLayerUtils
    from kpa_tracker.core.curated import data as curated
    cited = next(f for f in curated.load_cached()[1].features["units"] if f.id == "kpa-contingent-kursk").sources[0]
    values = {source.indexOf("sighting_id"): form.currentFormFeature()["sighting_id"],
              source.indexOf("url"): cited.url, source.indexOf("publisher"): cited.publisher,
              # a slip of the year (2026 for 2024), added behind the sources form's back: the validator refuses
              # it at OK, and the form reopens with the reason inside it
              source.indexOf("published_at"): "2026-12-20"}
    sources.addFeature(QgsVectorLayerUtils.createFeature(sources, QgsGeometry(), values,
                                                         sources.createExpressionContext()))
    QApplication.processEvents()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    outcome = {"parsed": parsed, "ok_enabled": ok.isEnabled(), "before": before}
    ok.click()
    QApplication.processEvents()
    dialog = controller.dialog
    outcome["refused"] = controller.panel.message.text()
    if dialog is not None:
        status = dialog.findChild(QLabel, "KpaSightingFormStatus")
        outcome["form_status"] = status.text() if status is not None else None
        if form_screenshot:
            dialog.raise_()
            QApplication.processEvents()
            outcome["form_screenshot_saved"] = dialog.grab().save(form_screenshot)
        for feature in sources.getFeatures():
            if feature["published_at"] == "2026-12-20":
                sources.changeAttributeValue(feature.id(), sources.fields().indexOf("published_at"),
                                             cited.date if len(cited.date) == 10 else None)
        QApplication.processEvents()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        QApplication.processEvents()
    outcome["after"] = S.count_sightings(gpkg)
    outcome["message"] = controller.panel.message.text()
    navigation.setCurrentFrameNumber(3)
    # The curated units and bases stand where the demo sightings are: hide them, so the map shows sightings.
    root = QgsProject.instance().layerTreeRoot()
    for layer_id in ("units", "bases", "unit_positions"):
        layer = find_loaded(QgsProject.instance(), layer_id)
        if layer is not None:
            root.findLayer(layer.id()).setItemVisibilityChecked(False)
    sightings_node = root.findLayer(_sightings_layer.id())
    sightings_node.setExpanded(True)
    extent = os.environ.get("KPA_EXTENT")
    if extent:  # the scenario's form moved nothing, but the list's click below must not reframe the map
        _zoom_to(*[float(v) for v in extent.split(",")])
    table = controller.panel.table
    table.setCurrentCell(-1, -1)
    choose = os.environ.get("KPA_SIGHTING_ROW", "1") == "1"  # 0: leave the map as framed (the theatre)
    for row, record in enumerate(controller.records if choose else []):  # the new sighting chosen in the list: selected, details
        if record.observed_at and record.observed_at.strftime("%Y-%m-%d") == "2024-12-20":
            table.setCurrentCell(row, 0)
            break
    outcome["selected"] = _sightings_layer.selectedFeatureCount()
    outcome["details"] = controller.panel.details.toPlainText()[:600]
    outcome["scale"] = round(qgis.utils.iface.mapCanvas().scale())
    return outcome


def _team(plugin):
    """The team workspace against the throwaway server devtools/run.py started: a QGIS connection with an
    authentication configuration, demo sightings, a conflict (its dialog to KPA_CONFLICT_SCREENSHOT) and the
    settings page (to KPA_OPTIONS_SCREENSHOT)."""
    import sys

    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

    sys.path.insert(0, os.environ["KPA_SOURCE_ROOT"])
    from devtools.demo_sightings import demo_items
    from kpa_tracker.core.sightings import store as sightings_backend
    from kpa_tracker.core.team import connection as team_db
    from kpa_tracker.core.team import store as team_store

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword("kpa-make-run-demo", True)
    name = "KPA team (demo server)"
    login, password = os.environ["KPA_TEAM_ANALYST"].split(":", 1)
    config = QgsAuthMethodConfig("Basic")
    config.setName("KPA team: " + login)
    config.setConfig("username", login)
    config.setConfig("password", password)
    manager.storeAuthenticationConfig(config)
    uri = QgsDataSourceUri()
    uri.setConnection(os.environ["KPA_TEAM_HOST"], os.environ["KPA_TEAM_PORT"], os.environ["KPA_TEAM_DB"], "", "",
                      QgsDataSourceUri.SslMode.SslDisable, config.id())
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), name)
    sightings_backend.choose(sightings_backend.TEAM, name)

    conn = team_db.connect(name)
    try:
        records = team_store.add_sightings(conn, demo_items())
    finally:
        conn.close()
    plugin.dock.show_page(plugin.dock.sightings_panel)
    controller = plugin.sightings
    layer = controller.show_layer()
    controller.refresh()
    outcome = {"team_sightings": len(records), "layer_source_has_password": password in layer.source()}

    # I edit a sighting while I (in another session) rewrite its description and a reviewer then reviews it.
    target = next(r for r in records if r.unit_id == "kpa-contingent-kursk")
    fid = next(f.id() for f in layer.getFeatures() if f["sighting_id"] == target.sighting_id)
    layer.startEditing()
    layer.changeAttributeValue(fid, layer.fields().indexOf("description"),
                               "Seen at Sudzha: column of trucks (demo edit)")
    layer.changeAttributeValue(fid, layer.fields().indexOf("info_credibility"), 2)
    for who, sql in (("ANALYST", "UPDATE kpa.sightings SET description = 'Demo: re-entered from the curated "
                                 "data, description rewritten in another session', "
                                 "row_version = row_version + 1 WHERE sighting_id = %s"),
                     ("REVIEWER", "UPDATE kpa.sightings SET review_status = 'reviewed', "
                                  "row_version = row_version + 1 WHERE sighting_id = %s")):
        user, secret = os.environ["KPA_TEAM_" + who].split(":", 1)
        other = team_db.connect_dsn("host={} port={} dbname={} user={} password={}".format(
            os.environ["KPA_TEAM_HOST"], os.environ["KPA_TEAM_PORT"], os.environ["KPA_TEAM_DB"], user, secret))
        with other.cursor() as cursor:
            cursor.execute(sql, (target.sighting_id,))
        other.commit()
        other.close()
    outcome["commit_refused"] = not layer.commitChanges(False)
    QApplication.processEvents()
    dialog = controller.conflict_dialog
    outcome["conflict_dialog"] = dialog is not None
    if dialog is not None and os.environ.get("KPA_CONFLICT_SCREENSHOT"):
        dialog.raise_()
        for _ in range(3):  # the dialog fits its rows once shown
            QApplication.processEvents()
        outcome["conflict_screenshot_saved"] = dialog.grab().save(os.environ["KPA_CONFLICT_SCREENSHOT"])
    if dialog is not None:
        dialog.accept()  # keep mine over their version
        QApplication.processEvents()
        conn = team_db.connect(name)
        try:
            outcome["after_resolve"] = [(r.description, r.review_status, r.info_credibility) for r in
                                        team_store.read_sightings(conn, "sighting_id = %s", (target.sighting_id,))]
        finally:
            conn.close()

    def grab_options():
        from qgis.PyQt.QtWidgets import QDialog

        from kpa_tracker.ui.dialogs.options_page import KpaOptionsPage

        options = QApplication.activeModalWidget()
        page = options.findChild(KpaOptionsPage) if options is not None else None
        outcome["options_page"] = page is not None
        if page is not None:
            from kpa_tracker.core.team import tasks as team_tasks

            team_tasks.wait_for(page.check())
            outcome["options_status"] = page.status.text()
            QApplication.processEvents()
            if os.environ.get("KPA_OPTIONS_SCREENSHOT"):
                outcome["options_screenshot_saved"] = options.grab().save(os.environ["KPA_OPTIONS_SCREENSHOT"])
        if isinstance(options, QDialog):
            options.reject()

    QTimer.singleShot(1500, grab_options)
    qgis.utils.iface.showOptionsDialog(qgis.utils.iface.mainWindow(), "KpaOptionsPage")
    layer.rollBack()
    # The demo server stops with this run: leave the profile on the local workspace.
    sightings_backend.choose(sightings_backend.LOCAL)
    metadata.deleteConnection(name)
    return outcome


def _zoom_to(west, south, east, north):
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject,
                           QgsRectangle)
    canvas = qgis.utils.iface.mapCanvas()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       canvas.mapSettings().destinationCrs(), QgsProject.instance())
    canvas.setExtent(transform.transformBoundingBox(QgsRectangle(west, south, east, north)))
    canvas.refresh()
    canvas.waitWhileRendering()


qgis.utils.iface.mainWindow().resize(1600, 1000)
qgis.utils.iface.mainWindow().move(0, 0)
QTimer.singleShot(500, _finish)
