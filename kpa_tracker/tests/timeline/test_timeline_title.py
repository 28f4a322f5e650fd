"""The date on the map: QGIS's Title Label decoration, configured in the project, its text a QGIS
expression of the map's own time; an analyst's own title comes back on unload."""

import datetime

from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSlot
from qgis.PyQt.QtWidgets import QWidget

from kpa_tracker.core.timeline import dates
from kpa_tracker.core.timeline.title import SCOPE, DateTitle

D = datetime.date


def _title_as_drawn(canvas):
    """The decoration's text as QGIS evaluates it when it draws the canvas (or an export of it)."""
    label, _ = QgsProject.instance().readEntry(SCOPE, "/Label", "")
    settings = canvas.mapSettings()
    context = QgsExpressionContext()
    context.appendScope(QgsExpressionContextUtils.mapSettingsScope(settings))
    return QgsExpression.replaceExpressionText(label, context)


def test_the_map_says_the_date_it_is_drawn_for_and_unload_puts_the_project_back(
        qgis_new_project, make_timeline, navigation, qgis_iface):
    project = QgsProject.instance()
    project.writeEntry(SCOPE, "/Label", "My own title")  # the analyst's, switched off
    project.writeEntry(SCOPE, "/Enabled", False)
    timeline = make_timeline()
    panel = timeline.panel
    assert project.readBoolEntry(SCOPE, "/Enabled", False)[0] is False  # nothing changes until the tab is used
    panel.step.setCurrentIndex(panel.step.findData(dates.DAY))
    timeline.set_date(D(2025, 3, 13))
    assert project.readBoolEntry(SCOPE, "/Enabled", False)[0] is True
    canvas = qgis_iface.mapCanvas()
    assert _title_as_drawn(canvas) == "Map drawn for 13 March 2025"
    panel.step.setCurrentIndex(panel.step.findData(dates.WEEK))
    assert _title_as_drawn(canvas) == "Map drawn for 11 Mar 2025 – 17 Mar 2025"
    navigation.next()  # QGIS's own controller: the title follows with no code of ours
    assert _title_as_drawn(canvas) == "Map drawn for 18 Mar 2025 – 24 Mar 2025"

    panel.title_box.setChecked(False)
    assert project.readEntry(SCOPE, "/Label", "")[0] == "My own title"
    assert project.readBoolEntry(SCOPE, "/Enabled", True)[0] is False
    panel.title_box.setChecked(True)
    assert project.readBoolEntry(SCOPE, "/Enabled", False)[0] is True
    timeline.unload()
    assert project.readEntry(SCOPE, "/Label", "")[0] == "My own title"
    assert project.readBoolEntry(SCOPE, "/Enabled", True)[0] is False
    assert project.readEntry(SCOPE, "/Placement", "")[1] is False  # what was not there is not left behind


def test_without_a_temporal_map_the_title_is_empty(qgis_new_project, make_timeline, navigation, qgis_iface):
    from kpa_tracker.ui.controllers.timeline import NAVIGATION_OFF

    timeline = make_timeline()
    timeline.set_date(D(2025, 3, 13))
    navigation.setNavigationMode(NAVIGATION_OFF)
    assert _title_as_drawn(qgis_iface.mapCanvas()) == ""


class QgsDecorationTitle(QObject):
    """Stands in for QGIS desktop's decoration of that class name (a class of the QGIS application, not
    of its libraries, so it cannot be made outside the desktop; `make run`'s timeline scenario finds the
    real one). It counts what the title asks of it."""

    def __init__(self, parent):
        super().__init__(parent)
        self.calls = []

    @pyqtSlot()
    def projectRead(self):  # noqa: N802 (QGIS's slot names)
        self.calls.append(("projectRead", QgsProject.instance().readBoolEntry(SCOPE, "/Enabled", False)[0]))

    @pyqtSlot()
    def update(self):
        self.calls.append(("update", None))


def test_the_decoration_rereads_the_project_only_when_the_title_changes(qgis_new_project):
    window = QWidget()
    decoration = QgsDecorationTitle(window)
    title = DateTitle(window)
    assert title.decoration() is decoration
    title.show("Map drawn for {}")
    assert decoration.calls == [("projectRead", True), ("update", None)]
    title.show("Map drawn for {}")  # every step of the slider: nothing to redraw twice
    assert len(decoration.calls) == 2
    title.hide()
    assert decoration.calls[2:] == [("projectRead", False), ("update", None)]
    title.hide()
    assert len(decoration.calls) == 4
