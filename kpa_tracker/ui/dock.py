"""The plugin's dock panel."""

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..core.workspace import workspace_gpkg_path

DOCK_OBJECT_NAME = "KpaTrackerDock"


class KpaTrackerDock(QgsDockWidget):
    def __init__(self, parent=None):
        super().__init__("KPA Deployment Tracker", parent)
        self.setObjectName(DOCK_OBJECT_NAME)
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        intro = QLabel(
            "Curated, sourced layers and tools for the KPA deployment to Russia.", body
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.workspace_label = QLabel(body)
        self.workspace_label.setWordWrap(True)
        self.workspace_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.workspace_label.setText(
            "Your workspace: {}".format(workspace_gpkg_path(create_dir=False))
        )
        layout.addWidget(self.workspace_label)
        layout.addStretch(1)
        self.setWidget(body)
