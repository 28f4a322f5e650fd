"""The dock's Layers page: the catalogue of curated layers, load buttons, and the details of a selected feature."""

from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...toolbelt.i18n import tr
from ...toolbelt.workspace import workspace_gpkg_path

LAYER_ROLE = Qt.ItemDataRole.UserRole


class CataloguePanel(QWidget):
    """Widgets only: what the buttons do is wired by the plugin's catalogue controller."""

    loadRequested = pyqtSignal(list)  # catalogue layer ids
    zoomRequested = pyqtSignal(str)  # catalogue layer id
    resetFeatureRequested = pyqtSignal()
    resetLayerRequested = pyqtSignal(str)
    detailsPageRequested = pyqtSignal(int)  # -1 previous, +1 next of the selected features

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("KpaCataloguePanel")
        self._default_ids = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        heading = QLabel(tr("Curated layers"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)

        self.catalogue = QTreeWidget(self)
        self.catalogue.setObjectName("KpaCatalogue")
        self.catalogue.setHeaderHidden(True)
        self.catalogue.setToolTip(tr("Tick layers and load them; double-click a layer to load it and zoom to it."))
        self.catalogue.itemDoubleClicked.connect(self._on_double_click)

        buttons = QHBoxLayout()
        self.load_all_button = QPushButton(tr("Load all"), self)
        self.load_all_button.setObjectName("KpaLoadAll")
        self.load_all_button.setToolTip(tr("Load every offline layer of the catalogue (not online tiles)"))
        self.load_all_button.clicked.connect(lambda: self.loadRequested.emit(self.default_layer_ids()))
        self.load_checked_button = QPushButton(tr("Load ticked"), self)
        self.load_checked_button.setObjectName("KpaLoadChecked")
        self.load_checked_button.clicked.connect(lambda: self.loadRequested.emit(self.checked_layer_ids()))
        self.reset_layer_button = QPushButton(tr("Reset layer…"), self)
        self.reset_layer_button.setToolTip(
            tr("Put the selected curated layer's features back as shipped (features you added stay)"))
        self.reset_layer_button.clicked.connect(self._on_reset_layer)
        for button in (self.load_all_button, self.load_checked_button, self.reset_layer_button):
            buttons.addWidget(button)

        self.details = QTextBrowser(self)
        self.details.setObjectName("KpaDetails")
        self.details.setOpenExternalLinks(True)
        self.details.setPlaceholderText(tr("Select a feature of a curated layer (Select Features tool) "
                                           "to see its attributes and sources here."))
        # Several features selected (units stacked at one place): page through them.
        pager = QHBoxLayout()
        self.previous_button = QPushButton(tr("◀ Previous"), self)
        self.previous_button.setObjectName("KpaDetailsPrevious")
        self.previous_button.setToolTip(tr("The previous selected feature"))
        self.previous_button.clicked.connect(lambda: self.detailsPageRequested.emit(-1))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("KpaDetailsPage")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(tr("Next ▶"), self)
        self.next_button.setObjectName("KpaDetailsNext")
        self.next_button.setToolTip(tr("The next selected feature"))
        self.next_button.clicked.connect(lambda: self.detailsPageRequested.emit(1))
        pager.addWidget(self.previous_button)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next_button)
        self.pager = QWidget(self)
        self.pager.setLayout(pager)
        pager.setContentsMargins(0, 0, 0, 0)
        self.pager.setVisible(False)
        self.reset_feature_button = QPushButton(tr("Reset this feature to curated"), self)
        self.reset_feature_button.setEnabled(False)
        self.reset_feature_button.clicked.connect(self.resetFeatureRequested.emit)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.catalogue)
        top_layout.addLayout(buttons)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.pager)
        bottom_layout.addWidget(self.details)
        bottom_layout.addWidget(self.reset_feature_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([260, 300])
        layout.addWidget(splitter, 1)

        self.status = QLabel(self)
        self.status.setObjectName("KpaStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.workspace_label = QLabel(self)
        self.workspace_label.setWordWrap(True)
        self.workspace_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.workspace_label.setText(tr("Your workspace: {}").format(workspace_gpkg_path(create_dir=False)))
        small = QFont(self.workspace_label.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.workspace_label.setFont(small)
        layout.addWidget(self.workspace_label)

    # Catalogue --------------------------------------------------------------
    def set_catalogue(self, catalogue, refused_layer_ids=()):
        self.catalogue.clear()
        groups = {}
        for layer in catalogue:
            group = groups.get(layer.group)
            if group is None:
                group = QTreeWidgetItem(self.catalogue, [layer.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                groups[layer.group] = group
            title = layer.title + (tr("  (data refused, see log)") if layer.id in refused_layer_ids else "")
            item = QTreeWidgetItem(group, [title])
            item.setData(0, LAYER_ROLE, layer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if layer.default_load else Qt.CheckState.Unchecked)
            item.setToolTip(0, tr("Online: needs the internet") if layer.kind == "tiles" else layer.title)
        self.catalogue.expandAll()
        self._default_ids = [layer.id for layer in catalogue if layer.default_load]

    def layer_items(self):
        for group_index in range(self.catalogue.topLevelItemCount()):
            group = self.catalogue.topLevelItem(group_index)
            for child_index in range(group.childCount()):
                yield group.child(child_index)

    def checked_layer_ids(self):
        return [item.data(0, LAYER_ROLE) for item in self.layer_items()
                if item.checkState(0) == Qt.CheckState.Checked]

    def default_layer_ids(self):
        return list(self._default_ids)

    def selected_layer_id(self):
        item = self.catalogue.currentItem()
        return item.data(0, LAYER_ROLE) if item is not None else None

    def _on_double_click(self, item, _column):
        layer_id = item.data(0, LAYER_ROLE)
        if layer_id:
            self.zoomRequested.emit(layer_id)

    def _on_reset_layer(self):
        layer_id = self.selected_layer_id()
        if layer_id:
            self.resetLayerRequested.emit(layer_id)
        else:
            self.show_status(tr("Select a curated layer in the list first."))

    # Details ----------------------------------------------------------------
    def show_details(self, html_text: str, resettable: bool):
        self.details.setHtml(html_text)
        self.reset_feature_button.setEnabled(resettable)

    def set_details_page(self, index: int, count: int):
        """Which of the selected features the pane shows ("2 of 5"); no pager for one feature."""
        self.pager.setVisible(count > 1)
        self.page_label.setText(tr("{} of {} selected").format(index + 1, count))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)

    def clear_details(self):
        self.details.clear()
        self.reset_feature_button.setEnabled(False)
        self.pager.setVisible(False)

    def show_status(self, text: str):
        self.status.setText(text)
