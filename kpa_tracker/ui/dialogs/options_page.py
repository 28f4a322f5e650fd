"""The plugin's page in QGIS's Options dialog: where sightings are kept (this computer or a team's PostGIS
database chosen from QGIS's own PostgreSQL connections) and copying sightings between the two."""

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ...core.sightings import store as sightings_backend
from ...core.team import connection as team_db
from ...toolbelt.icons import icon_path
from ...core.sightings.gpkg_store import SightingError
from ...core.team.connection import TeamError

PAGE_TITLE = "KPA Tracker"
AUTH_HELP = ("Credentials stay in QGIS's authentication manager: in the Data Source Manager, edit the PostgreSQL "
             "connection and under Authentication choose Configurations. The plugin never stores a password and "
             "writes none into projects; a connection that keeps its password in plain text is refused.")


class KpaOptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None, on_apply=None):
        super().__init__(parent)
        self.setObjectName("KpaOptionsPage")
        self.on_apply = on_apply
        layout = QVBoxLayout(self)
        where = QGroupBox("Where your sightings are kept", self)
        where_layout = QVBoxLayout(where)
        self.local = QRadioButton("On this computer, in your workspace GeoPackage (default)", where)
        self.local_path = QLabel(str(sightings_backend.LocalSightings().path()), where)
        self.local_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.local_path.setIndent(24)
        self.team = QRadioButton("In a team database (PostgreSQL with PostGIS), through this QGIS connection:",
                                 where)
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.local)
        self.kind.addButton(self.team)
        connection_row = QHBoxLayout()
        self.connection = QComboBox(where)
        self.connection.setObjectName("KpaTeamConnection")
        self.connection.setMinimumContentsLength(24)
        self.refresh_button = QPushButton("Refresh list", where)
        self.check_button = QPushButton("Check connection", where)
        connection_row.addSpacing(24)
        connection_row.addWidget(self.connection, 1)
        connection_row.addWidget(self.refresh_button)
        connection_row.addWidget(self.check_button)
        self.status = QLabel(where)
        self.status.setObjectName("KpaTeamStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # server messages are shown as they are
        self.status.setIndent(24)
        auth = QLabel(AUTH_HELP, where)
        auth.setWordWrap(True)
        auth.setIndent(24)
        auth.setStyleSheet("color: palette(mid);")
        for widget in (self.local, self.local_path, self.team):
            where_layout.addWidget(widget)
        where_layout.addLayout(connection_row)
        where_layout.addWidget(self.status)
        where_layout.addWidget(auth)
        layout.addWidget(where)

        move = QGroupBox("Copy sightings between them", self)
        move_layout = QVBoxLayout(move)
        buttons = QHBoxLayout()
        self.to_team_button = QPushButton("Copy my local sightings to the team database", move)
        self.to_local_button = QPushButton("Copy the team's sightings to this computer", move)
        buttons.addWidget(self.to_team_button)
        buttons.addWidget(self.to_local_button)
        move_layout.addLayout(buttons)
        self.transfer_result = QLabel("Sightings already there (the same sighting id) are skipped and counted; "
                                      "counts are checked after each copy.", move)
        self.transfer_result.setObjectName("KpaTransferResult")
        self.transfer_result.setWordWrap(True)
        self.transfer_result.setTextFormat(Qt.TextFormat.PlainText)
        move_layout.addWidget(self.transfer_result)
        layout.addWidget(move)
        layout.addStretch(1)

        self.refresh_button.clicked.connect(self.fill_connections)
        self.connection.currentTextChanged.connect(lambda _name: self._sync())
        self.check_button.clicked.connect(self.check)
        self.to_team_button.clicked.connect(lambda: self.transfer(sightings_backend.TEAM))
        self.to_local_button.clicked.connect(lambda: self.transfer(sightings_backend.LOCAL))
        self.kind.buttonToggled.connect(lambda *_args: self._sync())
        self.fill_connections()
        current = sightings_backend.current()
        (self.team if current.kind == sightings_backend.TEAM else self.local).setChecked(True)
        self._sync()

    def fill_connections(self):
        chosen = self.connection.currentText() or sightings_backend.current_connection_name()
        self.connection.clear()
        names = team_db.connection_names()
        self.connection.addItems(names)
        if chosen in names:
            self.connection.setCurrentText(chosen)
        if not names:
            self.status.setText("QGIS has no PostgreSQL connection yet: add one in the Data Source Manager "
                                "(Layer ▸ Data Source Manager ▸ PostgreSQL), with an authentication configuration.")
        if hasattr(self, "kind"):
            self._sync()

    def _sync(self):
        team = self.team.isChecked()
        has_connection = self.connection.count() > 0
        for widget in (self.connection, self.refresh_button):
            widget.setEnabled(team)
        self.check_button.setEnabled(team and has_connection)
        for widget in (self.to_team_button, self.to_local_button):
            widget.setEnabled(has_connection and bool(self.connection.currentText()))

    def check(self):
        from ...core.team.status import team_status

        try:
            self.status.setText(str(team_status(self.connection.currentText())))
        except TeamError as exc:
            self.status.setText(str(exc))

    def transfer(self, direction):
        from ...core.team import transfer as team_transfer

        local = sightings_backend.LocalSightings().path()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            conn = team_db.connect(self.connection.currentText())
            try:
                report = (team_transfer.to_team(local, conn) if direction == sightings_backend.TEAM
                          else team_transfer.to_local(conn, local))
            finally:
                conn.close()
        except (TeamError, SightingError) as exc:
            self.transfer_result.setText("Nothing was copied: {}".format(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.transfer_result.setText(str(report))
        return report

    def apply(self):
        kind = sightings_backend.TEAM if self.team.isChecked() and self.connection.currentText() \
            else sightings_backend.LOCAL
        sightings_backend.choose(kind, self.connection.currentText())
        if self.on_apply is not None:
            self.on_apply()


class KpaOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self, on_apply=None):
        super().__init__(PAGE_TITLE, QIcon(icon_path("kpa_tracker.svg")))
        self.on_apply = on_apply

    def createWidget(self, parent):  # noqa: N802 (QGIS calls it by this name)
        return KpaOptionsPage(parent, self.on_apply)
