# Run inside QGIS desktop (qgis --code) by the screen test, on an Xvfb screen of a
# laptop's or a desktop's size. With the main window maximised, it opens every dock
# tab, the sighting form, the team conflict dialog and the plugin's Options page,
# and records for each: its frame, whether it lies on the screen, and where every
# visible button is. Screenshots of the whole screen go to KPA_SCREENS_DIR.
import json
import os
import traceback

import qgis.utils
from qgis.PyQt.QtCore import QDateTime, QEvent, QRect, QTimer
from qgis.PyQt.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QDialog, QTableView, QTabWidget

PLUGIN = "kpa_tracker"
OUT = os.environ.get("KPA_SCREENS_DIR", "")


def _flush(rounds=5):
    for _ in range(rounds):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _screen():
    return QApplication.primaryScreen().availableGeometry()


def _global_rect(widget):
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return QRect(top_left, widget.size())


def _rect(rect):
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _in_scroll_area(child, window):
    parent = child.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _describe(widget, name):
    """The widget's frame and every visible button in it, with whether each lies on the screen."""
    screen = _screen()
    frame = widget.frameGeometry() if widget.isWindow() else _global_rect(widget)
    buttons = []
    for button in widget.findChildren(QAbstractButton):
        # Buttons inside a scroll area (a form's fields, a list of choices) are reached by scrolling:
        # only the window's own buttons must lie on the screen.
        if _in_scroll_area(button, widget):
            continue
        if button.isVisibleTo(widget) and button.isVisible() and button.text().strip():
            rect = _global_rect(button)
            buttons.append({"text": button.text().replace("&", ""), "rect": _rect(rect),
                            "on_screen": screen.contains(rect)})
    shot = ""
    if OUT:
        shot = os.path.join(OUT, name + ".png")
        QApplication.primaryScreen().grabWindow(0).save(shot)
    return {"frame": _rect(frame), "screen": _rect(screen), "fits": screen.contains(frame),
            "buttons": buttons, "screenshot": shot}


def _dock_tabs(plugin, result):
    dock = plugin.dock
    dock.show()
    dock.raise_()
    _flush()
    for index in range(dock.tabs.count()):
        dock.tabs.setCurrentIndex(index)
        _flush()
        name = "dock_" + dock.tabs.tabText(index).replace("&", "").lower().replace(" ", "_")
        result[name] = _describe(dock, name)


def _sighting_form(plugin, result):
    controller = plugin.sightings
    dock = plugin.dock
    dock.show_page(dock.sightings_panel)
    dialog = controller.add_at(35.270556, 51.191389)
    if dialog is None:
        result["sighting_form"] = {"error": controller.panel.message.text()}
        return
    _flush()
    described = _describe(dialog, "sighting_form")
    tabs = dialog.findChild(QTabWidget)
    described["tabs"] = [tabs.tabText(i) for i in range(tabs.count())] if tabs is not None else []
    if tabs is not None and "Sources" in described["tabs"]:
        tabs.setCurrentIndex(described["tabs"].index("Sources"))
        _flush()
        if OUT:
            QApplication.primaryScreen().grabWindow(0).save(os.path.join(OUT, "sighting_form_sources.png"))
    described["source_columns"] = []
    for view in dialog.findChildren(QTableView):
        if view.isVisible() and view.model() is not None:
            model = view.model()
            described["source_columns"].append(
                [str(model.headerData(c, 1)) for c in range(model.columnCount()) if not view.isColumnHidden(c)])
    result["sighting_form"] = described
    dialog.reject()
    _flush()


def _conflict_dialog(result):
    from kpa_tracker.core.team.versioning import Conflict, FieldConflict
    from kpa_tracker.ui.dialogs.conflict import ConflictDialog

    when = QDateTime.currentDateTimeUtc()
    conflicts = [
        Conflict(fid, "sighting-{}".format(fid), 3, 4, "analyst.b", when, fields=[
            FieldConflict("description", "Column of trucks at Sudzha", "Column of trucks and two BMPs at Sudzha",
                          "Column of trucks at Sudzha, seen from the south"),
            FieldConflict("info_credibility", 3, 2, 3),
            FieldConflict("claim_status", "reported", "assessed", "reported"),
        ]) for fid in (1, 2, 3)]
    from kpa_tracker.ui.screen import fit_on_screen

    dialog = ConflictDialog(conflicts, qgis.utils.iface.mainWindow())
    dialog.show()
    fit_on_screen(dialog)  # as the plugin shows it (ui/team_conflicts.py)
    _flush()
    result["conflict_dialog"] = _describe(dialog, "conflict_dialog")
    dialog.reject()
    dialog.deleteLater()
    _flush()


def _options_page(result):
    def read_and_close():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() \
                    and widget.metaObject().className() == "QgsOptions":
                _flush()
                result["options_page"] = _describe(widget, "options_page")
                widget.reject()
                return
        QTimer.singleShot(200, read_and_close)

    QTimer.singleShot(500, read_and_close)
    qgis.utils.iface.showOptionsDialog(qgis.utils.iface.mainWindow(), "KpaOptionsPage")
    _flush()


def _check():
    result = {}
    try:
        window = qgis.utils.iface.mainWindow()
        # Xvfb runs no window manager, so showMaximized() does nothing: give the window the whole screen.
        window.setGeometry(_screen())
        window.showMaximized()
        _flush()
        plugin = qgis.utils.plugins[PLUGIN]
        result["main_window"] = _rect(window.frameGeometry())
        _dock_tabs(plugin, result)
        _sighting_form(plugin, result)
        _conflict_dialog(result)
        _options_page(result)
    except Exception:  # reported to the test, which fails on it
        result["exception"] = traceback.format_exc()
    with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    QApplication.instance().exit(0)


QTimer.singleShot(2500, _check)
